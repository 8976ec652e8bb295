package satmetrics_test

import (
	"errors"
	"fmt"
	"strings"
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

// TestPostStratifyShares checks that shares with a Total give the weights
// of counts rescaled, that respondents of weight zero keep it, and the
// report.
func TestPostStratifyShares(t *testing.T) {
	labels := []string{"basic", "pro", "basic", "enterprise", "pro", "basic"}
	counts := satmetrics.Classification{Name: "tier", Labels: labels, Population: map[string]float64{"basic": 5500, "enterprise": 1500, "pro": 3000}}
	shares := satmetrics.Classification{Name: "tier", Labels: labels, Population: map[string]float64{"basic": 0.55, "enterprise": 0.15, "pro": 0.30}}
	base := []float64{1, 2, 0, 1, 1, 3}
	a, err := satmetrics.PostStratify(counts, base, satmetrics.Calibration{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := satmetrics.PostStratify(shares, base, satmetrics.Calibration{Total: 6})
	if err != nil {
		t.Fatal(err)
	}
	// By hand: basic has weight 1 + 0 + 3 = 4 for 5500, pro 2 + 1 = 3
	// for 3000, enterprise 1 for 1500.
	want := []float64{5500.0 / 4, 2 * 1000, 0, 1500, 1000, 3 * 5500.0 / 4}
	wrefCompare(t, "counts", a.Weights, want, 1e-15)
	for i := range want {
		want[i] *= 6.0 / 10000
	}
	wrefCompare(t, "shares", b.Weights, want, 1e-14)
	if b.Total != 6 || b.Margins[0].Categories[0].Respondents != 3 || !wrefClose(b.Margins[0].Categories[0].Initial, 6*4.0/8, 1e-15) {
		t.Errorf("shares: total %v, report %+v", b.Total, b.Margins[0].Categories[0])
	}
	if base[2] != 0 || base[5] != 3 {
		t.Errorf("PostStratify modified its input: %v", base)
	}
}

// TestPostStratifyBounds checks post-stratification within bounds: the
// weights end within the bounds and meet the margin, in several rounds.
func TestPostStratifyBounds(t *testing.T) {
	r := wrefLoad(t)
	b := satmetrics.Bounds{Lower: 0.5, Upper: 2, Relative: true}
	got, err := satmetrics.PostStratify(r.classes("region")[0], r.w0, satmetrics.Calibration{Tolerance: 1e-9, Bounds: b})
	if err != nil {
		t.Fatal(err)
	}
	if got.TrimRounds == 0 {
		t.Errorf("no trimming: %+v", got.Margins)
	}
	mean := 100000.0 / 600
	for i, w := range got.Weights {
		if w < 0.5*mean*(1-1e-9) || w > 2*mean*(1+1e-9) {
			t.Errorf("weight %d = %v, outside [%v, %v]", i, w, 0.5*mean, 2*mean)
		}
	}
	for cat, target := range r.pop["region"] {
		if m := wrefMargins(r.classes("region")[0], got.Weights)[cat]; !wrefClose(m, target, 1e-9) {
			t.Errorf("region %q: %v, want %v", cat, m, target)
		}
	}
	if got.Iterations != got.TrimRounds+1 {
		t.Errorf("%d iterations for %d rounds, want one per round and one before", got.Iterations, got.TrimRounds)
	}
}

// TestPostStratifyBoundsImpossible asks for bounds that the margin
// forbids: a category of one respondent that must weigh half the total.
func TestPostStratifyBoundsImpossible(t *testing.T) {
	c := satmetrics.Classification{Name: "tier", Labels: []string{"a", "b", "b", "b"}, Population: map[string]float64{"a": 50, "b": 50}}
	got, err := satmetrics.PostStratify(c, nil, satmetrics.Calibration{MaxIter: 20, Bounds: satmetrics.Bounds{Upper: 1.5, Relative: true}})
	if !errors.Is(err, satmetrics.ErrNotConverged) || got.Converged {
		t.Fatalf("error %v, converged %v; want ErrNotConverged", err, got.Converged)
	}
	for _, s := range []string{"bounds [0, 37.5]", `"tier"`} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not say %s", err, s)
		}
	}
}

// BenchmarkPostStratify post-stratifies n respondents to a classification
// of 20 categories.
func BenchmarkPostStratify(b *testing.B) {
	for _, n := range []int{1000, 100000, 1000000} {
		c := wrefBench(n)[0]
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := satmetrics.PostStratify(c, nil, satmetrics.Calibration{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
