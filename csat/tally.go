package csat

import (
	"encoding/json"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/points"
)

// A Tally accumulates CSAT answers on one Scale: an exact count of responses
// (and, once a weighted response has been added, the sum of weights) for each
// point of the scale. Memory is constant; scores are computed when read.
//
// The zero value is an empty tally on the Five scale, ready to use;
// NewTally makes one on another scale. A Tally is not safe for concurrent
// use: give each goroutine its own and Merge them.
type Tally struct {
	c     points.Counts
	scale Scale
}

// spec describes CSAT tallies to the logic they share with the other
// tallies on a scale in internal/points: the package name that prefixes
// errors, the byte after the version that marks a CSAT tally's encoding,
// and npoints. It is read-only.
var spec = points.NewSpec[Scale]("csat", 'C', &npoints)

// npoints holds the number of points of each scale, indexed by a byte so
// that Add needs no bounds check (undefined scales have none). NewSpec
// checks it against Scale.Points.
var npoints = [256]uint8{Five: 5, Three: 3, Seven: 7, Ten: 10, Binary: 2}

// core is the shared logic of the tallies on a scale, over t's fields.
type core = points.Scaled[Scale, Rating]

func (t *Tally) core() core { return core{Spec: &spec, Counts: &t.c, Scale: &t.scale} }

// NewTally returns an empty tally on scale s, or an error wrapping
// satmetrics.ErrRange if s is not a defined scale.
func NewTally(s Scale) (Tally, error) {
	var t Tally
	err := t.core().Init(s)
	return t, err
}

// Scale returns the scale of t (Five for the zero Tally).
func (t *Tally) Scale() Scale { return t.scale }

// Add adds one response with rating r. A rating that is not a point of the
// tally's scale is an error wrapping satmetrics.ErrRange, and adds nothing.
// It does not allocate.
func (t *Tally) Add(r Rating) error {
	// Rating 0 wraps around to 255, beyond every scale.
	if i := uint8(r) - 1; i < npoints[t.scale] {
		t.c.Add(int(i))
		return nil
	}
	return rangeError{t.scale, r}
}

// rangeError reports a rating off a tally's scale. It is a two-byte value
// rather than a call so that Add inlines.
type rangeError struct {
	scale Scale
	r     Rating
}

func (e rangeError) Error() string { return spec.RatingError(e.scale, e.r).Error() }
func (e rangeError) Unwrap() error { return satmetrics.ErrRange }

// AddWeighted adds one response with rating r and survey weight w. A weight
// that is negative, NaN or infinite is an error wrapping
// satmetrics.ErrWeight, and a rating off the scale one wrapping
// satmetrics.ErrRange; either way nothing is added. A weight of zero counts
// the response in N but gives it no influence on the scores.
func (t *Tally) AddWeighted(r Rating, w float64) error { return t.core().AddWeighted(r, w) }

// AddN adds n responses with rating r, as from a frequency table. A negative
// n is an error wrapping satmetrics.ErrRange.
func (t *Tally) AddN(r Rating, n int64) error { return t.core().AddN(r, n) }

// AddAll adds one response for each rating in rs: the fast path for a
// column of ratings already in memory. It is all or nothing: if a rating is
// off the scale it returns an error that names the first such rating and
// its index, and adds none of them.
func (t *Tally) AddAll(rs []Rating) error {
	if i := points.AddAll(&t.c, rs, 1, int(npoints[t.scale])); i >= 0 {
		return t.core().AddAllError(rs, i)
	}
	return nil
}

// Merge adds u to t, as if every response added to u had been added to t.
// It is associative and commutative, and the zero Tally is its identity.
//
// Tallies on different scales do not merge: that is an error wrapping
// satmetrics.ErrIncompatible, and t is unchanged. The zero Tally (or any
// empty tally on the default Five scale) is the exception in both places:
// merging it changes nothing, and merging into it gives it the scale of u,
// so that a fresh accumulator, such as one that satmetrics.Groups creates,
// can receive any tally. Merging a tally into itself doubles it.
func (t *Tally) Merge(u *Tally) error { return t.core().Merge(u.core()) }

func (t *Tally) empty() bool { return t.c.Total() == 0 }

// N returns the number of responses.
func (t *Tally) N() int64 { return t.c.Total() }

// Count returns the number of responses with rating r (0 if r is not on the
// scale).
func (t *Tally) Count(r Rating) int64 { return t.core().Count(r) }

// Weight returns the sum of weights of the responses with rating r (their
// count for an unweighted tally; 0 if r is not on the scale).
func (t *Tally) Weight(r Rating) float64 { return t.core().Weight(r) }

// Weighted reports whether a weighted response has been added to t (or to a
// tally merged into it).
func (t *Tally) Weighted() bool { return t.c.Weighted() }

// TotalWeight returns the sum of the weights of all responses (N for an
// unweighted tally).
func (t *Tally) TotalWeight() float64 { return t.c.TotalW() }

// EffectiveN returns Kish's effective sample size (Σw)²/Σw² of t, which is
// N for an unweighted tally and 0 for an empty one.
func (t *Tally) EffectiveN() float64 { return t.c.EffectiveN() }

// totals returns the total weight and Kish's effective sample size. A total
// weight of zero is an error wrapping satmetrics.ErrNoData, and weights so
// extreme that these are not finite (their squares overflow or underflow)
// one wrapping satmetrics.ErrUndefined.
func (t *Tally) totals() (w, neff float64, err error) { return t.core().Totals() }

// Equal reports whether t and u are on the same scale and have the same
// counts and, when weighted, the same weights (to within a relative 1e-12,
// the rounding that merging in another order may cause).
func (t *Tally) Equal(u *Tally) bool { return t.core().Equal(u.core()) }

// A Point is one rating of a tally's distribution.
type Point struct {
	Rating  Rating  `json:"rating"`
	Label   string  `json:"label,omitempty"` // the scale's label for the rating, if any
	N       int64   `json:"n"`               // number of responses
	Weight  float64 `json:"weight"`          // sum of their weights (N when unweighted)
	Percent float64 `json:"percent"`         // 100 Weight / total weight
}

// Distribution returns every point of the scale, from 1 up, with its
// label, count, weight and percentage. It returns an error wrapping
// satmetrics.ErrNoData if the total weight is zero.
func (t *Tally) Distribution() ([]Point, error) {
	return points.Distribution(&t.c, "csat", t.scale.Points(), func(i int, n int64, w, percent float64) Point {
		r := Rating(i + 1)
		return Point{Rating: r, Label: t.scale.Label(r), N: n, Weight: w, Percent: percent}
	})
}

// AppendBinary appends the binary encoding of t to b (encoding.BinaryAppender).
// The layout is
//
//	version   1 byte, 1
//	tag       1 byte, 'C'
//	scale     1 byte: 0 Five, 1 Three, 2 Seven, 3 Ten, 4 Binary
//	flags     1 byte: bit 0 set if weighted
//	counts    K unsigned varints, for ratings 1 to K (K points on the scale)
//	weights   if weighted: K+1 pairs of little-endian float64 (compensated sum
//	          and its compensation), the weights of ratings 1 to K and then
//	          the sum of squared weights.
func (t Tally) AppendBinary(b []byte) ([]byte, error) { return t.core().AppendBinary(b), nil }

// MarshalBinary returns the binary encoding of t, described at AppendBinary.
func (t Tally) MarshalBinary() ([]byte, error) {
	return t.AppendBinary(make([]byte, 0, 16))
}

// UnmarshalBinary replaces t with the tally that data encodes. Truncated
// input, trailing bytes, another version or kind of tally, an unknown scale
// and impossible counts or weights are errors wrapping satmetrics.ErrCorrupt,
// and leave t unchanged.
func (t *Tally) UnmarshalBinary(data []byte) error { return t.core().UnmarshalBinary(data) }

type tallyJSON struct {
	Scale Scale `json:"scale"`
	points.JSON
}

// MarshalJSON encodes t as
//
//	{"scale": "1-5", "counts": [a count per rating, from 1 up]}
//
// with, for a weighted tally, "weights" (a sum of weights per rating) and
// "sum_w2" (the sum of squared weights).
func (t Tally) MarshalJSON() ([]byte, error) {
	return json.Marshal(tallyJSON{Scale: t.scale, JSON: t.c.ToJSON(t.scale.Points())})
}

// UnmarshalJSON replaces t with the tally that data encodes, as MarshalJSON
// writes it. A missing scale means Five. An unknown scale, counts that do
// not match the scale, negative counts and negative or non-finite weights
// are errors wrapping satmetrics.ErrCorrupt, and leave t unchanged.
func (t *Tally) UnmarshalJSON(data []byte) error {
	var j tallyJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return points.Corrupt("csat", err)
	}
	return t.core().FromJSON(j.Scale, j.JSON)
}
