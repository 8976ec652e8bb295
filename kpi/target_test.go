package kpi

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/satmetrics/satmetrics"
)

func TestTargetAssess(t *testing.T) {
	csat := Target{Value: 85, Direction: satmetrics.HigherIsBetter, Tolerance: 2}
	frt := Target{Value: 4, Direction: satmetrics.LowerIsBetter} // hours
	est := func(v, lo, hi float64) satmetrics.Estimate {
		return satmetrics.Estimate{Value: v, Interval: satmetrics.Interval{Lower: lo, Upper: hi, Level: 0.95}}
	}
	for _, tc := range []struct {
		t    Target
		e    satmetrics.Estimate
		want Assessment
	}{
		{csat, est(86, 84, 88), Assessment{OnTarget, 86, 85, 1}},
		{csat, est(85, 84, 86), Assessment{OnTarget, 85, 85, 0}},
		{csat, est(83.5, 83, 84), Assessment{AtRisk, 83.5, 85, -1.5}}, // within the tolerance
		{csat, est(82, 79, 85.5), Assessment{AtRisk, 82, 85, -3}},     // interval reaches the target
		{csat, est(80, 78, 82), Assessment{OffTarget, 80, 85, -5}},    // neither
		{csat, satmetrics.Estimate{Value: 82}, Assessment{OffTarget, 82, 85, -3}},
		{frt, est(3.5, 3, 4), Assessment{OnTarget, 3.5, 4, 0.5}},
		{frt, est(4.5, 4.2, 4.8), Assessment{OffTarget, 4.5, 4, -0.5}},
		{frt, est(4.5, 3.9, 5.1), Assessment{AtRisk, 4.5, 4, -0.5}},
	} {
		got, err := tc.t.Assess(tc.e)
		if err != nil || got != tc.want {
			t.Errorf("%+v.Assess(%+v) = %+v, %v, want %+v", tc.t, tc.e, got, err, tc.want)
		}
	}
	for _, bad := range []Target{
		{Value: 1}, {Value: math.NaN(), Direction: satmetrics.HigherIsBetter},
		{Value: 1, Direction: satmetrics.HigherIsBetter, Tolerance: -1},
		{Value: 1, Direction: satmetrics.HigherIsBetter, Tolerance: math.NaN()},
	} {
		if _, err := bad.Assess(satmetrics.Estimate{Value: 1}); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("%+v.Assess error = %v", bad, err)
		}
	}
	if _, err := csat.Assess(satmetrics.Estimate{Value: math.NaN()}); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("Assess(NaN) error = %v", err)
	}
	for s, want := range map[Status]string{OnTarget: "on target", AtRisk: "at risk", OffTarget: "off target", 0: "%!Status(0)"} {
		if got := s.String(); got != want {
			t.Errorf("Status(%d) = %q, want %q", s, got, want)
		}
	}
	b, _ := json.Marshal(Assessment{Status: AtRisk})
	if string(b) != `{"status":"at risk","value":0,"target":0,"gap":0}` {
		t.Errorf("JSON = %s", b)
	}
}

// TestACSIBands checks the convention the issue quotes: above 80 good,
// below 60 needs work.
func TestACSIBands(t *testing.T) {
	bs := ACSIBands()
	if err := bs.Validate(); err != nil {
		t.Fatal(err)
	}
	for v, want := range map[float64]string{0: "needs work", 59.9: "needs work", 60: "fair", 80: "fair", 80.1: "good", 100: "good"} {
		b, err := bs.Classify(v)
		if err != nil || b.Label != want {
			t.Errorf("Classify(%v) = %q, %v, want %q", v, b.Label, err, want)
		}
	}
	if _, err := bs.Classify(101); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Classify(101) error = %v", err)
	}
	bs[0].Label = "changed"
	if ACSIBands()[0].Label != "needs work" {
		t.Error("ACSIBands shares its slice")
	}
	// Replaceable data: bands decoded from JSON.
	var custom Bands
	if err := json.Unmarshal([]byte(`[{"label":"low","lower":0,"upper":7,"lower_inclusive":true},{"label":"high","lower":7,"upper":10,"lower_inclusive":true,"upper_inclusive":true}]`), &custom); err != nil {
		t.Fatal(err)
	}
	if b, _ := custom.Classify(7); b.Label != "high" || custom.Validate() != nil {
		t.Errorf("custom bands: Classify(7) = %q", b.Label)
	}
	for _, bad := range []Bands{
		{{Label: "a", Lower: 0, Upper: 10}, {Label: "b", Lower: 5, Upper: 20}},
		{{Label: "a", Lower: 0, Upper: 10, UpperInclusive: true}, {Label: "b", Lower: 10, Upper: 20, LowerInclusive: true}},
	} {
		if err := bad.Validate(); !errors.Is(err, ErrOverlap) {
			t.Errorf("Validate(%v) error = %v", bad, err)
		}
	}
	for _, bad := range []Bands{{{Label: "e", Lower: 5, Upper: 5}}, {{Label: "n", Lower: math.NaN(), Upper: 5}}, {{Label: "r", Lower: 6, Upper: 5}}} {
		if err := bad.Validate(); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("Validate(%v) error = %v", bad, err)
		}
	}
	if err := (Bands{{Label: "a", Lower: 0, Upper: 10}, {Label: "b", Lower: 10, Upper: 20}}).Validate(); err != nil {
		t.Errorf("touching open bands: %v", err)
	}
}
