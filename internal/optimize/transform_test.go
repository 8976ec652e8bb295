package optimize

import (
	"errors"
	"math"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

func TestTransformValues(t *testing.T) {
	// Values by hand: log, and the logit of (x-lo)/(hi-lo).
	tests := []struct {
		tr   Transform
		x, y float64
	}{
		{Identity(), -3.5, -3.5},
		{Transform{}, 2, 2},
		{Positive(), 1, 0},
		{Positive(), math.E, 1},
		{Positive(), 1 / math.E, -1},
		{Interval(0, 1), 0.5, 0},
		{Interval(0, 1), 0.75, math.Log(3)},
		{Interval(-2, 6), 0, math.Log(2.0 / 6.0)},
		{Interval(10, 20), 19, math.Log(9)},
	}
	for _, tt := range tests {
		y, err := tt.tr.ToInternal(tt.x)
		if err != nil || math.Abs(y-tt.y) > 1e-15*math.Max(1, math.Abs(tt.y)) {
			t.Errorf("%v.ToInternal(%v) = %v, %v; want %v", tt.tr, tt.x, y, err, tt.y)
		}
		if x := tt.tr.FromInternal(tt.y); math.Abs(x-tt.x) > 1e-15*math.Max(1, math.Abs(tt.x)) {
			t.Errorf("%v.FromInternal(%v) = %v, want %v", tt.tr, tt.y, x, tt.x)
		}
	}
}

func TestTransformString(t *testing.T) {
	for _, tt := range []struct {
		tr   Transform
		want string
	}{
		{Identity(), "Identity"},
		{Positive(), "Positive"},
		{Interval(0, 1), "Interval(0, 1)"},
		{Interval(-2.5, 1e6), "Interval(-2.5, 1e+06)"},
	} {
		if got := tt.tr.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestTransformDomain(t *testing.T) {
	tests := []struct {
		tr Transform
		x  float64
	}{
		{Identity(), math.NaN()},
		{Identity(), math.Inf(1)},
		{Positive(), 0},
		{Positive(), -1},
		{Positive(), math.Inf(1)},
		{Positive(), math.NaN()},
		{Interval(0, 1), 0},
		{Interval(0, 1), 1},
		{Interval(0, 1), 1.5},
		{Interval(0, 1), math.NaN()},
	}
	for _, tt := range tests {
		if _, err := tt.tr.ToInternal(tt.x); !errors.Is(err, ErrDomain) {
			t.Errorf("%v.ToInternal(%v) error = %v, want ErrDomain", tt.tr, tt.x, err)
		}
	}
}

// TestTransformClamp: FromInternal stays strictly inside the domain even
// where exp or the logistic round onto a bound, and passes NaN through.
func TestTransformClamp(t *testing.T) {
	tests := []struct {
		tr   Transform
		y    float64
		want float64
	}{
		{Positive(), -800, math.SmallestNonzeroFloat64},
		{Positive(), math.Inf(-1), math.SmallestNonzeroFloat64},
		{Positive(), 800, math.MaxFloat64},
		{Positive(), math.Inf(1), math.MaxFloat64},
		{Interval(0, 1), 800, math.Nextafter(1, 0)},
		{Interval(0, 1), math.Inf(1), math.Nextafter(1, 0)},
		{Interval(2, 3), -800, math.Nextafter(2, 3)},
		{Interval(2, 3), math.Inf(-1), math.Nextafter(2, 3)},
	}
	for _, tt := range tests {
		if got := tt.tr.FromInternal(tt.y); got != tt.want {
			t.Errorf("%v.FromInternal(%v) = %v, want %v", tt.tr, tt.y, got, tt.want)
		}
	}
	for _, tr := range []Transform{Identity(), Positive(), Interval(0, 1)} {
		if got := tr.FromInternal(math.NaN()); !math.IsNaN(got) {
			t.Errorf("%v.FromInternal(NaN) = %v, want NaN", tr, got)
		}
	}
}

func TestIntervalPanics(t *testing.T) {
	for _, b := range [][2]float64{{1, 1}, {2, 1}, {math.NaN(), 1}, {0, math.Inf(1)}, {math.Inf(-1), 0}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Interval(%v, %v) did not panic", b[0], b[1])
				}
			}()
			Interval(b[0], b[1])
		}()
	}
}

// TestTransformDeriv compares Deriv with a central difference of
// FromInternal.
func TestTransformDeriv(t *testing.T) {
	for _, tr := range []Transform{Identity(), Positive(), Interval(0, 1), Interval(-3, 5)} {
		for _, y := range []float64{-3, -0.5, 0, 0.7, 4} {
			h := 1e-5 * math.Max(1, math.Abs(y))
			want := (tr.FromInternal(y+h) - tr.FromInternal(y-h)) / (2 * h)
			if got := tr.Deriv(y); math.Abs(got-want) > 1e-8*math.Max(math.Abs(want), 1e-300)+1e-20 {
				t.Errorf("%v.Deriv(%v) = %v, want %v", tr, y, got, want)
			}
		}
	}
	// Far out, where a difference quotient loses its digits, the logistic's
	// derivative is (hi-lo)·e^(-|y|)·(1 + O(e^(-|y|))).
	for _, y := range []float64{-20, 20} {
		if got, want := Interval(-3, 5).Deriv(y), 8*math.Exp(-20); relErr(got, want) > 1e-8 {
			t.Errorf("Interval(-3, 5).Deriv(%v) = %v, want %v", y, got, want)
		}
	}
}

// genTransform generates a Transform with finite bounds lo < hi.
func genTransform() gopter.Gen {
	return gopter.CombineGens(gen.IntRange(0, 2), gen.Float64Range(-1e3, 1e3), gen.Float64Range(1e-3, 1e3)).
		Map(func(v []interface{}) Transform {
			switch v[0].(int) {
			case 0:
				return Identity()
			case 1:
				return Positive()
			}
			lo := v[1].(float64)
			return Interval(lo, lo+v[2].(float64))
		})
}

func TestTransformProperties(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 500
	properties := gopter.NewProperties(params)

	// A point of the domain: u in (0, 1) places it inside an interval,
	// e in [-300, 300] sets the magnitude of a positive or free value.
	point := func(tr Transform, u, e float64) float64 {
		switch tr.kind {
		case kindPositive:
			return u * math.Pow(10, e)
		case kindInterval:
			return tr.lo + u*(tr.hi-tr.lo)
		}
		return (u - 0.5) * math.Pow(10, e)
	}
	properties.Property("FromInternal(ToInternal(x)) = x within 1e-12", prop.ForAll(
		func(tr Transform, u, e float64) bool {
			x := point(tr, u, e)
			if !tr.Contains(x) {
				return true // u rounded a point onto a bound
			}
			y, err := tr.ToInternal(x)
			if err != nil {
				return false
			}
			back := tr.FromInternal(y)
			scale := math.Abs(x) // relative for Identity and Positive
			if tr.kind == kindInterval {
				scale = math.Max(math.Abs(tr.lo), math.Abs(tr.hi))
			}
			return math.Abs(back-x) <= 1e-12*scale
		},
		genTransform(), gen.Float64Range(0, 1), gen.Float64Range(-300, 300),
	))
	properties.Property("FromInternal stays in the domain", prop.ForAll(
		func(tr Transform, y float64) bool {
			return tr.Contains(tr.FromInternal(y))
		},
		genTransform(), gen.Float64(),
	))
	properties.Property("FromInternal is non-decreasing", prop.ForAll(
		func(tr Transform, y, d float64) bool {
			return tr.FromInternal(y) <= tr.FromInternal(y+d)
		},
		genTransform(), gen.Float64Range(-1e3, 1e3), gen.Float64Range(0, 10),
	))
	properties.TestingRun(t)
}

func TestTransformed(t *testing.T) {
	ts := []Transform{Identity(), Positive(), Interval(0, 1)}
	var seen []float64
	f := func(x []float64) float64 {
		seen = append(seen[:0], x...)
		return x[0] + 10*x[1] + 100*x[2]
	}
	tr := NewTransformed(f, ts)
	if tr.Dim() != 3 {
		t.Errorf("Dim() = %d, want 3", tr.Dim())
	}
	x := []float64{-1, 2, 0.25}
	y, err := tr.ToInternal(x)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{-1, math.Log(2), math.Log(1.0 / 3)}
	for i := range want {
		if math.Abs(y[i]-want[i]) > 1e-15 {
			t.Errorf("ToInternal(%v) = %v, want %v", x, y, want)
		}
	}
	if got := tr.Func(y); math.Abs(got-44) > 1e-12 || math.Abs(seen[1]-2) > 1e-15 {
		t.Errorf("Func(%v) = %v after f(%v), want 44 after f(%v)", y, got, seen, x)
	}
	back := tr.FromInternal(y)
	for i := range x {
		if math.Abs(back[i]-x[i]) > 1e-15 {
			t.Errorf("FromInternal(ToInternal(%v)) = %v", x, back)
		}
	}
	if _, err := tr.ToInternal([]float64{1, 2}); !errors.Is(err, ErrDimension) {
		t.Errorf("ToInternal of 2 values: error %v, want ErrDimension", err)
	}
	if _, err := tr.ToInternal([]float64{1, -2, 0.5}); !errors.Is(err, ErrDomain) {
		t.Errorf("ToInternal of a negative Positive: error %v, want ErrDomain", err)
	}
	defer func() {
		if recover() == nil {
			t.Errorf("Func of 2 values did not panic")
		}
	}()
	tr.Func([]float64{1, 2})
}

// TestTransformedFuncGrad checks the chain rule against a numeric gradient
// of the transformed function.
func TestTransformedFuncGrad(t *testing.T) {
	ts := []Transform{Positive(), Interval(-1, 3), Identity()}
	f := func(x []float64) float64 { return x[0]*x[0]*x[1] + math.Sin(x[1]) + x[2]*x[0] }
	fg := func(x, g []float64) float64 {
		if g != nil {
			g[0] = 2*x[0]*x[1] + x[2]
			g[1] = x[0]*x[0] + math.Cos(x[1])
			g[2] = x[0]
		}
		return f(x)
	}
	tr := NewTransformed(f, ts)
	wrapped := tr.FuncGrad(fg)
	y := []float64{0.3, -0.4, 1.5}
	g := make([]float64, 3)
	v := wrapped(y, g)
	if want := tr.Func(y); v != want || wrapped(y, nil) != want {
		t.Errorf("FuncGrad value %v, want %v", v, want)
	}
	want, err := Gradient(tr.Func, y, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if relErr(g[i], want[i]) > 1e-8 {
			t.Errorf("FuncGrad gradient = %v, want %v (numeric)", g, want)
			break
		}
	}
}

func BenchmarkTransformedFunc(b *testing.B) {
	b.ReportAllocs()
	tr := NewTransformed(func(x []float64) float64 { return x[0] + x[1] + x[2] + x[3] },
		[]Transform{Positive(), Positive(), Positive(), Interval(0, 1)})
	y := []float64{0.1, -0.2, 0.3, 0.4}
	var s float64
	for i := 0; i < b.N; i++ {
		s += tr.Func(y)
	}
	_ = s
}
