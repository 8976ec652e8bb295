package likert

import (
	"encoding/json"
	"errors"
	"strconv"
	"testing"

	"github.com/satmetrics/satmetrics"
)

// FuzzScaleParse checks that Parse never panics, that what it accepts is a
// point of the scale, that a refusal is a ParseError wrapping ErrSyntax or
// ErrRange, and that the code and label forms of the result parse back.
func FuzzScaleParse(f *testing.F) {
	for _, s := range []string{"4", "Agree", "4 - Agree", " strongly DISAGREE ", "6", "4.0", "-1", "3: Neither agree nor disagree", "1e3", "", "−2", "4 – agree", "+5"} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(8))
	}
	bip, _ := NewScale(-2, 2, "Much worse", "Worse", "Same", "Better", "Much better")
	s10, _ := NewScale(0, 10)
	scales := []Scale{Agree5, Agree7, Satisfied5, Satisfied7, Frequency5, Importance5, Likelihood5, Quality5, bip, s10}
	f.Fuzz(func(t *testing.T, text string, which uint8) {
		s := scales[int(which)%len(scales)]
		code, err := s.Parse(text)
		if err != nil {
			var pe *satmetrics.ParseError
			if !errors.As(err, &pe) || pe.Input != text || !(errors.Is(err, satmetrics.ErrSyntax) || errors.Is(err, satmetrics.ErrRange)) {
				t.Fatalf("Parse(%q) error %v is not a ParseError wrapping ErrSyntax or ErrRange", text, err)
			}
			return
		}
		if !s.Valid(code) {
			t.Fatalf("Parse(%q) = %d, not a point of %v", text, code, s)
		}
		if back, err := s.Parse(strconv.Itoa(code)); back != code || err != nil {
			t.Fatalf("Parse(Itoa(%d)) = %d, %v", code, back, err)
		}
		if l := s.Label(code); l != "" {
			if back, err := s.Parse(l); back != code || err != nil {
				t.Fatalf("Parse(Label(%d)) = %d, %v", code, back, err)
			}
		}
	})
}

// FuzzParseKanoAnswer checks that ParseKanoAnswer never panics and accepts
// only valid answers.
func FuzzParseKanoAnswer(f *testing.F) {
	for _, s := range []string{"1", "like", "I like it that way.", "must be", "I can live with it", "6", "dislike it", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, err := ParseKanoAnswer(text)
		if err != nil {
			if !errors.Is(err, satmetrics.ErrSyntax) && !errors.Is(err, satmetrics.ErrRange) {
				t.Fatalf("ParseKanoAnswer(%q) = %v", text, err)
			}
			return
		}
		if !a.Valid() {
			t.Fatalf("ParseKanoAnswer(%q) = invalid %v", text, a)
		}
	})
}

// FuzzParseRow checks ParseRow on rows of three fields.
func FuzzParseRow(f *testing.F) {
	f.Add("4 - Agree", "", "5")
	f.Add("NA", "Disagree", "x")
	in := threeItems()
	f.Fuzz(func(t *testing.T, a, b, c string) {
		row, err := in.ParseRow([]string{a, b, c}, nil)
		if err != nil {
			return
		}
		tl, _ := NewInstrumentTally(in)
		if err := tl.Add(row); err != nil {
			t.Fatalf("ParseRow gave %v, which Add refuses: %v", row, err)
		}
	})
}

// fuzzDecoder checks a decoder on arbitrary bytes: it must not panic, a
// refusal must wrap ErrCorrupt, and what it accepts must encode again and
// decode to the same encoding, and its results must encode to JSON.
func fuzzDecoder(f *testing.F, fresh func() codec, use func(t *testing.T, v codec)) {
	for _, c := range samples(f) {
		b, _ := c.v.MarshalBinary()
		if sameType(c.fresh(), fresh()) {
			f.Add(b, false)
			j, _ := c.v.MarshalJSON()
			f.Add(j, true)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte, isJSON bool) {
		v := fresh()
		var err error
		if isJSON {
			err = v.UnmarshalJSON(b)
		} else {
			err = v.UnmarshalBinary(b)
		}
		if err != nil {
			if !errors.Is(err, satmetrics.ErrCorrupt) {
				t.Fatalf("decode error %v does not wrap ErrCorrupt", err)
			}
			return
		}
		enc, err := v.MarshalBinary()
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		w := fresh()
		if err := w.UnmarshalBinary(enc); err != nil {
			t.Fatalf("decoding the re-encoding: %v", err)
		}
		if enc2, _ := w.MarshalBinary(); string(enc2) != string(enc) {
			t.Fatalf("re-encoding is not stable")
		}
		if _, err := v.MarshalJSON(); err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		use(t, v)
	})
}

func sameType(a, b codec) bool {
	switch a.(type) {
	case *Tally:
		_, ok := b.(*Tally)
		return ok
	case *Reliability:
		_, ok := b.(*Reliability)
		return ok
	case *KanoTally:
		_, ok := b.(*KanoTally)
		return ok
	case *InstrumentTally:
		_, ok := b.(*InstrumentTally)
		return ok
	case *GapTally:
		_, ok := b.(*GapTally)
		return ok
	}
	return false
}

// mustJSON fails if v does not encode, as every result must.
func mustJSON(t *testing.T, v any) {
	if _, err := json.Marshal(v); err != nil {
		t.Fatalf("result %+v does not encode: %v", v, err)
	}
}

func FuzzTallyDecode(f *testing.F) {
	fuzzDecoder(f, func() codec { return new(Tally) }, func(t *testing.T, v codec) {
		tl := v.(*Tally)
		if s, err := tl.Summary(0.95); err == nil {
			mustJSON(t, s)
		}
		r := tl.Reversed()
		if rr := r.Reversed(); !rr.Equal(tl) {
			t.Fatalf("reversing twice changed a decoded tally")
		}
		u := *tl
		if err := u.Merge(tl); err != nil {
			t.Fatalf("merging a tally with itself: %v", err)
		}
	})
}

func FuzzReliabilityDecode(f *testing.F) {
	fuzzDecoder(f, func() codec { return new(Reliability) }, func(t *testing.T, v codec) {
		r := v.(*Reliability)
		for _, m := range []MissingPolicy{Pairwise, Listwise} {
			if rep, err := r.Report(ReliabilityConfig{Missing: m}); err == nil {
				mustJSON(t, rep)
			}
		}
		var u Reliability
		if err := u.Merge(r); err != nil {
			t.Fatalf("merge into zero: %v", err)
		}
		if r.k > 0 {
			row := make([]float64, r.k)
			if err := r.Add(row); err != nil {
				t.Fatalf("Add after decoding: %v", err)
			}
		}
	})
}

func FuzzKanoDecode(f *testing.F) {
	fuzzDecoder(f, func() codec { return new(KanoTally) }, func(t *testing.T, v codec) {
		k := v.(*KanoTally)
		if b, w, err := k.Coefficients(); err == nil && (b < 0 || b > 1 || w < -1 || w > 0) {
			t.Fatalf("coefficients %v, %v out of bounds", b, w)
		}
		k.Category()
	})
}

func FuzzInstrumentTallyDecode(f *testing.F) {
	fuzzDecoder(f, func() codec { return new(InstrumentTally) }, func(t *testing.T, v codec) {
		it := v.(*InstrumentTally)
		if c, err := it.Composite(0.95); err == nil {
			mustJSON(t, c)
		}
		if _, err := it.Reliability().Report(ReliabilityConfig{}); err != nil && !errors.Is(err, satmetrics.ErrNoData) && !errors.Is(err, satmetrics.ErrUndefined) {
			t.Fatalf("Report: %v", err)
		}
		row := make([]int, len(it.in.Items))
		for i := range row {
			row[i] = Missing
		}
		if err := it.Add(row); len(row) > 0 && err != nil {
			t.Fatalf("Add after decoding: %v", err)
		}
	})
}

func FuzzGapDecode(f *testing.F) {
	fuzzDecoder(f, func() codec { return new(GapTally) }, func(t *testing.T, v codec) {
		g := v.(*GapTally)
		if rep, err := g.Report(0.95); err == nil {
			mustJSON(t, rep)
		}
	})
}
