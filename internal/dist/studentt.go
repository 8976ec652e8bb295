package dist

import (
	"math"

	"github.com/satmetrics/satmetrics/internal/special"
)

// StudentTCDF returns the cumulative distribution function of Student's t
// distribution with nu > 0 degrees of freedom,
//
//	F(t; ν) = 1 - ½ I_x(ν/2, ½),  x = ν/(ν + t²),  for t >= 0,
//	F(t; ν) = ½ I_x(ν/2, ½)                         for t < 0,
//
// where I is the regularised incomplete beta function (A&S 26.7.1). Both x
// and 1 - x = t²/(ν + t²) are formed without cancellation and passed to
// special.RegIncBetaPair, so both tails keep full relative precision. For
// ν = +Inf it is the standard normal CDF. It returns NaN for nu <= 0 or NaN
// arguments.
//
// For more information, see M. Abramowitz and I. A. Stegun, Handbook of
// Mathematical Functions, 26.7.
func StudentTCDF(t, nu float64) float64 {
	lower, _ := studentT(t, nu)
	return lower
}

// StudentTSurvival returns the upper tail 1 - F(t; ν) = F(-t; ν) of Student's
// t distribution, with full relative precision for large t. See StudentTCDF.
func StudentTSurvival(t, nu float64) float64 {
	_, upper := studentT(t, nu)
	return upper
}

// studentT returns F(t; ν) and 1 - F(t; ν).
func studentT(t, nu float64) (lower, upper float64) {
	switch {
	case math.IsNaN(t) || math.IsNaN(nu) || nu <= 0:
		return math.NaN(), math.NaN()
	case math.IsInf(nu, 1):
		return NormalCDF(t), NormalSurvival(t)
	case math.IsInf(t, 1):
		return 1, 0
	case math.IsInf(t, -1):
		return 0, 1
	}
	at := math.Abs(t)
	var x, y float64
	if at < 1 {
		s := at * at / nu
		x, y = 1/(1+s), s/(1+s)
	} else {
		r := nu / at / at
		if r < 1e-280 {
			// x = r/(1+r) would be subnormal: use the leading term of
			// I_x(ν/2, ½) = x^(ν/2) / ((ν/2) B(ν/2, ½)) · (1 + O(x)) in
			// logarithms (the O(x) correction is below rounding).
			a := nu / 2
			lx := math.Log(nu) - 2*math.Log(at)
			tail := 0.5 * math.Exp(a*lx-math.Log(a)-special.LogBeta(a, 0.5))
			if t < 0 {
				return tail, 1 - tail
			}
			return 1 - tail, tail
		}
		x, y = r/(1+r), 1/(1+r)
	}
	w, w1 := special.RegIncBetaPair(x, y, nu/2, 0.5)
	tail := 0.5 * w      // P(T > |t|)
	body := 0.5 + 0.5*w1 // P(T < |t|)
	if t < 0 {
		return tail, body
	}
	return body, tail
}

// StudentTQuantile returns the quantile function of Student's t distribution
// with nu > 0 degrees of freedom: the t with F(t; ν) = p, for p in [0, 1]
// (-Inf at 0, +Inf at 1). It returns NaN for p outside [0, 1], nu <= 0 or
// NaN arguments.
//
// It inverts the relation of StudentTCDF with special.RegIncBetaInvPair: for
// p < ½, x = I⁻¹(2p; ν/2, ½) and t = -√(ν (1-x)/x), the pair (x, 1-x) being
// computed without cancellation; p > ½ follows by symmetry from 1 - p, and
// for ν = +Inf it is the normal quantile.
func StudentTQuantile(p, nu float64) float64 {
	switch {
	case math.IsNaN(p) || math.IsNaN(nu) || nu <= 0 || p < 0 || p > 1:
		return math.NaN()
	case math.IsInf(nu, 1):
		return NormalQuantile(p)
	case p == 0:
		return math.Inf(-1)
	case p == 1:
		return math.Inf(1)
	case p == 0.5:
		return 0
	}
	sign := -1.0
	tail := p // lower tail probability of -|t|
	if p > 0.5 {
		sign, tail = 1, 1-p
	}
	// 2·tail = I_x(ν/2, ½); 1 - 2·tail is exact for tail in [¼, ½].
	a := nu / 2
	x, y := special.RegIncBetaInvPair(2*tail, 1-2*tail, a, 0.5)
	if x < 1e-280 {
		// x is at or near underflow: use the leading term of
		// I_x(a, ½) = x^a / (a B(a, ½)) · (1 + O(x)), whose correction is
		// below rounding here, in logarithms, and t = √(ν/x).
		lx := (math.Log(2*tail) + math.Log(a) + special.LogBeta(a, 0.5)) / a
		return sign * math.Exp(0.5*(math.Log(nu)-lx))
	}
	return sign * math.Sqrt(nu*(y/x))
}
