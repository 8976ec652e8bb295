package satmetrics_test

import (
	"testing"

	"github.com/satmetrics/satmetrics"
)

// TestTrimR compares trimming R's raked weights to [0.6, 1.6] times their
// mean with R's survey::trimWeights(strict = TRUE) (testdata/weights,
// columns rake and trim of weights.csv, written by gen_reference.R).
// Tolerance: 1e-12 relative.
func TestTrimR(t *testing.T) {
	r := wrefLoad(t)
	got, err := satmetrics.Trim(r.weights["rake"], satmetrics.Bounds{Lower: 0.6, Upper: 1.6, Relative: true})
	if err != nil {
		t.Fatal(err)
	}
	wrefCompare(t, "Trim", got.Weights, r.weights["trim"], 1e-12)
	t.Logf("Trim: %d weights trimmed in %d rounds", got.Trimmed, got.Rounds)
}
