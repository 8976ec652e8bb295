package csat_test

import (
	"testing"

	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/csat"
)

// TestParseAllocs: parsing a valid answer allocates nothing, so that reading
// a large export stays cheap.
func TestParseAllocs(t *testing.T) {
	for _, in := range []string{"4", " 5 ", "4 - Satisfied"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = csat.Five.Parse(in) }); n != 0 {
			t.Errorf("csat.Five.Parse(%q) allocates %v times", in, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = ces.Agree7.Parse("6") }); n != 0 {
		t.Errorf("ces.Agree7.Parse allocates %v times", n)
	}
}
