package chart

import (
	"math"
	"strings"
)

// A Series is one line of a LineChart: a value per X label (NaN where there
// is none) and an optional interval band.
type Series struct {
	Name         string
	Values       []float64
	Lower, Upper []float64 // the band, one bound per X label; nil for none
}

// A RefLine is a horizontal reference drawn across a LineChart: a target, a
// centre line, or control limits that vary by period (one value per X label;
// a single value is constant).
type RefLine struct {
	Name   string
	Values []float64
	Dashed bool
	Color  string // empty for grey
}

// A Flag marks one point of a series: a significant change or a
// control-chart signal. Note is shown beside the point and in its tooltip.
type Flag struct {
	Series, Index int
	Note          string
}

// LineChart is a line chart over categories (usually periods) with interval
// bands, reference lines and flagged points.
type LineChart struct {
	Title, Desc    string
	XLabel, YLabel string
	X              []string
	Series         []Series
	Lines          []RefLine
	Flags          []Flag
	YMin, YMax     float64 // fixed Y range; both zero for automatic
	Width, Height  float64 // zero for 720 by 380
}

const (
	marginL = 64
	marginR = 130
	marginT = 44
	marginB = 56
)

// SVG returns the chart as an SVG document.
func (c LineChart) SVG() []byte {
	w, h := size(c.Width, c.Height, 720, 380)
	d := newDoc(w, h, c.Title, c.Desc)
	pw, ph := w-marginL-marginR, h-marginT-marginB
	lo, hi := c.YMin, c.YMax
	if lo == 0 && hi == 0 {
		var all [][]float64
		for _, s := range c.Series {
			all = append(all, s.Values, s.Lower, s.Upper)
		}
		for _, l := range c.Lines {
			all = append(all, l.Values)
		}
		lo, hi = extent(nil, all...)
		pad := (hi - lo) * 0.05
		lo, hi = lo-pad, hi+pad
	}
	ticks := niceTicks(lo, hi, 5)
	lo, hi = math.Min(lo, ticks[0]), math.Max(hi, ticks[len(ticks)-1])
	n := len(c.X)
	xAt := func(i int) float64 {
		if n <= 1 {
			return marginL + pw/2
		}
		return marginL + pw*float64(i)/float64(n-1)
	}
	yAt := func(v float64) float64 { return marginT + ph*(hi-v)/(hi-lo) }

	axes(d, w, h, c.XLabel, c.YLabel, ticks, yAt)
	// Label as many periods as fit, about 7 pixels a character apart.
	widest := 1
	for _, x := range c.X {
		widest = max(widest, len([]rune(x)))
	}
	fit := max(1, int(pw/float64(7*widest+12)))
	step := max(1, (n+fit-1)/fit)
	for i, x := range c.X {
		if i%step != 0 {
			continue
		}
		d.line(xAt(i), marginT+ph, xAt(i), marginT+ph+4, `stroke="#555555"`)
		d.text(xAt(i), marginT+ph+17, x, `text-anchor="middle" fill="#333333"`)
	}
	for i, s := range c.Series {
		color := Palette[i%len(Palette)]
		if len(s.Lower) == n && len(s.Upper) == n {
			for _, run := range runs(n, func(j int) bool { return finite(s.Lower[j]) && finite(s.Upper[j]) }) {
				var pts [][2]float64
				for _, j := range run {
					pts = append(pts, [2]float64{xAt(j), yAt(s.Upper[j])})
				}
				for k := len(run) - 1; k >= 0; k-- {
					pts = append(pts, [2]float64{xAt(run[k]), yAt(s.Lower[run[k]])})
				}
				if len(run) == 1 { // an isolated point: its interval as a bar
					j := run[0]
					d.line(xAt(j), yAt(s.Upper[j]), xAt(j), yAt(s.Lower[j]), `stroke="`+color+`" stroke-opacity="0.35" stroke-width="8"`)
					continue
				}
				d.polygon(pts, `fill="`+color+`" fill-opacity="0.18" stroke="none"`)
			}
		}
		for _, run := range runs(min(n, len(s.Values)), func(j int) bool { return finite(s.Values[j]) }) {
			var pts [][2]float64
			for _, j := range run {
				pts = append(pts, [2]float64{xAt(j), yAt(s.Values[j])})
			}
			d.polyline(pts, `stroke="`+color+`" stroke-width="2"`)
			for _, p := range pts {
				d.raw(`<circle cx="%s" cy="%s" r="3" fill="%s"/>`, num(p[0]), num(p[1]), color)
			}
		}
	}
	for _, l := range c.Lines {
		color := l.Color
		if color == "" {
			color = "#666666"
		}
		attrs := `stroke="` + color + `" stroke-width="1.5"`
		if l.Dashed {
			attrs += ` stroke-dasharray="6 4"`
		}
		var pts [][2]float64
		last := math.NaN()
		for j := 0; j < n; j++ {
			v := l.Values[0]
			if len(l.Values) > 1 {
				if j >= len(l.Values) {
					break
				}
				v = l.Values[j]
			}
			if !finite(v) {
				continue
			}
			// Limits that vary by period are drawn as steps centred on each point.
			x0, x1 := xAt(j), xAt(j)
			if n > 1 && len(l.Values) > 1 {
				half := pw / float64(n-1) / 2
				x0, x1 = math.Max(marginL, x0-half), math.Min(marginL+pw, x1+half)
			} else if j == 0 {
				x0 = marginL
			}
			if len(l.Values) == 1 {
				pts = [][2]float64{{marginL, yAt(v)}, {marginL + pw, yAt(v)}}
				last = v
				break
			}
			pts = append(pts, [2]float64{x0, yAt(v)}, [2]float64{x1, yAt(v)})
			last = v
		}
		d.polyline(pts, attrs)
		if finite(last) && l.Name != "" {
			d.text(marginL+pw+6, yAt(last)+4, l.Name, `fill="`+color+`"`)
		}
	}
	for _, f := range c.Flags {
		if f.Series < 0 || f.Series >= len(c.Series) || f.Index < 0 || f.Index >= n || f.Index >= len(c.Series[f.Series].Values) {
			continue
		}
		v := c.Series[f.Series].Values[f.Index]
		if !finite(v) {
			continue
		}
		d.raw(`<circle cx="%s" cy="%s" r="6" fill="none" stroke="%s" stroke-width="2"><title>%s</title></circle>`,
			num(xAt(f.Index)), num(yAt(v)), Signal, esc(c.X[f.Index]+": "+f.Note))
		if f.Note != "" {
			d.text(xAt(f.Index)+8, yAt(v)-8, f.Note, `fill="`+Signal+`" font-size="11"`)
		}
	}
	legend(d, w, c.Series)
	return d.bytes()
}

// runs splits 0..n-1 into maximal runs of indexes where ok holds, so that
// lines and bands break at missing values.
func runs(n int, ok func(int) bool) [][]int {
	var out [][]int
	var cur []int
	for j := 0; j < n; j++ {
		if ok(j) {
			cur = append(cur, j)
			continue
		}
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func size(w, h, dw, dh float64) (float64, float64) {
	if w <= 0 {
		w = dw
	}
	if h <= 0 {
		h = dh
	}
	return w, h
}

// axes draws the plot frame, horizontal grid lines at the ticks and the axis
// labels.
func axes(d *doc, w, h float64, xLabel, yLabel string, ticks []float64, yAt func(float64) float64) {
	pw, ph := w-marginL-marginR, h-marginT-marginB
	for _, t := range ticks {
		y := yAt(t)
		d.line(marginL, y, marginL+pw, y, `stroke="#e5e5e5"`)
		d.text(marginL-6, y+4, label(t), `text-anchor="end" fill="#333333"`)
	}
	d.line(marginL, marginT+ph, marginL+pw, marginT+ph, `stroke="#555555"`)
	d.line(marginL, marginT, marginL, marginT+ph, `stroke="#555555"`)
	if xLabel != "" {
		d.text(marginL+pw/2, h-12, xLabel, `text-anchor="middle" fill="#333333"`)
	}
	if yLabel != "" {
		d.raw(`<text transform="translate(16 %s) rotate(-90)" text-anchor="middle" fill="#333333">%s</text>`, num(marginT+ph/2), esc(yLabel))
	}
}

func legend(d *doc, w float64, series []Series) {
	if len(series) < 2 && (len(series) == 0 || series[0].Name == "") {
		return
	}
	for i, s := range series {
		y := float64(marginT + 8 + 18*i)
		color := Palette[i%len(Palette)]
		d.rect(w-marginR+12, y-8, 12, 12, `fill="`+color+`"`)
		d.text(w-marginR+30, y+2, strings.TrimSpace(s.Name), `fill="#333333"`)
	}
}
