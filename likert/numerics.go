package likert

// TEMPORARY: private stand-ins for internal/dist.StudentTQuantile,
// dist.FQuantile and dist.ChiSquareSurvival until the numerics branch lands
// on main; the call sites use these three names only, so the switch is this
// one file.

import "math"

// studentTQuantile returns the p quantile of Student's t with nu degrees of
// freedom.
func studentTQuantile(p, nu float64) float64 {
	if p == 0.5 {
		return 0
	}
	if p < 0.5 {
		return -studentTQuantile(1-p, nu)
	}
	// P(T > t) = I_{nu/(nu+t²)}(nu/2, 1/2) / 2.
	q := 1 - p
	lo, hi := 0.0, 1.0
	for tSurvival(hi, nu) > q {
		hi *= 2
	}
	for range 200 {
		mid := (lo + hi) / 2
		if tSurvival(mid, nu) > q {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

func tSurvival(t, nu float64) float64 {
	return 0.5 * regIncBeta(nu/(nu+t*t), nu/2, 0.5)
}

// fQuantile returns the p quantile of the F distribution with d1 and d2
// degrees of freedom.
func fQuantile(p, d1, d2 float64) float64 {
	// CDF(x) = I_{d1 x/(d1 x + d2)}(d1/2, d2/2); invert in y = d1 x/(d1 x + d2).
	lo, hi := 0.0, 1.0
	for range 200 {
		mid := (lo + hi) / 2
		if regIncBeta(mid, d1/2, d2/2) < p {
			lo = mid
		} else {
			hi = mid
		}
	}
	y := (lo + hi) / 2
	return d2 * y / (d1 * (1 - y))
}

// chiSquareSurvival returns P(X > x) for X chi-square with k degrees of
// freedom.
func chiSquareSurvival(x, k float64) float64 {
	if x <= 0 {
		return 1
	}
	return regIncGammaQ(k/2, x/2)
}

func regIncBeta(x, a, b float64) float64 {
	if x <= 0 {
		return 0
	}
	if x >= 1 {
		return 1
	}
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	front := math.Exp(lab - la - lb + a*math.Log(x) + b*math.Log1p(-x))
	if x < (a+1)/(a+b+2) {
		return front * betaCF(x, a, b) / a
	}
	return 1 - front*betaCF(1-x, b, a)/b
}

func betaCF(x, a, b float64) float64 {
	const tiny = 1e-300
	c, d := 1.0, 1-(a+b)*x/(a+1)
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1; m < 10000; m++ {
		fm := float64(m)
		aa := fm * (b - fm) * x / ((a + 2*fm - 1) * (a + 2*fm))
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
		aa = -(a + fm) * (a + b + fm) * x / ((a + 2*fm) * (a + 2*fm + 1))
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

func regIncGammaQ(a, x float64) float64 {
	lg, _ := math.Lgamma(a)
	if x < a+1 {
		sum, del, ap := 1/a, 1/a, a
		for range 100000 {
			ap++
			del *= x / ap
			sum += del
			if math.Abs(del) < math.Abs(sum)*1e-17 {
				break
			}
		}
		return 1 - sum*math.Exp(-x+a*math.Log(x)-lg)
	}
	const tiny = 1e-300
	b := x + 1 - a
	c := 1 / tiny
	d := 1 / b
	h := d
	for i := 1; i < 100000; i++ {
		an := -float64(i) * (float64(i) - a)
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
		if math.Abs(del-1) < 1e-17 {
			break
		}
	}
	return math.Exp(-x+a*math.Log(x)-lg) * h
}
