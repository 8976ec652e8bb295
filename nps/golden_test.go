package nps_test

import (
	"fmt"
	"testing"

	"github.com/satmetrics/satmetrics/internal/points/pointstest"
	"github.com/satmetrics/satmetrics/nps"
)

// TestEncodingGolden pins the binary and JSON encodings of tallies with the
// standard and custom breaks, unweighted, weighted and merged, to
// testdata/encoding.golden, which was written by the code before the
// tallies shared internal/points' generic core (go test -run Golden -update
// rewrites it).
func TestEncodingGolden(t *testing.T) {
	cases := []pointstest.Case[nps.Tally]{{Name: "zero"}}
	for _, b := range []nps.Breaks{{}, {Passive: 7, Promoter: 9}, {Passive: 6, Promoter: 9}, {Passive: 5, Promoter: 8}, {Passive: 10, Promoter: 10}, {Passive: 1, Promoter: 1}} {
		name := fmt.Sprintf("%d-%d", b.Passive, b.Promoter)
		empty, err := nps.NewTally(b)
		if err != nil {
			t.Fatal(err)
		}
		counts := empty
		counts.AddN(0, 3)
		counts.Add(10)
		counts.AddN(10, 41)
		counts.AddAll([]nps.Score{7, 8, 9, 9, 5})
		weighted := counts
		for i, w := range []float64{0.1, 0.7, 1.3, 2.25, 0.2} {
			weighted.AddWeighted(nps.Score(3*i%11), w)
		}
		weighted.Add(2)
		merged := empty
		merged.Merge(&weighted)
		merged.Merge(&counts)
		merged.Merge(&weighted)
		cases = append(cases,
			pointstest.Case[nps.Tally]{Name: name + "/empty", Tally: empty},
			pointstest.Case[nps.Tally]{Name: name + "/counts", Tally: counts},
			pointstest.Case[nps.Tally]{Name: name + "/weighted", Tally: weighted},
			pointstest.Case[nps.Tally]{Name: name + "/merged", Tally: merged},
		)
	}
	pointstest.CheckGolden(t, "testdata/encoding.golden", cases)
}
