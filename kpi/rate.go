package kpi

import (
	"fmt"

	"github.com/satmetrics/satmetrics"
)

// RateEstimate returns the share k of n in percent with Wilson's score
// interval at the level,
//
//	p̂ = k/n,  z = Φ⁻¹(1 - (1 - level)/2)
//	centre = (p̂ + z²/2n) / (1 + z²/n)
//	half   = z/(1 + z²/n) · √(p̂(1 - p̂)/n + z²/4n²)
//
// and the standard error √(p̂(1 - p̂)/n), all times 100. The rates of
// package kpi (one-touch and first-contact resolution, reopen rate, SLA
// attainment, repeat purchase rate) are estimates of this kind. It returns
// an error wrapping satmetrics.ErrNoData for n = 0 and one wrapping
// satmetrics.ErrRange for k outside [0, n].
//
// For more information, see E. B. Wilson, "Probable inference, the law of
// succession, and statistical inference", Journal of the American
// Statistical Association 22, 1927, pp. 209-212.
func RateEstimate(k, n int64, level float64) (satmetrics.Estimate, error) {
	if n == 0 {
		return satmetrics.Estimate{}, fmt.Errorf("kpi: rate of 0 records: %w", satmetrics.ErrNoData)
	}
	if k < 0 || k > n || n < 0 {
		return satmetrics.Estimate{}, fmt.Errorf("kpi: rate of %d in %d: %w", k, n, satmetrics.ErrRange)
	}
	e, err := satmetrics.Proportion(float64(k), float64(n), level, satmetrics.Wilson)
	if err != nil {
		return satmetrics.Estimate{}, fmt.Errorf("kpi: rate: %w", err)
	}
	return e.Scaled(100), nil
}
