package nps_test

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
	"github.com/satmetrics/satmetrics/nps"
)

func TestTallyAdd(t *testing.T) {
	var tl nps.Tally
	if err := tl.Add(11); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Add(11) error = %v, want ErrRange", err)
	}
	if err := tl.AddWeighted(5, -1); !errors.Is(err, satmetrics.ErrWeight) {
		t.Errorf("AddWeighted(5, -1) error = %v, want ErrWeight", err)
	}
	if err := tl.AddWeighted(5, math.NaN()); !errors.Is(err, satmetrics.ErrWeight) {
		t.Errorf("AddWeighted(5, NaN) error = %v, want ErrWeight", err)
	}
	if err := tl.AddWeighted(12, 1); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("AddWeighted(12, 1) error = %v, want ErrRange", err)
	}
	if err := tl.AddN(12, 1); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("AddN(12, 1) error = %v, want ErrRange", err)
	}
	if err := tl.AddN(2, -1); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("AddN(2, -1) error = %v, want ErrRange", err)
	}
	if tl.N() != 0 || tl.Weighted() {
		t.Fatalf("failed adds changed the tally: N = %d", tl.N())
	}
	err := tl.AddAll([]nps.Score{1, 2, 13, 4, 200})
	if !errors.Is(err, satmetrics.ErrRange) || err.Error() != "nps: score 13 at index 2: value out of range: scores run from 0 to 10" {
		t.Errorf("AddAll error = %v", err)
	}
	if tl.N() != 0 {
		t.Errorf("a failed AddAll added %d responses", tl.N())
	}
	if err := tl.AddAll([]nps.Score{1, 2, 10, 10}); err != nil || tl.N() != 4 || tl.Count(10) != 2 || tl.Count(11) != 0 {
		t.Errorf("AddAll: %v, N %d", err, tl.N())
	}
	if err := tl.AddWeighted(9, 0.5); err != nil || !tl.Weighted() || tl.Weight(9) != 0.5 || tl.Weight(10) != 2 || tl.Weight(11) != 0 {
		t.Errorf("AddWeighted: %v, weights %v %v", err, tl.Weight(9), tl.Weight(10))
	}
	if tl.TotalWeight() != 4.5 {
		t.Errorf("TotalWeight() = %v", tl.TotalWeight())
	}
	d, err := tl.Distribution()
	if err != nil || len(d) != 11 || d[10] != (nps.Point{Score: 10, N: 2, Weight: 2, Percent: 200 / 4.5}) {
		t.Errorf("Distribution() = %+v, %v", d, err)
	}
	var empty nps.Tally
	if _, err := empty.Distribution(); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Distribution of an empty tally: error = %v", err)
	}
	if _, err := empty.Categories(); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Categories of an empty tally: error = %v", err)
	}
}

func TestTallyMerge(t *testing.T) {
	six, _ := nps.NewTally(nps.Breaks{Passive: 6, Promoter: 9})
	std, _ := nps.NewTally(nps.Breaks{Passive: 7, Promoter: 9})
	var zero nps.Tally
	if !std.Equal(&zero) || std.Breaks() != (nps.Breaks{Passive: 7, Promoter: 9}) {
		t.Errorf("NewTally with the standard breaks differs from the zero Tally")
	}
	six.Add(6)
	std.Add(6)
	if err := std.Merge(&six); !errors.Is(err, satmetrics.ErrIncompatible) || std.N() != 1 {
		t.Errorf("merging different breaks: %v, N %d", err, std.N())
	}
	// An empty tally takes the breaks of what is merged into it.
	if err := zero.Merge(&six); err != nil || zero.Breaks() != six.Breaks() || !zero.Equal(&six) {
		t.Errorf("merge into an empty tally: %v, %v", err, zero.Breaks())
	}
	// An empty tally with other breaks than the standard ones is not the
	// zero Tally: it still refuses to mix breaks.
	emptySix, _ := nps.NewTally(nps.Breaks{Passive: 6, Promoter: 9})
	if err := std.Merge(&emptySix); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("merging an empty tally with other breaks: %v", err)
	}
	if err := emptySix.Merge(&std); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("merging into an empty tally with other breaks: %v", err)
	}
	var empty nps.Tally
	if err := six.Merge(&empty); err != nil || six.N() != 1 {
		t.Errorf("merge of an empty tally: %v", err)
	}
	if err := six.Merge(&six); err != nil || six.Count(6) != 2 {
		t.Errorf("merge into itself: %v, count %d", err, six.Count(6))
	}
	c, _ := six.Categories()
	if c.Passives.N != 2 {
		t.Errorf("under breaks 6/9 a 6 is passive: %+v", c)
	}
}

func TestTallyEncoding(t *testing.T) {
	six, _ := nps.NewTally(nps.Breaks{Passive: 6, Promoter: 10})
	six.AddN(3, 5)
	six.AddWeighted(10, 1.25)
	var std nps.Tally
	std.AddAll([]nps.Score{0, 5, 7, 9, 10, 10})
	for _, tl := range []nps.Tally{{}, std, six} {
		b, err := tl.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var got nps.Tally
		if err := got.UnmarshalBinary(b); err != nil || !got.Equal(&tl) {
			t.Errorf("binary round trip of %x: %v", b, err)
		}
		for n := range b {
			if err := got.UnmarshalBinary(b[:n]); !errors.Is(err, satmetrics.ErrCorrupt) {
				t.Errorf("truncated to %d bytes: error = %v", n, err)
			}
		}
		if err := got.UnmarshalBinary(append(b, 0)); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("trailing byte: error = %v", err)
		}
		j, err := json.Marshal(tl)
		if err != nil {
			t.Fatal(err)
		}
		var gj nps.Tally
		if err := json.Unmarshal(j, &gj); err != nil || !gj.Equal(&tl) {
			t.Errorf("JSON round trip of %s: %v", j, err)
		}
	}
	j, _ := json.Marshal(std)
	if string(j) != `{"breaks":{"passive":7,"promoter":9},"counts":[1,0,0,0,0,1,0,1,0,1,2]}` {
		t.Errorf("JSON = %s", j)
	}
	var got nps.Tally
	for _, bad := range []string{
		`{"breaks":{"passive":9,"promoter":7},"counts":[1,0,0,0,0,1,0,1,0,1,2]}`,
		`{"counts":[1,0,0]}`,
		`{"counts":[1,0,0,0,0,1,0,1,0,1,-2]}`,
		`{"counts":"x"}`,
		`[`,
	} {
		if err := got.UnmarshalJSON([]byte(bad)); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("UnmarshalJSON(%s) error = %v, want ErrCorrupt", bad, err)
		}
	}
	if err := json.Unmarshal([]byte(`{"counts":[1,0,0,0,0,1,0,1,0,1,2]}`), &got); err != nil || !got.Equal(&std) {
		t.Errorf("JSON without breaks: %v", err)
	}
	for _, bad := range [][]byte{
		{2, 'N', 7, 9, 0},       // version
		{1, 'C', 7, 9, 0},       // tag
		{1, 'N', 9, 7, 0},       // breaks out of order
		{1, 'N', 0, 0, 0},       // zero breaks are never written
		{1, 'N', 7, 9, 4, 0, 0}, // flags
	} {
		if err := got.UnmarshalBinary(bad); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("UnmarshalBinary(%x) error = %v, want ErrCorrupt", bad, err)
		}
	}
	b, _ := std.AppendBinary([]byte("prefix"))
	if string(b[:6]) != "prefix" || b[6] != 1 || b[7] != 'N' {
		t.Errorf("AppendBinary = %x", b)
	}
}

// genStream generates a stream of responses: scores and, when weighted,
// their weights.
type stream struct {
	Scores  []nps.Score
	Weights []float64 // nil: unweighted
}

func (s stream) tally() *nps.Tally {
	var t nps.Tally
	for i, x := range s.Scores {
		if s.Weights == nil {
			t.Add(x)
		} else {
			t.AddWeighted(x, s.Weights[i])
		}
	}
	return &t
}

func genStream() gopter.Gen {
	return gopter.CombineGens(
		gen.SliceOf(gen.UInt8Range(0, 10)),
		gen.Bool(),
		gen.Int64(),
	).Map(func(v []any) stream {
		raw := v[0].([]uint8)
		s := stream{Scores: make([]nps.Score, len(raw))}
		for i, x := range raw {
			s.Scores[i] = nps.Score(x)
		}
		if v[1].(bool) {
			r := rand.New(rand.NewPCG(uint64(v[2].(int64)), 1))
			s.Weights = make([]float64, len(raw))
			for i := range s.Weights {
				s.Weights[i] = math.Round(r.Float64()*400) / 100 // 0 to 4
			}
		}
		return s
	})
}

func merged(ts ...*nps.Tally) *nps.Tally {
	var out nps.Tally
	for _, t := range ts {
		if err := out.Merge(t); err != nil {
			panic(err)
		}
	}
	return &out
}

func TestTallyProperties(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 200
	properties := gopter.NewProperties(params)

	properties.Property("merge is associative", prop.ForAll(
		func(a, b, c stream) bool {
			ab := merged(a.tally(), b.tally())
			ab.Merge(c.tally())
			bc := merged(b.tally(), c.tally())
			a2 := a.tally()
			a2.Merge(bc)
			return ab.Equal(a2)
		}, genStream(), genStream(), genStream()))

	properties.Property("merge is commutative, with the zero Tally as identity", prop.ForAll(
		func(a, b stream) bool {
			ab := merged(a.tally(), b.tally())
			ba := merged(b.tally(), a.tally())
			var zero nps.Tally
			az := a.tally()
			az.Merge(&zero)
			za := merged(&zero, a.tally())
			return ab.Equal(ba) && az.Equal(a.tally()) && za.Equal(a.tally())
		}, genStream(), genStream()))

	properties.Property("splitting a stream anywhere and merging equals adding it whole", prop.ForAll(
		func(s stream, at int) bool {
			k := 0
			if len(s.Scores) > 0 {
				k = at % (len(s.Scores) + 1)
			}
			head, tail := s, s
			head.Scores, tail.Scores = s.Scores[:k], s.Scores[k:]
			if s.Weights != nil {
				head.Weights, tail.Weights = s.Weights[:k], s.Weights[k:]
			}
			return merged(head.tally(), tail.tally()).Equal(s.tally())
		}, genStream(), gen.IntRange(0, 1000)))

	properties.Property("bulk AddAll equals adding one by one", prop.ForAll(
		func(s stream) bool {
			var bulk nps.Tally
			if bulk.AddAll(s.Scores) != nil {
				return false
			}
			s.Weights = nil
			return bulk.Equal(s.tally())
		}, genStream()))

	properties.Property("NPS and its intervals stay in [-100, 100]", prop.ForAll(
		func(s stream, level float64) bool {
			tl := s.tally()
			for _, m := range []nps.Method{nps.Wald, nps.AdjustedWald, nps.Bootstrap} {
				e, err := tl.NPSWith(nps.Options{Level: level, Method: m, Resamples: 200})
				if tl.TotalWeight() == 0 {
					if !errors.Is(err, satmetrics.ErrNoData) {
						return false
					}
					continue
				}
				if err != nil || e.Value < -100 || e.Value > 100 || e.Lower < -100 || e.Upper > 100 || e.Lower > e.Upper {
					t.Logf("%v: %+v %v", m, e, err)
					return false
				}
			}
			return true
		}, genStream(), gen.Float64Range(0.5, 0.999)))

	properties.Property("the Wald interval contains the NPS at any level", prop.ForAll(
		func(s stream, level float64) bool {
			tl := s.tally()
			e, err := tl.NPSWith(nps.Options{Level: level, Method: nps.Wald})
			return tl.TotalWeight() == 0 || (err == nil && e.Contains(e.Value))
		}, genStream(), gen.Float64Range(0.5, 0.999)))

	// The adjusted-Wald interval is centred on the adjusted score; at 95%
	// and above it contains the observed NPS from 2 (effective) responses on
	// (see the
	// package documentation). The percentile bootstrap gives no such
	// guarantee for a handful of responses, whose resamples take few values;
	// it is checked from 10 responses on.
	properties.Property("adjusted-Wald and bootstrap intervals contain the NPS", prop.ForAll(
		func(s stream, level float64) bool {
			tl := s.tally()
			if tl.TotalWeight() == 0 {
				return true
			}
			if e, err := tl.NPSWith(nps.Options{Level: level}); err != nil || (tl.EffectiveN() >= 2 && !e.Contains(e.Value)) {
				t.Logf("adjusted Wald: %+v %v", e, err)
				return false
			}
			e, err := tl.NPSWith(nps.Options{Level: level, Method: nps.Bootstrap, Resamples: 500})
			if err != nil || (tl.EffectiveN() >= 10 && !e.Contains(e.Value)) {
				t.Logf("bootstrap: %+v %v", e, err)
				return false
			}
			return true
		}, genStream(), gen.OneConstOf(0.95, 0.99)))

	properties.Property("the same shares from more responses give narrower intervals", prop.ForAll(
		func(s stream, mult int64) bool {
			if len(s.Scores) == 0 {
				return true
			}
			s.Weights = nil
			a := s.tally()
			var b nps.Tally
			for x := nps.Score(0); x <= 10; x++ {
				b.AddN(x, a.Count(x)*mult)
			}
			for _, m := range []nps.Method{nps.Wald, nps.AdjustedWald} {
				ea, _ := a.NPSWith(nps.Options{Method: m})
				eb, _ := b.NPSWith(nps.Options{Method: m})
				if eb.Width() > ea.Width()+1e-9 || eb.StdErr > ea.StdErr+1e-9 {
					t.Logf("%v: width %v with n = %d, %v with n = %d", m, ea.Width(), a.N(), eb.Width(), b.N())
					return false
				}
			}
			return true
		}, genStream(), gen.Int64Range(2, 100)))

	properties.Property("encoding then decoding returns an equal tally", prop.ForAll(
		func(s stream, passive, promoter uint8) bool {
			tl, err := nps.NewTally(nps.Breaks{Passive: nps.Score(min(passive, promoter)), Promoter: nps.Score(max(passive, promoter))})
			if err != nil {
				return false
			}
			for i, x := range s.Scores {
				if s.Weights == nil {
					tl.Add(x)
				} else {
					tl.AddWeighted(x, s.Weights[i])
				}
			}
			b, err := tl.MarshalBinary()
			if err != nil {
				return false
			}
			var fromBin, fromJSON nps.Tally
			if fromBin.UnmarshalBinary(b) != nil {
				return false
			}
			j, err := json.Marshal(tl)
			if err != nil || json.Unmarshal(j, &fromJSON) != nil {
				return false
			}
			return fromBin.Equal(&tl) && fromJSON.Equal(&tl)
		}, genStream(), gen.UInt8Range(1, 10), gen.UInt8Range(1, 10)))

	properties.TestingRun(t)
}

func FuzzUnmarshalBinary(f *testing.F) {
	var std nps.Tally
	std.AddAll([]nps.Score{0, 5, 7, 9, 10, 10})
	b, _ := std.MarshalBinary()
	f.Add(b)
	std.AddWeighted(3, 0.5)
	b, _ = std.MarshalBinary()
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		var tl nps.Tally
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
	f.Add([]byte(`{"breaks":{"passive":7,"promoter":9},"counts":[1,0,0,0,0,1,0,1,0,1,2]}`))
	f.Add([]byte(`{"counts":[1,0,0,0,0,1,0,1,0,1,2],"weights":[1,0,0,0,0,1,0,1,0,1,2.5],"sum_w2":7.25}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var tl nps.Tally
		if err := tl.UnmarshalJSON(b); err != nil {
			if !errors.Is(err, satmetrics.ErrCorrupt) {
				t.Errorf("error %v does not wrap ErrCorrupt", err)
			}
			return
		}
		checkDecoded(t, &tl)
	})
}

// checkDecoded checks that a decoded tally is usable: its results are
// finite and it encodes back to an equal tally.
func checkDecoded(t *testing.T, tl *nps.Tally) {
	if e, err := tl.NPS(0.95); err == nil {
		if _, err := json.Marshal(e); err != nil || e.Check() != nil {
			t.Errorf("NPS %+v does not encode: %v", e, err)
		}
	} else if !errors.Is(err, satmetrics.ErrNoData) && !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("NPS error %v", err)
	}
	b, err := tl.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var again nps.Tally
	if err := again.UnmarshalBinary(b); err != nil || !again.Equal(tl) {
		t.Errorf("re-decoding: %v", err)
	}
}

func ExampleTally_Merge() {
	// Two workers tally their share of the responses; merging gives the
	// tally of all of them.
	var a, b nps.Tally
	a.AddAll([]nps.Score{10, 9, 6})
	b.AddAll([]nps.Score{8, 10, 2, 9})
	if err := a.Merge(&b); err != nil {
		fmt.Println(err)
		return
	}
	est, _ := a.NPS(0.95)
	fmt.Printf("n = %d, NPS = %.1f\n", est.N, est.Value)
	// Output:
	// n = 7, NPS = 28.6
}

func ExampleNewTally() {
	// A programme that counts 6 as passive.
	t, err := nps.NewTally(nps.Breaks{Passive: 6, Promoter: 9})
	if err != nil {
		fmt.Println(err)
		return
	}
	t.AddAll([]nps.Score{10, 6, 6, 3, 9})
	fmt.Println(t.Breaks())
	est, _ := t.NPS(0.95)
	fmt.Printf("NPS %.0f\n", est.Value)
	// Output:
	// detractors 0-5, passives 6-8, promoters 9-10
	// NPS 20
}

func BenchmarkAdd(b *testing.B) {
	b.ReportAllocs()
	var t nps.Tally
	s := nps.Score(0)
	for b.Loop() {
		t.Add(s)
		s++
		if s > 10 {
			s = 0
		}
	}
}

func BenchmarkAddWeighted(b *testing.B) {
	b.ReportAllocs()
	var t nps.Tally
	s := nps.Score(0)
	for b.Loop() {
		t.AddWeighted(s, 1.5)
		s++
		if s > 10 {
			s = 0
		}
	}
}

func BenchmarkAddAll(b *testing.B) {
	for _, n := range []int{1000, 100_000, 10_000_000} {
		scores := make([]nps.Score, n)
		r := rand.New(rand.NewPCG(1, 2))
		for i := range scores {
			scores[i] = nps.Score(r.IntN(11))
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			var t nps.Tally
			for b.Loop() {
				t = nps.Tally{}
				if err := t.AddAll(scores); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/score")
		})
	}
}

func BenchmarkNPS(b *testing.B) {
	tl := tally(b, datasets["big"], nps.Breaks{})
	for _, m := range []nps.Method{nps.AdjustedWald, nps.Wald, nps.Bootstrap} {
		b.Run(m.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := tl.NPSWith(nps.Options{Method: m}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkMarshalBinary(b *testing.B) {
	tl := tally(b, datasets["big"], nps.Breaks{})
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		buf, _ = tl.AppendBinary(buf[:0])
	}
}

// TestGroups checks that tallies work as satmetrics.Groups accumulators:
// fresh zero tallies receive merged tallies with other breaks.
func TestGroups(t *testing.T) {
	var workerA, workerB satmetrics.Groups[string, nps.Tally]
	workerA.At("email").AddAll([]nps.Score{10, 9, 3})
	workerB.At("email").AddAll([]nps.Score{7})
	six, _ := nps.NewTally(nps.Breaks{Passive: 6, Promoter: 9})
	six.AddAll([]nps.Score{6, 10})
	*workerB.At("chat") = six
	var all satmetrics.Groups[string, nps.Tally]
	for _, g := range []*satmetrics.Groups[string, nps.Tally]{&workerA, &workerB} {
		if err := all.Merge(g, (*nps.Tally).Merge); err != nil {
			t.Fatal(err)
		}
	}
	chat, _ := all.Get("chat")
	email, _ := all.Get("email")
	if !chat.Equal(&six) || chat.Breaks() != six.Breaks() || email.N() != 4 {
		t.Errorf("merged groups: chat %+v, email N %d", chat.Breaks(), email.N())
	}
	b, err := json.Marshal(&all)
	if err != nil {
		t.Fatal(err)
	}
	var back satmetrics.Groups[string, nps.Tally]
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if c, _ := back.Get("chat"); !c.Equal(&six) {
		t.Errorf("groups JSON round trip: %s", b)
	}
}

func Example_perChannel() {
	// NPS per channel with satmetrics.Groups, whose zero tallies are ready.
	answers := []struct {
		channel string
		score   nps.Score
	}{
		{"chat", 10}, {"chat", 9}, {"email", 6}, {"chat", 8}, {"email", 10},
		{"phone", 9}, {"email", 3}, {"phone", 10}, {"chat", 10}, {"phone", 7},
	}
	var byChannel satmetrics.Groups[string, nps.Tally]
	for _, a := range answers {
		if err := byChannel.At(a.channel).Add(a.score); err != nil {
			fmt.Println(err)
			return
		}
	}
	for channel, t := range byChannel.All() {
		est, err := t.NPS(0.95)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-5s n=%d NPS %4.0f [%4.0f, %4.0f]\n", channel, est.N, est.Value, est.Lower, est.Upper)
	}
	// Output:
	// chat  n=4 NPS   75 [  -7,   93]
	// email n=3 NPS  -33 [ -85,   51]
	// phone n=3 NPS   67 [ -22,   88]
}
