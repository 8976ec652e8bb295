package csat_test

import (
	"testing"

	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/internal/points/pointstest"
)

// TestEncodingGolden pins the binary and JSON encodings of tallies on
// every scale, unweighted, weighted and merged, to testdata/encoding.golden,
// which was written by the code before the tallies shared internal/points'
// generic core (go test -run Golden -update rewrites it).
func TestEncodingGolden(t *testing.T) {
	cases := []pointstest.Case[csat.Tally]{{Name: "zero"}}
	for s := csat.Five; s.Valid(); s++ {
		empty, _ := csat.NewTally(s)
		cases = append(cases, pointstest.ScaleCases(s.String(), empty, csat.Rating(s.Points()))...)
	}
	pointstest.CheckGolden(t, "testdata/encoding.golden", cases)
}
