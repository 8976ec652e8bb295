package ces

import (
	"fmt"

	"github.com/satmetrics/satmetrics"
)

func checkScales(a, b *Tally) error {
	if a.scale != b.scale && !a.empty() && !b.empty() {
		return fmt.Errorf("ces: compare tallies on the %v and %v scales: %w", a.scale, b.scale, satmetrics.ErrIncompatible)
	}
	return nil
}

// Compare compares the CES (mean rating) of two independent groups, A minus
// B, by Welch's t test (see satmetrics.CompareMeans), keeping the sign.
// Whether a positive difference is good depends on the scale's Direction.
// Weighted tallies use their weighted means and Kish effective sample sizes.
//
// The tallies must be on the same scale (an error wrapping
// satmetrics.ErrIncompatible otherwise); an empty tally is an error wrapping
// satmetrics.ErrNoData, and two groups without spread one wrapping
// satmetrics.ErrUndefined.
func Compare(a, b *Tally, level float64) (satmetrics.Comparison, error) {
	if err := checkScales(a, b); err != nil {
		return satmetrics.Comparison{}, err
	}
	sa, err := a.MeanStats()
	if err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("ces: compare: A: %w", err)
	}
	sb, err := b.MeanStats()
	if err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("ces: compare: B: %w", err)
	}
	c, err := satmetrics.CompareMeans(sa, sb, level)
	if err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("ces: compare: %w", err)
	}
	return c, nil
}

// CompareMeans is Compare, under the name package csat uses for comparing
// mean ratings.
func CompareMeans(a, b *Tally, level float64) (satmetrics.Comparison, error) {
	return Compare(a, b, level)
}

// CompareEasy compares the percent easy of two independent groups, A minus
// B in percentage points with the sign kept, by Newcombe's hybrid score
// interval and the pooled two-proportion z test (see
// satmetrics.CompareProportions). Errors are as for Compare.
func CompareEasy(a, b *Tally, level float64) (satmetrics.Comparison, error) {
	if err := checkScales(a, b); err != nil {
		return satmetrics.Comparison{}, err
	}
	x1, _, n1, err := a.shares()
	if err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("ces: compare: A: %w", err)
	}
	x2, _, n2, err := b.shares()
	if err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("ces: compare: B: %w", err)
	}
	c, err := satmetrics.CompareProportions(x1, n1, x2, n2, level)
	if err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("ces: compare: %w", err)
	}
	return c.Scaled(100), nil
}
