package kpi

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/satmetrics/satmetrics"
)

// Bases of complaint rates: complaints per hundred, thousand or million
// units sold (or responses, or tickets), as the sources quote them.
const (
	PerHundred  = 100
	PerThousand = 1000
	PerMillion  = 1000000
)

// ComplaintRate returns the number of complaints per `per` units (see
// PerHundred, PerThousand, PerMillion) with the Poisson score interval, the
// counterpart for counts of Wilson's interval for shares:
//
//	rate = c / units · per
//	λ    = c + z²/2 ± z √(c + z²/4)       (bounds on the expected count)
//	se   = √c / units · per
//
// with z the two-sided normal critical value for level; the bounds are λ /
// units · per. It returns an error wrapping satmetrics.ErrNoData for zero
// units, and one wrapping satmetrics.ErrRange for negative counts or a per
// that is not positive and finite.
//
// The bounds are the two roots of the score test (c - λ)²/λ = z² for a
// Poisson mean λ; unlike c ± z√c, the interval never goes below zero and
// has a positive upper bound when c = 0. For more information on score
// intervals, see A. Agresti, Categorical Data Analysis, Wiley, 3rd ed.,
// 2013, section 1.4.
func ComplaintRate(complaints, units int64, per, level float64) (satmetrics.Estimate, error) {
	z, err := satmetrics.ZCritical(level)
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	switch {
	case complaints < 0 || units < 0:
		return satmetrics.Estimate{}, fmt.Errorf("kpi: complaint rate of %d in %d units: %w", complaints, units, satmetrics.ErrRange)
	case !(per > 0) || math.IsInf(per, 0):
		return satmetrics.Estimate{}, fmt.Errorf("kpi: complaint rate per %v units: %w", per, satmetrics.ErrRange)
	case units == 0:
		return satmetrics.Estimate{}, fmt.Errorf("kpi: complaint rate of 0 units: %w", satmetrics.ErrNoData)
	}
	c := float64(complaints)
	scale := per / float64(units)
	half := z * math.Sqrt(c+z*z/4)
	return satmetrics.Estimate{
		Value:  c * scale,
		StdErr: math.Sqrt(c) * scale,
		Interval: satmetrics.Interval{
			Lower: math.Max(0, c+z*z/2-half) * scale, Upper: (c + z*z/2 + half) * scale,
			Level: level, Method: "poisson-score",
		},
		N: units,
	}, nil
}

// A ParetoItem is one category (or customer) of a Pareto analysis: its
// count, its share of the total and the cumulative share of it and every
// larger one, as fractions of 1.
type ParetoItem struct {
	Key        string  `json:"key"`
	Count      int64   `json:"count"`
	Share      float64 `json:"share"`
	Cumulative float64 `json:"cumulative"`
}

// Pareto orders the counts by key (complaints by category, or by customer)
// from the largest down, ties by key, with each one's share and the
// cumulative share: the "vital few" come first. Negative counts are an
// error naming the key, and a total of zero one wrapping
// satmetrics.ErrNoData.
func Pareto(counts map[string]int64) ([]ParetoItem, error) {
	var total int64
	items := make([]ParetoItem, 0, len(counts))
	for k, c := range counts {
		if c < 0 {
			return nil, &RecordError{Kind: "category", ID: k, Field: "count", Err: fmt.Errorf("%d: %w", c, satmetrics.ErrRange)}
		}
		total += c
		items = append(items, ParetoItem{Key: k, Count: c})
	}
	if total == 0 {
		return nil, fmt.Errorf("kpi: Pareto analysis of no complaints: %w", satmetrics.ErrNoData)
	}
	slices.SortFunc(items, func(a, b ParetoItem) int {
		if a.Count != b.Count {
			if a.Count > b.Count {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Key, b.Key)
	})
	var cum int64
	for i := range items {
		cum += items[i].Count
		items[i].Share = float64(items[i].Count) / float64(total)
		items[i].Cumulative = float64(cum) / float64(total)
	}
	return items, nil
}

// TopShare returns the share of the total that the top fraction of keys
// make, ⌈fraction · k⌉ of the k keys by count: TopShare(byCustomer, 0.2) is
// the share of complaints that the top 20% of customers make. Keys with a
// count of zero count among the k (customers who did not complain), so
// pass every customer. It returns an error for a fraction outside (0, 1]
// (wrapping satmetrics.ErrRange) and the errors of Pareto.
func TopShare(counts map[string]int64, fraction float64) (float64, error) {
	if !(fraction > 0 && fraction <= 1) {
		return 0, fmt.Errorf("kpi: top share of fraction %v: %w", fraction, satmetrics.ErrRange)
	}
	items, err := Pareto(counts)
	if err != nil {
		return 0, err
	}
	k := int(math.Ceil(fraction*float64(len(items)) - 1e-9))
	return items[max(k, 1)-1].Cumulative, nil
}
