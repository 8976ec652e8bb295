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
// direct or Pfaff form when its argument w exceeds 0.75 and c - a - b is not
// within 1e-6 of an integer. Each series is summed with a running scale
// factor, so that huge values do not overflow before the logarithm is
// taken, and with an estimate of its rounding error (the largest term over
// the sum); the form with the smallest estimate is kept.
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
	try := func(r hypResult) bool {
		if r.err < best.err {
			best = r
		}
		return best.err <= 1e-15
	}
	if z > 0 {
		l1z := math.Log1p(-z)
		if z > 0.75 && !nearInt(c-a-b) {
			if try(hypConnection(a, b, c, z, 0, 1)) {
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
		if w > 0.75 && !nearInt(c-a-b) {
			// Pfaff, then the connection formula in w.
			if try(hypConnection(a, c-b, c, w, -a*l1z, 1)) {
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

// hypConnection evaluates exp(lpre)·spre·2F1(a, b; c; w) for w near 1 by the
// connection formula A&S 15.3.6, for c - a - b not an integer.
func hypConnection(a, b, c, w, lpre float64, spre int) hypResult {
	d := c - a - b
	v := 1 - w
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
	sign := shi * spre
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

// nearInt reports whether x is within 1e-6 of an integer, where the
// connection formula's two terms cancel.
func nearInt(x float64) bool { return math.Abs(x-math.Round(x)) < 1e-6 }

// allPositive reports whether both numbers are positive.
func allPositive(a, b float64) bool { return a > 0 && b > 0 }
