package chart

import "math"

// A Curve is a right-continuous step function for a StepChart: the value Y[i]
// holds from T[i] until T[i+1] (the last until End), with an optional band
// and marks at censoring times.
type Curve struct {
	Name         string
	T, Y         []float64
	Lower, Upper []float64 // the band, one bound per step; nil for none
	Censored     []float64 // times at which a subject was censored
	End          float64   // where the last step ends; zero for the last time in T or Censored
}

// StepChart draws step functions such as survival curves.
type StepChart struct {
	Title, Desc    string
	XLabel, YLabel string
	Curves         []Curve
	YMin, YMax     float64 // both zero for 0 to 1
	Width, Height  float64 // zero for 720 by 380
}

// SVG returns the chart as an SVG document.
func (c StepChart) SVG() []byte {
	w, h := size(c.Width, c.Height, 720, 380)
	d := newDoc(w, h, c.Title, c.Desc)
	pw, ph := w-marginL-marginR, h-marginT-marginB
	lo, hi := c.YMin, c.YMax
	if lo == 0 && hi == 0 {
		hi = 1
	}
	xmax := 0.0
	for _, cv := range c.Curves {
		xmax = math.Max(xmax, cv.end())
	}
	xt := niceTicks(0, math.Max(xmax, 1e-9), 6)
	xmax = xt[len(xt)-1]
	yt := niceTicks(lo, hi, 5)
	xAt := func(t float64) float64 { return marginL + pw*t/xmax }
	yAt := func(v float64) float64 { return marginT + ph*(hi-v)/(hi-lo) }
	axes(d, w, h, c.XLabel, c.YLabel, yt, yAt)
	for _, t := range xt {
		d.line(xAt(t), marginT+ph, xAt(t), marginT+ph+4, `stroke="#555555"`)
		d.text(xAt(t), marginT+ph+17, label(t), `text-anchor="middle" fill="#333333"`)
	}
	series := make([]Series, len(c.Curves))
	for i, cv := range c.Curves {
		series[i].Name = cv.Name
		color := Palette[i%len(Palette)]
		end := cv.end()
		cv = cv.thin(xAt)
		n := min(len(cv.T), len(cv.Y))
		if len(cv.Lower) >= n && len(cv.Upper) >= n && n > 0 {
			var up, down [][2]float64
			for j := 0; j < n; j++ {
				x1 := end
				if j+1 < n {
					x1 = cv.T[j+1]
				}
				if !finite(cv.Lower[j]) || !finite(cv.Upper[j]) {
					continue
				}
				up = append(up, [2]float64{xAt(cv.T[j]), yAt(cv.Upper[j])}, [2]float64{xAt(x1), yAt(cv.Upper[j])})
				down = append(down, [2]float64{xAt(cv.T[j]), yAt(cv.Lower[j])}, [2]float64{xAt(x1), yAt(cv.Lower[j])})
			}
			for k := len(down) - 1; k >= 0; k-- {
				up = append(up, down[k])
			}
			d.polygon(simplify(up), `fill="`+color+`" fill-opacity="0.18" stroke="none"`)
		}
		var pts [][2]float64
		for j := 0; j < n; j++ {
			x1 := end
			if j+1 < n {
				x1 = cv.T[j+1]
			}
			pts = append(pts, [2]float64{xAt(cv.T[j]), yAt(cv.Y[j])}, [2]float64{xAt(x1), yAt(cv.Y[j])})
		}
		d.polyline(simplify(pts), `stroke="`+color+`" stroke-width="2"`)
		lastX := math.Inf(-1)
		for _, ct := range cv.Censored {
			x := xAt(ct)
			if x-lastX < 3 {
				continue // ticks closer than 3 pixels only blur the curve
			}
			lastX = x
			y := yAt(cv.at(ct))
			d.line(x, y-5, x, y+5, `stroke="`+color+`" stroke-width="1.5"`)
		}
	}
	legend(d, w, series)
	return d.bytes()
}

func (cv Curve) end() float64 {
	e := cv.End
	for _, t := range cv.T {
		e = math.Max(e, t)
	}
	for _, t := range cv.Censored {
		e = math.Max(e, t)
	}
	return e
}

// at returns the value of the step function at t.
func (cv Curve) at(t float64) float64 {
	v := 1.0
	for j := 0; j < min(len(cv.T), len(cv.Y)) && cv.T[j] <= t; j++ {
		v = cv.Y[j]
	}
	return v
}

// simplify drops the points of a path that a reader cannot see: repeats of
// the previous point at the drawing's resolution (0.01) and the middle point
// of three on one horizontal or vertical line, which a curve of thousands of
// small steps has in plenty.
func simplify(pts [][2]float64) [][2]float64 {
	out := make([][2]float64, 0, len(pts))
	round := func(p [2]float64) [2]float64 {
		return [2]float64{math.Round(p[0]*100) / 100, math.Round(p[1]*100) / 100}
	}
	for _, p := range pts {
		p = round(p)
		if k := len(out); k > 0 && out[k-1] == p {
			continue
		}
		if k := len(out); k >= 2 {
			a, b := out[k-2], out[k-1]
			between := func(u, v, w float64) bool { return (u <= v && v <= w) || (u >= v && v >= w) }
			if (a[0] == b[0] && b[0] == p[0] && between(a[1], b[1], p[1])) ||
				(a[1] == b[1] && b[1] == p[1] && between(a[0], b[0], p[0])) {
				out[k-1] = p // b lies on the segment from a to p
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// thin merges the steps of cv that start within half a pixel of the step
// before them into that step, which takes their values: a curve of
// thousands of small steps draws the same with one step a pixel.
func (cv Curve) thin(xAt func(float64) float64) Curve {
	n := min(len(cv.T), len(cv.Y))
	band := len(cv.Lower) >= n && len(cv.Upper) >= n
	out := Curve{Name: cv.Name, Censored: cv.Censored, End: cv.End}
	for j := 0; j < n; j++ {
		if k := len(out.T) - 1; k > 0 && xAt(cv.T[j])-xAt(out.T[k]) < 0.5 {
			out.Y[k] = cv.Y[j]
			if band {
				out.Lower[k], out.Upper[k] = cv.Lower[j], cv.Upper[j]
			}
			continue
		}
		out.T = append(out.T, cv.T[j])
		out.Y = append(out.Y, cv.Y[j])
		if band {
			out.Lower = append(out.Lower, cv.Lower[j])
			out.Upper = append(out.Upper, cv.Upper[j])
		}
	}
	return out
}
