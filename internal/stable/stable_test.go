package stable

import (
	"math"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

// TestSumCancellation: the naive sum of 1, 1e100, 1, -1e100 is 0; the exact
// sum is 2, which Neumaier summation recovers (Kahan's does not).
func TestSumCancellation(t *testing.T) {
	xs := []float64{1, 1e100, 1, -1e100}
	if got := Of(xs); got != 2 {
		t.Errorf("Of(%v) = %v, want 2", xs, got)
	}
	// 0.1 added ten million times: the exact sum of the float64 nearest 0.1
	// (0.1000000000000000055511151231257827) times 1e7 rounds to 1e6.
	var s Sum
	for i := 0; i < 10_000_000; i++ {
		s.Add(0.1)
	}
	if got := s.Value(); got != 1e6 {
		t.Errorf("sum of 1e7 x 0.1 = %.17g, want 1e6", got)
	}
	var a, b Sum
	a.Add(1e100)
	a.Add(1)
	b.Add(-1e100)
	b.Add(1)
	a.Merge(b)
	if got := a.Value(); got != 2 {
		t.Errorf("merged value %v, want 2", got)
	}
	v, c := a.Parts()
	if FromParts(v, c) != a {
		t.Error("Parts/FromParts do not round-trip")
	}
}

// NIST StRD univariate summary statistics, certified values
// (https://www.itl.nist.gov/div898/strd/univ/): NumAcc1 (10000001, 10000003,
// 10000002; mean 10000002, sd 1) and NumAcc4 (1000000000.2 then 500 pairs of
// 1000000000.1 and 1000000000.3; mean 1000000000.2, sd 0.1). The inputs are
// decimal and not exactly representable, so NumAcc4 can agree to about 7
// significant digits in the standard deviation, the tolerance used here.
func TestMomentsNIST(t *testing.T) {
	var m Moments
	for _, x := range []float64{10000001, 10000003, 10000002} {
		m.Add(x)
	}
	if m.Mean() != 10000002 || math.Sqrt(m.Variance()) != 1 {
		t.Errorf("NumAcc1: mean %v sd %v", m.Mean(), math.Sqrt(m.Variance()))
	}
	var m4 Moments
	m4.Add(1000000000.2)
	for i := 0; i < 500; i++ {
		m4.Add(1000000000.1)
		m4.Add(1000000000.3)
	}
	if math.Abs(m4.Mean()-1000000000.2) > 1e-15*1e9 {
		t.Errorf("NumAcc4 mean %.17g", m4.Mean())
	}
	if sd := math.Sqrt(m4.Variance()); math.Abs(sd-0.1)/0.1 > 1e-6 {
		t.Errorf("NumAcc4 sd %.17g, want 0.1", sd)
	}
	if m4.N() != 1001 || m4.Weight() != 1001 || m4.SumSquaredWeights() != 1001 {
		t.Errorf("NumAcc4 counts %d %v %v", m4.N(), m4.Weight(), m4.SumSquaredWeights())
	}
}

// TestMomentsWeighted compares with the two-pass weighted formulas, written
// out: values 1, 2, 4 with weights 1, 2, 3: W = 6, mean = 17/6,
// M2 = Σ w (x - mean)² = 1(11/6)² + 2(5/6)² + 3(7/6)² = 318/36 = 53/6.
func TestMomentsWeighted(t *testing.T) {
	var m Moments
	m.AddWeighted(1, 1)
	m.AddWeighted(2, 2)
	m.AddWeighted(4, 3)
	m.AddWeighted(100, 0) // ignored
	if math.Abs(m.Mean()-17.0/6) > 1e-15 || math.Abs(m.M2()-53.0/6) > 1e-14 {
		t.Errorf("mean %v M2 %v", m.Mean(), m.M2())
	}
	if math.Abs(m.PopulationVariance()-53.0/36) > 1e-15 {
		t.Errorf("population variance %v", m.PopulationVariance())
	}
	// reliability weights: M2 / (W - W2/W) = (53/6) / (6 - 14/6)
	if want := (53.0 / 6) / (6 - 14.0/6); math.Abs(m.Variance()-want) > 1e-14 {
		t.Errorf("variance %v, want %v", m.Variance(), want)
	}
	var e Moments
	if e.Variance() != 0 || e.PopulationVariance() != 0 || e.Mean() != 0 {
		t.Error("empty Moments not zero")
	}
	e.Add(3)
	if e.Variance() != 0 {
		t.Error("variance of one value not 0")
	}
	n, w, w2, mean, m2 := m.State()
	if FromState(n, w, w2, mean, m2) != m {
		t.Error("State/FromState do not round-trip")
	}
}

// Property: splitting a stream anywhere and merging equals adding it whole;
// the empty accumulator is an identity.
func TestMomentsMergeProperty(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.Rng.Seed(3)
	props := gopter.NewProperties(params)
	props.Property("split and merge equals whole", prop.ForAll(
		func(xs []float64, cut int) bool {
			if len(xs) == 0 {
				return true
			}
			cut %= len(xs)
			var whole, a, b Moments
			for i, x := range xs {
				w := float64(i%3 + 1)
				whole.AddWeighted(x, w)
				if i < cut {
					a.AddWeighted(x, w)
				} else {
					b.AddWeighted(x, w)
				}
			}
			var z Moments
			a.Merge(b)
			a.Merge(z)
			z.Merge(a)
			near := func(x, y float64) bool { return math.Abs(x-y) <= 1e-9*math.Max(1, math.Abs(y)) }
			return a.N() == whole.N() && near(a.Mean(), whole.Mean()) && near(a.M2(), whole.M2()) &&
				near(a.Weight(), whole.Weight()) && z == a
		},
		gen.SliceOf(gen.Float64Range(-1e6, 1e6)), gen.IntRange(0, 1000),
	))
	props.TestingRun(t)
}

func BenchmarkSumAdd(b *testing.B) {
	b.ReportAllocs()
	var s Sum
	for i := 0; i < b.N; i++ {
		s.Add(float64(i))
	}
	_ = s.Value()
}

func BenchmarkMomentsAdd(b *testing.B) {
	b.ReportAllocs()
	var m Moments
	for i := 0; i < b.N; i++ {
		m.Add(float64(i & 1023))
	}
	_ = m.Mean()
}

// TestMomentsFirstValueExact: the first weighted value is the mean exactly,
// and M2 never goes negative (0.1 as a weight once gave a mean off by an ulp
// and M2 = -1.3e-16).
func TestMomentsFirstValueExact(t *testing.T) {
	for _, tc := range []struct{ x, w float64 }{{3, 0.1}, {1e6 + 4, 1.5384615384615385}, {-7.25, 1e-300}, {0.3, 3}} {
		var m Moments
		m.AddWeighted(tc.x, tc.w)
		if m.Mean() != tc.x || m.M2() != 0 {
			t.Errorf("AddWeighted(%v, %v): mean %v, M2 %v", tc.x, tc.w, m.Mean(), m.M2())
		}
		m.AddWeighted(tc.x, tc.w*3)
		if m.M2() < 0 {
			t.Errorf("AddWeighted twice (%v): M2 %v", tc.x, m.M2())
		}
	}
}
