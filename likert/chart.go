package likert

import (
	"fmt"
	"strconv"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/chart"
)

// DivergingSVG returns the diverging stacked bar chart of items answered on
// one scale, as an accessible SVG document: each item a bar of its answers'
// shares, the points below the neutral point stacked to the left of a centre
// line and those above it to the right, the neutral point split across the
// centre (on even scales the centre falls between the two middle points), so
// that the balance of agreement reads at a glance (Robbins and Heiberger
// 2011). names label the items, in the order of tallies.
//
// It returns an error wrapping satmetrics.ErrIncompatible if the tallies are
// on different scales, and one wrapping satmetrics.ErrNoData if there is no
// tally or one is empty. It panics if names and tallies differ in length.
func DivergingSVG(title string, names []string, tallies []*Tally) ([]byte, error) {
	if len(names) != len(tallies) {
		panic("likert: DivergingSVG: names and tallies differ in length")
	}
	if len(tallies) == 0 {
		return nil, fmt.Errorf("likert: diverging chart: no items: %w", satmetrics.ErrNoData)
	}
	s := tallies[0].Scale()
	c := chart.DivergingBars{Title: title, Neutral: -1}
	if mid, ok := s.Neutral(); ok {
		c.Neutral = mid - s.Low()
	}
	for code := s.Low(); code <= s.High(); code++ {
		label := strconv.Itoa(code)
		if s.Labelled() {
			label = s.Label(code)
		}
		c.Categories = append(c.Categories, label)
	}
	for i, t := range tallies {
		if t.Scale() != s {
			return nil, fmt.Errorf("likert: diverging chart: item %q is on scale %v, not %v: %w", names[i], t.Scale(), s, satmetrics.ErrIncompatible)
		}
		p, err := t.Percentages()
		if err != nil {
			return nil, fmt.Errorf("likert: diverging chart: item %q: %w", names[i], err)
		}
		c.Items = append(c.Items, names[i])
		c.Shares = append(c.Shares, p)
	}
	c.Desc = fmt.Sprintf("Answers to %d items on the scale %v, in percent: disagreement to the left of the centre line, agreement to the right.", len(tallies), s)
	return c.SVG(), nil
}

// SVG returns the instrument's items as a diverging stacked bar chart (see
// DivergingSVG), with reverse-keyed items reversed and marked, so that
// agreement always means more of what the instrument measures. Items on
// different scales are an error wrapping satmetrics.ErrIncompatible.
func (t *InstrumentTally) SVG(title string) ([]byte, error) {
	in := t.Instrument()
	names := make([]string, len(in.Items))
	tallies := make([]*Tally, len(in.Items))
	for i, it := range in.Items {
		names[i] = it.Name
		tallies[i] = t.Item(i)
		if it.Reverse {
			r := tallies[i].Reversed()
			tallies[i] = &r
			names[i] += " (reversed)"
		}
	}
	return DivergingSVG(title, names, tallies)
}
