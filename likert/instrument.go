package likert

import (
	"fmt"
	"math"
	"strings"

	"github.com/satmetrics/satmetrics"
)

// An Item is one question of an instrument: its name, its scale and whether
// it is reverse-keyed, worded so that agreement means less of what the
// instrument measures ("The service was slow"). A reverse-keyed item is
// scored Low + High - code, so that the first point scores as the last.
type Item struct {
	Name    string `json:"name"`
	Scale   Scale  `json:"scale"`
	Reverse bool   `json:"reverse,omitempty"`
}

// Score returns the score of an answer: code itself, or its reverse for a
// reverse-keyed item. A code that is not a point of the item's scale is an
// error wrapping satmetrics.ErrRange.
func (it Item) Score(code int) (int, error) {
	s, ok := it.score(code)
	if !ok {
		return 0, fmt.Errorf("likert: item %q: answer %d is not a point of %v: %w", it.Name, code, it.Scale, satmetrics.ErrRange)
	}
	return s, nil
}

// score is Score without the error value, for the hot path.
func (it *Item) score(code int) (int, bool) {
	low, n := it.Scale.bounds()
	if code < low || code >= low+n {
		return 0, false
	}
	if it.Reverse {
		return 2*low + n - 1 - code, true
	}
	return code, true
}

// An Instrument is a questionnaire of several items meant to measure one
// thing (a satisfaction scale, a SERVQUAL dimension), answered as a row of
// codes per respondent with Missing for an unanswered item.
//
// Its composite score for a respondent is the mean of the scored answers
// (reverse-keyed items reversed) or, with Sum, that mean times the number of
// items: the sum of the answers when every item is answered, prorated when
// some are missing. A respondent who answered fewer than MinAnswered items
// has no composite.
type Instrument struct {
	Items       []Item `json:"items"`
	MinAnswered int    `json:"min_answered,omitempty"` // answers needed for a composite; 0 means 1
	Sum         bool   `json:"sum,omitempty"`          // composite is the (prorated) sum rather than the mean
}

// Validate checks that in has at least one item and at most MaxItems, that
// item names are unique and MinAnswered is within [0, len(Items)]; an error
// wraps satmetrics.ErrRange.
func (in Instrument) Validate() error {
	if len(in.Items) == 0 || len(in.Items) > MaxItems {
		return fmt.Errorf("likert: instrument of %d items: want 1 to %d: %w", len(in.Items), MaxItems, satmetrics.ErrRange)
	}
	seen := make(map[string]bool, len(in.Items))
	for _, it := range in.Items {
		if seen[it.Name] {
			return fmt.Errorf("likert: instrument has two items named %q: %w", it.Name, satmetrics.ErrRange)
		}
		seen[it.Name] = true
	}
	if in.MinAnswered < 0 || in.MinAnswered > len(in.Items) {
		return fmt.Errorf("likert: instrument needs %d of %d answers: %w", in.MinAnswered, len(in.Items), satmetrics.ErrRange)
	}
	return nil
}

// equal reports whether in and u define the same instrument.
func (in *Instrument) equal(u *Instrument) bool {
	if len(in.Items) != len(u.Items) || in.MinAnswered != u.MinAnswered || in.Sum != u.Sum {
		return false
	}
	for i := range in.Items {
		if in.Items[i] != u.Items[i] {
			return false
		}
	}
	return true
}

func (in *Instrument) clone() Instrument {
	c := *in
	c.Items = append([]Item(nil), in.Items...)
	return c
}

// ParseRow parses one respondent's answers, one field per item, with each
// item's Scale.Parse; an empty field (after trimming space) or "NA" is
// Missing. It appends the codes to dst[:0] and returns it. A wrong number of
// fields is an error wrapping satmetrics.ErrIncompatible; a field that does
// not parse is the *satmetrics.ParseError of Scale.Parse wrapped with the
// item's name.
func (in Instrument) ParseRow(fields []string, dst []int) ([]int, error) {
	if len(fields) != len(in.Items) {
		return nil, fmt.Errorf("likert: %d answers for %d items: %w", len(fields), len(in.Items), satmetrics.ErrIncompatible)
	}
	dst = dst[:0]
	for i, f := range fields {
		t := strings.TrimSpace(f)
		if t == "" || strings.EqualFold(t, "NA") {
			dst = append(dst, Missing)
			continue
		}
		c, err := in.Items[i].Scale.Parse(t)
		if err != nil {
			return nil, fmt.Errorf("likert: item %q: %w", in.Items[i].Name, err)
		}
		dst = append(dst, c)
	}
	return dst, nil
}

// Scores writes the scores of a row of codes to dst, which must have room
// for one per item (it panics otherwise), NaN for a Missing answer, and
// returns the number of answers. A row of the wrong length is an error
// wrapping satmetrics.ErrIncompatible, a code that is not a point of its
// item's scale one wrapping satmetrics.ErrRange.
func (in Instrument) Scores(row []int, dst []float64) (int, error) {
	if len(row) != len(in.Items) {
		return 0, fmt.Errorf("likert: row of %d answers for %d items: %w", len(row), len(in.Items), satmetrics.ErrIncompatible)
	}
	dst = dst[:len(row)]
	items := in.Items[:len(row)]
	answered := 0
	for i, c := range row {
		if c == Missing {
			dst[i] = math.NaN()
			continue
		}
		s, ok := items[i].score(c)
		if !ok {
			_, err := items[i].Score(c)
			return 0, err
		}
		dst[i] = float64(s)
		answered++
	}
	return answered, nil
}

// composite returns the composite of scores with answered answers.
func (in Instrument) composite(scores []float64, answered int) (float64, bool) {
	if answered == 0 || answered < in.MinAnswered {
		return 0, false
	}
	// Scores are codes of at most ±1000 on at most 1000 items: their sum is
	// an exact integer, so plain summation loses nothing.
	var s float64
	for _, x := range scores {
		if x == x {
			s += x
		}
	}
	m := s / float64(answered)
	if in.Sum {
		m *= float64(len(in.Items))
	}
	return m, true
}

// Composite returns the composite score of a row of codes. Too few answers
// is an error wrapping satmetrics.ErrNoData; a bad row is an error as for
// Scores.
func (in Instrument) Composite(row []int) (float64, error) {
	var buf [16]float64
	dst := buf[:]
	if len(row) > len(buf) {
		dst = make([]float64, len(row))
	}
	answered, err := in.Scores(row, dst)
	if err != nil {
		return 0, err
	}
	m, ok := in.composite(dst, answered)
	if !ok {
		return 0, fmt.Errorf("likert: composite of %d answers, need %d: %w", answered, max(1, in.MinAnswered), satmetrics.ErrNoData)
	}
	return m, nil
}
