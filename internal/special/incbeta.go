package special

import "math"

// RegIncBeta returns the regularised incomplete beta function
//
//	I_x(a, b) = 1/B(a, b) ∫₀^x t^(a-1) (1-t)^(b-1) dt
//
// for 0 <= x <= 1 and a, b > 0, and NaN otherwise.
//
// Algorithm: the continued fraction of A&S 26.5.8, evaluated by the modified
// Lentz method (Numerical Recipes §6.4, betacf), used for x < (a+1)/(a+b+2)
// and otherwise applied to the complement I_{1-x}(b, a) = 1 - I_x(a, b).
// The prefactor x^a (1-x)^b / B(a, b) is computed for a, b >= 10 by the
// factorisation of DiDonato & Morris's BRCOMP (TOMS 708),
//
//	x^a y^b / B(a,b) = √(ab/(a+b)) / √(2π) · exp(a·φ(-λ/a) + b·φ(λ/b) - Δ),
//	λ = a·y - b·x,  φ(t) = log(1+t) - t,  Δ = δ(a) + δ(b) - δ(a+b),
//
// which is free of the cancellation between a log x, b log y and log B(a,b)
// that limits the naive formula when a and b are large. When one shape
// exceeds 1000 times the other (and 1000) and x lies on the large shape's
// side of ½, the continued fraction would lose digits in proportion to
// 1/(1-x); there the expansion in incomplete gamma functions of TOMS 708's
// BGRAT is used instead (see betaLargeA).
func RegIncBeta(x, a, b float64) float64 {
	p, _ := RegIncBetaPair(x, 1-x, a, b)
	return p
}

// RegIncBetaPair returns I_x(a, b) and its complement 1 - I_x(a, b) =
// I_y(b, a), where y = 1 - x is passed separately so that callers who know
// 1-x more precisely than 1 - x can be formed (x near 1) keep that precision.
// Whichever of the two results is computed directly has full relative
// precision; the other is 1 minus it. It returns NaN, NaN when x or y is
// outside [0, 1], a or b is not positive, or x + y differs from 1 by more
// than rounding.
func RegIncBetaPair(x, y, a, b float64) (p, q float64) {
	switch {
	case math.IsNaN(x) || math.IsNaN(y) || math.IsNaN(a) || math.IsNaN(b),
		x < 0 || y < 0 || x > 1 || y > 1 || a <= 0 || b <= 0,
		math.Abs(x+y-1) > 4*epsilon,
		math.IsInf(a, 1) || math.IsInf(b, 1):
		return math.NaN(), math.NaN()
	case x == 0:
		return 0, 1
	case y == 0:
		return 1, 0
	}
	switch {
	case a >= 1000 && b <= a/1000 && x >= 0.5:
		return betaLargeA(x, y, a, b)
	case b >= 1000 && a <= b/1000 && y >= 0.5:
		q, p = betaLargeA(y, x, b, a)
		return p, q
	case x*(a+b+2) < a+1:
		p = betaCF(x, y, a, b)
		return p, 1 - p
	}
	q = betaCF(y, x, b, a)
	return 1 - q, q
}

// betaLargeA returns I_x(a, b) and 1 - I_x(a, b) for a large, b <= a/1000
// and x >= 1/2, where the continued fraction would lose digits in
// proportion to 1/(1-x). With s = -log x, T = a + (b-1)/2 and the
// substitution t = 1 - e^(-u) in the integral of 1 - I_x(a,b) = I_y(b,a),
//
//	(1-e^(-u))^(b-1) e^(-au) = e^(-Tu) u^(b-1) (sinh(u/2)/(u/2))^(b-1)
//	                         = e^(-Tu) u^(b-1) Σ_n c_n u^(2n),
//
// and integrating term by term gives
//
//	I_y(b, a)     = Γ(a+b)/(Γ(a) T^b) Σ_n c_n (b)_2n T^(-2n) P(b+2n, Ts),
//	1 - I_y(b, a) = Γ(a+b)/(Γ(a) T^b) Σ_n c_n (b)_2n T^(-2n) Q(b+2n, Ts),
//
// the second an asymptotic expansion whose error, from u > 2π where the
// sinh series diverges, is of order e^(-2πT). This is the expansion behind
// BGRAT in DiDonato and Morris's TOMS 708 (after Temme); the coefficients
// c_n of (sinh(z)/z)^(b-1) follow from J. C. P. Miller's recurrence for the
// power of a series.
func betaLargeA(x, y, a, b float64) (p, q float64) {
	s := -math.Log1p(-y)
	if x <= 0.5 {
		s = -math.Log(x)
	}
	t := a + (b-1)/2
	z := t * s
	// log(Γ(a+b)/Γ(a)) - b log T through the Stirling corrections, which
	// avoids the cancellation of two huge log-gamma values.
	lpre := (a-0.5)*math.Log1p(b/a) + b*math.Log(a+b) - b + stirlingCorr(a+b) - stirlingCorr(a) - b*math.Log(t)
	pre := math.Exp(lpre)
	// e_k = 1/(4^k (2k+1)!), coefficients of sinh(u/2)/(u/2) in u^2.
	const nmax = 30
	var e, c [nmax]float64
	e[0], c[0] = 1, 1
	for k := 1; k < nmax; k++ {
		e[k] = e[k-1] / (4 * float64(2*k) * float64(2*k+1))
	}
	beta := b - 1
	sumP, sumQ := 0.0, 0.0
	poch := 1.0 // (b)_2n / T^2n
	for n := 0; n < nmax; n++ {
		if n > 0 {
			cn := 0.0
			for k := 1; k <= n; k++ {
				cn += ((beta+1)*float64(k) - float64(n)) * e[k] * c[n-k]
			}
			c[n] = cn / float64(n)
			fn := float64(2 * n)
			poch *= (b + fn - 2) * (b + fn - 1) / (t * t)
		}
		d := c[n] * poch
		pn, qn := incGamma(b+2*float64(n), z)
		sumP += d * pn
		sumQ += d * qn
		if math.Abs(d*pn) <= 1e-3*epsilon*math.Abs(sumP) && math.Abs(d*qn) <= 1e-3*epsilon*math.Abs(sumQ) {
			break
		}
	}
	// I_y(b,a) = pre·sumP is 1 - I_x(a,b). The smaller of the two is
	// returned as computed, the other as its complement, so that they add
	// to 1.
	if p = pre * sumQ; p <= 0.5 {
		return p, 1 - p
	}
	q = pre * sumP
	return 1 - q, q
}

// betaPrefactor returns x^a y^b / B(a, b) with y = 1 - x. The logarithm of
// the larger of x and y is taken as log1p of minus the smaller, and
// λ = a·y - b·x is formed from the smaller, so that a y = 1 - x rounded by
// the caller does not cost precision when b is large.
func betaPrefactor(x, y, a, b float64) float64 {
	var lx, ly, lambda float64
	s := a + b
	if x <= 0.5 {
		lx, ly = logSafe(x), math.Log1p(-x)
		lambda = a - s*x
	} else {
		lx, ly = math.Log1p(-y), logSafe(y)
		lambda = s*y - b
	}
	if a < 10 || b < 10 {
		return math.Exp(a*lx + b*ly - LogBeta(a, b))
	}
	u := betaLogRatio(-lambda/a, lx-math.Log(a/s))
	v := betaLogRatio(lambda/b, ly-math.Log(b/s))
	corr := stirlingCorr(a) + stirlingCorr(b) - stirlingCorr(s)
	return math.Sqrt(a) * math.Sqrt(b/s) / math.Sqrt(2*math.Pi) * math.Exp(a*u+b*v-corr)
}

// betaLogRatio returns log(1+e) - e for e = x/x0 - 1, given lr = log(x/x0):
// log1pmx(e) for small |e|, and lr - e when |e| is large (BRCOMP's rule),
// where 1+e would have lost digits.
func betaLogRatio(e, lr float64) float64 {
	if math.Abs(e) > 0.6 {
		return lr - e
	}
	return log1pmx(e)
}

// betaCF returns I_x(a, b) = x^a y^b / (a B(a,b)) · 1/(1+ d1/(1+ d2/(1+ ...)))
// with d_{2m+1} = -(a+m)(a+b+m)x / ((a+2m)(a+2m+1)) and
// d_{2m} = m(b-m)x / ((a+2m-1)(a+2m)) (A&S 26.5.8), by the modified Lentz
// method. It converges quickly for x < (a+1)/(a+b+2); the number of terms
// grows like √max(a, b) near that point.
func betaCF(x, y, a, b float64) float64 {
	f := betaPrefactor(x, y, a, b)
	if f == 0 {
		return 0
	}
	qab, qap, qam := a+b, a+1, a-1
	c := 1.0
	d := 1 - qab*x/qap
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1.0; m < 1e7; m++ {
		m2 := 2 * m
		aa := m * (b - m) * x / ((qam + m2) * (a + m2))
		d = 1 + aa*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + aa/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		h *= d * c
		aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
		d = 1 + aa*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + aa/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) <= epsilon {
			break
		}
	}
	return f * h / a
}
