package dist

import (
	"math"

	"github.com/satmetrics/satmetrics/internal/special"
)

// BetaCDF returns the cumulative distribution function of the beta
// distribution with shapes a, b > 0 (density x^(a-1) (1-x)^(b-1) / B(a,b) on
// [0, 1]),
//
//	F(x; a, b) = I_x(a, b),
//
// the regularised incomplete beta function. It returns 0 for x <= 0, 1 for
// x >= 1, and NaN for a non-positive or NaN shape or NaN x. See
// special.RegIncBeta for the algorithm.
func BetaCDF(x, a, b float64) float64 {
	lower, _ := betaTails(x, a, b)
	return lower
}

// BetaSurvival returns the upper tail 1 - I_x(a, b) = I_(1-x)(b, a) of the
// beta distribution, computed directly so that it keeps full relative
// precision when small. It returns 1 for x <= 0, 0 for x >= 1, and NaN for a
// non-positive or NaN shape or NaN x.
func BetaSurvival(x, a, b float64) float64 {
	_, upper := betaTails(x, a, b)
	return upper
}

func betaTails(x, a, b float64) (lower, upper float64) {
	switch {
	case math.IsNaN(x) || !(a > 0) || !(b > 0) || math.IsInf(a, 1) || math.IsInf(b, 1):
		return math.NaN(), math.NaN()
	case x <= 0:
		return 0, 1
	case x >= 1:
		return 1, 0
	}
	return special.RegIncBetaPair(x, 1-x, a, b)
}

// BetaQuantile returns the quantile function of the beta distribution: the
// x with I_x(a, b) = p, for p in [0, 1]. It returns NaN for p outside [0, 1]
// and for a non-positive or NaN shape. See special.RegIncBetaInvPair for the
// algorithm.
func BetaQuantile(p, a, b float64) float64 {
	return special.RegIncBetaInv(p, a, b)
}
