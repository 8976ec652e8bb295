package main

import (
	"strconv"

	"github.com/satmetrics/satmetrics"
)

func init() {
	rows = append(rows, row{
		name: "rake", what: "Raking 1,000,000 respondents to 3 margins (20, 10 and 5 categories)",
		prepare:    prepareRake,
		others:     []other{{"R", "rake", "R survey::rake"}},
		target:     "≤ 1 s",
		extRepeats: 1,
	})
}

// prepareRake generates respondents whose mix differs from the population's
// on three classifications, as survey respondents' does.
func prepareRake(dir string) (func() (float64, error), error) {
	const n = 1_000_000
	sizes := []int{20, 10, 5}
	r := newRand(3)
	labels := make([][]string, len(sizes))
	names := make([][]string, len(sizes))
	for k, size := range sizes {
		labels[k] = make([]string, n)
		names[k] = make([]string, size)
		for h := range names[k] {
			names[k][h] = strconv.Itoa(h + 1)
		}
	}
	cats := make([]int32, 0, 3*n)
	for i := 0; i < n; i++ {
		for k, size := range sizes {
			// respondents lean to the low categories: category h with
			// probability proportional to 1/(h+2)
			h := skewed(r.Float64(), size)
			labels[k][i] = names[k][h]
			cats = append(cats, int32(h+1))
		}
	}
	var targets []float64
	classes := make([]satmetrics.Classification, len(sizes))
	for k, size := range sizes {
		pop := map[string]float64{}
		for h := 0; h < size; h++ {
			share := float64(n) / float64(size) // the population is uniform
			pop[names[k][h]] = share
			targets = append(targets, share)
		}
		classes[k] = satmetrics.Classification{Name: "class" + strconv.Itoa(k+1), Labels: labels[k], Population: pop}
	}
	if err := writeRaw(dir, "rake_dims.i32", []int32{n, 3}); err != nil {
		return nil, err
	}
	if err := writeRaw(dir, "rake_cats.i32", cats); err != nil {
		return nil, err
	}
	if err := writeRaw(dir, "rake_targets.f64", targets); err != nil {
		return nil, err
	}
	return func() (float64, error) {
		c, err := satmetrics.Rake(classes, nil, satmetrics.Calibration{})
		if err != nil {
			return 0, err
		}
		var s float64
		for _, w := range c.Weights {
			s += w
		}
		return s, nil
	}, nil
}

// skewed maps u in [0, 1) to a category in [0, k) with probability
// proportional to 1/(h+2).
func skewed(u float64, k int) int {
	var total float64
	for h := 0; h < k; h++ {
		total += 1 / float64(h+2)
	}
	u *= total
	for h := 0; h < k; h++ {
		u -= 1 / float64(h+2)
		if u < 0 {
			return h
		}
	}
	return k - 1
}
