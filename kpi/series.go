package kpi

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/stable"
)

// A Point is one period's estimate of a metric, as the metric packages
// compute them per period (see satmetrics.Groups and satmetrics.Series).
type Point struct {
	Period   satmetrics.Period   `json:"period"`
	Estimate satmetrics.Estimate `json:"estimate"`
}

// A Series is a metric's estimates by period, oldest first: the input of
// the trend analyses. Periods must be of one kind and strictly increasing;
// gaps are allowed.
type Series []Point

// Values returns the point values in order.
func (s Series) Values() []float64 {
	v := make([]float64, len(s))
	for i, p := range s {
		v[i] = p.Estimate.Value
	}
	return v
}

// check returns an error naming the first point out of order, of another
// kind, zero, or holding a NaN.
func (s Series) check() error {
	for i, p := range s {
		if p.Period.IsZero() {
			return &RecordError{Kind: "point", ID: fmt.Sprintf("#%d", i), Field: "period", Err: fmt.Errorf("zero period: %w", satmetrics.ErrRange)}
		}
		if err := p.Estimate.Check(); err != nil {
			return &RecordError{Kind: "point", ID: p.Period.String(), Field: "estimate", Err: err}
		}
		if i > 0 && (p.Period.Kind() != s[i-1].Period.Kind() || p.Period.Compare(s[i-1].Period) <= 0) {
			return &RecordError{Kind: "point", ID: p.Period.String(), Field: "period",
				Err: fmt.Errorf("does not follow %v: %w", s[i-1].Period, ErrOrder)}
		}
	}
	return nil
}

// offsets returns each period's distance in periods from the first.
func (s Series) offsets() []float64 {
	x := make([]float64, len(s))
	if len(s) == 0 {
		return x
	}
	p, k := s[0].Period, 0
	for i, pt := range s {
		for p.Compare(pt.Period) < 0 {
			p = p.Next()
			k++
		}
		x[i] = float64(k)
	}
	return x
}

// A Change is the change of a metric from one period to the next, A = To
// minus B = From, with its significance, and whether it is an improvement
// for the metric's direction.
type Change struct {
	From satmetrics.Period `json:"from"`
	To   satmetrics.Period `json:"to"`
	satmetrics.Comparison
	Improvement bool `json:"improvement"` // the change is for the better (whatever its significance)
}

// Changes returns the period-over-period changes of s, each compared by
// satmetrics.Compare (the normal approximation, with the standard errors of
// both periods) at the level. d says which direction is better. A pair
// whose standard errors are both zero is an error naming the periods.
func Changes(s Series, d satmetrics.Direction, level float64) ([]Change, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	out := make([]Change, 0, max(len(s)-1, 0))
	for i := 1; i < len(s); i++ {
		c, err := satmetrics.Compare(s[i].Estimate, s[i-1].Estimate, level)
		if err != nil {
			return nil, &RecordError{Kind: "point", ID: s[i].Period.String(), Field: "estimate", Err: err}
		}
		out = append(out, Change{From: s[i-1].Period, To: s[i].Period, Comparison: c,
			Improvement: d.Improvement(s[i-1].Estimate.Value, s[i].Estimate.Value) > 0})
	}
	return out, nil
}

// A Smoothed is a smoothed value of a series at a period.
type Smoothed struct {
	Period satmetrics.Period `json:"period"`
	Value  float64           `json:"value"`
}

// MovingAverage returns the trailing moving average of the point values
// over window periods (points, not calendar periods), from the window-th
// point on. It returns an error wrapping satmetrics.ErrRange for a window
// below 1 and one wrapping satmetrics.ErrNoData for a series shorter than
// the window.
func MovingAverage(s Series, window int) ([]Smoothed, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	if window < 1 {
		return nil, fmt.Errorf("kpi: moving average window %d: %w", window, satmetrics.ErrRange)
	}
	if len(s) < window {
		return nil, fmt.Errorf("kpi: moving average of %d points over %d: %w", len(s), window, satmetrics.ErrNoData)
	}
	out := make([]Smoothed, 0, len(s)-window+1)
	for i := window - 1; i < len(s); i++ {
		// Σ (x/w) rather than Σ x / w, so that values near the largest
		// float64 cannot overflow the sum.
		var sum stable.Sum
		for _, p := range s[i-window+1 : i+1] {
			sum.Add(p.Estimate.Value / float64(window))
		}
		out = append(out, Smoothed{Period: s[i].Period, Value: sum.Value()})
	}
	return out, nil
}

// EWMA returns the exponentially weighted moving average of the point
// values,
//
//	m₁ = x₁,  mₜ = λ xₜ + (1 - λ) mₜ₋₁,
//
// with smoothing weight λ in (0, 1]. Another λ is an error wrapping
// satmetrics.ErrRange, and an empty series one wrapping
// satmetrics.ErrNoData.
func EWMA(s Series, lambda float64) ([]Smoothed, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	if !(lambda > 0 && lambda <= 1) {
		return nil, fmt.Errorf("kpi: EWMA weight %v: must be in (0, 1]: %w", lambda, satmetrics.ErrRange)
	}
	if len(s) == 0 {
		return nil, fmt.Errorf("kpi: EWMA of an empty series: %w", satmetrics.ErrNoData)
	}
	out := make([]Smoothed, len(s))
	m := s[0].Estimate.Value
	for i, p := range s {
		if i > 0 {
			m = lambda*p.Estimate.Value + (1-lambda)*m
		}
		out[i] = Smoothed{Period: p.Period, Value: m}
	}
	return out, nil
}

// A TrendReport sums up the trend of a series: the Mann-Kendall test, Sen's
// slope per period with its interval, the least-squares slope, and the
// verdict for the metric's direction.
type TrendReport struct {
	Test    TrendTest `json:"test"`
	Sen     SenSlope  `json:"sen"`
	Linear  LinearFit `json:"linear"`
	Verdict Verdict   `json:"verdict"`
}

// AnalyzeTrend tests s for a monotonic trend with MannKendall (at least 3
// points), estimates Sen's and the least-squares slope per period (gaps
// counted by their periods), and gives the verdict at the level for the
// direction d: improving, worsening or no significant trend. Errors are
// those of the three analyses, and a series out of order.
func AnalyzeTrend(s Series, d satmetrics.Direction, level float64) (TrendReport, error) {
	if err := s.check(); err != nil {
		return TrendReport{}, err
	}
	if !d.Valid() {
		return TrendReport{}, fmt.Errorf("kpi: trend direction %v: %w", d, satmetrics.ErrRange)
	}
	y := s.Values()
	x := s.offsets()
	test, err := MannKendall(y)
	if err != nil {
		return TrendReport{}, err
	}
	sen, err := TheilSen(x, y, level)
	if err != nil {
		return TrendReport{}, err
	}
	lin, err := LeastSquares(x, y, level)
	if err != nil {
		return TrendReport{}, err
	}
	if math.IsNaN(lin.P) {
		lin.P = 1
	}
	return TrendReport{Test: test, Sen: sen, Linear: lin, Verdict: test.Verdict(d, level)}, nil
}
