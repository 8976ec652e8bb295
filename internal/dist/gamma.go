package dist

import (
	"math"

	"github.com/satmetrics/satmetrics/internal/special"
)

// GammaCDF returns the cumulative distribution function of the gamma
// distribution with the given shape k > 0 and scale θ > 0 (density
// x^(k-1) e^(-x/θ) / (Γ(k) θ^k)),
//
//	F(x; k, θ) = P(k, x/θ)
//
// where P is the regularised lower incomplete gamma function. It returns 0
// for x <= 0 and NaN for a non-positive or NaN parameter or NaN x. See
// special.RegIncGammaP for the algorithm.
func GammaCDF(x, shape, scale float64) float64 {
	if !gammaParamsOK(x, shape, scale) {
		return math.NaN()
	}
	if x <= 0 {
		return 0
	}
	return special.RegIncGammaP(shape, x/scale)
}

// GammaSurvival returns the upper tail 1 - F(x; k, θ) = Q(k, x/θ) of the
// gamma distribution, computed directly so that it keeps full relative
// precision when small. It returns 1 for x <= 0 and NaN for a non-positive
// or NaN parameter or NaN x.
func GammaSurvival(x, shape, scale float64) float64 {
	if !gammaParamsOK(x, shape, scale) {
		return math.NaN()
	}
	if x <= 0 {
		return 1
	}
	return special.RegIncGammaQ(shape, x/scale)
}

// GammaQuantile returns the quantile function of the gamma distribution,
// x = θ P⁻¹(k, p), for p in [0, 1] (+Inf at 1). It returns NaN for p
// outside [0, 1] and for a non-positive or NaN parameter. See
// special.RegIncGammaInvPair for the algorithm.
func GammaQuantile(p, shape, scale float64) float64 {
	if !gammaParamsOK(0, shape, scale) {
		return math.NaN()
	}
	return scale * special.RegIncGammaPInv(p, shape)
}

// gammaParamsOK reports whether x is not NaN and shape and scale are
// positive and finite.
func gammaParamsOK(x, shape, scale float64) bool {
	return !math.IsNaN(x) && shape > 0 && scale > 0 && !math.IsInf(shape, 1) && !math.IsInf(scale, 1)
}
