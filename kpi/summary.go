package kpi

import (
	"fmt"
	"math"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/dist"
	"github.com/satmetrics/satmetrics/internal/stable"
)

// A Summary describes an exact sample, such as the first reply times of a
// month's tickets in seconds: its size, mean and sample standard deviation,
// extremes, median and the quantiles asked for.
type Summary struct {
	N         int64           `json:"n"`
	Mean      float64         `json:"mean"`
	StdDev    float64         `json:"std_dev"` // sample standard deviation (divisor n-1); 0 for one value
	Min       float64         `json:"min"`
	Median    float64         `json:"median"`
	Max       float64         `json:"max"`
	Quantiles []QuantileValue `json:"quantiles,omitempty"`
}

// A QuantileValue is the P-quantile of a sample.
type QuantileValue struct {
	P     float64 `json:"p"`
	Value float64 `json:"value"`
}

// Describe summarizes xs: the mean and standard deviation by the corrected
// two-pass algorithm with compensated sums, which keeps full precision for
// values such as 10000000.1 ± 0.1 (see below), and the median and the
// quantiles at ps by the quantile definition t (the zero value is Type7).
//
// The mean and variance are
//
//	x̄  = Σ xᵢ / n
//	s² = (Σ (xᵢ - x̄)² - (Σ (xᵢ - x̄))² / n) / (n - 1),
//
// each sum compensated (Neumaier); the second term corrects for the
// rounding of x̄ (Chan, Golub and LeVeque, "Algorithms for Computing the
// Sample Variance", The American Statistician 37(3), 1983).
//
// It returns an error wrapping satmetrics.ErrNoData for an empty sample and
// one wrapping satmetrics.ErrRange naming the first value that is NaN or
// infinite, or a probability outside [0, 1].
func Describe(xs []float64, ps []float64, t QuantileType) (Summary, error) {
	if len(xs) == 0 {
		return Summary{}, fmt.Errorf("kpi: describe an empty sample: %w", satmetrics.ErrNoData)
	}
	if err := checkFinite(xs); err != nil {
		return Summary{}, err
	}
	sorted, err := sortedCopy(xs)
	if err != nil {
		return Summary{}, err
	}
	mean, sd := meanSD(xs)
	if math.IsInf(mean, 0) || math.IsInf(sd, 0) || math.IsNaN(sd) {
		return Summary{}, fmt.Errorf("kpi: describe: values too large, the sums overflow: %w", satmetrics.ErrUndefined)
	}
	s := Summary{
		N:      int64(len(xs)),
		Mean:   mean,
		StdDev: sd,
		Min:    sorted[0],
		Max:    sorted[len(sorted)-1],
	}
	if s.Median, err = QuantileSorted(sorted, 0.5, t); err != nil {
		return Summary{}, err
	}
	for _, p := range ps {
		q, err := QuantileSorted(sorted, p, t)
		if err != nil {
			return Summary{}, err
		}
		s.Quantiles = append(s.Quantiles, QuantileValue{P: p, Value: q})
	}
	return s, nil
}

// checkFinite returns an error naming the first value of xs that is NaN or
// infinite.
func checkFinite(xs []float64) error {
	for i, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("kpi: value #%d is %v: %w", i, x, satmetrics.ErrRange)
		}
	}
	return nil
}

// meanSD returns the mean and sample standard deviation of xs (not empty)
// by the corrected two-pass algorithm with Neumaier sums.
func meanSD(xs []float64) (mean, sd float64) {
	n := float64(len(xs))
	mean = stable.Of(xs) / n
	if len(xs) < 2 {
		return mean, 0
	}
	var ss, sd1 stable.Sum
	for _, x := range xs {
		d := x - mean
		ss.Add(d * d)
		sd1.Add(d)
	}
	c := sd1.Value()
	v := (ss.Value() - c*c/n) / (n - 1)
	if v < 0 {
		v = 0
	}
	return mean, math.Sqrt(v)
}

// MeanEstimate returns the mean of xs with the Student t interval at the
// given level,
//
//	x̄ ± t_{1-(1-level)/2, n-1} s/√n,
//
// with the standard error s/√n. It needs at least two values: fewer is an
// error wrapping satmetrics.ErrNoData. Values that are NaN or infinite are
// an error naming the first one.
func MeanEstimate(xs []float64, level float64) (satmetrics.Estimate, error) {
	if err := satmetrics.CheckLevel(level); err != nil {
		return satmetrics.Estimate{}, err
	}
	if len(xs) < 2 {
		return satmetrics.Estimate{}, fmt.Errorf("kpi: mean of %d values needs at least 2 for an interval: %w", len(xs), satmetrics.ErrNoData)
	}
	if err := checkFinite(xs); err != nil {
		return satmetrics.Estimate{}, err
	}
	mean, sd := meanSD(xs)
	n := float64(len(xs))
	se := sd / math.Sqrt(n)
	t := dist.StudentTQuantile(1-(1-level)/2, n-1)
	e := satmetrics.Estimate{
		Value:  mean,
		StdErr: se,
		Interval: satmetrics.Interval{
			Lower: mean - t*se, Upper: mean + t*se, Level: level, Method: "t",
		},
		N: int64(len(xs)),
	}
	return e, e.Check()
}

// Seconds converts durations to seconds, the unit in which the summaries
// of package kpi report durations.
func Seconds(ds []time.Duration) []float64 {
	xs := make([]float64, len(ds))
	for i, d := range ds {
		xs[i] = seconds(d)
	}
	return xs
}

// seconds converts d to seconds with one rounding (float64(d) is exact up to
// 2⁵³ ns, some 104 days), faster than d.Seconds.
func seconds(d time.Duration) float64 { return float64(d) / 1e9 }
