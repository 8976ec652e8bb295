package satmetrics_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/satmetrics/satmetrics"
)

// TestEffectiveN checks Kish's effective sample size and design effect on
// weights worked by hand. When half the respondents weigh k times the
// others, deff = 2 (1 + k²) / (1 + k)², so k = 3 gives 1.25 and, for six
// respondents, n_eff = 4.8.
func TestEffectiveN(t *testing.T) {
	for _, c := range []struct {
		name       string
		weights    []float64
		effN, deff float64
	}{
		{name: "equal", weights: []float64{2, 2, 2, 2}, effN: 4, deff: 1},
		{name: "1 2 3", weights: []float64{1, 2, 3}, effN: 36.0 / 14, deff: 3 * 14.0 / 36},
		{name: "half weigh 3 times the others", weights: []float64{1, 1, 1, 3, 3, 3}, effN: 4.8, deff: 1.25},
		{name: "one weight", weights: []float64{5}, effN: 1, deff: 1},
		{name: "no weight", weights: []float64{0, 0}, effN: 0, deff: 0},
	} {
		var sumW, sumW2 float64
		for _, w := range c.weights {
			sumW += w
			sumW2 += w * w
		}
		if got := satmetrics.EffectiveN(sumW, sumW2); !wrefClose(got, c.effN, 1e-15) {
			t.Errorf("%s: EffectiveN(%v, %v) = %v, want %v", c.name, sumW, sumW2, got, c.effN)
		}
		if got := satmetrics.DesignEffect(int64(len(c.weights)), sumW, sumW2); !wrefClose(got, c.deff, 1e-15) {
			t.Errorf("%s: DesignEffect(%d, %v, %v) = %v, want %v", c.name, len(c.weights), sumW, sumW2, got, c.deff)
		}
	}
}

// TestEffectiveNProperties checks the laws the docs state: the effective
// sample size is at most n, equals n for equal weights, does not depend on
// the scale of the weights, and the design effect is n / n_eff ≥ 1.
func TestEffectiveNProperties(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.Rng.Seed(1965)
	props := gopter.NewProperties(params)
	sums := func(ws []float64, scale float64) (float64, float64) {
		var s, s2 float64
		for _, w := range ws {
			s += w * scale
			s2 += w * scale * w * scale
		}
		return s, s2
	}
	props.Property("n_eff <= n, deff = n / n_eff >= 1, scale free", prop.ForAll(
		func(ws []float64, scale float64) string {
			s, s2 := sums(ws, 1)
			n := float64(len(ws))
			effN := satmetrics.EffectiveN(s, s2)
			deff := satmetrics.DesignEffect(int64(len(ws)), s, s2)
			switch {
			case effN > n*(1+1e-12):
				return fmt.Sprintf("n_eff %v > n %v", effN, n)
			case deff < 1-1e-12:
				return fmt.Sprintf("deff %v < 1", deff)
			case !wrefClose(deff*effN, n, 1e-12):
				return fmt.Sprintf("deff %v × n_eff %v != n %v", deff, effN, n)
			}
			ss, ss2 := sums(ws, scale)
			if got := satmetrics.EffectiveN(ss, ss2); !wrefClose(got, effN, 1e-12) {
				return fmt.Sprintf("scaled by %v: n_eff %v, want %v", scale, got, effN)
			}
			return ""
		},
		gen.SliceOfN(50, gen.Float64Range(0.01, 100)).SuchThat(func(ws []float64) bool { return len(ws) > 0 }),
		gen.Float64Range(1e-3, 1e3),
	))
	props.Property("equal weights give n_eff = n and deff = 1", prop.ForAll(
		func(n int, w float64) bool {
			ws := make([]float64, n)
			for i := range ws {
				ws[i] = w
			}
			s, s2 := sums(ws, 1)
			return wrefClose(satmetrics.EffectiveN(s, s2), float64(n), 1e-12) &&
				wrefClose(satmetrics.DesignEffect(int64(n), s, s2), 1, 1e-12)
		},
		gen.IntRange(1, 10000), gen.Float64Range(1e-6, 1e6),
	))
	props.TestingRun(t)
	if got := satmetrics.EffectiveN(math.Inf(1), 0); got != 0 {
		t.Errorf("EffectiveN(+Inf, 0) = %v, want 0", got)
	}
}
