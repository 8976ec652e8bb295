package satmetrics

// EffectiveN returns Kish's effective sample size of a set of weights from
// their sum and the sum of their squares,
//
//	n_eff = (Σ w)² / Σ w²,
//
// the number of equally weighted responses that would give an estimate of a
// mean or proportion the same variance. It equals n when every weight is the
// same and is smaller otherwise. It returns 0 when sumW2 is 0.
//
// For more information, see L. Kish, Survey Sampling, Wiley, 1965, section
// 11.7.
func EffectiveN(sumW, sumW2 float64) float64 {
	if sumW2 == 0 {
		return 0
	}
	return sumW * sumW / sumW2
}

// DesignEffect returns Kish's design effect due to unequal weighting for n
// responses,
//
//	deff = n Σ w² / (Σ w)² = n / n_eff,
//
// the factor by which weighting inflates the variance of a mean or
// proportion (not its square root, the factor on the standard error). It is
// 1 for equal weights. It returns 0 when sumW is 0.
func DesignEffect(n int64, sumW, sumW2 float64) float64 {
	if sumW == 0 {
		return 0
	}
	return float64(n) * sumW2 / (sumW * sumW)
}
