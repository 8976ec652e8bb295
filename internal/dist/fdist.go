package dist

import (
	"math"

	"github.com/satmetrics/satmetrics/internal/special"
)

// FCDF returns the cumulative distribution function of Fisher's F
// distribution with d1, d2 > 0 degrees of freedom,
//
//	F(x; d1, d2) = I_u(d1/2, d2/2),  u = d1 x / (d1 x + d2),
//
// where I is the regularised incomplete beta function (A&S 26.6.2). Both u
// and 1 - u = d2/(d1 x + d2) are formed without cancellation, so both tails
// keep full relative precision. It returns 0 for x <= 0 and NaN for a
// non-positive or NaN parameter or NaN x.
func FCDF(x, d1, d2 float64) float64 {
	lower, _ := fTails(x, d1, d2)
	return lower
}

// FSurvival returns the upper tail 1 - F(x; d1, d2) = I_(1-u)(d2/2, d1/2) of
// the F distribution, with full relative precision for small p-values. See
// FCDF.
func FSurvival(x, d1, d2 float64) float64 {
	_, upper := fTails(x, d1, d2)
	return upper
}

func fTails(x, d1, d2 float64) (lower, upper float64) {
	switch {
	case math.IsNaN(x) || !(d1 > 0) || !(d2 > 0) || math.IsInf(d1, 1) || math.IsInf(d2, 1):
		return math.NaN(), math.NaN()
	case x <= 0:
		return 0, 1
	case math.IsInf(x, 1):
		return 1, 0
	}
	var u, v float64
	if d1*x > d2 {
		r := d2 / (d1 * x)
		u, v = 1/(1+r), r/(1+r)
	} else {
		r := d1 * x / d2
		u, v = r/(1+r), 1/(1+r)
	}
	return special.RegIncBetaPair(u, v, d1/2, d2/2)
}

// FQuantile returns the quantile function of the F distribution: the x with
// F(x; d1, d2) = p, for p in [0, 1] (+Inf at 1). It inverts the beta
// relation of FCDF with special.RegIncBetaInvPair, u = I⁻¹(p; d1/2, d2/2)
// and x = d2 u / (d1 (1-u)), the pair (u, 1-u) being computed without
// cancellation. It returns NaN for p outside [0, 1] and for a non-positive
// or NaN parameter.
func FQuantile(p, d1, d2 float64) float64 {
	switch {
	case math.IsNaN(p) || !(d1 > 0) || !(d2 > 0) || math.IsInf(d1, 1) || math.IsInf(d2, 1):
		return math.NaN()
	case p == 1:
		return math.Inf(1)
	}
	u, v := special.RegIncBetaInvPair(p, 1-p, d1/2, d2/2)
	return d2 / d1 * (u / v)
}
