package ces

import (
	"fmt"

	"github.com/satmetrics/satmetrics"
)

// SampleSize returns the number of responses needed for the t interval of
// the CES (the mean rating) to have a half-width of at most margin rating
// points when the ratings' standard deviation is expected to be sd (see
// satmetrics.SampleSizeMean). For example, an SD of 1.5 on Agree7 needs 341
// responses for ±0.16 points at 95%.
//
// It returns an error wrapping satmetrics.ErrRange for a negative sd or a
// margin that is not positive, and satmetrics.ErrLevel for a level outside
// (0, 1).
func SampleSize(sd, margin, level float64) (int64, error) {
	n, err := satmetrics.SampleSizeMean(sd, margin, level)
	if err != nil {
		return 0, fmt.Errorf("ces: %w", err)
	}
	return n, nil
}

// SampleSizeEasy returns the number of responses needed for the percent
// easy, expected to be about expected percent, to have a margin of error of
// at most margin percentage points at the given level (see
// satmetrics.SampleSizeProportion). Errors are as for SampleSize, with
// satmetrics.ErrRange for an expectation outside 0 to 100.
func SampleSizeEasy(expected, margin, level float64) (int64, error) {
	n, err := satmetrics.SampleSizeProportion(expected/100, margin/100, level)
	if err != nil {
		return 0, fmt.Errorf("ces: %w", err)
	}
	return n, nil
}
