package likert

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/dist"
	"github.com/satmetrics/satmetrics/internal/points"
	"github.com/satmetrics/satmetrics/internal/stable"
)

// A Tally counts the answers to one item on its Scale: an exact count per
// point and, once a weighted answer has been added, the sum of weights per
// point. Every result (percentages, mean, median, boxes) is computed from
// that state when asked, so tallies merge exactly.
//
// The zero value is an empty tally on the zero Scale, Agree5, ready to use;
// NewTally makes an empty tally on another scale. A Tally is not safe for
// concurrent use: give each goroutine its own and Merge them.
type Tally struct {
	scale Scale
	c     points.Counts
}

// NewTally returns an empty tally on scale s.
func NewTally(s Scale) Tally {
	return Tally{scale: s}
}

// TallyFromCounts returns the tally of s with counts[i] answers at the
// point coded s.Low()+i. It returns an error wrapping satmetrics.ErrRange if
// the number of counts is not s.Points() or a count is negative.
func TallyFromCounts(s Scale, counts []int64) (Tally, error) {
	t := NewTally(s)
	if len(counts) != s.Points() {
		return Tally{}, fmt.Errorf("likert: %d counts for the %d points of %v: %w", len(counts), s.Points(), s, satmetrics.ErrRange)
	}
	var total int64
	for i, n := range counts {
		if n < 0 || total+n < total {
			return Tally{}, fmt.Errorf("likert: count %d at point %d: %w", n, s.Low()+i, satmetrics.ErrRange)
		}
		total += n
		t.c.AddN(i, n)
	}
	return t, nil
}

// Scale returns the scale of t.
func (t *Tally) Scale() Scale { return t.scale }

// index returns the point index of code, or an error naming code.
func (t *Tally) index(code int) (int, error) {
	low, n := t.scale.bounds()
	if i := code - low; i >= 0 && i < n {
		return i, nil
	}
	return 0, fmt.Errorf("likert: answer %d is not a point of %v (%d to %d): %w",
		code, t.scale, t.scale.Low(), t.scale.High(), satmetrics.ErrRange)
}

// Add adds one answer with weight 1. A code that is not a point of the
// tally's scale is an error wrapping satmetrics.ErrRange, and t is
// unchanged. Add does not allocate.
func (t *Tally) Add(code int) error {
	i, err := t.index(code)
	if err != nil {
		return err
	}
	t.c.Add(i)
	return nil
}

// AddWeighted adds one answer with weight w, a survey weight. A bad code is
// an error wrapping satmetrics.ErrRange, a negative or non-finite weight an
// error wrapping satmetrics.ErrWeight; t is then unchanged. A zero weight
// counts the answer in N but not in any share.
func (t *Tally) AddWeighted(code int, w float64) error {
	i, err := t.index(code)
	if err != nil {
		return err
	}
	if err := satmetrics.CheckWeight(w); err != nil {
		return err
	}
	t.c.AddWeighted(i, w)
	return nil
}

// Merge adds u to t, as if every answer added to u had been added to t.
// Merge is associative and commutative, and an empty tally on the zero
// Scale is its identity: merging into one gives it u's scale. Tallies on
// different scales are otherwise refused with an error wrapping
// satmetrics.ErrIncompatible, leaving t unchanged.
func (t *Tally) Merge(u *Tally) error {
	if t.scale != u.scale {
		switch {
		case u.c.Total() == 0 && u.scale == Scale{} && !u.c.Weighted():
			return nil
		case t.c.Total() == 0 && t.scale == Scale{} && !t.c.Weighted():
			t.scale = u.scale
		default:
			return fmt.Errorf("likert: merge a tally on %v into one on %v: %w", u.scale, t.scale, satmetrics.ErrIncompatible)
		}
	}
	t.c.Merge(&u.c)
	return nil
}

// N returns the number of answers.
func (t *Tally) N() int64 { return t.c.Total() }

// Weighted reports whether a weighted answer has been added.
func (t *Tally) Weighted() bool { return t.c.Weighted() }

// Count returns the number of answers at point code (0 for a code that is
// not a point).
func (t *Tally) Count(code int) int64 {
	if !t.scale.Valid(code) {
		return 0
	}
	return t.c.N(code - t.scale.Low())
}

// Weight returns the sum of the weights of the answers at point code, which
// is their count when no weighted answer was added.
func (t *Tally) Weight(code int) float64 {
	if !t.scale.Valid(code) {
		return 0
	}
	return t.c.W(code - t.scale.Low())
}

// Counts returns the number of answers at each point, lowest first.
func (t *Tally) Counts() []int64 {
	k := t.scale.Points()
	out := make([]int64, k)
	for i := range out {
		out[i] = t.c.N(i)
	}
	return out
}

// EffectiveN returns Kish's effective sample size (Σw)²/Σw², which is N for
// an unweighted tally.
func (t *Tally) EffectiveN() float64 {
	if !t.c.Weighted() {
		return float64(t.c.Total())
	}
	return satmetrics.EffectiveN(t.c.TotalW(), t.c.SumW2())
}

// Equal reports whether t and u are on the same scale and hold the same
// counts and (to a relative 1e-12) the same weights.
func (t *Tally) Equal(u *Tally) bool {
	return t.scale == u.scale && t.c.Equal(&u.c)
}

// Reversed returns the tally of the reverse-coded answers: the count and
// weight of point p moved to point Low + High - p. Reversing twice gives the
// tally back.
func (t *Tally) Reversed() Tally {
	k := t.scale.Points()
	j := t.c.ToJSON(k)
	for a, b := 0, k-1; a < b; a, b = a+1, b-1 {
		j.Counts[a], j.Counts[b] = j.Counts[b], j.Counts[a]
		if j.Weights != nil {
			j.Weights[a], j.Weights[b] = j.Weights[b], j.Weights[a]
		}
	}
	r := Tally{scale: t.scale}
	if err := r.c.FromJSON(j, k); err != nil {
		panic("likert: reversing a valid tally: " + err.Error()) // unreachable: j came from a valid Counts
	}
	return r
}

// total returns the total weight, or an error wrapping ErrNoData when it is
// zero.
func (t *Tally) total() (float64, error) {
	if t.c.Total() == 0 {
		return 0, fmt.Errorf("likert: no answers: %w", satmetrics.ErrNoData)
	}
	// The sum of the per-point weights as W reports them, so that no share
	// exceeds 1 by rounding.
	var s stable.Sum
	for i := 0; i < t.scale.Points(); i++ {
		s.Add(t.c.W(i))
	}
	w := s.Value()
	if w <= 0 {
		return 0, fmt.Errorf("likert: total weight of %d answers is zero: %w", t.c.Total(), satmetrics.ErrNoData)
	}
	return w, nil
}

// Percentages returns the share of each point in percent, lowest point
// first: 100 w_p / Σw (counts when unweighted). The shares add to 100 up to
// rounding. It returns an error wrapping satmetrics.ErrNoData if the tally
// is empty or its total weight is zero.
func (t *Tally) Percentages() ([]float64, error) {
	w, err := t.total()
	if err != nil {
		return nil, err
	}
	out := make([]float64, t.scale.Points())
	for i := range out {
		out[i] = min(100, 100*t.c.W(i)/w)
	}
	return out, nil
}

// moments returns the (weighted) mean of the codes, the sum of weighted
// squared deviations, the total weight and the effective number of answers
// (n, or Kish's n_eff when weighted).
func (t *Tally) moments() (mean, m2, w, n float64, err error) {
	if w, err = t.total(); err != nil {
		return
	}
	k := t.scale.Points()
	low := float64(t.scale.Low())
	var s stable.Sum
	for i := 0; i < k; i++ {
		s.Add(t.c.W(i) * (low + float64(i)))
	}
	mean = s.Value() / w
	var d stable.Sum
	for i := 0; i < k; i++ {
		x := low + float64(i) - mean
		d.Add(t.c.W(i) * x * x)
	}
	return mean, d.Value(), w, t.EffectiveN(), nil
}

// SD returns the standard deviation of the codes,
//
//	s = √( Σ w_p (p - mean)² / (W - Σw²/W) ),
//
// which for unit weights is the usual √(Σ (x - mean)² / (n - 1)). It returns
// an error wrapping satmetrics.ErrNoData for an empty tally and one wrapping
// satmetrics.ErrUndefined when fewer than two answers carry weight.
func (t *Tally) SD() (float64, error) {
	_, m2, w, _, err := t.moments()
	if err != nil {
		return 0, err
	}
	d := w - t.c.SumW2()/w
	if !(d > 0) || t.c.Total() < 2 {
		return 0, fmt.Errorf("likert: standard deviation of %d answers: %w", t.c.Total(), satmetrics.ErrUndefined)
	}
	return math.Sqrt(m2 / d), nil
}

// Mean returns the mean of the codes, Σ w_p p / Σ w_p, with its standard
// error s/√n (s from SD, n the number of answers, or Kish's effective n when
// weighted) and the Student t interval on n - 1 degrees of freedom at the
// given confidence level. It returns an error wrapping satmetrics.ErrNoData
// for an empty tally, satmetrics.ErrUndefined with fewer than two answers
// (or an effective n of at most 1), and satmetrics.ErrLevel for a bad level.
func (t *Tally) Mean(level float64) (satmetrics.Estimate, error) {
	if err := satmetrics.CheckLevel(level); err != nil {
		return satmetrics.Estimate{}, err
	}
	mean, _, _, n, err := t.moments()
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	sd, err := t.SD()
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	if !(n > 1) {
		return satmetrics.Estimate{}, fmt.Errorf("likert: mean with effective sample size %v: %w", n, satmetrics.ErrUndefined)
	}
	se := sd / math.Sqrt(n)
	tc := dist.StudentTQuantile(1-(1-level)/2, n-1)
	e := satmetrics.Estimate{
		Value:    mean,
		StdErr:   se,
		Interval: satmetrics.Interval{Lower: mean - tc*se, Upper: mean + tc*se, Level: level, Method: "t"},
		N:        t.c.Total(),
	}
	if t.c.Weighted() {
		e.EffectiveN = n
	}
	return e, e.Check()
}

// Quantile returns the lowest point at which the cumulative share of
// answers reaches p, for p in [0, 1]: the inverse of the empirical
// distribution function (R's quantile type 1). Cumulative weights are
// compared with p·W to within a relative 1e-12, so that weighted tallies
// whose shares are exact fractions are not misplaced by rounding. It returns
// an error wrapping satmetrics.ErrRange for p outside [0, 1] and one wrapping
// satmetrics.ErrNoData for an empty tally.
func (t *Tally) Quantile(p float64) (int, error) {
	if !(p >= 0 && p <= 1) {
		return 0, fmt.Errorf("likert: quantile %v: %w", p, satmetrics.ErrRange)
	}
	w, err := t.total()
	if err != nil {
		return 0, err
	}
	target := p*w - 1e-12*w
	var cum stable.Sum
	k := t.scale.Points()
	last := 0
	for i := 0; i < k; i++ {
		wi := t.c.W(i)
		if wi == 0 {
			continue
		}
		last = i
		cum.Add(wi)
		if cum.Value() >= target {
			return t.scale.Low() + i, nil
		}
	}
	return t.scale.Low() + last, nil
}

// Median returns the point at which the cumulative share of answers reaches
// 50%, Quantile(0.5).
func (t *Tally) Median() (int, error) { return t.Quantile(0.5) }

// IQR returns the interquartile range in points, Quantile(0.75) -
// Quantile(0.25).
func (t *Tally) IQR() (int, error) {
	q1, err := t.Quantile(0.25)
	if err != nil {
		return 0, err
	}
	q3, _ := t.Quantile(0.75)
	return q3 - q1, nil
}

// InterpolatedMedian returns the median of the answers treated as grouped
// data, each point p the class [p - ½, p + ½):
//
//	median = m - ½ + (W/2 - W_below) / w_m
//
// where m is the median point (Median), W_below the weight of the points
// below it and w_m its own weight. It returns an error wrapping
// satmetrics.ErrNoData for an empty tally.
func (t *Tally) InterpolatedMedian() (float64, error) {
	m, err := t.Median()
	if err != nil {
		return 0, err
	}
	w, _ := t.total()
	var below stable.Sum
	for i := 0; i < m-t.scale.Low(); i++ {
		below.Add(t.c.W(i))
	}
	wm := t.c.W(m - t.scale.Low())
	return float64(m) - 0.5 + (w/2-below.Value())/wm, nil
}

// Mode returns the point with the most answers (by weight when weighted),
// the lowest such point if several tie. It returns an error wrapping
// satmetrics.ErrNoData for an empty tally.
func (t *Tally) Mode() (int, error) {
	if _, err := t.total(); err != nil {
		return 0, err
	}
	best := 0
	for i := 1; i < t.scale.Points(); i++ {
		if t.c.W(i) > t.c.W(best) {
			best = i
		}
	}
	return t.scale.Low() + best, nil
}

// share returns the weight of points [from, to) over the total.
func (t *Tally) share(from, to int) (float64, error) {
	w, err := t.total()
	if err != nil {
		return 0, err
	}
	var s stable.Sum
	for i := from; i < to; i++ {
		s.Add(t.c.W(i))
	}
	return s.Value() / w, nil
}

// checkBox checks the number of points k of a box.
func (t *Tally) checkBox(k int) error {
	if k < 1 || k >= t.scale.Points() {
		return fmt.Errorf("likert: box of %d points on a %d-point scale: %w", k, t.scale.Points(), satmetrics.ErrRange)
	}
	return nil
}

// TopBox returns the share of answers on the top k points in percent (the
// top-box for k = 1, top-2-box for k = 2), with the Wilson score interval
//
//	(p̂ + z²/2n ± z √(p̂(1-p̂)/n + z²/4n²)) / (1 + z²/n)
//
// where n is the number of answers, or Kish's effective n when weighted, and
// StdErr the Wald standard error √(p̂(1-p̂)/n), both in percent. k must be
// at least 1 and below the number of points (satmetrics.ErrRange); an empty
// tally is an error wrapping satmetrics.ErrNoData.
func (t *Tally) TopBox(k int, level float64) (satmetrics.Estimate, error) {
	if err := t.checkBox(k); err != nil {
		return satmetrics.Estimate{}, err
	}
	n := t.scale.Points()
	p, err := t.share(n-k, n)
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	return t.wilson(p, level)
}

// BottomBox returns the share of answers on the bottom k points in percent,
// with the Wilson interval as for TopBox.
func (t *Tally) BottomBox(k int, level float64) (satmetrics.Estimate, error) {
	if err := t.checkBox(k); err != nil {
		return satmetrics.Estimate{}, err
	}
	p, err := t.share(0, k)
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	return t.wilson(p, level)
}

func (t *Tally) wilson(p, level float64) (satmetrics.Estimate, error) {
	n := t.EffectiveN()
	if !(n > 0) {
		return satmetrics.Estimate{}, fmt.Errorf("likert: effective sample size %v: %w", n, satmetrics.ErrNoData)
	}
	e, err := satmetrics.Proportion(p*n, n, level, satmetrics.Wilson)
	if err != nil {
		return satmetrics.Estimate{}, fmt.Errorf("likert: %w", err)
	}
	e = e.Scaled(100)
	e.N = t.c.Total()
	if t.c.Weighted() {
		e.EffectiveN = n
	}
	return e, nil
}

// Net returns the top-k-box minus the bottom-k-box in percentage points,
// from -100 to 100, with the multinomial standard error
//
//	se = √( (p_top + p_bottom - (p_top - p_bottom)²) / n )
//
// (n the number of answers, or Kish's effective n when weighted) and the
// Wald interval d ± z·se, clipped to [-100, 100]. The two boxes must not
// overlap: 2k may not exceed the number of points (satmetrics.ErrRange).
func (t *Tally) Net(k int, level float64) (satmetrics.Estimate, error) {
	if err := t.checkBox(k); err != nil {
		return satmetrics.Estimate{}, err
	}
	pts := t.scale.Points()
	if 2*k > pts {
		return satmetrics.Estimate{}, fmt.Errorf("likert: net of %d-point boxes on a %d-point scale overlaps: %w", k, pts, satmetrics.ErrRange)
	}
	z, err := satmetrics.ZCritical(level)
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	top, err := t.share(pts-k, pts)
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	bottom, _ := t.share(0, k)
	n := t.EffectiveN()
	if !(n > 0) {
		return satmetrics.Estimate{}, fmt.Errorf("likert: effective sample size %v: %w", n, satmetrics.ErrNoData)
	}
	d := top - bottom
	se := math.Sqrt(math.Max(0, top+bottom-d*d) / n)
	e := satmetrics.Estimate{
		Value:  100 * d,
		StdErr: 100 * se,
		Interval: satmetrics.Interval{
			Lower:  100 * math.Max(-1, d-z*se),
			Upper:  100 * math.Min(1, d+z*se),
			Level:  level,
			Method: "wald",
		},
		N: t.c.Total(),
	}
	if t.c.Weighted() {
		e.EffectiveN = n
	}
	return e, e.Check()
}

// A Split is the share of answers below, at and above the neutral midpoint,
// in percent, as R's likert package summarises an item. On an even scale,
// which has no neutral point, Low is the lower half of the points, High the
// upper half and Neutral is zero.
type Split struct {
	Low     float64 `json:"low"`
	Neutral float64 `json:"neutral"`
	High    float64 `json:"high"`
}

// Split returns the low / neutral / high split of the answers. It returns
// an error wrapping satmetrics.ErrNoData for an empty tally.
func (t *Tally) Split() (Split, error) {
	n := t.scale.Points()
	lo, err := t.share(0, n/2)
	if err != nil {
		return Split{}, err
	}
	hi, _ := t.share(n-n/2, n)
	var s Split
	s.Low, s.High = 100*lo, 100*hi
	if n%2 == 1 {
		mid, _ := t.share(n/2, n/2+1)
		s.Neutral = 100 * mid
	}
	return s, nil
}

// A Summary gathers the descriptive statistics of one item, as Tally.Summary
// computes them; it encodes with encoding/json.
type Summary struct {
	Scale              Scale               `json:"scale"`
	N                  int64               `json:"n"`
	EffectiveN         float64             `json:"effective_n,omitempty"` // when weighted
	Counts             []int64             `json:"counts"`                // per point, lowest first
	Percent            []float64           `json:"percent"`               // per point, lowest first
	Mean               satmetrics.Estimate `json:"mean"`
	SD                 float64             `json:"sd"`
	Median             int                 `json:"median"`
	InterpolatedMedian float64             `json:"interpolated_median"`
	Mode               int                 `json:"mode"`
	IQR                int                 `json:"iqr"`
	TopBox             satmetrics.Estimate `json:"top_box"`     // top point, percent
	TopTwoBox          satmetrics.Estimate `json:"top2_box"`    // top two points (top point on 2- and 3-point scales)
	BottomTwoBox       satmetrics.Estimate `json:"bottom2_box"` // bottom two points (bottom point on 2- and 3-point scales)
	Net                satmetrics.Estimate `json:"net"`         // TopTwoBox - BottomTwoBox, percentage points
	Split              Split               `json:"split"`
}

// Summary returns the descriptive statistics of the item at the given
// confidence level, as the methods of the same names compute them. The
// two-boxes cover two points, or one on scales of two or three points. It
// returns the first error those methods return: satmetrics.ErrNoData for an
// empty tally, satmetrics.ErrUndefined for a single answer.
func (t *Tally) Summary(level float64) (Summary, error) {
	s := Summary{Scale: t.scale, N: t.N(), Counts: t.Counts()}
	if t.Weighted() {
		s.EffectiveN = t.EffectiveN()
	}
	var err error
	if s.Percent, err = t.Percentages(); err != nil {
		return Summary{}, err
	}
	if s.Mean, err = t.Mean(level); err != nil {
		return Summary{}, err
	}
	s.SD, _ = t.SD()
	s.Median, _ = t.Median()
	s.InterpolatedMedian, _ = t.InterpolatedMedian()
	s.Mode, _ = t.Mode()
	s.IQR, _ = t.IQR()
	k := min(2, t.scale.Points()/2)
	if s.TopBox, err = t.TopBox(1, level); err != nil {
		return Summary{}, err
	}
	if s.TopTwoBox, err = t.TopBox(k, level); err != nil {
		return Summary{}, err
	}
	if s.BottomTwoBox, err = t.BottomBox(k, level); err != nil {
		return Summary{}, err
	}
	if s.Net, err = t.Net(k, level); err != nil {
		return Summary{}, err
	}
	s.Split, _ = t.Split()
	return s, nil
}

// tallyVersion is the first byte of the binary encoding of a Tally.
const tallyVersion = 1

// AppendBinary appends the binary encoding of t to b. The layout is
//
//	version  1 byte, 1
//	scale    low code (zig-zag varint), number of points (1 byte), labels
//	         (uvarint length and bytes each; a single 0 if unlabelled)
//	flags    1 byte: bit 0 set if weighted
//	counts   one uvarint per point
//	weights  if weighted: per point, then the squared weights, each a pair
//	         of little-endian float64 (compensated sum and its error term)
func (t *Tally) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, tallyVersion)
	b = t.scale.appendBinary(b)
	return t.c.AppendBinary(b, t.scale.Points()), nil
}

// MarshalBinary returns the binary encoding of t (see AppendBinary).
func (t *Tally) MarshalBinary() ([]byte, error) { return t.AppendBinary(nil) }

// UnmarshalBinary replaces t with the tally encoded in b. Truncated or
// trailing bytes, an unknown version, an invalid scale and impossible counts
// or weights are errors wrapping satmetrics.ErrCorrupt; t is then unchanged.
func (t *Tally) UnmarshalBinary(b []byte) error {
	u, rest, err := decodeTally(b)
	if err != nil {
		return fmt.Errorf("likert: decode tally: %w", err)
	}
	if len(rest) != 0 {
		return fmt.Errorf("likert: decode tally: %d trailing bytes: %w", len(rest), satmetrics.ErrCorrupt)
	}
	*t = u
	return nil
}

func decodeTally(b []byte) (Tally, []byte, error) {
	if len(b) < 1 {
		return Tally{}, nil, errTruncated
	}
	if b[0] != tallyVersion {
		return Tally{}, nil, fmt.Errorf("unknown version %d: %w", b[0], satmetrics.ErrCorrupt)
	}
	s, b, err := decodeScale(b[1:])
	if err != nil {
		return Tally{}, nil, err
	}
	u := Tally{scale: s}
	b, err = u.c.DecodeBinary(b, s.Points())
	if err != nil {
		return Tally{}, nil, fmt.Errorf("%v: %w", err, satmetrics.ErrCorrupt)
	}
	if err := u.check(); err != nil {
		return Tally{}, nil, err
	}
	return u, b, nil
}

// check rejects weights without answers.
func (t *Tally) check() error {
	if !t.c.Weighted() {
		return nil
	}
	any := false
	for i := 0; i < t.scale.Points(); i++ {
		if t.c.N(i) == 0 && t.c.W(i) != 0 {
			return fmt.Errorf("weight %v at a point without answers: %w", t.c.W(i), satmetrics.ErrCorrupt)
		}
		any = any || t.c.W(i) > 0
	}
	if any != (t.c.SumW2() > 0) {
		return fmt.Errorf("weights and squared weights disagree: %w", satmetrics.ErrCorrupt)
	}
	return nil
}

// tallyJSON is the JSON form of a Tally.
type tallyJSON struct {
	Scale *Scale `json:"scale"`
	points.JSON
}

// MarshalJSON encodes t as its scale, its counts per point and, when
// weighted, its weights per point and sum of squared weights:
// {"scale":{...},"counts":[...],"weights":[...],"sum_w2":...}.
func (t *Tally) MarshalJSON() ([]byte, error) {
	s := t.scale
	return json.Marshal(tallyJSON{Scale: &s, JSON: t.c.ToJSON(s.Points())})
}

// UnmarshalJSON decodes the form MarshalJSON writes. A missing or invalid
// scale and impossible counts or weights are errors wrapping
// satmetrics.ErrCorrupt; t is then unchanged.
func (t *Tally) UnmarshalJSON(b []byte) error {
	var j tallyJSON
	if err := json.Unmarshal(b, &j); err != nil {
		if isCorrupt(err) {
			return fmt.Errorf("likert: decode tally: %w", err)
		}
		return fmt.Errorf("likert: decode tally: %v: %w", err, satmetrics.ErrCorrupt)
	}
	if j.Scale == nil {
		return fmt.Errorf("likert: decode tally: no scale: %w", satmetrics.ErrCorrupt)
	}
	u := Tally{scale: *j.Scale}
	if err := u.c.FromJSON(j.JSON, u.scale.Points()); err != nil {
		return fmt.Errorf("likert: decode tally: %v: %w", err, satmetrics.ErrCorrupt)
	}
	if err := u.check(); err != nil {
		return fmt.Errorf("likert: decode tally: %w", err)
	}
	*t = u
	return nil
}
