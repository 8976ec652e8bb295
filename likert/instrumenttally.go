package likert

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/dist"
)

// An InstrumentTally accumulates the answers to an instrument: a Tally per
// item (of the answers as given, before reverse coding), the Reliability of
// the scored items and the moments of the composite scores.
//
// The zero value is an empty tally of no instrument: it is the identity of
// Merge, but Add refuses rows until it has an instrument, from
// NewInstrumentTally or a merge. An InstrumentTally is not safe for
// concurrent use.
type InstrumentTally struct {
	in        Instrument
	items     []Tally
	rel       Reliability
	composite moments
	rows      int64
	scores    []float64
}

// NewInstrumentTally returns an empty tally of instrument in, which it
// copies. An invalid instrument is an error, as for Instrument.Validate.
func NewInstrumentTally(in Instrument) (*InstrumentTally, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	t := &InstrumentTally{in: in.clone()}
	t.items = make([]Tally, len(in.Items))
	for i, it := range in.Items {
		t.items[i] = NewTally(it.Scale)
	}
	t.scores = make([]float64, len(in.Items))
	return t, nil
}

// Instrument returns a copy of the instrument of t.
func (t *InstrumentTally) Instrument() Instrument { return t.in.clone() }

// Item returns the tally of the answers to item i (from 0), as given.
func (t *InstrumentTally) Item(i int) *Tally { return &t.items[i] }

// Reliability returns the reliability accumulator of the scored items.
func (t *InstrumentTally) Reliability() *Reliability { return &t.rel }

// Add adds one respondent's row of codes with weight 1 (see AddWeighted).
// It allocates only the fixed-size buffers of the reliability statistics,
// on first use (see Reliability.AddWeighted).
func (t *InstrumentTally) Add(row []int) error { return t.add(row, 1, false) }

// AddWeighted adds one respondent's row of codes, one per item with Missing
// for an unanswered item, with weight w. A row of the wrong length is an
// error wrapping satmetrics.ErrIncompatible, a bad code one wrapping
// satmetrics.ErrRange and a bad weight one wrapping satmetrics.ErrWeight;
// t is then unchanged. An instrument of one item has no reliability: its
// rows add to the item tally and the composite only.
func (t *InstrumentTally) AddWeighted(row []int, w float64) error { return t.add(row, w, true) }

func (t *InstrumentTally) add(row []int, w float64, weighted bool) error {
	if err := satmetrics.CheckWeight(w); err != nil {
		return err
	}
	if len(t.in.Items) == 0 {
		return fmt.Errorf("likert: add a row to an instrument tally without an instrument: %w", satmetrics.ErrIncompatible)
	}
	if len(t.scores) != len(t.in.Items) {
		t.scores = make([]float64, len(t.in.Items))
	}
	answered, err := t.in.Scores(row, t.scores)
	if err != nil {
		return err
	}
	for i, c := range row {
		if c == Missing {
			continue
		}
		it := &t.items[i]
		low, _ := it.scale.bounds()
		if weighted {
			it.c.AddWeighted(c-low, w)
		} else {
			it.c.Add(c - low)
		}
	}
	t.rows++
	if len(row) >= 2 {
		if err := t.rel.AddWeighted(t.scores, w); err != nil {
			return err // unreachable: the row was checked
		}
	}
	if m, ok := t.in.composite(t.scores, answered); ok {
		t.composite.add(m, w)
	}
	return nil
}

// N returns the number of rows added.
func (t *InstrumentTally) N() int64 { return t.rows }

// Merge adds u to t, as if every row added to u had been added to t. It is
// associative and commutative (exactly for counts, up to rounding for the
// moments) and the zero InstrumentTally is its identity. Tallies of
// different instruments are refused with an error wrapping
// satmetrics.ErrIncompatible, leaving t unchanged.
func (t *InstrumentTally) Merge(u *InstrumentTally) error {
	if len(u.in.Items) == 0 && u.rows == 0 {
		return nil
	}
	if len(t.in.Items) == 0 && t.rows == 0 {
		t.in = u.in.clone()
		t.items = make([]Tally, len(u.items))
		for i := range t.items {
			t.items[i] = NewTally(u.items[i].scale)
		}
		t.scores = make([]float64, len(u.items))
	} else if !t.in.equal(&u.in) {
		return fmt.Errorf("likert: merge tallies of different instruments: %w", satmetrics.ErrIncompatible)
	}
	if err := t.rel.Merge(&u.rel); err != nil {
		return err // unreachable: same instrument, same number of items
	}
	for i := range t.items {
		t.items[i].c.Merge(&u.items[i].c)
	}
	t.composite.merge(u.composite)
	t.rows += u.rows
	return nil
}

// Composite returns the mean composite score of the respondents who have
// one, with the standard error s/√n (Kish's effective n when weighted) and
// the Student t interval on n - 1 degrees of freedom. It returns an error
// wrapping satmetrics.ErrNoData with fewer than two composites, and
// satmetrics.ErrLevel for a bad level.
func (t *InstrumentTally) Composite(level float64) (satmetrics.Estimate, error) {
	return momentsMean(t.composite, level)
}

// momentsMean returns the mean of m with its t interval.
func momentsMean(m moments, level float64) (satmetrics.Estimate, error) {
	if err := satmetrics.CheckLevel(level); err != nil {
		return satmetrics.Estimate{}, err
	}
	n, w, w2, mean := m.n, m.w, m.w2, m.mean
	neff := satmetrics.EffectiveN(w, w2)
	if n < 2 || !(neff > 1) {
		return satmetrics.Estimate{}, fmt.Errorf("likert: mean of %d values: %w", n, satmetrics.ErrNoData)
	}
	se := math.Sqrt(m.variance() / neff)
	tc := dist.StudentTQuantile(1-(1-level)/2, neff-1)
	e := satmetrics.Estimate{
		Value:    mean,
		StdErr:   se,
		Interval: satmetrics.Interval{Lower: mean - tc*se, Upper: mean + tc*se, Level: level, Method: "t"},
		N:        n,
	}
	if w != float64(n) || w2 != float64(n) {
		e.EffectiveN = neff
	}
	return e, e.Check()
}

// instrumentTallyVersion is the first byte of the binary encoding of an
// InstrumentTally.
const instrumentTallyVersion = 1

// AppendBinary appends the binary encoding of t to b. The layout is
//
//	version     1 byte, 1
//	instrument  uvarint length and the instrument's JSON
//	rows        uvarint
//	items       each item's Tally encoding (see Tally.AppendBinary)
//	reliability the Reliability encoding (see Reliability.AppendBinary)
//	composite   uvarint count, float64 weight, squared weight, mean, M2
func (t *InstrumentTally) AppendBinary(b []byte) ([]byte, error) {
	in, err := json.Marshal(&t.in)
	if err != nil {
		return nil, err
	}
	b = append(b, instrumentTallyVersion)
	b = appendUvarint(b, uint64(len(in)))
	b = append(b, in...)
	b = appendUvarint(b, uint64(t.rows))
	for i := range t.items {
		b, _ = t.items[i].AppendBinary(b)
	}
	rel, _ := t.rel.AppendBinary(nil)
	b = appendUvarint(b, uint64(len(rel)))
	b = append(b, rel...)
	return appendMoments(b, t.composite), nil
}

// MarshalBinary returns the binary encoding of t (see AppendBinary).
func (t *InstrumentTally) MarshalBinary() ([]byte, error) { return t.AppendBinary(nil) }

// UnmarshalBinary replaces t with the tally encoded in b. Truncated or
// trailing bytes, an unknown version, an invalid instrument and parts that
// do not fit it are errors wrapping satmetrics.ErrCorrupt; t is then
// unchanged.
func (t *InstrumentTally) UnmarshalBinary(b []byte) error {
	u, err := decodeInstrumentTally(b)
	if err != nil {
		return fmt.Errorf("likert: decode instrument tally: %w", err)
	}
	*t = u
	return nil
}

func decodeInstrumentTally(b []byte) (InstrumentTally, error) {
	if len(b) < 1 {
		return InstrumentTally{}, errTruncated
	}
	if b[0] != instrumentTallyVersion {
		return InstrumentTally{}, fmt.Errorf("unknown version %d: %w", b[0], satmetrics.ErrCorrupt)
	}
	l, b, err := readUvarint(b[1:])
	if err != nil {
		return InstrumentTally{}, err
	}
	if l > uint64(len(b)) {
		return InstrumentTally{}, errTruncated
	}
	var in Instrument
	if err := json.Unmarshal(b[:l], &in); err != nil {
		return InstrumentTally{}, fmt.Errorf("instrument: %v: %w", err, satmetrics.ErrCorrupt)
	}
	b = b[l:]
	var u InstrumentTally
	if len(in.Items) > 0 {
		p, err := NewInstrumentTally(in)
		if err != nil {
			return InstrumentTally{}, fmt.Errorf("%v: %w", err, satmetrics.ErrCorrupt)
		}
		u = *p
	}
	if u.rows, b, err = readCount(b); err != nil {
		return InstrumentTally{}, err
	}
	for i := range u.items {
		var it Tally
		if it, b, err = decodeTally(b); err != nil {
			return InstrumentTally{}, fmt.Errorf("item %d: %w", i+1, err)
		}
		if it.scale != u.items[i].scale {
			return InstrumentTally{}, fmt.Errorf("item %d: tally on %v for an item on %v: %w", i+1, it.scale, u.items[i].scale, satmetrics.ErrCorrupt)
		}
		u.items[i] = it
	}
	if l, b, err = readUvarint(b); err != nil {
		return InstrumentTally{}, err
	}
	if l > uint64(len(b)) {
		return InstrumentTally{}, errTruncated
	}
	if u.rel, err = decodeReliability(b[:l]); err != nil {
		return InstrumentTally{}, fmt.Errorf("reliability: %w", err)
	}
	b = b[l:]
	if u.composite, b, err = readMoments(b); err != nil {
		return InstrumentTally{}, fmt.Errorf("composite: %w", err)
	}
	if len(b) != 0 {
		return InstrumentTally{}, fmt.Errorf("%d trailing bytes: %w", len(b), satmetrics.ErrCorrupt)
	}
	return u, u.check()
}

// check rejects parts that do not fit the instrument or the row count.
func (t *InstrumentTally) check() error {
	k := len(t.in.Items)
	if t.rows < 0 || (k == 0 && t.rows != 0) {
		return fmt.Errorf("%d rows of no instrument: %w", t.rows, satmetrics.ErrCorrupt)
	}
	if t.rel.k != 0 && t.rel.k != k {
		return fmt.Errorf("reliability of %d items for an instrument of %d: %w", t.rel.k, k, satmetrics.ErrCorrupt)
	}
	for i := range t.items {
		if t.items[i].N() > t.rows {
			return fmt.Errorf("item %d has %d answers in %d rows: %w", i+1, t.items[i].N(), t.rows, satmetrics.ErrCorrupt)
		}
	}
	if t.rel.rows.n > t.rows || t.composite.n > t.rows {
		return fmt.Errorf("more reliability rows or composites than rows: %w", satmetrics.ErrCorrupt)
	}
	return nil
}

// instrumentTallyJSON is the JSON form of an InstrumentTally.
type instrumentTallyJSON struct {
	Instrument  *Instrument  `json:"instrument"`
	Rows        int64        `json:"rows"`
	Items       []*Tally     `json:"items"`
	Reliability *Reliability `json:"reliability"`
	Composite   momentsJSON  `json:"composite"`
}

// MarshalJSON encodes t as its instrument, row count, item tallies,
// reliability accumulator and composite moments.
func (t *InstrumentTally) MarshalJSON() ([]byte, error) {
	j := instrumentTallyJSON{Instrument: &t.in, Rows: t.rows, Reliability: &t.rel, Composite: toMomentsJSON(t.composite)}
	j.Items = make([]*Tally, len(t.items))
	for i := range t.items {
		j.Items[i] = &t.items[i]
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes the form MarshalJSON writes, with the checks of
// UnmarshalBinary; t is unchanged on error.
func (t *InstrumentTally) UnmarshalJSON(b []byte) error {
	var j instrumentTallyJSON
	if err := json.Unmarshal(b, &j); err != nil {
		if isCorrupt(err) {
			return fmt.Errorf("likert: decode instrument tally: %w", err)
		}
		return fmt.Errorf("likert: decode instrument tally: %v: %w", err, satmetrics.ErrCorrupt)
	}
	var u InstrumentTally
	if j.Instrument != nil && len(j.Instrument.Items) > 0 {
		p, err := NewInstrumentTally(*j.Instrument)
		if err != nil {
			return fmt.Errorf("likert: decode instrument tally: %v: %w", err, satmetrics.ErrCorrupt)
		}
		u = *p
	}
	if len(j.Items) != len(u.items) {
		return fmt.Errorf("likert: decode instrument tally: %d item tallies for %d items: %w", len(j.Items), len(u.items), satmetrics.ErrCorrupt)
	}
	for i, it := range j.Items {
		if it == nil || it.scale != u.items[i].scale {
			return fmt.Errorf("likert: decode instrument tally: item %d: missing or on the wrong scale: %w", i+1, satmetrics.ErrCorrupt)
		}
		u.items[i] = *it
	}
	if j.Reliability != nil {
		u.rel = *j.Reliability
	}
	var err error
	if u.composite, err = j.Composite.moments(); err != nil {
		return fmt.Errorf("likert: decode instrument tally: composite: %w", err)
	}
	u.rows = j.Rows
	if err := u.check(); err != nil {
		return fmt.Errorf("likert: decode instrument tally: %w", err)
	}
	*t = u
	return nil
}
