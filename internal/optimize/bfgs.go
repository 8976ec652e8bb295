package optimize

import (
	"fmt"
	"math"
)

// FuncGrad is an objective function that also computes its gradient: it
// returns f(x) and, when grad is not nil, stores ∇f(x) in grad (of the
// length of x). Like Func it may return +Inf or NaN at invalid points, and
// must not modify or retain x or grad.
type FuncGrad func(x, grad []float64) float64

// NumGrad returns f with a gradient by central differences, for BFGS when
// no analytic gradient is at hand:
//
//	∂f/∂x_i ≈ (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i),   h_i = h·max(|x_i|, 1)
//
// A step h <= 0 means DefaultGradientStep. The step suits the internal
// coordinates of a Transform (see Transformed.Covariance); a call with a
// gradient costs 2n+1 evaluations of f. The result keeps a scratch vector
// and is not safe for concurrent use.
func NumGrad(f Func, h float64) FuncGrad {
	if !(h > 0) {
		h = DefaultGradientStep
	}
	var p []float64
	return func(x, grad []float64) float64 {
		v := f(x)
		if grad == nil {
			return v
		}
		if len(p) != len(x) {
			p = make([]float64, len(x))
		}
		copy(p, x)
		for i, xi := range x {
			hi := internalStep(xi, h)
			p[i] = xi + hi
			fp := f(p)
			p[i] = xi - hi
			fm := f(p)
			p[i] = xi
			grad[i] = (fp - fm) / (2 * hi)
		}
		return v
	}
}

// BFGSSettings configures BFGS. The zero value gives the defaults.
type BFGSSettings struct {
	// Tol is the convergence tolerance on the decrease that the quasi-Newton
	// model still predicts: the search stops when
	//
	//	½·gᵀ·H·g <= Tol·max(1, |f|)
	//
	// with g the gradient and H the current inverse-Hessian approximation,
	// which is invariant to the scale of the parameters. For a negative
	// log-likelihood near its maximum, ½·gᵀH⁻¹g is f - f*, so the estimates
	// are then within about √(2·Tol·|f|) standard errors of the optimum.
	// Zero means 1e-12.
	Tol float64

	// MaxEvals bounds the number of calls of fg, each with a gradient. When
	// it is reached the search stops with Result.Converged false. Zero
	// means max(100·n, 500).
	MaxEvals int
}

// DefaultBFGSTol is the default BFGSSettings.Tol.
const DefaultBFGSTol = 1e-12

// BFGS minimises fg from x0 by the quasi-Newton method of Broyden,
// Fletcher, Goldfarb and Shanno with the inverse-Hessian update and a line
// search satisfying the strong Wolfe conditions (c1 = 1e-4, c2 = 0.9),
// following Nocedal and Wright, Numerical Optimization (2nd ed., 2006),
// algorithms 6.1, 3.5 and 3.6, with the initial scaling (6.20). It needs a
// smooth objective; use it through NumGrad, or with an analytic gradient,
// when Nelder-Mead is too slow, as for a retention model on thousands of
// customers. Result.Evals counts calls of fg; Result.Restarts is 0.
//
// A step on which the line search fails (f too noisy to descend further,
// or no descent direction) resets H to the identity once; a second failure
// ends the search with Converged false, at the best point found. It returns
// an error wrapping ErrDimension if x0 is empty, ErrNotFinite if x0, f(x0)
// or the gradient at x0 is not finite, and ErrSettings for negative or NaN
// settings.
func BFGS(fg FuncGrad, x0 []float64, s BFGSSettings) (Result, error) {
	n := len(x0)
	if n == 0 {
		return Result{}, fmt.Errorf("optimize: BFGS: empty starting point: %w", ErrDimension)
	}
	if err := checkPoint("BFGS", x0); err != nil {
		return Result{}, err
	}
	if !(s.Tol >= 0) || s.MaxEvals < 0 {
		return Result{}, fmt.Errorf("optimize: BFGSSettings{Tol: %v, MaxEvals: %d}: %w", s.Tol, s.MaxEvals, ErrSettings)
	}
	if s.Tol == 0 {
		s.Tol = DefaultBFGSTol
	}
	if s.MaxEvals == 0 {
		s.MaxEvals = max(100*n, 500)
	}
	b := newBFGS(fg, n, s)
	copy(b.x, x0)
	b.f = b.eval(b.x, b.g)
	if math.IsInf(b.f, 1) {
		return Result{}, fmt.Errorf("optimize: BFGS: f(x0) or its gradient at %v is not finite: %w", x0, ErrNotFinite)
	}
	converged := b.run()
	return Result{
		X:          append([]float64(nil), b.x...),
		F:          b.f,
		Evals:      b.evals,
		Iterations: b.iters,
		Converged:  converged,
	}, nil
}

type bfgs struct {
	fg    FuncGrad
	n     int
	s     BFGSSettings
	x, g  []float64 // current point and gradient
	f     float64
	h     []float64 // inverse Hessian approximation, row-major n×n
	p     []float64 // search direction
	xt    []float64 // trial point
	gt    []float64 // gradient at the trial point
	hy    []float64 // H·y
	evals int
	iters int
}

func newBFGS(fg FuncGrad, n int, s BFGSSettings) *bfgs {
	buf := make([]float64, 6*n+n*n)
	b := &bfgs{fg: fg, n: n, s: s}
	take := func(k int) []float64 {
		v := buf[:k:k]
		buf = buf[k:]
		return v
	}
	b.x, b.g, b.p, b.xt, b.gt, b.hy = take(n), take(n), take(n), take(n), take(n), take(n)
	b.h = take(n * n)
	return b
}

// eval returns f(x) and stores the gradient in g; a non-finite value or
// gradient gives +Inf.
func (b *bfgs) eval(x, g []float64) float64 {
	b.evals++
	v := b.fg(x, g)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return math.Inf(1)
	}
	for _, gi := range g {
		if math.IsNaN(gi) || math.IsInf(gi, 0) {
			return math.Inf(1)
		}
	}
	return v
}

func (b *bfgs) resetH() {
	for i := range b.h {
		b.h[i] = 0
	}
	for i := 0; i < b.n; i++ {
		b.h[i*b.n+i] = 1
	}
}

func (b *bfgs) run() bool {
	n := b.n
	b.resetH()
	fresh := true // H is the identity, not yet scaled
	failed := false
	for {
		// p = -H·g and the predicted decrease ½·gᵀHg.
		var dec float64
		for i := 0; i < n; i++ {
			var s float64
			for j := 0; j < n; j++ {
				s += b.h[i*n+j] * b.g[j]
			}
			b.p[i] = -s
			dec += s * b.g[i]
		}
		if dec/2 <= b.s.Tol*math.Max(1, math.Abs(b.f)) {
			return true
		}
		if b.evals >= b.s.MaxEvals {
			return false
		}
		alpha0 := 1.0
		if fresh {
			// Steepest descent on the unscaled identity: take a first step
			// of length at most 1 in the largest coordinate.
			var gmax float64
			for _, gi := range b.g {
				gmax = math.Max(gmax, math.Abs(gi))
			}
			alpha0 = math.Min(1, 1/gmax)
		}
		alpha, ft, ok := b.lineSearch(alpha0, -dec)
		if !ok {
			if failed || fresh {
				return false
			}
			failed = true
			b.resetH()
			fresh = true
			continue
		}
		failed = false
		b.iters++
		// s = alpha·p (kept in p), y = g_new - g (kept in gt).
		var sy, yy float64
		for i := 0; i < n; i++ {
			b.p[i] *= alpha
			b.x[i] = b.xt[i]
			y := b.gt[i] - b.g[i]
			b.g[i] = b.gt[i]
			b.gt[i] = y
			sy += b.p[i] * y
			yy += y * y
		}
		b.f = ft
		if !(sy > 0) {
			continue // curvature condition lost to rounding: skip the update
		}
		if fresh {
			// Nocedal and Wright (6.20): H0 = (sᵀy / yᵀy)·I.
			for i := 0; i < n; i++ {
				b.h[i*n+i] = sy / yy
			}
			fresh = false
		}
		b.update(b.p, b.gt, sy)
	}
}

// update applies the BFGS inverse update
//
//	H ← (I - ρsyᵀ) H (I - ρysᵀ) + ρssᵀ
//	  = H - ρ(Hy sᵀ + s yᵀH) + (ρ² yᵀHy + ρ) ssᵀ,   ρ = 1/(yᵀs)
func (b *bfgs) update(s, y []float64, sy float64) {
	n := b.n
	rho := 1 / sy
	var yhy float64
	for i := 0; i < n; i++ {
		var v float64
		for j := 0; j < n; j++ {
			v += b.h[i*n+j] * y[j]
		}
		b.hy[i] = v
		yhy += y[i] * v
	}
	c := rho*rho*yhy + rho
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			b.h[i*n+j] += -rho*(b.hy[i]*s[j]+s[i]*b.hy[j]) + c*s[i]*s[j]
		}
	}
}

// try evaluates the trial point x + alpha·p into xt and gt and returns its
// value and directional derivative.
func (b *bfgs) try(alpha float64) (f, dphi float64) {
	for i := range b.xt {
		b.xt[i] = b.x[i] + alpha*b.p[i]
	}
	f = b.eval(b.xt, b.gt)
	for i := range b.gt {
		dphi += b.gt[i] * b.p[i]
	}
	return f, dphi
}

const (
	wolfeC1   = 1e-4
	wolfeC2   = 0.9
	maxSearch = 40
)

// lineSearch finds a step satisfying the strong Wolfe conditions along p,
// whose directional derivative at 0 is dphi0 < 0 (Nocedal and Wright,
// algorithm 3.5). On success xt and gt hold the new point and gradient.
func (b *bfgs) lineSearch(alpha, dphi0 float64) (float64, float64, bool) {
	if !(dphi0 < 0) {
		return 0, 0, false
	}
	f0 := b.f
	aPrev, fPrev, dPrev := 0.0, f0, dphi0
	for i := 0; i < maxSearch && b.evals < b.s.MaxEvals; i++ {
		f, d := b.try(alpha)
		if f > f0+wolfeC1*alpha*dphi0 || (i > 0 && f >= fPrev) {
			return b.zoom(aPrev, fPrev, dPrev, alpha, f, d, f0, dphi0)
		}
		if math.Abs(d) <= -wolfeC2*dphi0 {
			return alpha, f, true
		}
		if d >= 0 {
			return b.zoom(alpha, f, d, aPrev, fPrev, dPrev, f0, dphi0)
		}
		aPrev, fPrev, dPrev = alpha, f, d
		alpha *= 2
	}
	return 0, 0, false
}

// zoom narrows [lo, hi], whose lo end satisfies sufficient decrease, to a
// strong Wolfe step (Nocedal and Wright, algorithm 3.6), choosing trial
// steps by cubic interpolation (their equation 3.59), safeguarded to the
// middle 80% of the interval, or by bisection when hi is not finite.
func (b *bfgs) zoom(lo, flo, dlo, hi, fhi, dhi, f0, dphi0 float64) (float64, float64, bool) {
	for i := 0; i < maxSearch && b.evals < b.s.MaxEvals; i++ {
		width := hi - lo
		alpha := lo + width/2
		if !math.IsInf(fhi, 1) {
			d1 := dlo + dhi - 3*(flo-fhi)/(lo-hi)
			if disc := d1*d1 - dlo*dhi; disc >= 0 {
				d2 := math.Copysign(math.Sqrt(disc), hi-lo)
				a := hi - (hi-lo)*(dhi+d2-d1)/(dhi-dlo+2*d2)
				if !math.IsNaN(a) {
					alpha = a
				}
			}
		}
		// Keep alpha in the middle 80% of [lo, hi] (either order).
		a, c := lo+0.1*width, hi-0.1*width
		if a > c {
			a, c = c, a
		}
		alpha = math.Max(a, math.Min(c, alpha))
		if math.Abs(width) <= 1e-16*math.Max(math.Abs(lo), math.Abs(hi)) {
			break
		}
		f, d := b.try(alpha)
		if f > f0+wolfeC1*alpha*dphi0 || f >= flo {
			hi, fhi, dhi = alpha, f, d
			continue
		}
		if math.Abs(d) <= -wolfeC2*dphi0 {
			return alpha, f, true
		}
		if d*(hi-lo) >= 0 {
			hi, fhi, dhi = lo, flo, dlo
		}
		lo, flo, dlo = alpha, f, d
	}
	// No strong Wolfe step: accept lo if it decreased f (sufficient
	// decrease holds there), re-evaluating its gradient.
	if lo > 0 && flo < f0 {
		f, _ := b.try(lo)
		if f == flo {
			return lo, f, true
		}
	}
	return 0, 0, false
}
