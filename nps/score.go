package nps

import (
	"fmt"
	"strconv"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/points"
)

// A Score is an answer to the likelihood-to-recommend question on the 0-10
// scale. Unlike the rating scales, 0 is a valid answer ("not at all
// likely"); scores above 10 are not Valid.
type Score uint8

// MaxScore is the highest score, "extremely likely".
const MaxScore Score = 10

// Valid reports whether s is on the 0-10 scale.
func (s Score) Valid() bool { return s <= MaxScore }

// String returns the score as a number, and "%!Score(n)" for a score that
// is not Valid.
func (s Score) String() string {
	if !s.Valid() {
		return "%!Score(" + strconv.Itoa(int(s)) + ")"
	}
	return strconv.Itoa(int(s))
}

var (
	errFraction = fmt.Errorf("%w: not a whole number", satmetrics.ErrSyntax)
	errForm     = fmt.Errorf("%w: not a score from 0 to 10 or a scale label", satmetrics.ErrSyntax)
	errScale    = fmt.Errorf("%w: scores run from 0 to 10", satmetrics.ErrRange)
)

// ParseScore parses a score as survey tools export it: a whole number from
// 0 to 10 with optional surrounding spaces ("9", " 10 "), possibly followed
// by its label ("10 - Extremely likely", "0: Not at all likely"), or one of
// the scale's anchor labels alone ("Extremely likely", "Not at all likely",
// in any case). A number written with zeros after the point ("9.0", as
// pandas writes integer columns that have gaps) is accepted.
//
// Any other input is an error of type *satmetrics.ParseError that quotes it
// and wraps satmetrics.ErrSyntax (empty input, non-integers such as "9.5",
// unknown labels) or satmetrics.ErrRange (whole numbers off the scale such
// as "11" or "-1").
func ParseScore(s string) (Score, error) {
	const fn = "nps.ParseScore"
	a, ok := points.ParseAnswer(s)
	switch {
	case !ok:
		return 0, &satmetrics.ParseError{Func: fn, Input: s, Err: errForm}
	case a.Fraction:
		return 0, &satmetrics.ParseError{Func: fn, Input: s, Err: errFraction}
	case a.Number && (a.Value < 0 || a.Value > int64(MaxScore)):
		return 0, &satmetrics.ParseError{Func: fn, Input: s, Err: errScale}
	case a.Number:
		return Score(a.Value), nil
	}
	switch a.Label {
	case "not at all likely", "not likely at all":
		return 0, nil
	case "extremely likely":
		return MaxScore, nil
	}
	return 0, &satmetrics.ParseError{Func: fn, Input: s, Err: errForm}
}

// A Category is the Net Promoter category of a score. The zero Category is
// unset and not Valid.
type Category uint8

// The three categories. With the standard breaks, detractors answer 0 to 6,
// passives 7 or 8, and promoters 9 or 10.
const (
	Detractor Category = iota + 1
	Passive
	Promoter
)

var categoryNames = [...]string{Detractor: "detractor", Passive: "passive", Promoter: "promoter"}

// Valid reports whether c is Detractor, Passive or Promoter.
func (c Category) Valid() bool { return c >= Detractor && c <= Promoter }

// String returns "detractor", "passive" or "promoter", and "%!Category(n)"
// for any other value.
func (c Category) String() string {
	if !c.Valid() {
		return "%!Category(" + strconv.Itoa(int(c)) + ")"
	}
	return categoryNames[c]
}

// Breaks are the category boundaries of an NPS programme: the lowest
// passive score and the lowest promoter score. Detractors answer 0 to
// Passive-1, passives Passive to Promoter-1 and promoters Promoter to 10, so
// the categories are ordered, cover the scale and do not overlap by
// construction; Passive == Promoter leaves no passives.
//
// The zero Breaks means the standard breaks, Passive 7 and Promoter 9
// (detractors 0-6, passives 7-8, promoters 9-10). Programmes that use
// others set both fields, for example Breaks{Passive: 6, Promoter: 9} for a
// programme that counts 6 as passive.
type Breaks struct {
	Passive  Score `json:"passive"`  // lowest passive score
	Promoter Score `json:"promoter"` // lowest promoter score
}

// standard returns b with the zero value replaced by the standard breaks.
func (b Breaks) standard() Breaks {
	if b == (Breaks{}) {
		return Breaks{Passive: 7, Promoter: 9}
	}
	return b
}

// canonical returns b with the standard breaks replaced by the zero value,
// so that tallies with either spelling compare and merge as equal.
func (b Breaks) canonical() Breaks {
	if b == (Breaks{Passive: 7, Promoter: 9}) {
		return Breaks{}
	}
	return b
}

// Validate returns nil if b is the zero Breaks or has
// 1 <= Passive <= Promoter <= 10 (at least one detractor score and one
// promoter score), and otherwise an error wrapping satmetrics.ErrRange.
func (b Breaks) Validate() error {
	if b == (Breaks{}) || (b.Passive >= 1 && b.Passive <= b.Promoter && b.Promoter <= MaxScore) {
		return nil
	}
	return fmt.Errorf("nps: breaks passive %d, promoter %d: need 1 <= passive <= promoter <= 10: %w",
		b.Passive, b.Promoter, satmetrics.ErrRange)
}

// Category returns the category of s under b, and 0 (not Valid) for a score
// that is not Valid.
func (b Breaks) Category(s Score) Category {
	b = b.standard()
	switch {
	case !s.Valid():
		return 0
	case s >= b.Promoter:
		return Promoter
	case s >= b.Passive:
		return Passive
	}
	return Detractor
}

// String describes b, as "detractors 0-6, passives 7-8, promoters 9-10",
// and "%!Breaks(passive p, promoter q)" for breaks that are not valid.
func (b Breaks) String() string {
	if b.Validate() != nil {
		return fmt.Sprintf("%%!Breaks(passive %d, promoter %d)", b.Passive, b.Promoter)
	}
	b = b.standard()
	pass := "none"
	if b.Passive < b.Promoter {
		pass = fmt.Sprintf("%d-%d", b.Passive, b.Promoter-1)
	}
	return fmt.Sprintf("detractors 0-%d, passives %s, promoters %d-10", b.Passive-1, pass, b.Promoter)
}
