package likert

import (
	"encoding/json"
	"fmt"

	"github.com/satmetrics/satmetrics"
)

// A Dimension is one dimension of service quality in a gap model, with the
// statements of its items, each asked twice: what the respondent expects of
// an excellent provider and what they perceive of this one.
type Dimension struct {
	Name  string   `json:"name"`
	Items []string `json:"items"`
}

// A GapModel is a SERVQUAL-style instrument: dimensions of items, answered
// as expectation and perception on one scale. Its gap scores are
// perception minus expectation, negative where the service falls short.
type GapModel struct {
	Scale      Scale       `json:"scale"`
	Dimensions []Dimension `json:"dimensions"`
}

// ServiceCharacteristics returns the ready-made gap model of the six
// service characteristics (reliability, responsiveness, trust,
// accessibility, communication, attentiveness), one statement each, on the
// seven-point agreement scale that SERVQUAL uses.
func ServiceCharacteristics() GapModel {
	return GapModel{Scale: Agree7, Dimensions: []Dimension{
		{"reliability", []string{"They deliver the service they promise, dependably and accurately."}},
		{"responsiveness", []string{"They respond to requests promptly and willingly."}},
		{"trust", []string{"I can trust them and feel safe in my dealings with them."}},
		{"accessibility", []string{"They are easy to reach and to deal with, at convenient times."}},
		{"communication", []string{"They keep me informed in words I understand, and they listen."}},
		{"attentiveness", []string{"They give me individual attention and understand my needs."}},
	}}
}

// SERVQUAL returns the shape of the 22-item SERVQUAL instrument of
// Parasuraman, Zeithaml and Berry (1988) on its seven-point scale: tangibles
// (4 items), reliability (5), responsiveness (4), assurance (4) and empathy
// (5). The statements are placeholders ("tangibles 1", ...) to be replaced
// by the wording of the published instrument or an adaptation of it.
func SERVQUAL() GapModel {
	dims := []struct {
		name string
		n    int
	}{{"tangibles", 4}, {"reliability", 5}, {"responsiveness", 4}, {"assurance", 4}, {"empathy", 5}}
	m := GapModel{Scale: Agree7}
	for _, d := range dims {
		dim := Dimension{Name: d.name}
		for i := 1; i <= d.n; i++ {
			dim.Items = append(dim.Items, fmt.Sprintf("%s %d", d.name, i))
		}
		m.Dimensions = append(m.Dimensions, dim)
	}
	return m
}

// Items returns the number of items of m.
func (m GapModel) Items() int {
	n := 0
	for _, d := range m.Dimensions {
		n += len(d.Items)
	}
	return n
}

// Validate checks that m has at least one dimension, every dimension at
// least one item, and no more than MaxItems items; an error wraps
// satmetrics.ErrRange.
func (m GapModel) Validate() error {
	if len(m.Dimensions) == 0 || m.Items() > MaxItems {
		return fmt.Errorf("likert: gap model of %d dimensions and %d items: %w", len(m.Dimensions), m.Items(), satmetrics.ErrRange)
	}
	for _, d := range m.Dimensions {
		if len(d.Items) == 0 {
			return fmt.Errorf("likert: gap model dimension %q has no items: %w", d.Name, satmetrics.ErrRange)
		}
	}
	return nil
}

func (m *GapModel) clone() GapModel {
	c := GapModel{Scale: m.Scale, Dimensions: make([]Dimension, len(m.Dimensions))}
	for i, d := range m.Dimensions {
		c.Dimensions[i] = Dimension{Name: d.Name, Items: append([]string(nil), d.Items...)}
	}
	return c
}

func (m *GapModel) equal(u *GapModel) bool {
	if m.Scale != u.Scale || len(m.Dimensions) != len(u.Dimensions) {
		return false
	}
	for i, d := range m.Dimensions {
		e := u.Dimensions[i]
		if d.Name != e.Name || len(d.Items) != len(e.Items) {
			return false
		}
		for j := range d.Items {
			if d.Items[j] != e.Items[j] {
				return false
			}
		}
	}
	return true
}

// A GapTally accumulates the answers to a gap model: per item, the moments
// of perception, expectation and gap; per dimension, the moments of each
// respondent's dimension gap; and the moments of each respondent's overall
// gap.
//
// A respondent's dimension gap is the mean of perception minus expectation
// over the dimension's items that they answered both ways; their overall
// gap is the mean of their dimension gaps, the unweighted SERVQUAL score of
// Parasuraman, Zeithaml and Berry (1988).
//
// The zero value is an empty tally of no model: the identity of Merge, but
// Add refuses answers until it has a model from NewGapTally or a merge. A
// GapTally is not safe for concurrent use.
type GapTally struct {
	model   GapModel
	p, e, g []moments // per item
	dim     []moments // per dimension
	overall moments
	rows    int64
}

// NewGapTally returns an empty tally of model m, which it copies. An
// invalid model is an error, as for GapModel.Validate.
func NewGapTally(m GapModel) (*GapTally, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	t := &GapTally{model: m.clone()}
	t.alloc()
	return t, nil
}

func (t *GapTally) alloc() {
	k := t.model.Items()
	t.p = make([]moments, k)
	t.e = make([]moments, k)
	t.g = make([]moments, k)
	t.dim = make([]moments, len(t.model.Dimensions))
}

// Model returns a copy of the model of t.
func (t *GapTally) Model() GapModel { return t.model.clone() }

// N returns the number of respondents added.
func (t *GapTally) N() int64 { return t.rows }

// Add adds one respondent's perception and expectation answers, one code
// per item in the order of the model's dimensions and items, Missing where
// unanswered, with weight 1. See AddWeighted.
func (t *GapTally) Add(perception, expectation []int) error {
	return t.AddWeighted(perception, expectation, 1)
}

// AddWeighted adds one respondent's answers with weight w. Rows of the
// wrong length are an error wrapping satmetrics.ErrIncompatible, a code
// off the scale one wrapping satmetrics.ErrRange and a bad weight one
// wrapping satmetrics.ErrWeight; t is then unchanged. An item answered only
// one way counts in its perception or expectation mean but not in any gap.
// AddWeighted does not allocate.
func (t *GapTally) AddWeighted(perception, expectation []int, w float64) error {
	k := len(t.p)
	if len(perception) != k || len(expectation) != k {
		return fmt.Errorf("likert: %d perceptions and %d expectations for %d items: %w", len(perception), len(expectation), k, satmetrics.ErrIncompatible)
	}
	if err := satmetrics.CheckWeight(w); err != nil {
		return err
	}
	s := t.model.Scale
	for i := range k {
		for _, c := range [2]int{perception[i], expectation[i]} {
			if c != Missing && !s.Valid(c) {
				return fmt.Errorf("likert: item %d: answer %d is not a point of %v: %w", i+1, c, s, satmetrics.ErrRange)
			}
		}
	}
	t.rows++
	i := 0
	var overall float64
	var dims int
	for d, dim := range t.model.Dimensions {
		var sum float64
		var n int
		for range dim.Items {
			p, e := perception[i], expectation[i]
			if p != Missing {
				t.p[i].add(float64(p), w)
			}
			if e != Missing {
				t.e[i].add(float64(e), w)
			}
			if p != Missing && e != Missing {
				g := float64(p - e)
				t.g[i].add(g, w)
				sum += g
				n++
			}
			i++
		}
		if n > 0 {
			dg := sum / float64(n)
			t.dim[d].add(dg, w)
			overall += dg
			dims++
		}
	}
	if dims > 0 {
		t.overall.add(overall/float64(dims), w)
	}
	return nil
}

// Merge adds u to t, as if every respondent added to u had been added to t.
// It is associative and commutative up to rounding, and the zero GapTally
// is its identity. Tallies of different models are refused with an error
// wrapping satmetrics.ErrIncompatible, leaving t unchanged.
func (t *GapTally) Merge(u *GapTally) error {
	if u.p == nil {
		return nil
	}
	if t.p == nil {
		t.model = u.model.clone()
		t.alloc()
	} else if !t.model.equal(&u.model) {
		return fmt.Errorf("likert: merge gap tallies of different models: %w", satmetrics.ErrIncompatible)
	}
	for i := range t.p {
		t.p[i].merge(u.p[i])
		t.e[i].merge(u.e[i])
		t.g[i].merge(u.g[i])
	}
	for d := range t.dim {
		t.dim[d].merge(u.dim[d])
	}
	t.overall.merge(u.overall)
	t.rows += u.rows
	return nil
}

// An ItemGap is the gap score of one item.
type ItemGap struct {
	Statement   string              `json:"statement"`
	Perception  float64             `json:"perception"`  // mean perception
	Expectation float64             `json:"expectation"` // mean expectation
	Gap         satmetrics.Estimate `json:"gap"`         // mean of perception - expectation, with its paired t interval
}

// A DimensionGap is the gap score of one dimension.
type DimensionGap struct {
	Name  string              `json:"name"`
	Gap   satmetrics.Estimate `json:"gap"` // mean of the respondents' dimension gaps, with its t interval
	Items []ItemGap           `json:"items"`
}

// A GapReport holds the gap scores of a gap model.
type GapReport struct {
	Dimensions []DimensionGap      `json:"dimensions"`
	Overall    satmetrics.Estimate `json:"overall"` // mean of the respondents' overall gaps, with its t interval
}

// Report returns the gap scores at the given confidence level. Each gap is
// the mean of paired differences with the one-sample t interval of those
// differences (Kish's effective n when weighted). Fewer than two answers
// to an item or dimension is an error wrapping satmetrics.ErrNoData; a bad
// level one wrapping satmetrics.ErrLevel.
func (t *GapTally) Report(level float64) (GapReport, error) {
	if err := satmetrics.CheckLevel(level); err != nil {
		return GapReport{}, err
	}
	if t.p == nil {
		return GapReport{}, fmt.Errorf("likert: gap report of no model: %w", satmetrics.ErrNoData)
	}
	var rep GapReport
	var err error
	if rep.Overall, err = momentsMean(t.overall, level); err != nil {
		return GapReport{}, fmt.Errorf("likert: overall gap: %w", err)
	}
	i := 0
	for d, dim := range t.model.Dimensions {
		dg := DimensionGap{Name: dim.Name}
		if dg.Gap, err = momentsMean(t.dim[d], level); err != nil {
			return GapReport{}, fmt.Errorf("likert: gap of dimension %q: %w", dim.Name, err)
		}
		for _, st := range dim.Items {
			ig := ItemGap{Statement: st, Perception: t.p[i].mean, Expectation: t.e[i].mean}
			if ig.Gap, err = momentsMean(t.g[i], level); err != nil {
				return GapReport{}, fmt.Errorf("likert: gap of item %q: %w", st, err)
			}
			dg.Items = append(dg.Items, ig)
			i++
		}
		rep.Dimensions = append(rep.Dimensions, dg)
	}
	return rep, nil
}

// gapVersion is the first byte of the binary encoding of a GapTally.
const gapVersion = 1

// AppendBinary appends the binary encoding of t to b:
//
//	version   1 byte, 1
//	model     uvarint length and the model's JSON (length 0 for no model)
//	rows      uvarint
//	moments   per item perception, expectation and gap, then per dimension,
//	          then overall; each a uvarint count and float64 weight,
//	          squared weight, mean and M2, little-endian
func (t *GapTally) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, gapVersion)
	if t.p == nil {
		b = appendUvarint(b, 0)
		return appendUvarint(b, uint64(t.rows)), nil
	}
	m, err := json.Marshal(&t.model)
	if err != nil {
		return nil, err
	}
	b = appendUvarint(b, uint64(len(m)))
	b = append(b, m...)
	b = appendUvarint(b, uint64(t.rows))
	for i := range t.p {
		b = appendMoments(b, t.p[i])
		b = appendMoments(b, t.e[i])
		b = appendMoments(b, t.g[i])
	}
	for _, d := range t.dim {
		b = appendMoments(b, d)
	}
	return appendMoments(b, t.overall), nil
}

// MarshalBinary returns the binary encoding of t (see AppendBinary).
func (t *GapTally) MarshalBinary() ([]byte, error) { return t.AppendBinary(nil) }

// UnmarshalBinary replaces t with the tally encoded in b. Truncated or
// trailing bytes, an unknown version, an invalid model and impossible
// moments are errors wrapping satmetrics.ErrCorrupt; t is then unchanged.
func (t *GapTally) UnmarshalBinary(b []byte) error {
	u, err := decodeGapTally(b)
	if err != nil {
		return fmt.Errorf("likert: decode gap tally: %w", err)
	}
	*t = u
	return nil
}

func decodeGapTally(b []byte) (GapTally, error) {
	if len(b) < 1 || b[0] != gapVersion {
		return GapTally{}, fmt.Errorf("missing or unknown version: %w", satmetrics.ErrCorrupt)
	}
	l, b, err := readUvarint(b[1:])
	if err != nil {
		return GapTally{}, err
	}
	if l > uint64(len(b)) {
		return GapTally{}, errTruncated
	}
	var u GapTally
	if l > 0 {
		var m GapModel
		if err := json.Unmarshal(b[:l], &m); err != nil {
			return GapTally{}, fmt.Errorf("model: %v: %w", err, satmetrics.ErrCorrupt)
		}
		if err := m.Validate(); err != nil {
			return GapTally{}, fmt.Errorf("%v: %w", err, satmetrics.ErrCorrupt)
		}
		u.model = m
		u.alloc()
	}
	b = b[l:]
	if u.rows, b, err = readCount(b); err != nil {
		return GapTally{}, err
	}
	if l == 0 {
		if u.rows != 0 || len(b) != 0 {
			return GapTally{}, fmt.Errorf("state without a model: %w", satmetrics.ErrCorrupt)
		}
		return u, nil
	}
	for _, ms := range u.all() {
		if *ms, b, err = readMoments(b); err != nil {
			return GapTally{}, err
		}
	}
	if len(b) != 0 {
		return GapTally{}, fmt.Errorf("%d trailing bytes: %w", len(b), satmetrics.ErrCorrupt)
	}
	return u, u.check()
}

// all returns pointers to every Moments of t in encoding order.
func (t *GapTally) all() []*moments {
	var out []*moments
	for i := range t.p {
		out = append(out, &t.p[i], &t.e[i], &t.g[i])
	}
	for d := range t.dim {
		out = append(out, &t.dim[d])
	}
	return append(out, &t.overall)
}

// check rejects more answers than respondents.
func (t *GapTally) check() error {
	for _, m := range t.all() {
		if m.n > t.rows {
			return fmt.Errorf("%d values from %d respondents: %w", m.n, t.rows, satmetrics.ErrCorrupt)
		}
	}
	return nil
}

// gapJSON is the JSON form of a GapTally.
type gapJSON struct {
	Model   *GapModel     `json:"model"`
	Rows    int64         `json:"rows"`
	Moments []momentsJSON `json:"moments"` // in the order of the binary encoding
}

// MarshalJSON encodes t as its model, respondent count and moments.
func (t *GapTally) MarshalJSON() ([]byte, error) {
	j := gapJSON{Rows: t.rows}
	if t.p != nil {
		j.Model = &t.model
		for _, m := range t.all() {
			j.Moments = append(j.Moments, toMomentsJSON(*m))
		}
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes the form MarshalJSON writes, with the checks of
// UnmarshalBinary; t is unchanged on error.
func (t *GapTally) UnmarshalJSON(b []byte) error {
	var j gapJSON
	if err := json.Unmarshal(b, &j); err != nil {
		if isCorrupt(err) {
			return fmt.Errorf("likert: decode gap tally: %w", err)
		}
		return fmt.Errorf("likert: decode gap tally: %v: %w", err, satmetrics.ErrCorrupt)
	}
	var u GapTally
	if j.Model == nil {
		if j.Rows != 0 || len(j.Moments) != 0 {
			return fmt.Errorf("likert: decode gap tally: state without a model: %w", satmetrics.ErrCorrupt)
		}
		*t = u
		return nil
	}
	if err := j.Model.Validate(); err != nil {
		return fmt.Errorf("likert: decode gap tally: %v: %w", err, satmetrics.ErrCorrupt)
	}
	u.model = *j.Model
	u.alloc()
	u.rows = j.Rows
	all := u.all()
	if len(j.Moments) != len(all) || u.rows < 0 {
		return fmt.Errorf("likert: decode gap tally: %d moments for %d: %w", len(j.Moments), len(all), satmetrics.ErrCorrupt)
	}
	for i, m := range all {
		var err error
		if *m, err = j.Moments[i].moments(); err != nil {
			return fmt.Errorf("likert: decode gap tally: %w", err)
		}
	}
	if err := u.check(); err != nil {
		return fmt.Errorf("likert: decode gap tally: %w", err)
	}
	*t = u
	return nil
}
