package main

import (
	"math"

	"github.com/satmetrics/satmetrics/likert"
)

func init() {
	rows = append(rows, row{
		name: "alpha", what: "Cronbach's alpha and item analysis, 100,000 respondents × 20 items, from raw rows",
		prepare:    prepareAlpha,
		others:     []other{{"R", "alpha", "R psych::alpha"}},
		target:     "≥ 50× psych::alpha",
		extRepeats: 3,
	})
}

// prepareAlpha generates answers on a 1-5 scale driven by one latent trait
// with item-specific noise, as a questionnaire of one construct gives.
func prepareAlpha(dir string) (func() (float64, error), error) {
	const n, k = 100_000, 20
	r := newRand(4)
	codes := make([]int8, n*k)
	rows := make([][]float64, n)
	for i := range rows {
		trait := r.NormFloat64()
		rows[i] = make([]float64, k)
		for j := 0; j < k; j++ {
			v := math.Round(3 + 0.9*trait + 0.8*r.NormFloat64())
			v = math.Max(1, math.Min(5, v))
			rows[i][j] = v
			codes[i*k+j] = int8(v)
		}
	}
	if err := writeRaw(dir, "alpha_dims.i32", []int32{n, k}); err != nil {
		return nil, err
	}
	if err := writeRaw(dir, "alpha_items.i8", codes); err != nil {
		return nil, err
	}
	return func() (float64, error) {
		var rel likert.Reliability
		for _, row := range rows {
			if err := rel.Add(row); err != nil {
				return 0, err
			}
		}
		rep, err := rel.Report(likert.ReliabilityConfig{})
		return rep.Alpha.Value, err
	}, nil
}
