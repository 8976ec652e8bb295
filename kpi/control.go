package kpi

import (
	"fmt"
	"math"
	"strconv"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/stable"
)

// The XmR chart constants of Wheeler, for moving ranges of two successive
// values: the natural process limits lie 2.66 average moving ranges from
// the mean (3/d₂ with d₂ = 1.128), and the moving ranges' upper limit is
// 3.268 times their average (D₄).
const (
	XmRLimitFactor = 2.66
	XmRRangeFactor = 3.268
)

// A ChartPoint is one period of a control chart: its value, the centre
// line, the control limits, which lie 3 Sigma from the centre, and Sigma,
// the standard deviation of the value under statistical control (it varies
// with the sample size on a p-chart).
type ChartPoint struct {
	Period satmetrics.Period `json:"period"`
	Value  float64           `json:"value"`
	Center float64           `json:"center"`
	Lower  float64           `json:"lower"`
	Upper  float64           `json:"upper"`
	Sigma  float64           `json:"sigma"`
}

// A ControlChart is a Shewhart chart of a series by period, with the
// signals of the Western Electric rules. For an XmR chart, MovingRanges
// holds |xᵢ - xᵢ₋₁| for each period after the first, with their centre and
// upper limit.
type ControlChart struct {
	Kind         string       `json:"kind"` // "p" or "xmr"
	Center       float64      `json:"center"`
	Points       []ChartPoint `json:"points"`
	MovingRanges []float64    `json:"moving_ranges,omitempty"`
	RangeCenter  float64      `json:"range_center,omitempty"`
	RangeUpper   float64      `json:"range_upper,omitempty"`
	Signals      []Signal     `json:"signals"`
}

// A Proportion is one period's count of successes (satisfied responses,
// first-contact resolutions, tickets within SLA) out of N, for a p-chart.
type Proportion struct {
	Period satmetrics.Period `json:"period"`
	Count  int64             `json:"count"`
	N      int64             `json:"n"`
}

// PChart returns the p-chart of the shares Count/N by period, with limits
// that vary with each period's N:
//
//	p̄ = Σ Countᵢ / Σ Nᵢ
//	σᵢ = √(p̄ (1 - p̄) / Nᵢ)
//	limits p̄ ± 3σᵢ, clipped to [0, 1],
//
// and the Western Electric signals on the standardized values
// (pᵢ - p̄)/σᵢ. Values are proportions in [0, 1].
//
// A period with N <= 0, a negative Count or Count > N is an error wrapping
// satmetrics.ErrRange that names the period; no periods is an error
// wrapping satmetrics.ErrNoData, and p̄ of 0 or 1 (no variation to chart)
// one wrapping satmetrics.ErrUndefined.
//
// For more information, see D. C. Montgomery, Introduction to Statistical
// Quality Control, Wiley, chapter 7 (control charts for attributes).
func PChart(ps []Proportion) (ControlChart, error) {
	if len(ps) == 0 {
		return ControlChart{}, fmt.Errorf("kpi: p-chart of no periods: %w", satmetrics.ErrNoData)
	}
	var count, n int64
	for _, p := range ps {
		if p.N <= 0 || p.Count < 0 || p.Count > p.N {
			return ControlChart{}, &RecordError{Kind: "period", ID: p.Period.String(), Field: "count",
				Err: fmt.Errorf("%d of %d: %w", p.Count, p.N, satmetrics.ErrRange)}
		}
		count += p.Count
		n += p.N
	}
	pbar := float64(count) / float64(n)
	if pbar == 0 || pbar == 1 {
		return ControlChart{}, fmt.Errorf("kpi: p-chart: every period is at %v: %w", pbar, satmetrics.ErrUndefined)
	}
	c := ControlChart{Kind: "p", Center: pbar, Points: make([]ChartPoint, len(ps))}
	for i, p := range ps {
		sigma := math.Sqrt(pbar * (1 - pbar) / float64(p.N))
		c.Points[i] = ChartPoint{
			Period: p.Period,
			Value:  float64(p.Count) / float64(p.N),
			Center: pbar,
			Lower:  math.Max(0, pbar-3*sigma),
			Upper:  math.Min(1, pbar+3*sigma),
			Sigma:  sigma,
		}
	}
	c.Signals = WesternElectric(c.Points)
	return c, nil
}

// An Observation is one period's value of a metric, for an XmR chart.
type Observation struct {
	Period satmetrics.Period `json:"period"`
	Value  float64           `json:"value"`
}

// XmR returns the individuals and moving range chart of one value per
// period (a weekly CSAT score, a monthly median resolution time):
//
//	x̄    = Σ xᵢ / n
//	MRᵢ  = |xᵢ - xᵢ₋₁|,  M̄R = Σ MRᵢ / (n - 1)
//	limits x̄ ± 2.66 M̄R,  σ = 2.66 M̄R / 3
//	moving-range upper limit 3.268 M̄R
//
// with the Western Electric signals on the individuals and a signal
// RuleMovingRange for each moving range above its limit.
//
// It needs at least two values (fewer is an error wrapping
// satmetrics.ErrNoData); a NaN or infinite value is an error naming the
// period, and values that never change (M̄R = 0) one wrapping
// satmetrics.ErrUndefined.
//
// For more information, see D. J. Wheeler, Understanding Variation: The Key
// to Managing Chaos, SPC Press, 2nd ed., 2000, and the NIST/SEMATECH
// e-Handbook of Statistical Methods, section 6.3.2.2.
func XmR(obs []Observation) (ControlChart, error) {
	if len(obs) < 2 {
		return ControlChart{}, fmt.Errorf("kpi: XmR chart of %d values needs at least 2: %w", len(obs), satmetrics.ErrNoData)
	}
	var sum, mrSum stable.Sum
	mr := make([]float64, len(obs)-1)
	for i, o := range obs {
		if math.IsNaN(o.Value) || math.IsInf(o.Value, 0) {
			return ControlChart{}, &RecordError{Kind: "period", ID: o.Period.String(), Field: "value",
				Err: fmt.Errorf("%v: %w", o.Value, satmetrics.ErrRange)}
		}
		sum.Add(o.Value)
		if i > 0 {
			mr[i-1] = math.Abs(o.Value - obs[i-1].Value)
			mrSum.Add(mr[i-1])
		}
	}
	mean := sum.Value() / float64(len(obs))
	mrBar := mrSum.Value() / float64(len(mr))
	if !(mrBar > 0) || math.IsInf(XmRRangeFactor*mrBar, 0) || math.IsInf(mean, 0) || math.IsInf(math.Abs(mean)+XmRLimitFactor*mrBar, 0) {
		return ControlChart{}, fmt.Errorf("kpi: XmR chart: average moving range %v: %w", mrBar, satmetrics.ErrUndefined)
	}
	half := XmRLimitFactor * mrBar
	c := ControlChart{
		Kind: "xmr", Center: mean, Points: make([]ChartPoint, len(obs)),
		MovingRanges: mr, RangeCenter: mrBar, RangeUpper: XmRRangeFactor * mrBar,
	}
	for i, o := range obs {
		c.Points[i] = ChartPoint{Period: o.Period, Value: o.Value, Center: mean,
			Lower: mean - half, Upper: mean + half, Sigma: half / 3}
	}
	c.Signals = WesternElectric(c.Points)
	for i, r := range mr {
		if r > c.RangeUpper {
			c.Signals = append(c.Signals, Signal{Rule: RuleMovingRange, Period: obs[i+1].Period, Index: i + 1, Side: 1})
		}
	}
	return c, nil
}

// A Rule is one of the Western Electric run rules, or the moving-range rule
// of an XmR chart.
type Rule int8

// The rules. A point is beyond k sigma when it lies strictly more than k
// standard deviations from the centre line; the side is above or below it.
const (
	RuleBeyond3Sigma Rule = iota + 1 // one point beyond 3σ
	Rule2Of3Beyond2                  // two of three successive points beyond 2σ on the same side
	Rule4Of5Beyond1                  // four of five successive points beyond 1σ on the same side
	Rule8OneSide                     // eight successive points on the same side of the centre line
	RuleMovingRange                  // a moving range above its upper limit (XmR charts)
)

var ruleNames = [...]string{
	RuleBeyond3Sigma: "1 point beyond 3 sigma",
	Rule2Of3Beyond2:  "2 of 3 points beyond 2 sigma",
	Rule4Of5Beyond1:  "4 of 5 points beyond 1 sigma",
	Rule8OneSide:     "8 points in a row on one side",
	RuleMovingRange:  "moving range above its limit",
}

// String names the rule, such as "2 of 3 points beyond 2 sigma", and
// returns "%!Rule(n)" for an unknown rule.
func (r Rule) String() string {
	if r < RuleBeyond3Sigma || r > RuleMovingRange {
		return "%!Rule(" + strconv.Itoa(int(r)) + ")"
	}
	return ruleNames[r]
}

// MarshalText implements encoding.TextMarshaler with the rule's name. An
// undefined rule is an error.
func (r Rule) MarshalText() ([]byte, error) {
	if r < RuleBeyond3Sigma || r > RuleMovingRange {
		return nil, fmt.Errorf("kpi: marshal %v: %w", r, satmetrics.ErrRange)
	}
	return []byte(r.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler, reading a rule's name
// as MarshalText writes it.
func (r *Rule) UnmarshalText(b []byte) error {
	for k := RuleBeyond3Sigma; k <= RuleMovingRange; k++ {
		if ruleNames[k] == string(b) {
			*r = k
			return nil
		}
	}
	return &satmetrics.ParseError{Func: "kpi.Rule.UnmarshalText", Input: string(b), Err: satmetrics.ErrSyntax}
}

// A Signal is a rule that fired at a period: the period (and its index in
// the chart) is the one that completed the pattern, and Side is +1 above
// the centre line and -1 below.
type Signal struct {
	Rule   Rule              `json:"rule"`
	Period satmetrics.Period `json:"period"`
	Index  int               `json:"index"`
	Side   int               `json:"side"`
}

// String describes the signal: "2026-W07: 1 point beyond 3 sigma (above)".
func (s Signal) String() string {
	side := "above"
	if s.Side < 0 {
		side = "below"
	}
	return s.Period.String() + ": " + s.Rule.String() + " (" + side + ")"
}

// WesternElectric applies the four Western Electric rules to the points of
// a chart, on the standardized values zᵢ = (Valueᵢ - Centerᵢ)/Sigmaᵢ, and
// returns the signals in order of period. A signal is reported at the point
// that completes its pattern, and for rules 1 to 3 only if that point is
// itself beyond the zone, so each signal names a point that broke the rule:
//
//  1. |zᵢ| > 3;
//  2. at least 2 of zᵢ₋₂..zᵢ beyond 2 on the same side as zᵢ, which is too;
//  3. at least 4 of zᵢ₋₄..zᵢ beyond 1 on the same side as zᵢ, which is too;
//  4. zᵢ₋₇..zᵢ all on the same side (a point on the centre line breaks the run).
//
// Points whose Sigma is not positive are skipped. For more information, see
// Western Electric Company, Statistical Quality Control Handbook, 1956.
func WesternElectric(points []ChartPoint) []Signal {
	z := make([]float64, len(points))
	ok := make([]bool, len(points))
	for i, p := range points {
		if p.Sigma > 0 && !math.IsInf(p.Sigma, 0) {
			z[i] = (p.Value - p.Center) / p.Sigma
			ok[i] = !math.IsNaN(z[i])
		}
	}
	signals := []Signal{}
	add := func(r Rule, i, side int) {
		signals = append(signals, Signal{Rule: r, Period: points[i].Period, Index: i, Side: side})
	}
	// beyond counts the points among z[i-w+1..i] beyond k on side.
	beyond := func(i, w int, k float64, side int) int {
		c := 0
		for j := max(0, i-w+1); j <= i; j++ {
			if ok[j] && float64(side)*z[j] > k {
				c++
			}
		}
		return c
	}
	for i := range points {
		if !ok[i] {
			continue
		}
		side := 1
		if z[i] < 0 {
			side = -1
		}
		if math.Abs(z[i]) > 3 {
			add(RuleBeyond3Sigma, i, side)
		}
		if i >= 2 && math.Abs(z[i]) > 2 && beyond(i, 3, 2, side) >= 2 {
			add(Rule2Of3Beyond2, i, side)
		}
		if i >= 4 && math.Abs(z[i]) > 1 && beyond(i, 5, 1, side) >= 4 {
			add(Rule4Of5Beyond1, i, side)
		}
		if i >= 7 && z[i] != 0 && beyond(i, 8, 0, side) == 8 {
			add(Rule8OneSide, i, side)
		}
	}
	return signals
}
