package satmetrics

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics/internal/dist"
)

// DefaultLevel is the confidence level used where a configuration leaves the
// level at zero.
const DefaultLevel = 0.95

// An Interval is a confidence interval: the range [Lower, Upper] that covers
// the true value with probability Level under the assumptions of Method.
type Interval struct {
	Lower  float64 `json:"lower"`
	Upper  float64 `json:"upper"`
	Level  float64 `json:"level"`  // confidence level, in (0, 1)
	Method string  `json:"method"` // how the interval was computed ("wilson", "wald", "t", ...)
}

// Contains reports whether x lies in the closed interval [Lower, Upper].
func (iv Interval) Contains(x float64) bool {
	return iv.Lower <= x && x <= iv.Upper
}

// Width returns Upper - Lower.
func (iv Interval) Width() float64 {
	return iv.Upper - iv.Lower
}

// An Estimate is the result of a metric: its point value in the metric's own
// unit (NPS points from -100 to 100, percent satisfied, a mean rating, a rate
// in percent), the standard error of that value in the same unit, a
// confidence interval, the number of responses it rests on and, when the
// responses were weighted, Kish's effective sample size.
//
// The library never returns an Estimate that holds a NaN or an infinity: a
// result that is undefined (no responses, zero total weight) is an error
// instead, so an Estimate always encodes with encoding/json.
type Estimate struct {
	Value  float64 `json:"value"`
	StdErr float64 `json:"std_err"`
	Interval
	N          int64   `json:"n"`                     // number of responses
	EffectiveN float64 `json:"effective_n,omitempty"` // Kish's effective sample size, when weighted
}

// Check returns an error wrapping ErrUndefined if any field of e is NaN or
// infinite, and nil otherwise. The metric packages call it before returning an
// Estimate.
func (e Estimate) Check() error {
	for _, f := range [...]struct {
		name string
		v    float64
	}{
		{"value", e.Value}, {"standard error", e.StdErr},
		{"lower bound", e.Lower}, {"upper bound", e.Upper},
		{"effective sample size", e.EffectiveN},
	} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return fmt.Errorf("satmetrics: %s is %v: %w", f.name, f.v, ErrUndefined)
		}
	}
	return nil
}

// String formats e as "value (lower, upper)" with three significant decimals,
// for reports and examples.
func (e Estimate) String() string {
	return fmt.Sprintf("%.3g [%.3g, %.3g]", e.Value, e.Lower, e.Upper)
}

// Scaled returns e in another unit: its value, standard error and interval
// bounds multiplied by k > 0, such as 100 to turn a proportion into a
// percentage. The other fields are unchanged.
func (e Estimate) Scaled(k float64) Estimate {
	e.Value *= k
	e.StdErr *= k
	e.Lower *= k
	e.Upper *= k
	return e
}

// ZCritical returns the two-sided critical value of the standard normal
// distribution for a confidence level,
//
//	z = Φ⁻¹(1 - (1 - level)/2),
//
// so 1.959964 for level 0.95. It returns an error wrapping ErrLevel if level
// is not in (0, 1).
func ZCritical(level float64) (float64, error) {
	if err := CheckLevel(level); err != nil {
		return 0, err
	}
	return dist.NormalQuantile(1 - (1-level)/2), nil
}

// NormalInterval returns the interval value ± z·se with z the two-sided
// normal critical value for level, the Wald form that most large-sample
// intervals take.
func NormalInterval(value, se, level float64, method string) (Interval, error) {
	z, err := ZCritical(level)
	if err != nil {
		return Interval{}, err
	}
	return Interval{Lower: value - z*se, Upper: value + z*se, Level: level, Method: method}, nil
}
