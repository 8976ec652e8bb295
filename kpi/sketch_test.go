package kpi

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/satmetrics/satmetrics"
)

// genValues generates samples of non-negative values spanning many orders
// of magnitude, with zeros and repeats, as response times do.
func genValues() gopter.Gen {
	return gen.SliceOf(gen.OneGenOf(
		gen.Float64Range(0, 1e4),
		gen.Float64Range(-12, 12).Map(func(e float64) float64 { return math.Pow(10, e) }),
		gen.Const(0.0),
		gen.Const(60.0),
	))
}

func sketchOf(t interface{ Fatal(...any) }, xs []float64) *Sketch {
	var s Sketch
	for _, x := range xs {
		if err := s.Add(x); err != nil {
			t.Fatal(err)
		}
	}
	return &s
}

var probes = []float64{0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1}

// TestSketchBoundProperty: every quantile is within the relative accuracy
// of the exact lower order statistic x₍⌊q(n-1)⌋+1₎ (up to rounding, 1e-12).
func TestSketchBoundProperty(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 300
	props := gopter.NewProperties(params)
	props.Property("quantile within 1% of exact", prop.ForAll(
		func(xs []float64) bool {
			if len(xs) == 0 {
				return true
			}
			s := sketchOf(t, xs)
			sorted := slices.Clone(xs)
			slices.Sort(sorted)
			for _, q := range probes {
				got, err := s.Quantile(q)
				if err != nil {
					return false
				}
				exact := sorted[int(q*float64(len(xs)-1))]
				if math.Abs(got-exact) > (DefaultAccuracy+1e-12)*exact {
					t.Logf("Quantile(%v) = %v, exact %v", q, got, exact)
					return false
				}
			}
			return true
		},
		genValues(),
	))
	props.TestingRun(t)
}

// TestSketchLargeStream checks the bound on a long lognormal stream at
// several accuracies.
func TestSketchLargeStream(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	xs := make([]float64, 200000)
	for i := range xs {
		xs[i] = math.Exp(r.NormFloat64()*2 + 5)
	}
	sorted := slices.Clone(xs)
	slices.Sort(sorted)
	for _, alpha := range []float64{0.001, 0.01, 0.05} {
		s, err := NewSketch(alpha)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range xs {
			_ = s.Add(x)
		}
		for _, q := range probes {
			got, _ := s.Quantile(q)
			exact := sorted[int(q*float64(len(xs)-1))]
			if math.Abs(got-exact) > (alpha+1e-12)*exact {
				t.Errorf("alpha %v: Quantile(%v) = %v, exact %v", alpha, q, got, exact)
			}
		}
	}
}

// sameSketch reports whether two sketches hold the same values: equal
// counts, buckets and extremes, and sums equal to rounding.
func sameSketch(a, b *Sketch) bool {
	ba, _ := a.MarshalBinary()
	bb, _ := b.MarshalBinary()
	// Compare the encodings without the two sum fields (bytes 1+8+... vary
	// by rounding); compare the means instead.
	if a.n != b.n || a.zero != b.zero || a.min != b.min || a.max != b.max {
		return false
	}
	la, ha, oka := a.bounds()
	lb, hb, okb := b.bounds()
	if oka != okb || la != lb || ha != hb {
		return false
	}
	for i := la; oka && i <= ha; i++ {
		if a.counts[i-a.offset] != b.counts[i-b.offset] {
			return false
		}
	}
	_, _ = ba, bb
	ma, _ := a.Mean()
	mb, _ := b.Mean()
	return close(ma, mb, 1e-12)
}

// TestSketchMergeLaws: merging the sketches of three parts of a stream
// gives the sketch of the whole, in any grouping and order, and the zero
// Sketch is the identity.
func TestSketchMergeLaws(t *testing.T) {
	props := gopter.NewProperties(nil)
	props.Property("merge laws", prop.ForAll(
		func(a, b, c []float64) bool {
			whole := sketchOf(t, slices.Concat(a, b, c))
			sa, sb, sc := sketchOf(t, a), sketchOf(t, b), sketchOf(t, c)
			// (a+b)+c
			left := sketchOf(t, nil)
			for _, u := range []*Sketch{sa, sb, sc} {
				if err := left.Merge(u); err != nil {
					return false
				}
			}
			// a+(b+c), built as c+b then a
			bc := sketchOf(t, c)
			_ = bc.Merge(sb)
			right := sketchOf(t, a)
			_ = right.Merge(bc)
			// b+a (commutativity)
			ab := sketchOf(t, b)
			_ = ab.Merge(sa)
			ba := sketchOf(t, a)
			_ = ba.Merge(sb)
			// identity
			id := sketchOf(t, a)
			_ = id.Merge(&Sketch{})
			return sameSketch(left, whole) && sameSketch(right, whole) &&
				sameSketch(ab, ba) && sameSketch(id, sa)
		},
		genValues(), genValues(), genValues(),
	))
	props.TestingRun(t)
}

func TestSketchMergeSelfAndIncompatible(t *testing.T) {
	s := sketchOf(t, []float64{1, 2, 3})
	if err := s.Merge(s); err != nil {
		t.Fatal(err)
	}
	want := sketchOf(t, []float64{1, 2, 3, 1, 2, 3})
	if !sameSketch(s, want) {
		t.Error("merging a sketch with itself did not double it")
	}
	u, _ := NewSketch(0.02)
	_ = u.Add(5)
	if err := s.Merge(u); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("Merge(other accuracy) error = %v", err)
	}
	var zero Sketch
	if err := zero.Merge(sketchOf(t, []float64{0, 0})); err != nil {
		t.Fatal(err)
	}
	if q, _ := zero.Quantile(0.5); q != 0 || zero.Count() != 2 {
		t.Errorf("zero-only sketch: Quantile(0.5) = %v, Count = %d", q, zero.Count())
	}
}

func TestSketchErrors(t *testing.T) {
	var s Sketch
	for _, x := range []float64{-1, math.NaN(), math.Inf(1)} {
		if err := s.Add(x); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("Add(%v) error = %v", x, err)
		}
	}
	if err := s.AddDuration(-time.Second); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("AddDuration(-1s) error = %v", err)
	}
	if s.Count() != 0 {
		t.Errorf("bad values were counted: %d", s.Count())
	}
	if _, err := s.Quantile(0.5); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Quantile(empty) error = %v", err)
	}
	for _, f := range []func() (float64, error){s.Min, s.Max, s.Mean} {
		if _, err := f(); !errors.Is(err, satmetrics.ErrNoData) {
			t.Errorf("empty sketch error = %v", err)
		}
	}
	_ = s.Add(1)
	if _, err := s.Quantile(1.5); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Quantile(1.5) error = %v", err)
	}
	for _, a := range []float64{0, 1, -0.1, math.NaN(), 1e-300, 0.99e-4} {
		if _, err := NewSketch(a); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("NewSketch(%v) error = %v", a, err)
		}
	}
}

func TestSketchAccessors(t *testing.T) {
	var s Sketch
	for _, d := range []time.Duration{90 * time.Second, 2 * time.Hour, 0, time.Minute} {
		if err := s.AddDuration(d); err != nil {
			t.Fatal(err)
		}
	}
	mn, _ := s.Min()
	mx, _ := s.Max()
	mean, _ := s.Mean()
	if mn != 0 || mx != 7200 || !close(mean, (90+7200+60)/4.0, 1e-15) || s.Count() != 4 {
		t.Errorf("Min, Max, Mean, Count = %v, %v, %v, %d", mn, mx, mean, s.Count())
	}
	var big Sketch
	_ = big.Add(1e308)
	_ = big.Add(1e308)
	if _, err := big.Mean(); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("Mean(overflow) error = %v", err)
	}
	if s.RelativeAccuracy() != DefaultAccuracy {
		t.Errorf("RelativeAccuracy() = %v", s.RelativeAccuracy())
	}
	// Drifting values grow the buckets on both sides.
	for _, x := range []float64{1e-6, 1e9, 1e-9, 1e12} {
		_ = s.Add(x)
	}
	if q, _ := s.Quantile(1); q != 1e12 {
		t.Errorf("Quantile(1) = %v, want the max 1e12", q)
	}
	s.Reset()
	if s.Count() != 0 {
		t.Error("Reset kept values")
	}
	_ = s.Add(3)
	if q, _ := s.Quantile(0.5); q != 3 {
		t.Errorf("after Reset, Quantile(0.5) = %v, want 3 (clamped to min and max)", q)
	}
}

func TestSketchEncodingRoundTrip(t *testing.T) {
	props := gopter.NewProperties(nil)
	props.Property("binary and JSON round trip", prop.ForAll(
		func(xs []float64) bool {
			s := sketchOf(t, xs)
			b, err := s.MarshalBinary()
			if err != nil {
				return false
			}
			var u Sketch
			if err := u.UnmarshalBinary(b); err != nil {
				t.Log(err)
				return false
			}
			j, err := json.Marshal(s)
			if err != nil {
				return false
			}
			var v Sketch
			if err := json.Unmarshal(j, &v); err != nil {
				t.Log(err)
				return false
			}
			b2, _ := u.MarshalBinary()
			b3, _ := v.MarshalBinary()
			if !bytes.Equal(b, b2) || !bytes.Equal(b, b3) {
				return false
			}
			for _, q := range probes {
				x, e1 := s.Quantile(q)
				y, e2 := u.Quantile(q)
				if (e1 == nil) != (e2 == nil) || x != y {
					return false
				}
			}
			// A decoded sketch keeps accepting values.
			return u.Add(1) == nil
		},
		genValues(),
	))
	props.TestingRun(t)
}

func TestSketchDecodeCorrupt(t *testing.T) {
	good, _ := sketchOf(t, []float64{0, 1, 2, 300}).MarshalBinary()
	cases := map[string][]byte{
		"empty":    {},
		"version":  append([]byte{9}, good[1:]...),
		"trailing": append(slices.Clone(good), 0),
	}
	for i := 1; i < len(good); i++ {
		cases["truncated"+string(rune('a'+i%26))] = good[:i]
	}
	bad := slices.Clone(good)
	bad[10] ^= 0x7f // the count
	cases["count"] = bad
	for name, b := range cases {
		var s Sketch
		if err := s.UnmarshalBinary(b); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("%s: UnmarshalBinary error = %v", name, err)
		}
	}
	for _, j := range []string{
		`{"relative_accuracy":2}`, `{"count":"x"}`,
		`{"relative_accuracy":0.01,"count":1,"buckets":[]}`,
		`{"relative_accuracy":0.01,"count":1,"zero_count":1,"min":3,"max":1}`,
		`{"relative_accuracy":0.01,"count":0,"min":3,"max":3}`,
		`{"relative_accuracy":0.01,"count":1,"first_bucket":99999999,"buckets":[1],"min":1,"max":1}`,
		`{"relative_accuracy":0.01,"count":2,"first_bucket":1,"buckets":[18446744073709551615,3],"min":1,"max":1}`,
	} {
		var s Sketch
		if err := json.Unmarshal([]byte(j), &s); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("UnmarshalJSON(%s) error = %v", j, err)
		}
	}
}

// FuzzSketchUnmarshalBinary: decoding arbitrary bytes never panics, and
// whatever decodes re-encodes to the same bytes and answers queries.
func FuzzSketchUnmarshalBinary(f *testing.F) {
	for _, xs := range [][]float64{nil, {0}, {1, 2, 3}, {1e-9, 1e9}} {
		b, _ := sketchOf(f, xs).MarshalBinary()
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var s Sketch
		if err := s.UnmarshalBinary(b); err != nil {
			return
		}
		b2, _ := s.MarshalBinary()
		var u Sketch
		if err := u.UnmarshalBinary(b2); err != nil {
			t.Fatalf("re-decoding %x: %v", b2, err)
		}
		if s.Count() > 0 {
			if _, err := s.Quantile(0.5); err != nil {
				t.Fatal(err)
			}
		}
		for _, x := range []float64{1, 1e300, 1e-300, 0} {
			if err := s.Add(x); err != nil {
				t.Fatal(err)
			}
		}
		if q, err := s.Quantile(0.99); err != nil || q < 0 {
			t.Fatal(q, err)
		}
	})
}

// FuzzSketchUnmarshalJSON: as FuzzSketchUnmarshalBinary for JSON.
func FuzzSketchUnmarshalJSON(f *testing.F) {
	for _, xs := range [][]float64{nil, {0}, {1, 2, 3}} {
		b, _ := json.Marshal(sketchOf(f, xs))
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var s Sketch
		if err := json.Unmarshal(b, &s); err != nil {
			return
		}
		if _, err := json.Marshal(&s); err != nil {
			t.Fatal(err)
		}
		if s.Count() > 0 {
			if _, err := s.Quantile(0.99); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func BenchmarkSketchAdd(b *testing.B) {
	for _, tc := range []struct {
		name string
		gen  func(r *rand.Rand) float64
	}{
		{"seconds", func(r *rand.Rand) float64 { return math.Exp(r.NormFloat64()*2 + 5) }},
		{"uniform", func(r *rand.Rand) float64 { return r.Float64() * 3600 }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 2))
			xs := make([]float64, 4096)
			for i := range xs {
				xs[i] = tc.gen(r)
			}
			var s Sketch
			for _, x := range xs { // warm up: the buckets of the range
				_ = s.Add(x)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				_ = s.Add(xs[i&4095])
			}
		})
	}
}

func BenchmarkSketchAddDuration(b *testing.B) {
	var s Sketch
	ds := make([]time.Duration, 1024)
	for i := range ds {
		ds[i] = time.Duration(i+1) * 1733 * time.Millisecond
		_ = s.AddDuration(ds[i])
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = s.AddDuration(ds[i&1023])
	}
}

func BenchmarkSketchQuantile(b *testing.B) {
	var s Sketch
	for i := range 100000 {
		_ = s.Add(float64(i%5000) + 0.5)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, _ = s.Quantile(0.95)
	}
}

func BenchmarkSketchMerge(b *testing.B) {
	for _, n := range []int{100, 10000} {
		b.Run("n="+itoa(n), func(b *testing.B) {
			u := sketchOf(b, nil)
			for i := range n {
				_ = u.Add(float64(i) + 1)
			}
			var s Sketch
			_ = s.Merge(u)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				_ = s.Merge(u)
			}
		})
	}
}
