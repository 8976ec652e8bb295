package kpi

import "github.com/satmetrics/satmetrics/internal/chart"

// SVG returns the control chart as an accessible SVG document: the values by
// period, the centre line, the control limits (stepped where they vary with
// the sample size, as on a p-chart) and each signal circled and named by its
// rule. A p-chart is drawn in percent. yLabel names the metric.
func (c ControlChart) SVG(title, yLabel string) []byte {
	scale := 1.0
	if c.Kind == "p" {
		scale = 100
	}
	n := len(c.Points)
	lc := chart.LineChart{
		Title: title, YLabel: yLabel, XLabel: "period",
		Desc: "Control chart of " + yLabel + " with its centre line and 3-sigma limits; circled points are signals of the Western Electric rules.",
	}
	s := chart.Series{Name: yLabel, Values: make([]float64, n)}
	upper, lower := make([]float64, n), make([]float64, n)
	for i, p := range c.Points {
		lc.X = append(lc.X, p.Period.String())
		s.Values[i] = scale * p.Value
		upper[i], lower[i] = scale*p.Upper, scale*p.Lower
	}
	lc.Series = []chart.Series{s}
	lc.Lines = []chart.RefLine{
		{Name: "UCL", Values: upper, Dashed: true, Color: chart.Signal},
		{Name: "centre", Values: []float64{scale * c.Center}},
		{Name: "LCL", Values: lower, Dashed: true, Color: chart.Signal},
	}
	noted := map[int]bool{}
	for _, sig := range c.Signals {
		if sig.Index < 0 || sig.Index >= n || noted[sig.Index] {
			continue
		}
		noted[sig.Index] = true
		lc.Flags = append(lc.Flags, chart.Flag{Series: 0, Index: sig.Index, Note: sig.Rule.String()})
	}
	return lc.SVG()
}
