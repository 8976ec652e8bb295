package satmetrics

import "math"

// chiSquareSurvival returns P(χ²_k > x), the upper tail of the chi-square
// distribution with k degrees of freedom, as the regularized upper
// incomplete gamma function Q(k/2, x/2): by its series when x/2 < k/2 + 1
// and by its continued fraction (modified Lentz) otherwise, as in W. H.
// Press et al., Numerical Recipes, 3rd edition, section 6.2.
//
// It stands in for dist.ChiSquareSurvival until internal/dist has it.
func chiSquareSurvival(x, k float64) float64 {
	if x <= 0 {
		return 1
	}
	a, x := k/2, x/2
	lg, _ := math.Lgamma(a)
	front := math.Exp(a*math.Log(x) - x - lg)
	if x < a+1 {
		// P(a, x) = e^-x x^a / Γ(a) Σ_n x^n / (a (a+1) ... (a+n)).
		sum, term := 1/a, 1/a
		for ap := a + 1; ap < a+1000; ap++ {
			term *= x / ap
			sum += term
			if math.Abs(term) < math.Abs(sum)*1e-16 {
				break
			}
		}
		return 1 - sum*front
	}
	// Q(a, x) = e^-x x^a / Γ(a) · 1/(x+1-a- 1(1-a)/(x+3-a- 2(2-a)/(x+5-a- ...))).
	const tiny = 1e-300
	b := x + 1 - a
	c, d := 1/tiny, 1/b
	h := d
	for i := 1.0; i < 1000; i++ {
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
		if math.Abs(del-1) < 1e-16 {
			break
		}
	}
	return front * h
}
