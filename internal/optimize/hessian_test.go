package optimize

import (
	"errors"
	"math"
	"testing"
)

// TestHessianQuadratic: the Hessian of ½(x-μ)ᵀA(x-μ) is A everywhere;
// central differences are exact for a quadratic up to rounding.
func TestHessianQuadratic(t *testing.T) {
	f := quadratic(quadA, []float64{1, -2, 3})
	for _, x := range [][]float64{{1, -2, 3}, {0, 0, 0}, {5, 7, -11}} {
		h, err := Hessian(f, x, 0)
		if err != nil {
			t.Fatal(err)
		}
		for i := range quadA {
			for j := range quadA {
				if math.Abs(h[i][j]-quadA[i][j]) > 1e-7 {
					t.Errorf("Hessian at %v: H[%d][%d] = %v, want %v", x, i, j, h[i][j], quadA[i][j])
				}
			}
		}
	}
}

// TestHessianAnalytic compares with the analytic second derivatives of
// f(x, y) = exp(xy) + x³ + log(y) + x·sin(y):
//
//	f_xx = y²e^(xy) + 6x
//	f_xy = e^(xy)(1 + xy) + cos(y)
//	f_yy = x²e^(xy) - 1/y² - x·sin(y)
func TestHessianAnalytic(t *testing.T) {
	f := func(v []float64) float64 {
		x, y := v[0], v[1]
		return math.Exp(x*y) + x*x*x + math.Log(y) + x*math.Sin(y)
	}
	for _, p := range [][]float64{{0.5, 1.5}, {-1, 0.2}, {2, 3}, {0, 1}} {
		x, y := p[0], p[1]
		e := math.Exp(x * y)
		want := [][]float64{
			{y*y*e + 6*x, e*(1+x*y) + math.Cos(y)},
			{e*(1+x*y) + math.Cos(y), x*x*e - 1/(y*y) - x*math.Sin(y)},
		}
		for _, step := range []float64{0, 2e-3, 5e-4} {
			h, err := Hessian(f, p, step)
			if err != nil {
				t.Fatal(err)
			}
			for i := range want {
				for j := range want {
					if math.Abs(h[i][j]-want[i][j]) > 1e-7*math.Max(1, math.Abs(want[i][j])) {
						t.Errorf("Hessian(%v, h=%v)[%d][%d] = %v, want %v", p, step, i, j, h[i][j], want[i][j])
					}
				}
			}
		}
		g, err := Gradient(f, p, 0)
		if err != nil {
			t.Fatal(err)
		}
		wantG := []float64{y*e + 3*x*x + math.Sin(y), x*e + 1/y + x*math.Cos(y)}
		for i := range wantG {
			if math.Abs(g[i]-wantG[i]) > 1e-8*math.Max(1, math.Abs(wantG[i])) {
				t.Errorf("Gradient(%v) = %v, want %v", p, g, wantG)
			}
		}
	}
}

// TestHessianGrad compares with the analytic Hessian of the function of
// TestHessianAnalytic, from its analytic gradient, and with A for the
// quadratic.
func TestHessianGrad(t *testing.T) {
	fg := func(v, g []float64) float64 {
		x, y := v[0], v[1]
		e := math.Exp(x * y)
		if g != nil {
			g[0] = y*e + 3*x*x + math.Sin(y)
			g[1] = x*e + 1/y + x*math.Cos(y)
		}
		return e + x*x*x + math.Log(y) + x*math.Sin(y)
	}
	for _, p := range [][]float64{{0.5, 1.5}, {-1, 0.2}, {2, 3}, {0, 1}} {
		x, y := p[0], p[1]
		e := math.Exp(x * y)
		want := [][]float64{
			{y*y*e + 6*x, e*(1+x*y) + math.Cos(y)},
			{e*(1+x*y) + math.Cos(y), x*x*e - 1/(y*y) - x*math.Sin(y)},
		}
		h, err := HessianGrad(fg, p, 0)
		if err != nil {
			t.Fatal(err)
		}
		for i := range want {
			for j := range want {
				if math.Abs(h[i][j]-want[i][j]) > 1e-7*math.Max(1, math.Abs(want[i][j])) {
					t.Errorf("HessianGrad(%v)[%d][%d] = %v, want %v", p, i, j, h[i][j], want[i][j])
				}
			}
		}
	}
	h, err := HessianGrad(NumGrad(quadratic(quadA, []float64{1, -2, 3}), 1e-4), []float64{2, 2, 2}, 1e-3)
	if err != nil {
		t.Fatal(err)
	}
	for i := range quadA {
		for j := range quadA {
			if math.Abs(h[i][j]-quadA[i][j]) > 1e-6 {
				t.Errorf("HessianGrad of the quadratic: H[%d][%d] = %v, want %v", i, j, h[i][j], quadA[i][j])
			}
		}
	}
	nanGrad := func(x, g []float64) float64 {
		if g != nil {
			g[0] = math.Log(x[0] - 1)
		}
		return 0
	}
	for _, x := range [][]float64{nil, {math.NaN()}, {1.0000001}} {
		if _, err := HessianGrad(nanGrad, x, 0); !errors.Is(err, ErrDimension) && !errors.Is(err, ErrNotFinite) {
			t.Errorf("HessianGrad at %v: error %v, want ErrDimension or ErrNotFinite", x, err)
		}
	}
	plus := func(x, g []float64) float64 {
		if g != nil {
			g[0] = 1
		}
		if x[0] > 2 {
			return math.Inf(1)
		}
		return x[0]
	}
	if _, err := HessianGrad(plus, []float64{1.99999999}, 0); !errors.Is(err, ErrNotFinite) {
		t.Errorf("HessianGrad with an infinite value on the stencil: error %v, want ErrNotFinite", err)
	}
}

func TestHessianErrors(t *testing.T) {
	logf := func(x []float64) float64 { return math.Log(x[0]-1) + x[1]*x[1] }
	tests := []struct {
		name string
		f    Func
		x    []float64
		want error
	}{
		{"empty", logf, nil, ErrDimension},
		{"NaN point", logf, []float64{math.NaN(), 1}, ErrNotFinite},
		{"Inf point", logf, []float64{2, math.Inf(1)}, ErrNotFinite},
		{"centre", logf, []float64{0.5, 1}, ErrNotFinite},
		{"stencil", logf, []float64{1.0000001, 1}, ErrNotFinite},
	}
	for _, tt := range tests {
		if _, err := Hessian(tt.f, tt.x, 0); !errors.Is(err, tt.want) {
			t.Errorf("Hessian %s: error %v, want %v", tt.name, err, tt.want)
		}
		if tt.name == "centre" {
			continue // Gradient does not evaluate the centre
		}
		if _, err := Gradient(tt.f, tt.x, 0); !errors.Is(err, tt.want) {
			t.Errorf("Gradient %s: error %v, want %v", tt.name, err, tt.want)
		}
	}
}

func BenchmarkHessian(b *testing.B) {
	for _, n := range []int{2, 4, 8} {
		x := make([]float64, n)
		for i := range x {
			x[i] = 1 + float64(i)/10
		}
		b.Run(string(rune('0'+n)), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Hessian(rosenbrock, x, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
