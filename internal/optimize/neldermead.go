package optimize

import (
	"fmt"
	"math"
)

// Func is an objective function to minimise. It may return +Inf or NaN at
// points where it is undefined (a parameter out of range, an overflow); the
// minimisers treat any non-finite value, including -Inf, as +Inf, that is
// as a point to move away from. It must not modify or retain x, which the
// minimiser reuses.
type Func func(x []float64) float64

// Settings configures NelderMead. The zero value gives the defaults below.
type Settings struct {
	// InitialStep sets the size of the initial simplex: vertex i is x0 with
	// coordinate i moved by InitialStep·max(|x0_i|, 1), relative for large
	// coordinates and absolute for small ones. Zero means 0.1, the step of
	// R's optim. Work in the coordinates of a Transform when parameters
	// differ in scale by orders of magnitude.
	InitialStep float64

	// FTol and XTol are the tolerances of the convergence test of Lagarias
	// et al. (1998): a run stops when both the spread of the function values
	// over the simplex and its diameter are small,
	//
	//	max_i |f(v_i) - f(v_0)|   <= FTol·max(1, |f(v_0)|)
	//	max_i |v_ij - v_0j|       <= XTol·max(1, |v_0j|)  for every j
	//
	// with v_0 the best vertex: absolute below 1, relative above, and for
	// each coordinate on its own scale. Zero means FTol = 1e-10 and
	// XTol = 1e-8.
	FTol, XTol float64

	// MaxEvals bounds the number of evaluations of f over all runs. When it
	// is reached the search stops with Result.Converged false; the last
	// iteration may exceed it by at most n+1 evaluations (a shrink step).
	// Zero means 1000·n, at least 2000.
	MaxEvals int

	// Restarts is the largest number of restarts: after a run converges,
	// the simplex is rebuilt around the best point and the search runs
	// again, until a run no longer improves the best value by more than the
	// FTol criterion. This guards against the collapse of a simplex onto a
	// non-stationary point, which Nelder-Mead is known to suffer (McKinnon
	// 1998). Odd-numbered restarts step in the negative direction, so that
	// a restart at a point that did not move does not rebuild the simplex
	// that stalled. Zero means 2; a negative value means no restart.
	Restarts int

	// Adaptive selects the dimension-dependent coefficients of Gao and Han
	// (2012), which keep the method effective beyond a handful of
	// parameters. In two dimensions they equal the standard ones.
	Adaptive bool
}

// Defaults of Settings.
const (
	DefaultInitialStep = 0.1
	DefaultFTol        = 1e-10
	DefaultXTol        = 1e-8
	DefaultRestarts    = 2
)

// Result is the outcome of a minimisation.
type Result struct {
	X          []float64 // the best point found
	F          float64   // f(X), finite
	Evals      int       // evaluations of the objective
	Iterations int       // iterations of the method, over all runs
	Restarts   int       // restarts performed (Nelder-Mead)
	Converged  bool      // whether the convergence test was met; false when MaxEvals was reached
}

// NelderMead minimises f from x0 by the downhill simplex method of Nelder
// and Mead (1965), in the formulation of Lagarias et al. (1998): reflection
// ρ = 1, expansion χ = 2, contraction γ = 1/2 (outside or inside) and shrink
// σ = 1/2, or with Settings.Adaptive the coefficients of Gao and Han
// (2012), ρ = 1, χ = 1 + 2/n, γ = 3/4 - 1/(2n), σ = 1 - 1/n. Ties keep the
// older vertex first. See the package documentation for the steps.
//
// It returns an error wrapping ErrDimension if x0 is empty, ErrNotFinite if
// a coordinate of x0 or f(x0) is not finite, and ErrSettings for negative
// or NaN settings. Otherwise the result is the best point found, never
// worse than x0, with Converged false if the evaluation budget ran out.
//
// NelderMead allocates its workspace once; an iteration allocates nothing
// (f itself aside).
func NelderMead(f Func, x0 []float64, s Settings) (Result, error) {
	n := len(x0)
	if n == 0 {
		return Result{}, fmt.Errorf("optimize: NelderMead: empty starting point: %w", ErrDimension)
	}
	for i, v := range x0 {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return Result{}, fmt.Errorf("optimize: NelderMead: x0[%d] = %v: %w", i, v, ErrNotFinite)
		}
	}
	if err := s.check(); err != nil {
		return Result{}, err
	}
	s = s.withDefaults(n)

	w := newSimplex(f, n, s)
	copy(w.v[0], x0)
	w.f[0] = f(w.v[0])
	w.evals = 1
	if math.IsNaN(w.f[0]) || math.IsInf(w.f[0], 0) {
		return Result{}, fmt.Errorf("optimize: NelderMead: f(x0) = %v: %w", w.f[0], ErrNotFinite)
	}

	var res Result
	converged := w.run(1)
	for r := 1; r <= s.Restarts && converged; r++ {
		before := w.f[0]
		res.Restarts++
		// Alternate the direction of the initial steps, so that a restart
		// at a point that did not move does not rebuild the very simplex
		// that stalled (as on McKinnon's function).
		converged = w.run(float64(1 - 2*(r%2)))
		if before-w.f[0] <= s.FTol*math.Max(1, math.Abs(w.f[0])) {
			break
		}
	}
	res.X = append([]float64(nil), w.v[0]...)
	res.F = w.f[0]
	res.Evals = w.evals
	res.Iterations = w.iters
	res.Converged = converged
	return res, nil
}

func (s Settings) check() error {
	bad := func(name string, v float64) error {
		return fmt.Errorf("optimize: Settings.%s = %v: %w", name, v, ErrSettings)
	}
	switch {
	case !(s.InitialStep >= 0) || math.IsInf(s.InitialStep, 0):
		return bad("InitialStep", s.InitialStep)
	case !(s.FTol >= 0):
		return bad("FTol", s.FTol)
	case !(s.XTol >= 0):
		return bad("XTol", s.XTol)
	case s.MaxEvals < 0:
		return bad("MaxEvals", float64(s.MaxEvals))
	}
	return nil
}

func (s Settings) withDefaults(n int) Settings {
	if s.InitialStep == 0 {
		s.InitialStep = DefaultInitialStep
	}
	if s.FTol == 0 {
		s.FTol = DefaultFTol
	}
	if s.XTol == 0 {
		s.XTol = DefaultXTol
	}
	if s.MaxEvals == 0 {
		s.MaxEvals = max(1000*n, 2000)
	}
	switch {
	case s.Restarts == 0:
		s.Restarts = DefaultRestarts
	case s.Restarts < 0:
		s.Restarts = 0
	}
	return s
}

// simplex is the workspace of NelderMead: n+1 vertices kept sorted by
// value, best first, and the trial points.
type simplex struct {
	fn                     Func
	n                      int
	s                      Settings
	rho, chi, gamma, sigma float64

	v      [][]float64 // vertices, sorted by f
	f      []float64   // their values
	xbar   []float64   // centroid of the n best
	xr, xt []float64   // reflected point, trial point (expansion or contraction)
	evals  int
	iters  int
}

func newSimplex(fn Func, n int, s Settings) *simplex {
	w := &simplex{fn: fn, n: n, s: s, rho: 1, chi: 2, gamma: 0.5, sigma: 0.5}
	if s.Adaptive {
		fn := float64(n)
		w.chi = 1 + 2/fn
		w.gamma = 0.75 - 1/(2*fn)
		w.sigma = 1 - 1/fn
	}
	buf := make([]float64, (n+4)*n)
	w.v = make([][]float64, n+1)
	for i := range w.v {
		w.v[i] = buf[i*n : (i+1)*n : (i+1)*n]
	}
	w.xbar = buf[(n+1)*n : (n+2)*n : (n+2)*n]
	w.xr = buf[(n+2)*n : (n+3)*n : (n+3)*n]
	w.xt = buf[(n+3)*n:]
	w.f = make([]float64, n+1)
	return w
}

// eval returns f(x), with any non-finite value mapped to +Inf.
func (w *simplex) eval(x []float64) float64 {
	w.evals++
	v := w.fn(x)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return math.Inf(1)
	}
	return v
}

// run builds a simplex around the best vertex v[0], whose value f[0] is
// known, with steps in the direction dir (+1 or -1), and iterates until the
// convergence test holds (true) or the evaluation budget is spent (false).
func (w *simplex) run(dir float64) bool {
	n := w.n
	for i := 1; i <= n; i++ {
		vi := w.v[i]
		copy(vi, w.v[0])
		vi[i-1] += dir * w.s.InitialStep * math.Max(math.Abs(vi[i-1]), 1)
		w.f[i] = w.eval(vi)
	}
	w.sortAll()
	for {
		if w.converged() {
			return true
		}
		if w.evals >= w.s.MaxEvals {
			return false
		}
		w.iterate()
		w.iters++
	}
}

func (w *simplex) converged() bool {
	n := w.n
	best := w.v[0]
	if !(w.f[n]-w.f[0] <= w.s.FTol*math.Max(1, math.Abs(w.f[0]))) {
		return false
	}
	for i := 1; i <= n; i++ {
		for j, x := range w.v[i] {
			if !(math.Abs(x-best[j]) <= w.s.XTol*math.Max(1, math.Abs(best[j]))) {
				return false
			}
		}
	}
	return true
}

// iterate performs one Nelder-Mead step on the sorted simplex.
func (w *simplex) iterate() {
	n := w.n
	for j := range w.xbar {
		var s float64
		for i := 0; i < n; i++ {
			s += w.v[i][j]
		}
		w.xbar[j] = s / float64(n)
	}
	// Reflection: xr = xbar + ρ(xbar - worst).
	w.affine(w.xr, 1+w.rho, -w.rho)
	fr := w.eval(w.xr)
	switch {
	case fr < w.f[0]:
		// Expansion: xe = xbar + ρχ(xbar - worst).
		w.affine(w.xt, 1+w.rho*w.chi, -w.rho*w.chi)
		if fe := w.eval(w.xt); fe < fr {
			w.replace(w.xt, fe)
		} else {
			w.replace(w.xr, fr)
		}
	case fr < w.f[n-1]:
		w.replace(w.xr, fr)
	case fr < w.f[n]:
		// Outside contraction: xc = xbar + γ(xr - xbar).
		w.affine(w.xt, 1+w.gamma*w.rho, -w.gamma*w.rho)
		if fc := w.eval(w.xt); fc <= fr {
			w.replace(w.xt, fc)
		} else {
			w.shrink()
		}
	default:
		// Inside contraction: xcc = xbar - γ(xbar - worst).
		w.affine(w.xt, 1-w.gamma, w.gamma)
		if fc := w.eval(w.xt); fc < w.f[n] {
			w.replace(w.xt, fc)
		} else {
			w.shrink()
		}
	}
}

// affine sets dst = a·xbar + b·worst.
func (w *simplex) affine(dst []float64, a, b float64) {
	worst := w.v[w.n]
	for j := range dst {
		dst[j] = a*w.xbar[j] + b*worst[j]
	}
}

// replace puts x, of value fx, in place of the worst vertex and moves it to
// its rank, after any vertex of equal value (the older vertex wins ties).
func (w *simplex) replace(x []float64, fx float64) {
	n := w.n
	v := w.v[n]
	copy(v, x)
	i := n
	for i > 0 && w.f[i-1] > fx {
		w.v[i], w.f[i] = w.v[i-1], w.f[i-1]
		i--
	}
	w.v[i], w.f[i] = v, fx
}

// shrink moves every vertex but the best halfway (σ) towards it.
func (w *simplex) shrink() {
	best := w.v[0]
	for i := 1; i <= w.n; i++ {
		vi := w.v[i]
		for j := range vi {
			vi[j] = best[j] + w.sigma*(vi[j]-best[j])
		}
		w.f[i] = w.eval(vi)
	}
	w.sortAll()
}

// sortAll sorts the vertices by value with a stable insertion sort, which
// allocates nothing and is fast for the few vertices at hand.
func (w *simplex) sortAll() {
	for i := 1; i <= w.n; i++ {
		v, fv := w.v[i], w.f[i]
		j := i
		for j > 0 && w.f[j-1] > fv {
			w.v[j], w.f[j] = w.v[j-1], w.f[j-1]
			j--
		}
		w.v[j], w.f[j] = v, fv
	}
}
