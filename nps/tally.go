package nps

import (
	"encoding/json"
	"fmt"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/points"
)

// npoints is 11: one count per score from 0 to 10.
const npoints = int(MaxScore) + 1

// A Tally accumulates NPS answers: an exact count of responses (and, once a
// weighted response has been added, the sum of weights) for each score from
// 0 to 10, with the category breaks it reports under. Memory is constant;
// scores are computed when read.
//
// The zero value is an empty tally with the standard breaks, ready to use;
// NewTally makes one with other breaks. A Tally is not safe for concurrent
// use: give each goroutine its own and Merge them.
type Tally struct {
	c      points.Counts
	breaks Breaks // canonical: the zero value for the standard breaks
}

// NewTally returns an empty tally with the given breaks, or an error
// wrapping satmetrics.ErrRange if they are not valid.
func NewTally(b Breaks) (Tally, error) {
	if err := b.Validate(); err != nil {
		return Tally{}, err
	}
	return Tally{breaks: b.canonical()}, nil
}

// Breaks returns the category breaks of t (the standard ones for the zero
// Tally).
func (t *Tally) Breaks() Breaks { return t.breaks.standard() }

// scoreError is kept out of line so that Add inlines.
//
//go:noinline
func scoreError(s Score) error {
	return fmt.Errorf("nps: score %d: %w", s, errScale)
}

// Add adds one response with score s. It returns an error wrapping
// satmetrics.ErrRange, and adds nothing, if s is above 10. It does not
// allocate.
func (t *Tally) Add(s Score) error {
	if s > MaxScore {
		return rangeError(s)
	}
	t.c.Add(int(s))
	return nil
}

// rangeError reports a score above 10. It is a one-byte value rather than
// a call so that Add inlines, and converts to an error without allocating.
type rangeError Score

func (e rangeError) Error() string { return scoreError(Score(e)).Error() }
func (e rangeError) Unwrap() error { return errScale }

// AddWeighted adds one response with score s and survey weight w. A weight
// that is negative, NaN or infinite is an error wrapping
// satmetrics.ErrWeight, and a score above 10 one wrapping
// satmetrics.ErrRange; either way nothing is added. A weight of zero counts
// the response in N but gives it no influence on the scores.
func (t *Tally) AddWeighted(s Score, w float64) error {
	if err := satmetrics.CheckWeight(w); err != nil {
		return fmt.Errorf("nps: %w", err)
	}
	if s > MaxScore {
		return scoreError(s)
	}
	t.c.AddWeighted(int(s), w)
	return nil
}

// AddN adds n responses with score s, as from a frequency table. A negative
// n is an error wrapping satmetrics.ErrRange.
func (t *Tally) AddN(s Score, n int64) error {
	if s > MaxScore {
		return scoreError(s)
	}
	if n < 0 {
		return fmt.Errorf("nps: %d responses: %w", n, satmetrics.ErrRange)
	}
	t.c.AddN(int(s), n)
	return nil
}

// AddAll adds one response for each score in ss: the fast path for a column
// of scores already in memory. It is all or nothing: if a score is above 10
// it returns an error that names the first such score and its index, and
// adds none of them.
func (t *Tally) AddAll(ss []Score) error {
	if i := points.AddAll(&t.c, ss, 0, npoints); i >= 0 {
		return fmt.Errorf("nps: score %d at index %d: %w", ss[i], i, errScale)
	}
	return nil
}

// Merge adds u to t, as if every response added to u had been added to t.
// It is associative and commutative, and the zero Tally is its identity.
//
// Tallies with different breaks do not merge: that is an error wrapping
// satmetrics.ErrIncompatible, and t is unchanged. The zero Tally (or any
// empty tally with the standard breaks) is the exception in both places:
// merging it changes nothing, and merging into it gives it the breaks of u,
// so that a fresh accumulator, such as one that satmetrics.Groups creates,
// can receive any tally. Merging a tally into itself doubles it.
func (t *Tally) Merge(u *Tally) error {
	return points.Merge(&t.c, &t.breaks, &u.c, u.breaks, func() error {
		return fmt.Errorf("nps: merge tallies with breaks %v and %v: %w", t.Breaks(), u.Breaks(), satmetrics.ErrIncompatible)
	})
}

func (t *Tally) empty() bool { return t.c.Total() == 0 }

// N returns the number of responses.
func (t *Tally) N() int64 { return t.c.Total() }

// Count returns the number of responses with score s (0 if s is not Valid).
func (t *Tally) Count(s Score) int64 {
	if !s.Valid() {
		return 0
	}
	return t.c.N(int(s))
}

// Weight returns the sum of weights of the responses with score s (their
// count for an unweighted tally; 0 if s is not Valid).
func (t *Tally) Weight(s Score) float64 {
	if !s.Valid() {
		return 0
	}
	return t.c.W(int(s))
}

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
func (t *Tally) totals() (w, neff float64, err error) { return t.c.Totals("nps") }

// Equal reports whether t and u have the same breaks and counts and, when
// weighted, the same weights (to within a relative 1e-12, the rounding that
// merging in another order may cause).
func (t *Tally) Equal(u *Tally) bool {
	return t.breaks == u.breaks && t.c.Equal(&u.c)
}

// A Point is one score of a tally's distribution.
type Point struct {
	Score   Score   `json:"score"`
	N       int64   `json:"n"`       // number of responses
	Weight  float64 `json:"weight"`  // sum of their weights (N when unweighted)
	Percent float64 `json:"percent"` // 100 Weight / total weight
}

// Distribution returns the 11 scores from 0 to 10 with their counts,
// weights and percentages. It returns an error wrapping satmetrics.ErrNoData
// if the total weight is zero.
func (t *Tally) Distribution() ([]Point, error) {
	return points.Distribution(&t.c, "nps", npoints, func(i int, n int64, w, percent float64) Point {
		return Point{Score: Score(i), N: n, Weight: w, Percent: percent}
	})
}

// A Share is the size of one category of a tally.
type Share struct {
	N       int64   `json:"n"`       // number of responses
	Weight  float64 `json:"weight"`  // sum of their weights (N when unweighted)
	Percent float64 `json:"percent"` // 100 Weight / total weight
}

// Categories are the sizes of the three categories of a tally. The NPS is
// Promoters.Percent - Detractors.Percent.
type Categories struct {
	Detractors Share `json:"detractors"`
	Passives   Share `json:"passives"`
	Promoters  Share `json:"promoters"`
}

// Categories returns the counts, weights and percentages of detractors,
// passives and promoters under t's breaks. It returns an error wrapping
// satmetrics.ErrNoData if the total weight is zero.
func (t *Tally) Categories() (Categories, error) {
	w, _, err := t.totals()
	if err != nil {
		return Categories{}, fmt.Errorf("nps: categories: %w", err)
	}
	var n [Promoter + 1]int64
	var ws [Promoter + 1]float64
	b := t.Breaks()
	for s := Score(0); s <= MaxScore; s++ {
		c := b.Category(s)
		n[c] += t.c.N(int(s))
		ws[c] += t.c.W(int(s))
	}
	share := func(c Category) Share { return Share{N: n[c], Weight: ws[c], Percent: 100 * ws[c] / w} }
	return Categories{Detractors: share(Detractor), Passives: share(Passive), Promoters: share(Promoter)}, nil
}

// effective returns the category sizes to use in the formulas: the counts
// for an unweighted tally, and for a weighted one the weighted shares times
// Kish's effective sample size, so that n = pro + pas + det is n_eff.
func (t *Tally) effective() (det, pas, pro float64, err error) {
	c, err := t.Categories()
	if err != nil {
		return 0, 0, 0, err
	}
	if !t.Weighted() {
		return float64(c.Detractors.N), float64(c.Passives.N), float64(c.Promoters.N), nil
	}
	n := t.EffectiveN()
	return c.Detractors.Percent / 100 * n, c.Passives.Percent / 100 * n, c.Promoters.Percent / 100 * n, nil
}

// tag is the byte after the version that marks an NPS tally's encoding.
const tag = 'N'

// AppendBinary appends the binary encoding of t to b (encoding.BinaryAppender).
// The layout is
//
//	version   1 byte, 1
//	tag       1 byte, 'N'
//	breaks    2 bytes: lowest passive score, lowest promoter score
//	flags     1 byte: bit 0 set if weighted
//	counts    11 unsigned varints, for scores 0 to 10
//	weights   if weighted: 12 pairs of little-endian float64 (compensated sum and
//	          its compensation), the weights of scores 0 to 10 and then the sum
//	          of squared weights.
func (t Tally) AppendBinary(b []byte) ([]byte, error) {
	br := t.Breaks()
	b = points.AppendHeader(b, tag, byte(br.Passive), byte(br.Promoter))
	return t.c.AppendBinary(b, npoints), nil
}

// MarshalBinary returns the binary encoding of t, described at AppendBinary.
func (t Tally) MarshalBinary() ([]byte, error) {
	return t.AppendBinary(make([]byte, 0, 32))
}

// UnmarshalBinary replaces t with the tally that data encodes. Truncated
// input, trailing bytes, another version or kind of tally, invalid breaks
// and impossible counts or weights are errors wrapping satmetrics.ErrCorrupt,
// and leave t unchanged.
func (t *Tally) UnmarshalBinary(data []byte) error {
	var br Breaks
	c, err := points.DecodeTally(data, "nps", tag, 2, func(cfg []byte) (int, error) {
		br = Breaks{Passive: Score(cfg[0]), Promoter: Score(cfg[1])}
		if br == (Breaks{}) || br.Validate() != nil {
			return 0, fmt.Errorf("breaks %d, %d", cfg[0], cfg[1])
		}
		return npoints, nil
	})
	if err != nil {
		return err
	}
	*t = Tally{c: c, breaks: br.canonical()}
	return nil
}

type tallyJSON struct {
	Breaks Breaks `json:"breaks"`
	points.JSON
}

// MarshalJSON encodes t as
//
//	{"breaks": {"passive": 7, "promoter": 9}, "counts": [11 counts, scores 0 to 10]}
//
// with, for a weighted tally, "weights" (11 sums of weights) and "sum_w2"
// (the sum of squared weights).
func (t Tally) MarshalJSON() ([]byte, error) {
	return json.Marshal(tallyJSON{Breaks: t.Breaks(), JSON: t.c.ToJSON(npoints)})
}

// UnmarshalJSON replaces t with the tally that data encodes, as MarshalJSON
// writes it. Missing breaks mean the standard ones. Invalid breaks, wrong
// lengths, negative counts and negative or non-finite weights are errors
// wrapping satmetrics.ErrCorrupt, and leave t unchanged.
func (t *Tally) UnmarshalJSON(data []byte) error {
	var j tallyJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return points.Corrupt("nps", err)
	}
	if err := j.Breaks.Validate(); err != nil {
		return points.Corrupt("nps", err)
	}
	var c points.Counts
	if err := c.FromJSON(j.JSON, npoints); err != nil {
		return points.Corrupt("nps", err)
	}
	*t = Tally{c: c, breaks: j.Breaks.canonical()}
	return nil
}
