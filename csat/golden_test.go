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
	for s := csat.Five; s <= csat.Binary; s++ {
		top := csat.Rating(s.Points())
		empty, _ := csat.NewTally(s)
		counts := empty
		counts.AddN(1, 3)
		counts.Add(top)
		counts.AddN(top, 41)
		weighted := counts
		for i, w := range []float64{0.1, 0.7, 1.3, 2.25, 0.2} {
			weighted.AddWeighted(csat.Rating(1+i%s.Points()), w)
		}
		weighted.Add(2)
		merged := empty
		merged.Merge(&weighted)
		merged.Merge(&counts)
		merged.Merge(&weighted)
		cases = append(cases,
			pointstest.Case[csat.Tally]{Name: s.String() + "/empty", Tally: empty},
			pointstest.Case[csat.Tally]{Name: s.String() + "/counts", Tally: counts},
			pointstest.Case[csat.Tally]{Name: s.String() + "/weighted", Tally: weighted},
			pointstest.Case[csat.Tally]{Name: s.String() + "/merged", Tally: merged},
		)
	}
	pointstest.CheckGolden(t, "testdata/encoding.golden", cases)
}
