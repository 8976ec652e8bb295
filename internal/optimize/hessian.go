package optimize

import (
	"fmt"
	"math"
)

// Default steps of the finite differences, relative to |x_i|.
const (
	// DefaultHessianStep is the default relative step of Hessian. With
	// Richardson extrapolation the truncation error is O(h⁴), so a step
	// larger than the textbook ε^(1/4) for a plain central difference
	// keeps the rounding error, O(ε·|f|/h²), small even when f is a sum
	// over many thousands of customers.
	DefaultHessianStep = 1e-3

	// DefaultGradientStep is the default relative step of Gradient, about
	// ε^(1/3), which balances the O(h²) truncation error of a central
	// difference against its O(ε/h) rounding error.
	DefaultGradientStep = 6e-6
)

// step returns the finite-difference step of coordinate xi for the relative
// step h: h·|xi|, or h itself when xi is 0. A relative step keeps a
// positive parameter positive on the whole stencil (for h < 1) and adapts
// to its scale.
func step(xi, h float64) float64 {
	if xi == 0 {
		return h
	}
	return h * math.Abs(xi)
}

// internalStep returns the step for an internal (unconstrained) coordinate:
// h·max(|yi|, 1). On the log scale of a Positive parameter this is a
// relative step of the natural parameter; an Identity parameter near zero
// gets an absolute step rather than a vanishing one.
func internalStep(yi, h float64) float64 {
	return h * math.Max(math.Abs(yi), 1)
}

func checkPoint(name string, x []float64) error {
	if len(x) == 0 {
		return fmt.Errorf("optimize: %s: empty point: %w", name, ErrDimension)
	}
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("optimize: %s: x[%d] = %v: %w", name, i, v, ErrNotFinite)
		}
	}
	return nil
}

// stencil evaluates f at points of a finite-difference stencil around x,
// reporting the first non-finite value as an error.
type stencil struct {
	name string
	f    Func
	x    []float64 // the centre, not modified
	p    []float64 // scratch point
	err  error
}

// at returns f(x + a·e_i + b·e_j) (j < 0: no second move).
func (s *stencil) at(i int, a float64, j int, b float64) float64 {
	copy(s.p, s.x)
	s.p[i] += a
	if j >= 0 {
		s.p[j] += b
	}
	v := s.f(s.p)
	if (math.IsNaN(v) || math.IsInf(v, 0)) && s.err == nil {
		s.err = fmt.Errorf("optimize: %s: f(%v) = %v: %w", s.name, s.p, v, ErrNotFinite)
	}
	return v
}

// Gradient returns the gradient of f at x by central differences,
//
//	∂f/∂x_i ≈ (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i),   h_i = h·|x_i|
//
// (h_i = h when x_i = 0), whose error is O(h_i²) plus rounding of order
// ε·|f|/h_i. A step h <= 0 means DefaultGradientStep. It returns an error
// wrapping ErrDimension for an empty x and ErrNotFinite if x or f at a
// point of the stencil is not finite. Use it, for example, for the delta
// method: the variance of g(θ̂) is ∇gᵀ·Cov·∇g.
func Gradient(f Func, x []float64, h float64) ([]float64, error) {
	if err := checkPoint("Gradient", x); err != nil {
		return nil, err
	}
	if !(h > 0) {
		h = DefaultGradientStep
	}
	g := make([]float64, len(x))
	s := stencil{name: "Gradient", f: f, x: x, p: make([]float64, len(x))}
	for i := range x {
		hi := step(x[i], h)
		g[i] = (s.at(i, hi, -1, 0) - s.at(i, -hi, -1, 0)) / (2 * hi)
	}
	if s.err != nil {
		return nil, s.err
	}
	return g, nil
}

// Hessian returns the matrix of second derivatives of f at x by central
// differences with Richardson extrapolation. With h_i = h·|x_i| (h when
// x_i = 0) and e_i the unit vectors,
//
//	D_ii(h) = (f(x + h_i e_i) - 2 f(x) + f(x - h_i e_i)) / h_i²
//	D_ij(h) = (f(x + h_i e_i + h_j e_j) - f(x + h_i e_i - h_j e_j)
//	         - f(x - h_i e_i + h_j e_j) + f(x - h_i e_i - h_j e_j)) / (4 h_i h_j)
//	H_ij    = (4·D_ij(h/2) - D_ij(h)) / 3
//
// The extrapolation cancels the O(h²) term of the central differences,
// leaving an O(h⁴) truncation error (Richardson 1911; as in R's numDeriv
// and Python's numdifftools). A step h <= 0 means DefaultHessianStep. The
// result is symmetric; it costs 1 + 4n + 8·n(n-1)/2 evaluations of f.
//
// Because the step is relative, a parameter that must stay positive does so
// on the whole stencil (for h < 1). It returns an error wrapping
// ErrDimension for an empty x and ErrNotFinite if x or f at a point of the
// stencil is not finite (for example a bounded parameter within h·|x_i| of
// its bound: compute the Hessian in the coordinates of a Transform then).
func Hessian(f Func, x []float64, h float64) ([][]float64, error) {
	return hessian("Hessian", f, x, h, step)
}

func hessian(name string, f Func, x []float64, h float64, step func(xi, h float64) float64) ([][]float64, error) {
	if err := checkPoint(name, x); err != nil {
		return nil, err
	}
	if !(h > 0) {
		h = DefaultHessianStep
	}
	n := len(x)
	s := stencil{name: name, f: f, x: x, p: make([]float64, n)}
	copy(s.p, x)
	f0 := f(s.p)
	if math.IsNaN(f0) || math.IsInf(f0, 0) {
		return nil, fmt.Errorf("optimize: %s: f(%v) = %v: %w", name, x, f0, ErrNotFinite)
	}
	buf := make([]float64, n*n)
	hess := make([][]float64, n)
	for i := range hess {
		hess[i] = buf[i*n : (i+1)*n : (i+1)*n]
	}
	d := func(i, j int, scale float64) float64 {
		hi := step(x[i], h) * scale
		if i == j {
			return (s.at(i, hi, -1, 0) - 2*f0 + s.at(i, -hi, -1, 0)) / (hi * hi)
		}
		hj := step(x[j], h) * scale
		return (s.at(i, hi, j, hj) - s.at(i, hi, j, -hj) -
			s.at(i, -hi, j, hj) + s.at(i, -hi, j, -hj)) / (4 * hi * hj)
	}
	for i := 0; i < n; i++ {
		for j := 0; j <= i; j++ {
			v := (4*d(i, j, 0.5) - d(i, j, 1)) / 3
			hess[i][j], hess[j][i] = v, v
		}
	}
	if s.err != nil {
		return nil, s.err
	}
	return hess, nil
}

// HessianGrad returns the Hessian of f from its gradient, by central
// differences of the gradient, symmetrised:
//
//	D_ij = (g_j(x + h_i e_i) - g_j(x - h_i e_i)) / (2 h_i),   H = (D + Dᵀ)/2
//
// with h_i = h·|x_i| (h when x_i = 0); a step h <= 0 means
// DefaultGradientStep. It costs 2n calls of fg, far fewer evaluations than
// Hessian when fg computes an analytic gradient (for BG/NBD on CDNOW, 8
// gradient calls instead of 65 evaluations). It returns an error wrapping
// ErrDimension for an empty x and ErrNotFinite if x, a value or a gradient
// on the stencil is not finite.
func HessianGrad(fg FuncGrad, x []float64, h float64) ([][]float64, error) {
	if err := checkPoint("HessianGrad", x); err != nil {
		return nil, err
	}
	if !(h > 0) {
		h = DefaultGradientStep
	}
	n := len(x)
	buf := make([]float64, n*n+3*n)
	hess := make([][]float64, n)
	for i := range hess {
		hess[i] = buf[i*n : (i+1)*n : (i+1)*n]
	}
	p, gp, gm := buf[n*n:n*n+n], buf[n*n+n:n*n+2*n], buf[n*n+2*n:]
	copy(p, x)
	eval := func(g []float64) error {
		v := fg(p, g)
		bad := math.IsNaN(v) || math.IsInf(v, 0)
		for _, gi := range g {
			bad = bad || math.IsNaN(gi) || math.IsInf(gi, 0)
		}
		if bad {
			return fmt.Errorf("optimize: HessianGrad: f or its gradient at %v is not finite: %w", p, ErrNotFinite)
		}
		return nil
	}
	for i := range x {
		hi := step(x[i], h)
		p[i] = x[i] + hi
		if err := eval(gp); err != nil {
			return nil, err
		}
		p[i] = x[i] - hi
		if err := eval(gm); err != nil {
			return nil, err
		}
		p[i] = x[i]
		for j := range x {
			hess[i][j] = (gp[j] - gm[j]) / (2 * hi)
		}
	}
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			v := (hess[i][j] + hess[j][i]) / 2
			hess[i][j], hess[j][i] = v, v
		}
	}
	return hess, nil
}
