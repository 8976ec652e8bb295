package kpi

import (
	"fmt"
	"math"

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
	z, err := satmetrics.ZCritical(level)
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	if n == 0 {
		return satmetrics.Estimate{}, fmt.Errorf("kpi: rate of 0 records: %w", satmetrics.ErrNoData)
	}
	if k < 0 || k > n || n < 0 {
		return satmetrics.Estimate{}, fmt.Errorf("kpi: rate of %d in %d: %w", k, n, satmetrics.ErrRange)
	}
	fn := float64(n)
	p := float64(k) / fn
	z2 := z * z
	den := 1 + z2/fn
	centre := (p + z2/(2*fn)) / den
	half := z / den * math.Sqrt(p*(1-p)/fn+z2/(4*fn*fn))
	return satmetrics.Estimate{
		Value:  100 * p,
		StdErr: 100 * math.Sqrt(p*(1-p)/fn),
		Interval: satmetrics.Interval{
			Lower: 100 * math.Max(0, centre-half), Upper: 100 * math.Min(1, centre+half),
			Level: level, Method: "wilson",
		},
		N: n,
	}, nil
}
