package optimize

import (
	"fmt"
	"math"
)

// A Transform maps one parameter between its natural domain and the whole
// real line, so that an unconstrained minimiser such as NelderMead can fit a
// parameter that must be positive or lie in an interval. The optimiser works
// on the internal value y; the model sees the natural value x:
//
//	Identity       x = y                                      (-∞, ∞)
//	Positive       x = exp(y),               y = log(x)       (0, ∞)
//	Interval(a,b)  x = a + (b-a)/(1+exp(-y)), y = log((x-a)/(b-x))  (a, b)
//
// The zero value is Identity. A Transform is a small value, safe to copy and
// to share between goroutines.
//
// Working on log(x) also makes a step of the optimiser a relative change of
// the parameter, which suits scale parameters (the α of BG/NBD is of order
// 1 to 10, its r of order 0.1): the initial simplex and the tolerances mean
// the same thing for every parameter.
type Transform struct {
	kind   transformKind
	lo, hi float64
}

type transformKind uint8

const (
	kindIdentity transformKind = iota
	kindPositive
	kindInterval
)

// Identity returns the Transform that leaves a parameter unconstrained; it
// equals the zero Transform.
func Identity() Transform { return Transform{} }

// Positive returns the Transform for a parameter in (0, ∞), by the log.
func Positive() Transform { return Transform{kind: kindPositive} }

// Interval returns the Transform for a parameter in the open interval
// (lo, hi), by the logit of (x-lo)/(hi-lo). It panics unless lo and hi are
// finite and lo < hi, which is a programming mistake rather than bad data.
func Interval(lo, hi float64) Transform {
	if !(lo < hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		panic(fmt.Sprintf("optimize: Interval(%v, %v): bounds must be finite with lo < hi", lo, hi))
	}
	return Transform{kind: kindInterval, lo: lo, hi: hi}
}

// String returns "Identity", "Positive" or "Interval(lo, hi)".
func (t Transform) String() string {
	switch t.kind {
	case kindPositive:
		return "Positive"
	case kindInterval:
		return fmt.Sprintf("Interval(%v, %v)", t.lo, t.hi)
	}
	return "Identity"
}

// Contains reports whether x lies in the domain of t: finite, and strictly
// positive or strictly inside the interval where t says so.
func (t Transform) Contains(x float64) bool {
	switch t.kind {
	case kindPositive:
		return x > 0 && x <= math.MaxFloat64
	case kindInterval:
		return x > t.lo && x < t.hi
	}
	return !math.IsNaN(x) && !math.IsInf(x, 0)
}

// ToInternal returns the unconstrained value y of the natural value x. It
// returns an error wrapping ErrDomain, naming x, when x is outside the
// domain of t.
func (t Transform) ToInternal(x float64) (float64, error) {
	if !t.Contains(x) {
		return 0, fmt.Errorf("optimize: %v value %v: %w", t, x, ErrDomain)
	}
	switch t.kind {
	case kindPositive:
		return math.Log(x), nil
	case kindInterval:
		// x-lo and hi-x are each exact when x is near that bound
		// (Sterbenz), which keeps the round trip accurate at both ends.
		return math.Log(x-t.lo) - math.Log(t.hi-x), nil
	}
	return x, nil
}

// FromInternal returns the natural value x of the internal value y. The
// result is always inside the domain for finite or infinite y: where exp
// would underflow to 0 or overflow, or the logistic would round onto a
// bound, it is clamped to the nearest representable value inside, so that
// the model function is never called on its boundary. A NaN y gives NaN.
func (t Transform) FromInternal(y float64) float64 {
	switch t.kind {
	case kindPositive:
		x := math.Exp(y)
		switch {
		case x == 0:
			return math.SmallestNonzeroFloat64
		case x > math.MaxFloat64:
			return math.MaxFloat64
		}
		return x
	case kindInterval:
		if math.IsNaN(y) {
			return y
		}
		// Use the form whose small term is computed directly, so that a
		// value near either bound keeps its relative precision there.
		var x float64
		if y < 0 {
			e := math.Exp(y)
			x = t.lo + (t.hi-t.lo)*(e/(1+e))
		} else {
			e := math.Exp(-y)
			x = t.hi - (t.hi-t.lo)*(e/(1+e))
		}
		switch {
		case x <= t.lo:
			return math.Nextafter(t.lo, t.hi)
		case x >= t.hi:
			return math.Nextafter(t.hi, t.lo)
		}
		return x
	}
	return y
}

// Deriv returns dx/dy, the derivative of FromInternal at y, for the chain
// rule of a gradient: exp(y) for Positive, (hi-lo)·s·(1-s) with
// s = 1/(1+exp(-y)) for Interval, and 1 for Identity.
func (t Transform) Deriv(y float64) float64 {
	switch t.kind {
	case kindPositive:
		return t.FromInternal(y)
	case kindInterval:
		e := math.Exp(-math.Abs(y))
		return (t.hi - t.lo) * e / ((1 + e) * (1 + e))
	}
	return 1
}

// Transformed wraps a function of natural parameters so that a minimiser
// can work on unconstrained internal coordinates: Func evaluates f at the
// natural point FromInternal(y). Use ToInternal for the starting point and
// FromInternal for the minimiser's result:
//
//	tr := optimize.NewTransformed(negLogLik, []optimize.Transform{
//		optimize.Positive(), optimize.Positive()})
//	y0, err := tr.ToInternal(start)
//	res, err := optimize.NelderMead(tr.Func, y0, optimize.Settings{})
//	mle := tr.FromInternal(res.X)
//
// Func and FuncGrad keep a scratch vector, so that an evaluation allocates
// nothing: a Transformed is not safe for concurrent use. Create one per
// goroutine; it is cheap.
type Transformed struct {
	f   Func
	ts  []Transform
	x   []float64 // scratch for Func
	gx  []float64 // scratch for FuncGrad
	gxg []float64
}

// NewTransformed returns the wrapper of f for the transforms ts, one per
// parameter. It copies ts.
func NewTransformed(f Func, ts []Transform) *Transformed {
	return &Transformed{
		f:  f,
		ts: append([]Transform(nil), ts...),
		x:  make([]float64, len(ts)),
	}
}

// Dim returns the number of parameters.
func (t *Transformed) Dim() int { return len(t.ts) }

// Func returns f(FromInternal(y)). It panics if len(y) differs from the
// number of transforms, a programming mistake.
func (t *Transformed) Func(y []float64) float64 {
	t.fromInternal(t.x, y)
	return t.f(t.x)
}

func (t *Transformed) fromInternal(x, y []float64) {
	if len(y) != len(t.ts) {
		panic(fmt.Sprintf("optimize: Transformed of %d parameters called with %d", len(t.ts), len(y)))
	}
	for i, tr := range t.ts {
		x[i] = tr.FromInternal(y[i])
	}
}

// FuncGrad wraps fg, a function of natural parameters that also returns its
// gradient, into one of internal coordinates, by the chain rule
// ∂f/∂y_i = ∂f/∂x_i · dx_i/dy_i. Use it with BFGS when the model supplies
// an analytic gradient.
func (t *Transformed) FuncGrad(fg FuncGrad) FuncGrad {
	if t.gx == nil {
		t.gx = make([]float64, len(t.ts))
		t.gxg = make([]float64, len(t.ts))
	}
	return func(y, grad []float64) float64 {
		t.fromInternal(t.gx, y)
		if grad == nil {
			return fg(t.gx, nil)
		}
		v := fg(t.gx, t.gxg)
		for i, tr := range t.ts {
			grad[i] = t.gxg[i] * tr.Deriv(y[i])
		}
		return v
	}
}

// ToInternal returns the internal coordinates of the natural point x. It
// returns an error wrapping ErrDimension if len(x) differs from the number
// of transforms, and one wrapping ErrDomain, naming the parameter, if a
// value is outside its domain.
func (t *Transformed) ToInternal(x []float64) ([]float64, error) {
	if len(x) != len(t.ts) {
		return nil, fmt.Errorf("optimize: %d values for %d transforms: %w", len(x), len(t.ts), ErrDimension)
	}
	y := make([]float64, len(x))
	for i, tr := range t.ts {
		v, err := tr.ToInternal(x[i])
		if err != nil {
			return nil, fmt.Errorf("optimize: parameter %d: %w", i, err)
		}
		y[i] = v
	}
	return y, nil
}

// FromInternal returns the natural point of the internal coordinates y, in
// a new slice. It panics if len(y) differs from the number of transforms.
func (t *Transformed) FromInternal(y []float64) []float64 {
	x := make([]float64, len(y))
	t.fromInternal(x, y)
	return x
}
