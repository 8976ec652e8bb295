package satmetrics

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics/internal/dist"
)

// A Comparison is the difference between two estimates, A - B, with its
// standard error, confidence interval, test statistic and two-sided p-value.
// The sign is kept: a negative Difference means A is below B.
type Comparison struct {
	Difference float64 `json:"difference"` // A - B, in the metric's unit
	StdErr     float64 `json:"std_err"`    // standard error of the difference
	Interval           // confidence interval for the difference
	Statistic  float64 `json:"statistic"` // z (or t) statistic, Difference / StdErr for Wald-type comparisons
	P          float64 `json:"p"`         // two-sided p-value for "no difference"
}

// Significant reports whether the difference is significant at level, that
// is whether P < 1 - level.
func (c Comparison) Significant(level float64) bool {
	return c.P < 1-level
}

// Scaled returns c in another unit: the difference, its standard error and
// its interval multiplied by k > 0 (100 to turn a difference of proportions
// into percentage points). The statistic and p-value are unchanged.
func (c Comparison) Scaled(k float64) Comparison {
	c.Difference *= k
	c.StdErr *= k
	c.Lower *= k
	c.Upper *= k
	return c
}

// Compare compares two independent estimates by the normal approximation:
//
//	d  = a - b
//	se = √(se_a² + se_b²)
//	z  = d / se
//	p  = 2 (1 - Φ(|z|))
//
// with the interval d ± z_{1-(1-level)/2} se. Comparing b with a gives the
// same comparison with the signs of the difference, interval and statistic
// reversed.
//
// It returns an error wrapping ErrLevel for a level outside (0, 1), and one
// wrapping ErrUndefined when both standard errors are zero (the statistic
// would divide by zero) or an input is not finite. The metric packages offer
// comparisons with better small-sample behaviour for their own estimates.
func Compare(a, b Estimate, level float64) (Comparison, error) {
	if err := CheckLevel(level); err != nil {
		return Comparison{}, err
	}
	if err := a.Check(); err != nil {
		return Comparison{}, fmt.Errorf("satmetrics: compare: estimate A: %w", err)
	}
	if err := b.Check(); err != nil {
		return Comparison{}, fmt.Errorf("satmetrics: compare: estimate B: %w", err)
	}
	se := math.Hypot(a.StdErr, b.StdErr)
	if se == 0 {
		return Comparison{}, fmt.Errorf("satmetrics: compare: both standard errors are zero: %w", ErrUndefined)
	}
	d := a.Value - b.Value
	return ZComparison(d, se, level, "wald")
}

// ZComparison returns the comparison of a difference d with standard error
// se > 0 by the normal approximation, as described at Compare. The metric
// packages use it for differences whose standard error they compute
// themselves.
func ZComparison(d, se, level float64, method string) (Comparison, error) {
	if !(se > 0) || math.IsInf(se, 0) || math.IsNaN(d) || math.IsInf(d, 0) {
		return Comparison{}, fmt.Errorf("satmetrics: compare: difference %v with standard error %v: %w", d, se, ErrUndefined)
	}
	iv, err := NormalInterval(d, se, level, method)
	if err != nil {
		return Comparison{}, err
	}
	z := d / se
	return Comparison{
		Difference: d,
		StdErr:     se,
		Interval:   iv,
		Statistic:  z,
		P:          2 * dist.NormalSurvival(math.Abs(z)),
	}, nil
}
