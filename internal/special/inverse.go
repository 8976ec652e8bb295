package special

import "math"

// RegIncBetaInv returns the inverse of the regularised incomplete beta
// function: the x in [0, 1] with I_x(a, b) = p, for 0 <= p <= 1 and a, b > 0,
// and NaN otherwise. See RegIncBetaInvPair for the algorithm.
func RegIncBetaInv(p, a, b float64) float64 {
	x, _ := RegIncBetaInvPair(p, 1-p, a, b)
	return x
}

// RegIncBetaInvPair returns x and y = 1 - x with I_x(a, b) = p, given both
// p and q = 1 - p so that an upper-tail probability q keeps its precision.
// The smaller of x and y is computed directly, so a root close to 1 is
// resolved through y. It returns NaN, NaN for p or q outside [0, 1], p + q
// not 1 within rounding, or a, b not positive and finite.
//
// Algorithm: the root is first placed in x <= 1/2 or y <= 1/2 by the sign of
// I_{1/2}(a, b) - p; in that half the equation is solved by Newton's method
// in u = log x (or log y) on log I - log p when p <= q, or on
// log(1-I) - log q otherwise, so that both tails are nearly linear in u. The
// iteration keeps a bracket of the root and replaces a Newton step that
// would leave it by a shorter one inside (see solveIncreasing), so it always
// converges, typically in 2 to 5 steps. The starting value is the approximation
// of AS 109 (Cran, Martin and Thomas, Applied Statistics 26, 1977,
// pp. 111-114; Majumder and Bhattacharjee, AS 63/64, 1973).
func RegIncBetaInvPair(p, q, a, b float64) (x, y float64) {
	switch {
	case math.IsNaN(p) || math.IsNaN(q) || math.IsNaN(a) || math.IsNaN(b),
		p < 0 || q < 0 || p > 1 || q > 1 || a <= 0 || b <= 0,
		math.IsInf(a, 1) || math.IsInf(b, 1),
		math.Abs(p+q-1) > 4*epsilon:
		return math.NaN(), math.NaN()
	case p == 0:
		return 0, 1
	case q == 0:
		return 1, 0
	}
	// The root is at most ½ when I_½ >= p, that is 1 - I_½ <= q; compare
	// in the smaller tail, where the probabilities are exact.
	hp, hq := RegIncBetaPair(0.5, 0.5, a, b)
	if (p <= q && p == hp) || (p > q && q == hq) {
		return 0.5, 0.5
	}
	if (p <= q && p <= hp) || (p > q && q >= hq) {
		x = betaInvHalf(p, q, a, b)
		return x, 1 - x
	}
	y = betaInvHalf(q, p, b, a)
	return 1 - y, y
}

// betaInvHalf returns the root x in (0, 1/2] of I_x(a, b) = p (1 - I = q).
func betaInvHalf(p, q, a, b float64) float64 {
	if p <= q && (math.Log(p*a)+LogBeta(a, b))/a < -750 {
		// I_x(a,b) ≈ x^a/(a B(a,b)) as x → 0: the root is below the
		// smallest subnormal.
		return 0
	}
	var x0 float64
	if p <= q {
		x0 = betaInvGuess(p, a, b)
	} else {
		x0 = 1 - betaInvGuess(q, b, a)
	}
	lower := p <= q
	g := func(u float64) (val, deriv float64) {
		x := math.Exp(u)
		ix, iy := RegIncBetaPair(x, 1-x, a, b)
		// x · d I/dx = x^a y^b / B(a,b) / y.
		xd := betaPrefactor(x, 1-x, a, b) / (1 - x)
		if lower {
			return math.Log(ix) - math.Log(p), xd / ix
		}
		return math.Log(q) - math.Log(iy), xd / iy
	}
	return math.Exp(solveIncreasing(g, logOr(x0, -745), -745, -math.Ln2))
}

// logOr returns log x when it is finite and otherwise def.
func logOr(x, def float64) float64 {
	l := math.Log(x)
	if math.IsNaN(l) || math.IsInf(l, 0) {
		return def
	}
	return l
}

// betaInvGuess returns AS 109's starting value for the x with I_x(a,b) = p,
// p <= 1/2.
func betaInvGuess(p, a, b float64) float64 {
	r := math.Sqrt(-2 * math.Log(p))
	z := r - (2.30753+0.27061*r)/(1+(0.99229+0.04481*r)*r) // ≈ Φ⁻¹(1-p), A&S 26.2.22
	if a > 1 && b > 1 {
		r = (z*z - 3) / 6
		s := 1 / (2*a - 1)
		t := 1 / (2*b - 1)
		h := 2 / (s + t)
		w := z*math.Sqrt(h+r)/h - (t-s)*(r+5.0/6-2/(3*h))
		return a / (a + b*math.Exp(2*w))
	}
	lb := LogBeta(a, b)
	r = 2 * b
	t := 1 / (9 * b)
	t = r * math.Pow(1-t+z*math.Sqrt(t), 3)
	if t <= 0 {
		return -math.Expm1((math.Log1p(-p) + math.Log(b) + lb) / b)
	}
	t = (4*a + r - 2) / t
	if t <= 1 {
		return math.Exp((math.Log(p*a) + lb) / a)
	}
	return 1 - 2/(t+1)
}

// solveIncreasing finds the root of the increasing function g in
// [lo, hi] by Newton's method from u, keeping a bracket of the root. A step
// that would leave the bracket goes to the bound it crossed if g has not
// been evaluated there yet (the root is often next to a bound, and if g
// does not change sign there, the bound is returned), and otherwise halfway
// from u to that bound. g returns the function value and its derivative.
func solveIncreasing(g func(float64) (float64, float64), u, lo, hi float64) float64 {
	if !(u > lo && u < hi) {
		u = 0.5 * (lo + hi)
	}
	loSeen, hiSeen := false, false
	for i := 0; i < 400; i++ {
		v, d := g(u)
		switch {
		case v == 0:
			return u
		case v < 0 || math.IsNaN(v):
			if u == hi {
				return hi // no sign change up to the upper bound
			}
			lo, loSeen = u, true
		default:
			if u == lo {
				return lo // no sign change down to the lower bound
			}
			hi, hiSeen = u, true
		}
		step := v / d
		tol := 2 * epsilon * math.Max(1, math.Abs(u))
		if math.Abs(step) <= tol {
			// Converged: the step is below the spacing of floats at u
			// (it may point just outside the bracket by rounding).
			return u
		}
		next := u - step
		switch {
		case math.IsNaN(next) || math.IsInf(step, 0):
			next = 0.5 * (lo + hi)
		case next >= hi && !hiSeen:
			next = hi
		case next >= hi:
			next = 0.5 * (u + hi)
		case next <= lo && !loSeen:
			next = lo
		case next <= lo:
			next = 0.5 * (u + lo)
		}
		if math.Abs(next-u) <= tol || hi-lo <= tol {
			return next
		}
		if math.Abs(step) < 1e-9*math.Max(1, math.Abs(u)) && next == u-step {
			// Quadratic convergence: one more step would change u by
			// less than rounding; take this one and stop.
			return next
		}
		u = next
	}
	return u
}

// RegIncGammaPInv returns the x >= 0 with P(a, x) = p, for 0 <= p <= 1 and
// a > 0, and NaN otherwise. See RegIncGammaInvPair for the algorithm.
func RegIncGammaPInv(p, a float64) float64 {
	return RegIncGammaInvPair(p, 1-p, a)
}

// RegIncGammaQInv returns the x >= 0 with Q(a, x) = q, for 0 <= q <= 1 and
// a > 0, and NaN otherwise. Upper-tail probabilities q far below the
// precision of 1 - q are resolved in full. See RegIncGammaInvPair for the
// algorithm.
func RegIncGammaQInv(q, a float64) float64 {
	return RegIncGammaInvPair(1-q, q, a)
}

// RegIncGammaInvPair returns the x with P(a, x) = p and Q(a, x) = q, given
// both so that the smaller of them keeps its precision. It returns NaN for p
// or q outside [0, 1], p + q not 1 within rounding, or a not positive and
// finite.
//
// Algorithm: Newton's method in u = log x on log P - log p when p <= q, or on
// log q - log Q otherwise, safeguarded by a bracket (as for the beta
// inverse). Roots below the smallest subnormal are returned as 0. The starting value is the Wilson–Hilferty approximation
// (A&S 26.4.17) for a > 1 and the small-x and large-x asymptotes of
// Numerical Recipes' invgammp for a <= 1 (Press et al., 3rd ed., §6.2.1),
// refinements in the spirit of DiDonato and Morris (1986).
func RegIncGammaInvPair(p, q, a float64) float64 {
	switch {
	case math.IsNaN(p) || math.IsNaN(q) || math.IsNaN(a),
		p < 0 || q < 0 || p > 1 || q > 1 || a <= 0 || math.IsInf(a, 1),
		math.Abs(p+q-1) > 4*epsilon:
		return math.NaN()
	case p == 0:
		return 0
	case q == 0:
		return math.Inf(1)
	}
	lower := p <= q
	if lower && (math.Log(p)+lgamma1p(a))/a < -750 {
		// P(a,x) ≈ x^a/Γ(a+1) as x → 0: the root is below the smallest
		// subnormal.
		return 0
	}
	g := func(u float64) (val, deriv float64) {
		x := math.Exp(u)
		pp, qq := incGamma(a, x)
		// x · dP/dx = x^a e^(-x) / Γ(a).
		xd := a * gammaPrefactor(a, x)
		if lower {
			return math.Log(pp) - math.Log(p), xd / pp
		}
		return math.Log(q) - math.Log(qq), xd / qq
	}
	return math.Exp(solveIncreasing(g, gammaInvGuess(p, q, a), -745, 709))
}

// gammaInvGuess returns the logarithm of a starting value for the inverse
// of P(a, ·), in logarithms so that roots near underflow start close.
func gammaInvGuess(p, q, a float64) float64 {
	if a > 1 {
		pp := math.Min(p, q)
		t := math.Sqrt(-2 * math.Log(pp))
		z := t - (2.30753+0.27061*t)/(1+(0.99229+0.04481*t)*t)
		if p < q {
			z = -z
		}
		w := 1 - 1/(9*a) + z/(3*math.Sqrt(a))
		if w > 0 {
			return math.Log(a) + 3*math.Log(w)
		}
		return (math.Log(p) + lgamma1p(a)) / a
	}
	t := 1 - a*(0.253+a*0.12)
	if p < t {
		return (math.Log(p) - math.Log(t)) / a
	}
	return math.Log(1 - math.Log(q/(1-t)))
}
