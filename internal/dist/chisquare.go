package dist

import (
	"math"

	"github.com/satmetrics/satmetrics/internal/special"
)

// ChiSquareCDF returns the cumulative distribution function of the
// chi-square distribution with k > 0 degrees of freedom,
//
//	F(x; k) = P(k/2, x/2)
//
// where P is the regularised lower incomplete gamma function (A&S 26.4.19).
// It returns 0 for x <= 0 and NaN for k <= 0 or NaN arguments.
func ChiSquareCDF(x, k float64) float64 {
	return GammaCDF(x, k/2, 2)
}

// ChiSquareSurvival returns the upper tail 1 - F(x; k) = Q(k/2, x/2) of the
// chi-square distribution, computed directly so that small p-values keep full
// relative precision. It returns 1 for x <= 0 and NaN for k <= 0 or NaN
// arguments.
func ChiSquareSurvival(x, k float64) float64 {
	return GammaSurvival(x, k/2, 2)
}

// ChiSquareQuantile returns the quantile function of the chi-square
// distribution with k > 0 degrees of freedom, x = 2 P⁻¹(k/2, p), for p in
// [0, 1] (+Inf at 1). It returns NaN for p outside [0, 1], k <= 0 or NaN
// arguments. See special.RegIncGammaInvPair for the algorithm.
func ChiSquareQuantile(p, k float64) float64 {
	if math.IsNaN(k) || k <= 0 {
		return math.NaN()
	}
	return 2 * special.RegIncGammaPInv(p, k/2)
}
