package likert

// moments accumulates the count, weighted mean and weighted sum of squared
// deviations of a stream of values, as internal/moments does, by
// West's weighted Welford update and the merge of Chan, Golub and LeVeque.
//
// It differs in one rounding detail: the mean moves by δ·(w/W) rather than
// (δ·w)/W. For the first value w/W is exactly 1, so the mean is exactly
// that value; in general the new mean stays between the old mean and x, so
// M2 never goes negative. moments computes (δ·w)/W, which for a
// weighted first value x can differ from x in the last bit and leave M2 at
// about -w·x·ulp(x) (-2e-4 for x = 1e6 and w = 1.5), which the decoders
// here would rightly refuse as corrupt.
type moments struct {
	n    int64
	w    float64
	w2   float64
	mean float64
	m2   float64
}

// add adds x with weight w > 0; a zero weight is ignored.
func (m *moments) add(x, w float64) {
	if w == 0 {
		return
	}
	m.n++
	m.w += w
	m.w2 += w * w
	d := x - m.mean
	m.mean += d * (w / m.w)
	m.m2 += w * d * (x - m.mean)
}

// merge folds u into m, as if every value added to u had been added to m.
func (m *moments) merge(u moments) {
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

// variance returns M2 / (W - W2/W), which is M2 / (n - 1) for unit weights,
// or 0 with fewer than two values.
func (m moments) variance() float64 {
	if m.n < 2 {
		return 0
	}
	d := m.w - m.w2/m.w
	if d <= 0 {
		return 0
	}
	return m.m2 / d
}
