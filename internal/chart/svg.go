package chart

import (
	"fmt"
	"hash/fnv"
	"html"
	"math"
	"strconv"
	"strings"
)

// Okabe-Ito colours, distinguishable with the common colour-vision
// deficiencies (Okabe and Ito, "Color Universal Design", 2008).
var Palette = [...]string{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"}

// Signal is the colour of flagged points and limits.
const Signal = "#D55E00"

// doc accumulates an SVG document.
type doc struct {
	b    strings.Builder
	w, h float64
}

func newDoc(w, h float64, title, desc string) *doc {
	d := &doc{w: w, h: h}
	fmt.Fprintf(&d.b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" role="img" aria-labelledby="@ID@-title @ID@-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="12">`+"\n",
		num(w), num(h), num(w), num(h))
	fmt.Fprintf(&d.b, "<title id=\"@ID@-title\">%s</title>\n<desc id=\"@ID@-desc\">%s</desc>\n", esc(title), esc(desc))
	fmt.Fprintf(&d.b, `<rect width="%s" height="%s" fill="#ffffff"/>`+"\n", num(w), num(h))
	d.text(w/2, 22, title, `font-size="15" font-weight="600" text-anchor="middle"`)
	return d
}

func (d *doc) raw(format string, args ...any) {
	fmt.Fprintf(&d.b, format, args...)
	d.b.WriteByte('\n')
}

func (d *doc) text(x, y float64, s, attrs string) {
	d.raw(`<text x="%s" y="%s" %s>%s</text>`, num(x), num(y), attrs, esc(s))
}

func (d *doc) line(x1, y1, x2, y2 float64, attrs string) {
	d.raw(`<line x1="%s" y1="%s" x2="%s" y2="%s" %s/>`, num(x1), num(y1), num(x2), num(y2), attrs)
}

func (d *doc) rect(x, y, w, h float64, attrs string) {
	d.raw(`<rect x="%s" y="%s" width="%s" height="%s" %s/>`, num(x), num(y), num(w), num(h), attrs)
}

// rectTitle draws a rectangle with a tooltip.
func (d *doc) rectTitle(x, y, w, h float64, attrs, title string) {
	d.raw(`<rect x="%s" y="%s" width="%s" height="%s" %s><title>%s</title></rect>`, num(x), num(y), num(w), num(h), attrs, esc(title))
}

func (d *doc) polyline(pts [][2]float64, attrs string) {
	if len(pts) == 0 {
		return
	}
	d.raw(`<polyline points="%s" fill="none" %s/>`, points(pts), attrs)
}

func (d *doc) polygon(pts [][2]float64, attrs string) {
	if len(pts) == 0 {
		return
	}
	d.raw(`<polygon points="%s" %s/>`, points(pts), attrs)
}

// bytes closes the document and gives its title and description ids made
// from a hash of its content, so that several charts can share a page
// without their ids colliding, and the same chart always gets the same ids.
func (d *doc) bytes() []byte {
	d.b.WriteString("</svg>\n")
	s := d.b.String()
	h := fnv.New32a()
	h.Write([]byte(s))
	id := fmt.Sprintf("chart-%08x", h.Sum32())
	return []byte(strings.ReplaceAll(s, "@ID@", id))
}

func points(pts [][2]float64) string {
	var b strings.Builder
	for i, p := range pts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(num(p[0]))
		b.WriteByte(',')
		b.WriteString(num(p[1]))
	}
	return b.String()
}

// num formats a coordinate with at most two decimals.
func num(x float64) string {
	s := strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

func esc(s string) string { return html.EscapeString(s) }

// label formats a tick or data value compactly.
func label(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}

// niceTicks returns about n round tick values covering [lo, hi]
// (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
func niceTicks(lo, hi float64, n int) []float64 {
	if !(hi > lo) {
		hi = lo + 1
	}
	step := nice(nice(hi-lo, false)/float64(n-1), true)
	first, last := math.Floor(lo/step), math.Ceil(hi/step-1e-9)
	var ts []float64
	for k := first; k <= last; k++ {
		ts = append(ts, k*step)
	}
	return ts
}

func nice(x float64, round bool) float64 {
	e := math.Floor(math.Log10(x))
	f := x / math.Pow(10, e)
	var nf float64
	switch {
	case round && f < 1.5, !round && f <= 1:
		nf = 1
	case round && f < 3, !round && f <= 2:
		nf = 2
	case round && f < 7, !round && f <= 5:
		nf = 5
	default:
		nf = 10
	}
	return nf * math.Pow(10, e)
}

// finite reports whether x is neither NaN nor infinite.
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// extent returns the range of the finite values of the slices, widened by
// the extra values.
func extent(extra []float64, xss ...[]float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	add := func(v float64) {
		if finite(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	for _, xs := range xss {
		for _, v := range xs {
			add(v)
		}
	}
	for _, v := range extra {
		add(v)
	}
	if lo > hi {
		return 0, 1
	}
	if lo == hi {
		return lo - 1, hi + 1
	}
	return lo, hi
}
