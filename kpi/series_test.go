package kpi

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/satmetrics/satmetrics"
)

func seriesOf(vs ...float64) Series {
	ps := weeks(len(vs))
	s := make(Series, len(vs))
	for i, v := range vs {
		s[i] = Point{ps[i], satmetrics.Estimate{Value: v, StdErr: 1, Interval: satmetrics.Interval{Lower: v - 2, Upper: v + 2, Level: 0.95}, N: 100}}
	}
	return s
}

func TestChanges(t *testing.T) {
	s := seriesOf(80, 84, 83.9)
	cs, err := Changes(s, satmetrics.HigherIsBetter, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	// d = 4, se = √2, z = 2.828, p = 0.00468 (2(1 - Φ(2.828427))).
	if len(cs) != 2 || cs[0].Difference != 4 || !close(cs[0].StdErr, math.Sqrt2, 1e-15) ||
		!close(cs[0].P, 0.004677734981047, 1e-9) || !cs[0].Improvement || cs[1].Improvement || cs[0].From != s[0].Period || cs[0].To != s[1].Period {
		t.Errorf("Changes = %+v", cs)
	}
	if !cs[0].Significant(0.95) || cs[1].Significant(0.95) {
		t.Error("significance")
	}
	if _, err := json.Marshal(cs); err != nil {
		t.Error(err)
	}
	zero := Series{{s[0].Period, satmetrics.Estimate{Value: 1}}, {s[1].Period, satmetrics.Estimate{Value: 2}}}
	if _, err := Changes(zero, satmetrics.HigherIsBetter, 0.95); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("Changes(no standard errors) error = %v", err)
	}
}

func TestSmoothing(t *testing.T) {
	s := seriesOf(1, 2, 3, 4, 10)
	ma, err := MovingAverage(s, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(ma) != 3 || ma[0].Value != 2 || ma[1].Value != 3 || !close(ma[2].Value, 17.0/3, 1e-15) || ma[0].Period != s[2].Period {
		t.Errorf("MovingAverage = %+v", ma)
	}
	e, err := EWMA(s, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	// 1, 1.5, 2.25, 3.125, 6.5625
	want := []float64{1, 1.5, 2.25, 3.125, 6.5625}
	for i, w := range want {
		if e[i].Value != w {
			t.Errorf("EWMA[%d] = %v, want %v", i, e[i].Value, w)
		}
	}
	for _, err := range []error{
		func() error { _, err := MovingAverage(s, 0); return err }(),
		func() error { _, err := EWMA(s, 0); return err }(),
		func() error { _, err := EWMA(s, 1.5); return err }(),
	} {
		if !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("error = %v, want ErrRange", err)
		}
	}
	if _, err := MovingAverage(s, 6); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("MovingAverage(window > n) error = %v", err)
	}
	if _, err := EWMA(nil, 0.3); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("EWMA(empty) error = %v", err)
	}
}

func TestSeriesCheck(t *testing.T) {
	s := seriesOf(1, 2, 3)
	s[1], s[2] = s[2], s[1]
	if _, err := MovingAverage(s, 1); !errors.Is(err, ErrOrder) {
		t.Errorf("out of order error = %v", err)
	}
	s = seriesOf(1, 2)
	s[1].Estimate.Value = math.Inf(1)
	if _, err := EWMA(s, 0.5); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("Inf error = %v", err)
	}
	if _, err := EWMA(Series{{}}, 0.5); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("zero period error = %v", err)
	}
}

func TestAnalyzeTrend(t *testing.T) {
	// The monthly CSAT of gen_reference.R / gen_trend_reference.py, by week.
	s := seriesOf(78.2, 79.1, 77.5, 80.3, 81.0, 79.8, 82.4, 83.1, 82.0, 84.5, 85.2, 84.9)
	r, err := AnalyzeTrend(s, satmetrics.HigherIsBetter, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	// S = 52 (scipy reference), Sen 0.7 [0.58, 0.7333], lm slope 0.681818.
	if r.Test.S != 52 || !close(r.Sen.Slope, 0.7, 1e-12) || !close(r.Linear.Slope.Value, 0.681818181818178, 1e-10) || r.Verdict != Improving {
		t.Errorf("AnalyzeTrend = %+v", r)
	}
	if r, _ := AnalyzeTrend(s, satmetrics.LowerIsBetter, 0.95); r.Verdict != Worsening {
		t.Errorf("lower-is-better verdict = %v", r.Verdict)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Error(err)
	}
	// A gap: the slope is per period, so dropping the middle weeks keeps it.
	gapped := Series{s[0], s[1], s[2], s[9], s[10], s[11]}
	g, err := AnalyzeTrend(gapped, satmetrics.HigherIsBetter, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	x := []float64{0, 1, 2, 9, 10, 11}
	want, _ := LeastSquares(x, gapped.Values(), 0.95)
	if g.Linear.Slope.Value != want.Slope.Value {
		t.Errorf("gapped slope = %v, want %v", g.Linear.Slope.Value, want.Slope.Value)
	}
	if _, err := AnalyzeTrend(s, 0, 0.95); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("invalid direction error = %v", err)
	}
	if _, err := AnalyzeTrend(s[:2], satmetrics.HigherIsBetter, 0.95); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("short series error = %v", err)
	}
}

func TestMovingAverageLarge(t *testing.T) {
	ma, err := MovingAverage(seriesOf(1e308, 1e308, 1e308), 3)
	if err != nil || len(ma) != 1 || !close(ma[0].Value, 1e308, 1e-15) {
		t.Errorf("MovingAverage(1e308 x3) = %v, %v", ma, err)
	}
}
