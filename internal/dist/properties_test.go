package dist

import (
	"math"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

// family is one distribution under the property tests: its CDF, survival
// function and quantile with the parameters drawn by the generator, and a
// way to map u in (0, 1) onto its support (through the quantile, so that
// the points cover the body and both tails).
type family struct {
	name  string
	cdf   func(x float64, p []float64) float64
	sf    func(x float64, p []float64) float64
	q     func(u float64, p []float64) float64
	param gopter.Gen // []float64
}

// logUniform draws 10^v for v uniform in [lo, hi].
func logUniform(lo, hi float64) gopter.Gen {
	return gen.Float64Range(lo, hi).Map(func(v float64) float64 { return math.Pow(10, v) })
}

func families() []family {
	one := func(g gopter.Gen) gopter.Gen {
		return g.Map(func(v float64) []float64 { return []float64{v} })
	}
	two := func(g1, g2 gopter.Gen) gopter.Gen {
		return gopter.CombineGens(g1, g2).Map(func(v []interface{}) []float64 {
			return []float64{v[0].(float64), v[1].(float64)}
		})
	}
	return []family{
		{"normal",
			func(x float64, _ []float64) float64 { return NormalCDF(x) },
			func(x float64, _ []float64) float64 { return NormalSurvival(x) },
			func(u float64, _ []float64) float64 { return NormalQuantile(u) },
			gen.Const([]float64{})},
		{"student t (df 1..1e6)",
			func(x float64, p []float64) float64 { return StudentTCDF(x, p[0]) },
			func(x float64, p []float64) float64 { return StudentTSurvival(x, p[0]) },
			func(u float64, p []float64) float64 { return StudentTQuantile(u, p[0]) },
			one(logUniform(0, 6))},
		{"chi-square (k 0.1..1e6)",
			func(x float64, p []float64) float64 { return ChiSquareCDF(x, p[0]) },
			func(x float64, p []float64) float64 { return ChiSquareSurvival(x, p[0]) },
			func(u float64, p []float64) float64 { return ChiSquareQuantile(u, p[0]) },
			one(logUniform(-1, 6))},
		{"F (d1, d2 0.5..1e5)",
			func(x float64, p []float64) float64 { return FCDF(x, p[0], p[1]) },
			func(x float64, p []float64) float64 { return FSurvival(x, p[0], p[1]) },
			func(u float64, p []float64) float64 { return FQuantile(u, p[0], p[1]) },
			two(logUniform(-0.3, 5), logUniform(-0.3, 5))},
		{"beta (a, b 0.01..1e5)",
			func(x float64, p []float64) float64 { return BetaCDF(x, p[0], p[1]) },
			func(x float64, p []float64) float64 { return BetaSurvival(x, p[0], p[1]) },
			func(u float64, p []float64) float64 { return BetaQuantile(u, p[0], p[1]) },
			two(logUniform(-2, 5), logUniform(-2, 5))},
		{"gamma (shape 0.01..1e5, scale 0.01..100)",
			func(x float64, p []float64) float64 { return GammaCDF(x, p[0], p[1]) },
			func(x float64, p []float64) float64 { return GammaSurvival(x, p[0], p[1]) },
			func(u float64, p []float64) float64 { return GammaQuantile(u, p[0], p[1]) },
			two(logUniform(-2, 5), logUniform(-2, 2))},
	}
}

// probability draws u in [1e-300, 1 - 1e-6] with log-uniform lower tails,
// so that both tails and the body are exercised.
func probability() gopter.Gen {
	return gopter.CombineGens(gen.Float64Range(-300, 0), gen.Bool()).Map(func(v []interface{}) float64 {
		u := math.Pow(10, v[0].(float64)) / 2
		if v[1].(bool) {
			return math.Min(1-u, 1-1e-6)
		}
		return u
	})
}

func TestDistributionProperties(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 300
	for _, f := range families() {
		f := f
		props := gopter.NewProperties(params)

		props.Property(f.name+": CDF and survival in [0, 1], CDF + survival = 1", prop.ForAll(
			func(par []float64, u float64) bool {
				x := f.q(u, par)
				c, s := f.cdf(x, par), f.sf(x, par)
				return c >= 0 && c <= 1 && s >= 0 && s <= 1 && math.Abs(c+s-1) <= 1e-14
			},
			f.param, probability()))

		// Monotone: with x1 < x2 (two quantiles), F(x1) <= F(x2) and
		// S(x1) >= S(x2), up to a relative 1e-13 of rounding.
		props.Property(f.name+": CDF nondecreasing, survival nonincreasing", prop.ForAll(
			func(par []float64, u1, u2 float64) bool {
				x1, x2 := f.q(u1, par), f.q(u2, par)
				if x1 > x2 {
					x1, x2 = x2, x1
				}
				return f.cdf(x1, par) <= f.cdf(x2, par)*(1+1e-13) &&
					f.sf(x1, par)*(1+1e-13) >= f.sf(x2, par)
			},
			f.param, probability(), probability()))

		// Round trip: for x = Q(u) with F(x) <= 0.99 (above that, F(x)
		// rounded near 1 no longer determines x to 1e-9) and |x| above the
		// subnormal range, Q(F(x)) = x within 1e-9 relative.
		props.Property(f.name+": Quantile(CDF(x)) = x", prop.ForAll(
			func(par []float64, u float64) bool {
				x := f.q(u, par)
				c := f.cdf(x, par)
				if !(c > 1e-300 && c <= 0.99) || math.Abs(x) < 1e-300 {
					return true
				}
				back := f.q(c, par)
				return math.Abs(back-x) <= 1e-9*math.Abs(x)
			},
			f.param, probability()))

		props.TestingRun(t)
	}
}
