package likert

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/satmetrics/satmetrics"
)

// Limits of a Scale.
const (
	MinPoints = 2  // fewest points of a scale
	MaxPoints = 11 // most points of a scale (a 0-10 scale)
	MaxCode   = 1000
	MinCode   = -MaxCode // codes of every point lie in [MinCode, MaxCode]
)

// Missing marks an unanswered item in a row of codes (see Instrument). It is
// not a valid code of any Scale.
const Missing = math.MinInt

// A Scale is a rating scale of 2 to 11 consecutive integer codes, optionally
// with a label per point: "1 Strongly disagree" to "5 Strongly agree".
//
// An odd scale has a neutral midpoint (the middle code); an even scale has
// none. Scales are comparable values: two tallies can be merged only if
// their scales are equal, codes and labels alike.
//
// The zero Scale is Agree5, the five-point agreement scale, so that the zero
// value of a Tally is ready to count answers on the most common Likert scale.
// Other scales come from the presets or from NewScale.
type Scale struct {
	preset uint8 // index into presets, or custom
	low    int
	n      int
	labels string // custom labels joined by NUL, or "" if unlabelled
}

const custom = 255

type presetDef struct {
	name   string
	low    int
	labels []string
}

// presets lists the ready-made scales; index 0 is the zero Scale. The
// anchors follow Vagias (2006).
var presets = [...]presetDef{
	{"agree5", 1, []string{"Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"}},
	{"agree7", 1, []string{"Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree", "Agree", "Strongly agree"}},
	{"satisfied5", 1, []string{"Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"}},
	{"satisfied7", 1, []string{"Very dissatisfied", "Dissatisfied", "Somewhat dissatisfied", "Neither satisfied nor dissatisfied", "Somewhat satisfied", "Satisfied", "Very satisfied"}},
	{"frequency5", 1, []string{"Never", "Rarely", "Sometimes", "Often", "Always"}},
	{"importance5", 1, []string{"Not at all important", "Slightly important", "Moderately important", "Very important", "Extremely important"}},
	{"likelihood5", 1, []string{"Very unlikely", "Unlikely", "Neither likely nor unlikely", "Likely", "Very likely"}},
	{"quality5", 1, []string{"Very poor", "Poor", "Fair", "Good", "Excellent"}},
}

// The preset scales, coded from 1. Treat them as constants.
var (
	// Agree5 is the five-point agreement scale, from 1 Strongly disagree to 5
	// Strongly agree, with 3 Neither agree nor disagree as its neutral point.
	// It is the zero Scale.
	Agree5 = Scale{preset: 0}
	// Agree7 is the seven-point agreement scale, from 1 Strongly disagree
	// through 4 Neither agree nor disagree to 7 Strongly agree.
	Agree7 = Scale{preset: 1}
	// Satisfied5 is the five-point satisfaction scale, from 1 Very
	// dissatisfied to 5 Very satisfied.
	Satisfied5 = Scale{preset: 2}
	// Satisfied7 is the seven-point satisfaction scale, from 1 Very
	// dissatisfied to 7 Very satisfied.
	Satisfied7 = Scale{preset: 3}
	// Frequency5 is the five-point frequency scale: 1 Never, 2 Rarely,
	// 3 Sometimes, 4 Often, 5 Always.
	Frequency5 = Scale{preset: 4}
	// Importance5 is the five-point importance scale, from 1 Not at all
	// important to 5 Extremely important.
	Importance5 = Scale{preset: 5}
	// Likelihood5 is the five-point likelihood scale, from 1 Very unlikely to
	// 5 Very likely.
	Likelihood5 = Scale{preset: 6}
	// Quality5 is the five-point quality scale: 1 Very poor, 2 Poor, 3 Fair,
	// 4 Good, 5 Excellent.
	Quality5 = Scale{preset: 7}
)

// NewScale returns the scale with codes low to high and, if labels are
// given, one label per point in order. It returns an error wrapping
// satmetrics.ErrRange if the scale has fewer than MinPoints or more than
// MaxPoints points or a code outside [MinCode, MaxCode], and one wrapping
// satmetrics.ErrSyntax if the number of labels is wrong, a label is blank or
// looks like a number or holds a NUL byte, or two labels are the same
// (ignoring case and spacing), which would make Parse ambiguous.
//
// A scale with the codes and labels of a preset is that preset.
func NewScale(low, high int, labels ...string) (Scale, error) {
	if low < MinCode || high > MaxCode || high-low+1 < MinPoints || high-low+1 > MaxPoints {
		return Scale{}, fmt.Errorf("likert: scale %d to %d: want %d to %d points coded within ±%d: %w",
			low, high, MinPoints, MaxPoints, MaxCode, satmetrics.ErrRange)
	}
	n := high - low + 1
	if len(labels) != 0 && len(labels) != n {
		return Scale{}, fmt.Errorf("likert: scale %d to %d: %d labels for %d points: %w", low, high, len(labels), n, satmetrics.ErrSyntax)
	}
	s := Scale{preset: custom, low: low, n: n}
	for i, l := range labels {
		if strings.TrimSpace(l) == "" || strings.IndexByte(l, 0) >= 0 {
			return Scale{}, fmt.Errorf("likert: scale label %d %q is blank or holds a NUL: %w", low+i, l, satmetrics.ErrSyntax)
		}
		if _, ok := parseNumber(strings.TrimSpace(l)); ok {
			return Scale{}, fmt.Errorf("likert: scale label %d %q is a number: %w", low+i, l, satmetrics.ErrSyntax)
		}
		for j := range i {
			if labelEqual(labels[j], l) {
				return Scale{}, fmt.Errorf("likert: scale labels %d and %d are both %q: %w", low+j, low+i, l, satmetrics.ErrSyntax)
			}
		}
	}
	s.labels = strings.Join(labels, "\x00")
	return s.canonical(), nil
}

// canonical returns the preset equal to s, if any, and s otherwise.
func (s Scale) canonical() Scale {
	if s.preset != custom {
		return s
	}
	for i, p := range presets {
		if p.low == s.low && len(p.labels) == s.n && strings.Join(p.labels, "\x00") == s.labels {
			return Scale{preset: uint8(i)}
		}
	}
	return s
}

// def returns the preset definition of s, or nil for a custom scale.
func (s Scale) def() *presetDef {
	if int(s.preset) < len(presets) {
		return &presets[s.preset]
	}
	return nil
}

// bounds returns the code of the first point and the number of points.
func (s *Scale) bounds() (low, n int) {
	if int(s.preset) < len(presets) {
		p := &presets[s.preset]
		return p.low, len(p.labels)
	}
	return s.low, s.n
}

// Low returns the code of the first point.
func (s Scale) Low() int {
	if p := s.def(); p != nil {
		return p.low
	}
	return s.low
}

// Points returns the number of points.
func (s Scale) Points() int {
	if p := s.def(); p != nil {
		return len(p.labels)
	}
	return s.n
}

// High returns the code of the last point.
func (s Scale) High() int { return s.Low() + s.Points() - 1 }

// Valid reports whether code is a point of s.
func (s Scale) Valid(code int) bool {
	return code >= s.Low() && code <= s.High()
}

// Label returns the label of the point code, or "" if the point has none or
// code is not a point of s.
func (s Scale) Label(code int) string {
	if !s.Valid(code) {
		return ""
	}
	i := code - s.Low()
	if p := s.def(); p != nil {
		return p.labels[i]
	}
	rest := s.labels
	for ; i > 0 && rest != ""; i-- {
		j := strings.IndexByte(rest, 0)
		if j < 0 {
			return ""
		}
		rest = rest[j+1:]
	}
	if j := strings.IndexByte(rest, 0); j >= 0 {
		return rest[:j]
	}
	return rest
}

// Labelled reports whether the points of s have labels.
func (s Scale) Labelled() bool {
	return s.def() != nil || s.labels != ""
}

// Neutral returns the neutral midpoint of an odd scale and true, or 0 and
// false for an even scale, which has none.
func (s Scale) Neutral() (int, bool) {
	n := s.Points()
	if n%2 == 0 {
		return 0, false
	}
	return s.Low() + n/2, true
}

// Reverse returns the reverse-coded point of code, Low + High - code: the
// first point becomes the last and the neutral point stays. Reversing twice
// gives code back. Reverse does not check that code is a point of s.
func (s Scale) Reverse(code int) int {
	return s.Low() + s.High() - code
}

// String returns the name of a preset ("agree5") and otherwise the codes
// ("scale 0-10"), with "labelled" appended if the points have labels.
func (s Scale) String() string {
	if p := s.def(); p != nil {
		return p.name
	}
	if s.preset != custom || s.n < MinPoints || s.n > MaxPoints {
		return "%!Scale(invalid)"
	}
	str := "scale " + strconv.Itoa(s.low) + "-" + strconv.Itoa(s.low+s.n-1)
	if s.Labelled() {
		str += " labelled"
	}
	return str
}

// ParseScaleName returns the preset whose String is name ("agree5",
// "satisfied7", ...).
func ParseScaleName(name string) (Scale, error) {
	for i, p := range presets {
		if p.name == name {
			return Scale{preset: uint8(i)}, nil
		}
	}
	return Scale{}, &satmetrics.ParseError{Func: "likert.ParseScaleName", Input: name, Err: satmetrics.ErrSyntax}
}

// Parse returns the code of an answer given as text. It accepts, after
// trimming space,
//
//   - the code as an integer ("4", or "4.0" as spreadsheets write it);
//   - the label of a point, ignoring case and runs of spaces ("agree");
//   - the code followed by its label, separated by space and optionally one
//     of - – — : . ) = ("4 - Agree", "4: agree", "4) Agree").
//
// A number that is not a point of s is an error wrapping satmetrics.ErrRange;
// anything else that matches no point (an unknown label, a code followed by
// another point's label) is an error wrapping satmetrics.ErrSyntax. Both are
// *satmetrics.ParseError values naming the input.
func (s Scale) Parse(text string) (int, error) {
	code, err := s.parse(text)
	if err != nil {
		return 0, &satmetrics.ParseError{Func: "likert.Scale.Parse", Input: text, Err: err}
	}
	return code, nil
}

// errMismatch is the reason for a code followed by another point's label.
var errMismatch = fmt.Errorf("code and label disagree: %w", satmetrics.ErrSyntax)

func (s Scale) parse(text string) (int, error) {
	t := strings.TrimSpace(text)
	if v, ok := parseNumber(t); ok {
		if v != math.Trunc(v) {
			return 0, satmetrics.ErrSyntax
		}
		if v < float64(s.Low()) || v > float64(s.High()) {
			return 0, satmetrics.ErrRange
		}
		return int(v), nil
	}
	if code, ok := s.lookup(t); ok {
		return code, nil
	}
	// "4 - Agree": a leading integer, then a separator, then the label.
	i := 0
	if i < len(t) && (t[i] == '-' || t[i] == '+') {
		i++
	}
	j := i
	for j < len(t) && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	if j == i || j-i > 6 {
		return 0, satmetrics.ErrSyntax
	}
	num, _ := strconv.Atoi(t[:j])
	rest := strings.TrimLeftFunc(t[j:], unicode.IsSpace)
	spaced := len(rest) < len(t)-j
	if r, size := utf8.DecodeRuneInString(rest); strings.ContainsRune("-–—:.)=", r) {
		rest = rest[size:]
	} else if !spaced {
		return 0, satmetrics.ErrSyntax
	}
	code, ok := s.lookup(rest)
	if !ok {
		return 0, satmetrics.ErrSyntax
	}
	if !s.Valid(num) {
		return 0, satmetrics.ErrRange
	}
	if code != num {
		return 0, errMismatch
	}
	return code, nil
}

// lookup returns the code whose label matches text (see labelEqual).
func (s Scale) lookup(text string) (int, bool) {
	if strings.TrimSpace(text) == "" {
		return 0, false
	}
	for c := s.Low(); c <= s.High(); c++ {
		if l := s.Label(c); l != "" && labelEqual(l, text) {
			return c, true
		}
	}
	return 0, false
}

// labelEqual reports whether two labels are equal ignoring leading and
// trailing space, the length of runs of space and case (Unicode simple
// folding, as strings.EqualFold). It does not allocate.
func labelEqual(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if unicode.IsSpace(ra) && unicode.IsSpace(rb) {
			a = strings.TrimLeftFunc(a, unicode.IsSpace)
			b = strings.TrimLeftFunc(b, unicode.IsSpace)
			continue
		}
		if !equalFoldRune(ra, rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

func equalFoldRune(r, s rune) bool {
	if r == s {
		return true
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f == s {
			return true
		}
	}
	return false
}

// normLabel folds case and collapses runs of space, for matching labels.
func normLabel(l string) string {
	return strings.ToLower(strings.Join(strings.Fields(l), " "))
}

// parseNumber parses a finite decimal number without exponent or hex forms.
func parseNumber(t string) (float64, bool) {
	if t == "" || len(t) > 24 || strings.ContainsAny(t, "eEpPxX_iInN") {
		return 0, false
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// scaleJSON is the JSON form of a Scale.
type scaleJSON struct {
	Low    int      `json:"low"`
	High   int      `json:"high"`
	Labels []string `json:"labels,omitempty"`
}

func (s Scale) toJSON() scaleJSON {
	j := scaleJSON{Low: s.Low(), High: s.High()}
	if s.Labelled() {
		for c := s.Low(); c <= s.High(); c++ {
			j.Labels = append(j.Labels, s.Label(c))
		}
	}
	return j
}

// MarshalJSON encodes s as {"low":1,"high":5,"labels":[...]}, without
// labels if the points have none.
func (s Scale) MarshalJSON() ([]byte, error) {
	return json.Marshal(s.toJSON())
}

// UnmarshalJSON decodes the form MarshalJSON writes, checking it as
// NewScale does; an invalid scale is an error wrapping satmetrics.ErrCorrupt.
func (s *Scale) UnmarshalJSON(b []byte) error {
	var j scaleJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("likert: decode scale: %v: %w", err, satmetrics.ErrCorrupt)
	}
	v, err := NewScale(j.Low, j.High, j.Labels...)
	if err != nil {
		return fmt.Errorf("likert: decode scale: %v: %w", err, satmetrics.ErrCorrupt)
	}
	*s = v
	return nil
}

// appendBinary appends the binary form of s: the low code as a zig-zag
// varint, the number of points as one byte, then, if labelled, each label as
// a uvarint length and its bytes (an unlabelled scale writes a zero length
// for its first label).
func (s Scale) appendBinary(b []byte) []byte {
	b = appendVarint(b, int64(s.Low()))
	b = append(b, byte(s.Points()))
	if !s.Labelled() {
		return append(b, 0)
	}
	for c := s.Low(); c <= s.High(); c++ {
		l := s.Label(c)
		b = appendUvarint(b, uint64(len(l)))
		b = append(b, l...)
	}
	return b
}

// decodeScale decodes a Scale from the front of b, returning the rest.
func decodeScale(b []byte) (Scale, []byte, error) {
	low, b, err := readVarint(b)
	if err != nil {
		return Scale{}, nil, fmt.Errorf("scale: %w", err)
	}
	if len(b) < 1 {
		return Scale{}, nil, errTruncated
	}
	n := int(b[0])
	b = b[1:]
	if low < MinCode || low > MaxCode || n < MinPoints || n > MaxPoints {
		return Scale{}, nil, fmt.Errorf("scale of %d points from %d: %w", n, low, satmetrics.ErrCorrupt)
	}
	var labels []string
	for i := 0; i < n; i++ {
		l, rest, err := readUvarint(b)
		if err != nil {
			return Scale{}, nil, fmt.Errorf("scale label: %w", err)
		}
		if i == 0 && l == 0 {
			b = rest
			break
		}
		if l > uint64(len(rest)) {
			return Scale{}, nil, errTruncated
		}
		labels = append(labels, string(rest[:l]))
		b = rest[l:]
	}
	s, err := NewScale(int(low), int(low)+n-1, labels...)
	if err != nil {
		return Scale{}, nil, fmt.Errorf("%v: %w", err, satmetrics.ErrCorrupt)
	}
	return s, b, nil
}

var errTruncated = fmt.Errorf("truncated: %w", satmetrics.ErrCorrupt)

// isCorrupt reports whether err already wraps satmetrics.ErrCorrupt.
func isCorrupt(err error) bool { return errors.Is(err, satmetrics.ErrCorrupt) }
