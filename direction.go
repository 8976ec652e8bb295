package satmetrics

import (
	"fmt"
	"strconv"
)

// A Direction says whether higher or lower values of a metric are better, so
// that trends and targets know what "worse" means. NPS, CSAT and CES 2.0 are
// higher-is-better; response times, churn and the older 1-5 customer effort
// scale are lower-is-better.
//
// The zero Direction is unset and not Valid.
type Direction int8

// The two directions.
const (
	HigherIsBetter Direction = 1
	LowerIsBetter  Direction = -1
)

// Valid reports whether d is HigherIsBetter or LowerIsBetter.
func (d Direction) Valid() bool {
	return d == HigherIsBetter || d == LowerIsBetter
}

// String returns "higher-is-better" or "lower-is-better", and
// "%!Direction(n)" for any other value.
func (d Direction) String() string {
	switch d {
	case HigherIsBetter:
		return "higher-is-better"
	case LowerIsBetter:
		return "lower-is-better"
	}
	return "%!Direction(" + strconv.Itoa(int(d)) + ")"
}

// Improvement returns the change from one value to another signed so that a
// positive result is better: to - from when higher is better, from - to when
// lower is better. It returns 0 for an invalid Direction.
func (d Direction) Improvement(from, to float64) float64 {
	switch d {
	case HigherIsBetter:
		return to - from
	case LowerIsBetter:
		return from - to
	}
	return 0
}

// Better reports whether a is strictly better than b.
func (d Direction) Better(a, b float64) bool {
	return d.Improvement(b, a) > 0
}

// ParseDirection parses "higher-is-better" or "lower-is-better" (as String
// writes them).
func ParseDirection(s string) (Direction, error) {
	switch s {
	case "higher-is-better":
		return HigherIsBetter, nil
	case "lower-is-better":
		return LowerIsBetter, nil
	}
	return 0, &ParseError{Func: "satmetrics.ParseDirection", Input: s, Err: ErrSyntax}
}

// MarshalText implements encoding.TextMarshaler. An invalid Direction is an
// error.
func (d Direction) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, fmt.Errorf("satmetrics: marshal %v: %w", d, ErrRange)
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Direction) UnmarshalText(b []byte) error {
	v, err := ParseDirection(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
