package stable

// Moments accumulates the count, weighted mean and weighted sum of squared
// deviations of a stream of values. The zero value holds no values.
//
// Each value is folded in with West's weighted form of Welford's update,
//
//	W' = W + w
//	δ  = x - mean
//	mean' = mean + δ (w / W')
//	M2'   = M2 + w δ (x - mean')
//
// which avoids the cancellation of the textbook sum-of-squares formula (a
// stream of values near 1e9 with a spread of 1 keeps its variance). Two
// accumulators merge with the pairwise update of Chan, Golub and LeVeque,
//
//	δ = mean_b - mean_a
//	mean = mean_a + δ W_b / W
//	M2 = M2_a + M2_b + δ² W_a W_b / W.
//
// For more information, see D. H. D. West, "Updating mean and variance
// estimates: an improved method", Communications of the ACM 22(9), 1979,
// and T. F. Chan, G. H. Golub and R. J. LeVeque, "Algorithms for computing
// the sample variance: analysis and recommendations", The American
// Statistician 37(3), 1983.
type Moments struct {
	n    int64   // number of values with non-zero weight
	w    float64 // sum of weights
	w2   float64 // sum of squared weights
	mean float64
	m2   float64
}

// Add adds x with weight 1.
func (m *Moments) Add(x float64) {
	m.AddWeighted(x, 1)
}

// AddWeighted adds x with weight w. The caller must pass a finite, positive w;
// a zero weight is ignored.
func (m *Moments) AddWeighted(x, w float64) {
	if w == 0 {
		return
	}
	m.n++
	m.w += w
	m.w2 += w * w
	d := x - m.mean
	// w/W is 1 exactly for the first value, so its mean is exact; the
	// product d·w/W could be off by an ulp and leave M2 negative.
	m.mean += d * (w / m.w)
	if r := w * d * (x - m.mean); r > 0 {
		m.m2 += r // the two factors have the same sign but for rounding
	}
}

// Merge folds u into m, as if every value added to u had been added to m.
func (m *Moments) Merge(u Moments) {
	if u.w == 0 {
		return
	}
	if m.w == 0 {
		*m = u
		return
	}
	w := m.w + u.w
	d := u.mean - m.mean
	m.mean += d * (u.w / w)
	m.m2 += u.m2 + d*d*(m.w*u.w/w)
	m.w = w
	m.w2 += u.w2
	m.n += u.n
}

// N returns the number of values added with non-zero weight.
func (m Moments) N() int64 { return m.n }

// Weight returns the sum of the weights.
func (m Moments) Weight() float64 { return m.w }

// SumSquaredWeights returns the sum of the squared weights.
func (m Moments) SumSquaredWeights() float64 { return m.w2 }

// Mean returns the weighted mean, or 0 when no value has been added.
func (m Moments) Mean() float64 { return m.mean }

// M2 returns the weighted sum of squared deviations from the mean,
// Σ w (x - mean)².
func (m Moments) M2() float64 { return m.m2 }

// Variance returns the unbiased sample variance M2 / (n - 1) for unit
// weights; for general weights it returns the reliability-weighted form
// M2 / (W - W2/W), which reduces to it when every weight is 1. It returns 0
// when fewer than two values have been added.
func (m Moments) Variance() float64 {
	if m.n < 2 {
		return 0
	}
	d := m.w - m.w2/m.w
	if d <= 0 {
		return 0
	}
	return m.m2 / d
}

// PopulationVariance returns M2 / W, the variance of the values as a
// population, or 0 when no value has been added.
func (m Moments) PopulationVariance() float64 {
	if m.w == 0 {
		return 0
	}
	return m.m2 / m.w
}

// FromState returns Moments with the given state, for decoders. It does not
// validate its arguments.
func FromState(n int64, w, w2, mean, m2 float64) Moments {
	return Moments{n: n, w: w, w2: w2, mean: mean, m2: m2}
}

// State returns the accumulator's state in the order FromState takes it.
func (m Moments) State() (n int64, w, w2, mean, m2 float64) {
	return m.n, m.w, m.w2, m.mean, m.m2
}
