package optimize

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"runtime"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

// TestNelderMeadSciPy replays the runs of testdata/neldermead_scipy.json,
// made by testdata/gen_neldermead.py with scipy.optimize.minimize
// (method="Nelder-Mead", SciPy 1.10.1), which implements the same
// formulation. Given the same initial simplex and tolerances the two take
// the same path: the final points agree to 1e-12 and, on amd64 (where Go
// does not fuse multiply-adds, so every operation rounds as in NumPy), the
// numbers of evaluations and iterations are equal.
func TestNelderMeadSciPy(t *testing.T) {
	data, err := os.ReadFile("testdata/neldermead_scipy.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		FTol float64 `json:"ftol"`
		XTol float64 `json:"xtol"`
		Runs []struct {
			Name     string
			Adaptive bool
			X0       []float64
			X        []float64
			F        float64
			Nfev     int
			Nit      int
		}
	}
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatal(err)
	}
	funcs := map[string]Func{"rosenbrock2": rosenbrock, "rosenbrock4": rosenbrock, "powell4": powell}
	if len(ref.Runs) != 6 {
		t.Fatalf("%d reference runs, want 6", len(ref.Runs))
	}
	for _, r := range ref.Runs {
		f := funcs[r.Name]
		s := Settings{FTol: ref.FTol, XTol: ref.XTol, Restarts: -1, MaxEvals: 100000, Adaptive: r.Adaptive}
		got, err := NelderMead(f, r.X0, s)
		if err != nil {
			t.Fatalf("%s adaptive=%v: %v", r.Name, r.Adaptive, err)
		}
		for i := range r.X {
			if math.Abs(got.X[i]-r.X[i]) > 1e-12 {
				t.Errorf("%s adaptive=%v: X[%d] = %v, want %v (scipy)", r.Name, r.Adaptive, i, got.X[i], r.X[i])
			}
		}
		if math.Abs(got.F-r.F) > 1e-20 || !got.Converged || got.Restarts != 0 {
			t.Errorf("%s adaptive=%v: F = %v, Converged = %v, Restarts = %d; want %v, true, 0", r.Name, r.Adaptive, got.F, got.Converged, got.Restarts, r.F)
		}
		if runtime.GOARCH == "amd64" && (got.Evals != r.Nfev || got.Iterations != r.Nit-1) {
			t.Errorf("%s adaptive=%v: Evals, Iterations = %d, %d; want %d, %d (scipy, whose nit counts from 1)", r.Name, r.Adaptive, got.Evals, got.Iterations, r.Nfev, r.Nit-1)
		}
	}
}

// TestNelderMeadKnownMinima checks the defaults (with restarts) on the
// standard problems of Moré, Garbow and Hillstrom (1981), whose minima are
// known in closed form.
func TestNelderMeadKnownMinima(t *testing.T) {
	tests := []struct {
		name     string
		f        Func
		x0, want []float64
		tol      float64 // on each coordinate
		adaptive bool
	}{
		{"rosenbrock2", rosenbrock, []float64{-1.2, 1}, []float64{1, 1}, 1e-7, false},
		{"rosenbrock4", rosenbrock, []float64{-1.2, 1, -1.2, 1}, []float64{1, 1, 1, 1}, 1e-7, false},
		{"rosenbrock4 adaptive", rosenbrock, []float64{-1.2, 1, -1.2, 1}, []float64{1, 1, 1, 1}, 1e-7, true},
		// Powell's function is flat (quartic) along a direction at its
		// minimum, so the point is only determined to about the fourth
		// root of the value tolerance.
		{"powell4", powell, []float64{3, -1, 0, 1}, []float64{0, 0, 0, 0}, 1e-4, false},
		{"quadratic3", quadratic(quadA, []float64{1, -2, 3}), []float64{0, 0, 0}, []float64{1, -2, 3}, 1e-7, false},
		{"1-d", func(x []float64) float64 { return (x[0] - 3) * (x[0] - 3) }, []float64{100}, []float64{3}, 1e-7, false},
	}
	for _, tt := range tests {
		got, err := NelderMead(tt.f, tt.x0, Settings{Adaptive: tt.adaptive})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !got.Converged || got.Restarts < 1 {
			t.Errorf("%s: Converged = %v, Restarts = %d; want true, >= 1", tt.name, got.Converged, got.Restarts)
		}
		for i := range tt.want {
			if math.Abs(got.X[i]-tt.want[i]) > tt.tol {
				t.Errorf("%s: X = %v, want %v", tt.name, got.X, tt.want)
				break
			}
		}
		if got.F > 1e-12 || got.F != tt.f(got.X) {
			t.Errorf("%s: F = %v, f(X) = %v; want <= 1e-12 and equal", tt.name, got.F, tt.f(got.X))
		}
	}
}

func TestNelderMeadErrors(t *testing.T) {
	sq := func(x []float64) float64 { return x[0] * x[0] }
	tests := []struct {
		name string
		f    Func
		x0   []float64
		s    Settings
		want error
	}{
		{"nil x0", sq, nil, Settings{}, ErrDimension},
		{"empty x0", sq, []float64{}, Settings{}, ErrDimension},
		{"NaN x0", sq, []float64{math.NaN()}, Settings{}, ErrNotFinite},
		{"Inf x0", sq, []float64{math.Inf(-1)}, Settings{}, ErrNotFinite},
		{"f(x0) NaN", func([]float64) float64 { return math.NaN() }, []float64{1}, Settings{}, ErrNotFinite},
		{"f(x0) +Inf", func([]float64) float64 { return math.Inf(1) }, []float64{1}, Settings{}, ErrNotFinite},
		{"f(x0) -Inf", func([]float64) float64 { return math.Inf(-1) }, []float64{1}, Settings{}, ErrNotFinite},
		{"negative step", sq, []float64{1}, Settings{InitialStep: -1}, ErrSettings},
		{"Inf step", sq, []float64{1}, Settings{InitialStep: math.Inf(1)}, ErrSettings},
		{"NaN FTol", sq, []float64{1}, Settings{FTol: math.NaN()}, ErrSettings},
		{"negative XTol", sq, []float64{1}, Settings{XTol: -1e-8}, ErrSettings},
		{"negative MaxEvals", sq, []float64{1}, Settings{MaxEvals: -1}, ErrSettings},
	}
	for _, tt := range tests {
		_, err := NelderMead(tt.f, tt.x0, tt.s)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: NelderMead error = %v, want %v", tt.name, err, tt.want)
		}
	}
}

// TestNelderMeadMaxEvals checks that an exhausted budget is reported, never
// silent, and that the overshoot is at most n+1 evaluations.
func TestNelderMeadMaxEvals(t *testing.T) {
	x0 := []float64{-1.2, 1, -1.2, 1}
	for _, max := range []int{1, 5, 50, 300} {
		got, err := NelderMead(rosenbrock, x0, Settings{MaxEvals: max})
		if err != nil {
			t.Fatal(err)
		}
		if got.Converged {
			t.Errorf("MaxEvals %d: Converged = true after %d evaluations", max, got.Evals)
		}
		if got.Evals > max+len(x0)+1 || got.Evals < max {
			t.Errorf("MaxEvals %d: Evals = %d, want in [%d, %d]", max, got.Evals, max, max+len(x0)+1)
		}
		if got.F > rosenbrock(x0) || got.F != rosenbrock(got.X) {
			t.Errorf("MaxEvals %d: F = %v, f(X) = %v, f(x0) = %v", max, got.F, rosenbrock(got.X), rosenbrock(x0))
		}
	}
}

// TestNelderMeadInvalidRegion minimises functions that are NaN, +Inf or
// -Inf on part of the space: those points count as +Inf.
func TestNelderMeadInvalidRegion(t *testing.T) {
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		// Minimum at (0.5, 0.5) inside the positive quadrant.
		f := func(x []float64) float64 {
			if x[0] <= 0 || x[1] <= 0 {
				return bad
			}
			return (x[0]-0.5)*(x[0]-0.5) + (x[1]-0.5)*(x[1]-0.5) - math.Log(x[0]) - math.Log(x[1])
		}
		// The minimum of (x-½)² - log x is at x = (1+√17)/4... solve
		// 2(x-½) = 1/x: 2x² - x - 1 = 0, x = 1.
		got, err := NelderMead(f, []float64{0.05, 3}, Settings{})
		if err != nil {
			t.Fatalf("bad = %v: %v", bad, err)
		}
		if math.Abs(got.X[0]-1) > 1e-7 || math.Abs(got.X[1]-1) > 1e-7 || !got.Converged {
			t.Errorf("bad = %v: X = %v, Converged = %v; want [1 1], true", bad, got.X, got.Converged)
		}
	}
}

// TestNelderMeadRestarts stops a first run early with loose tolerances and
// checks that a restart from the best point improves on it.
func TestNelderMeadRestarts(t *testing.T) {
	x0 := []float64{-1.2, 1, -1.2, 1}
	loose := Settings{FTol: 1e-2, XTol: 0.3, Restarts: -1}
	once, err := NelderMead(rosenbrock, x0, loose)
	if err != nil {
		t.Fatal(err)
	}
	loose.Restarts = 50
	more, err := NelderMead(rosenbrock, x0, loose)
	if err != nil {
		t.Fatal(err)
	}
	if once.Restarts != 0 || more.Restarts < 1 || more.Restarts > 50 {
		t.Errorf("Restarts = %d and %d, want 0 and in [1, 50]", once.Restarts, more.Restarts)
	}
	if !(more.F < once.F) || more.Evals <= once.Evals {
		t.Errorf("with restarts F = %v after %d evaluations, without %v after %d: want a strict improvement", more.F, more.Evals, once.F, once.Evals)
	}
}

// mcKinnon is the function of McKinnon (1998) with τ = 2, θ = 6, φ = 60,
//
//	f(x, y) = θφ|x|^τ + y + y²   (x <= 0)
//	f(x, y) = θx^τ + y + y²      (x > 0)
//
// whose minimum is -1/4 at (0, -1/2). From the initial simplex (0, 0),
// (1, 1), (λ+, λ-), λ± = (1 ± √33)/8, Nelder-Mead contracts onto (0, 0),
// where the gradient is (0, 1): it converges to a point that is not
// stationary. mcKinnonAxes composes f with the linear map that sends the
// simplex NelderMead builds at the origin with steps 0.1 (0, 0.1e_1,
// 0.1e_2) onto McKinnon's; Nelder-Mead is affine invariant, so it then
// takes McKinnon's path.
func mcKinnonAxes(z []float64) float64 {
	lp, lm := (1+math.Sqrt(33))/8, (1-math.Sqrt(33))/8
	x := 10 * (z[0] + lp*z[1])
	y := 10 * (z[0] + lm*z[1])
	if x <= 0 {
		return 360*x*x + y + y*y
	}
	return 6*x*x + y + y*y
}

// TestNelderMeadMcKinnon shows the failure that restarts guard against.
func TestNelderMeadMcKinnon(t *testing.T) {
	stall, err := NelderMead(mcKinnonAxes, []float64{0, 0}, Settings{Restarts: -1})
	if err != nil {
		t.Fatal(err)
	}
	if stall.F != 0 || stall.X[0] != 0 || stall.X[1] != 0 {
		t.Errorf("without restarts: X = %v, F = %v; want McKinnon's stall at the origin, F = 0", stall.X, stall.F)
	}
	got, err := NelderMead(mcKinnonAxes, []float64{0, 0}, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	// The minimum (0, -1/2) in z: x = 0 and y = -1/2 give
	// z = (lp·y/(lp-lm), -y/(lp-lm))/10.
	lp, lm := (1+math.Sqrt(33))/8, (1-math.Sqrt(33))/8
	want := []float64{-0.05 * lp / (lp - lm), 0.05 / (lp - lm)}
	if math.Abs(got.F+0.25) > 1e-12 || math.Abs(got.X[0]-want[0]) > 1e-7 || math.Abs(got.X[1]-want[1]) > 1e-7 || got.Restarts < 1 {
		t.Errorf("with restarts: X = %v, F = %v, Restarts = %d; want %v, -0.25, >= 1", got.X, got.F, got.Restarts, want)
	}
}

// TestNelderMeadNeverWorse: the result is never worse than the start, F is
// f(X), and X is finite, for random starts on functions with invalid
// regions.
func TestNelderMeadNeverWorse(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 200
	properties := gopter.NewProperties(params)
	funcs := []Func{
		rosenbrock,
		func(x []float64) float64 { // a valley with a NaN half-space
			if x[0] < -2 {
				return math.NaN()
			}
			var s float64
			for i, v := range x {
				s += float64(i+1) * math.Abs(v-1)
			}
			return s
		},
		func(x []float64) float64 { // multimodal
			var s float64
			for _, v := range x {
				s += v*v/10 - math.Cos(3*v)
			}
			return s
		},
	}
	properties.Property("f(X) = F <= f(x0)", prop.ForAll(
		func(x0 []float64, k int, adaptive bool, maxEvals int) bool {
			f := funcs[k]
			f0 := f(x0)
			if math.IsNaN(f0) {
				return true
			}
			got, err := NelderMead(f, x0, Settings{Adaptive: adaptive, MaxEvals: maxEvals})
			if err != nil {
				return false
			}
			for _, v := range got.X {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					return false
				}
			}
			return got.F <= f0 && got.F == f(got.X) && got.Evals >= 1
		},
		gen.SliceOfN(4, gen.Float64Range(-5, 5)).SuchThat(func(v []float64) bool { return len(v) > 0 }),
		gen.IntRange(0, len(funcs)-1),
		gen.Bool(),
		gen.IntRange(0, 500),
	))
	properties.TestingRun(t)
}

func BenchmarkNelderMead(b *testing.B) {
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
				r, err := NelderMead(rosenbrock, bc.x0, Settings{Adaptive: len(bc.x0) > 4})
				if err != nil {
					b.Fatal(err)
				}
				evals = r.Evals
			}
			b.ReportMetric(float64(evals), "evals/op")
		})
	}
}
