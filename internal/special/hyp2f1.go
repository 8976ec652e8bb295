package special

import "math"

// Hyp2F1 returns the Gauss hypergeometric function
//
//	2F1(a, b; c; z) = Σ_{n>=0} (a)_n (b)_n / ((c)_n n!) z^n
//
// for real z < 1 (analytically continued for z <= -1), and for z = 1 when
// c - a - b > 0 (Gauss's sum). It returns NaN for z > 1, for c a non-positive
// integer, and when no method below reaches a relative error of about 1e-8.
// The value overflows to ±Inf for large parameters near z = 1: use
// LogHyp2F1 there.
//
// Algorithm: the series is evaluated in the form among the following that
// converges with the least cancellation (A&S 15.3.3-15.3.6):
//
//	direct:  2F1(a, b; c; z)
//	Euler:   (1-z)^(c-a-b) 2F1(c-a, c-b; c; z)
//	Pfaff:   (1-z)^(-a) 2F1(a, c-b; c; z/(z-1)),
//	         (1-z)^(-b) 2F1(c-a, b; c; z/(z-1))            (z < 0)
//	1-w:     Γ(c)Γ(c-a-b)/(Γ(c-a)Γ(c-b)) 2F1(a, b; a+b-c+1; 1-w)
//	         + (1-w)^(c-a-b) Γ(c)Γ(a+b-c)/(Γ(a)Γ(b)) 2F1(c-a, c-b; c-a-b+1; 1-w)
//
// where the last, the connection formula about w = 1, is applied to the
// direct or Pfaff form when its argument w exceeds 0.75; when c - a - b (for
// the form at hand) is an integer, its logarithmic limit A&S 15.3.10-15.3.11
// is used instead, and within 1e-6 of an integer (but not at it) neither, as
// both would cancel badly: the series is then summed directly, at a cost of
// up to 2e6 terms, and NaN is returned if that does not converge. Each series is summed with a running scale
// factor, so that huge values do not overflow before the logarithm is
// taken, and with an estimate of its rounding error (the largest term over
// the sum); the form with the smallest estimate is kept.
//
// Accuracy: within 1e-10 relative (mostly 1e-13) of mpmath over the BG/NBD
// and Pareto/NBD argument patterns with parameters up to a few hundred and
// z from -1e6 to 0.999999 (testdata/hyp2f1.csv), and the contiguous
// relations hold to 1e-8 for 0.1 <= a, b, c <= 300 with 0 <= z <= 0.99, and
// for z down to -20 when c >= max(a, b) - 1. Where z < 0 and a or b exceeds
// c by much (tens, for parameters in the hundreds), all forms can cancel by
// tens of digits, and NaN is returned when the error estimate exceeds 1e-8.
//
// For more information, see M. Abramowitz and I. A. Stegun, Handbook of
// Mathematical Functions, chapter 15, and J. W. Pearson, S. Olver and
// M. A. Porter, "Numerical methods for the computation of the confluent and
// Gauss hypergeometric functions", Numerical Algorithms 74, 2017, 821-866.
func Hyp2F1(a, b, c, z float64) float64 {
	l, s := LogHyp2F1(a, b, c, z)
	if math.IsNaN(l) {
		return l
	}
	return float64(s) * math.Exp(l)
}

// LogHyp2F1 returns log |2F1(a, b; c; z)| and the sign of 2F1(a, b; c; z)
// (+1 or -1; 0 with log = -Inf when the value is zero), in the manner of
// math.Lgamma. It is the robust form for the retention models, whose
// parameters make 2F1 exceed the float64 range near z = 1. It returns NaN, 0
// where Hyp2F1 returns NaN. See Hyp2F1 for the algorithm.
func LogHyp2F1(a, b, c, z float64) (float64, int) {
	switch {
	case math.IsNaN(a) || math.IsNaN(b) || math.IsNaN(c) || math.IsNaN(z),
		math.IsInf(a, 0) || math.IsInf(b, 0) || math.IsInf(c, 0) || math.IsInf(z, 0),
		z > 1:
		return math.NaN(), 0
	case isNonPosInt(c):
		return math.NaN(), 0
	case a == 0 || b == 0 || z == 0:
		return 0, 1
	case z == 1:
		// Gauss: 2F1(a,b;c;1) = Γ(c)Γ(c-a-b)/(Γ(c-a)Γ(c-b)), c-a-b > 0.
		if c-a-b <= 0 {
			return math.NaN(), 0
		}
		return gammaRatio([]float64{c, c - a - b}, []float64{c - a, c - b})
	}
	best := hypResult{err: math.Inf(1)}
	// try keeps the better of r and the best so far, and reports whether
	// the best is good enough to stop: an error estimate of 1e-14, the
	// level of a series without cancellation (the connection formulas'
	// estimates include the rounding of log-gamma values, ε·|log F|, and
	// are accepted at 1e-12 + 32ε·|log F| before the slowly converging
	// series are tried).
	try := func(r hypResult) bool {
		if r.err < best.err {
			best = r
		}
		return best.err <= 1e-14
	}
	tryNear1 := func(r hypResult) bool {
		if r.err < best.err {
			best = r
		}
		// Rounding of exp(log F) alone costs ε·|log F| of relative
		// precision, whatever the method.
		return best.err <= 1e-12+32*epsilon*math.Abs(best.l)
	}
	if z > 0 {
		l1z := math.Log1p(-z)
		if z > 0.75 {
			if tryNear1(hypNear1(a, b, c, z, 1-z, 0)) {
				return best.l, best.sign
			}
		}
		// Prefer the form whose terms are all positive, then the one with
		// the smaller leading coefficients.
		d := hypScaled(0, 1, a, b, c, z)
		e := hypScaled((c-a-b)*l1z, 1, c-a, c-b, c, z)
		if allPositive(c-a, c-b) && (!allPositive(a, b) || math.Abs((c-a)*(c-b)) < math.Abs(a*b)) {
			if try(e()) {
				return best.l, best.sign
			}
			try(d())
		} else {
			if try(d()) {
				return best.l, best.sign
			}
			try(e())
		}
	} else {
		l1z := math.Log1p(-z)
		w := z / (z - 1)
		if z > -0.5 {
			if try(hypScaled(0, 1, a, b, c, z)()) {
				return best.l, best.sign
			}
		}
		if w > 0.75 {
			// Pfaff, then the connection formula in w.
			if tryNear1(hypNear1(a, c-b, c, w, 1/(1-z), -a*l1z)) ||
				tryNear1(hypNear1(c-a, b, c, w, 1/(1-z), -b*l1z)) {
				return best.l, best.sign
			}
		}
		p1 := hypScaled(-a*l1z, 1, a, c-b, c, w)
		p2 := hypScaled(-b*l1z, 1, c-a, b, c, w)
		if allPositive(c-a, b) && !allPositive(a, c-b) {
			if !try(p2()) {
				try(p1())
			}
		} else if !try(p1()) {
			try(p2())
		}
	}
	if best.err > 1e-13 {
		// The series cancelled: try the connection formula also for
		// arguments in (0.5, 0.75], where its series still converge.
		if z > 0.5 && z <= 0.75 {
			try(hypNear1(a, b, c, z, 1-z, 0))
		} else if w := z / (z - 1); z < 0 && w > 0.5 && w <= 0.75 {
			l1z := math.Log1p(-z)
			try(hypNear1(a, c-b, c, w, 1/(1-z), -a*l1z))
			try(hypNear1(c-a, b, c, w, 1/(1-z), -b*l1z))
		}
	}
	if !(best.err <= 1e-8) {
		return math.NaN(), 0
	}
	return best.l, best.sign
}

// hypResult is a value exp(l)·sign with an estimate of its relative error.
type hypResult struct {
	l    float64
	sign int
	err  float64
}

// hypScaled returns a thunk evaluating exp(lpre)·spre·2F1(a, b; c; w) by
// its series.
func hypScaled(lpre float64, spre int, a, b, c, w float64) func() hypResult {
	return func() hypResult {
		r := hypSeries(a, b, c, w)
		r.l += lpre
		r.sign *= spre
		return r
	}
}

// maxHypTerms bounds the length of a series; a series that needs more
// (|w| within about 1e-5 of 1) is abandoned in favour of another form.
const maxHypTerms = 2000000

// hypSeries sums Σ (a)_n (b)_n / ((c)_n n!) w^n for |w| < 1, returning
// log |sum|, its sign and a relative error estimate.
func hypSeries(a, b, c, w float64) hypResult {
	if isNonPosInt(c) && !(isNonPosInt(a) && a > c) && !(isNonPosInt(b) && b > c) {
		return hypResult{l: math.NaN(), err: math.Inf(1)}
	}
	if 36.8/-math.Log(math.Abs(w)) > maxHypTerms {
		// |w| so close to 1 that ε would not be reached in time.
		return hypResult{l: math.NaN(), err: math.Inf(1)}
	}
	const rescale = 1e200
	lscale := 0.0
	sum, term, maxAbs := 1.0, 1.0, 1.0
	last := math.Max(math.Max(-a, -b), -c) // beyond it no factor changes sign
	converged := false
	for n := 0.0; n < maxHypTerms; n++ {
		ratio := (a + n) * (b + n) / ((c + n) * (n + 1)) * w
		term *= ratio
		sum += term
		at := math.Abs(term)
		if at > maxAbs {
			maxAbs = at
		}
		if term == 0 {
			converged = true // a or b is a non-positive integer
			break
		}
		if n > last {
			rho := math.Max(math.Abs(ratio), math.Abs(w))
			if rho < 1 && at <= epsilon*math.Abs(sum)*(1-rho) {
				converged = true
				break
			}
		}
		if maxAbs > rescale {
			sum /= rescale
			term /= rescale
			maxAbs /= rescale
			lscale += math.Log(rescale)
		}
	}
	if !converged || sum == 0 {
		return hypResult{l: math.Inf(-1), err: math.Inf(1)}
	}
	sign := 1
	if sum < 0 {
		sign = -1
	}
	return hypResult{
		l:    lscale + math.Log(math.Abs(sum)),
		sign: sign,
		err:  8 * epsilon * maxAbs / math.Abs(sum),
	}
}

// hypNear1 evaluates exp(lpre)·2F1(a, b; c; w) for w near 1, given also
// v = 1 - w computed without cancellation, by the connection formula about
// w = 1. With d = c - a - b:
//
//   - d not within 1e-6 of an integer: A&S 15.3.6 (hypConnection);
//   - d an integer up to the rounding of a + b + m: its logarithmic limit
//     A&S 15.3.10-15.3.11 (after an Euler transformation when d < 0);
//   - otherwise (0 < |d - m| < 1e-6, where 15.3.6 cancels): quadratic
//     interpolation in c of log |F| between c = a+b+m (the logarithmic
//     formula) and c = a+b+m ± 1e-5 (15.3.6), since F is analytic in c.
func hypNear1(a, b, c, w, v, lpre float64) hypResult {
	d := c - a - b
	m := math.Round(d)
	eps := d - m
	switch {
	case math.Abs(eps) >= 1e-6:
		return hypConnection(a, b, c, v, lpre)
	case math.Abs(eps) <= 64*epsilon*(math.Abs(a)+math.Abs(b)+math.Abs(c)):
		return hypConnectionIntAny(a, b, m, v, lpre)
	}
	const h = 1e-5
	r0 := hypConnectionIntAny(a, b, m, v, 0)
	rp := hypConnection(a, b, a+b+m+h, v, 0)
	rm := hypConnection(a, b, a+b+m-h, v, 0)
	if r0.sign != rp.sign || r0.sign != rm.sign || math.IsInf(r0.err, 0) || math.IsInf(rp.err, 0) || math.IsInf(rm.err, 0) {
		return hypResult{err: math.Inf(1)}
	}
	d1 := (rp.l - rm.l) / (2 * h)
	d2 := (rp.l - 2*r0.l + rm.l) / (2 * h * h)
	// Errors: that of the value at the integer; those at ±h, which enter
	// scaled by |ε|/h ≤ 0.1 through the slopes; and the interpolation error,
	// about |ε|h² times the third derivative of log F in c, of the order of
	// log(v)³.
	lv := math.Abs(math.Log(v)) + 1
	r := math.Abs(eps) / h
	return hypResult{
		l:    lpre + r0.l + eps*(d1+eps*d2),
		sign: r0.sign,
		err:  r0.err + r*(1+r)*math.Max(rp.err, rm.err) + math.Abs(eps)*h*h*lv*lv*lv,
	}
}

// hypConnectionIntAny evaluates exp(lpre)·2F1(a, b; a+b+m; 1-v) for an
// integer m of either sign.
func hypConnectionIntAny(a, b, m, v, lpre float64) hypResult {
	if m < 0 {
		// Euler: F(a, b; c; w) = v^m F(c-a, c-b; c; w), with c-a-b = m.
		c := a + b + m
		return hypConnectionInt(c-a, c-b, -m, v, lpre+m*math.Log(v))
	}
	return hypConnectionInt(a, b, m, v, lpre)
}

// hypConnectionInt evaluates exp(lpre)·2F1(a, b; a+b+m; 1-v) for an integer
// m >= 0 and small v by A&S 15.3.10-15.3.11, with c = a + b + m:
//
//	Γ(m)Γ(c)/(Γ(a+m)Γ(b+m)) Σ_{n<m} (a)_n (b)_n / (n! (1-m)_n) v^n
//	- (-v)^m Γ(c)/(Γ(a)Γ(b)) Σ_{n>=0} (a+m)_n (b+m)_n / (n! (n+m)!) v^n
//	      · [log v - ψ(n+1) - ψ(n+m+1) + ψ(a+n+m) + ψ(b+n+m)].
func hypConnectionInt(a, b, m, v, lpre float64) hypResult {
	c := a + b + m
	if m > 1000 || isNonPosInt(a+m) || isNonPosInt(b+m) {
		return hypResult{err: math.Inf(1)}
	}
	// Finite sum, in the same scale as its coefficient.
	s1, t, max1 := 0.0, 1.0, 0.0
	for n := 0.0; n < m; n++ {
		s1 += t
		max1 = math.Max(max1, math.Abs(t))
		t *= (a + n) * (b + n) / ((n + 1) * (1 - m + n)) * v
	}
	var l1 float64
	var sg1 int
	if m > 0 {
		g, sg := gammaRatio([]float64{m, c}, []float64{a + m, b + m})
		l1, sg1 = g+math.Log(math.Abs(s1)), sg*signOf(s1)
	} else {
		l1 = math.Inf(-1)
	}
	// Infinite sum: t_n = (a+m)_n (b+m)_n / (n! (n+m)!) v^n, times the
	// bracket; the digamma values follow ψ(x+1) = ψ(x) + 1/x.
	lv := math.Log(v)
	psiN1, psiNM1 := -eulerGamma, Digamma(m+1)
	psiA, psiB := Digamma(a+m), Digamma(b+m)
	t = 1 // the factor 1/m! is applied in logarithms below
	s2, max2 := 0.0, 0.0
	converged := false
	for n := 0.0; n < maxHypTerms; n++ {
		term := t * (lv - psiN1 - psiNM1 + psiA + psiB)
		s2 += term
		max2 = math.Max(max2, math.Abs(term))
		if n > 0 && math.Abs(term) <= epsilon*math.Abs(s2) && math.Abs(t) <= epsilon*math.Abs(s2) &&
			n > math.Max(-a, -b) {
			converged = true
			break
		}
		t *= (a + m + n) * (b + m + n) / ((n + 1) * (n + m + 1)) * v
		psiN1 += 1 / (n + 1)
		psiNM1 += 1 / (n + m + 1)
		psiA += 1 / (a + m + n)
		psiB += 1 / (b + m + n)
	}
	if !converged || math.IsInf(s2, 0) || math.IsNaN(s2) {
		return hypResult{err: math.Inf(1)}
	}
	g2, sg2 := gammaRatio([]float64{c}, []float64{a, b})
	l2 := g2 - lgammaPos(m+1) + m*lv + math.Log(math.Abs(s2))
	// The second term enters with the sign -(-1)^m.
	sgn2 := -sg2 * signOf(s2)
	if math.Mod(m, 2) == 1 {
		sgn2 = -sgn2
	}
	if math.IsInf(l1, -1) && math.IsInf(l2, -1) || math.IsNaN(l1) || math.IsNaN(l2) {
		return hypResult{err: math.Inf(1)}
	}
	hi, lo, shi, slo := l1, l2, sg1, sgn2
	if lo > hi {
		hi, lo, shi, slo = lo, hi, slo, shi
	}
	ratio := float64(slo*shi) * math.Exp(lo-hi)
	sum := 1 + ratio
	if sum == 0 {
		return hypResult{err: math.Inf(1)}
	}
	sign := shi
	if sum < 0 {
		sign = -sign
	}
	e1 := 0.0
	if s1 != 0 {
		e1 = max1 / math.Abs(s1)
	}
	base := 8*epsilon*math.Max(e1, max2/math.Abs(s2)) + 16*epsilon*(1+math.Abs(hi))
	return hypResult{
		l:    lpre + hi + math.Log(math.Abs(sum)),
		sign: sign,
		err:  base * (1 + math.Abs(ratio)) / math.Abs(sum),
	}
}

// lgammaPos returns log Γ(x) for x > 0.
func lgammaPos(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}

// signOf returns the sign of x as +1 or -1 (+1 for zero).
func signOf(x float64) int {
	if x < 0 {
		return -1
	}
	return 1
}

// hypConnection evaluates exp(lpre)·2F1(a, b; c; 1-v) for small v by the
// connection formula A&S 15.3.6, for c - a - b not an integer.
func hypConnection(a, b, c, v, lpre float64) hypResult {
	d := c - a - b
	g1, s1 := gammaRatio([]float64{c, d}, []float64{c - a, c - b})
	g2, s2 := gammaRatio([]float64{c, -d}, []float64{a, b})
	t1 := hypSeries(a, b, 1-d, v)
	t2 := hypSeries(c-a, c-b, d+1, v)
	if math.IsNaN(g1) || math.IsNaN(g2) {
		return hypResult{err: math.Inf(1)}
	}
	l1, sg1 := g1+t1.l, s1*t1.sign
	l2, sg2 := g2+t2.l+d*math.Log(v), s2*t2.sign
	if math.IsInf(l1, -1) && math.IsInf(l2, -1) {
		return hypResult{err: math.Inf(1)}
	}
	// Add the two terms in log space.
	hi, lo, shi, slo := l1, l2, sg1, sg2
	if lo > hi {
		hi, lo, shi, slo = lo, hi, slo, shi
	}
	ratio := float64(slo*shi) * math.Exp(lo-hi) // in [-1, 1]
	sum := 1 + ratio
	if sum == 0 {
		return hypResult{err: math.Inf(1)}
	}
	sign := shi
	if sum < 0 {
		sign = -sign
	}
	// Rounding in the gamma ratios and logarithms is about ε·(|log| + 1);
	// cancellation between the terms magnifies it by (1+|ratio|)/|sum|.
	base := math.Max(t1.err, t2.err) + 16*epsilon*(1+math.Abs(hi))
	return hypResult{
		l:    lpre + hi + math.Log(math.Abs(sum)),
		sign: sign,
		err:  base * (1 + math.Abs(ratio)) / math.Abs(sum),
	}
}

// gammaRatio returns log |Π Γ(num) / Π Γ(den)| and its sign; a pole in the
// denominator gives -Inf (the ratio is zero), a pole in the numerator NaN.
func gammaRatio(num, den []float64) (float64, int) {
	l, s := 0.0, 1
	for _, x := range num {
		if isNonPosInt(x) {
			return math.NaN(), 0
		}
		v, sg := math.Lgamma(x)
		l += v
		s *= sg
	}
	for _, x := range den {
		if isNonPosInt(x) {
			return math.Inf(-1), 1
		}
		v, sg := math.Lgamma(x)
		l -= v
		s *= sg
	}
	return l, s
}

// isNonPosInt reports whether x is 0, -1, -2, ...
func isNonPosInt(x float64) bool { return x <= 0 && x == math.Floor(x) }

// allPositive reports whether both numbers are positive.
func allPositive(a, b float64) bool { return a > 0 && b > 0 }
