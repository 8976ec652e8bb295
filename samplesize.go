package satmetrics

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics/internal/dist"
)

// maxSampleSize bounds the sample sizes the planners return; a target that
// needs more responses than this is an error wrapping ErrRange.
const maxSampleSize = 1 << 53

func checkMargin(fn string, margin float64) error {
	if margin > 0 && !math.IsInf(margin, 0) {
		return nil
	}
	return fmt.Errorf("satmetrics: %s: margin of error %v: %w", fn, margin, ErrRange)
}

// SampleSizeProportion returns the number of responses needed for the
// normal-approximation (Wald) interval of a proportion expected to be p to
// have a half-width (margin of error) of at most margin, at the given level:
//
//	n = ⌈z² p (1 - p) / E²⌉,  z = Φ⁻¹(1 - (1 - level)/2),
//
// and at least 1. p and margin are on the 0-1 scale (a margin of 0.05 is
// ±5 percentage points); p = 0.5 gives the most conservative answer, 385 for
// ±5 points at 95%.
//
// It returns an error wrapping ErrRange for p outside [0, 1], a margin that
// is not positive and finite or a result above 2⁵³, and ErrLevel for a level
// outside (0, 1).
//
// For more information, see W. G. Cochran, Sampling Techniques, 3rd ed.,
// Wiley, 1977, section 4.4.
func SampleSizeProportion(p, margin, level float64) (int64, error) {
	const fn = "sample size for a proportion"
	if !(p >= 0 && p <= 1) {
		return 0, fmt.Errorf("satmetrics: %s: proportion %v: %w", fn, p, ErrRange)
	}
	return SampleSizeVariance(p*(1-p), margin, level)
}

// SampleSizeVariance returns the number of responses n for which a
// normal-approximation interval z·√(v/n) has a half-width of at most margin,
//
//	n = ⌈z² v / E²⌉  (at least 1),
//
// where v is the variance of one response. It is the formula behind
// SampleSizeProportion (v = p(1-p)) and the NPS planner of package nps
// (v = p₊ + p₋ - (p₊ - p₋)²). Errors are as for SampleSizeProportion, with
// ErrRange for a negative or non-finite v.
func SampleSizeVariance(v, margin, level float64) (int64, error) {
	const fn = "sample size"
	if !(v >= 0) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("satmetrics: %s: variance %v: %w", fn, v, ErrRange)
	}
	if err := checkMargin(fn, margin); err != nil {
		return 0, err
	}
	z, err := ZCritical(level)
	if err != nil {
		return 0, err
	}
	n := math.Ceil(z * z * v / (margin * margin))
	if !(n <= maxSampleSize) {
		return 0, fmt.Errorf("satmetrics: %s: %v responses: %w", fn, n, ErrRange)
	}
	return max(1, int64(n)), nil
}

// SampleSizeMean returns the smallest number of responses n >= 2 for which
// the t interval of a mean (see MeanInterval) from data with standard
// deviation sd has a half-width of at most margin:
//
//	t_{1-α/2, n-1} · sd / √n <= E.
//
// The search starts from the normal-approximation answer ⌈(z sd / E)²⌉, which
// the t quantile can only raise. margin is in the unit of the ratings (0.1
// for ±0.1 points on a 1-5 scale). Errors are as for SampleSizeProportion,
// with ErrRange for a negative or non-finite sd.
//
// For more information, see J. Sauro and J. R. Lewis, Quantifying the User
// Experience, 2nd ed., Morgan Kaufmann, 2016, chapter 7.
func SampleSizeMean(sd, margin, level float64) (int64, error) {
	const fn = "sample size for a mean"
	if !(sd >= 0) || math.IsInf(sd, 0) {
		return 0, fmt.Errorf("satmetrics: %s: standard deviation %v: %w", fn, sd, ErrRange)
	}
	n0, err := SampleSizeVariance(sd*sd, margin, level)
	if err != nil {
		return 0, err
	}
	q := 1 - (1-level)/2
	ok := func(n int64) bool {
		return dist.StudentTQuantile(q, float64(n-1))*sd/math.Sqrt(float64(n)) <= margin
	}
	n := max(2, n0)
	if ok(n) {
		return n, nil
	}
	// Gallop up to a size that is large enough, then bisect.
	lo, hi := n, n
	for step := int64(1); !ok(hi); step *= 2 {
		lo = hi
		hi = n + step
		if hi > maxSampleSize {
			return 0, fmt.Errorf("satmetrics: %s: more than %d responses: %w", fn, int64(maxSampleSize), ErrRange)
		}
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if ok(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi, nil
}
