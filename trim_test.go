package satmetrics_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

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

// TestTrimByHand follows R's trimWeights on a small case by hand: weights
// 1, 2, 3, 10 with upper bound 5. Round 1 moves 10 to 5 and shares the 5
// removed among the other three (+5/3); round 2 finds 3 + 5/3 = 4.67 within
// the bounds, so it ends.
func TestTrimByHand(t *testing.T) {
	got, err := satmetrics.Trim([]float64{1, 2, 3, 10}, satmetrics.Bounds{Upper: 5})
	if err != nil {
		t.Fatal(err)
	}
	want := satmetrics.Trimmed{
		Weights: []float64{1 + 5.0/3, 2 + 5.0/3, 3 + 5.0/3, 5},
		Upper:   5, Trimmed: 1, Rounds: 1,
		EffectiveN: 256 / ((8.0/3)*(8.0/3) + (11.0/3)*(11.0/3) + (14.0/3)*(14.0/3) + 25),
	}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-15, 0)); d != "" {
		t.Errorf("Trim (-want +got):\n%s", d)
	}

	// A lower bound: 0.5 moves to 1, and the others give up 0.5/3 each;
	// zero weights stay zero.
	got, err = satmetrics.Trim([]float64{0.5, 2, 0, 3, 4}, satmetrics.Bounds{Lower: 1})
	if err != nil {
		t.Fatal(err)
	}
	wrefCompare(t, "lower", got.Weights, []float64{1, 2 - 0.5/3, 0, 3 - 0.5/3, 4 - 0.5/3}, 1e-15)

	// No bounds: the weights come back unchanged.
	got, err = satmetrics.Trim([]float64{1, 9}, satmetrics.Bounds{})
	if err != nil || got.Rounds != 0 || got.Trimmed != 0 || got.Weights[1] != 9 {
		t.Errorf("Trim without bounds = %+v, %v", got, err)
	}
}

func TestTrimErrors(t *testing.T) {
	for _, c := range []struct {
		name    string
		weights []float64
		b       satmetrics.Bounds
		want    error
		says    []string
	}{
		{"negative", []float64{1, -1}, satmetrics.Bounds{Upper: 2}, satmetrics.ErrWeight, []string{"respondent 1", "-1"}},
		{"NaN", []float64{math.NaN()}, satmetrics.Bounds{Upper: 2}, satmetrics.ErrWeight, []string{"NaN"}},
		{"none positive", []float64{0, 0}, satmetrics.Bounds{Upper: 2}, satmetrics.ErrNoData, nil},
		{"empty", nil, satmetrics.Bounds{Upper: 2}, satmetrics.ErrNoData, nil},
		{"lower above upper", []float64{1, 2}, satmetrics.Bounds{Lower: 3, Upper: 2}, satmetrics.ErrRange, []string{"[3, 2]"}},
		{"negative bound", []float64{1, 2}, satmetrics.Bounds{Lower: -1}, satmetrics.ErrRange, []string{"[-1, 0]"}},
		{"infinite bound", []float64{1, 2}, satmetrics.Bounds{Upper: math.Inf(1)}, satmetrics.ErrRange, []string{"+Inf"}},
		{"upper too low", []float64{1, 2, 3}, satmetrics.Bounds{Upper: 1.5}, satmetrics.ErrRange, []string{"[0, 1.5]", "3 weights", "6"}},
		{"lower too high", []float64{1, 2, 3}, satmetrics.Bounds{Lower: 2.5}, satmetrics.ErrRange, []string{"[2.5, 0]"}},
		{"relative, upper below 1", []float64{1, 2, 3}, satmetrics.Bounds{Upper: 0.9, Relative: true}, satmetrics.ErrRange, nil},
		{"no weight within the bounds", []float64{0.1, 9}, satmetrics.Bounds{Lower: 1, Upper: 5}, satmetrics.ErrNotConverged, []string{"[1, 5]"}},
	} {
		_, err := satmetrics.Trim(c.weights, c.b)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
			continue
		}
		for _, s := range c.says {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("%s: error %q does not say %s", c.name, err, s)
			}
		}
	}
}

// TestTrimProperties checks that trimmed weights lie within the bounds,
// keep their total, stay positive, and that weights already within the
// bounds do not move.
func TestTrimProperties(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.Rng.Seed(808)
	props := gopter.NewProperties(params)
	props.Property("within bounds, same total, positive", prop.ForAll(
		func(seed int64, lo, hi float64) string {
			rng := rand.New(rand.NewPCG(uint64(seed), 1))
			w := make([]float64, 2+rng.IntN(300))
			var total float64
			for i := range w {
				w[i] = math.Exp(rng.NormFloat64()) // log-normal, with a long tail
				total += w[i]
			}
			got, err := satmetrics.Trim(w, satmetrics.Bounds{Lower: lo, Upper: hi, Relative: true})
			if errors.Is(err, satmetrics.ErrNotConverged) {
				return "" // too few weights within the bounds to share the excess
			}
			if err != nil {
				return err.Error()
			}
			var sum float64
			for i, x := range got.Weights {
				if !(x > 0) || x < got.Lower || x > got.Upper {
					return fmt.Sprintf("weight %d = %v outside [%v, %v]", i, x, got.Lower, got.Upper)
				}
				sum += x
			}
			if !wrefClose(sum, total, 1e-12) {
				return fmt.Sprintf("total %v, want %v", sum, total)
			}
			if got.Trimmed == 0 && !slices.Equal(got.Weights, w) {
				return "weights moved without trimming"
			}
			return ""
		},
		gen.Int64(), gen.Float64Range(0, 0.9), gen.Float64Range(1.1, 10),
	))
	props.TestingRun(t)
}

// BenchmarkTrim trims n log-normal weights to [0.3, 3] times their mean.
func BenchmarkTrim(b *testing.B) {
	for _, n := range []int{1000, 100000, 1000000} {
		rng := rand.New(rand.NewPCG(3, uint64(n)))
		w := make([]float64, n)
		for i := range w {
			w[i] = math.Exp(rng.NormFloat64())
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := satmetrics.Trim(w, satmetrics.Bounds{Lower: 0.3, Upper: 3, Relative: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
