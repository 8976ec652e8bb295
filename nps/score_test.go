package nps_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/nps"
)

func TestParseScore(t *testing.T) {
	for _, c := range []struct {
		in   string
		want nps.Score
		err  error
	}{
		{"0", 0, nil},
		{"10", 10, nil},
		{" 9 ", 9, nil},
		{"07", 7, nil},
		{"+8", 8, nil},
		{"9.0", 9, nil},
		{"10 - Extremely likely", 10, nil},
		{"0 - Not at all likely", 0, nil},
		{"5 – neutral", 5, nil},
		{"Extremely likely", 10, nil},
		{"NOT AT ALL LIKELY", 0, nil},
		{"9.5", 0, satmetrics.ErrSyntax},
		{"11", 0, satmetrics.ErrRange},
		{"-1", 0, satmetrics.ErrRange},
		{"100000000000000000000", 0, satmetrics.ErrRange},
		{"", 0, satmetrics.ErrSyntax},
		{"  ", 0, satmetrics.ErrSyntax},
		{"nine", 0, satmetrics.ErrSyntax},
		{"9a", 0, satmetrics.ErrSyntax},
		{"Very likely", 0, satmetrics.ErrSyntax},
	} {
		got, err := nps.ParseScore(c.in)
		if c.err == nil {
			if err != nil || got != c.want {
				t.Errorf("ParseScore(%q) = %v, %v, want %v", c.in, got, err, c.want)
			}
			continue
		}
		var pe *satmetrics.ParseError
		if !errors.Is(err, c.err) || !errors.As(err, &pe) || pe.Input != c.in || pe.Func != "nps.ParseScore" {
			t.Errorf("ParseScore(%q) error = %v, want a ParseError wrapping %v", c.in, err, c.err)
		}
	}
}

func FuzzParseScore(f *testing.F) {
	for _, s := range []string{"9", " 10 - Extremely likely", "9.5", "-1", "11", "", "Extremely likely", "7.00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := nps.ParseScore(s)
		if err != nil {
			var pe *satmetrics.ParseError
			if !errors.As(err, &pe) || pe.Input != s ||
				!(errors.Is(err, satmetrics.ErrSyntax) || errors.Is(err, satmetrics.ErrRange)) {
				t.Errorf("ParseScore(%q) error = %v", s, err)
			}
			return
		}
		if !v.Valid() {
			t.Errorf("ParseScore(%q) = %v, not valid", s, v)
		}
		// A parsed score's own string parses back to it.
		if w, err := nps.ParseScore(v.String()); err != nil || w != v {
			t.Errorf("ParseScore(%q) = %v, %v", v.String(), w, err)
		}
	})
}

func TestScoreAndCategoryStrings(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{nps.Score(7).String(), "7"},
		{nps.Score(11).String(), "%!Score(11)"},
		{nps.Promoter.String(), "promoter"},
		{nps.Category(0).String(), "%!Category(0)"},
		{nps.Breaks{}.String(), "detractors 0-6, passives 7-8, promoters 9-10"},
		{nps.Breaks{Passive: 7, Promoter: 7}.String(), "detractors 0-6, passives none, promoters 7-10"},
		{nps.Breaks{Passive: 0, Promoter: 9}.String(), "%!Breaks(passive 0, promoter 9)"},
	} {
		if c.got != c.want {
			t.Errorf("String() = %q, want %q", c.got, c.want)
		}
	}
}

func TestBreaks(t *testing.T) {
	for _, c := range []struct {
		b  nps.Breaks
		ok bool
	}{
		{nps.Breaks{}, true},
		{nps.Breaks{Passive: 7, Promoter: 9}, true},
		{nps.Breaks{Passive: 1, Promoter: 10}, true},
		{nps.Breaks{Passive: 7, Promoter: 7}, true},
		{nps.Breaks{Passive: 0, Promoter: 9}, false},  // no detractors
		{nps.Breaks{Passive: 9, Promoter: 7}, false},  // out of order
		{nps.Breaks{Passive: 7, Promoter: 11}, false}, // beyond the scale
	} {
		err := c.b.Validate()
		if (err == nil) != c.ok || (err != nil && !errors.Is(err, satmetrics.ErrRange)) {
			t.Errorf("%+v.Validate() = %v, want ok = %v", c.b, err, c.ok)
		}
		if _, err := nps.NewTally(c.b); (err == nil) != c.ok {
			t.Errorf("NewTally(%+v) error = %v, want ok = %v", c.b, err, c.ok)
		}
	}
	// Categories cover the scale in order under any valid breaks.
	for p := nps.Score(1); p <= 10; p++ {
		for q := p; q <= 10; q++ {
			b := nps.Breaks{Passive: p, Promoter: q}
			prev := nps.Detractor
			for s := nps.Score(0); s <= 10; s++ {
				c := b.Category(s)
				if !c.Valid() || c < prev {
					t.Fatalf("%v: score %v is %v after %v", b, s, c, prev)
				}
				prev = c
			}
			if b.Category(0) != nps.Detractor || b.Category(10) != nps.Promoter || b.Category(11) != 0 {
				t.Errorf("%v: ends are %v and %v", b, b.Category(0), b.Category(10))
			}
		}
	}
}

func ExampleParseScore() {
	for _, in := range []string{" 9 ", "10 - Extremely likely", "9.5", "11"} {
		s, err := nps.ParseScore(in)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(s, nps.Breaks{}.Category(s))
	}
	// Output:
	// 9 promoter
	// 10 promoter
	// nps.ParseScore: parsing "9.5": invalid syntax: not a whole number
	// nps.ParseScore: parsing "11": value out of range: scores run from 0 to 10
}
