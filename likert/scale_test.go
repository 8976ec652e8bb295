package likert

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/satmetrics/satmetrics"
)

func TestScaleParse(t *testing.T) {
	s7, _ := NewScale(1, 7)
	bip, err := NewScale(-2, 2, "Much worse", "Worse", "Same", "Better", "Much better")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		s    Scale
		in   string
		want int
		err  error
	}{
		{Agree5, "4", 4, nil},
		{Agree5, " 4.0 ", 4, nil},
		{Agree5, "Agree", 4, nil},
		{Agree5, "  strongly   AGREE ", 5, nil},
		{Agree5, "4 - Agree", 4, nil},
		{Agree5, "4-Agree", 4, nil},
		{Agree5, "4: agree", 4, nil},
		{Agree5, "4) Agree", 4, nil},
		{Agree5, "4. Agree", 4, nil},
		{Agree5, "4 = Agree", 4, nil},
		{Agree5, "4 – Agree", 4, nil},
		{Agree5, "4 Agree", 4, nil},
		{Agree5, "3 - Neither agree nor disagree", 3, nil},
		{Agree5, "0", 0, satmetrics.ErrRange},
		{Agree5, "6", 0, satmetrics.ErrRange},
		{Agree5, "6 - Agree", 0, satmetrics.ErrRange},
		{Agree5, "4.5", 0, satmetrics.ErrSyntax},
		{Agree5, "5 - Agree", 0, satmetrics.ErrSyntax},
		{Agree5, "4Agree", 0, satmetrics.ErrSyntax},
		{Agree5, "4 - Agreed", 0, satmetrics.ErrSyntax},
		{Agree5, "Agreed", 0, satmetrics.ErrSyntax},
		{Agree5, "", 0, satmetrics.ErrSyntax},
		{Agree5, "NaN", 0, satmetrics.ErrSyntax},
		{Agree5, "1e0", 0, satmetrics.ErrSyntax},
		{Agree5, "- Agree", 0, satmetrics.ErrSyntax},
		{s7, "7", 7, nil},
		{s7, "Agree", 0, satmetrics.ErrSyntax},
		{bip, "-2", -2, nil},
		{bip, "-2 - much worse", -2, nil},
		{bip, "+1 Better", 1, nil},
		{bip, "same", 0, nil},
		{bip, "-3", 0, satmetrics.ErrRange},
		{Frequency5, "sometimes", 3, nil},
		{Quality5, "Excellent", 5, nil},
	} {
		got, err := c.s.Parse(c.in)
		if got != c.want || !errors.Is(err, c.err) {
			t.Errorf("%v.Parse(%q) = %d, %v, want %d, %v", c.s, c.in, got, err, c.want, c.err)
		}
		var pe *satmetrics.ParseError
		if c.err != nil && (!errors.As(err, &pe) || pe.Input != c.in || pe.Func != "likert.Scale.Parse") {
			t.Errorf("%v.Parse(%q): error %v is not a ParseError naming the input", c.s, c.in, err)
		}
	}
}

func TestNewScale(t *testing.T) {
	for _, c := range []struct {
		low, high int
		labels    []string
		err       error
	}{
		{1, 1, nil, satmetrics.ErrRange},
		{0, 11, nil, satmetrics.ErrRange},
		{0, 10, nil, nil},
		{-1001, -1000, nil, satmetrics.ErrRange},
		{1000, 1001, nil, satmetrics.ErrRange},
		{1, 3, []string{"a", "b"}, satmetrics.ErrSyntax},
		{1, 3, []string{"a", " ", "c"}, satmetrics.ErrSyntax},
		{1, 3, []string{"a", "2", "c"}, satmetrics.ErrSyntax},
		{1, 3, []string{"Low", "mid", "LOW"}, satmetrics.ErrSyntax},
		{1, 3, []string{"Low", "Mid", "High"}, nil},
	} {
		s, err := NewScale(c.low, c.high, c.labels...)
		if !errors.Is(err, c.err) {
			t.Errorf("NewScale(%d, %d, %q) = %v, %v, want %v", c.low, c.high, c.labels, s, err, c.err)
		}
	}
	// A custom scale with a preset's codes and labels is the preset.
	s, _ := NewScale(1, 5, "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree")
	if s != Agree5 || s != (Scale{}) {
		t.Errorf("NewScale with agree5's labels = %#v, want Agree5", s)
	}
	s, _ = NewScale(1, 5, "Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree")
	if s == Agree5 {
		t.Errorf("a different label made Agree5")
	}
}

func TestScaleAccessors(t *testing.T) {
	for _, c := range []struct {
		s                  Scale
		name               string
		low, high, neutral int
		hasNeutral         bool
	}{
		{Agree5, "agree5", 1, 5, 3, true},
		{Agree7, "agree7", 1, 7, 4, true},
		{Satisfied5, "satisfied5", 1, 5, 3, true},
		{Satisfied7, "satisfied7", 1, 7, 4, true},
		{Frequency5, "frequency5", 1, 5, 3, true},
		{Importance5, "importance5", 1, 5, 3, true},
		{Likelihood5, "likelihood5", 1, 5, 3, true},
		{Quality5, "quality5", 1, 5, 3, true},
	} {
		n, ok := c.s.Neutral()
		if c.s.String() != c.name || c.s.Low() != c.low || c.s.High() != c.high || n != c.neutral || ok != c.hasNeutral || !c.s.Labelled() {
			t.Errorf("%v: low %d high %d neutral %d %v", c.s, c.s.Low(), c.s.High(), n, ok)
		}
		p, err := ParseScaleName(c.name)
		if err != nil || p != c.s {
			t.Errorf("ParseScaleName(%q) = %v, %v", c.name, p, err)
		}
		// Every label parses to its point, in every accepted form.
		for code := c.s.Low(); code <= c.s.High(); code++ {
			l := c.s.Label(code)
			for _, in := range []string{l, "  " + l + " ", itoa(code) + " - " + l} {
				if got, err := c.s.Parse(in); got != code || err != nil {
					t.Errorf("%v.Parse(%q) = %d, %v, want %d", c.s, in, got, err, code)
				}
			}
		}
	}
	if _, err := ParseScaleName("agree6"); !errors.Is(err, satmetrics.ErrSyntax) {
		t.Errorf("ParseScaleName(agree6) = %v", err)
	}
	s10, _ := NewScale(0, 10)
	if _, ok := s10.Neutral(); !ok || s10.String() != "scale 0-10" || s10.Labelled() || s10.Label(3) != "" {
		t.Errorf("0-10 scale: %v labelled %v", s10, s10.Labelled())
	}
	s4, _ := NewScale(1, 4, "a", "b", "c", "d")
	if _, ok := s4.Neutral(); ok || s4.String() != "scale 1-4 labelled" || s4.Label(5) != "" || s4.Label(2) != "b" {
		t.Errorf("4-point scale: %v", s4)
	}
	if (Scale{preset: custom}).String() != "%!Scale(invalid)" {
		t.Errorf("invalid scale String = %q", Scale{preset: custom}.String())
	}
	if Agree5.Reverse(1) != 5 || Agree5.Reverse(3) != 3 || s10.Reverse(2) != 8 {
		t.Errorf("Reverse wrong")
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestScaleEncoding(t *testing.T) {
	s10, _ := NewScale(0, 10)
	bip, _ := NewScale(-2, 2, "Much worse", "Worse", "Same", "Better", "Much better")
	for _, s := range []Scale{Agree5, Agree7, Quality5, s10, bip} {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back Scale
		if err := json.Unmarshal(b, &back); err != nil || back != s {
			t.Errorf("JSON round trip of %v: %s -> %v, %v", s, b, back, err)
		}
		bb := s.appendBinary(nil)
		got, rest, err := decodeScale(bb)
		if err != nil || got != s || len(rest) != 0 {
			t.Errorf("binary round trip of %v: %v, %v", s, got, err)
		}
	}
	for _, in := range []string{`{"low":1,"high":1}`, `{"low":1,"high":3,"labels":["a"]}`, `[]`, `{"low":"x"}`} {
		var s Scale
		if err := json.Unmarshal([]byte(in), &s); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("Unmarshal(%s) = %v, want ErrCorrupt", in, err)
		}
	}
}

func TestMissingPolicyText(t *testing.T) {
	for _, m := range []MissingPolicy{Pairwise, Listwise} {
		b, err := m.MarshalText()
		var back MissingPolicy = 9
		if err != nil || back.UnmarshalText(b) != nil || back != m {
			t.Errorf("%v text round trip: %s %v", m, b, err)
		}
	}
	var m MissingPolicy
	if _, err := MissingPolicy(3).MarshalText(); !errors.Is(err, satmetrics.ErrRange) || MissingPolicy(3).String() != "%!MissingPolicy(3)" {
		t.Errorf("invalid policy marshals")
	}
	if err := m.UnmarshalText([]byte("casewise")); !errors.Is(err, satmetrics.ErrSyntax) {
		t.Errorf("UnmarshalText(casewise) = %v", err)
	}
}
