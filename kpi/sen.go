package kpi

import (
	"fmt"
	"math"
	"slices"

	"github.com/satmetrics/satmetrics"
)

// A SenSlope is the Theil-Sen estimate of a linear trend: the median of the
// pairwise slopes, an intercept, and the distribution-free confidence
// interval of the slope.
type SenSlope struct {
	Slope     float64 `json:"slope"`     // per unit of x: per period for SensSlope
	Intercept float64 `json:"intercept"` // median(y) - Slope·median(x)
	satmetrics.Interval
	N int `json:"n"`
}

// TheilSen returns the Theil-Sen slope of the points (xᵢ, yᵢ), the median of
// the N slopes (yⱼ - yᵢ)/(xⱼ - xᵢ) over pairs with xᵢ < xⱼ (the mean of the
// two middle ones when N is even), with the intercept median(y) -
// slope·median(x) and Sen's confidence interval at the level: with
//
//	σ² = [n(n-1)(2n+5) - Σ t(t-1)(2t+5)] / 18,
//
// the sums over groups of tied x and of tied y, and z = Φ⁻¹(1-(1-level)/2),
// the bounds are the slopes of 0-based ranks round((N - zσ)/2) - 1 and
// round((N + zσ)/2) in increasing order, clamped to [0, N-1] (rounding half
// to even), as in SciPy's theilslopes.
//
// The slopes are selected, not listed: the work is O(n log n) expected (see
// the slope-selection notes in the source), so a slope and its interval on
// 100,000 points take well under a second.
//
// It returns an error wrapping satmetrics.ErrNoData for fewer than two
// points, one wrapping satmetrics.ErrRange naming a NaN or infinite value or
// for a level outside (0, 1), and one wrapping satmetrics.ErrUndefined if
// every x is the same. It panics if x and y differ in length.
//
// For more information, see P. K. Sen, "Estimates of the regression
// coefficient based on Kendall's tau", Journal of the American Statistical
// Association 63, 1968, pp. 1379-1389, and H. Theil, "A rank-invariant
// method of linear and polynomial regression analysis", Indagationes
// Mathematicae 12, 1950.
func TheilSen(x, y []float64, level float64) (SenSlope, error) {
	if len(x) != len(y) {
		panic("kpi: TheilSen: x and y differ in length")
	}
	if err := satmetrics.CheckLevel(level); err != nil {
		return SenSlope{}, err
	}
	if err := checkSeries(x, 2, "Theil-Sen slope (x)"); err != nil {
		return SenSlope{}, err
	}
	if err := checkSeries(y, 2, "Theil-Sen slope (y)"); err != nil {
		return SenSlope{}, err
	}
	sel := newSlopeSelector(x, y)
	N := sel.total
	if N == 0 {
		return SenSlope{}, fmt.Errorf("kpi: Theil-Sen slope: every x is the same: %w", satmetrics.ErrUndefined)
	}
	n := float64(len(y))
	sigsq := (n*(n-1)*(2*n+5) - tieTerm(x) - tieTerm(y)) / 18
	if !(sigsq > 0) {
		return SenSlope{}, fmt.Errorf("kpi: Theil-Sen interval: no variance: %w", satmetrics.ErrUndefined)
	}
	z, _ := satmetrics.ZCritical(level)
	sigma := math.Sqrt(sigsq)
	ru := min(int64(math.RoundToEven((float64(N)+z*sigma)/2)), N-1)
	rl := max(int64(math.RoundToEven((float64(N)-z*sigma)/2))-1, 0)
	ranks := []int64{rl, ru, (N - 1) / 2, N / 2}
	v := sel.selectRanks(ranks)
	slope := v[2]
	if N%2 == 0 {
		slope = (v[2] + v[3]) / 2
	}
	mx, _ := Quantiles(x, []float64{0.5}, Type7)
	my, _ := Quantiles(y, []float64{0.5}, Type7)
	return SenSlope{
		Slope:     slope,
		Intercept: my[0] - slope*mx[0],
		Interval:  satmetrics.Interval{Lower: v[0], Upper: v[1], Level: level, Method: "sen"},
		N:         len(y),
	}, nil
}

// SensSlope returns the Theil-Sen slope of a series in time order at equal
// spacing, x = 0, 1, ..., n-1, so the slope is per period: the companion of
// MannKendall. See TheilSen.
func SensSlope(y []float64, level float64) (SenSlope, error) {
	x := make([]float64, len(y))
	for i := range x {
		x[i] = float64(i)
	}
	return TheilSen(x, y, level)
}

// tieTerm returns Σ t(t-1)(2t+5) over groups of t equal values.
func tieTerm(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	var sum float64
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] == s[i] {
			j++
		}
		t := float64(j - i)
		sum += t * (t - 1) * (2*t + 5)
		i = j
	}
	return sum
}

// SeasonalSensSlope returns the seasonal Kendall slope of Hirsch, Slack and
// Smith, the companion of SeasonalMannKendall: the median of the slopes
// (yⱼ - yᵢ)/(j - i) over pairs i < j within each season (i and j count the
// season's values, so the slope is per cycle, per year for monthly
// seasons), pooled over the seasons. The slopes are listed, O(Σ n_g²),
// which suits seasonal series of a few years. It returns an error wrapping
// satmetrics.ErrNoData if no season has two values and one naming a NaN or
// infinite value.
func SeasonalSensSlope(seasons [][]float64) (float64, error) {
	var slopes []float64
	for g, y := range seasons {
		if err := checkSeries(y, 0, fmt.Sprintf("seasonal Sen's slope, season %d", g)); err != nil {
			return 0, err
		}
		for i := range y {
			for j := i + 1; j < len(y); j++ {
				slopes = append(slopes, (y[j]-y[i])/float64(j-i))
			}
		}
	}
	if len(slopes) == 0 {
		return 0, fmt.Errorf("kpi: seasonal Sen's slope: no season has 2 values: %w", satmetrics.ErrNoData)
	}
	m, _ := Quantiles(slopes, []float64{0.5}, Type7)
	return m[0], nil
}
