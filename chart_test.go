package satmetrics_test

import (
	"flag"
	"strings"
	"testing"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/chart"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestTrendChartSVG(t *testing.T) {
	p := func(s string) satmetrics.Period {
		q, err := satmetrics.ParsePeriod(s, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	e := func(v, half float64) satmetrics.Estimate {
		return satmetrics.Estimate{Value: v, StdErr: half / 2, Interval: satmetrics.Interval{Lower: v - half, Upper: v + half, Level: 0.95, Method: "wald"}}
	}
	c := satmetrics.TrendChart{
		Title: "NPS by month", YLabel: "NPS",
		Series: []satmetrics.TrendSeries{
			{Name: "chat", Points: []satmetrics.PeriodEstimate{
				{Period: p("2026-01"), Estimate: e(30, 5)}, {Period: p("2026-02"), Estimate: e(28, 5)},
				{Period: p("2026-04"), Estimate: e(10, 6), Flag: "-18 (p < 0.001)"},
			}},
			{Name: "email", Points: []satmetrics.PeriodEstimate{
				{Period: p("2026-02"), Estimate: e(20, 4)}, {Period: p("2026-03"), Estimate: e(22, 4)},
				{Period: p("2026-Q1"), Estimate: e(99, 1)}, // another kind: left out
			}},
		},
		Target: 25, HasTarget: true,
	}
	b := c.SVG()
	if err := chart.Check(b); err != nil {
		t.Fatal(err)
	}
	if err := chart.Golden("testdata/charts/trend.svg", b, *update); err != nil {
		t.Error(err)
	}
	// The gap month 2026-03 is on the axis, and the description names the metric.
	for _, want := range []string{">2026-03<", "NPS by month with confidence intervals", "target", "-18 (p &lt; 0.001)"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if err := chart.Check(satmetrics.TrendChart{Title: "empty"}.SVG()); err != nil {
		t.Error(err)
	}
}
