package csat_test

import (
	"errors"
	"testing"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/csat"
)

// TestAddErrorText checks that Add, whose error is built out of line, names
// a rating off the scale in the same words as AddN.
func TestAddErrorText(t *testing.T) {
	tl, _ := csat.NewTally(csat.Seven)
	err := tl.Add(8)
	const want = "csat: rating 8 is not on the 1-7 scale: value out of range"
	if !errors.Is(err, satmetrics.ErrRange) || err.Error() != want || tl.AddN(8, 1).Error() != want {
		t.Errorf("Add(8) = %v, want %q", err, want)
	}
}
