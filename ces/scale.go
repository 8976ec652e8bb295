package ces

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/points"
)

// A Rating is an answer on a CES Scale: a point numbered from 1 up. The zero
// Rating is unset.
type Rating uint8

// Valid reports whether r is a point of some scale, 1 to 7. Whether it is a
// point of a given scale is Scale.Contains.
func (r Rating) Valid() bool { return r >= 1 && r <= 7 }

// String returns the rating as a number, and "%!Rating(n)" for a rating
// that is not Valid.
func (r Rating) String() string {
	if !r.Valid() {
		return "%!Rating(" + strconv.Itoa(int(r)) + ")"
	}
	return strconv.Itoa(int(r))
}

// A Scale is a Customer Effort Score scale. The zero value is Agree7, the
// CES 2.0 scale and the default.
type Scale uint8

// The scales.
const (
	// Agree7 is CES 2.0: agreement from 1 (strongly disagree) to 7
	// (strongly agree) with "The company made it easy for me to handle my
	// issue". Higher is easier: 5-7 count as easy, 1-3 as difficult.
	Agree7 Scale = iota
	// Effort5 is the original CES: "How much effort did you personally
	// have to put forth to handle your request?" from 1 (very low effort) to
	// 5 (very high effort). Lower is easier: 1-2 count as easy, 4-5 as
	// difficult.
	Effort5
)

type scaleInfo struct {
	name      string
	points    int
	direction satmetrics.Direction
	easy      [2]Rating // lowest and highest easy rating
	difficult [2]Rating // lowest and highest difficult rating
	labels    []string
	aliases   map[string]Rating
}

// scales describes each scale. It is read-only.
var scales = [...]scaleInfo{
	Agree7: {
		name: "agree7", points: 7, direction: satmetrics.HigherIsBetter,
		easy: [2]Rating{5, 7}, difficult: [2]Rating{1, 3},
		labels: []string{"Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree",
			"Somewhat agree", "Agree", "Strongly agree"},
		aliases: map[string]Rating{"neutral": 4, "slightly disagree": 3, "slightly agree": 5},
	},
	Effort5: {
		name: "effort5", points: 5, direction: satmetrics.LowerIsBetter,
		easy: [2]Rating{1, 2}, difficult: [2]Rating{4, 5},
		labels:  []string{"Very low effort", "Low effort", "Neither low nor high effort", "High effort", "Very high effort"},
		aliases: map[string]Rating{"moderate effort": 3, "neutral": 3, "some effort": 3},
	},
}

// Valid reports whether s is one of the defined scales.
func (s Scale) Valid() bool { return int(s) < len(scales) }

// String returns "agree7" or "effort5", and "%!Scale(n)" for an undefined
// value.
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
	return 0, &satmetrics.ParseError{Func: "ces.ParseScale", Input: in, Err: satmetrics.ErrSyntax}
}

// MarshalText implements encoding.TextMarshaler.
func (s Scale) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("ces: marshal %v: %w", s, satmetrics.ErrRange)
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

// Direction returns whether higher or lower ratings are better (easier) on
// s: satmetrics.HigherIsBetter on Agree7, satmetrics.LowerIsBetter on
// Effort5, and 0 (not Valid) for an undefined scale. It applies to the mean
// rating; the percent easy and the net ease are higher-is-better on every
// scale.
func (s Scale) Direction() satmetrics.Direction {
	if !s.Valid() {
		return 0
	}
	return scales[s].direction
}

// Contains reports whether r is a point of s.
func (s Scale) Contains(r Rating) bool { return r >= 1 && int(r) <= s.Points() }

// Easy reports whether r is a point of s that counts as easy (5-7 on
// Agree7, 1-2 on Effort5).
func (s Scale) Easy(r Rating) bool {
	return s.Contains(r) && r >= scales[s].easy[0] && r <= scales[s].easy[1]
}

// Difficult reports whether r is a point of s that counts as difficult
// (1-3 on Agree7, 4-5 on Effort5).
func (s Scale) Difficult(r Rating) bool {
	return s.Contains(r) && r >= scales[s].difficult[0] && r <= scales[s].difficult[1]
}

// Label returns the label of rating r on s ("Strongly agree" for 7 on
// Agree7), or "" if r is not a point of s.
func (s Scale) Label(r Rating) string {
	if !s.Contains(r) {
		return ""
	}
	return scales[s].labels[r-1]
}

var (
	errFraction = fmt.Errorf("%w: not a whole number", satmetrics.ErrSyntax)
	errForm     = fmt.Errorf("%w: not a rating or a label of the scale", satmetrics.ErrSyntax)
)

// Parse parses an answer on s as survey tools export it: a whole number on
// the scale with optional surrounding spaces ("6", " 7 ", "6.0"), possibly
// followed by a label ("6 - Agree"), or a label of the scale alone, in any
// case ("Strongly agree", "Very low effort"; see Label, and the variants
// "Neutral", "Slightly agree", "Moderate effort").
//
// Any other input is an error of type *satmetrics.ParseError that quotes it
// and wraps satmetrics.ErrSyntax (empty input, non-integers such as "5.5",
// unknown labels) or satmetrics.ErrRange (whole numbers off the scale such
// as "8" on Agree7, and any input on an undefined scale).
func (s Scale) Parse(in string) (Rating, error) {
	// The function's name is built only on failure: a successful parse
	// allocates nothing.
	fail := func(err error) (Rating, error) {
		return 0, &satmetrics.ParseError{Func: "ces.Scale(" + s.String() + ").Parse", Input: in, Err: err}
	}
	if !s.Valid() {
		return fail(fmt.Errorf("%w: undefined scale", satmetrics.ErrRange))
	}
	info := &scales[s]
	a, ok := points.ParseAnswer(strings.TrimSpace(in))
	switch {
	case !ok:
		return fail(errForm)
	case a.Fraction:
		return fail(errFraction)
	case a.Number && (a.Value < 1 || a.Value > int64(info.points)):
		return fail(fmt.Errorf("%w: ratings on %s run from 1 to %d", satmetrics.ErrRange, info.name, info.points))
	case a.Number:
		return Rating(a.Value), nil
	}
	for i, l := range info.labels {
		if points.Fold(l) == a.Label {
			return Rating(i + 1), nil
		}
	}
	if r, ok := info.aliases[a.Label]; ok {
		return r, nil
	}
	return fail(errForm)
}

// ParseRating parses an answer on the default Agree7 scale: shorthand for
// Agree7.Parse(s).
func ParseRating(s string) (Rating, error) { return Agree7.Parse(s) }
