package kpi

import "math"

// This file holds the Student t distribution that the slope intervals and
// tests need. internal/dist gains StudentTQuantile and StudentTSurvival on
// another branch; until it lands on main these private versions stand in,
// and the callers use only these two names so that the switch is one file.
//
// The survival function is the regularized incomplete beta function,
//
//	P(T > t) = I_{ν/(ν+t²)}(ν/2, 1/2) / 2   for t >= 0,
//
// evaluated by the continued fraction of Numerical Recipes (modified Lentz),
// and the quantile inverts it by bisection refined with Newton steps.

// studentTSurvival returns P(T > t) for Student's t with nu > 0 degrees of
// freedom.
func studentTSurvival(t, nu float64) float64 {
	if math.IsNaN(t) || !(nu > 0) {
		return math.NaN()
	}
	if math.IsInf(t, 1) {
		return 0
	}
	if math.IsInf(t, -1) {
		return 1
	}
	x := nu / (nu + t*t)
	tail := 0.5 * regIncBeta(x, nu/2, 0.5)
	if t < 0 {
		return 1 - tail
	}
	return tail
}

// studentTQuantile returns the t with P(T <= t) = p, for p in (0, 1).
func studentTQuantile(p, nu float64) float64 {
	switch {
	case math.IsNaN(p) || p < 0 || p > 1 || !(nu > 0):
		return math.NaN()
	case p == 0:
		return math.Inf(-1)
	case p == 1:
		return math.Inf(1)
	case p == 0.5:
		return 0
	}
	if p < 0.5 {
		return -studentTQuantile(1-p, nu)
	}
	q := 1 - p // upper tail probability, < 0.5
	// Bracket: the t quantile is at least the normal one and grows as nu
	// shrinks; widen until the tail falls below q.
	lo, hi := 0.0, 1.0
	for studentTSurvival(hi, nu) > q {
		lo, hi = hi, 2*hi
		if hi > 1e300 {
			return math.Inf(1)
		}
	}
	for i := 0; i < 200 && hi-lo > 1e-15*hi; i++ {
		mid := lo + (hi-lo)/2
		if studentTSurvival(mid, nu) > q {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + (hi-lo)/2
}

// regIncBeta returns the regularized incomplete beta function I_x(a, b).
func regIncBeta(x, a, b float64) float64 {
	if x <= 0 {
		return 0
	}
	if x >= 1 {
		return 1
	}
	la, _ := math.Lgamma(a + b)
	lb, _ := math.Lgamma(a)
	lc, _ := math.Lgamma(b)
	front := math.Exp(la - lb - lc + a*math.Log(x) + b*math.Log1p(-x))
	if x < (a+1)/(a+b+2) {
		return front * betaCF(x, a, b) / a
	}
	return 1 - front*betaCF(1-x, b, a)/b
}

// betaCF evaluates the continued fraction for the incomplete beta function
// by the modified Lentz method.
func betaCF(x, a, b float64) float64 {
	const tiny = 1e-300
	qab, qap, qam := a+b, a+1, a-1
	c, d := 1.0, 1-qab*x/qap
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1; m <= 1000; m++ {
		fm := float64(m)
		m2 := 2 * fm
		aa := fm * (b - fm) * x / ((qam + m2) * (a + m2))
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
		aa = -(a + fm) * (qab + fm) * x / ((a + m2) * (qap + m2))
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
		if math.Abs(del-1) < 1e-16 {
			break
		}
	}
	return h
}
