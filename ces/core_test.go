package ces_test

import (
	"errors"
	"testing"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/ces"
)

// TestAddErrorText checks that Add, whose error is built out of line, names
// a rating off the scale in the same words as AddN.
func TestAddErrorText(t *testing.T) {
	tl, _ := ces.NewTally(ces.Effort5)
	err := tl.Add(6)
	const want = "ces: rating 6 is not on the effort5 scale: value out of range"
	if !errors.Is(err, satmetrics.ErrRange) || err.Error() != want || tl.AddN(6, 1).Error() != want {
		t.Errorf("Add(6) = %v, want %q", err, want)
	}
}
