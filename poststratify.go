package satmetrics

import "github.com/satmetrics/satmetrics/internal/stable"

// PostStratify returns weights that give every category of one
// classification its population count or share: each respondent's weight is
// scaled by the ratio of the category's target to the weight the category
// had,
//
//	w'_i = w_i N_h / Σ_{j in h} w_j      for respondent i in category h,
//
// where N_h is the population of category h scaled to cfg.Total (or left as
// given if cfg.Total is zero) and w_i the initial weight (1 if weights is
// nil). The weighted distribution of the classification then equals the
// population's, and every respondent of one category gets the same factor.
//
// weights, if not nil, holds one initial weight per respondent (design or
// base weights); it is not modified. The result holds the new weights and a
// report of each category. If cfg.Bounds is set, the weights are then
// trimmed and post-stratified again, in rounds, until they meet both the
// bounds and the margin (see Trim).
//
// PostStratify returns an error, naming the value at fault, that wraps
// ErrWeight for a negative, NaN or infinite weight, ErrUnknownCategory for a
// respondent's category that the population does not list (or lists as 0),
// ErrEmptyCategory for a population category without respondents, ErrRange
// for a negative or non-finite population or configuration, ErrIncompatible
// if weights and labels differ in length, ErrNoData for no respondents, and
// ErrNotConverged if bounds and margin cannot be met together.
//
// For more information, see D. Holt and T. M. F. Smith, "Post
// stratification", Journal of the Royal Statistical Society A 142(1), 1979,
// and T. Lumley, Complex Surveys: A Guide to Analysis Using R, Wiley, 2010,
// section 7.2.
func PostStratify(c Classification, weights []float64, cfg Calibration) (Calibrated, error) {
	s, err := cfg.settings()
	if err != nil {
		return Calibrated{}, err
	}
	d, err := newDesign([]Classification{c}, weights, s)
	if err != nil {
		return Calibrated{}, err
	}
	codes, targets := d.codes[0], d.targets[0]
	sums := make([]stable.Sum, len(targets))
	factors := make([]float64, len(targets))
	step := func(w []float64) (int, bool) {
		clear(sums)
		for i, code := range codes {
			sums[code].Add(w[i])
		}
		for h := range factors {
			factors[h] = 0
			if s := sums[h].Value(); s > 0 {
				factors[h] = targets[h] / s
			}
		}
		for i, code := range codes {
			w[i] *= factors[code]
		}
		return 1, true
	}
	return d.calibrate("post-stratification", s, step)
}
