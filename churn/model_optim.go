package churn

import (
	"math"
)

// This file holds the small optimiser the model fits use: BFGS with a
// strong-Wolfe line search (Nocedal and Wright, Numerical Optimization, 2nd
// ed., algorithms 6.1, 3.5 and 3.6), a Nelder-Mead simplex for polishing
// when the line search stalls, and finite-difference derivatives. The
// likelihoods are smooth and have analytic gradients, for which a
// quasi-Newton method needs a few dozen evaluations where a simplex needs
// hundreds.

// mdlObjective returns f(x) and, when g is not nil, stores the gradient of f
// at x in g. It returns +Inf or NaN where f is undefined.
type mdlObjective func(x, g []float64) float64

type mdlOptResult struct {
	x         []float64
	f         float64
	g         []float64
	iter      int
	evals     int
	converged bool
	msg       string
}

func mdlDot(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func mdlMaxAbs(a []float64) float64 {
	var m float64
	for _, v := range a {
		m = math.Max(m, math.Abs(v))
	}
	return m
}

func mdlFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// mdlBFGS minimises fn from x0. It stops, converged, when the largest
// component of the gradient is at most gtol or when the decrease that the
// quasi-Newton model predicts is below the resolution of f (so that summing
// many terms' rounding noise does not keep it from stopping); or when an
// iteration no longer decreases f by more than rounding (converged if the
// gradient is at most 1000·gtol); or after maxIter iterations.
func mdlBFGS(fn mdlObjective, x0 []float64, maxIter int, gtol float64) mdlOptResult {
	n := len(x0)
	x := append([]float64(nil), x0...)
	g := make([]float64, n)
	f := fn(x, g)
	res := mdlOptResult{evals: 1}
	if !mdlFinite(f) || !mdlFinite(mdlMaxAbs(g)) {
		res.x, res.f, res.g = x, f, g
		res.msg = "objective not finite at the starting point"
		return res
	}
	H := make([]float64, n*n)
	setIdentity := func(scale float64) {
		for i := range H {
			H[i] = 0
		}
		for i := 0; i < n; i++ {
			H[i*n+i] = scale
		}
	}
	setIdentity(1)
	fresh := true // H is a (scaled) identity
	d := make([]float64, n)
	xt := make([]float64, n)
	gt := make([]float64, n)
	s := make([]float64, n)
	y := make([]float64, n)
	Hy := make([]float64, n)

	// phi evaluates f along x + a·d, leaving the point in xt and its
	// gradient in gt.
	phi := func(a float64) (float64, float64) {
		for i := range x {
			xt[i] = x[i] + a*d[i]
		}
		ft := fn(xt, gt)
		res.evals++
		if !mdlFinite(ft) || !mdlFinite(mdlMaxAbs(gt)) {
			return math.Inf(1), 0
		}
		return ft, mdlDot(gt, d)
	}

	for res.iter = 0; res.iter < maxIter; res.iter++ {
		if mdlMaxAbs(g) <= gtol {
			res.converged = true
			break
		}
		for i := 0; i < n; i++ {
			var v float64
			for j := 0; j < n; j++ {
				v -= H[i*n+j] * g[j]
			}
			d[i] = v
		}
		dg := mdlDot(d, g)
		if !(dg < 0) {
			setIdentity(1)
			fresh = true
			for i := range d {
				d[i] = -g[i]
			}
			dg = mdlDot(d, g)
		}
		a0 := 1.0
		if fresh {
			a0 = math.Min(1, 1/mdlMaxAbs(d))
		}
		// −dg = gᵀHg is twice the decrease a Newton step would bring: when
		// H is a curvature estimate and that is below the resolution of f,
		// the minimum is reached as closely as f can tell.
		if !fresh && -dg <= 1e-15*(1+math.Abs(f)) {
			res.converged = true
			break
		}
		a, fa, ok := mdlWolfe(phi, f, dg, a0)
		if !ok {
			if !fresh && -dg <= 1e-11*(1+math.Abs(f)) {
				// The line search fails on rounding noise near the minimum.
				res.converged = true
				break
			}
			if fresh {
				res.msg = "line search failed"
				break
			}
			setIdentity(1)
			fresh = true
			continue
		}
		_ = a
		for i := range x {
			s[i] = xt[i] - x[i]
			y[i] = gt[i] - g[i]
		}
		sy := mdlDot(s, y)
		df := f - fa
		copy(x, xt)
		copy(g, gt)
		f = fa
		if sy > 1e-12*math.Sqrt(mdlDot(s, s)*mdlDot(y, y)) {
			if fresh {
				setIdentity(sy / mdlDot(y, y))
				fresh = false
			}
			// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
			rho := 1 / sy
			for i := 0; i < n; i++ {
				var v float64
				for j := 0; j < n; j++ {
					v += H[i*n+j] * y[j]
				}
				Hy[i] = v
			}
			yHy := mdlDot(y, Hy)
			for i := 0; i < n; i++ {
				for j := 0; j < n; j++ {
					H[i*n+j] += -rho*(Hy[i]*s[j]+s[i]*Hy[j]) + (rho*rho*yHy+rho)*s[i]*s[j]
				}
			}
		}
		if df <= 1e-15*(1+math.Abs(f)) {
			// No progress beyond rounding: accept if the gradient is small.
			res.iter++
			res.converged = mdlMaxAbs(g) <= 1000*gtol
			if !res.converged {
				res.msg = "no further decrease of the objective"
			}
			break
		}
	}
	if !res.converged && res.msg == "" {
		res.msg = "iteration limit reached"
	}
	res.x, res.f, res.g = x, f, g
	return res
}

// mdlWolfe finds a step a > 0 that satisfies the strong Wolfe conditions
// for phi(a) = f(x + a·d), with c1 = 1e-4 and c2 = 0.9, starting from a1.
// On success the last call of phi was at the returned step.
func mdlWolfe(phi func(float64) (float64, float64), f0, d0, a1 float64) (float64, float64, bool) {
	const c1, c2 = 1e-4, 0.9
	const amax = 1e10
	aPrev, fPrev, dPrev := 0.0, f0, d0
	a := a1
	for i := 0; i < 60; i++ {
		fa, da := phi(a)
		if fa > f0+c1*a*d0 || (i > 0 && fa >= fPrev) {
			return mdlZoom(phi, f0, d0, aPrev, fPrev, dPrev, a, fa, da)
		}
		if math.Abs(da) <= -c2*d0 {
			return a, fa, true
		}
		if da >= 0 {
			return mdlZoom(phi, f0, d0, a, fa, da, aPrev, fPrev, dPrev)
		}
		aPrev, fPrev, dPrev = a, fa, da
		if a >= amax {
			break
		}
		a = math.Min(4*a, amax)
	}
	return 0, f0, false
}

func mdlZoom(phi func(float64) (float64, float64), f0, d0, lo, flo, dlo, hi, fhi, dhi float64) (float64, float64, bool) {
	const c1, c2 = 1e-4, 0.9
	for i := 0; i < 60; i++ {
		a := mdlCubicMin(lo, flo, dlo, hi, fhi, dhi)
		fa, da := phi(a)
		if fa > f0+c1*a*d0 || fa >= flo {
			hi, fhi, dhi = a, fa, da
		} else {
			if math.Abs(da) <= -c2*d0 {
				return a, fa, true
			}
			if da*(hi-lo) >= 0 {
				hi, fhi, dhi = lo, flo, dlo
			}
			lo, flo, dlo = a, fa, da
		}
		if math.Abs(hi-lo) <= 1e-16*math.Max(math.Abs(lo), math.Abs(hi)) {
			break
		}
	}
	// The interval collapsed: accept lo if it decreased f (a weak step),
	// re-evaluating it so that the last call of phi is at the step.
	if lo > 0 && flo < f0 {
		fa, _ := phi(lo)
		return lo, fa, true
	}
	return 0, f0, false
}

// mdlCubicMin returns the minimiser of the cubic that interpolates f and f'
// at a and b, kept inside the middle 80% of the interval, or the midpoint if
// the cubic has no usable minimum (Nocedal and Wright, eq. 3.59).
func mdlCubicMin(a, fa, da, b, fb, db float64) float64 {
	lo, hi := math.Min(a, b), math.Max(a, b)
	w := hi - lo
	mid := lo + w/2
	if !mdlFinite(fb) || !mdlFinite(fa) {
		return mid
	}
	d1 := da + db - 3*(fa-fb)/(a-b)
	disc := d1*d1 - da*db
	if !(disc >= 0) {
		return mid
	}
	d2 := math.Copysign(math.Sqrt(disc), b-a)
	t := b - (b-a)*(db+d2-d1)/(db-da+2*d2)
	if !mdlFinite(t) || t < lo+0.1*w || t > hi-0.1*w {
		if mdlFinite(t) && t >= lo && t <= hi {
			return math.Max(lo+0.1*w, math.Min(hi-0.1*w, t))
		}
		return mid
	}
	return t
}

// mdlNelderMead minimises fn (gradient not used) from x0 with an initial
// simplex of relative size step, until the spread of the function values is
// at most ftol·(1+|f|) or maxEval evaluations.
func mdlNelderMead(fn func([]float64) float64, x0 []float64, step float64, maxEval int, ftol float64) mdlOptResult {
	n := len(x0)
	pts := make([][]float64, n+1)
	fs := make([]float64, n+1)
	res := mdlOptResult{}
	eval := func(p []float64) float64 {
		res.evals++
		v := fn(p)
		if !mdlFinite(v) {
			return math.Inf(1)
		}
		return v
	}
	for i := range pts {
		pts[i] = append([]float64(nil), x0...)
		if i > 0 {
			pts[i][i-1] += step * math.Max(1, math.Abs(x0[i-1]))
		}
		fs[i] = eval(pts[i])
	}
	cen := make([]float64, n)
	xr := make([]float64, n)
	xe := make([]float64, n)
	for res.evals < maxEval {
		// order: best first
		for i := 1; i <= n; i++ {
			for j := i; j > 0 && fs[j] < fs[j-1]; j-- {
				fs[j], fs[j-1] = fs[j-1], fs[j]
				pts[j], pts[j-1] = pts[j-1], pts[j]
			}
		}
		if fs[n]-fs[0] <= ftol*(1+math.Abs(fs[0])) {
			res.converged = true
			break
		}
		res.iter++
		for j := range cen {
			cen[j] = 0
			for i := 0; i < n; i++ {
				cen[j] += pts[i][j] / float64(n)
			}
		}
		for j := range xr {
			xr[j] = cen[j] + (cen[j] - pts[n][j])
		}
		fr := eval(xr)
		switch {
		case fr < fs[0]:
			for j := range xe {
				xe[j] = cen[j] + 2*(cen[j]-pts[n][j])
			}
			if fe := eval(xe); fe < fr {
				copy(pts[n], xe)
				fs[n] = fe
			} else {
				copy(pts[n], xr)
				fs[n] = fr
			}
		case fr < fs[n-1]:
			copy(pts[n], xr)
			fs[n] = fr
		default:
			// contraction, outside or inside
			if fr < fs[n] {
				for j := range xe {
					xe[j] = cen[j] + 0.5*(xr[j]-cen[j])
				}
			} else {
				for j := range xe {
					xe[j] = cen[j] + 0.5*(pts[n][j]-cen[j])
				}
			}
			if fc := eval(xe); fc < math.Min(fr, fs[n]) {
				copy(pts[n], xe)
				fs[n] = fc
			} else {
				for i := 1; i <= n; i++ {
					for j := range pts[i] {
						pts[i][j] = pts[0][j] + 0.5*(pts[i][j]-pts[0][j])
					}
					fs[i] = eval(pts[i])
				}
			}
		}
	}
	best := 0
	for i := range fs {
		if fs[i] < fs[best] {
			best = i
		}
	}
	res.x, res.f = pts[best], fs[best]
	if !res.converged {
		res.msg = "evaluation limit reached"
	}
	return res
}

// mdlNumGrad stores in g the central-difference gradient of f at x, with
// steps h·max(1, |x_i|), and returns f(x).
func mdlNumGrad(f func([]float64) float64, x, g []float64, h float64) float64 {
	f0 := f(x)
	xt := append([]float64(nil), x...)
	for i := range x {
		hi := h * math.Max(1, math.Abs(x[i]))
		xt[i] = x[i] + hi
		fp := f(xt)
		xt[i] = x[i] - hi
		fm := f(xt)
		xt[i] = x[i]
		g[i] = (fp - fm) / (2 * hi)
	}
	return f0
}

// mdlCholInverse returns the inverse of the symmetric n×n matrix a (row
// major) by Cholesky factorisation, or false if a is not positive definite.
func mdlCholInverse(a []float64, n int) ([]float64, bool) {
	L := make([]float64, n*n)
	for j := 0; j < n; j++ {
		s := a[j*n+j]
		for k := 0; k < j; k++ {
			s -= L[j*n+k] * L[j*n+k]
		}
		if !(s > 0) || !mdlFinite(s) {
			return nil, false
		}
		L[j*n+j] = math.Sqrt(s)
		for i := j + 1; i < n; i++ {
			s := a[i*n+j]
			for k := 0; k < j; k++ {
				s -= L[i*n+k] * L[j*n+k]
			}
			L[i*n+j] = s / L[j*n+j]
		}
	}
	// inverse of L, then inv(a) = inv(L)ᵀ inv(L)
	Li := make([]float64, n*n)
	for i := 0; i < n; i++ {
		Li[i*n+i] = 1 / L[i*n+i]
		for j := 0; j < i; j++ {
			var s float64
			for k := j; k < i; k++ {
				s -= L[i*n+k] * Li[k*n+j]
			}
			Li[i*n+j] = s / L[i*n+i]
		}
	}
	inv := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			var s float64
			for k := max(i, j); k < n; k++ {
				s += Li[k*n+i] * Li[k*n+j]
			}
			inv[i*n+j] = s
		}
	}
	return inv, true
}
