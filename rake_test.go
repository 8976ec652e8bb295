package satmetrics_test

import (
	"testing"

	"github.com/satmetrics/satmetrics"
)

// TestRakeR compares raking on region, tier and tenure with R's
// survey::rake (testdata/weights/weights.csv, written by gen_reference.R
// with maxit = 1000 and epsilon = 1e-13), from equal weights (column rake)
// and from unequal base weights (column rake_w0). Both converge to the same
// fixed point; tolerance 1e-9 relative.
func TestRakeR(t *testing.T) {
	r := wrefLoad(t)
	cfg := satmetrics.Calibration{Tolerance: 1e-12, MaxIter: 1000}
	classes := r.classes("region", "tier", "tenure")
	for _, c := range []struct {
		column  string
		weights []float64
	}{{"rake", nil}, {"rake_w0", r.w0}} {
		got, err := satmetrics.Rake(classes, c.weights, cfg)
		if err != nil {
			t.Fatalf("%s: %v", c.column, err)
		}
		wrefCompare(t, c.column, got.Weights, r.weights[c.column], 1e-9)
		if !got.Converged || got.Iterations < 2 {
			t.Errorf("%s: converged %v after %d sweeps, want true after several", c.column, got.Converged, got.Iterations)
		}
		for _, m := range got.Margins {
			if m.MaxRelativeDifference > 1e-12 {
				t.Errorf("%s: margin %q is %g from its target, want at most 1e-12", c.column, m.Classification, m.MaxRelativeDifference)
			}
		}
	}
}

// TestRakeBoundsR compares raking within bounds of 0.2 and 5 times the mean
// weight with R's survey::rake and trimWeights(strict = TRUE) applied in
// rounds until the raked weights are within the bounds up to a relative
// 1e-9 (column rake_trim, and the number of rounds, of gen_reference.R).
// Each round's raking stops at a relative 1e-9 here and much closer in R,
// so the weights agree to 1e-6 relative.
func TestRakeBoundsR(t *testing.T) {
	r := wrefLoad(t)
	cfg := satmetrics.Calibration{
		Tolerance: 1e-9,
		MaxIter:   1000,
		Bounds:    satmetrics.Bounds{Lower: 0.2, Upper: 5, Relative: true},
	}
	got, err := satmetrics.Rake(r.classes("region", "tier", "tenure"), nil, cfg)
	if err != nil {
		t.Fatal(err)
	}
	wrefCompare(t, "rake_trim", got.Weights, r.weights["rake_trim"], 1e-6)
	if want := int(r.est["rake_trim.rounds"]); got.TrimRounds != want {
		t.Errorf("Rake with bounds: %d rounds, want %d", got.TrimRounds, want)
	}
	mean := 100000.0 / 600
	if !wrefClose(got.Lower, 0.2*mean, 1e-15) || !wrefClose(got.Upper, 5*mean, 1e-15) {
		t.Errorf("Rake with bounds: bounds [%v, %v], want [%v, %v]", got.Lower, got.Upper, 0.2*mean, 5*mean)
	}
}
