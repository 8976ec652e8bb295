package kpi

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/satmetrics/satmetrics"
)

// TestComplaintRateR compares the Poisson score interval with the roots
// that R's uniroot finds for (c - λ)²/λ = z² (testdata/poisson_score_r.json,
// gen_reference.R), to 1e-9 relative.
func TestComplaintRateR(t *testing.T) {
	var ref []struct{ Count, Level, Lower, Upper float64 }
	readJSON(t, "poisson_score_r.json", &ref)
	if len(ref) < 8 {
		t.Fatal("too few references")
	}
	for _, r := range ref {
		// Per 1,000 of 4,000 units: the bounds scale by 1/4.
		e, err := ComplaintRate(int64(r.Count), 4000, PerThousand, r.Level)
		if err != nil {
			t.Fatal(err)
		}
		if !close(e.Lower, r.Lower/4, 1e-9) || !close(e.Upper, r.Upper/4, 1e-9) || e.Value != r.Count/4 {
			t.Errorf("ComplaintRate(%v, level %v) = %v [%v, %v], want [%v, %v]", r.Count, r.Level, e.Value, e.Lower, e.Upper, r.Lower/4, r.Upper/4)
		}
	}
	e, _ := ComplaintRate(30, 12000, PerHundred, 0.95)
	if !close(e.Value, 0.25, 1e-15) || !close(e.StdErr, math.Sqrt(30)/120, 1e-15) || e.N != 12000 || e.Method != "poisson-score" {
		t.Errorf("ComplaintRate(30 in 12000 per 100) = %+v", e)
	}
	for _, tc := range []struct {
		c, u int64
		per  float64
		want error
	}{{-1, 10, 100, satmetrics.ErrRange}, {1, -1, 100, satmetrics.ErrRange}, {1, 10, 0, satmetrics.ErrRange},
		{1, 10, math.Inf(1), satmetrics.ErrRange}, {0, 0, 100, satmetrics.ErrNoData}} {
		if _, err := ComplaintRate(tc.c, tc.u, tc.per, 0.95); !errors.Is(err, tc.want) {
			t.Errorf("ComplaintRate(%d, %d, %v) error = %v, want %v", tc.c, tc.u, tc.per, err, tc.want)
		}
	}
	if _, err := ComplaintRate(1, 1, 100, 2); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("level error = %v", err)
	}
}

func TestPareto(t *testing.T) {
	got, err := Pareto(map[string]int64{"billing": 40, "delivery": 25, "quality": 25, "other": 10, "none": 0})
	if err != nil {
		t.Fatal(err)
	}
	want := []ParetoItem{
		{"billing", 40, 0.4, 0.4}, {"delivery", 25, 0.25, 0.65}, {"quality", 25, 0.25, 0.9},
		{"other", 10, 0.1, 1}, {"none", 0, 0, 1},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-15)); diff != "" {
		t.Errorf("Pareto mismatch (-want +got):\n%s", diff)
	}
	// Ten customers, two of whom make 70 of 100 complaints.
	byCustomer := map[string]int64{"a": 50, "b": 20, "c": 5, "d": 5, "e": 5, "f": 5, "g": 4, "h": 3, "i": 2, "j": 1}
	if s, err := TopShare(byCustomer, 0.2); err != nil || !close(s, 0.7, 1e-15) {
		t.Errorf("TopShare(0.2) = %v, %v, want 0.7", s, err)
	}
	if s, _ := TopShare(byCustomer, 0.25); !close(s, 0.75, 1e-15) { // ⌈2.5⌉ = 3 customers
		t.Errorf("TopShare(0.25) = %v, want 0.75", s)
	}
	if s, _ := TopShare(byCustomer, 0.01); !close(s, 0.5, 1e-15) { // at least one
		t.Errorf("TopShare(0.01) = %v, want 0.5", s)
	}
	if _, err := TopShare(byCustomer, 0); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("TopShare(0) error = %v", err)
	}
	if _, err := Pareto(map[string]int64{"x": -1}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Pareto(negative) error = %v", err)
	}
	if _, err := TopShare(map[string]int64{"x": 0}, 0.5); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("TopShare(no complaints) error = %v", err)
	}
}

// TestRateEstimate checks Wilson's interval against R's
// prop.test(7, 20, correct = FALSE)$conf.int = (0.1811918, 0.5671457).
func TestRateEstimate(t *testing.T) {
	e, err := RateEstimate(7, 20, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if e.Value != 35 || !close(e.Lower, 18.11918, 1e-6) || !close(e.Upper, 56.71457, 1e-6) || e.Method != "wilson" {
		t.Errorf("RateEstimate(7, 20) = %+v", e)
	}
	if e, _ := RateEstimate(0, 5, 0.95); e.Lower != 0 || e.Upper <= 0 {
		t.Errorf("RateEstimate(0, 5) = %+v", e)
	}
	if e, _ := RateEstimate(5, 5, 0.95); e.Upper != 100 || e.Lower >= 100 {
		t.Errorf("RateEstimate(5, 5) = %+v", e)
	}
	for _, tc := range []struct{ k, n int64 }{{-1, 5}, {6, 5}} {
		if _, err := RateEstimate(tc.k, tc.n, 0.95); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("RateEstimate(%d, %d) error = %v", tc.k, tc.n, err)
		}
	}
	if _, err := RateEstimate(1, 2, 1); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("level error = %v", err)
	}
}
