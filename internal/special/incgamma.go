package special

import "math"

// Tuning of the iterative evaluations.
const (
	epsilon = 1.1102230246251565e-16 // 2^-53, half the spacing of floats at 1
	tiny    = 1e-300                 // Lentz's guard against zero denominators
)

// RegIncGammaP returns the regularised lower incomplete gamma function
//
//	P(a, x) = γ(a, x) / Γ(a) = 1/Γ(a) ∫₀^x t^(a-1) e^(-t) dt
//
// for a > 0 and x >= 0, and NaN otherwise.
//
// Algorithm (after Numerical Recipes §6.2 and DiDonato & Morris 1986):
//
//   - x < a+1: the series P = x^a e^(-x)/Γ(a+1) Σ_n x^n / ((a+1)···(a+n));
//   - a < 1 and x < 1.1: the same series for P, and for Q the expansion
//     Q = 1 - x^a/Γ(a+1) - x^a/Γ(a) Σ_{n>=1} (-x)^n/(n! (a+n)) with the
//     first difference formed by expm1 (as in DiDonato & Morris);
//   - otherwise: Legendre's continued fraction for Q (A&S 6.5.31), evaluated
//     by the modified Lentz method.
//
// The prefactor x^a e^(-x)/Γ(a+1) is computed for a >= 10 as
// exp(a·log1pmx((x-a)/a) - δ(a)) / √(2πa), with δ the Stirling correction,
// which avoids the cancellation of a·log x - x - log Γ(a+1) for large a.
// In each region the small tail is the one computed directly; the other is
// 1 minus it and is never below about 0.1 there, so both tails keep full
// relative precision.
func RegIncGammaP(a, x float64) float64 {
	p, _ := incGamma(a, x)
	return p
}

// RegIncGammaQ returns the regularised upper incomplete gamma function
// Q(a, x) = 1 - P(a, x) = Γ(a, x)/Γ(a) for a > 0 and x >= 0, and NaN
// otherwise. Q is computed directly (not as 1 - P) in the upper tail, so it
// keeps full relative precision when it is tiny. See RegIncGammaP for the
// algorithm.
func RegIncGammaQ(a, x float64) float64 {
	_, q := incGamma(a, x)
	return q
}

// incGamma returns P(a, x) and Q(a, x).
func incGamma(a, x float64) (p, q float64) {
	switch {
	case math.IsNaN(a) || math.IsNaN(x) || a <= 0 || x < 0 || math.IsInf(a, 1):
		return math.NaN(), math.NaN()
	case x == 0:
		return 0, 1
	case math.IsInf(x, 1):
		return 1, 0
	}
	if a < 1 && x < 1.1 {
		p = gammaSeriesP(a, x)
		return p, gammaSmallAQ(a, x)
	}
	if x < a+1 {
		p = gammaSeriesP(a, x)
		return p, 1 - p
	}
	q = gammaCFQ(a, x)
	return 1 - q, q
}

// gammaPrefactor returns x^a e^(-x) / Γ(a+1).
func gammaPrefactor(a, x float64) float64 {
	if a < 10 {
		return math.Exp(a*logSafe(x) - x - lgamma1p(a))
	}
	t := (x - a) / a
	var l float64
	if t < -0.5 {
		// log(x/a) is accurate where 1+t would lose digits.
		l = logSafe(x/a) - t
	} else {
		l = log1pmx(t)
	}
	return math.Exp(a*l-stirlingCorr(a)) / math.Sqrt(2*math.Pi*a)
}

// gammaSeriesP sums P(a, x) = x^a e^(-x)/Γ(a+1) Σ x^n/((a+1)···(a+n)).
// The terms are positive; for x < a+1 they decrease after at most a few
// terms, and the number of terms grows like √a near x = a.
func gammaSeriesP(a, x float64) float64 {
	f := gammaPrefactor(a, x)
	if f == 0 {
		return 0
	}
	sum, term := 1.0, 1.0
	for n := 1.0; n < 1e7; n++ {
		term *= x / (a + n)
		sum += term
		if term <= sum*epsilon {
			break
		}
	}
	return f * sum
}

// gammaSmallAQ returns Q(a, x) for a < 1 and x < 1.1 from
//
//	Q = -expm1(a log x - log Γ(1+a)) - a x^a/Γ(1+a) Σ_{n>=1} (-x)^n/(n!(a+n)).
func gammaSmallAQ(a, x float64) float64 {
	l := a*logSafe(x) - lgamma1p(a)
	u := -math.Expm1(l) // 1 - x^a/Γ(1+a)
	var s float64
	term := 1.0
	for n := 1.0; n < 100; n++ {
		term *= -x / n
		t := term / (a + n)
		s += t
		if math.Abs(t) <= math.Abs(s)*epsilon {
			break
		}
	}
	return u - a*math.Exp(l)*s
}

// gammaCFQ evaluates Q(a, x) = x^a e^(-x)/Γ(a) · 1/(x+1-a- 1(1-a)/(x+3-a- ...))
// by the modified Lentz method (Numerical Recipes §6.2, gcf).
func gammaCFQ(a, x float64) float64 {
	f := a * gammaPrefactor(a, x)
	if f == 0 {
		return 0
	}
	b := x + 1 - a
	c := 1 / tiny
	d := 1 / b
	h := d
	for i := 1.0; i < 1e7; i++ {
		an := -i * (i - a)
		b += 2
		d = an*d + b
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = b + an/c
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
	return f * h
}
