// Package points holds the exact state shared by the tallies of every
// rating-scale metric (csat, nps, ces, likert): a count of responses per
// scale point and, once a weighted response has been added, the sum of
// weights per point and of squared weights.
//
// A tally maps its scale's points to indexes 0 to K-1 (K at most MaxPoints)
// and wraps a Counts; the public packages validate answers and weights before
// calling here.
package points

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics/internal/stable"
)

// MaxPoints is the largest number of scale points a Counts holds: eleven, for
// the 0-10 NPS scale and the 11-point Likert scales.
const MaxPoints = 11

// Counts is the exact state of a tally over at most MaxPoints points. Counts
// are exact integers; weights are compensated sums. The zero value is empty.
//
// Responses added with Add, AddN or AddAll have weight 1 and are only
// counted: the weight of a point is the number of its unit-weight responses
// plus the compensated sum of the weights of its weighted ones. This keeps
// Add, the hot path of every tally, a single increment.
type Counts struct {
	n        [MaxPoints]int64      // all responses per point
	nw       [MaxPoints]int64      // of which added with AddWeighted (or decoded with weights)
	w        [MaxPoints]stable.Sum // weights of the weighted responses
	w2       stable.Sum            // squared weights of the weighted responses
	weighted bool                  // whether a weighted response has been added
}

// Add adds one response at point index i with weight 1. The caller checks
// that 0 <= i < MaxPoints.
func (c *Counts) Add(i int) {
	c.n[i]++
}

// AddN adds k responses at point index i with weight 1.
func (c *Counts) AddN(i int, k int64) {
	c.n[i] += k
}

// AddWeighted adds one response at point index i with weight w. The caller
// checks that w is finite and non-negative.
func (c *Counts) AddWeighted(i int, w float64) {
	c.weighted = true
	c.n[i]++
	c.nw[i]++
	c.w[i].Add(w)
	c.w2.Add(w * w)
}

// Merge adds u to c, as if every response added to u had been added to c.
func (c *Counts) Merge(u *Counts) {
	c.weighted = c.weighted || u.weighted
	for i := range c.n {
		c.n[i] += u.n[i]
		c.nw[i] += u.nw[i]
		c.w[i].Merge(u.w[i])
	}
	c.w2.Merge(u.w2)
}

// N returns the number of responses at point index i.
func (c *Counts) N(i int) int64 { return c.n[i] }

// Total returns the number of responses.
func (c *Counts) Total() int64 {
	var t int64
	for _, n := range c.n {
		t += n
	}
	return t
}

// unit returns the number of unit-weight responses.
func (c *Counts) unit() int64 {
	var t int64
	for i := range c.n {
		t += c.n[i] - c.nw[i]
	}
	return t
}

// Weighted reports whether any weighted response has been added.
func (c *Counts) Weighted() bool { return c.weighted }

// WeightSum returns the compensated sum of weights at point index i.
func (c *Counts) WeightSum(i int) stable.Sum {
	s := c.w[i]
	s.Add(float64(c.n[i] - c.nw[i]))
	return s
}

// W returns the sum of weights at point index i (its count when unweighted).
func (c *Counts) W(i int) float64 {
	if !c.weighted {
		return float64(c.n[i])
	}
	return c.WeightSum(i).Value()
}

// TotalW returns the sum of all weights.
func (c *Counts) TotalW() float64 {
	if !c.weighted {
		return float64(c.Total())
	}
	var s stable.Sum
	for i := range c.w {
		s.Merge(c.w[i])
	}
	s.Add(float64(c.unit()))
	return s.Value()
}

// SumW2 returns the sum of squared weights.
func (c *Counts) SumW2() float64 {
	if !c.weighted {
		return float64(c.Total())
	}
	s := c.w2
	s.Add(float64(c.unit()))
	return s.Value()
}

// EffectiveN returns Kish's effective sample size (Σw)²/Σw², computed as
// (Σw/√Σw²)² so that it does not overflow for large weights; it is the count
// for unweighted Counts. It is 0 when Σw is 0, and +Inf or NaN only for
// weights so extreme that Σw or Σw² is not a finite, non-zero number, which
// callers must check.
func (c *Counts) EffectiveN() float64 {
	if !c.weighted {
		return float64(c.Total())
	}
	w := c.TotalW()
	if w == 0 {
		return 0
	}
	r := w / math.Sqrt(c.SumW2())
	return r * r
}

// Equal reports whether c and u hold the same counts and, when weighted,
// weights equal to within a relative 1e-12 (compensated sums merged in
// different orders may differ in the last bit).
func (c *Counts) Equal(u *Counts) bool {
	if c.n != u.n || c.weighted != u.weighted {
		return false
	}
	if !c.weighted {
		return true
	}
	for i := range c.w {
		if !close(c.W(i), u.W(i)) {
			return false
		}
	}
	return close(c.SumW2(), u.SumW2())
}

func close(a, b float64) bool {
	return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}

// ErrCorrupt is returned, wrapped, by the decoders for bytes or JSON that do
// not describe a valid Counts.
var ErrCorrupt = errors.New("corrupt counts")

// AppendBinary appends the state of the first k points to b. The layout is
//
//	flags   1 byte: bit 0 set if weighted
//	counts  k unsigned varints
//	weights if weighted: k+1 pairs of little-endian float64 (sum, compensation),
//	        the per-point weights and then the squared weights.
func (c *Counts) AppendBinary(b []byte, k int) []byte {
	var flags byte
	if c.weighted {
		flags = 1
	}
	b = append(b, flags)
	for i := 0; i < k; i++ {
		b = binary.AppendUvarint(b, uint64(c.n[i]))
	}
	if c.weighted {
		for i := 0; i < k; i++ {
			b = appendSum(b, c.WeightSum(i))
		}
		w2 := c.w2
		w2.Add(float64(c.unit()))
		b = appendSum(b, w2)
	}
	return b
}

func appendSum(b []byte, s stable.Sum) []byte {
	v, e := s.Parts()
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(e))
}

// DecodeBinary decodes the state of k points from the front of b, as written
// by AppendBinary, replacing c, and returns the bytes that follow. Truncated
// input, counts that overflow, and negative or non-finite weights are errors
// wrapping ErrCorrupt.
func (c *Counts) DecodeBinary(b []byte, k int) ([]byte, error) {
	var d Counts
	if len(b) < 1 {
		return nil, fmt.Errorf("missing flags: %w", ErrCorrupt)
	}
	flags := b[0]
	b = b[1:]
	if flags&^1 != 0 {
		return nil, fmt.Errorf("unknown flags %#x: %w", flags, ErrCorrupt)
	}
	var total uint64
	for i := 0; i < k; i++ {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, fmt.Errorf("count %d: truncated: %w", i, ErrCorrupt)
		}
		total += v
		if v > math.MaxInt64 || total > math.MaxInt64 {
			return nil, fmt.Errorf("count %d: %d overflows: %w", i, v, ErrCorrupt)
		}
		d.n[i] = int64(v)
		b = b[n:]
	}
	if flags&1 != 0 {
		d.weighted = true
		if len(b) < 16*(k+1) {
			return nil, fmt.Errorf("weights truncated: %w", ErrCorrupt)
		}
		for i := 0; i <= k; i++ {
			v := math.Float64frombits(binary.LittleEndian.Uint64(b))
			e := math.Float64frombits(binary.LittleEndian.Uint64(b[8:]))
			b = b[16:]
			s := stable.FromParts(v, e)
			if x := s.Value(); !(x >= 0) || math.IsInf(x, 0) || math.IsNaN(e) {
				return nil, fmt.Errorf("weight %d: %v: %w", i, x, ErrCorrupt)
			}
			if i < k {
				d.w[i] = s
			} else {
				d.w2 = s
			}
		}
		d.nw = d.n // every decoded response carries its weight in w
	}
	*c = d
	return b, nil
}

// JSON is the JSON form of a Counts: the counts per point and, when
// weighted, the weights per point and the sum of squared weights.
type JSON struct {
	Counts  []int64   `json:"counts"`
	Weights []float64 `json:"weights,omitempty"`
	SumW2   float64   `json:"sum_w2,omitempty"`
}

// ToJSON returns the JSON form of the first k points.
func (c *Counts) ToJSON(k int) JSON {
	j := JSON{Counts: append([]int64(nil), c.n[:k]...)}
	if c.weighted {
		j.Weights = make([]float64, k)
		for i := range j.Weights {
			j.Weights[i] = c.W(i)
		}
		j.SumW2 = c.SumW2()
	}
	return j
}

// FromJSON replaces c with the state j describes for k points. Lengths other
// than k, negative counts, and negative or non-finite weights are errors
// wrapping ErrCorrupt.
func (c *Counts) FromJSON(j JSON, k int) error {
	var d Counts
	if len(j.Counts) != k {
		return fmt.Errorf("%d counts for %d points: %w", len(j.Counts), k, ErrCorrupt)
	}
	var total int64
	for i, n := range j.Counts {
		if n < 0 || total+n < total {
			return fmt.Errorf("count %d: %d: %w", i, n, ErrCorrupt)
		}
		total += n
		d.n[i] = n
	}
	if j.Weights != nil {
		if len(j.Weights) != k {
			return fmt.Errorf("%d weights for %d points: %w", len(j.Weights), k, ErrCorrupt)
		}
		d.weighted = true
		for i, w := range j.Weights {
			if !(w >= 0) || math.IsInf(w, 0) {
				return fmt.Errorf("weight %d: %v: %w", i, w, ErrCorrupt)
			}
			d.w[i].Add(w)
		}
		if !(j.SumW2 >= 0) || math.IsInf(j.SumW2, 0) {
			return fmt.Errorf("sum of squared weights %v: %w", j.SumW2, ErrCorrupt)
		}
		d.w2.Add(j.SumW2)
		d.nw = d.n
	}
	*c = d
	return nil
}

// MeanVar returns the weighted mean and population variance Σw(x - mean)²/Σw
// of the first k points, point i having the value low + i, given their total
// weight w > 0. It works with shares w_i/w rather than weights, so that no
// sum overflows.
func (c *Counts) MeanVar(k int, low, w float64) (mean, variance float64) {
	for i := 0; i < k; i++ {
		mean += c.W(i) / w * (low + float64(i))
	}
	for i := 0; i < k; i++ {
		d := low + float64(i) - mean
		variance += c.W(i) / w * d * d
	}
	return mean, variance
}
