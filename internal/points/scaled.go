package points

import (
	"encoding/json"
	"fmt"

	"github.com/satmetrics/satmetrics"
)

// Scale is what Scaled needs of a tally's scale type: a one-byte
// enumeration whose zero value is the default scale, that reports whether
// it is a defined scale, its number of points (0 if it is not defined) and
// its name, which the error messages quote.
type Scale interface {
	~uint8
	Valid() bool
	Points() int
	String() string
}

// Kind is what Scaled needs of a kind of tally, given as a zero-size type:
// the name of its package, which prefixes its error messages ("csat"), and
// the tag byte of its binary encoding (see AppendHeader).
type Kind interface {
	Package() string
	Tag() byte
}

// Scaled is the shared logic of the tallies on one of several scales whose
// ratings run from 1 to the number of points of the scale (csat, ces): scale
// type S, rating type R, kind K. It is a view of a tally's two fields, its
// Counts (point index r-1 for rating r) and its scale, which stay in the
// tally; the tally's methods build a Scaled and forward to it.
//
// The hot path, adding one unweighted rating, stays in the tallies, where it
// inlines; it returns a RangeError for a rating off the scale.
type Scaled[S Scale, R ~uint8, K Kind] struct {
	Counts *Counts
	Scale  *S
}

func pkg[K Kind]() string {
	var k K
	return k.Package()
}

func (t Scaled[S, R, K]) contains(r R) bool { return r >= 1 && int(r) <= (*t.Scale).Points() }

// ratingError reports a rating off the tally's scale.
func ratingError[S Scale, R ~uint8, K Kind](s S, r R) error {
	return fmt.Errorf("%s: rating %d is not on the %v scale: %w", pkg[K](), r, s, satmetrics.ErrRange)
}

// RangeError reports a rating off a tally's scale. It is a two-byte value
// rather than a call so that the tallies' Add methods inline.
type RangeError[S Scale, R ~uint8, K Kind] struct {
	Scale  S
	Rating R
}

func (e RangeError[S, R, K]) Error() string { return ratingError[S, R, K](e.Scale, e.Rating).Error() }

// Unwrap returns satmetrics.ErrRange.
func (e RangeError[S, R, K]) Unwrap() error { return satmetrics.ErrRange }

// Init empties the tally and sets its scale to s, or returns an error
// wrapping satmetrics.ErrRange, and changes nothing, if s is not a defined
// scale.
func (t Scaled[S, R, K]) Init(s S) error {
	if !s.Valid() {
		return fmt.Errorf("%s: scale %v: %w", pkg[K](), s, satmetrics.ErrRange)
	}
	*t.Counts, *t.Scale = Counts{}, s
	return nil
}

// AddWeighted adds one response with rating r and weight w. A weight that
// is negative, NaN or infinite is an error wrapping satmetrics.ErrWeight, and
// a rating off the scale one wrapping satmetrics.ErrRange; either way nothing
// is added.
func (t Scaled[S, R, K]) AddWeighted(r R, w float64) error {
	if err := satmetrics.CheckWeight(w); err != nil {
		return fmt.Errorf("%s: %w", pkg[K](), err)
	}
	if !t.contains(r) {
		return ratingError[S, R, K](*t.Scale, r)
	}
	t.Counts.AddWeighted(int(r)-1, w)
	return nil
}

// AddN adds n responses with rating r. A rating off the scale or a negative
// n is an error wrapping satmetrics.ErrRange.
func (t Scaled[S, R, K]) AddN(r R, n int64) error {
	if !t.contains(r) {
		return ratingError[S, R, K](*t.Scale, r)
	}
	if n < 0 {
		return fmt.Errorf("%s: %d responses: %w", pkg[K](), n, satmetrics.ErrRange)
	}
	t.Counts.AddN(int(r)-1, n)
	return nil
}

// AddAll adds one response for each rating in rs, or none of them and an
// error that names the first rating off the scale and its index.
func (t Scaled[S, R, K]) AddAll(rs []R) error {
	if i := AddAll(t.Counts, rs, 1, (*t.Scale).Points()); i >= 0 {
		return fmt.Errorf("%s: index %d: %w", pkg[K](), i, ratingError[S, R, K](*t.Scale, rs[i]))
	}
	return nil
}

// Merge adds u to t as the package function Merge does, with the tally's
// scale as its configuration. u may be t.
func (t Scaled[S, R, K]) Merge(u Scaled[S, R, K]) error {
	return Merge(t.Counts, t.Scale, u.Counts, *u.Scale, func() error {
		return fmt.Errorf("%s: merge tallies on the %v and %v scales: %w", pkg[K](), *t.Scale, *u.Scale, satmetrics.ErrIncompatible)
	})
}

// Count returns the number of responses with rating r (0 if r is not on the
// scale).
func (t Scaled[S, R, K]) Count(r R) int64 {
	if !t.contains(r) {
		return 0
	}
	return t.Counts.N(int(r) - 1)
}

// Weight returns the sum of weights of the responses with rating r (0 if r
// is not on the scale).
func (t Scaled[S, R, K]) Weight(r R) float64 {
	if !t.contains(r) {
		return 0
	}
	return t.Counts.W(int(r) - 1)
}

// Totals returns Counts.Totals with the tally's package prefix.
func (t Scaled[S, R, K]) Totals() (w, neff float64, err error) { return t.Counts.Totals(pkg[K]()) }

// Equal reports whether t and u are on the same scale and have equal
// Counts.
func (t Scaled[S, R, K]) Equal(u Scaled[S, R, K]) bool {
	return *t.Scale == *u.Scale && t.Counts.Equal(u.Counts)
}

// AppendBinary appends the binary encoding of the tally to b: the header
// with K's tag and one configuration byte, the scale, then the counts of its
// points.
func (t Scaled[S, R, K]) AppendBinary(b []byte) []byte {
	var k K
	b = AppendHeader(b, k.Tag(), byte(*t.Scale))
	return t.Counts.AppendBinary(b, (*t.Scale).Points())
}

// UnmarshalBinary replaces the tally with the one that data encodes, as
// AppendBinary writes it, or returns a Corrupt error and changes nothing.
func (t Scaled[S, R, K]) UnmarshalBinary(data []byte) error {
	var k K
	var s S
	c, err := DecodeTally(data, k.Package(), k.Tag(), 1, func(config []byte) (int, error) {
		if s = S(config[0]); !s.Valid() {
			return 0, fmt.Errorf("scale %d", config[0])
		}
		return s.Points(), nil
	})
	if err != nil {
		return err
	}
	*t.Counts, *t.Scale = c, s
	return nil
}

// scaledJSON is the JSON form of a Scaled tally.
type scaledJSON[S Scale] struct {
	Scale S `json:"scale"`
	JSON
}

// MarshalJSON encodes the tally as its scale ("scale", as S marshals
// itself) and the fields of its Counts' JSON form.
func (t Scaled[S, R, K]) MarshalJSON() ([]byte, error) {
	return json.Marshal(scaledJSON[S]{Scale: *t.Scale, JSON: t.Counts.ToJSON((*t.Scale).Points())})
}

// UnmarshalJSON replaces the tally with the one that data encodes, as
// MarshalJSON writes it (a missing scale is the zero S), or returns a
// Corrupt error and changes nothing. (The scale types of csat and ces refuse
// undefined scales as they unmarshal themselves; Valid is checked again for
// a type that does not.)
func (t Scaled[S, R, K]) UnmarshalJSON(data []byte) error {
	var j scaledJSON[S]
	if err := json.Unmarshal(data, &j); err != nil {
		return Corrupt(pkg[K](), err)
	}
	if !j.Scale.Valid() {
		return Corrupt(pkg[K](), fmt.Errorf("scale %v", j.Scale))
	}
	var c Counts
	if err := c.FromJSON(j.JSON, j.Scale.Points()); err != nil {
		return Corrupt(pkg[K](), err)
	}
	*t.Counts, *t.Scale = c, j.Scale
	return nil
}
