package main

import "github.com/satmetrics/satmetrics/nps"

func init() {
	rows = append([]row{{
		name: "nps", what: "NPS of 10,000,000 scores (bulk add and score)",
		prepare: prepareNPS,
		others: []other{
			{"python", "nps", "pandas value_counts"},
			{"R", "nps", "R tabulate"},
		},
		target: "≥ 4× pandas",
	}}, rows...)
}

// prepareNPS draws 10 million scores from 0 to 10 with a realistic skew
// towards the top of the scale.
func prepareNPS(dir string) (func() (float64, error), error) {
	const n = 10_000_000
	weights := []float64{3, 1, 1, 2, 2, 5, 6, 10, 14, 22, 34}
	var total float64
	for _, w := range weights {
		total += w
	}
	r := newRand(5)
	raw := make([]int8, n)
	scores := make([]nps.Score, n)
	for i := range scores {
		u := r.Float64() * total
		s := 0
		for u >= weights[s] && s < 10 {
			u -= weights[s]
			s++
		}
		raw[i], scores[i] = int8(s), nps.Score(s)
	}
	if err := writeRaw(dir, "nps_scores.i8", raw); err != nil {
		return nil, err
	}
	return func() (float64, error) {
		var t nps.Tally
		if err := t.AddAll(scores); err != nil {
			return 0, err
		}
		e, err := t.NPS(0.95)
		return e.Value, err
	}, nil
}
