package points

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Answer is what ParseAnswer finds in one cell of a survey export.
type Answer struct {
	// Number reports whether the cell starts with a number; Value is then
	// that number, saturated at ±MaxValue so that huge inputs stay out of
	// range without overflowing.
	Number bool
	Value  int64

	// Fraction reports whether the number has a non-zero fractional part
	// ("9.5"), which no rating scale accepts.
	Fraction bool

	// Label is the cell's text when it does not start with a number, folded
	// by Fold for comparison with a scale's labels.
	Label string
}

// MaxValue bounds the magnitude of Answer.Value.
const MaxValue = 1 << 40

// ParseAnswer reads one answer from a survey export. It accepts
//
//	a number with optional sign and surrounding spaces    " 9 ", "+7", "-1"
//	a number with zeros after the point                   "9.0" (pandas writes integers so)
//	a number followed by a separator and a label          "10 - Extremely likely", "4: Satisfied", "9. Very likely", "3 (neutral)"
//	a label alone                                         "Very satisfied"
//
// where a separator is white space or one of - – — : . ( ) = after the
// number. It reports ok = false for input of no such form: an empty or
// blank string, a number glued to text ("9a", "1e1") or followed by
// another number ("4/5", "9,5"). A number with a non-zero fractional part
// ("9.5") is returned with Fraction set, so that the caller can say what is
// wrong.
func ParseAnswer(s string) (a Answer, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Answer{}, false
	}
	i := 0
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		i++
	}
	start := i
	var v int64
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		if v < MaxValue {
			v = v*10 + int64(s[i]-'0')
		}
		i++
	}
	if i == start {
		if start > 0 { // a lone sign, or a sign before text
			return Answer{}, false
		}
		l := Fold(s)
		if l == "" {
			return Answer{}, false
		}
		return Answer{Label: l}, true
	}
	v = min(v, MaxValue)
	if neg {
		v = -v
	}
	a = Answer{Number: true, Value: v}
	// A fractional part: digits after a point.
	if i+1 < len(s) && s[i] == '.' && s[i+1] >= '0' && s[i+1] <= '9' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if s[i] != '0' {
				a.Fraction = true
			}
			i++
		}
	}
	if i == len(s) {
		return a, true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) || strings.ContainsRune("-–—:.()=", r) {
		return a, true
	}
	return Answer{}, false
}

// Fold normalises a label for comparison: lower case, typographic
// apostrophes made plain, runs of white space made one space, and surrounding
// spaces and trailing full stops removed. Fold(Fold(s)) == Fold(s).
func Fold(s string) string {
	if folded(s) {
		return s // the common case allocates nothing
	}
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "’", "'")
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRight(s, ". ")
}

// folded reports whether Fold would return s unchanged: lower-case ASCII
// with single spaces between words and no trailing point.
func folded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80, c >= 'A' && c <= 'Z', c < ' ', c == 0x7f:
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return len(s) == 0 || s[len(s)-1] != '.'
}
