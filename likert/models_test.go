package likert

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/satmetrics/satmetrics"
)

// TestKanoTable checks ClassifyKano against the Kano evaluation table as
// Berger et al. (1993) print it, transcribed here row by row (functional
// answer like, must-be, neutral, live-with, dislike; columns the
// dysfunctional answer in the same order).
func TestKanoTable(t *testing.T) {
	table := [5]string{"QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"}
	letter := map[byte]KanoCategory{'A': Attractive, 'O': OneDimensional, 'M': MustBe, 'I': Indifferent, 'R': Reverse, 'Q': Questionable}
	for f := KanoLike; f <= KanoDislike; f++ {
		for d := KanoLike; d <= KanoDislike; d++ {
			got, err := ClassifyKano(f, d)
			if want := letter[table[f-1][d-1]]; err != nil || got != want {
				t.Errorf("ClassifyKano(%v, %v) = %v, %v, want %v", f, d, got, err, want)
			}
		}
	}
	if _, err := ClassifyKano(0, KanoLike); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("ClassifyKano(0, like) = %v, want ErrRange", err)
	}
}

// TestKanoCoefficients works a feature by hand. Twenty answer pairs:
//
//	(like, dislike)     x5  one-dimensional
//	(like, neutral)     x4  attractive
//	(neutral, dislike)  x6  must-be
//	(neutral, neutral)  x3  indifferent
//	(dislike, like)     x1  reverse
//	(like, like)        x1  questionable
//
// so A + O + M + I = 4 + 5 + 6 + 3 = 18, better = (4 + 5)/18 = 0.5, worse =
// -(5 + 6)/18 = -0.6111..., and the category is must-be (6 pairs).
func TestKanoCoefficients(t *testing.T) {
	var k KanoTally
	for _, p := range []struct {
		f, d KanoAnswer
		n    int
	}{
		{KanoLike, KanoDislike, 5}, {KanoLike, KanoNeutral, 4}, {KanoNeutral, KanoDislike, 6},
		{KanoNeutral, KanoNeutral, 3}, {KanoDislike, KanoLike, 1}, {KanoLike, KanoLike, 1},
	} {
		for range p.n {
			if err := k.Add(p.f, p.d); err != nil {
				t.Fatal(err)
			}
		}
	}
	better, worse, err := k.Coefficients()
	if err != nil || better != 0.5 || !closeTo(worse, -11.0/18, 1e-15) {
		t.Errorf("Coefficients = %v, %v, %v, want 0.5, -11/18", better, worse, err)
	}
	if c, _ := k.Category(); c != MustBe {
		t.Errorf("Category = %v, want must-be", c)
	}
	want := map[KanoCategory]int64{Attractive: 4, OneDimensional: 5, MustBe: 6, Indifferent: 3, Reverse: 1, Questionable: 1}
	for c, n := range want {
		if k.Count(c) != n {
			t.Errorf("Count(%v) = %d, want %d", c, k.Count(c), n)
		}
	}
	if k.N() != 20 || k.Count(0) != 0 || k.Weight(9) != 0 {
		t.Errorf("N = %d, want 20", k.N())
	}
	// Ties: M > O > A > I.
	for _, c := range []struct {
		pairs [][2]KanoAnswer
		want  KanoCategory
	}{
		{[][2]KanoAnswer{{KanoLike, KanoNeutral}, {KanoLike, KanoDislike}}, OneDimensional},
		{[][2]KanoAnswer{{KanoLike, KanoDislike}, {KanoNeutral, KanoDislike}}, MustBe},
		{[][2]KanoAnswer{{KanoNeutral, KanoNeutral}, {KanoLike, KanoNeutral}}, Attractive},
		{[][2]KanoAnswer{{KanoNeutral, KanoNeutral}, {KanoDislike, KanoLike}}, Indifferent},
	} {
		var k KanoTally
		for _, p := range c.pairs {
			k.Add(p[0], p[1])
		}
		if got, _ := k.Category(); got != c.want {
			t.Errorf("Category of %v = %v, want %v", c.pairs, got, c.want)
		}
	}
	// Weighted: one attractive pair of weight 3 against one must-be of 1:
	// better = 3/4, worse = -1/4, category attractive.
	var w KanoTally
	w.AddWeighted(KanoLike, KanoNeutral, 3)
	w.AddWeighted(KanoNeutral, KanoDislike, 1)
	b, wo, _ := w.Coefficients()
	if c, _ := w.Category(); b != 0.75 || wo != -0.25 || c != Attractive {
		t.Errorf("weighted: better %v, worse %v, category %v; want 0.75, -0.25, attractive", b, wo, c)
	}
	var empty KanoTally
	if _, err := empty.Category(); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Category of empty = %v, want ErrNoData", err)
	}
	empty.Add(KanoLike, KanoLike)
	if _, _, err := empty.Coefficients(); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Coefficients of questionable only = %v, want ErrNoData", err)
	}
	if err := empty.Add(KanoLike, 6); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Add(like, 6) = %v, want ErrRange", err)
	}
	if err := empty.AddWeighted(KanoLike, KanoLike, -1); !errors.Is(err, satmetrics.ErrWeight) {
		t.Errorf("AddWeighted(-1) = %v, want ErrWeight", err)
	}
	if err := empty.AddWeighted(9, KanoLike, 1); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("AddWeighted(9, like) = %v, want ErrRange", err)
	}
}

func TestParseKanoAnswer(t *testing.T) {
	for _, c := range []struct {
		in   string
		want KanoAnswer
		err  error
	}{
		{"1", KanoLike, nil},
		{" 5 ", KanoDislike, nil},
		{"I like it that way.", KanoLike, nil},
		{"It must be that way", KanoMustBe, nil},
		{"i expect it", KanoMustBe, nil},
		{"NEUTRAL", KanoNeutral, nil},
		{"I can live   with it", KanoLiveWith, nil},
		{"dislike", KanoDislike, nil},
		{"0", 0, satmetrics.ErrRange},
		{"6", 0, satmetrics.ErrRange},
		{"2.5", 0, satmetrics.ErrSyntax},
		{"love it", 0, satmetrics.ErrSyntax},
		{"", 0, satmetrics.ErrSyntax},
	} {
		got, err := ParseKanoAnswer(c.in)
		if got != c.want || !errors.Is(err, c.err) {
			t.Errorf("ParseKanoAnswer(%q) = %v, %v, want %v, %v", c.in, got, err, c.want, c.err)
		}
		var pe *satmetrics.ParseError
		if c.err != nil && (!errors.As(err, &pe) || pe.Input != c.in) {
			t.Errorf("ParseKanoAnswer(%q) error %v does not name the input", c.in, err)
		}
	}
	for a := KanoLike; a <= KanoDislike; a++ {
		if got, err := ParseKanoAnswer(a.String()); got != a || err != nil {
			t.Errorf("ParseKanoAnswer(%q) = %v, %v", a.String(), got, err)
		}
	}
	if KanoAnswer(0).String() != "%!KanoAnswer(0)" || KanoCategory(7).String() != "%!KanoCategory(7)" {
		t.Errorf("invalid String forms wrong")
	}
	for c := Attractive; c <= Questionable; c++ {
		b, err := c.MarshalText()
		var back KanoCategory
		if err != nil || back.UnmarshalText(b) != nil || back != c {
			t.Errorf("KanoCategory %v text round trip: %s, %v, %v", c, b, err, back)
		}
	}
	var c KanoCategory
	if _, err := KanoCategory(0).MarshalText(); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("MarshalText of 0 = %v", err)
	}
	if err := c.UnmarshalText([]byte("delightful")); !errors.Is(err, satmetrics.ErrSyntax) {
		t.Errorf("UnmarshalText(delightful) = %v", err)
	}
}

// TestIPAHand places four attributes by hand. Importance 4.5, 4.2, 3.0, 3.1
// and performance 3.0, 4.4, 2.8, 4.6 have grand means 14.8/4 = 3.7 and
// 14.8/4 = 3.7: A is important and below 3.7 in performance (concentrate
// here), B above both (keep up), C below both (low priority), D unimportant
// and performing (possible overkill). With the crosshair at the scale
// midpoint (3, 3), values on the line count as high: A (4.5, 3.0) keeps up,
// C (3.0, 2.8) needs concentration, D keeps up.
func TestIPAHand(t *testing.T) {
	attrs := []Attribute{
		{"A", 4.5, 3.0}, {"B", 4.2, 4.4}, {"C", 3.0, 2.8}, {"D", 3.1, 4.6},
	}
	res, err := IPA{}.Place(attrs)
	if err != nil {
		t.Fatal(err)
	}
	if !closeTo(res.Crosshair.Importance, 3.7, 1e-15) || !closeTo(res.Crosshair.Performance, 3.7, 1e-15) {
		t.Errorf("crosshair = %+v, want 3.7, 3.7", res.Crosshair)
	}
	var got []Quadrant
	for _, a := range res.Attributes {
		got = append(got, a.Quadrant)
	}
	if diff := cmp.Diff([]Quadrant{ConcentrateHere, KeepUp, LowPriority, PossibleOverkill}, got); diff != "" {
		t.Errorf("grand-mean quadrants (-want +got):\n%s", diff)
	}
	if !closeTo(res.Attributes[0].Gap, -1.5, 1e-15) {
		t.Errorf("gap of A = %v, want -1.5", res.Attributes[0].Gap)
	}
	res, err = IPA{Crosshair: &Crosshair{Importance: 3, Performance: 3}}.Place(attrs)
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, a := range res.Attributes {
		got = append(got, a.Quadrant)
	}
	if diff := cmp.Diff([]Quadrant{KeepUp, KeepUp, ConcentrateHere, KeepUp}, got); diff != "" {
		t.Errorf("midpoint quadrants (-want +got):\n%s", diff)
	}
	if _, err := json.Marshal(res); err != nil {
		t.Errorf("IPAResult does not encode: %v", err)
	}
	if _, err := (IPA{}).Place(nil); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Place(nil) = %v, want ErrNoData", err)
	}
	if _, err := (IPA{}).Place([]Attribute{{"x", math.NaN(), 1}}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Place(NaN) = %v, want ErrRange", err)
	}
	if _, err := (IPA{Crosshair: &Crosshair{math.Inf(1), 0}}).Place(attrs); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Place with an infinite crosshair = %v, want ErrRange", err)
	}
	imp, _ := TallyFromCounts(Importance5, []int64{0, 0, 1, 1, 2}) // mean (3 + 4 + 10)/4 = 4.25
	perf, _ := TallyFromCounts(Quality5, []int64{1, 1, 0, 0, 0})   // mean 1.5
	a, err := AttributeOf("x", &imp, &perf)
	if err != nil || a != (Attribute{"x", 4.25, 1.5}) {
		t.Errorf("AttributeOf = %+v, %v, want {x 4.25 1.5}", a, err)
	}
	var empty Tally
	if _, err := AttributeOf("x", &empty, &perf); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("AttributeOf with no importance answers = %v", err)
	}
	if _, err := AttributeOf("x", &imp, &empty); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("AttributeOf with no performance answers = %v", err)
	}
	for q := ConcentrateHere; q <= PossibleOverkill; q++ {
		b, err := q.MarshalText()
		var back Quadrant
		if err != nil || back.UnmarshalText(b) != nil || back != q {
			t.Errorf("Quadrant %v text round trip", q)
		}
	}
	var q Quadrant
	if _, err := q.MarshalText(); err == nil || q.UnmarshalText([]byte("x")) == nil || q.String() != "%!Quadrant(0)" {
		t.Errorf("invalid quadrant accepted")
	}
}

// gapModel3 is a small model: dimension D1 of two items, D2 of one.
func gapModel3(t testing.TB) GapModel {
	s, err := NewScale(1, 7)
	if err != nil {
		t.Fatal(err)
	}
	return GapModel{Scale: s, Dimensions: []Dimension{{"D1", []string{"d1a", "d1b"}}, {"D2", []string{"d2"}}}}
}

// TestGapHand works a gap model by hand. Three respondents, items (d1a,
// d1b, d2), perception P and expectation E:
//
//	R1  P 6 5 4  E 7 7 6  gaps -1 -2 -2  D1 -1.5  D2 -2  overall -1.75
//	R2  P 7 6 5  E 6 6 7  gaps  1  0 -2  D1  0.5  D2 -2  overall -0.75
//	R3  P 5 . 3  E 7 6 3  gaps -2  .  0  D1 -2    D2  0  overall -1
//
// Item d1a: gap mean (-1 + 1 - 2)/3 = -2/3. Item d1b: perception (5 + 6)/2
// = 5.5, expectation 19/3, gap mean -1 over two pairs. D1: (-1.5 + 0.5 -
// 2)/3 = -1; D2: -4/3; overall (-1.75 - 0.75 - 1)/3 = -7/6, with deviations
// -7/12, 5/12, 1/6, sum of squares 0.5416..., variance 0.2708..., standard
// error √(0.2708/3) and t(0.975, 2) = 4.3026527297494619 (R: qt(.975, 2)).
func TestGapHand(t *testing.T) {
	g, err := NewGapTally(gapModel3(t))
	if err != nil {
		t.Fatal(err)
	}
	rows := [][2][]int{
		{{6, 5, 4}, {7, 7, 6}},
		{{7, 6, 5}, {6, 6, 7}},
		{{5, Missing, 3}, {7, 6, 3}},
	}
	for _, r := range rows {
		if err := g.Add(r[0], r[1]); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := g.Report(0.95)
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, got, want float64) {
		t.Helper()
		if !closeTo(got, want, 1e-12) {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	check("d1a gap", rep.Dimensions[0].Items[0].Gap.Value, -2.0/3)
	check("d1b perception", rep.Dimensions[0].Items[1].Perception, 5.5)
	check("d1b expectation", rep.Dimensions[0].Items[1].Expectation, 19.0/3)
	check("d1b gap", rep.Dimensions[0].Items[1].Gap.Value, -1)
	if rep.Dimensions[0].Items[1].Gap.N != 2 {
		t.Errorf("d1b gap N = %d, want 2", rep.Dimensions[0].Items[1].Gap.N)
	}
	check("D1 gap", rep.Dimensions[0].Gap.Value, -1)
	check("D2 gap", rep.Dimensions[1].Gap.Value, -4.0/3)
	check("overall gap", rep.Overall.Value, -7.0/6)
	v := (49.0/144 + 25.0/144 + 1.0/36) / 2
	se := math.Sqrt(v / 3)
	check("overall se", rep.Overall.StdErr, se)
	if want := -7.0/6 - 4.3026527297494619*se; !closeTo(rep.Overall.Lower, want, 1e-13) {
		t.Errorf("overall lower = %v, want %v", rep.Overall.Lower, want)
	}
	if g.N() != 3 {
		t.Errorf("N = %d, want 3", g.N())
	}
	if _, err := json.Marshal(rep); err != nil {
		t.Errorf("GapReport does not encode: %v", err)
	}
}

func TestGapErrors(t *testing.T) {
	if _, err := NewGapTally(GapModel{}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("NewGapTally of no dimensions = %v, want ErrRange", err)
	}
	if _, err := NewGapTally(GapModel{Dimensions: []Dimension{{"x", nil}}}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("NewGapTally of an empty dimension = %v, want ErrRange", err)
	}
	g, _ := NewGapTally(gapModel3(t))
	if err := g.Add([]int{1, 2}, []int{1, 2, 3}); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("short row = %v, want ErrIncompatible", err)
	}
	if err := g.Add([]int{1, 2, 8}, []int{1, 2, 3}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("code 8 on 7 points = %v, want ErrRange", err)
	}
	if err := g.AddWeighted([]int{1, 2, 3}, []int{1, 2, 3}, math.Inf(1)); !errors.Is(err, satmetrics.ErrWeight) {
		t.Errorf("infinite weight = %v, want ErrWeight", err)
	}
	if g.N() != 0 {
		t.Errorf("refused rows counted")
	}
	if _, err := g.Report(0.95); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Report of empty = %v, want ErrNoData", err)
	}
	g.Add([]int{1, 2, 3}, []int{2, 2, 2})
	g.Add([]int{1, 2, Missing}, []int{3, 2, 2})
	if _, err := g.Report(0.95); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Report with one D2 answer = %v, want ErrNoData", err)
	}
	if _, err := g.Report(0); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("Report(0) = %v, want ErrLevel", err)
	}
	var zero GapTally
	if _, err := zero.Report(0.95); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Report of zero tally = %v", err)
	}
	other, _ := NewGapTally(ServiceCharacteristics())
	if err := g.Merge(other); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("Merge of another model = %v, want ErrIncompatible", err)
	}
	if n := SERVQUAL().Items(); n != 22 {
		t.Errorf("SERVQUAL has %d items, want 22", n)
	}
	if m := ServiceCharacteristics(); len(m.Dimensions) != 6 || m.Items() != 6 || m.Scale != Agree7 {
		t.Errorf("ServiceCharacteristics = %+v", m)
	}
	if m := g.Model(); !m.equal(&g.model) {
		t.Errorf("Model() differs")
	}
}
