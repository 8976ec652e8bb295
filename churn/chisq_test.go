package churn

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// TestChiSquareSurvival compares the private chi-square tail with R's
// pchisq(x, df, lower.tail = FALSE) (testdata/gen_reference.R,
// chisq_reference.json) to a relative 1e-12.
func TestChiSquareSurvival(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "chisq_reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	var refs []struct{ X, DF, P float64 }
	if err := json.Unmarshal(b, &refs); err != nil {
		t.Fatal(err)
	}
	if len(refs) != 40 {
		t.Fatalf("%d reference values, want 40", len(refs))
	}
	for _, r := range refs {
		if got := chiSquareSurvival(r.X, r.DF); math.Abs(got-r.P) > 1e-12*r.P {
			t.Errorf("chiSquareSurvival(%v, %v) = %v, want %v", r.X, r.DF, got, r.P)
		}
	}
	if got := chiSquareSurvival(0, 3); got != 1 {
		t.Errorf("chiSquareSurvival(0, 3) = %v, want 1", got)
	}
}
