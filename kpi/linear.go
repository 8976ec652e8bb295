package kpi

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/dist"
	"github.com/satmetrics/satmetrics/internal/stable"
)

// A LinearFit is an ordinary least-squares line y = a + b·x: the slope b as
// an Estimate with its standard error and Student t interval, the intercept
// a, and the two-sided p-value of the t test of b = 0.
type LinearFit struct {
	Slope     satmetrics.Estimate `json:"slope"`
	Intercept float64             `json:"intercept"`
	P         float64             `json:"p"`
}

// LeastSquares fits y = a + b·x by ordinary least squares,
//
//	b   = Sxy / Sxx,  a = ȳ - b x̄
//	s²  = Σ (yᵢ - a - b xᵢ)² / (n - 2)
//	se  = s / √Sxx
//	b ± t_{1-(1-level)/2, n-2} se,  p = 2 P(T_{n-2} > |b/se|)
//
// with Sxx = Σ (xᵢ - x̄)², Sxy = Σ (xᵢ - x̄)(yᵢ - ȳ), every sum compensated.
// These are the values of R's lm and confint. A perfect fit has se = 0 and
// p = 0 (p = 1 if the slope is 0 as well).
//
// It needs at least 3 points (fewer is an error wrapping
// satmetrics.ErrNoData); a NaN or infinite value or a bad level is an error
// wrapping satmetrics.ErrRange or satmetrics.ErrLevel, and an x without
// spread one wrapping satmetrics.ErrUndefined. It panics if x and y differ
// in length.
func LeastSquares(x, y []float64, level float64) (LinearFit, error) {
	if len(x) != len(y) {
		panic("kpi: LeastSquares: x and y differ in length")
	}
	if err := satmetrics.CheckLevel(level); err != nil {
		return LinearFit{}, err
	}
	if err := checkSeries(x, 3, "least-squares fit (x)"); err != nil {
		return LinearFit{}, err
	}
	if err := checkSeries(y, 3, "least-squares fit (y)"); err != nil {
		return LinearFit{}, err
	}
	n := float64(len(x))
	mx, my := stable.Of(x)/n, stable.Of(y)/n
	var sxx, sxy stable.Sum
	for i := range x {
		dx := x[i] - mx
		sxx.Add(dx * dx)
		sxy.Add(dx * (y[i] - my))
	}
	if !(sxx.Value() > 0) {
		return LinearFit{}, fmt.Errorf("kpi: least-squares fit: x has no spread: %w", satmetrics.ErrUndefined)
	}
	b := sxy.Value() / sxx.Value()
	a := my - b*mx
	var sse stable.Sum
	for i := range x {
		r := y[i] - a - b*x[i]
		sse.Add(r * r)
	}
	df := n - 2
	se := math.Sqrt(sse.Value() / df / sxx.Value())
	t := dist.StudentTQuantile(1-(1-level)/2, df)
	fit := LinearFit{
		Slope: satmetrics.Estimate{
			Value: b, StdErr: se,
			Interval: satmetrics.Interval{Lower: b - t*se, Upper: b + t*se, Level: level, Method: "t"},
			N:        int64(len(x)),
		},
		Intercept: a,
	}
	switch {
	case se > 0:
		fit.P = 2 * dist.StudentTSurvival(math.Abs(b/se), df)
	case b == 0:
		fit.P = 1
	}
	if math.IsInf(a, 0) || math.IsNaN(a) {
		return LinearFit{}, fmt.Errorf("kpi: least-squares fit: intercept %v: %w", a, satmetrics.ErrUndefined)
	}
	return fit, fit.Slope.Check()
}
