package likert

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/points"
)

// A KanoAnswer is an answer to one of the paired Kano questions about a
// feature: "How do you feel if it is present?" (functional) and "... if it
// is absent?" (dysfunctional). The zero KanoAnswer is unset and not Valid.
type KanoAnswer int8

// The five Kano answers, coded 1 to 5 in the order of the Kano
// questionnaire.
const (
	KanoLike     KanoAnswer = 1 + iota // I like it that way
	KanoMustBe                         // It must be that way (I expect it)
	KanoNeutral                        // I am neutral
	KanoLiveWith                       // I can live with it that way
	KanoDislike                        // I dislike it that way
)

var kanoAnswerNames = [...]string{"", "like", "must-be", "neutral", "live-with", "dislike"}

// kanoAnswerForms lists the accepted wordings of each answer, normalised.
var kanoAnswerForms = [...][]string{
	KanoLike:     {"like", "i like it", "i like it that way", "like it"},
	KanoMustBe:   {"must-be", "must be", "it must be that way", "i expect it", "expect", "expected", "i expect it that way"},
	KanoNeutral:  {"neutral", "i am neutral", "i'm neutral", "i don't care", "indifferent"},
	KanoLiveWith: {"live-with", "live with", "i can live with it", "i can live with it that way", "i can tolerate it", "tolerate"},
	KanoDislike:  {"dislike", "i dislike it", "i dislike it that way", "dislike it"},
}

// Valid reports whether a is one of the five answers.
func (a KanoAnswer) Valid() bool { return a >= KanoLike && a <= KanoDislike }

// String returns "like", "must-be", "neutral", "live-with" or "dislike",
// and "%!KanoAnswer(n)" for an invalid answer.
func (a KanoAnswer) String() string {
	if !a.Valid() {
		return "%!KanoAnswer(" + strconv.Itoa(int(a)) + ")"
	}
	return kanoAnswerNames[a]
}

// ParseKanoAnswer parses an answer given as its code 1 to 5 or as its
// wording, ignoring case, surrounding space and a final period: "like", "I
// like it that way", "must-be", "I expect it", "neutral", "I can live with
// it", "I dislike it that way" and close variants. A code outside 1 to 5 is
// an error wrapping satmetrics.ErrRange, an unknown wording one wrapping
// satmetrics.ErrSyntax, both *satmetrics.ParseError values naming the input.
func ParseKanoAnswer(text string) (KanoAnswer, error) {
	key := strings.TrimSuffix(normLabel(text), ".")
	if v, ok := parseNumber(key); ok {
		if v != float64(int(v)) || v < 1 || v > 5 {
			err := satmetrics.ErrRange
			if v != float64(int(v)) {
				err = satmetrics.ErrSyntax
			}
			return 0, &satmetrics.ParseError{Func: "likert.ParseKanoAnswer", Input: text, Err: err}
		}
		return KanoAnswer(v), nil
	}
	for a, forms := range kanoAnswerForms {
		for _, f := range forms {
			if key == f {
				return KanoAnswer(a), nil
			}
		}
	}
	return 0, &satmetrics.ParseError{Func: "likert.ParseKanoAnswer", Input: text, Err: satmetrics.ErrSyntax}
}

// A KanoCategory is the class of a feature in Kano's model. The zero
// KanoCategory is unset and not Valid.
type KanoCategory int8

// The six categories of the Kano evaluation table.
const (
	// Attractive features delight when present and are not missed when
	// absent.
	Attractive KanoCategory = 1 + iota
	// OneDimensional features satisfy in proportion to how well they are
	// delivered: liked when present, disliked when absent.
	OneDimensional
	// MustBe features are taken for granted: absence dissatisfies,
	// presence does not delight.
	MustBe
	// Indifferent features do not matter either way.
	Indifferent
	// Reverse features are wanted absent: the respondent likes the
	// opposite of what the question assumes.
	Reverse
	// Questionable answer pairs contradict themselves (liking both the
	// presence and the absence of a feature).
	Questionable
)

var kanoCategoryNames = [...]string{"", "attractive", "one-dimensional", "must-be", "indifferent", "reverse", "questionable"}

// Valid reports whether c is one of the six categories.
func (c KanoCategory) Valid() bool { return c >= Attractive && c <= Questionable }

// String returns the category's name ("attractive", "one-dimensional",
// "must-be", "indifferent", "reverse", "questionable"), and
// "%!KanoCategory(n)" for an invalid category.
func (c KanoCategory) String() string {
	if !c.Valid() {
		return "%!KanoCategory(" + strconv.Itoa(int(c)) + ")"
	}
	return kanoCategoryNames[c]
}

// MarshalText implements encoding.TextMarshaler; an invalid category is an
// error.
func (c KanoCategory) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, fmt.Errorf("likert: marshal %v: %w", c, satmetrics.ErrRange)
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *KanoCategory) UnmarshalText(b []byte) error {
	for i, n := range kanoCategoryNames {
		if i > 0 && n == string(b) {
			*c = KanoCategory(i)
			return nil
		}
	}
	return &satmetrics.ParseError{Func: "likert.KanoCategory.UnmarshalText", Input: string(b), Err: satmetrics.ErrSyntax}
}

// kanoTable is the Kano evaluation table, functional answer by
// dysfunctional answer, in the order like, must-be, neutral, live-with,
// dislike (Kano et al. 1984; Berger et al. 1993).
var kanoTable = [5][5]KanoCategory{
	{Questionable, Attractive, Attractive, Attractive, OneDimensional},
	{Reverse, Indifferent, Indifferent, Indifferent, MustBe},
	{Reverse, Indifferent, Indifferent, Indifferent, MustBe},
	{Reverse, Indifferent, Indifferent, Indifferent, MustBe},
	{Reverse, Reverse, Reverse, Reverse, Questionable},
}

// ClassifyKano returns the category of one respondent's answer pair by the
// Kano evaluation table:
//
//	functional \ dysfunctional   like  must-be  neutral  live-with  dislike
//	like                          Q      A        A         A          O
//	must-be                       R      I        I         I          M
//	neutral                       R      I        I         I          M
//	live-with                     R      I        I         I          M
//	dislike                       R      R        R         R          Q
//
// An invalid answer is an error wrapping satmetrics.ErrRange.
func ClassifyKano(functional, dysfunctional KanoAnswer) (KanoCategory, error) {
	if !functional.Valid() || !dysfunctional.Valid() {
		return 0, fmt.Errorf("likert: Kano answers %v and %v: %w", functional, dysfunctional, satmetrics.ErrRange)
	}
	return kanoTable[functional-1][dysfunctional-1], nil
}

// A KanoTally counts the categories of one feature's answer pairs: exact
// counts per category and, once a weighted pair is added, weights. The zero
// value is empty and ready to use; it is not safe for concurrent use.
type KanoTally struct {
	c points.Counts // index category - 1
}

// Add classifies one respondent's answer pair and counts it with weight 1.
// Invalid answers are an error wrapping satmetrics.ErrRange and leave t
// unchanged. Add does not allocate.
func (t *KanoTally) Add(functional, dysfunctional KanoAnswer) error {
	c, err := ClassifyKano(functional, dysfunctional)
	if err != nil {
		return err
	}
	t.c.Add(int(c) - 1)
	return nil
}

// AddWeighted is Add with weight w; a bad weight is an error wrapping
// satmetrics.ErrWeight.
func (t *KanoTally) AddWeighted(functional, dysfunctional KanoAnswer, w float64) error {
	c, err := ClassifyKano(functional, dysfunctional)
	if err != nil {
		return err
	}
	if err := satmetrics.CheckWeight(w); err != nil {
		return err
	}
	t.c.AddWeighted(int(c)-1, w)
	return nil
}

// Merge adds u to t, as if every pair added to u had been added to t. It is
// associative and commutative, with the zero value as identity.
func (t *KanoTally) Merge(u *KanoTally) { t.c.Merge(&u.c) }

// N returns the number of answer pairs.
func (t *KanoTally) N() int64 { return t.c.Total() }

// Count returns the number of pairs in category c (0 for an invalid one).
func (t *KanoTally) Count(c KanoCategory) int64 {
	if !c.Valid() {
		return 0
	}
	return t.c.N(int(c) - 1)
}

// Weight returns the weight of the pairs in category c, their count when
// unweighted.
func (t *KanoTally) Weight(c KanoCategory) float64 {
	if !c.Valid() {
		return 0
	}
	return t.c.W(int(c) - 1)
}

// Equal reports whether t and u hold the same counts and (to a relative
// 1e-12) weights.
func (t *KanoTally) Equal(u *KanoTally) bool { return t.c.Equal(&u.c) }

// kanoPriority orders the categories for breaking ties in Category: M > O >
// A > I that Berger et al. (1993) give for mixed results, then R and Q.
var kanoPriority = [...]KanoCategory{MustBe, OneDimensional, Attractive, Indifferent, Reverse, Questionable}

// Category returns the feature's category: the most frequent one (by
// weight when weighted), ties broken by the rule M > O > A > I, then R,
// then Q. It returns an error wrapping satmetrics.ErrNoData if the tally is
// empty or its total weight is zero.
func (t *KanoTally) Category() (KanoCategory, error) {
	if !(t.c.TotalW() > 0) {
		return 0, fmt.Errorf("likert: Kano category of %d pairs: %w", t.N(), satmetrics.ErrNoData)
	}
	best := kanoPriority[0]
	for _, c := range kanoPriority[1:] {
		if t.Weight(c) > t.Weight(best) {
			best = c
		}
	}
	return best, nil
}

// Coefficients returns Berger et al.'s customer satisfaction coefficients,
//
//	better = (A + O) / (A + O + M + I)     in [0, 1]
//	worse  = -(O + M) / (A + O + M + I)    in [-1, 0]
//
// the extent to which providing the feature raises satisfaction and
// omitting it lowers it (weights in place of counts when weighted). It
// returns an error wrapping satmetrics.ErrNoData when A + O + M + I is zero.
func (t *KanoTally) Coefficients() (better, worse float64, err error) {
	a, o, m, i := t.Weight(Attractive), t.Weight(OneDimensional), t.Weight(MustBe), t.Weight(Indifferent)
	d := a + o + m + i
	if !(d > 0) {
		return 0, 0, fmt.Errorf("likert: Kano coefficients without attractive, one-dimensional, must-be or indifferent pairs: %w", satmetrics.ErrNoData)
	}
	return (a + o) / d, -(o + m) / d, nil
}

// kanoVersion is the first byte of the binary encoding of a KanoTally.
const kanoVersion = 1

// AppendBinary appends the binary encoding of t to b: a version byte, 1,
// then a flags byte (bit 0 set if weighted), six uvarint counts in category
// order and, if weighted, seven pairs of little-endian float64 (the
// compensated weight sums per category, then the squared weights).
func (t *KanoTally) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, kanoVersion)
	return t.c.AppendBinary(b, 6), nil
}

// MarshalBinary returns the binary encoding of t (see AppendBinary).
func (t *KanoTally) MarshalBinary() ([]byte, error) { return t.AppendBinary(nil) }

// UnmarshalBinary replaces t with the tally encoded in b. Truncated or
// trailing bytes, an unknown version and impossible counts or weights are
// errors wrapping satmetrics.ErrCorrupt; t is then unchanged.
func (t *KanoTally) UnmarshalBinary(b []byte) error {
	if len(b) < 1 || b[0] != kanoVersion {
		return fmt.Errorf("likert: decode Kano tally: missing or unknown version: %w", satmetrics.ErrCorrupt)
	}
	var c points.Counts
	rest, err := c.DecodeBinary(b[1:], 6)
	if err != nil {
		return fmt.Errorf("likert: decode Kano tally: %v: %w", err, satmetrics.ErrCorrupt)
	}
	if len(rest) != 0 {
		return fmt.Errorf("likert: decode Kano tally: %d trailing bytes: %w", len(rest), satmetrics.ErrCorrupt)
	}
	return t.set(c)
}

// set replaces t's counts after checking that no weight lacks a pair.
func (t *KanoTally) set(c points.Counts) error {
	u := Tally{c: c, scale: kanoScale}
	if err := u.check(); err != nil {
		return fmt.Errorf("likert: decode Kano tally: %w", err)
	}
	t.c = c
	return nil
}

// kanoScale is a six-point scale standing for the categories, to reuse the
// tally checks.
var kanoScale = Scale{preset: custom, low: 1, n: 6}

// MarshalJSON encodes t as {"counts":[A, O, M, I, R, Q]} with, when
// weighted, "weights" and "sum_w2".
func (t *KanoTally) MarshalJSON() ([]byte, error) {
	return json.Marshal(t.c.ToJSON(6))
}

// UnmarshalJSON decodes the form MarshalJSON writes; impossible counts or
// weights are errors wrapping satmetrics.ErrCorrupt.
func (t *KanoTally) UnmarshalJSON(b []byte) error {
	var j points.JSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("likert: decode Kano tally: %v: %w", err, satmetrics.ErrCorrupt)
	}
	var c points.Counts
	if err := c.FromJSON(j, 6); err != nil {
		return fmt.Errorf("likert: decode Kano tally: %v: %w", err, satmetrics.ErrCorrupt)
	}
	return t.set(c)
}
