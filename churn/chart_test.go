package churn_test

import (
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/satmetrics/satmetrics/churn"
	"github.com/satmetrics/satmetrics/internal/chart"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestCohortTableSVG(t *testing.T) {
	d := func(m time.Month, day int) time.Time { return time.Date(2026, m, day, 0, 0, 0, 0, time.UTC) }
	var l churn.Ledger
	for i, start := range []time.Time{d(1, 3), d(1, 8), d(1, 20), d(1, 25), d(2, 2), d(2, 14)} {
		id := fmt.Sprint("c", i)
		if err := l.Add(churn.Event{Customer: id, Time: start, Kind: churn.Start, Amount: 20}); err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			if err := l.Add(churn.Event{Customer: id, Time: start.AddDate(0, 1, 10), Kind: churn.Cancel}); err != nil {
				t.Fatal(err)
			}
		} else if err := l.Add(churn.Event{Customer: id, Time: start.AddDate(0, 1, 0), Kind: churn.Payment, Amount: 30}); err != nil {
			t.Fatal(err)
		}
	}
	tab, err := l.Cohorts(churn.ReportConfig{Through: d(4, 30)})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []churn.CohortMeasure{churn.CohortSurviving, churn.CohortActive, churn.CohortNetRevenue, churn.CohortGrossRevenue, 9} {
		b := tab.SVG(m)
		if err := chart.Check(b); err != nil {
			t.Errorf("measure %d: %v", m, err)
		}
		if err := chart.Golden(fmt.Sprintf("testdata/charts/cohorts_%d.svg", m), b, *update); err != nil {
			t.Error(err)
		}
	}
	// The January cohort keeps 50% from period 2 on; the February cohort has
	// not reached period 3, which is blank.
	b := string(tab.SVG(churn.CohortSurviving))
	for _, want := range []string{"2026-01, 2: 50%", "2026-02, 3: not reached"} {
		if !strings.Contains(b, want) {
			t.Errorf("cohort SVG lacks %q", want)
		}
	}
}

// TestSurvivalSVG draws the two arms of the Freireich 6-MP trial.
func TestSurvivalSVG(t *testing.T) {
	mp := []float64{6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35}
	mpEvent := []bool{true, true, true, false, true, false, true, false, false, true, true, false, false, false, true, true, false, false, false, false, false}
	placebo := []float64{1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23}
	all := make([]bool, len(placebo))
	for i := range all {
		all[i] = true
	}
	a, err := churn.KaplanMeierOf(mp, mpEvent, churn.CurveConfig{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := churn.KaplanMeierOf(placebo, all, churn.CurveConfig{})
	if err != nil {
		t.Fatal(err)
	}
	b := churn.SurvivalSVG("Remission by treatment", "weeks", []string{"6-MP", "placebo"}, []*churn.Curve{a, p})
	if err := chart.Check(b); err != nil {
		t.Fatal(err)
	}
	if err := chart.Golden("testdata/charts/survival.svg", b, *update); err != nil {
		t.Error(err)
	}
	if !strings.Contains(string(b), ">weeks<") || !strings.Contains(string(b), ">6-MP<") {
		t.Error("axis label or legend missing")
	}
}
