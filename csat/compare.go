package csat

import (
	"fmt"

	"github.com/satmetrics/satmetrics"
)

func checkScales(a, b *Tally) error {
	if a.scale != b.scale && !a.empty() && !b.empty() {
		return fmt.Errorf("csat: compare tallies on the %v and %v scales: %w", a.scale, b.scale, satmetrics.ErrIncompatible)
	}
	return nil
}

// Compare compares the percent satisfied of two independent groups, A minus
// B, keeping the sign. The interval for the difference is Newcombe's hybrid
// score interval and the p-value that of the pooled two-proportion z test
// (see satmetrics.CompareProportions); values are in percentage points.
// Weighted tallies use their weighted shares and Kish effective sample
// sizes.
//
// The tallies must be on the same scale (an error wrapping
// satmetrics.ErrIncompatible otherwise); an empty tally is an error wrapping
// satmetrics.ErrNoData.
func Compare(a, b *Tally, level float64) (satmetrics.Comparison, error) {
	if err := checkScales(a, b); err != nil {
		return satmetrics.Comparison{}, err
	}
	x1, n1, err := a.satisfied()
	if err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("csat: compare: A: %w", err)
	}
	x2, n2, err := b.satisfied()
	if err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("csat: compare: B: %w", err)
	}
	c, err := satmetrics.CompareProportions(x1, n1, x2, n2, level)
	if err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("csat: compare: %w", err)
	}
	return c.Scaled(100), nil
}

// CompareMeans compares the mean ratings of two independent groups, A minus
// B, by Welch's t test (see satmetrics.CompareMeans), keeping the sign.
// Weighted tallies use their weighted means and Kish effective sample sizes.
//
// The tallies must be on the same scale (an error wrapping
// satmetrics.ErrIncompatible otherwise); an empty tally is an error wrapping
// satmetrics.ErrNoData, and two groups without spread one wrapping
// satmetrics.ErrUndefined.
func CompareMeans(a, b *Tally, level float64) (satmetrics.Comparison, error) {
	if err := checkScales(a, b); err != nil {
		return satmetrics.Comparison{}, err
	}
	sa, err := a.MeanStats()
	if err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("csat: compare means: A: %w", err)
	}
	sb, err := b.MeanStats()
	if err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("csat: compare means: B: %w", err)
	}
	c, err := satmetrics.CompareMeans(sa, sb, level)
	if err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("csat: compare means: %w", err)
	}
	return c, nil
}
