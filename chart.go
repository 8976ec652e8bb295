package satmetrics

import (
	"math"
	"slices"

	"github.com/satmetrics/satmetrics/internal/chart"
)

// A PeriodEstimate is one period's estimate of a metric, with an optional
// note that a chart shows beside the point (a significant change, a
// control-chart signal).
type PeriodEstimate struct {
	Period   Period   `json:"period"`
	Estimate Estimate `json:"estimate"`
	Flag     string   `json:"flag,omitempty"`
}

// A TrendSeries is one line of a TrendChart: a metric's estimates by period
// for one segment (a channel, a team) or for everyone.
type TrendSeries struct {
	Name   string           `json:"name"`
	Points []PeriodEstimate `json:"points"`
}

// TrendChart draws estimates over time, such as NPS or CSAT by month per
// channel, as lines with their confidence intervals as shaded bands and the
// flagged points circled.
type TrendChart struct {
	Title       string        // the chart's title, also its accessible name
	Description string        // what it shows, for screen readers; empty for a generated one
	YLabel      string        // the metric and its unit, such as "NPS" or "% satisfied"
	Series      []TrendSeries // one line each
	Target      float64       // a horizontal target line, if HasTarget
	HasTarget   bool
}

// SVG returns the chart as a self-contained, accessible SVG document: a
// title and description for screen readers, labelled axes, and colours that
// stay distinct with the common colour-vision deficiencies. Periods missing
// from a series leave a gap in its line. The periods of all series must be
// of one kind; others are left out.
func (c TrendChart) SVG() []byte {
	var periods []Period
	seen := map[Period]bool{}
	kind := PeriodKind(0)
	for _, s := range c.Series {
		for _, p := range s.Points {
			if kind == 0 {
				kind = p.Period.Kind()
			}
			if p.Period.Kind() != kind || seen[p.Period] {
				continue
			}
			seen[p.Period] = true
			periods = append(periods, p.Period)
		}
	}
	slices.SortFunc(periods, Period.Compare)
	// Fill the gaps so that the axis has every period.
	if len(periods) > 1 {
		var all []Period
		for p := range PeriodRange(periods[0], periods[len(periods)-1]) {
			all = append(all, p.In(periods[0].Location()))
		}
		periods = all
	}
	index := map[string]int{}
	lc := chart.LineChart{Title: c.Title, Desc: c.Description, XLabel: kindLabel(kind), YLabel: c.YLabel}
	for i, p := range periods {
		lc.X = append(lc.X, p.String())
		index[p.String()] = i
	}
	if lc.Desc == "" {
		lc.Desc = c.YLabel + " by " + kindLabel(kind) + " with confidence intervals as shaded bands"
	}
	for si, s := range c.Series {
		cs := chart.Series{Name: s.Name, Values: nanSlice(len(periods)), Lower: nanSlice(len(periods)), Upper: nanSlice(len(periods))}
		for _, p := range s.Points {
			i, ok := index[p.Period.String()]
			if !ok || p.Period.Kind() != kind {
				continue
			}
			cs.Values[i], cs.Lower[i], cs.Upper[i] = p.Estimate.Value, p.Estimate.Lower, p.Estimate.Upper
			if p.Flag != "" {
				lc.Flags = append(lc.Flags, chart.Flag{Series: si, Index: i, Note: p.Flag})
			}
		}
		lc.Series = append(lc.Series, cs)
	}
	if c.HasTarget {
		lc.Lines = append(lc.Lines, chart.RefLine{Name: "target", Values: []float64{c.Target}, Dashed: true})
	}
	return lc.SVG()
}

func nanSlice(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}

func kindLabel(k PeriodKind) string {
	if !k.Valid() {
		return "period"
	}
	return k.String()
}
