package satmetrics

import (
	"cmp"
	"encoding/json"
	"fmt"
	"iter"
	"reflect"
	"slices"
)

// Groups holds one accumulator of type A per key of type K: the tallies of
// "NPS per channel", "CSAT per month" or "CES per team per week". Keys are
// periods (Period), segments (strings such as a channel or a team) or both
// (SegmentPeriod); the accumulator is any type whose zero value is ready, such
// as nps.Tally.
//
// The zero value is an empty grouping ready to use. Keys iterate in their
// natural order (Compare if the key type has a Compare method, otherwise the
// order of strings and numbers) unless Compare is set.
//
// A Groups is not safe for concurrent use; give each goroutine its own and
// Merge them.
type Groups[K comparable, A any] struct {
	// Compare orders the keys for iteration. If nil, keys use their natural
	// order: a Compare(K) int method, or < for strings and numbers.
	Compare func(a, b K) int

	m map[K]*A
}

// At returns the accumulator for key k, creating a zero one the first time k
// is seen. Only that first time allocates.
func (g *Groups[K, A]) At(k K) *A {
	if a, ok := g.m[k]; ok {
		return a
	}
	if g.m == nil {
		g.m = make(map[K]*A)
	}
	a := new(A)
	g.m[k] = a
	return a
}

// Get returns the accumulator for key k and whether k has one.
func (g *Groups[K, A]) Get(k K) (*A, bool) {
	a, ok := g.m[k]
	return a, ok
}

// Len returns the number of keys.
func (g *Groups[K, A]) Len() int { return len(g.m) }

// Keys returns the keys in order.
func (g *Groups[K, A]) Keys() []K {
	keys := make([]K, 0, len(g.m))
	for k := range g.m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, g.compare())
	return keys
}

// All returns an iterator over the keys and their accumulators, in key
// order. The accumulators are the grouping's own: changing one changes the
// grouping.
func (g *Groups[K, A]) All() iter.Seq2[K, *A] {
	return func(yield func(K, *A) bool) {
		for _, k := range g.Keys() {
			if !yield(k, g.m[k]) {
				return
			}
		}
	}
}

// Merge folds every accumulator of h into the accumulator of g with the same
// key, creating keys that g lacks, as if every item added to h had been added
// to g. merge is the accumulator's merge, typically a method expression such
// as (*nps.Tally).Merge. Keys are merged in order; if merge fails, Merge stops
// and returns the error, wrapped with the key, and g holds the keys merged
// before it.
func (g *Groups[K, A]) Merge(h *Groups[K, A], merge func(dst, src *A) error) error {
	if g == h {
		return fmt.Errorf("satmetrics: merge a grouping into itself: %w", ErrIncompatible)
	}
	for k, a := range h.All() {
		if err := merge(g.At(k), a); err != nil {
			return fmt.Errorf("satmetrics: merge key %v: %w", k, err)
		}
	}
	return nil
}

// Series returns an iterator over the periods from first to last, both
// included, with each period's accumulator in g, or a pointer to a fresh zero
// accumulator (not stored in g) for a period that has none, so that a trend
// has no holes. It yields nothing if the two periods are of different kinds or
// last is before first.
func Series[A any](g *Groups[Period, A], first, last Period) iter.Seq2[Period, *A] {
	return func(yield func(Period, *A) bool) {
		for p := range PeriodRange(first, last) {
			a, ok := g.m[p]
			if !ok {
				a = new(A)
			}
			if !yield(p, a) {
				return
			}
		}
	}
}

type entry[K any, A any] struct {
	Key   K  `json:"key"`
	Value *A `json:"value"`
}

// MarshalJSON encodes the grouping as an array of {"key": ..., "value": ...}
// objects in key order.
func (g *Groups[K, A]) MarshalJSON() ([]byte, error) {
	es := make([]entry[K, A], 0, len(g.m))
	for k, a := range g.All() {
		es = append(es, entry[K, A]{k, a})
	}
	return json.Marshal(es)
}

// UnmarshalJSON decodes what MarshalJSON encodes, replacing the contents of g.
// A key that appears twice is an error.
func (g *Groups[K, A]) UnmarshalJSON(b []byte) error {
	var es []entry[K, A]
	if err := json.Unmarshal(b, &es); err != nil {
		return err
	}
	m := make(map[K]*A, len(es))
	for _, e := range es {
		if _, dup := m[e.Key]; dup {
			return fmt.Errorf("satmetrics: decode grouping: key %v appears twice: %w", e.Key, ErrCorrupt)
		}
		if e.Value == nil {
			e.Value = new(A)
		}
		m[e.Key] = e.Value
	}
	g.m = m
	return nil
}

func (g *Groups[K, A]) compare() func(a, b K) int {
	if g.Compare != nil {
		return g.Compare
	}
	return naturalCompare[K]
}

// naturalCompare orders keys by their Compare method, or as strings, integers
// or floats by their underlying kind. Keys of other types compare by their
// printed form, so that iteration is at least deterministic.
func naturalCompare[K comparable](a, b K) int {
	if c, ok := any(a).(interface{ Compare(K) int }); ok {
		return c.Compare(b)
	}
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	switch va.Kind() {
	case reflect.String:
		return cmp.Compare(va.String(), vb.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(va.Int(), vb.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(va.Uint(), vb.Uint())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(va.Float(), vb.Float())
	case reflect.Bool:
		return cmp.Compare(boolInt(va.Bool()), boolInt(vb.Bool()))
	}
	return cmp.Compare(fmt.Sprint(a), fmt.Sprint(b))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A SegmentPeriod is a two-part grouping key: a segment (a channel, team,
// plan or region) and a period, as in "NPS per channel per month". Keys order
// by segment and then by period, so that each segment's periods are
// contiguous.
type SegmentPeriod struct {
	Segment string `json:"segment"`
	Period  Period `json:"period"`
}

// Compare orders by Segment, then by Period.
func (k SegmentPeriod) Compare(o SegmentPeriod) int {
	if c := cmp.Compare(k.Segment, o.Segment); c != 0 {
		return c
	}
	return k.Period.Compare(o.Period)
}
