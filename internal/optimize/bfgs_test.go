package optimize

import (
	"errors"
	"math"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

// rosenbrockGrad is rosenbrock with its analytic gradient.
func rosenbrockGrad(x, g []float64) float64 {
	if g != nil {
		for i := range g {
			g[i] = 0
		}
		for i := 0; i+1 < len(x); i++ {
			a := x[i+1] - x[i]*x[i]
			g[i] += -400*x[i]*a - 2*(1-x[i])
			g[i+1] += 200 * a
		}
	}
	return rosenbrock(x)
}

// TestBFGSKnownMinima: the minima of Moré, Garbow and Hillstrom (1981),
// with analytic and numeric gradients. BFGS stops on the predicted
// decrease, ½gᵀHg <= 1e-12, so the point is within about √(2e-12/λ_min)
// of the minimum, λ_min the smallest eigenvalue of the Hessian there
// (about 0.4 for Rosenbrock in 2-d): hence 1e-5.
func TestBFGSKnownMinima(t *testing.T) {
	tests := []struct {
		name     string
		fg       FuncGrad
		x0, want []float64
		tol      float64
	}{
		{"rosenbrock2 analytic", rosenbrockGrad, []float64{-1.2, 1}, []float64{1, 1}, 1e-5},
		{"rosenbrock2 numeric", NumGrad(rosenbrock, 0), []float64{-1.2, 1}, []float64{1, 1}, 1e-5},
		{"rosenbrock4 analytic", rosenbrockGrad, []float64{-1.2, 1, -1.2, 1}, []float64{1, 1, 1, 1}, 1e-5},
		{"rosenbrock4 numeric", NumGrad(rosenbrock, 1e-6), []float64{-1.2, 1, -1.2, 1}, []float64{1, 1, 1, 1}, 1e-5},
		// Singular Hessian at the minimum: slow, and only to √(4)√tol.
		{"powell4 numeric", NumGrad(powell, 0), []float64{3, -1, 0, 1}, []float64{0, 0, 0, 0}, 1e-2},
		{"quadratic3 numeric", NumGrad(quadratic(quadA, []float64{1, -2, 3}), 0), []float64{0, 0, 0}, []float64{1, -2, 3}, 1e-6},
	}
	for _, tt := range tests {
		got, err := BFGS(tt.fg, tt.x0, BFGSSettings{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !got.Converged {
			t.Errorf("%s: not converged after %d calls", tt.name, got.Evals)
		}
		for i := range tt.want {
			if math.Abs(got.X[i]-tt.want[i]) > tt.tol {
				t.Errorf("%s: X = %v, want %v", tt.name, got.X, tt.want)
				break
			}
		}
		if got.F != tt.fg(got.X, nil) || got.F > 1e-8 {
			t.Errorf("%s: F = %v, f(X) = %v", tt.name, got.F, tt.fg(got.X, nil))
		}
	}
}

func TestBFGSErrors(t *testing.T) {
	ok := NumGrad(func(x []float64) float64 { return x[0] * x[0] }, 0)
	tests := []struct {
		name string
		fg   FuncGrad
		x0   []float64
		s    BFGSSettings
		want error
	}{
		{"empty", ok, nil, BFGSSettings{}, ErrDimension},
		{"NaN x0", ok, []float64{math.NaN()}, BFGSSettings{}, ErrNotFinite},
		{"f(x0) NaN", NumGrad(func([]float64) float64 { return math.NaN() }, 0), []float64{1}, BFGSSettings{}, ErrNotFinite},
		{"gradient Inf", func(x, g []float64) float64 {
			if g != nil {
				g[0] = math.Inf(1)
			}
			return 1
		}, []float64{1}, BFGSSettings{}, ErrNotFinite},
		{"negative Tol", ok, []float64{1}, BFGSSettings{Tol: -1}, ErrSettings},
		{"NaN Tol", ok, []float64{1}, BFGSSettings{Tol: math.NaN()}, ErrSettings},
		{"negative MaxEvals", ok, []float64{1}, BFGSSettings{MaxEvals: -1}, ErrSettings},
	}
	for _, tt := range tests {
		if _, err := BFGS(tt.fg, tt.x0, tt.s); !errors.Is(err, tt.want) {
			t.Errorf("BFGS %s: error %v, want %v", tt.name, err, tt.want)
		}
	}
}

// TestBFGSNotConverged: a budget too small, a non-smooth objective and one
// without a minimum end with Converged false, at a point no worse than the
// start.
func TestBFGSNotConverged(t *testing.T) {
	x0 := []float64{-1.2, 1}
	got, err := BFGS(rosenbrockGrad, x0, BFGSSettings{MaxEvals: 5})
	if err != nil {
		t.Fatal(err)
	}
	if got.Converged || got.F > rosenbrock(x0) {
		t.Errorf("MaxEvals 5: Converged = %v, F = %v after %d calls", got.Converged, got.F, got.Evals)
	}
	// A gradient that lies (points uphill) defeats every line search.
	liar := func(x, g []float64) float64 {
		if g != nil {
			g[0] = -2 * x[0]
		}
		return x[0] * x[0]
	}
	got, err = BFGS(liar, []float64{1}, BFGSSettings{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Converged || got.F > 1 {
		t.Errorf("wrong gradient: Converged = %v, F = %v", got.Converged, got.F)
	}
	// Unbounded below along x: the search runs out of budget.
	got, err = BFGS(NumGrad(func(x []float64) float64 { return -x[0] }, 0), []float64{0}, BFGSSettings{MaxEvals: 50})
	if err != nil {
		t.Fatal(err)
	}
	if got.Converged || got.F > 0 {
		t.Errorf("unbounded: Converged = %v, F = %v", got.Converged, got.F)
	}
}

// TestBFGSInvalidRegion: NaN and Inf values beyond a boundary shorten the
// line search, which bisects back into the valid region.
func TestBFGSInvalidRegion(t *testing.T) {
	f := func(x []float64) float64 {
		if x[0] <= 0 {
			return math.NaN()
		}
		return x[0] - math.Log(x[0]) // minimum 1 at x = 1
	}
	got, err := BFGS(NumGrad(f, 0), []float64{20}, BFGSSettings{})
	if err != nil {
		t.Fatal(err)
	}
	if !got.Converged || math.Abs(got.X[0]-1) > 1e-5 {
		t.Errorf("X = %v, Converged = %v; want [1], true", got.X, got.Converged)
	}
}

func TestBFGSNeverWorse(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 200
	properties := gopter.NewProperties(params)
	properties.Property("f(X) = F <= f(x0)", prop.ForAll(
		func(x0 []float64, maxEvals int) bool {
			f := func(x []float64) float64 {
				var s float64
				for _, v := range x {
					s += v*v/10 - math.Cos(3*v)
				}
				return s
			}
			got, err := BFGS(NumGrad(f, 0), x0, BFGSSettings{MaxEvals: maxEvals})
			if err != nil {
				return false
			}
			return got.F <= f(x0) && got.F == f(got.X)
		},
		gen.SliceOfN(3, gen.Float64Range(-5, 5)),
		gen.IntRange(0, 200),
	))
	properties.TestingRun(t)
}

func BenchmarkBFGS(b *testing.B) {
	for _, bc := range []struct {
		name string
		x0   []float64
	}{
		{"rosenbrock2", []float64{-1.2, 1}},
		{"rosenbrock4", []float64{-1.2, 1, -1.2, 1}},
		{"rosenbrock8", []float64{-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			var evals int
			for i := 0; i < b.N; i++ {
				r, err := BFGS(rosenbrockGrad, bc.x0, BFGSSettings{})
				if err != nil {
					b.Fatal(err)
				}
				evals = r.Evals
			}
			b.ReportMetric(float64(evals), "calls/op")
		})
	}
}
