package satmetrics_test

import (
	"testing"

	"github.com/satmetrics/satmetrics"
)

// TestPostStratifyR compares post-stratification on plan tier, from unequal
// base weights, with R's survey::postStratify (testdata/weights/weights.csv,
// column poststratify, written by gen_reference.R). Tolerance: 1e-12
// relative.
func TestPostStratifyR(t *testing.T) {
	r := wrefLoad(t)
	got, err := satmetrics.PostStratify(r.classes("tier")[0], r.w0, satmetrics.Calibration{})
	if err != nil {
		t.Fatal(err)
	}
	wrefCompare(t, "PostStratify", got.Weights, r.weights["poststratify"], 1e-12)
	if !got.Converged || got.Iterations != 1 || got.Method != "post-stratification" {
		t.Errorf("PostStratify: converged %v after %d iterations by %q, want true after 1 by post-stratification",
			got.Converged, got.Iterations, got.Method)
	}
	if got.Total != 100000 || got.N != 600 {
		t.Errorf("PostStratify: total %v, n %d, want 100000 and 600", got.Total, got.N)
	}
	for _, c := range got.Margins[0].Categories {
		if want := r.pop["tier"][c.Category]; !wrefClose(c.Achieved, want, 1e-12) || !wrefClose(c.Target, want, 0) {
			t.Errorf("PostStratify: category %q achieved %v with target %v, want %v", c.Category, c.Achieved, c.Target, want)
		}
	}
}
