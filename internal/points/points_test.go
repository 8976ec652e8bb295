package points

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func sample(weighted bool) Counts {
	var c Counts
	for i := 0; i < MaxPoints; i++ {
		c.AddN(i, int64(i*i))
	}
	if weighted {
		c.AddWeighted(3, 0.25)
		c.AddWeighted(10, 1e9)
		c.AddWeighted(0, 0)
	}
	return c
}

func TestCountsTotals(t *testing.T) {
	c := sample(false)
	if c.Total() != 385 || c.TotalW() != 385 || c.SumW2() != 385 || c.Weighted() {
		t.Errorf("unweighted totals: %d %v %v %v", c.Total(), c.TotalW(), c.SumW2(), c.Weighted())
	}
	w := sample(true)
	if w.Total() != 388 || w.TotalW() != 385+0.25+1e9 || w.SumW2() != 385+0.0625+1e18 || w.W(3) != 9.25 {
		t.Errorf("weighted totals: %d %v %v %v", w.Total(), w.TotalW(), w.SumW2(), w.W(3))
	}
	w.Add(1)
	w.AddN(2, 3)
	if w.N(1) != 2 || w.W(1) != 2 || w.W(2) != 7 {
		t.Errorf("unit adds to a weighted Counts: n %d, w %v %v", w.N(1), w.W(1), w.W(2))
	}
	if s := c.WeightSum(4); s.Value() != 16 {
		t.Errorf("WeightSum(4) = %v", s.Value())
	}
}

func TestCountsEffectiveN(t *testing.T) {
	var c Counts
	if c.EffectiveN() != 0 {
		t.Errorf("empty: %v", c.EffectiveN())
	}
	c.AddN(1, 7)
	if c.EffectiveN() != 7 {
		t.Errorf("unweighted: %v", c.EffectiveN())
	}
	var w Counts
	w.AddWeighted(0, 0)
	if w.EffectiveN() != 0 {
		t.Errorf("zero weights: %v", w.EffectiveN())
	}
	// Weights 1, 1, 2, 4: (8)²/22. Scaled by 1e150 the squares still fit,
	// though (Σw)² would not.
	for _, k := range []float64{1, 1e150} {
		var w Counts
		for _, x := range []float64{1, 1, 2, 4} {
			w.AddWeighted(2, x*k)
		}
		if got := w.EffectiveN(); math.Abs(got-64.0/22) > 1e-12 {
			t.Errorf("weights ×%g: EffectiveN = %v, want %v", k, got, 64.0/22)
		}
	}
}

func TestCountsMerge(t *testing.T) {
	a, b := sample(false), sample(true)
	ab, ba := a, b
	ab.Merge(&b)
	ba.Merge(&a)
	if !ab.Equal(&ba) {
		t.Errorf("merge is not commutative: %+v vs %+v", ab, ba)
	}
	var z Counts
	a2 := a
	a2.Merge(&z)
	if !a2.Equal(&a) {
		t.Errorf("merging the zero Counts changed a")
	}
	if a.Equal(&b) || b.Equal(&a) {
		t.Errorf("unweighted and weighted Counts compare equal")
	}
	c := b
	c.AddWeighted(5, 1)
	if c.Equal(&b) {
		t.Errorf("different weights compare equal")
	}
}

func TestCountsBinaryRoundTrip(t *testing.T) {
	for _, weighted := range []bool{false, true} {
		c := sample(weighted)
		b := c.AppendBinary([]byte{0xAA}, MaxPoints)
		var d Counts
		rest, err := d.DecodeBinary(b[1:], MaxPoints)
		if err != nil || len(rest) != 0 || !d.Equal(&c) {
			t.Errorf("weighted=%v: round trip gives %+v, %v, rest %d", weighted, d, err, len(rest))
		}
		for n := 0; n < len(b)-1; n++ {
			if _, err := d.DecodeBinary(b[1:1+n], MaxPoints); !errors.Is(err, ErrCorrupt) {
				t.Errorf("weighted=%v: truncated to %d bytes: error %v", weighted, n, err)
			}
		}
	}
}

func TestCountsDecodeCorrupt(t *testing.T) {
	var d Counts
	for name, b := range map[string][]byte{
		"flags":    {2, 0},
		"overflow": {0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},
		"total":    {0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
		"weight":   append([]byte{1, 1}, nanSum()...),
	} {
		if _, err := d.DecodeBinary(b, 2); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: error %v, want ErrCorrupt", name, err)
		}
	}
}

func nanSum() []byte {
	b := make([]byte, 48)
	u := math.Float64bits(math.NaN())
	for i := 0; i < 8; i++ {
		b[i] = byte(u >> (8 * i))
	}
	return b
}

func TestCountsJSON(t *testing.T) {
	for _, weighted := range []bool{false, true} {
		c := sample(weighted)
		j := c.ToJSON(MaxPoints)
		b, err := json.Marshal(j)
		if err != nil {
			t.Fatal(err)
		}
		var j2 JSON
		if err := json.Unmarshal(b, &j2); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(j, j2); d != "" {
			t.Errorf("JSON round trip (-want +got):\n%s", d)
		}
		var d Counts
		if err := d.FromJSON(j2, MaxPoints); err != nil || !d.Equal(&c) {
			t.Errorf("weighted=%v: FromJSON gives %+v, %v", weighted, d, err)
		}
	}
	var d Counts
	for name, j := range map[string]JSON{
		"length":       {Counts: []int64{1}},
		"negative":     {Counts: []int64{1, -1}},
		"overflow":     {Counts: []int64{math.MaxInt64, 1}},
		"weights":      {Counts: []int64{1, 1}, Weights: []float64{1}},
		"neg weight":   {Counts: []int64{1, 1}, Weights: []float64{1, -1}},
		"sum w2":       {Counts: []int64{1, 1}, Weights: []float64{1, 1}, SumW2: -2},
		"inf weight":   {Counts: []int64{1, 1}, Weights: []float64{1, math.Inf(1)}},
		"nan sum w2":   {Counts: []int64{1, 1}, Weights: []float64{1, 1}, SumW2: math.NaN()},
		"short counts": {},
	} {
		if err := d.FromJSON(j, 2); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: error %v, want ErrCorrupt", name, err)
		}
	}
}

func TestHeader(t *testing.T) {
	b := AppendHeader(nil, 'N', 7, 9)
	b = append(b, 42)
	cfg, rest, err := ReadHeader(b, 'N', 2)
	if err != nil || string(cfg) != "\x07\x09" || string(rest) != "*" {
		t.Errorf("ReadHeader = %v, %v, %v", cfg, rest, err)
	}
	for name, in := range map[string][]byte{
		"short":   b[:3],
		"version": {2, 'N', 7, 9},
		"tag":     {1, 'C', 7, 9},
	} {
		if _, _, err := ReadHeader(in, 'N', 2); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: error %v, want ErrCorrupt", name, err)
		}
	}
}

func FuzzCountsDecodeBinary(f *testing.F) {
	for _, weighted := range []bool{false, true} {
		c := sample(weighted)
		f.Add(c.AppendBinary(nil, MaxPoints))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var c Counts
		rest, err := c.DecodeBinary(b, MaxPoints)
		if err != nil {
			return
		}
		// What decodes encodes back to the same bytes, and stays valid.
		again := c.AppendBinary(nil, MaxPoints)
		var d Counts
		if _, err := d.DecodeBinary(again, MaxPoints); err != nil || !d.Equal(&c) {
			t.Errorf("re-decoding %x: %v", again, err)
		}
		if c.Total() < 0 || len(rest) > len(b) {
			t.Errorf("decoded %+v", c)
		}
	})
}

// TestUnitWeights checks that responses added with Add and with weight 1
// give the same weights, in any order and through encodings.
func TestUnitWeights(t *testing.T) {
	var a, b Counts
	a.AddWeighted(0, 2)
	b.AddWeighted(0, 2)
	for i := 0; i < 5; i++ {
		a.Add(i)
		b.AddWeighted(i, 1)
	}
	a.AddN(3, 4)
	for k := 0; k < 4; k++ {
		b.AddWeighted(3, 1)
	}
	if !a.Equal(&b) || a.TotalW() != 11 || a.SumW2() != 13 || a.W(3) != 5 {
		t.Errorf("unit weights: W(3) %v, total %v, Σw² %v", a.W(3), a.TotalW(), a.SumW2())
	}
	var d Counts
	if _, err := d.DecodeBinary(a.AppendBinary(nil, MaxPoints), MaxPoints); err != nil || !d.Equal(&a) {
		t.Errorf("decode: %v", err)
	}
	d.Add(3)
	if d.W(3) != 6 || d.N(3) != 6 {
		t.Errorf("Add after decoding: W(3) = %v, N(3) = %d", d.W(3), d.N(3))
	}
}

// TestMeanVar: points 1..3 with counts 1, 2, 1 have mean 2 and population
// variance (1 + 0 + 1)/4 = 0.5; with weight 3 on the first, mean
// (3 + 4 + 3)/6 = 5/3 and variance (3·4/9 + 2·1/9 + 16/9)/6 = 30/54.
func TestMeanVar(t *testing.T) {
	var c Counts
	c.AddN(0, 1)
	c.AddN(1, 2)
	c.AddN(2, 1)
	if m, v := c.MeanVar(3, 1, c.TotalW()); m != 2 || v != 0.5 {
		t.Errorf("MeanVar = %v, %v; want 2, 0.5", m, v)
	}
	var d Counts
	d.AddWeighted(0, 3)
	d.AddN(1, 2)
	d.AddN(2, 1)
	m, v := d.MeanVar(3, 1, d.TotalW())
	if math.Abs(m-5.0/3) > 1e-15 || math.Abs(v-30.0/54) > 1e-15 {
		t.Errorf("weighted MeanVar = %v, %v; want 5/3, 30/54", m, v)
	}
}
