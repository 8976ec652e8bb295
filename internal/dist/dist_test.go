package dist

import (
	"math"
	"testing"
)

func TestClosedForms(t *testing.T) {
	// Closed forms (A&S 26.7): Cauchy (t with ν = 1): F(t) = ½ + atan(t)/π and its
	// tail 1/(π|t|) for huge |t|; t with ν = 2: F(t) = ½ + t/(2√(t²+2));
	// chi-square with k = 2: F(x) = 1 - e^(-x/2); exponential (gamma with
	// shape 1); beta(1, 1) uniform; F(2, 2): x/(1+x).
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"StudentTCDF(-3, 1)", StudentTCDF(-3, 1), 0.5 + math.Atan(-3)/math.Pi},
		{"StudentTSurvival(1e200, 1)", StudentTSurvival(1e200, 1), 1 / (math.Pi * 1e200)},
		{"StudentTCDF(-1e300, 1)", StudentTCDF(-1e300, 1), 1 / (math.Pi * 1e300)},
		{"StudentTCDF(0.7, 2)", StudentTCDF(0.7, 2), 0.5 + 0.7/(2*math.Sqrt(0.49+2))},
		{"StudentTQuantile(0.9, 1)", StudentTQuantile(0.9, 1), math.Tan(math.Pi * 0.4)},
		{"StudentTQuantile(1e-300, 1)", StudentTQuantile(1e-300, 1), -1 / (math.Pi * 1e-300)},
		{"StudentTQuantile(0.5, 7)", StudentTQuantile(0.5, 7), 0},
		// ν = 2: t = (2p-1)/√(2p(1-p)), also next to p = ½.
		{"StudentTQuantile(0.5-1e-10, 2)", StudentTQuantile(0.5-1e-10, 2), t2Quantile(0.5 - 1e-10)},
		{"StudentTQuantile(0.5+1e-13, 2)", StudentTQuantile(0.5+1e-13, 2), t2Quantile(0.5 + 1e-13)},
		{"StudentTQuantile(0.999999, 2)", StudentTQuantile(0.999999, 2), t2Quantile(0.999999)},
		{"StudentTCDF(1.5, +Inf)", StudentTCDF(1.5, math.Inf(1)), NormalCDF(1.5)},
		{"StudentTQuantile(0.3, +Inf)", StudentTQuantile(0.3, math.Inf(1)), NormalQuantile(0.3)},
		{"ChiSquareCDF(3, 2)", ChiSquareCDF(3, 2), -math.Expm1(-1.5)},
		{"ChiSquareSurvival(100, 2)", ChiSquareSurvival(100, 2), math.Exp(-50)},
		{"ChiSquareQuantile(0.95, 2)", ChiSquareQuantile(0.95, 2), -2 * math.Log(0.05)},
		{"GammaSurvival(40, 1, 2)", GammaSurvival(40, 1, 2), math.Exp(-20)},
		{"GammaQuantile(0.5, 1, 3)", GammaQuantile(0.5, 1, 3), 3 * math.Ln2},
		{"BetaCDF(0.3, 1, 1)", BetaCDF(0.3, 1, 1), 0.3},
		{"BetaSurvival(0.3, 1, 3)", BetaSurvival(0.3, 1, 3), 0.343},
		{"BetaQuantile(0.25, 2, 1)", BetaQuantile(0.25, 2, 1), 0.5},
		{"FCDF(3, 2, 2)", FCDF(3, 2, 2), 0.75},
		{"FSurvival(1e10, 2, 2)", FSurvival(1e10, 2, 2), 1 / (1 + 1e10)},
		{"FQuantile(0.75, 2, 2)", FQuantile(0.75, 2, 2), 3},
	}
	for _, tt := range tests {
		if e := relErr(tt.got, tt.want); e > 1e-13 {
			t.Errorf("%s = %v, want %v (rel err %.3g)", tt.name, tt.got, tt.want, e)
		}
	}
}

// t2Quantile is the closed-form quantile of Student's t with 2 degrees of
// freedom.
func t2Quantile(p float64) float64 { return (2*p - 1) / math.Sqrt(2*p*(1-p)) }

func TestEdgesAndDomain(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		// Student t.
		{"StudentTCDF(1, 0)", StudentTCDF(1, 0), nan},
		{"StudentTCDF(NaN, 3)", StudentTCDF(nan, 3), nan},
		{"StudentTSurvival(1, -2)", StudentTSurvival(1, -2), nan},
		{"StudentTCDF(+Inf, 3)", StudentTCDF(inf, 3), 1},
		{"StudentTCDF(-Inf, 3)", StudentTCDF(-inf, 3), 0},
		{"StudentTSurvival(+Inf, 3)", StudentTSurvival(inf, 3), 0},
		{"StudentTCDF(0, 3)", StudentTCDF(0, 3), 0.5},
		{"StudentTQuantile(0, 3)", StudentTQuantile(0, 3), -inf},
		{"StudentTQuantile(1, 3)", StudentTQuantile(1, 3), inf},
		{"StudentTQuantile(1.5, 3)", StudentTQuantile(1.5, 3), nan},
		{"StudentTQuantile(0.5, 0)", StudentTQuantile(0.5, 0), nan},
		// Chi-square.
		{"ChiSquareCDF(-1, 3)", ChiSquareCDF(-1, 3), 0},
		{"ChiSquareSurvival(-1, 3)", ChiSquareSurvival(-1, 3), 1},
		{"ChiSquareCDF(1, 0)", ChiSquareCDF(1, 0), nan},
		{"ChiSquareCDF(NaN, 1)", ChiSquareCDF(nan, 1), nan},
		{"ChiSquareQuantile(0.5, -1)", ChiSquareQuantile(0.5, -1), nan},
		{"ChiSquareQuantile(0, 4)", ChiSquareQuantile(0, 4), 0},
		{"ChiSquareQuantile(1, 4)", ChiSquareQuantile(1, 4), inf},
		{"ChiSquareQuantile(-0.1, 4)", ChiSquareQuantile(-0.1, 4), nan},
		// Gamma.
		{"GammaCDF(1, 0, 1)", GammaCDF(1, 0, 1), nan},
		{"GammaCDF(1, 1, 0)", GammaCDF(1, 1, 0), nan},
		{"GammaSurvival(1, 1, Inf)", GammaSurvival(1, 1, inf), nan},
		{"GammaCDF(0, 2, 1)", GammaCDF(0, 2, 1), 0},
		{"GammaQuantile(0.5, 2, -1)", GammaQuantile(0.5, 2, -1), nan},
		{"GammaQuantile(1, 2, 1)", GammaQuantile(1, 2, 1), inf},
		// Beta.
		{"BetaCDF(-0.5, 2, 3)", BetaCDF(-0.5, 2, 3), 0},
		{"BetaCDF(1.5, 2, 3)", BetaCDF(1.5, 2, 3), 1},
		{"BetaSurvival(1.5, 2, 3)", BetaSurvival(1.5, 2, 3), 0},
		{"BetaSurvival(0, 2, 3)", BetaSurvival(0, 2, 3), 1},
		{"BetaCDF(0.5, 0, 3)", BetaCDF(0.5, 0, 3), nan},
		{"BetaCDF(NaN, 2, 3)", BetaCDF(nan, 2, 3), nan},
		{"BetaQuantile(0.5, 2, -3)", BetaQuantile(0.5, 2, -3), nan},
		{"BetaQuantile(0, 2, 3)", BetaQuantile(0, 2, 3), 0},
		{"BetaQuantile(1, 2, 3)", BetaQuantile(1, 2, 3), 1},
		// F.
		{"FCDF(0, 2, 3)", FCDF(0, 2, 3), 0},
		{"FCDF(+Inf, 2, 3)", FCDF(inf, 2, 3), 1},
		{"FSurvival(+Inf, 2, 3)", FSurvival(inf, 2, 3), 0},
		{"FCDF(1, 0, 3)", FCDF(1, 0, 3), nan},
		{"FCDF(NaN, 1, 3)", FCDF(nan, 1, 3), nan},
		{"FQuantile(0.5, 1, -3)", FQuantile(0.5, 1, -3), nan},
		{"FQuantile(1, 1, 3)", FQuantile(1, 1, 3), inf},
		{"FQuantile(0, 1, 3)", FQuantile(0, 1, 3), 0},
		// Normal.
		{"NormalQuantile(0)", NormalQuantile(0), -inf},
		{"NormalQuantile(1)", NormalQuantile(1), inf},
		{"NormalQuantile(2)", NormalQuantile(2), nan},
		{"NormalCDF(-Inf)", NormalCDF(-inf), 0},
		{"NormalSurvival(-Inf)", NormalSurvival(-inf), 1},
		{"NormalCDF(NaN)", NormalCDF(nan), nan},
	}
	for _, tt := range tests {
		if math.IsNaN(tt.want) {
			if !math.IsNaN(tt.got) {
				t.Errorf("%s = %v, want NaN", tt.name, tt.got)
			}
			continue
		}
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}
