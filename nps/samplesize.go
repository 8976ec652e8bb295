package nps

import (
	"fmt"

	"github.com/satmetrics/satmetrics"
)

// SampleSize returns the number of responses needed for the Wald interval
// of an NPS to have a half-width (margin of error) of at most margin NPS
// points at the given level, when promoters and detractors are expected to
// make up the given percentages of the responses:
//
//	n = ⌈z² Var / (margin/100)²⌉,  Var = (p₊ + p₋) - (p₊ - p₋)²
//
// (see Variance and satmetrics.SampleSizeVariance). For example, 50%
// promoters and 20% detractors need 938 responses for ±5 points at 95%.
// The variance, and so the sample size, is largest when there are no
// passives and promoters and detractors are equally common.
//
// It returns an error wrapping satmetrics.ErrRange for percentages outside
// 0 to 100 or adding up to more than 100, or a margin that is not positive,
// and satmetrics.ErrLevel for a level outside (0, 1).
func SampleSize(promoters, detractors, margin, level float64) (int64, error) {
	if !(promoters >= 0 && detractors >= 0 && promoters+detractors <= 100) {
		return 0, fmt.Errorf("nps: sample size: %v%% promoters and %v%% detractors: %w", promoters, detractors, satmetrics.ErrRange)
	}
	n, err := satmetrics.SampleSizeVariance(Variance(promoters/100, detractors/100), margin/100, level)
	if err != nil {
		return 0, fmt.Errorf("nps: %w", err)
	}
	return n, nil
}
