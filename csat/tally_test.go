package csat_test

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
	"github.com/satmetrics/satmetrics/csat"
)

func TestTallyAdd(t *testing.T) {
	var tl csat.Tally
	for _, r := range []csat.Rating{0, 6} {
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
	err := tl.AddAll([]csat.Rating{1, 5, 0, 7})
	if !errors.Is(err, satmetrics.ErrRange) || err.Error() != "csat: index 2: csat: rating 0 is not on the 1-5 scale: value out of range" {
		t.Errorf("AddAll error = %v", err)
	}
	if tl.N() != 0 || tl.Weighted() {
		t.Fatalf("failed adds changed the tally")
	}
	if err := tl.AddAll([]csat.Rating{1, 5, 5}); err != nil || tl.Count(5) != 2 || tl.Count(6) != 0 {
		t.Errorf("AddAll: %v", err)
	}
	tl.AddWeighted(4, 2)
	if tl.Weight(4) != 2 || tl.Weight(5) != 2 || tl.Weight(9) != 0 || tl.TotalWeight() != 5 || tl.Scale() != csat.Five {
		t.Errorf("weights %v %v, total %v", tl.Weight(4), tl.Weight(5), tl.TotalWeight())
	}
	d, err := tl.Distribution()
	want := csat.Point{Rating: 4, Label: "Satisfied", N: 1, Weight: 2, Percent: 40}
	if err != nil || len(d) != 5 || d[3] != want {
		t.Errorf("Distribution() = %+v, %v", d, err)
	}
	var empty csat.Tally
	if _, err := empty.Distribution(); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Distribution of an empty tally: %v", err)
	}
	if _, err := csat.NewTally(csat.Scale(8)); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("NewTally(8): %v", err)
	}
	bin, _ := csat.NewTally(csat.Binary)
	if err := bin.Add(3); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("binary Add(3): %v", err)
	}
}

func TestTallyMerge(t *testing.T) {
	seven, _ := csat.NewTally(csat.Seven)
	five, _ := csat.NewTally(csat.Five)
	seven.Add(7)
	five.Add(5)
	if err := five.Merge(&seven); !errors.Is(err, satmetrics.ErrIncompatible) || five.N() != 1 {
		t.Errorf("merging different scales: %v", err)
	}
	var zero csat.Tally
	if err := zero.Merge(&seven); err != nil || zero.Scale() != csat.Seven || !zero.Equal(&seven) {
		t.Errorf("merge into an empty tally: %v, %v", err, zero.Scale())
	}
	// An empty tally on another scale than the default is not the zero
	// Tally: it still refuses to mix scales.
	emptySeven, _ := csat.NewTally(csat.Seven)
	if err := five.Merge(&emptySeven); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("merging an empty 1-7 tally into a 1-5 one: %v", err)
	}
	if err := emptySeven.Merge(&five); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("merging a 1-5 tally into an empty 1-7 one: %v", err)
	}
	var empty csat.Tally
	if err := seven.Merge(&empty); err != nil || seven.N() != 1 {
		t.Errorf("merge of an empty tally: %v", err)
	}
	if err := seven.Merge(&seven); err != nil || seven.Count(7) != 2 {
		t.Errorf("merge into itself: %v", err)
	}
}

func TestTallyEncoding(t *testing.T) {
	var tallies []csat.Tally
	for s := csat.Five; s <= csat.Binary; s++ {
		tl, _ := csat.NewTally(s)
		tallies = append(tallies, tl)
		tl.AddN(1, 3)
		tl.AddN(csat.Rating(s.Points()), 5)
		tallies = append(tallies, tl)
		tl.AddWeighted(2, 0.125)
		tallies = append(tallies, tl)
	}
	for _, tl := range tallies {
		b, err := tl.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var got csat.Tally
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
		var gj csat.Tally
		if err := json.Unmarshal(j, &gj); err != nil || !gj.Equal(&tl) {
			t.Errorf("JSON round trip of %s: %v", j, err)
		}
	}
	j, _ := json.Marshal(tallies[1])
	if string(j) != `{"scale":"1-5","counts":[3,0,0,0,5]}` {
		t.Errorf("JSON = %s", j)
	}
	var got csat.Tally
	for _, bad := range []string{`{"scale":"1-4","counts":[1,2,3,4]}`, `{"scale":"1-3","counts":[1,2,3,4]}`, `{"counts":[1,-2,3,4,5]}`, `{`} {
		if err := got.UnmarshalJSON([]byte(bad)); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("UnmarshalJSON(%s) = %v, want ErrCorrupt", bad, err)
		}
	}
	for _, bad := range [][]byte{{2, 'C', 0, 0}, {1, 'N', 0, 0}, {1, 'C', 9, 0, 0, 0, 0, 0, 0}} {
		if err := got.UnmarshalBinary(bad); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("UnmarshalBinary(%x) = %v, want ErrCorrupt", bad, err)
		}
	}
}

type stream struct {
	Scale   csat.Scale
	Ratings []csat.Rating
	Weights []float64 // nil: unweighted
}

func (s stream) tally() *csat.Tally {
	t, _ := csat.NewTally(s.Scale)
	for i, r := range s.Ratings {
		if s.Weights == nil {
			t.Add(r)
		} else {
			t.AddWeighted(r, s.Weights[i])
		}
	}
	return &t
}

func genStream(scale csat.Scale) gopter.Gen {
	return gopter.CombineGens(gen.SliceOf(gen.UInt8Range(1, uint8(scale.Points()))), gen.Bool(), gen.UInt64()).Map(
		func(v []any) stream {
			raw := v[0].([]uint8)
			s := stream{Scale: scale, Ratings: make([]csat.Rating, len(raw))}
			for i, x := range raw {
				s.Ratings[i] = csat.Rating(x)
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

func merged(ts ...*csat.Tally) *csat.Tally {
	var out csat.Tally
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
	scale := gen.IntRange(0, 4).Map(func(i int) csat.Scale { return csat.Scale(i) })
	three := func(f func(a, b, c stream) bool) func(csat.Scale) gopter.Gen {
		return func(s csat.Scale) gopter.Gen {
			return gopter.CombineGens(genStream(s), genStream(s), genStream(s)).Map(func(v []any) bool {
				return f(v[0].(stream), v[1].(stream), v[2].(stream))
			})
		}
	}
	holds := func(g func(csat.Scale) gopter.Gen) gopter.Prop {
		return prop.ForAll(func(ok bool) bool { return ok }, scale.FlatMap(func(v any) gopter.Gen { return g(v.(csat.Scale)) }, nil))
	}

	properties.Property("merge is associative", holds(three(func(a, b, c stream) bool {
		ab := merged(a.tally(), b.tally())
		ab.Merge(c.tally())
		a2 := a.tally()
		a2.Merge(merged(b.tally(), c.tally()))
		return ab.Equal(a2)
	})))

	properties.Property("merge is commutative, with the zero Tally as identity", holds(three(func(a, b, _ stream) bool {
		var zero csat.Tally
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
		bulk, _ := csat.NewTally(s.Scale)
		s.Weights = nil
		return bulk.AddAll(s.Ratings) == nil && bulk.Equal(s.tally())
	})))

	properties.Property("intervals lie in [0, 100] and contain the estimate", holds(three(func(s, _, _ stream) bool {
		tl := s.tally()
		if tl.TotalWeight() == 0 {
			_, err := tl.CSAT(0.95)
			return errors.Is(err, satmetrics.ErrNoData)
		}
		for _, m := range proportionMethods {
			for _, level := range []float64{0.8, 0.95, 0.99} {
				e, err := tl.CSATWith(csat.Options{Level: level, Method: m})
				if err != nil || e.Lower < 0 || e.Upper > 100 || !e.Contains(e.Value) {
					t.Logf("%v %v: %+v %v", m, level, e, err)
					return false
				}
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
		b, _ := csat.NewTally(s.Scale)
		for r := csat.Rating(1); int(r) <= s.Scale.Points(); r++ {
			b.AddN(r, 3*a.Count(r))
		}
		for _, m := range proportionMethods {
			ea, _ := a.CSATWith(csat.Options{Method: m})
			eb, _ := b.CSATWith(csat.Options{Method: m})
			if eb.Width() > ea.Width()+1e-9 {
				return false
			}
		}
		ma, _ := a.Mean(0.95)
		mb, _ := b.Mean(0.95)
		return mb.Width() <= ma.Width()+1e-9
	})))

	properties.Property("encoding then decoding returns an equal tally", holds(three(func(s, _, _ stream) bool {
		tl := s.tally()
		b, err := tl.MarshalBinary()
		var fromBin, fromJSON csat.Tally
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
	for s := csat.Five; s <= csat.Binary; s++ {
		tl, _ := csat.NewTally(s)
		tl.AddN(1, 4)
		b, _ := tl.MarshalBinary()
		f.Add(b)
		tl.AddWeighted(2, 0.5)
		b, _ = tl.MarshalBinary()
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var tl csat.Tally
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
	f.Add([]byte(`{"scale":"1-5","counts":[3,0,0,0,5]}`))
	f.Add([]byte(`{"scale":"binary","counts":[3,5],"weights":[3,5.5],"sum_w2":9.25}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var tl csat.Tally
		if err := tl.UnmarshalJSON(b); err != nil {
			if !errors.Is(err, satmetrics.ErrCorrupt) {
				t.Errorf("error %v does not wrap ErrCorrupt", err)
			}
			return
		}
		checkDecoded(t, &tl)
	})
}

func checkDecoded(t *testing.T, tl *csat.Tally) {
	for _, f := range []func(float64) (satmetrics.Estimate, error){tl.CSAT, tl.Mean} {
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
	var again csat.Tally
	if err := again.UnmarshalBinary(b); err != nil || !again.Equal(tl) {
		t.Errorf("re-decoding: %v", err)
	}
}

func ExampleTally_Merge() {
	// Per-agent tallies merge into the team's.
	var alice, bob csat.Tally
	alice.AddAll([]csat.Rating{5, 4, 2})
	bob.AddAll([]csat.Rating{5, 5, 3, 1})
	var team csat.Tally
	for _, t := range []*csat.Tally{&alice, &bob} {
		if err := team.Merge(t); err != nil {
			fmt.Println(err)
			return
		}
	}
	est, _ := team.CSAT(0.95)
	fmt.Printf("%d responses, CSAT %.1f%%\n", est.N, est.Value)
	// Output:
	// 7 responses, CSAT 57.1%
}

func ExampleNewTally() {
	// Help-desk ratings: good or bad, unrated tickets left out.
	t, _ := csat.NewTally(csat.Binary)
	for _, answer := range []string{"Good", "Good", "offered", "Bad", "Good", "unoffered"} {
		r, err := csat.Binary.Parse(answer)
		if errors.Is(err, csat.ErrUnrated) {
			continue
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		t.Add(r)
	}
	est, _ := t.CSAT(0.95)
	fmt.Printf("%.0f%% good of %d rated\n", est.Value, est.N)
	// Output:
	// 75% good of 4 rated
}

func BenchmarkAdd(b *testing.B) {
	b.ReportAllocs()
	var t csat.Tally
	r := csat.Rating(1)
	for b.Loop() {
		t.Add(r)
		r++
		if r > 5 {
			r = 1
		}
	}
}

func BenchmarkAddWeighted(b *testing.B) {
	b.ReportAllocs()
	var t csat.Tally
	r := csat.Rating(1)
	for b.Loop() {
		t.AddWeighted(r, 0.8)
		r++
		if r > 5 {
			r = 1
		}
	}
}

func BenchmarkAddAll(b *testing.B) {
	for _, n := range []int{1000, 100_000, 10_000_000} {
		rs := make([]csat.Rating, n)
		rng := rand.New(rand.NewPCG(1, 2))
		for i := range rs {
			rs[i] = csat.Rating(1 + rng.IntN(5))
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var t csat.Tally
				if err := t.AddAll(rs); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/score")
		})
	}
}

func BenchmarkResults(b *testing.B) {
	tl := tallyOf(b, "1-5", []int64{1200, 800, 1500, 4000, 6000})
	for name, f := range map[string]func() (satmetrics.Estimate, error){
		"CSAT/wilson": func() (satmetrics.Estimate, error) { return tl.CSAT(0.95) },
		"CSAT/clopper-pearson": func() (satmetrics.Estimate, error) {
			return tl.CSATWith(csat.Options{Method: satmetrics.ClopperPearson})
		},
		"Mean": func() (satmetrics.Estimate, error) { return tl.Mean(0.95) },
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func FuzzParseScale(f *testing.F) {
	for s := csat.Scale(0); s.Valid(); s++ {
		f.Add(s.String())
	}
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := csat.ParseScale(in)
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
