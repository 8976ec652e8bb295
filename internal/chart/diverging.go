package chart

import (
	"math"
	"strconv"
)

// DivergingBars is the diverging stacked bar chart of Likert items: each
// item's answers as shares of a bar, the disagreeing points stacked to the
// left of a centre line and the agreeing points to the right, with the
// neutral point (if any) split across the centre, so that items compare at a
// glance (Robbins and Heiberger, "Plotting Likert and other rating scales",
// 2011).
type DivergingBars struct {
	Title, Desc string
	Items       []string
	Categories  []string    // the scale's points, lowest first
	Shares      [][]float64 // Shares[item][category], in percent
	Neutral     int         // index of the neutral category, or -1 for none
}

// brbg holds ColorBrewer's colour-blind-safe diverging BrBG scheme, from
// which the category colours are taken symmetrically around the middle.
var brbg = [...]string{"#543005", "#8c510a", "#bf812d", "#dfc27d", "#f6e8c3", "#c7eae5", "#80cdc1", "#35978f", "#01665e", "#003c30"}

// categoryColors returns k colours: browns for the low half (darkest for the
// lowest point), teals for the high half, and grey for a neutral middle.
// Small scales use the middle of the scheme, avoiding its palest and darkest
// ends, so that neighbouring points stay distinct and labels stay readable.
func categoryColors(k, neutral int) []string {
	cs := make([]string, k)
	half := k / 2
	first := max(0, 4-max(half, 3)) // index of the darkest brown used
	for i := 0; i < half; i++ {
		j := first + i
		if half < 3 {
			j = 3 - (half-1-i)*2 // one point: 3; two points: 1, 3
		}
		cs[i] = brbg[j]
		cs[k-1-i] = brbg[9-j]
	}
	if neutral >= 0 && neutral < k {
		cs[neutral] = "#bdbdbd"
	}
	return cs
}

// SVG returns the chart as an SVG document.
func (c DivergingBars) SVG() []byte {
	left, barH, gap, top := 220.0, 22.0, 10.0, 64.0
	plotW := 480.0
	w := left + plotW + 30
	h := top + (barH+gap)*float64(len(c.Items)) + 70
	d := newDoc(w, h, c.Title, c.Desc)
	k := len(c.Categories)
	colors := categoryColors(k, c.Neutral)
	// The axis runs from -100% to 100% around the centre.
	cx := left + plotW/2
	scale := plotW / 200
	for _, t := range []float64{-100, -50, 0, 50, 100} {
		x := cx + t*scale
		d.line(x, top-6, x, top+(barH+gap)*float64(len(c.Items)), `stroke="#e5e5e5"`)
		d.text(x, top-10, strconv.Itoa(int(math.Abs(t)))+"%", `text-anchor="middle" fill="#333333"`)
	}
	for i, item := range c.Items {
		y := top + (barH+gap)*float64(i)
		d.text(left-8, y+barH/2+4, item, `text-anchor="end" fill="#333333"`)
		var shares []float64
		if i < len(c.Shares) {
			shares = c.Shares[i]
		}
		share := func(j int) float64 {
			if j < len(shares) && finite(shares[j]) {
				return shares[j]
			}
			return 0
		}
		lowEnd := k / 2 // categories below this index go left
		if c.Neutral >= 0 {
			lowEnd = c.Neutral
		}
		// left stack: from the centre outwards, starting with the half neutral
		x := cx
		if c.Neutral >= 0 {
			x -= share(c.Neutral) / 2 * scale
		}
		for j := lowEnd - 1; j >= 0; j-- {
			wd := share(j) * scale
			x -= wd
			bar(d, x, y, wd, barH, colors[j], item, c.Categories[j], share(j))
		}
		x = cx
		if c.Neutral >= 0 {
			wd := share(c.Neutral) * scale
			bar(d, cx-wd/2, y, wd, barH, colors[c.Neutral], item, c.Categories[c.Neutral], share(c.Neutral))
			x += wd / 2
		}
		start := lowEnd
		if c.Neutral >= 0 {
			start = c.Neutral + 1
		}
		for j := start; j < k; j++ {
			wd := share(j) * scale
			bar(d, x, y, wd, barH, colors[j], item, c.Categories[j], share(j))
			x += wd
		}
	}
	d.line(cx, top-6, cx, top+(barH+gap)*float64(len(c.Items)), `stroke="#333333"`)
	// legend, in scale order
	ly := top + (barH+gap)*float64(len(c.Items)) + 20
	lx := 20.0
	for j, cat := range c.Categories {
		d.rect(lx, ly, 12, 12, `fill="`+colors[j]+`"`)
		d.text(lx+16, ly+10, cat, `fill="#333333" font-size="11"`)
		lx += 22 + 6.5*float64(len([]rune(cat)))
		if lx > w-100 && j < len(c.Categories)-1 {
			lx, ly = 20, ly+18
		}
	}
	return d.bytes()
}

func bar(d *doc, x, y, w, h float64, fill, item, cat string, share float64) {
	if w <= 0 {
		return
	}
	d.rectTitle(x, y, w, h, `fill="`+fill+`"`, item+": "+cat+" "+strconv.FormatFloat(share, 'f', 1, 64)+"%")
	if w >= 28 {
		ink := "#000000"
		if fill == brbg[0] || fill == brbg[1] || fill == brbg[2] || fill == brbg[7] || fill == brbg[8] || fill == brbg[9] {
			ink = "#ffffff"
		}
		d.text(x+w/2, y+h/2+4, strconv.Itoa(int(math.Round(share)))+"%", `text-anchor="middle" font-size="11" fill="`+ink+`"`)
	}
}
