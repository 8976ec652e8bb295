package points

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
)

// Spec describes a kind of tally on one of several scales whose ratings run
// from 1 to the number of points of the scale (csat, ces), for Scaled.
type Spec struct {
	Package string      // the package's name, which prefixes error messages: "csat"
	Tag     byte        // the tag byte of the binary encoding (see AppendHeader)
	Points  *[256]uint8 // the number of points of each scale, 0 if it is not defined
}

// NewSpec returns the Spec of the tallies of package pkg, with tag tag, on
// the scale type S. table holds the number of points of each scale, at most
// MaxPoints, and 0 for an undefined one; the zero S must be a defined
// scale, the default. The package keeps the table, a static array, for its
// Add method; NewSpec panics unless it agrees with S's Points method, which
// is the reference.
func NewSpec[S interface {
	~uint8
	Points() int
}](pkg string, tag byte, table *[256]uint8) Spec {
	for s, k := range table {
		if int(k) != S(s).Points() || k > MaxPoints || s == 0 && k == 0 {
			panic(fmt.Sprintf("points: scale %d of %s has %d points, Points() = %d", s, pkg, k, S(s).Points()))
		}
	}
	return Spec{Package: pkg, Tag: tag, Points: table}
}

// Scaled is the shared logic of the tallies on one of several scales whose
// ratings run from 1 to the number of points of the scale (csat, ces): scale
// type S (whose zero value is the default scale, and whose String method
// names a scale in error messages) and rating type R. It is a view of a
// tally's two fields, its Counts (point index r-1 for rating r) and its
// scale, which stay in the tally; the tally's methods build a Scaled and
// forward to it.
//
// The hot paths, adding one unweighted rating and a column of them, stay in
// the tallies, which call Counts.Add and the function AddAll themselves: Add
// inlines there, and neither pays for the generic forwarding. Scaled builds
// their error texts (Spec.RatingError, AddAllError).
type Scaled[S, R ~uint8] struct {
	Spec   *Spec
	Counts *Counts
	Scale  *S
}

// points returns the number of points of the tally's scale.
func (t Scaled[S, R]) points() int { return int(t.Spec.Points[*t.Scale]) }

func (t Scaled[S, R]) contains(r R) bool { return r >= 1 && int(r) <= t.points() }

// RatingError returns the error for rating r, which is not on scale s: it
// names both and wraps satmetrics.ErrRange.
func (sp *Spec) RatingError(s, r any) error {
	return fmt.Errorf("%s: rating %d is not on the %v scale: %w", sp.Package, r, s, satmetrics.ErrRange)
}

// Init empties the tally and sets its scale to s, or returns an error
// wrapping satmetrics.ErrRange, and changes nothing, if s is not a defined
// scale.
func (t Scaled[S, R]) Init(s S) error {
	if t.Spec.Points[s] == 0 {
		return fmt.Errorf("%s: scale %v: %w", t.Spec.Package, s, satmetrics.ErrRange)
	}
	*t.Counts, *t.Scale = Counts{}, s
	return nil
}

// AddWeighted adds one response with rating r and weight w. A weight that
// is negative, NaN or infinite is an error wrapping satmetrics.ErrWeight, and
// a rating off the scale one wrapping satmetrics.ErrRange; either way nothing
// is added.
func (t Scaled[S, R]) AddWeighted(r R, w float64) error {
	if validWeight(w) && t.contains(r) {
		t.Counts.AddWeighted(int(r)-1, w)
		return nil
	}
	return t.addWeightedError(r, w)
}

// validWeight reports whether satmetrics.CheckWeight accepts w (finite and
// non-negative), without a call: it keeps the valid path of AddWeighted free
// of calls but one. TestValidWeight holds the two together.
func validWeight(w float64) bool { return w >= 0 && w <= math.MaxFloat64 }

// addWeightedError returns the error of AddWeighted(r, w) for a weight or a
// rating that is not valid, out of line so that the valid path needs only a
// small frame.
func (t Scaled[S, R]) addWeightedError(r R, w float64) error {
	if err := satmetrics.CheckWeight(w); err != nil {
		return fmt.Errorf("%s: %w", t.Spec.Package, err)
	}
	return t.Spec.RatingError(*t.Scale, r)
}

// AddN adds n responses with rating r. A rating off the scale or a negative
// n is an error wrapping satmetrics.ErrRange.
func (t Scaled[S, R]) AddN(r R, n int64) error {
	if !t.contains(r) {
		return t.Spec.RatingError(*t.Scale, r)
	}
	if n < 0 {
		return fmt.Errorf("%s: %d responses: %w", t.Spec.Package, n, satmetrics.ErrRange)
	}
	t.Counts.AddN(int(r)-1, n)
	return nil
}

// AddAllError returns the error of a tally's AddAll(rs) when AddAll
// (the package function, which the tally calls itself) finds rs[i] off the
// scale: it names the rating and its index.
func (t Scaled[S, R]) AddAllError(rs []R, i int) error {
	return fmt.Errorf("%s: index %d: %w", t.Spec.Package, i, t.Spec.RatingError(*t.Scale, rs[i]))
}

// Merge adds u to t as the package function Merge does, with the tally's
// scale as its configuration. u may be t.
func (t Scaled[S, R]) Merge(u Scaled[S, R]) error {
	return Merge(t.Counts, t.Scale, u.Counts, *u.Scale, func() error {
		return fmt.Errorf("%s: merge tallies on the %v and %v scales: %w", t.Spec.Package, *t.Scale, *u.Scale, satmetrics.ErrIncompatible)
	})
}

// Count returns the number of responses with rating r (0 if r is not on the
// scale).
func (t Scaled[S, R]) Count(r R) int64 {
	if !t.contains(r) {
		return 0
	}
	return t.Counts.N(int(r) - 1)
}

// Weight returns the sum of weights of the responses with rating r (0 if r
// is not on the scale).
func (t Scaled[S, R]) Weight(r R) float64 {
	if !t.contains(r) {
		return 0
	}
	return t.Counts.W(int(r) - 1)
}

// Totals returns Counts.Totals with the tally's package prefix.
func (t Scaled[S, R]) Totals() (w, neff float64, err error) { return t.Counts.Totals(t.Spec.Package) }

// Equal reports whether t and u are on the same scale and have equal
// Counts.
func (t Scaled[S, R]) Equal(u Scaled[S, R]) bool {
	return *t.Scale == *u.Scale && t.Counts.Equal(u.Counts)
}

// AppendBinary appends the binary encoding of the tally to b: the header
// with the Spec's tag and one configuration byte, the scale, then the counts
// of its points.
func (t Scaled[S, R]) AppendBinary(b []byte) []byte {
	b = AppendHeader(b, t.Spec.Tag, byte(*t.Scale))
	return t.Counts.AppendBinary(b, t.points())
}

// UnmarshalBinary replaces the tally with the one that data encodes, as
// AppendBinary writes it, or returns a Corrupt error and changes nothing.
func (t Scaled[S, R]) UnmarshalBinary(data []byte) error {
	var s S
	c, err := DecodeTally(data, t.Spec.Package, t.Spec.Tag, 1, func(config []byte) (int, error) {
		if s = S(config[0]); t.Spec.Points[s] == 0 {
			return 0, fmt.Errorf("scale %d", config[0])
		}
		return int(t.Spec.Points[s]), nil
	})
	if err != nil {
		return err
	}
	*t.Counts, *t.Scale = c, s
	return nil
}

// FromJSON replaces the tally with the one on scale s whose counts j
// describes, as the tally's package has decoded them from its JSON form
// (which names the Go type in json's errors, and so is the package's own),
// or returns a Corrupt error and changes nothing.
func (t Scaled[S, R]) FromJSON(s S, j JSON) error {
	k := int(t.Spec.Points[s])
	if k == 0 {
		// csat and ces refuse undefined scales as they unmarshal them.
		return Corrupt(t.Spec.Package, fmt.Errorf("scale %v", s))
	}
	var c Counts
	if err := c.FromJSON(j, k); err != nil {
		return Corrupt(t.Spec.Package, err)
	}
	*t.Counts, *t.Scale = c, s
	return nil
}
