package satmetrics

// Rake returns weights calibrated to the population margins of several
// classifications at once (for example region, plan tier and tenure band)
// by iterative proportional fitting: it post-stratifies to each
// classification in turn,
//
//	w_i ← w_i N_{k,h} / Σ_{j in h} w_j      for respondent i in category h of classification k,
//
// and repeats the sweep over the classifications until every category of
// every margin is within the relative tolerance of its target,
//
//	|Σ_{j in h} w_j - N_{k,h}| ≤ tol N_{k,h}      for every k and h,
//
// or until cfg.MaxIter sweeps. Raking needs only the margins, not the joint
// distribution of the classifications, and when it converges its weights
// are the ones closest to the initial weights, in the sense of the
// Kullback-Leibler distance Σ w'_i log(w'_i / w_i), among those that meet
// every margin [2]. With a single classification it is post-stratification.
//
// The classifications share one list of respondents: classes[k].Labels[i]
// is the category of respondent i in classification k. Their population
// margins must have the same total (counts of the same population, or shares
// that sum to one), up to the tolerance; the targets are scaled to cfg.Total
// if it is set. weights, if not nil, holds one initial weight per respondent;
// it is not modified. If cfg.Bounds is set, the weights are trimmed and raked
// again, in rounds, until they meet both the bounds and the margins (see
// Trim).
//
// Rake returns an error, naming the value at fault, that wraps ErrWeight
// for a negative, NaN or infinite weight, ErrUnknownCategory for a
// respondent's category that a population does not list (or lists as 0),
// ErrEmptyCategory for a population category without respondents,
// ErrMarginTotals for margins with different totals, ErrRange for a negative
// or non-finite population or configuration, ErrIncompatible for labels or
// weights of different lengths, and ErrNoData for no classification or no
// respondents. If the margins are not met within cfg.MaxIter sweeps (as when
// respondents are missing from cells that the margins need), Rake returns
// the weights of the last sweep, with their report, and an error that wraps
// ErrNotConverged.
//
// Every sweep takes time proportional to the number of respondents times
// the number of classifications, and allocates nothing.
//
// For more information, see [1] W. E. Deming and F. F. Stephan, "On a least
// squares adjustment of a sampled frequency table when the expected marginal
// totals are known", Annals of Mathematical Statistics 11(4), 1940, [2]
// J.-C. Deville and C.-E. Särndal, "Calibration estimators in survey
// sampling", Journal of the American Statistical Association 87(418), 1992,
// and T. Lumley, survey: analysis of complex survey samples, R package,
// function rake.
func Rake(classes []Classification, weights []float64, cfg Calibration) (Calibrated, error) {
	s, err := cfg.settings()
	if err != nil {
		return Calibrated{}, err
	}
	d, err := newDesign(classes, weights, s)
	if err != nil {
		return Calibrated{}, err
	}
	sums := d.sums(nil, nil)
	factors := make([][]float64, len(d.targets))
	for k, t := range d.targets {
		factors[k] = make([]float64, len(t))
	}
	step := func(w []float64) (int, bool) {
		return d.ipf(w, s.tol, s.maxIter, sums, factors)
	}
	return d.calibrate("raking", s, step)
}

// ipf rakes w in place and returns the number of sweeps and whether the
// margins were met. sums and factors are scratch space shaped like
// d.targets.
func (d *design) ipf(w []float64, tol float64, maxIter int, sums, factors [][]float64) (int, bool) {
	last := len(d.codes) - 1
	d.sums(w, sums)
	if d.within(sums, tol) {
		return 0, true
	}
	for it := 1; it <= maxIter; it++ {
		for k, codes := range d.codes {
			f, t, s := factors[k], d.targets[k], sums[k]
			for c := range f {
				// A category whose weight vanished (only possible by
				// underflow) keeps its weights; the margin check fails.
				f[c] = 1
				if s[c] > 0 {
					f[c] = t[c] / s[c]
				}
			}
			w := w[:len(codes)]
			if k == last {
				// Fuse the last adjustment with the sums of every margin,
				// for the convergence check and the next sweep.
				d.scaleSums(w, codes, f, sums)
				break
			}
			// Fuse the adjustment to margin k with the sums of margin
			// k+1, which the next adjustment needs.
			next, nc := sums[k+1], d.codes[k+1][:len(codes)]
			clear(next)
			for i, c := range codes {
				x := w[i] * f[c]
				w[i] = x
				next[nc[i]] += x
			}
		}
		if d.within(sums, tol) {
			return it, true
		}
	}
	return maxIter, false
}

// scaleSums multiplies each w[i] by f[codes[i]] and sets sums to the sums
// of the new weights in every category of every classification, in one pass.
func (d *design) scaleSums(w []float64, codes []int32, f []float64, sums [][]float64) {
	for _, s := range sums {
		clear(s)
	}
	switch len(d.codes) {
	case 1:
		s0 := sums[0]
		for i, c := range codes {
			x := w[i] * f[c]
			w[i] = x
			s0[c] += x
		}
	case 2:
		c0, c1 := d.codes[0][:len(codes)], d.codes[1][:len(codes)]
		s0, s1 := sums[0], sums[1]
		for i, c := range codes {
			x := w[i] * f[c]
			w[i] = x
			s0[c0[i]] += x
			s1[c1[i]] += x
		}
	case 3:
		c0, c1, c2 := d.codes[0][:len(codes)], d.codes[1][:len(codes)], d.codes[2][:len(codes)]
		s0, s1, s2 := sums[0], sums[1], sums[2]
		for i, c := range codes {
			x := w[i] * f[c]
			w[i] = x
			s0[c0[i]] += x
			s1[c1[i]] += x
			s2[c2[i]] += x
		}
	default:
		for i, c := range codes {
			w[i] *= f[c]
		}
		d.sums(w, sums)
	}
}
