package ces_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/ces"
)

func TestTallyAdd(t *testing.T) {
	var tl ces.Tally
	for _, r := range []ces.Rating{0, 8} {
		if err := tl.Add(r); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("Add(%d) error = %v, want ErrRange", r, err)
		}
		if err := tl.AddWeighted(r, 1); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("AddWeighted(%d, 1) error = %v, want ErrRange", r, err)
		}
		if err := tl.AddN(r, 1); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("AddN(%d, 1) error = %v, want ErrRange", r, err)
		}
	}
	if err := tl.AddWeighted(3, math.Inf(1)); !errors.Is(err, satmetrics.ErrWeight) {
		t.Errorf("AddWeighted(3, Inf) error = %v, want ErrWeight", err)
	}
	if err := tl.AddN(3, -2); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("AddN(3, -2) error = %v, want ErrRange", err)
	}
	err := tl.AddAll([]ces.Rating{1, 5, 0, 7})
	if !errors.Is(err, satmetrics.ErrRange) || err.Error() != "ces: index 2: ces: rating 0 is not on the agree7 scale: value out of range" {
		t.Errorf("AddAll error = %v", err)
	}
	if tl.N() != 0 || tl.Weighted() {
		t.Fatalf("failed adds changed the tally")
	}
	if err := tl.AddAll([]ces.Rating{1, 5, 5}); err != nil || tl.Count(5) != 2 || tl.Count(6) != 0 {
		t.Errorf("AddAll: %v", err)
	}
	tl.AddWeighted(4, 2)
	if tl.Weight(4) != 2 || tl.Weight(5) != 2 || tl.Weight(9) != 0 || tl.TotalWeight() != 5 || tl.Scale() != ces.Agree7 {
		t.Errorf("weights %v %v, total %v", tl.Weight(4), tl.Weight(5), tl.TotalWeight())
	}
	d, err := tl.Distribution()
	want := ces.Point{Rating: 4, Label: "Neither agree nor disagree", N: 1, Weight: 2, Percent: 40}
	if err != nil || len(d) != 7 || d[3] != want {
		t.Errorf("Distribution() = %+v, %v", d, err)
	}
	var empty ces.Tally
	if _, err := empty.Distribution(); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Distribution of an empty tally: %v", err)
	}
	if _, err := ces.NewTally(ces.Scale(8)); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("NewTally(8): %v", err)
	}
	bin, _ := ces.NewTally(ces.Effort5)
	if err := bin.Add(6); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("effort5 Add(6): %v", err)
	}
}

func TestTallyMerge(t *testing.T) {
	seven, _ := ces.NewTally(ces.Effort5)
	five, _ := ces.NewTally(ces.Agree7)
	seven.Add(5)
	five.Add(5)
	if err := five.Merge(&seven); !errors.Is(err, satmetrics.ErrIncompatible) || five.N() != 1 {
		t.Errorf("merging different scales: %v", err)
	}
	var zero ces.Tally
	if err := zero.Merge(&seven); err != nil || zero.Scale() != ces.Effort5 || !zero.Equal(&seven) {
		t.Errorf("merge into an empty tally: %v, %v", err, zero.Scale())
	}
	// An empty tally on another scale than the default is not the zero
	// Tally: it still refuses to mix scales.
	emptySeven, _ := ces.NewTally(ces.Effort5)
	if err := five.Merge(&emptySeven); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("merging an empty 1-7 tally into a 1-5 one: %v", err)
	}
	if err := emptySeven.Merge(&five); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("merging a 1-5 tally into an empty 1-7 one: %v", err)
	}
	var empty ces.Tally
	if err := seven.Merge(&empty); err != nil || seven.N() != 1 {
		t.Errorf("merge of an empty tally: %v", err)
	}
	if err := seven.Merge(&seven); err != nil || seven.Count(5) != 2 {
		t.Errorf("merge into itself: %v", err)
	}
}

func TestTallyEncoding(t *testing.T) {
	var tallies []ces.Tally
	for s := ces.Agree7; s <= ces.Effort5; s++ {
		tl, _ := ces.NewTally(s)
		tallies = append(tallies, tl)
		tl.AddN(1, 3)
		tl.AddN(ces.Rating(s.Points()), 5)
		tallies = append(tallies, tl)
		tl.AddWeighted(2, 0.125)
		tallies = append(tallies, tl)
	}
	for _, tl := range tallies {
		b, err := tl.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var got ces.Tally
		if err := got.UnmarshalBinary(b); err != nil || !got.Equal(&tl) {
			t.Errorf("binary round trip of %x: %v", b, err)
		}
		for n := range b {
			if err := got.UnmarshalBinary(b[:n]); !errors.Is(err, satmetrics.ErrCorrupt) {
				t.Errorf("truncated to %d bytes: error = %v", n, err)
			}
		}
		if err := got.UnmarshalBinary(append(b, 1)); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("trailing byte: %v", err)
		}
		j, err := json.Marshal(tl)
		if err != nil {
			t.Fatal(err)
		}
		var gj ces.Tally
		if err := json.Unmarshal(j, &gj); err != nil || !gj.Equal(&tl) {
			t.Errorf("JSON round trip of %s: %v", j, err)
		}
	}
	j, _ := json.Marshal(tallies[1])
	if string(j) != `{"scale":"agree7","counts":[3,0,0,0,0,0,5]}` {
		t.Errorf("JSON = %s", j)
	}
	var got ces.Tally
	for _, bad := range []string{`{"scale":"1-4","counts":[1,2,3,4]}`, `{"scale":"1-3","counts":[1,2,3,4]}`, `{"counts":[1,-2,3,4,5]}`, `{`} {
		if err := got.UnmarshalJSON([]byte(bad)); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("UnmarshalJSON(%s) = %v, want ErrCorrupt", bad, err)
		}
	}
	for _, bad := range [][]byte{{2, 'C', 0, 0}, {1, 'N', 0, 0}, {1, 'E', 9, 0, 0, 0, 0, 0, 0}} {
		if err := got.UnmarshalBinary(bad); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("UnmarshalBinary(%x) = %v, want ErrCorrupt", bad, err)
		}
	}
}

type stream struct {
	Scale   ces.Scale
	Ratings []ces.Rating
	Weights []float64 // nil: unweighted
}

func (s stream) tally() *ces.Tally {
	t, _ := ces.NewTally(s.Scale)
	for i, r := range s.Ratings {
		if s.Weights == nil {
			t.Add(r)
		} else {
			t.AddWeighted(r, s.Weights[i])
		}
	}
	return &t
}

func genStream(scale ces.Scale) gopter.Gen {
	return gopter.CombineGens(gen.SliceOf(gen.UInt8Range(1, uint8(scale.Points()))), gen.Bool(), gen.UInt64()).Map(
		func(v []any) stream {
			raw := v[0].([]uint8)
			s := stream{Scale: scale, Ratings: make([]ces.Rating, len(raw))}
			for i, x := range raw {
				s.Ratings[i] = ces.Rating(x)
			}
			if v[1].(bool) {
				r := rand.New(rand.NewPCG(v[2].(uint64), 3))
				s.Weights = make([]float64, len(raw))
				for i := range s.Weights {
					s.Weights[i] = math.Round(r.Float64()*300) / 100
				}
			}
			return s
		})
}

func merged(ts ...*ces.Tally) *ces.Tally {
	var out ces.Tally
	for _, t := range ts {
		if err := out.Merge(t); err != nil {
			panic(err)
		}
	}
	return &out
}

var proportionMethods = []satmetrics.ProportionMethod{
	satmetrics.Wilson, satmetrics.AgrestiCoull, satmetrics.ClopperPearson, satmetrics.Jeffreys, satmetrics.Wald,
}

func TestTallyProperties(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 150
	properties := gopter.NewProperties(params)
	scale := gen.IntRange(0, 1).Map(func(i int) ces.Scale { return ces.Scale(i) })
	three := func(f func(a, b, c stream) bool) func(ces.Scale) gopter.Gen {
		return func(s ces.Scale) gopter.Gen {
			return gopter.CombineGens(genStream(s), genStream(s), genStream(s)).Map(func(v []any) bool {
				return f(v[0].(stream), v[1].(stream), v[2].(stream))
			})
		}
	}
	holds := func(g func(ces.Scale) gopter.Gen) gopter.Prop {
		return prop.ForAll(func(ok bool) bool { return ok }, scale.FlatMap(func(v any) gopter.Gen { return g(v.(ces.Scale)) }, nil))
	}

	properties.Property("merge is associative", holds(three(func(a, b, c stream) bool {
		ab := merged(a.tally(), b.tally())
		ab.Merge(c.tally())
		a2 := a.tally()
		a2.Merge(merged(b.tally(), c.tally()))
		return ab.Equal(a2)
	})))

	properties.Property("merge is commutative, with the zero Tally as identity", holds(three(func(a, b, _ stream) bool {
		var zero ces.Tally
		az := a.tally()
		az.Merge(&zero)
		return merged(a.tally(), b.tally()).Equal(merged(b.tally(), a.tally())) &&
			az.Equal(a.tally()) && merged(&zero, a.tally()).Equal(a.tally())
	})))

	properties.Property("splitting a stream anywhere and merging equals adding it whole", holds(three(func(s, _, _ stream) bool {
		for k := 0; k <= len(s.Ratings); k++ {
			head, tail := s, s
			head.Ratings, tail.Ratings = s.Ratings[:k], s.Ratings[k:]
			if s.Weights != nil {
				head.Weights, tail.Weights = s.Weights[:k], s.Weights[k:]
			}
			if !merged(head.tally(), tail.tally()).Equal(s.tally()) {
				return false
			}
		}
		return true
	})))

	properties.Property("bulk AddAll equals adding one by one", holds(three(func(s, _, _ stream) bool {
		bulk, _ := ces.NewTally(s.Scale)
		s.Weights = nil
		return bulk.AddAll(s.Ratings) == nil && bulk.Equal(s.tally())
	})))

	properties.Property("intervals lie in [0, 100] and contain the estimate", holds(three(func(s, _, _ stream) bool {
		tl := s.tally()
		if tl.TotalWeight() == 0 {
			_, err := tl.Easy(0.95)
			return errors.Is(err, satmetrics.ErrNoData)
		}
		for _, m := range proportionMethods {
			for _, level := range []float64{0.8, 0.95, 0.99} {
				e, err := tl.EasyWith(ces.Options{Level: level, Method: m})
				if err != nil || e.Lower < 0 || e.Upper > 100 || !e.Contains(e.Value) {
					t.Logf("%v %v: %+v %v", m, level, e, err)
					return false
				}
			}
		}
		for _, level := range []float64{0.8, 0.95, 0.99} {
			e, err := tl.NetEase(level)
			if err != nil || e.Lower < -100 || e.Upper > 100 || !e.Contains(e.Value) {
				t.Logf("net ease %+v %v", e, err)
				return false
			}
		}
		if tl.EffectiveN() > 1 {
			e, err := tl.Mean(0.9)
			if err != nil || !e.Contains(e.Value) || e.Value < 1 || e.Value > float64(s.Scale.Points()) {
				t.Logf("mean %+v %v", e, err)
				return false
			}
		}
		return true
	})))

	properties.Property("the same shares from more responses give narrower intervals", holds(three(func(s, _, _ stream) bool {
		if len(s.Ratings) < 2 {
			return true
		}
		s.Weights = nil
		a := s.tally()
		b, _ := ces.NewTally(s.Scale)
		for r := ces.Rating(1); int(r) <= s.Scale.Points(); r++ {
			b.AddN(r, 3*a.Count(r))
		}
		for _, m := range proportionMethods {
			ea, _ := a.EasyWith(ces.Options{Method: m})
			eb, _ := b.EasyWith(ces.Options{Method: m})
			if eb.Width() > ea.Width()+1e-9 {
				return false
			}
		}
		na, _ := a.NetEase(0.95)
		nb, _ := b.NetEase(0.95)
		if nb.Width() > na.Width()+1e-9 {
			return false
		}
		ma, _ := a.Mean(0.95)
		mb, _ := b.Mean(0.95)
		return mb.Width() <= ma.Width()+1e-9
	})))

	properties.Property("encoding then decoding returns an equal tally", holds(three(func(s, _, _ stream) bool {
		tl := s.tally()
		b, err := tl.MarshalBinary()
		var fromBin, fromJSON ces.Tally
		if err != nil || fromBin.UnmarshalBinary(b) != nil {
			return false
		}
		j, err := json.Marshal(tl)
		if err != nil || json.Unmarshal(j, &fromJSON) != nil {
			return false
		}
		return fromBin.Equal(tl) && fromJSON.Equal(tl)
	})))

	properties.TestingRun(t)
}

func FuzzUnmarshalBinary(f *testing.F) {
	for s := ces.Agree7; s <= ces.Effort5; s++ {
		tl, _ := ces.NewTally(s)
		tl.AddN(1, 4)
		b, _ := tl.MarshalBinary()
		f.Add(b)
		tl.AddWeighted(2, 0.5)
		b, _ = tl.MarshalBinary()
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var tl ces.Tally
		if err := tl.UnmarshalBinary(b); err != nil {
			if !errors.Is(err, satmetrics.ErrCorrupt) {
				t.Errorf("error %v does not wrap ErrCorrupt", err)
			}
			return
		}
		checkDecoded(t, &tl)
	})
}

func FuzzUnmarshalJSON(f *testing.F) {
	f.Add([]byte(`{"scale":"agree7","counts":[3,0,0,0,0,0,5]}`))
	f.Add([]byte(`{"scale":"effort5","counts":[3,5,0,0,0],"weights":[3,5.5,0,0,0],"sum_w2":9.25}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var tl ces.Tally
		if err := tl.UnmarshalJSON(b); err != nil {
			if !errors.Is(err, satmetrics.ErrCorrupt) {
				t.Errorf("error %v does not wrap ErrCorrupt", err)
			}
			return
		}
		checkDecoded(t, &tl)
	})
}

func checkDecoded(t *testing.T, tl *ces.Tally) {
	for _, f := range []func(float64) (satmetrics.Estimate, error){tl.CES, tl.Easy, tl.Difficult, tl.NetEase} {
		e, err := f(0.95)
		if err == nil {
			if _, err := json.Marshal(e); err != nil {
				t.Errorf("%+v does not encode: %v", e, err)
			}
		} else if !errors.Is(err, satmetrics.ErrNoData) && !errors.Is(err, satmetrics.ErrUndefined) {
			t.Errorf("error %v", err)
		}
	}
	b, _ := tl.MarshalBinary()
	var again ces.Tally
	if err := again.UnmarshalBinary(b); err != nil || !again.Equal(tl) {
		t.Errorf("re-decoding: %v", err)
	}
}

func BenchmarkAdd(b *testing.B) {
	b.ReportAllocs()
	var t ces.Tally
	r := ces.Rating(1)
	for b.Loop() {
		t.Add(r)
		r++
		if r > 7 {
			r = 1
		}
	}
}

func BenchmarkAddWeighted(b *testing.B) {
	b.ReportAllocs()
	var t ces.Tally
	r := ces.Rating(1)
	for b.Loop() {
		t.AddWeighted(r, 0.8)
		r++
		if r > 7 {
			r = 1
		}
	}
}

func BenchmarkAddAll(b *testing.B) {
	for _, n := range []int{1000, 100_000, 10_000_000} {
		rs := make([]ces.Rating, n)
		rng := rand.New(rand.NewPCG(1, 2))
		for i := range rs {
			rs[i] = ces.Rating(1 + rng.IntN(7))
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var t ces.Tally
				if err := t.AddAll(rs); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/score")
		})
	}
}

func BenchmarkResults(b *testing.B) {
	tl := tallyOf(b, "agree7", []int64{300, 500, 800, 2000, 3000, 2500, 900})
	for name, f := range map[string]func(float64) (satmetrics.Estimate, error){
		"CES": tl.CES, "Easy": tl.Easy, "NetEase": tl.NetEase,
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f(0.95); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func FuzzParseScale(f *testing.F) {
	for s := ces.Scale(0); s.Valid(); s++ {
		f.Add(s.String())
	}
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ces.ParseScale(in)
		if err != nil {
			if !errors.Is(err, satmetrics.ErrSyntax) {
				t.Errorf("ParseScale(%q) error = %v", in, err)
			}
			return
		}
		if !s.Valid() || s.String() != in {
			t.Errorf("ParseScale(%q) = %v", in, s)
		}
	})
}
