package csat

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/points"
)

// A Rating is an answer to a satisfaction question: a point on a Scale,
// numbered from 1 (the least satisfied) up. The zero Rating is unset. On the
// Binary scale the points are Bad and Good.
type Rating uint8

// The points of the Binary scale.
const (
	Bad  Rating = 1
	Good Rating = 2
)

// Valid reports whether r is a point of some scale, 1 to 10. Whether it is
// a point of a given scale is Scale.Contains.
func (r Rating) Valid() bool { return r >= 1 && r <= 10 }

// String returns the rating as a number, and "%!Rating(n)" for a rating
// that is not Valid.
func (r Rating) String() string {
	if !r.Valid() {
		return "%!Rating(" + strconv.Itoa(int(r)) + ")"
	}
	return strconv.Itoa(int(r))
}

// A Scale is a CSAT answer scale. The zero value is Five, the default.
//
// Stars and emoji are display only: a survey that shows five stars or five
// faces asks on the Five scale, and its answers are the ratings 1 to 5.
type Scale uint8

// The scales, with the ratings that count as satisfied.
const (
	Five   Scale = iota // 1-5, satisfied 4-5 (top two boxes); the default
	Three               // 1-3, satisfied 3
	Seven               // 1-7, satisfied 6-7 (top two boxes)
	Ten                 // 1-10, satisfied 8-10 (top three boxes)
	Binary              // Bad (1) or Good (2), satisfied Good; unrated answers are left out
)

type scaleInfo struct {
	name      string
	points    int
	satisfied Rating   // lowest satisfied rating
	labels    []string // label of each point, index 0 for rating 1
	aliases   map[string]Rating
	emoji     map[string]Rating
}

// scales describes each scale. It is read-only.
var scales = [...]scaleInfo{
	Five: {
		name: "1-5", points: 5, satisfied: 4,
		labels: []string{"Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"},
		aliases: map[string]Rating{
			"very unsatisfied": 1, "unsatisfied": 2, "neither satisfied nor dissatisfied": 3,
			"extremely dissatisfied": 1, "extremely satisfied": 5,
		},
		emoji: map[string]Rating{"😡": 1, "😠": 1, "😞": 2, "🙁": 2, "☹": 2, "😐": 3, "🙂": 4, "😊": 4, "😀": 5, "😃": 5, "😄": 5, "😁": 5, "😍": 5},
	},
	Three: {
		name: "1-3", points: 3, satisfied: 3,
		labels:  []string{"Dissatisfied", "Neutral", "Satisfied"},
		aliases: map[string]Rating{"unsatisfied": 1, "neither satisfied nor dissatisfied": 2},
		emoji:   map[string]Rating{"😞": 1, "🙁": 1, "☹": 1, "😠": 1, "😐": 2, "🙂": 3, "😀": 3, "😃": 3, "😊": 3},
	},
	Seven: {
		name: "1-7", points: 7, satisfied: 6,
		labels: []string{"Extremely dissatisfied", "Moderately dissatisfied", "Slightly dissatisfied",
			"Neither satisfied nor dissatisfied", "Slightly satisfied", "Moderately satisfied", "Extremely satisfied"},
		aliases: map[string]Rating{
			"very dissatisfied": 1, "dissatisfied": 2, "somewhat dissatisfied": 3, "neutral": 4,
			"somewhat satisfied": 5, "satisfied": 6, "very satisfied": 7,
		},
	},
	Ten: {
		name: "1-10", points: 10, satisfied: 8,
		labels: []string{"Not at all satisfied", "", "", "", "", "", "", "", "", "Extremely satisfied"},
	},
	Binary: {
		name: "binary", points: 2, satisfied: Good,
		labels: []string{"Bad", "Good"},
		aliases: map[string]Rating{
			"bad, i'm unsatisfied": Bad, "unsatisfied": Bad, "dissatisfied": Bad, "thumbs down": Bad,
			"good, i'm satisfied": Good, "satisfied": Good, "thumbs up": Good,
		},
		emoji: map[string]Rating{"👎": Bad, "👍": Good, "🙁": Bad, "🙂": Good},
	},
}

// unratedWords are the values help desks export for a rating that was
// offered but not given, or never offered.
var unratedWords = map[string]bool{"": true, "offered": true, "unoffered": true, "not offered": true, "unrated": true, "no rating": true}

// Valid reports whether s is one of the defined scales.
func (s Scale) Valid() bool { return int(s) < len(scales) }

// String returns the scale's name: "1-5", "1-3", "1-7", "1-10" or
// "binary", and "%!Scale(n)" for an undefined value.
func (s Scale) String() string {
	if !s.Valid() {
		return "%!Scale(" + strconv.Itoa(int(s)) + ")"
	}
	return scales[s].name
}

// ParseScale parses a scale's name as String writes it.
func ParseScale(in string) (Scale, error) {
	for s := range scales {
		if scales[s].name == in {
			return Scale(s), nil
		}
	}
	return 0, &satmetrics.ParseError{Func: "csat.ParseScale", Input: in, Err: satmetrics.ErrSyntax}
}

// MarshalText implements encoding.TextMarshaler.
func (s Scale) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("csat: marshal %v: %w", s, satmetrics.ErrRange)
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Scale) UnmarshalText(b []byte) error {
	v, err := ParseScale(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Points returns the number of points of s (0 for an undefined scale).
func (s Scale) Points() int {
	if !s.Valid() {
		return 0
	}
	return scales[s].points
}

// Contains reports whether r is a point of s.
func (s Scale) Contains(r Rating) bool { return r >= 1 && int(r) <= s.Points() }

// SatisfiedFrom returns the lowest rating of s that counts as satisfied.
func (s Scale) SatisfiedFrom() Rating {
	if !s.Valid() {
		return 0
	}
	return scales[s].satisfied
}

// Satisfied reports whether r is a point of s that counts as satisfied.
func (s Scale) Satisfied(r Rating) bool {
	return s.Contains(r) && r >= s.SatisfiedFrom()
}

// Label returns the label of rating r on s ("Very satisfied" for 5 on
// Five), or "" if the point has none (the middle points of Ten) or r is not
// a point of s.
func (s Scale) Label(r Rating) string {
	if !s.Contains(r) {
		return ""
	}
	return scales[s].labels[r-1]
}

var (
	// ErrUnrated reports an answer that carries no rating: an empty cell, or
	// a help desk's "offered" or "unoffered". Help desks leave such answers
	// out of CSAT, and so should callers: skip the rows for which
	// errors.Is(err, csat.ErrUnrated). It wraps satmetrics.ErrSyntax.
	ErrUnrated = fmt.Errorf("csat: unrated answer: %w", satmetrics.ErrSyntax)

	errFraction = fmt.Errorf("%w: not a whole number", satmetrics.ErrSyntax)
	errForm     = fmt.Errorf("%w: not a rating or a label of the scale", satmetrics.ErrSyntax)
)

// Parse parses an answer on s as survey tools and help desks export it:
//
//   - a whole number on the scale, with optional surrounding spaces ("4",
//     " 5 ", "4.0"), possibly followed by a label ("4 - Satisfied");
//   - a label of the scale, in any case ("Very satisfied"; see Label, and a
//     few common variants such as "Neither satisfied nor dissatisfied");
//   - stars: a run of ★, ⭐ or * (filled) optionally followed by ☆ (empty),
//     whose filled stars are the rating ("★★★★☆" is 4);
//   - on Five, Three and Binary, a face or thumb emoji (on Five: 😡 😠 1,
//     😞 🙁 ☹ 2, 😐 3, 🙂 😊 4, 😀 😃 😄 😁 😍 5; on Binary 👎 and 👍).
//
// Any other input is an error of type *satmetrics.ParseError that quotes it
// and wraps ErrUnrated (empty input, "offered", "unoffered", "unrated"),
// satmetrics.ErrSyntax (non-integers such as "4.5", unknown labels) or
// satmetrics.ErrRange (whole numbers or star counts off the scale, such as
// "6" on Five, and any input on an undefined scale).
func (s Scale) Parse(in string) (Rating, error) {
	// The function's name is built only on failure: a successful parse
	// allocates nothing.
	fail := func(err error) (Rating, error) {
		return 0, &satmetrics.ParseError{Func: "csat.Scale(" + s.String() + ").Parse", Input: in, Err: err}
	}
	if !s.Valid() {
		return fail(fmt.Errorf("%w: undefined scale", satmetrics.ErrRange))
	}
	info := &scales[s]
	rangeErr := func() (Rating, error) {
		return fail(fmt.Errorf("%w: ratings on %s run from 1 to %d", satmetrics.ErrRange, info.name, info.points))
	}
	trimmed := strings.TrimSpace(in)
	// The common case, a number ("4", "4 - Satisfied"), first: it allocates
	// nothing.
	if a, ok := points.ParseAnswer(trimmed); ok && a.Number && !a.Fraction && a.Value >= 1 && a.Value <= int64(info.points) {
		return Rating(a.Value), nil
	}
	if unratedWords[points.Fold(trimmed)] {
		return fail(ErrUnrated)
	}
	if n, ok := stars(trimmed); ok {
		if n < 1 || n > info.points {
			return rangeErr()
		}
		return Rating(n), nil
	}
	if r, ok := info.emoji[strings.TrimSuffix(trimmed, "\ufe0f")]; ok {
		return r, nil
	}
	a, ok := points.ParseAnswer(trimmed)
	switch {
	case !ok:
		return fail(errForm)
	case a.Fraction:
		return fail(errFraction)
	case a.Number && (a.Value < 1 || a.Value > int64(info.points)):
		return rangeErr()
	case a.Number:
		return Rating(a.Value), nil
	}
	for i, l := range info.labels {
		if l != "" && points.Fold(l) == a.Label {
			return Rating(i + 1), nil
		}
	}
	if r, ok := info.aliases[a.Label]; ok {
		return r, nil
	}
	return fail(errForm)
}

// stars counts the filled stars of a string made only of filled stars
// (★, ⭐, *) followed by empty ones (☆), with optional spaces between.
func stars(s string) (filled int, ok bool) {
	if s == "" {
		return 0, false
	}
	empty := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		switch r {
		case '★', '⭐', '*':
			if empty > 0 {
				return 0, false
			}
			filled++
		case '☆':
			empty++
		case ' ', '\ufe0f':
		default:
			return 0, false
		}
	}
	return filled, filled+empty > 0
}

// ParseRating parses an answer on the default Five scale: shorthand for
// Five.Parse(s).
func ParseRating(s string) (Rating, error) { return Five.Parse(s) }
