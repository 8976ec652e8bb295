package kpi_test

import (
	"encoding/json"
	"errors"
	"flag"
	"strings"
	"testing"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/chart"
	"github.com/satmetrics/satmetrics/kpi"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestControlChartSVG(t *testing.T) {
	week, err := satmetrics.ParsePeriod("2026-W01", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	var ps []kpi.Proportion
	var obs []kpi.Observation
	for i, c := range []int64{80, 82, 79, 81, 60, 80, 83, 78, 81, 80, 79, 82, 80, 81} {
		ps = append(ps, kpi.Proportion{Period: week, Count: c, N: 100 + int64(i%2)*4})
		obs = append(obs, kpi.Observation{Period: week, Value: float64(c) / 10})
		week = week.Next()
	}
	p, err := kpi.PChart(ps)
	if err != nil {
		t.Fatal(err)
	}
	x, err := kpi.XmR(obs)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Signals) == 0 || len(x.Signals) == 0 {
		t.Fatalf("no signals to draw: %v %v", p.Signals, x.Signals)
	}
	for name, b := range map[string][]byte{
		"pchart": p.SVG("CSAT share by week", "% satisfied"),
		"xmr":    x.SVG("Median first reply by week", "hours"),
	} {
		if err := chart.Check(b); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if err := chart.Golden("testdata/charts/"+name+".svg", b, *update); err != nil {
			t.Error(err)
		}
		// The signal at the fifth week is circled and named.
		if !strings.Contains(string(b), "2026-W05: ") || !strings.Contains(string(b), ">UCL<") {
			t.Errorf("%s: signal or limit label missing", name)
		}
	}
}

// TestSignalJSON: a chart's signals read back from their JSON.
func TestSignalJSON(t *testing.T) {
	week, _ := satmetrics.ParsePeriod("2026-W05", time.UTC)
	in := []kpi.Signal{{Rule: kpi.RuleBeyond3Sigma, Period: week, Index: 4, Side: -1}, {Rule: kpi.RuleMovingRange, Period: week.Next(), Index: 5, Side: 1}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out []kpi.Signal
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[0].Rule != in[0].Rule || out[1].Rule != in[1].Rule || out[1].Period != in[1].Period.In(time.UTC) {
		t.Errorf("round trip %s gave %+v", b, out)
	}
	var r kpi.Rule
	if err := r.UnmarshalText([]byte("rule 99")); !errors.Is(err, satmetrics.ErrSyntax) {
		t.Errorf("unknown rule: %v", err)
	}
	if _, err := kpi.Rule(0).MarshalText(); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("zero rule: %v", err)
	}
}
