package csat

import (
	"fmt"

	"github.com/satmetrics/satmetrics"
)

// SampleSize returns the number of responses needed for the percent
// satisfied, expected to be about expected percent, to have a margin of
// error (the half-width of its normal-approximation interval) of at most
// margin percentage points at the given level:
//
//	n = ⌈z² p (1 - p) / E²⌉,  p = expected/100,  E = margin/100
//
// (see satmetrics.SampleSizeProportion). For example, an expected 70%
// satisfied needs 323 responses for ±5 points at 95%; 50% is the most
// demanding expectation.
//
// It returns an error wrapping satmetrics.ErrRange for an expectation
// outside 0 to 100 or a margin that is not positive, and
// satmetrics.ErrLevel for a level outside (0, 1).
func SampleSize(expected, margin, level float64) (int64, error) {
	n, err := satmetrics.SampleSizeProportion(expected/100, margin/100, level)
	if err != nil {
		return 0, fmt.Errorf("csat: %w", err)
	}
	return n, nil
}

// SampleSizeMean returns the number of responses needed for the t interval
// of the mean rating to have a half-width of at most margin rating points
// when the ratings' standard deviation is expected to be sd (see
// satmetrics.SampleSizeMean). Errors are as for SampleSize.
func SampleSizeMean(sd, margin, level float64) (int64, error) {
	n, err := satmetrics.SampleSizeMean(sd, margin, level)
	if err != nil {
		return 0, fmt.Errorf("csat: %w", err)
	}
	return n, nil
}
