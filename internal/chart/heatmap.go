package chart

import (
	"fmt"
	"math"
	"strconv"
)

// Heatmap is a table of values coloured on a sequential scale, such as a
// cohort retention table. NaN cells (periods not reached yet) are left
// blank and marked as missing.
type Heatmap struct {
	Title, Desc    string
	XLabel, YLabel string
	Rows, Cols     []string
	Values         [][]float64 // Values[row][col]
	Decimals       int         // decimals of the printed values
	Suffix         string      // printed after each value, such as "%"
	Min, Max       float64     // colour scale; both zero for the data's range
}

// blues is ColorBrewer's sequential Blues scheme (Brewer, colorbrewer2.org).
var blues = [...][3]float64{
	{247, 251, 255}, {222, 235, 247}, {198, 219, 239}, {158, 202, 225},
	{107, 174, 214}, {66, 146, 198}, {33, 113, 181}, {8, 81, 156}, {8, 48, 107},
}

// SVG returns the heatmap as an SVG document.
func (c Heatmap) SVG() []byte {
	cell, left, top := 52.0, 96.0, 70.0
	w := left + cell*float64(len(c.Cols)) + 24
	h := top + 22*float64(len(c.Rows)) + 48
	d := newDoc(math.Max(w, 360), h, c.Title, c.Desc)
	lo, hi := c.Min, c.Max
	if lo == 0 && hi == 0 {
		lo, hi = extent(nil, c.Values...)
	}
	for j, col := range c.Cols {
		d.text(left+cell*(float64(j)+0.5), top-8, col, `text-anchor="middle" fill="#333333"`)
	}
	if c.XLabel != "" {
		d.text(left+cell*float64(len(c.Cols))/2, top-28, c.XLabel, `text-anchor="middle" fill="#333333" font-weight="600"`)
	}
	if c.YLabel != "" {
		d.text(8, top-8, c.YLabel, `fill="#333333" font-weight="600"`)
	}
	for i, row := range c.Rows {
		y := top + 22*float64(i)
		d.text(left-8, y+15, row, `text-anchor="end" fill="#333333"`)
		for j := range c.Cols {
			x := left + cell*float64(j)
			v := math.NaN()
			if i < len(c.Values) && j < len(c.Values[i]) {
				v = c.Values[i][j]
			}
			if !finite(v) {
				d.rectTitle(x, y, cell-2, 20, `fill="#ffffff" stroke="#e0e0e0"`, row+", "+c.Cols[j]+": not reached")
				continue
			}
			fill, dark := color(v, lo, hi)
			txt := strconv.FormatFloat(v, 'f', c.Decimals, 64) + c.Suffix
			d.rectTitle(x, y, cell-2, 20, `fill="`+fill+`"`, row+", "+c.Cols[j]+": "+txt)
			ink := "#000000"
			if dark {
				ink = "#ffffff"
			}
			d.text(x+(cell-2)/2, y+14, txt, `text-anchor="middle" font-size="11" fill="`+ink+`"`)
		}
	}
	return d.bytes()
}

// color maps v in [lo, hi] onto the Blues scale and reports whether the
// colour is dark enough to need white text.
func color(v, lo, hi float64) (string, bool) {
	f := 0.0
	if hi > lo {
		f = math.Max(0, math.Min(1, (v-lo)/(hi-lo)))
	}
	pos := f * float64(len(blues)-1)
	i := int(math.Min(pos, float64(len(blues)-2)))
	t := pos - float64(i)
	var rgb [3]float64
	for k := range rgb {
		rgb[k] = blues[i][k] + t*(blues[i+1][k]-blues[i][k])
	}
	lum := 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	return fmt.Sprintf("#%02x%02x%02x", int(math.Round(rgb[0])), int(math.Round(rgb[1])), int(math.Round(rgb[2]))), lum < 128
}
