package special

import "math"

// lnSqrt2Pi is log(√(2π)).
const lnSqrt2Pi = 0.91893853320467274178032973640561764

// eulerGamma is the Euler–Mascheroni constant γ.
const eulerGamma = 0.57721566490153286060651209008240243

// LogGamma returns log Γ(x) for x > 0, NaN for x <= 0 or NaN, and +Inf for
// x = +Inf.
//
// It uses the standard library's math.Lgamma, a port of FreeBSD's
// e_lgamma_r.c (Sun Microsystems), which is accurate to about one unit in the
// last place, also near the zeros of log Γ at x = 1 and x = 2 (where it uses
// polynomial expansions about the zeros) and for huge x (Stirling's series).
func LogGamma(x float64) float64 {
	if math.IsNaN(x) || x <= 0 {
		return math.NaN()
	}
	v, _ := math.Lgamma(x)
	return v
}

// lgamma1pCoef[k-2] is (-1)^k ζ(k)/k, the coefficients of the Maclaurin series
//
//	log Γ(1+a) = -γa + Σ_{k>=2} (-1)^k ζ(k)/k a^k   (A&S 6.1.33)
//
// computed with mpmath.
var lgamma1pCoef = [...]float64{
	0.8224670334241132, -0.40068563438653143, 0.27058080842778454,
	-0.20738555102867398, 0.16955717699740819, -0.14404989676884611,
	0.12550966952474304, -0.11133426586956469, 0.10009945751278181,
	-0.090954017145829041, 0.083353840546109004, -0.076932516411352195,
	0.07143294629536133, -0.066668705882420465, 0.062500955141213038,
	-0.058823978658684585, 0.055555767627403614, -0.052631679379616658,
	0.050000047698101693, -0.047619070330142226, 0.045454556293204669,
	-0.043478266053040261, 0.041666669150341208, -0.040000001192140137,
	0.038461539034675182, -0.037037037312989324,
}

// lgamma1p returns log Γ(1+a) accurately also for tiny |a|, where forming
// 1+a would lose the low digits of a.
func lgamma1p(a float64) float64 {
	if math.Abs(a) >= 0.2 {
		v, _ := math.Lgamma(1 + a)
		return v
	}
	// Horner evaluation of Σ c_k a^k, k = 2..27; |a| < 0.2 makes the
	// truncation error below 0.2^28/28 ≈ 1e-21.
	s := 0.0
	for k := len(lgamma1pCoef) - 1; k >= 0; k-- {
		s = s*a + lgamma1pCoef[k]
	}
	return a * (s*a - eulerGamma)
}

// stirlingCoef are the coefficients B_2k / (2k (2k-1)) of Stirling's series
// for the correction δ(x), k = 1..10 (A&S 6.1.40).
var stirlingCoef = [...]float64{
	1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188,
	-691.0 / 360360, 1.0 / 156, -3617.0 / 122400, 43867.0 / 244188,
	-174611.0 / 125400,
}

// stirlingCorr returns the remainder of Stirling's formula
//
//	δ(x) = log Γ(x) - [(x-1/2) log x - x + log √(2π)]
//
// for x >= 10 from the asymptotic series Σ B_2k / (2k(2k-1) x^(2k-1)),
// truncated after ten terms (error below 1e-19 at x = 10). This is the
// quantity R calls lgammacor.
func stirlingCorr(x float64) float64 {
	if x < 10 {
		v, _ := math.Lgamma(x)
		return v - ((x-0.5)*math.Log(x) - x + lnSqrt2Pi)
	}
	r := 1 / x
	r2 := r * r
	s := 0.0
	for k := len(stirlingCoef) - 1; k >= 0; k-- {
		s = s*r2 + stirlingCoef[k]
	}
	return s * r
}

// LogBeta returns log B(a, b) = log Γ(a) + log Γ(b) - log Γ(a+b) for
// a, b > 0, and NaN otherwise. It returns -Inf when a or b is +Inf.
//
// The algorithm is R's lbeta (from SLATEC DLBETA): with p = min(a, b) and
// q = max(a, b), when q >= 10 the large log-gamma terms are cancelled
// analytically and only the Stirling corrections δ enter:
//
//	p >= 10: log B = -½ log q + log √(2π) + δ(p) + δ(q) - δ(p+q)
//	                 + (p-½) log(p/(p+q)) + q log1p(-p/(p+q))
//	q >= 10: log B = log Γ(p) + δ(q) - δ(p+q) + p - p log(p+q)
//	                 + (q-½) log1p(-p/(p+q))
//
// which keeps full relative precision when one or both arguments are large.
func LogBeta(a, b float64) float64 {
	if math.IsNaN(a) || math.IsNaN(b) || a <= 0 || b <= 0 {
		return math.NaN()
	}
	p, q := math.Min(a, b), math.Max(a, b)
	if math.IsInf(q, 1) {
		return math.Inf(-1)
	}
	pq := p + q
	switch {
	case p >= 10:
		corr := stirlingCorr(p) + stirlingCorr(q) - stirlingCorr(pq)
		return -0.5*math.Log(q) + lnSqrt2Pi + corr + (p-0.5)*math.Log(p/pq) + q*math.Log1p(-p/pq)
	case q >= 10:
		corr := stirlingCorr(q) - stirlingCorr(pq)
		return LogGamma(p) + corr + p - p*math.Log(pq) + (q-0.5)*math.Log1p(-p/pq)
	}
	return LogGamma(p) + LogGamma(q) - LogGamma(pq)
}

// digammaRoot is the positive zero x₀ of ψ, split as hi + lo so that x - x₀
// is computed to full precision near the zero.
const (
	digammaRootHi = 1.4616321449683622
	digammaRootLo = 9.549995429965697e-17
)

// digammaRootCoef[k-1] = ψ^(k)(x₀)/k!, the Taylor coefficients of ψ about its
// positive zero, computed with mpmath.
var digammaRootCoef = [...]float64{
	0.9676722454476212, -0.44276316898359208, 0.25849976095565103,
	-0.16394270544240652, 0.10782405069126237, -0.072199561256454714,
	0.04880428816414311, -0.033161126474847362, 0.022597648232218104,
	-0.01542476590494896, 0.010538791616612175, -0.0072045343863568687,
	0.0049267813957298533, -0.0033698016554393282, 0.002305126326734928,
	-0.0015769367714301972, 0.0010788252019162967, -0.00073807093899600515,
}

// Digamma returns ψ(x) = d/dx log Γ(x). It returns NaN at the poles
// x = 0, -1, -2, ..., for NaN and for -Inf, and +Inf for +Inf.
//
// For x >= 10 it sums the asymptotic series (A&S 6.3.18)
//
//	ψ(x) = log x - 1/(2x) - Σ_{k>=1} B_2k / (2k x^(2k));
//
// smaller x are shifted up with ψ(x) = ψ(x+1) - 1/x, and negative x use the
// reflection ψ(1-x) - ψ(x) = π cot(πx) (A&S 6.3.7). Within 0.1 of the
// positive zero x₀ ≈ 1.4616 a Taylor series about x₀ keeps full relative
// precision where the recurrence would cancel.
func Digamma(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, -1):
		return math.NaN()
	case math.IsInf(x, 1):
		return x
	case x <= 0:
		if x == math.Floor(x) {
			return math.NaN()
		}
		// ψ(x) = ψ(1-x) - π cot(πx); reduce the argument of cot exactly.
		return Digamma(1-x) - math.Pi/tanPi(x)
	}
	if d := (x - digammaRootHi) - digammaRootLo; math.Abs(d) < 0.1 {
		s := 0.0
		for k := len(digammaRootCoef) - 1; k >= 0; k-- {
			s = s*d + digammaRootCoef[k]
		}
		return s * d
	}
	shift := 0.0
	for x < 10 {
		shift -= 1 / x
		x++
	}
	r2 := 1 / (x * x)
	// B_2k/(2k) for k = 1..8: 1/12, -1/120, 1/252, -1/240, 1/132,
	// -691/32760, 1/12, -3617/8160.
	s := r2 * (1.0/12 - r2*(1.0/120-r2*(1.0/252-r2*(1.0/240-r2*(1.0/132-
		r2*(691.0/32760-r2*(1.0/12-r2*3617.0/8160)))))))
	return shift + math.Log(x) - 0.5/x - s
}

// tanPi returns tan(πx), reducing x modulo 1 first so that the result is
// accurate for large |x|.
func tanPi(x float64) float64 {
	// tan has period π; x - Round(x) in [-1/2, 1/2] is exact.
	return math.Tan(math.Pi * (x - math.Round(x)))
}

// sinPi returns sin(πx) with exact argument reduction.
func sinPi(x float64) float64 {
	r := math.Mod(x, 2) // (-2, 2)
	if r > 1 {
		r -= 2
	} else if r < -1 {
		r += 2
	}
	// r in [-1, 1]; sin(πr) = sin(π(1-r)) keeps the argument small.
	switch {
	case r > 0.5:
		r = 1 - r
	case r < -0.5:
		r = -1 - r
	}
	return math.Sin(math.Pi * r)
}

// Trigamma returns ψ₁(x) = d²/dx² log Γ(x). It returns NaN at the poles
// x = 0, -1, -2, ..., for NaN and -Inf, and 0 for +Inf.
//
// For x >= 10 it sums the asymptotic series (A&S 6.4.12)
//
//	ψ₁(x) = 1/x + 1/(2x²) + Σ_{k>=1} B_2k / x^(2k+1);
//
// smaller x are shifted with ψ₁(x) = ψ₁(x+1) + 1/x², and negative x use the
// reflection ψ₁(1-x) + ψ₁(x) = π² / sin²(πx) (A&S 6.4.7).
func Trigamma(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, -1):
		return math.NaN()
	case math.IsInf(x, 1):
		return 0
	case x <= 0:
		if x == math.Floor(x) {
			return math.NaN()
		}
		s := sinPi(x)
		return -Trigamma(1-x) + math.Pi*math.Pi/(s*s)
	}
	shift := 0.0
	for x < 10 {
		shift += 1 / (x * x)
		x++
	}
	r := 1 / x
	r2 := r * r
	// B_2k for k = 1..8: 1/6, -1/30, 1/42, -1/30, 5/66, -691/2730, 7/6,
	// -3617/510.
	s := r2 * (1.0/6 - r2*(1.0/30-r2*(1.0/42-r2*(1.0/30-r2*(5.0/66-
		r2*(691.0/2730-r2*(7.0/6-r2*3617.0/510)))))))
	return shift + r + 0.5*r2 + s*r
}

// log1pmx returns log(1+t) - t for t > -1, accurately also for small |t|.
// For -0.5 <= t <= 1 it uses, as R's log1pmx does,
//
//	log(1+t) - t = r (2y Σ_{k>=0} y^k/(2k+3) - t),  r = t/(2+t), y = r²,
//
// which follows from log(1+t) = 2 atanh(r); the series converges at least
// like 9^-k.
func log1pmx(t float64) float64 {
	if t < -0.5 || t > 1 {
		return math.Log1p(t) - t
	}
	r := t / (2 + t)
	y := r * r
	s, yk := 0.0, 1.0
	for k := 0; k < 40; k++ {
		term := yk / float64(2*k+3)
		s += term
		if term < 1e-17*s {
			break
		}
		yk *= y
	}
	return r * (2*y*s - t)
}

// logSafe returns log x, also for subnormal x, where the standard library's
// math.Log returns wrong values on some platforms (on amd64,
// math.Log(math.Exp(-720)) is about -709.09): the argument is scaled into
// the normal range first.
func logSafe(x float64) float64 {
	if x > 0 && x < 0x1p-1022 {
		return math.Log(x*0x1p54) - 54*math.Ln2
	}
	return math.Log(x)
}
