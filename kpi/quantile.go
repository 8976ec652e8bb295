package kpi

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/satmetrics/satmetrics"
)

// A QuantileType selects one of the nine sample-quantile definitions of
// Hyndman and Fan, numbered as in R's quantile(x, type = ...). The zero
// value means Type7, the default of R, NumPy and spreadsheets.
//
// With x₍₁₎ <= ... <= x₍ₙ₎ the sorted sample and p the probability, types
// 4 to 9 interpolate linearly between order statistics,
//
//	m = a + p (n + 1 - a - b),  j = ⌊m⌋,  h = m - j,
//	Q(p) = (1 - h) x₍ⱼ₎ + h x₍ⱼ₊₁₎,
//
// with x₍₀₎ = x₍₁₎ and x₍ₙ₊₁₎ = x₍ₙ₎, and (a, b) = (0, 1) for type 4,
// (1/2, 1/2) for 5, (0, 0) for 6, (1, 1) for 7, (1/3, 1/3) for 8 and
// (3/8, 3/8) for 9. Types 1 to 3 are step functions: type 1 inverts the
// empirical distribution function (x₍ⱼ₎ with j = ⌈np⌉), type 2 averages at
// the discontinuities, and type 3 takes the nearest even order statistic.
//
// For more information, see R. J. Hyndman and Y. Fan, "Sample Quantiles in
// Statistical Packages", The American Statistician 50(4), 1996, pp. 361-365.
type QuantileType uint8

// The quantile types, numbered as by Hyndman and Fan and in R.
const (
	Type1 QuantileType = iota + 1 // inverse of the empirical CDF
	Type2                         // inverse empirical CDF, averaged at discontinuities
	Type3                         // nearest even order statistic (SAS definition 2)
	Type4                         // linear interpolation of the empirical CDF
	Type5                         // piecewise linear, knots at (k - 1/2)/n
	Type6                         // p(k) = k/(n+1) (Minitab, SPSS)
	Type7                         // p(k) = (k-1)/(n-1) (R, NumPy, Excel default)
	Type8                         // median-unbiased, recommended by Hyndman and Fan
	Type9                         // approximately unbiased for normal data
)

// Valid reports whether t is the zero value (Type7) or one of Type1 to
// Type9.
func (t QuantileType) Valid() bool { return t <= Type9 }

// String returns "type 7" and the like, and "%!QuantileType(n)" for a bad
// value. The zero value prints as "type 7".
func (t QuantileType) String() string {
	if !t.Valid() {
		return "%!QuantileType(" + strconv.Itoa(int(t)) + ")"
	}
	if t == 0 {
		t = Type7
	}
	return "type " + strconv.Itoa(int(t))
}

// fuzz is R's tolerance for deciding that m is an integer.
const fuzz = 4 * 2.220446049250313e-16

// QuantileSorted returns the p-quantile of a sample sorted in increasing
// order, by the definition t. It returns an error wrapping
// satmetrics.ErrNoData for an empty sample and one wrapping
// satmetrics.ErrRange for p outside [0, 1], an invalid type or a NaN in the
// sample. It does not check the order; see Quantile for unsorted data.
func QuantileSorted(sorted []float64, p float64, t QuantileType) (float64, error) {
	n := len(sorted)
	switch {
	case n == 0:
		return 0, fmt.Errorf("kpi: quantile of an empty sample: %w", satmetrics.ErrNoData)
	case !(p >= 0 && p <= 1):
		return 0, fmt.Errorf("kpi: quantile probability %v: %w", p, satmetrics.ErrRange)
	case !t.Valid():
		return 0, fmt.Errorf("kpi: quantile %v: %w", t, satmetrics.ErrRange)
	case math.IsNaN(sorted[0]) || math.IsNaN(sorted[n-1]):
		return 0, fmt.Errorf("kpi: quantile of a sample holding NaN: %w", satmetrics.ErrRange)
	}
	if t == 0 {
		t = Type7
	}
	// at returns the order statistic x₍ⱼ₎, 1-based, clamped to the sample.
	at := func(j int) float64 { return sorted[min(max(j, 1), n)-1] }
	fn := float64(n)
	if t == Type7 {
		// R's separate branch for type 7, which avoids the rounding of m.
		index := 1 + float64(n-1)*p
		lo := math.Floor(index)
		hi := math.Ceil(index)
		q := at(int(lo))
		if index > lo && at(int(hi)) != q {
			h := index - lo
			q = (1-h)*q + h*at(int(hi))
		}
		return q, nil
	}
	if t <= Type3 {
		m := fn * p
		if t == Type3 {
			m -= 0.5
		}
		j := math.Floor(m + fuzz)
		var h float64
		switch t {
		case Type1:
			h = b2f(m > j)
		case Type2:
			h = (b2f(m > j) + 1) / 2
		case Type3:
			h = b2f(m != j || (int64(j)%2+2)%2 == 1) // R's %% is a floored modulo
		}
		return interpolate(at(int(j)), at(int(j)+1), h), nil
	}
	var a, b float64
	switch t {
	case Type4:
		a, b = 0, 1
	case Type5:
		a, b = 0.5, 0.5
	case Type6:
		a, b = 0, 0
	case Type8:
		a, b = 1.0/3, 1.0/3
	case Type9:
		a, b = 3.0/8, 3.0/8
	}
	m := a + p*(fn+1-a-b)
	j := math.Floor(m + fuzz)
	h := m - j
	if math.Abs(h) < fuzz {
		h = 0
	}
	return interpolate(at(int(j)), at(int(j)+1), h), nil
}

// interpolate returns (1-h) x + h y, exactly x for h = 0 and y for h = 1,
// and x when the two are equal (so that infinities do not turn into NaN).
func interpolate(x, y, h float64) float64 {
	switch {
	case h <= 0 || x == y:
		return x
	case h >= 1:
		return y
	}
	return (1-h)*x + h*y
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Quantiles returns the quantiles of xs at each probability of ps by the
// definition t. It sorts a copy of xs and leaves xs alone. Errors are those
// of QuantileSorted; a NaN anywhere in xs is an error naming its position.
func Quantiles(xs []float64, ps []float64, t QuantileType) ([]float64, error) {
	sorted, err := sortedCopy(xs)
	if err != nil {
		return nil, err
	}
	qs := make([]float64, len(ps))
	for i, p := range ps {
		q, err := QuantileSorted(sorted, p, t)
		if err != nil {
			return nil, err
		}
		qs[i] = q
	}
	return qs, nil
}

// sortedCopy returns xs sorted, or an error naming the first NaN.
func sortedCopy(xs []float64) ([]float64, error) {
	for i, x := range xs {
		if math.IsNaN(x) {
			return nil, fmt.Errorf("kpi: value #%d is NaN: %w", i, satmetrics.ErrRange)
		}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s, nil
}
