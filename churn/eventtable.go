package churn

import (
	"fmt"
	"math"
	"strconv"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/stable"
)

// A Subject is one customer's observed lifetime, for survival analysis:
// durations are measured from each customer's own origin (their first
// start, say) in any unit the caller chooses (days, months), the same unit
// for every subject of a table.
//
// Entry is the duration at which the customer came under observation. It is
// 0 for customers observed from their origin. A positive Entry is late entry
// (left truncation): a customer who signed up before the data begins enters
// the risk set only at the age they had when it began, and is at risk at the
// times t with Entry < t <= Exit, as in R's Surv(entry, exit, event).
// Customers with Entry 0 are at risk at every t <= Exit, including t = 0.
type Subject struct {
	Entry float64 `json:"entry"` // duration at which observation began; 0 for none
	Exit  float64 `json:"exit"`  // duration at the event or at censoring
	Event bool    `json:"event"` // true if the customer churned at Exit, false if still active (censored)
}

// String returns the subject as "entry 0, exit 12, event" or "..., censored".
func (s Subject) String() string {
	status := "censored"
	if s.Event {
		status = "event"
	}
	return "entry " + strconv.FormatFloat(s.Entry, 'g', -1, 64) + ", exit " +
		strconv.FormatFloat(s.Exit, 'g', -1, 64) + ", " + status
}

// Validate returns nil for a subject with finite, non-negative durations
// and Exit > Entry when Entry is positive, and otherwise an error wrapping
// ErrNotFinite, ErrNegative or ErrSequence (an exit at or before the entry).
func (s Subject) Validate() error {
	if err := checkNonNegative("entry", s.Entry); err != nil {
		return err
	}
	if err := checkNonNegative("exit", s.Exit); err != nil {
		return err
	}
	if s.Entry > 0 && !(s.Exit > s.Entry) {
		return fmt.Errorf("churn: exit %v is not after entry %v: %w", s.Exit, s.Entry, ErrSequence)
	}
	return nil
}

// An EventTable is the mergeable state of a survival analysis: for every
// distinct duration, the number of subjects who had the event (churned),
// were censored, or entered late at it, with the sum of their weights once
// any weighted subject has been added; and the number of subjects at risk
// from the origin. The Kaplan-Meier curve, the Nelson-Aalen cumulative hazard
// and the log-rank test are computed from it, so a curve can be built from
// data that arrives in parts: build one table per part (per worker, per
// day) and Merge them.
//
// Memory is proportional to the number of distinct durations, not of
// subjects, once the table has been compacted; subjects added since the last
// compaction are buffered and folded in when the buffer has grown as large
// as the table, so Add costs amortized O(log n) and allocates nothing beyond
// the buffer's growth.
//
// The zero value is an empty table ready to use. An EventTable is not safe
// for concurrent use, even for reading (reading compacts the buffer): give
// each goroutine its own and Merge them.
type EventTable struct {
	// compacted rows, sorted by time, each with at least one non-zero count
	t       []float64
	d, c, e []int64 // events, censored and late entries at t[i]
	// weights of the rows, when weighted
	wd, wc, we []stable.Sum

	base     int64 // subjects at risk from the origin (Entry 0)
	baseW    stable.Sum
	rejected int64 // records refused by Add
	weighted bool

	pend    []pending // added since the last compaction
	scratch []pending // the radix sort's buffer, kept between compactions
}

// pending is one buffered time: an exit or a late entry.
type pending struct {
	t    float64
	w    float64
	kind uint8
}

const (
	kindEvent uint8 = iota
	kindCensor
	kindEntry
)

// Add adds a subject observed from its origin to the table, with weight 1:
// it churned at duration exit if event is true, and was still active
// (censored) at exit otherwise. It is short for AddSubject(Subject{Exit:
// exit, Event: event}).
func (t *EventTable) Add(exit float64, event bool) error {
	return t.AddWeighted(Subject{Exit: exit, Event: event}, 1)
}

// AddSubject adds s with weight 1.
func (t *EventTable) AddSubject(s Subject) error {
	return t.AddWeighted(s, 1)
}

// AddWeighted adds s with case weight w: a weight of 2 counts as two
// identical subjects. A subject of weight 0 is kept in the counts but
// contributes nothing to the estimates.
//
// An invalid subject (see Subject.Validate) or weight (see
// satmetrics.CheckWeight) is not added: the error is a *RecordError whose
// Index is the number of records offered to t before it, and the table
// counts it in Rejected, so that Subjects() + Rejected() is the number of
// records offered.
func (t *EventTable) AddWeighted(s Subject, w float64) error {
	err := s.Validate()
	if err == nil {
		err = satmetrics.CheckWeight(w)
	}
	if err != nil {
		idx := t.Subjects() + t.rejected
		t.rejected++
		return recordErr(int(idx), "subject "+s.String(), err)
	}
	if w != 1 && !t.weighted {
		t.weigh()
	}
	kind := kindCensor
	if s.Event {
		kind = kindEvent
	}
	t.pend = append(t.pend, pending{t: s.Exit + 0, w: w, kind: kind}) // + 0 turns -0 into +0
	if s.Entry > 0 {
		t.pend = append(t.pend, pending{t: s.Entry, w: w, kind: kindEntry})
	} else {
		t.base++
		if t.weighted {
			t.baseW.Add(w)
		}
	}
	if len(t.pend) >= 1024 && len(t.pend) > len(t.t) {
		t.compact()
	}
	return nil
}

// weigh switches t to weighted mode: every subject so far has weight 1.
func (t *EventTable) weigh() {
	t.weighted = true
	t.baseW = stable.Sum{}
	t.baseW.Add(float64(t.base))
	t.wd, t.wc, t.we = sumsOf(t.d), sumsOf(t.c), sumsOf(t.e)
}

func sumsOf(n []int64) []stable.Sum {
	s := make([]stable.Sum, len(n), cap(n))
	for i, v := range n {
		s[i].Add(float64(v))
	}
	return s
}

// Subjects returns the number of subjects added (and merged), of any weight.
func (t *EventTable) Subjects() int64 {
	n := t.base
	for _, v := range t.e {
		n += v
	}
	for _, p := range t.pend {
		if p.kind == kindEntry {
			n++
		}
	}
	return n
}

// Events returns the number of subjects who had the event (churned).
func (t *EventTable) Events() int64 {
	t.compact()
	var n int64
	for _, v := range t.d {
		n += v
	}
	return n
}

// Rejected returns the number of records that AddWeighted (or Add or
// AddSubject) refused, summed over merged tables.
func (t *EventTable) Rejected() int64 { return t.rejected }

// Weighted reports whether any subject has been added with a weight other
// than 1.
func (t *EventTable) Weighted() bool { return t.weighted }

// Len returns the number of distinct durations in the table.
func (t *EventTable) Len() int {
	t.compact()
	return len(t.t)
}

// compact folds the buffer into the sorted rows.
func (t *EventTable) compact() {
	if len(t.pend) == 0 {
		return
	}
	t.scratch = sortPending(t.pend, t.scratch)
	p := t.pend
	// Count the buffered durations that the table lacks.
	added := 0
	for i, j := 0, 0; i < len(p); {
		x := p[i].t
		for j < len(t.t) && t.t[j] < x {
			j++
		}
		if j == len(t.t) || t.t[j] != x {
			added++
		}
		for i < len(p) && p[i].t == x {
			i++
		}
	}
	// Grow the rows (in place when capacity allows) and merge from the
	// back, so that the rows already in place need not move and, when no
	// duration is new, nothing is allocated.
	old := len(t.t)
	n := old + added
	t.t = growTo(t.t, n)
	t.d, t.c, t.e = growTo(t.d, n), growTo(t.c, n), growTo(t.e, n)
	if t.weighted {
		t.wd, t.wc, t.we = growTo(t.wd, n), growTo(t.wc, n), growTo(t.we, n)
	}
	k, i := n-1, old-1
	for q := len(p) - 1; q >= 0; {
		x := p[q].t
		for i >= 0 && t.t[i] > x {
			t.moveRow(k, i)
			k--
			i--
		}
		if i >= 0 && t.t[i] == x {
			t.moveRow(k, i)
			i--
		} else {
			t.t[k], t.d[k], t.c[k], t.e[k] = x, 0, 0, 0
			if t.weighted {
				t.wd[k], t.wc[k], t.we[k] = stable.Sum{}, stable.Sum{}, stable.Sum{}
			}
		}
		for ; q >= 0 && p[q].t == x; q-- {
			switch p[q].kind {
			case kindEvent:
				t.d[k]++
			case kindCensor:
				t.c[k]++
			default:
				t.e[k]++
			}
			if t.weighted {
				switch p[q].kind {
				case kindEvent:
					t.wd[k].Add(p[q].w)
				case kindCensor:
					t.wc[k].Add(p[q].w)
				default:
					t.we[k].Add(p[q].w)
				}
			}
		}
		k--
	}
	t.pend = t.pend[:0]
}

// growTo returns s extended to length n, reallocating only when its
// capacity is short.
func growTo[T any](s []T, n int) []T {
	if n <= cap(s) {
		return s[:n]
	}
	return append(s, make([]T, n-len(s))...)
}

// moveRow copies row i to row k (k >= i).
func (t *EventTable) moveRow(k, i int) {
	if k == i {
		return
	}
	t.t[k], t.d[k], t.c[k], t.e[k] = t.t[i], t.d[i], t.c[i], t.e[i]
	if t.weighted {
		t.wd[k], t.wc[k], t.we[k] = t.wd[i], t.wc[i], t.we[i]
	}
}

// mergeRows merges the compacted rows of u into those of t. Both must have
// the same weighted mode.
func (t *EventTable) mergeRows(u *EventTable) {
	if len(u.t) == 0 {
		return
	}
	if len(t.t) == 0 {
		t.t, t.d, t.c, t.e = append(t.t, u.t...), append(t.d, u.d...), append(t.c, u.c...), append(t.e, u.e...)
		if t.weighted {
			t.wd, t.wc, t.we = append(t.wd, u.wd...), append(t.wc, u.wc...), append(t.we, u.we...)
		}
		return
	}
	n := len(t.t) + len(u.t)
	var r EventTable
	r.t = make([]float64, 0, n)
	r.d, r.c, r.e = make([]int64, 0, n), make([]int64, 0, n), make([]int64, 0, n)
	if t.weighted {
		r.wd, r.wc, r.we = make([]stable.Sum, 0, n), make([]stable.Sum, 0, n), make([]stable.Sum, 0, n)
	}
	i, j := 0, 0
	for i < len(t.t) || j < len(u.t) {
		switch {
		case j == len(u.t) || (i < len(t.t) && t.t[i] < u.t[j]):
			r.appendRow(t, i)
			i++
		case i == len(t.t) || u.t[j] < t.t[i]:
			r.appendRow(u, j)
			j++
		default:
			r.appendRow(t, i)
			k := len(r.t) - 1
			r.d[k] += u.d[j]
			r.c[k] += u.c[j]
			r.e[k] += u.e[j]
			if t.weighted {
				r.wd[k].Merge(u.wd[j])
				r.wc[k].Merge(u.wc[j])
				r.we[k].Merge(u.we[j])
			}
			i++
			j++
		}
	}
	t.t, t.d, t.c, t.e, t.wd, t.wc, t.we = r.t, r.d, r.c, r.e, r.wd, r.wc, r.we
}

func (r *EventTable) appendRow(s *EventTable, i int) {
	r.t = append(r.t, s.t[i])
	r.d, r.c, r.e = append(r.d, s.d[i]), append(r.c, s.c[i]), append(r.e, s.e[i])
	if s.weighted {
		r.wd, r.wc, r.we = append(r.wd, s.wd[i]), append(r.wc, s.wc[i]), append(r.we, s.we[i])
	}
}

// Merge adds the subjects of u to t, as if every subject added to u had
// been added to t; the counts of rejected records add up too. Merge is
// associative and commutative, exactly for the counts and to within
// rounding for the weights, and the zero EventTable is its identity. u is
// not changed (merging t into itself doubles every count).
func (t *EventTable) Merge(u *EventTable) {
	if u == t {
		c := t.clone()
		u = &c
	}
	t.compact()
	v := u
	if len(u.pend) > 0 {
		c := u.clone()
		c.compact()
		v = &c
	}
	if v.weighted && !t.weighted {
		t.weigh()
	}
	if t.weighted && !v.weighted {
		c := v.clone()
		c.weigh()
		v = &c
	}
	t.base += v.base
	if t.weighted {
		t.baseW.Merge(v.baseW)
	}
	t.rejected += v.rejected
	t.mergeRows(v)
}

// clone returns a deep copy of t.
func (t *EventTable) clone() EventTable {
	c := *t
	c.t = append([]float64(nil), t.t...)
	c.d, c.c, c.e = append([]int64(nil), t.d...), append([]int64(nil), t.c...), append([]int64(nil), t.e...)
	if t.weighted {
		c.wd, c.wc, c.we = append([]stable.Sum(nil), t.wd...), append([]stable.Sum(nil), t.wc...), append([]stable.Sum(nil), t.we...)
	}
	c.pend = append([]pending(nil), t.pend...)
	c.scratch = nil
	return c
}

// Reset empties t, keeping its memory for reuse.
func (t *EventTable) Reset() {
	*t = EventTable{t: t.t[:0], d: t.d[:0], c: t.c[:0], e: t.e[:0], pend: t.pend[:0], scratch: t.scratch}
}

// Equal reports whether t and u hold the same subjects: the same counts at
// the same durations, the same number of rejected records and, when
// weighted, weights equal to within a relative 1e-12 (compensated sums
// merged in different orders may differ in the last bits).
func (t *EventTable) Equal(u *EventTable) bool {
	t.compact()
	u.compact()
	if t.base != u.base || t.rejected != u.rejected || t.weighted != u.weighted || len(t.t) != len(u.t) {
		return false
	}
	for i := range t.t {
		if t.t[i] != u.t[i] || t.d[i] != u.d[i] || t.c[i] != u.c[i] || t.e[i] != u.e[i] {
			return false
		}
	}
	if !t.weighted {
		return true
	}
	if !closeRel(t.baseW.Value(), u.baseW.Value()) {
		return false
	}
	for i := range t.t {
		if !closeRel(t.wd[i].Value(), u.wd[i].Value()) || !closeRel(t.wc[i].Value(), u.wc[i].Value()) ||
			!closeRel(t.we[i].Value(), u.we[i].Value()) {
			return false
		}
	}
	return true
}

func closeRel(a, b float64) bool {
	return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}

// A Row is one distinct duration of an EventTable with the subjects at risk
// just before it and what happened at it. Counts are weighted sums when
// the table is weighted.
type Row struct {
	Time     float64 `json:"time"`
	AtRisk   float64 `json:"at_risk"`  // subjects at risk at Time (entered before it, not yet exited)
	Events   float64 `json:"events"`   // subjects who churned at Time
	Censored float64 `json:"censored"` // subjects censored at Time
	Entered  float64 `json:"entered"`  // subjects who entered late at Time (at risk only after it)
}

// Rows returns the rows of the table in order of duration, with the risk
// set of each,
//
//	n_j = (subjects from the origin) + Σ_{t_k < t_j} (entered_k - events_k - censored_k),
//
// in weights when the table is weighted. It returns an error wrapping
// satmetrics.ErrNoData for an empty table.
func (t *EventTable) Rows() ([]Row, error) {
	t.compact()
	if len(t.t) == 0 {
		return nil, fmt.Errorf("churn: event table is empty: %w", satmetrics.ErrNoData)
	}
	if err := t.checkWeight("rows"); err != nil {
		return nil, err
	}
	rows := make([]Row, len(t.t))
	var risk stable.Sum
	risk.Add(t.baseWeight())
	for i := range t.t {
		d, c, e := t.weights(i)
		rows[i] = Row{Time: t.t[i], AtRisk: clampZero(risk.Value()), Events: d, Censored: c, Entered: e}
		risk.Add(e)
		risk.Add(-d)
		risk.Add(-c)
	}
	return rows, nil
}

// clampZero turns the tiny negative values that rounding can leave in a
// risk set that should be 0 into 0.
func clampZero(x float64) float64 {
	if x < 0 {
		return 0
	}
	return x
}

// checkWeight returns an error wrapping satmetrics.ErrUndefined if the
// total weight of t's subjects overflows, which only absurd weights (near
// the largest float64) can cause.
func (t *EventTable) checkWeight(what string) error {
	if !t.weighted {
		return nil
	}
	var s stable.Sum
	s.Merge(t.baseW)
	for i := range t.we {
		s.Merge(t.we[i])
	}
	if v := s.Value(); math.IsInf(v, 0) || math.IsNaN(v) || v > 1e300 {
		return fmt.Errorf("churn: %s: total weight %v overflows: %w", what, v, satmetrics.ErrUndefined)
	}
	return nil
}

func (t *EventTable) baseWeight() float64 {
	if t.weighted {
		return t.baseW.Value()
	}
	return float64(t.base)
}

// weights returns the event, censoring and entry weights of row i.
func (t *EventTable) weights(i int) (d, c, e float64) {
	if t.weighted {
		return t.wd[i].Value(), t.wc[i].Value(), t.we[i].Value()
	}
	return float64(t.d[i]), float64(t.c[i]), float64(t.e[i])
}

// TableOf returns the event table of subjects observed from their origin,
// with exits[i] the duration of subject i and events[i] whether it churned
// then (rather than being censored). It is the fast path for large data
// sets: the durations are sorted once, by radix. It panics if the slices
// differ in length (a programming error); a negative or non-finite duration
// is an error (a *RecordError naming its index), and no table is returned.
func TableOf(exits []float64, events []bool) (*EventTable, error) {
	keys, err := sortedKeys("TableOf", exits, events)
	if err != nil {
		return nil, err
	}
	distinct := countDistinct(keys)
	t := &EventTable{base: int64(len(keys))}
	t.t = make([]float64, 0, distinct)
	t.d, t.c, t.e = make([]int64, 0, distinct), make([]int64, 0, distinct), make([]int64, distinct)
	for i := 0; i < len(keys); {
		x, d, c, j := run(keys, i)
		t.t, t.d, t.c = append(t.t, x), append(t.d, d), append(t.c, c)
		i = j
	}
	return t, nil
}

// sortedKeys validates the durations and returns them sorted as keys that
// hold a duration's bits shifted left by one (the sign bit of a
// non-negative float is 0, so nothing is lost) with the event flag in the
// freed low bit: one radix sort orders by duration and groups events and
// censorings within each.
func sortedKeys(fn string, exits []float64, events []bool) ([]uint64, error) {
	if len(exits) != len(events) {
		panic("churn: " + fn + ": " + strconv.Itoa(len(exits)) + " durations and " + strconv.Itoa(len(events)) + " event flags")
	}
	keys := make([]uint64, len(exits))
	for i, x := range exits {
		if err := checkNonNegative("exit", x); err != nil {
			return nil, recordErr(i, "subject "+Subject{Exit: x, Event: events[i]}.String(), err)
		}
		k := math.Float64bits(x+0) << 1 // + 0 turns -0 into +0
		if events[i] {
			k |= 1
		}
		keys[i] = k
	}
	radixSort64(keys)
	return keys, nil
}

func countDistinct(keys []uint64) int {
	n := 0
	for i, k := range keys {
		if i == 0 || k>>1 != keys[i-1]>>1 {
			n++
		}
	}
	return n
}

// run returns the duration of keys[i], the events and censorings at it,
// and the index after its run.
func run(keys []uint64, i int) (x float64, d, c int64, next int) {
	k := keys[i] >> 1
	for next = i; next < len(keys) && keys[next]>>1 == k; next++ {
		if keys[next]&1 != 0 {
			d++
		} else {
			c++
		}
	}
	return math.Float64frombits(k), d, c, next
}
