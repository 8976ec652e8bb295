package points

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

func TestCountsUnweighted(t *testing.T) {
	var c Counts
	c.Add(0)
	c.Add(3)
	c.AddN(3, 4)
	if c.N(3) != 5 || c.Total() != 6 || c.Weighted() || c.W(3) != 5 || c.TotalW() != 6 || c.SumW2() != 6 {
		t.Errorf("got N(3)=%d Total=%d W(3)=%v TotalW=%v SumW2=%v", c.N(3), c.Total(), c.W(3), c.TotalW(), c.SumW2())
	}
	if n := testing.AllocsPerRun(100, func() { c.Add(2) }); n != 0 {
		t.Errorf("Add allocates %v", n)
	}
}

// TestCountsWeighted: 2 responses at point 0 with weight 1 (unweighted),
// then one at point 1 with weight 3: weights [2, 3], Σw = 5, Σw² = 1+1+9 = 11.
func TestCountsWeighted(t *testing.T) {
	var c Counts
	c.Add(0)
	c.Add(0)
	c.AddWeighted(1, 3)
	if !c.Weighted() || c.W(0) != 2 || c.W(1) != 3 || c.TotalW() != 5 || c.SumW2() != 11 || c.Total() != 3 {
		t.Errorf("W = %v %v, TotalW %v, SumW2 %v", c.W(0), c.W(1), c.TotalW(), c.SumW2())
	}
	c.Add(1)
	c.AddN(2, 2)
	if c.W(1) != 4 || c.W(2) != 2 || c.SumW2() != 14 {
		t.Errorf("after unit adds: W(1)=%v W(2)=%v SumW2=%v", c.W(1), c.W(2), c.SumW2())
	}
	if n := testing.AllocsPerRun(100, func() { c.AddWeighted(2, 0.5) }); n != 0 {
		t.Errorf("AddWeighted allocates %v", n)
	}
}

func genCounts() gopter.Gen {
	return gen.SliceOf(gen.Struct(reflectOp, map[string]gopter.Gen{
		"I": gen.IntRange(0, MaxPoints-1),
		"W": gen.Float64Range(-1, 5), // negative means an unweighted add
	})).Map(func(ops []op) *Counts {
		var c Counts
		for _, o := range ops {
			c.apply(o)
		}
		return &c
	})
}

type op struct {
	I int
	W float64
}

var reflectOp = typeOf[op]()

func (c *Counts) apply(o op) {
	if o.W < 0 {
		c.Add(o.I)
	} else {
		c.AddWeighted(o.I, o.W)
	}
}

func merged(a, b *Counts) *Counts {
	c := *a
	c.Merge(b)
	return &c
}

func TestCountsProperties(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.Rng.Seed(4)
	props := gopter.NewProperties(params)
	props.Property("merge is associative", prop.ForAll(func(a, b, c *Counts) bool {
		return merged(merged(a, b), c).Equal(merged(a, merged(b, c)))
	}, genCounts(), genCounts(), genCounts()))
	props.Property("merge is commutative", prop.ForAll(func(a, b *Counts) bool {
		return merged(a, b).Equal(merged(b, a))
	}, genCounts(), genCounts()))
	props.Property("zero is the identity", prop.ForAll(func(a *Counts) bool {
		var z Counts
		return merged(a, &z).Equal(a) && merged(&z, a).Equal(a)
	}, genCounts()))
	props.Property("split anywhere and merge equals whole", prop.ForAll(func(ops []op, cut int) bool {
		var whole, x, y Counts
		for i, o := range ops {
			whole.apply(o)
			if i < cut {
				x.apply(o)
			} else {
				y.apply(o)
			}
		}
		x.Merge(&y)
		return x.Equal(&whole)
	}, gen.SliceOf(gen.Struct(reflectOp, map[string]gopter.Gen{
		"I": gen.IntRange(0, MaxPoints-1), "W": gen.Float64Range(-1, 5),
	})), gen.IntRange(0, 100)))
	props.Property("binary and JSON round trip", prop.ForAll(func(a *Counts) bool {
		var b, j Counts
		rest, err := b.DecodeBinary(a.AppendBinary([]byte{9}, MaxPoints)[1:], MaxPoints)
		if err != nil || len(rest) != 0 || !b.Equal(a) {
			return false
		}
		return j.FromJSON(a.ToJSON(MaxPoints), MaxPoints) == nil && j.Equal(a)
	}, genCounts()))
	props.TestingRun(t)
}

func TestCountsEqual(t *testing.T) {
	var a, b Counts
	a.Add(1)
	if a.Equal(&b) {
		t.Error("different counts equal")
	}
	b.AddWeighted(1, 1)
	if a.Equal(&b) {
		t.Error("weighted equals unweighted")
	}
	a.AddWeighted(1, 0) // a: two responses, weights 1 and 0
	b.AddWeighted(1, 0) // b: two responses, weights 1 and 0
	if !a.Equal(&b) {
		t.Error("same adds not equal")
	}
	a.AddWeighted(2, 1)
	b.AddWeighted(2, 2)
	b.n[2] = a.n[2]
	if a.Equal(&b) {
		t.Error("different weights equal")
	}
}

func TestDecodeBinaryErrors(t *testing.T) {
	var c Counts
	c.Add(1)
	c.AddWeighted(2, 2)
	good := c.AppendBinary(nil, 3)
	for name, b := range map[string][]byte{
		"empty":           {},
		"unknown flags":   {0x80},
		"truncated count": good[:2],
		"truncated w":     good[:len(good)-1],
		"overflow":        {0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0, 0},
		"negative weight": append(append([]byte{1, 0, 0, 0}, f64(-1, 0)...), make([]byte, 48)...),
		"NaN weight":      append(append([]byte{1, 0, 0, 0}, f64(math.NaN(), 0)...), make([]byte, 48)...),
	} {
		var d Counts
		if _, err := d.DecodeBinary(b, 3); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: error %v, want ErrCorrupt", name, err)
		}
	}
	huge := []byte{0}
	for i := 0; i < 2; i++ {
		huge = append(huge, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f) // 2^56-1 each: fine
	}
	var d Counts
	if _, err := d.DecodeBinary(huge, 2); err != nil {
		t.Errorf("large counts: %v", err)
	}
	sum := []byte{0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x01}
	if _, err := d.DecodeBinary(sum, 2); !errors.Is(err, ErrCorrupt) {
		t.Errorf("total overflow: %v", err)
	}
}

func f64(v, e float64) []byte {
	b := make([]byte, 0, 16)
	return appendSum(b, fromParts(v, e))
}

func TestFromJSONErrors(t *testing.T) {
	for name, j := range map[string]JSON{
		"length":        {Counts: []int64{1}},
		"negative":      {Counts: []int64{1, -1}},
		"overflow":      {Counts: []int64{math.MaxInt64, 1}},
		"weight length": {Counts: []int64{1, 1}, Weights: []float64{1}},
		"weight NaN":    {Counts: []int64{1, 1}, Weights: []float64{1, math.NaN()}},
		"weight neg":    {Counts: []int64{1, 1}, Weights: []float64{1, -2}},
		"sum_w2 inf":    {Counts: []int64{1, 1}, Weights: []float64{1, 2}, SumW2: math.Inf(1)},
	} {
		var c Counts
		if err := c.FromJSON(j, 2); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: error %v, want ErrCorrupt", name, err)
		}
	}
	var c Counts
	c.AddWeighted(0, 2)
	want := JSON{Counts: []int64{1, 0}, Weights: []float64{2, 0}, SumW2: 4}
	if diff := cmp.Diff(want, c.ToJSON(2)); diff != "" {
		t.Errorf("ToJSON (-want +got):\n%s", diff)
	}
}

func BenchmarkAdd(b *testing.B) {
	b.ReportAllocs()
	var c Counts
	for i := 0; i < b.N; i++ {
		c.Add(i & 7)
	}
}

func BenchmarkAddWeighted(b *testing.B) {
	b.ReportAllocs()
	var c Counts
	for i := 0; i < b.N; i++ {
		c.AddWeighted(i&7, 1.5)
	}
}
