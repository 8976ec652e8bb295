package csat_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/csat"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		scale csat.Scale
		in    string
		want  csat.Rating
		err   error
	}{
		{csat.Five, "4", 4, nil},
		{csat.Five, " 5 ", 5, nil},
		{csat.Five, "4.0", 4, nil},
		{csat.Five, "4 - Satisfied", 4, nil},
		{csat.Five, "Very satisfied", 5, nil},
		{csat.Five, "very DISSATISFIED", 1, nil},
		{csat.Five, "Neither satisfied nor dissatisfied", 3, nil},
		{csat.Five, "★★★★☆", 4, nil},
		{csat.Five, "⭐⭐⭐⭐⭐", 5, nil},
		{csat.Five, "***", 3, nil},
		{csat.Five, "😐", 3, nil},
		{csat.Five, "☹️", 2, nil},
		{csat.Five, "😍", 5, nil},
		{csat.Three, "Satisfied", 3, nil},
		{csat.Three, "🙂", 3, nil},
		{csat.Seven, "Moderately satisfied", 6, nil},
		{csat.Seven, "Somewhat dissatisfied", 3, nil},
		{csat.Seven, "7", 7, nil},
		{csat.Ten, "10 - Extremely satisfied", 10, nil},
		{csat.Ten, "Not at all satisfied", 1, nil},
		{csat.Binary, "Good", csat.Good, nil},
		{csat.Binary, "bad", csat.Bad, nil},
		{csat.Binary, "Good, I’m satisfied", csat.Good, nil},
		{csat.Binary, "👍", csat.Good, nil},
		{csat.Binary, "2", csat.Good, nil},
		{csat.Binary, "offered", 0, csat.ErrUnrated},
		{csat.Binary, "Unoffered", 0, csat.ErrUnrated},
		{csat.Five, "", 0, csat.ErrUnrated},
		{csat.Five, "  ", 0, csat.ErrUnrated},
		{csat.Five, "4.5", 0, satmetrics.ErrSyntax},
		{csat.Five, "6", 0, satmetrics.ErrRange},
		{csat.Five, "0", 0, satmetrics.ErrRange},
		{csat.Five, "-1", 0, satmetrics.ErrRange},
		{csat.Five, "★★★★★★", 0, satmetrics.ErrRange},
		{csat.Five, "☆☆☆☆☆", 0, satmetrics.ErrRange},
		{csat.Five, "Delighted", 0, satmetrics.ErrSyntax},
		{csat.Five, "👍", 0, satmetrics.ErrSyntax},
		{csat.Five, "☆★", 0, satmetrics.ErrSyntax},
		{csat.Ten, "Satisfied", 0, satmetrics.ErrSyntax},
		{csat.Three, "4", 0, satmetrics.ErrRange},
		{csat.Scale(9), "4", 0, satmetrics.ErrRange},
	} {
		got, err := c.scale.Parse(c.in)
		if c.err == nil {
			if err != nil || got != c.want {
				t.Errorf("%v.Parse(%q) = %v, %v, want %v", c.scale, c.in, got, err, c.want)
			}
			continue
		}
		var pe *satmetrics.ParseError
		if !errors.Is(err, c.err) || !errors.As(err, &pe) || pe.Input != c.in {
			t.Errorf("%v.Parse(%q) error = %v, want a ParseError wrapping %v", c.scale, c.in, err, c.err)
		}
	}
	if !errors.Is(csat.ErrUnrated, satmetrics.ErrSyntax) {
		t.Error("ErrUnrated does not wrap ErrSyntax")
	}
	if r, err := csat.ParseRating("Satisfied"); r != 4 || err != nil {
		t.Errorf("ParseRating(Satisfied) = %v, %v", r, err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"4", " 5 - Very satisfied", "4.5", "★★★☆☆", "😐", "Good", "offered", "", "-3"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, in string, sc uint8) {
		s := csat.Scale(sc % 6) // includes one undefined scale
		r, err := s.Parse(in)
		if err != nil {
			var pe *satmetrics.ParseError
			if !errors.As(err, &pe) || pe.Input != in ||
				!(errors.Is(err, satmetrics.ErrSyntax) || errors.Is(err, satmetrics.ErrRange)) {
				t.Errorf("%v.Parse(%q) error = %v", s, in, err)
			}
			return
		}
		if !s.Contains(r) {
			t.Errorf("%v.Parse(%q) = %v, not on the scale", s, in, r)
		}
		if back, err := s.Parse(r.String()); err != nil || back != r {
			t.Errorf("%v.Parse(%q) = %v, %v", s, r.String(), back, err)
		}
		if l := s.Label(r); l != "" {
			if back, err := s.Parse(l); err != nil || back != r {
				t.Errorf("%v.Parse(label %q) = %v, %v, want %v", s, l, back, err, r)
			}
		}
	})
}

func TestScale(t *testing.T) {
	for _, c := range []struct {
		s        csat.Scale
		name     string
		points   int
		from     csat.Rating
		topLabel string
	}{
		{csat.Five, "1-5", 5, 4, "Very satisfied"},
		{csat.Three, "1-3", 3, 3, "Satisfied"},
		{csat.Seven, "1-7", 7, 6, "Extremely satisfied"},
		{csat.Ten, "1-10", 10, 8, "Extremely satisfied"},
		{csat.Binary, "binary", 2, csat.Good, "Good"},
	} {
		if c.s.String() != c.name || c.s.Points() != c.points || c.s.SatisfiedFrom() != c.from ||
			c.s.Label(csat.Rating(c.points)) != c.topLabel {
			t.Errorf("%v: %d points, satisfied from %v, top label %q", c.s, c.s.Points(), c.s.SatisfiedFrom(), c.s.Label(csat.Rating(c.points)))
		}
		if c.s.Satisfied(c.from-1) || !c.s.Satisfied(c.from) || c.s.Satisfied(csat.Rating(c.points+1)) {
			t.Errorf("%v: Satisfied wrong around %v", c.s, c.from)
		}
		b, err := c.s.MarshalText()
		var back csat.Scale
		if err != nil || back.UnmarshalText(b) != nil || back != c.s {
			t.Errorf("%v: text round trip gives %v, %v", c.s, back, err)
		}
		// Every label parses back to its rating.
		for r := csat.Rating(1); int(r) <= c.points; r++ {
			if l := c.s.Label(r); l != "" {
				if got, err := c.s.Parse(l); got != r || err != nil {
					t.Errorf("%v.Parse(%q) = %v, %v, want %v", c.s, l, got, err, r)
				}
			}
		}
	}
	bad := csat.Scale(7)
	if bad.Valid() || bad.String() != "%!Scale(7)" || bad.Points() != 0 || bad.SatisfiedFrom() != 0 || bad.Label(1) != "" {
		t.Errorf("undefined scale: %v", bad)
	}
	if _, err := bad.MarshalText(); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("MarshalText of an undefined scale: %v", err)
	}
	var s csat.Scale
	if err := s.UnmarshalText([]byte("1-4")); !errors.Is(err, satmetrics.ErrSyntax) {
		t.Errorf("UnmarshalText(1-4): %v", err)
	}
	if csat.Rating(0).String() != "%!Rating(0)" || csat.Rating(4).String() != "4" || csat.Rating(11).Valid() {
		t.Error("Rating strings")
	}
}

func ExampleScale_Parse() {
	// Answers as a survey tool exports them.
	for _, in := range []string{"4 - Satisfied", "Very satisfied", "★★☆☆☆", "😐", "4.5", "6"} {
		r, err := csat.Five.Parse(in)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(r, csat.Five.Label(r), csat.Five.Satisfied(r))
	}
	// Output:
	// 4 Satisfied true
	// 5 Very satisfied true
	// 2 Dissatisfied false
	// 3 Neutral false
	// csat.Scale(1-5).Parse: parsing "4.5": invalid syntax: not a whole number
	// csat.Scale(1-5).Parse: parsing "6": value out of range: ratings on 1-5 run from 1 to 5
}
