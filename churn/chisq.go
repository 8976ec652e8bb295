package churn

import "math"

// chiSquareSurvival returns the upper tail P(X > x) of the chi-square
// distribution with k degrees of freedom, the regularized upper incomplete
// gamma function Q(k/2, x/2), by its series for x < k/2 + 1 and by Lentz's
// continued fraction otherwise (Numerical Recipes, section 6.2).
//
// It is a private stand-in for internal/dist.ChiSquareSurvival, which is
// being written on another branch; the package switches to that function
// once it lands.
func chiSquareSurvival(x, k float64) float64 {
	if x <= 0 {
		return 1
	}
	a, y := k/2, x/2
	lg, _ := math.Lgamma(a)
	front := math.Exp(-y + a*math.Log(y) - lg)
	if y < a+1 {
		// P(a, y) by its series; Q = 1 - P.
		sum, term := 1/a, 1/a
		for n := 1; n < 1000; n++ {
			term *= y / (a + float64(n))
			sum += term
			if math.Abs(term) < math.Abs(sum)*1e-17 {
				break
			}
		}
		return 1 - sum*front
	}
	const tiny = 1e-300
	b := y + 1 - a
	c := 1 / tiny
	d := 1 / b
	h := d
	for i := 1; i < 1000; i++ {
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
		if math.Abs(del-1) < 1e-16 {
			break
		}
	}
	return front * h
}
