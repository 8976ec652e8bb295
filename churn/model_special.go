package churn

import "math"

// Special functions for the models, in the forms the models need: log-gamma
// and log-beta of positive arguments, digamma, and the few hypergeometric
// series that the closed forms of BG/NBD, MBG/NBD and Pareto/NBD reduce to
// once they are rewritten with Euler's transformation so that every series
// has positive (or eventually positive) terms and no removable
// singularities.

// mdlLgamma returns ln Γ(x) for x > 0.
func mdlLgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}

// mdlLbeta returns ln B(a, b) for a, b > 0.
func mdlLbeta(a, b float64) float64 {
	return mdlLgamma(a) + mdlLgamma(b) - mdlLgamma(a+b)
}

// mdlDigamma returns ψ(x) = d ln Γ(x)/dx for x > 0, by the recurrence
// ψ(x) = ψ(x+1) − 1/x up to x ≥ 6 and the asymptotic series there
// (Abramowitz and Stegun 6.3.18); the error is below 1e-14.
func mdlDigamma(x float64) float64 {
	var r float64
	for x < 6 {
		r -= 1 / x
		x++
	}
	f := 1 / (x * x)
	// ln x − 1/(2x) − Σ B_2k/(2k x^2k)
	t := f * (-1.0/12 + f*(1.0/120+f*(-1.0/252+f*(1.0/240+f*(-1.0/132+f*(691.0/32760+f*(-1.0/12)))))))
	return r + math.Log(x) - 0.5/x + t
}

// mdlExpm1Ratio returns expm1(e·L)/e, and L when e = 0: the difference
// quotient that the closed forms divide by (a − 1) or (s − 1) with, so that
// the models are defined, and accurate, at a = 1 and s = 1.
func mdlExpm1Ratio(e, L float64) float64 {
	x := e * L
	if x == 0 {
		return L
	}
	if math.Abs(x) < 1e-8 {
		return L * (1 + x/2)
	}
	return math.Expm1(x) / e
}

// mdlMaxTerms bounds the hypergeometric series. Their terms decrease at
// least as fast as z^n, so the bound is reached only for z within about
// 1e-5 of 1 (a horizon 100,000 times the scale parameter).
const mdlMaxTerms = 4_000_000

// mdlBGTerm returns
//
//	C·[1 − (1−z)^(a−1) · ₂F₁(A, a−1; C; z)] / (a − 1),
//
// for 0 ≤ z < 1, a > 0, C > −1, the bracket that E[X(t)] of BG/NBD and
// MBG/NBD and their conditional forms reduce to after Euler's
// transformation (A and C depend on the model). With (a−1)_n =
// (a−1)(a)_(n−1) and ε = a − 1, L = ln(1 − z), it equals
//
//	−C·expm1(εL)/ε − e^(εL) · Σ_{n≥1} (A)_n (a)_(n−1) / ((C+1)_(n−1) n!) z^n,
//
// which has no removable singularity at a = 1 and no pole for C in (−1, 0].
// It returns NaN if the series does not converge within mdlMaxTerms terms.
func mdlBGTerm(A, a, C, z float64) float64 {
	if z == 0 {
		return 0
	}
	e := a - 1
	L := math.Log1p(-z)
	var s float64
	t := A * z // n = 1
	regular := math.Abs(A) + 1
	for n := 1; ; n++ {
		s += t
		fn := float64(n)
		ratio := (A + fn) * (a + fn - 1) / ((C + fn) * (fn + 1)) * z
		t *= ratio
		// Once A+n > 0 the terms keep one sign and their ratio tends
		// monotonically to z, so the tail is below |t|·R/(1−R).
		if fn > regular {
			R := math.Abs(ratio)
			if R < z {
				R = z
			}
			if R < 1 && math.Abs(t) <= 1e-16*math.Abs(s)*(1-R) {
				break
			}
		}
		if t == 0 {
			break
		}
		if n > mdlMaxTerms {
			return math.NaN()
		}
	}
	return -C*mdlExpm1Ratio(e, L) - math.Exp(e*L)*s
}

// mdlF1 returns ₂F₁(1, d; c; z) = Σ_{n≥0} (d)_n/(c)_n z^n for 0 ≤ z < 1 and
// d, c > 0: a series of positive terms. It returns NaN if the series does
// not converge within mdlMaxTerms terms.
func mdlF1(d, c, z float64) float64 {
	s, t := 1.0, 1.0
	for n := 0; ; n++ {
		fn := float64(n)
		ratio := (d + fn) / (c + fn) * z
		t *= ratio
		s += t
		if R := math.Max(ratio, z); R < 1 && t <= 1e-17*s*(1-R) {
			return s
		}
		if n > mdlMaxTerms {
			return math.NaN()
		}
	}
}

// Gauss-Kronrod 7-15 nodes and weights on [-1, 1] (from QUADPACK's qk15).
var mdlGKNodes = [8]float64{
	0.991455371120812639206854697526329,
	0.949107912342758524526189684047851,
	0.864864423359769072789712788640926,
	0.741531185599394439863864773280788,
	0.586087235467691130294144845693013,
	0.405845151377397166906606412076961,
	0.207784955007898467600689403773245,
	0.000000000000000000000000000000000,
}

var mdlGKWeights = [8]float64{
	0.022935322010529224963732008058970,
	0.063092092629978553290700663189204,
	0.104790010322250183839876322541518,
	0.140653259715525918745189590510238,
	0.169004726639267902826583426598550,
	0.190350578064785409913256402421014,
	0.204432940075298892414161999234649,
	0.209482141084727828012999174891714,
}

var mdlGWeights = [4]float64{ // Gauss 7-point weights at nodes 1, 3, 5, 7 of the Kronrod set
	0.129484966168869693270611432679082,
	0.279705391489276667901467771423780,
	0.381830050505118944950369775488975,
	0.417959183673469387755102040816327,
}

// mdlGK15 returns the Kronrod estimate of ∫_a^b f and its error estimate.
func mdlGK15(f func(float64) float64, a, b float64) (float64, float64) {
	c, h := (a+b)/2, (b-a)/2
	fc := f(c)
	k := fc * mdlGKWeights[7]
	g := fc * mdlGWeights[3]
	for i := 0; i < 7; i++ {
		x := h * mdlGKNodes[i]
		s := f(c-x) + f(c+x)
		k += mdlGKWeights[i] * s
		if i%2 == 1 {
			g += mdlGWeights[i/2] * s
		}
	}
	return k * h, math.Abs((k - g) * h)
}

// mdlIntegrate returns ∫_a^b f by adaptive Gauss-Kronrod quadrature, to a
// relative tolerance rtol (or absolute 1e-300), bisecting the interval with
// the largest error estimate, at most 2000 times.
func mdlIntegrate(f func(float64) float64, a, b, rtol float64) float64 {
	type seg struct{ a, b, v, e float64 }
	v, e := mdlGK15(f, a, b)
	segs := []seg{{a, b, v, e}}
	total, err := v, e
	for it := 0; it < 2000 && err > math.Max(rtol*math.Abs(total), 1e-300); it++ {
		w := 0
		for i := range segs {
			if segs[i].e > segs[w].e {
				w = i
			}
		}
		s := segs[w]
		m := (s.a + s.b) / 2
		v1, e1 := mdlGK15(f, s.a, m)
		v2, e2 := mdlGK15(f, m, s.b)
		segs[w] = seg{s.a, m, v1, e1}
		segs = append(segs, seg{m, s.b, v2, e2})
		total, err = 0, 0
		for _, s := range segs {
			total += s.v
			err += s.e
		}
	}
	return total
}

// mdlLgammaRatio returns ln Γ(x+a) − ln Γ(x) for x, a > 0 without the
// cancellation of the direct difference when x is large: for x ≥ 20 it
// uses Stirling's series, in which the leading terms combine to
// (x−1/2)·ln(1+a/x) + a·ln(x+a) − a (error below 1e-15).
func mdlLgammaRatio(x, a float64) float64 {
	if math.IsInf(x, 1) {
		return math.Inf(1) // ~ a·ln x
	}
	if x < 20 {
		return mdlLgamma(x+a) - mdlLgamma(x)
	}
	tail := func(y float64) float64 {
		f := 1 / (y * y)
		return (1.0/12 + f*(-1.0/360+f*(1.0/1260+f*(-1.0/1680)))) / y
	}
	y := x + a
	return (x-0.5)*math.Log1p(a/x) + a*math.Log(y) - a + tail(y) - tail(x)
}

// mdlLbetaShift returns ln B(a, b+u) − ln B(a, b) for a, b > 0 and u ≥ 0,
// accurate also for u in the billions, where ln B(a, b+u) ≈ −a ln u is
// the small difference of two huge log-gamma values.
func mdlLbetaShift(a, b, u float64) float64 {
	return mdlLgammaRatio(b, a) - mdlLgammaRatio(b+u, a)
}

func mdlFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
