package satmetrics

import (
	"fmt"
	"math"
	"strconv"

	"github.com/satmetrics/satmetrics/internal/dist"
)

// A ProportionMethod names a confidence interval for a binomial proportion,
// the share of responses in a category (percent satisfied, percent easy, a
// complaint rate). The zero value is Wilson, the default.
//
// With x successes in n trials, p = x/n, q = 1 - p, α = 1 - level and
// z = Φ⁻¹(1 - α/2), the methods are
//
//	Wilson          (p + z²/2n ± z √(pq/n + z²/4n²)) / (1 + z²/n)
//	AgrestiCoull    p̃ ± z √(p̃(1-p̃)/ñ),  ñ = n + z²,  p̃ = (x + z²/2)/ñ
//	ClopperPearson  [B(α/2; x, n-x+1), B(1-α/2; x+1, n-x)]
//	Jeffreys        [B(α/2; x+½, n-x+½), B(1-α/2; x+½, n-x+½)]
//	Wald            p ± z √(pq/n)
//
// where B(u; a, b) is the u-quantile of the beta distribution. The
// Clopper-Pearson lower bound is 0 when x = 0 and its upper bound 1 when
// x = n; Jeffreys takes the same bounds at x = 0 and x = n, as Brown, Cai and
// DasGupta recommend, so that every interval contains p. Wald and
// Agresti-Coull bounds are clipped to [0, 1].
//
// Wilson's score interval is the default because its coverage stays close to
// the nominal level down to small n and extreme p [2]; Wald's is the textbook
// interval, which undercovers badly there and is degenerate at x = 0 and
// x = n. Clopper-Pearson is "exact" and conservative; Jeffreys is the
// equal-tailed Bayesian interval under the Jeffreys prior Beta(½, ½).
//
// For more information, see [1] E. B. Wilson, "Probable inference, the law of
// succession, and statistical inference", JASA 22, 1927; [2] L. D. Brown,
// T. T. Cai and A. DasGupta, "Interval estimation for a binomial
// proportion", Statistical Science 16(2), 2001; [3] A. Agresti and B. A.
// Coull, "Approximate is better than 'exact' for interval estimation of
// binomial proportions", The American Statistician 52(2), 1998; [4] C. J.
// Clopper and E. S. Pearson, "The use of confidence or fiducial limits
// illustrated in the case of the binomial", Biometrika 26(4), 1934.
type ProportionMethod uint8

// The proportion interval methods.
const (
	Wilson ProportionMethod = iota
	AgrestiCoull
	ClopperPearson
	Jeffreys
	Wald
)

var proportionMethodNames = [...]string{
	Wilson:         "wilson",
	AgrestiCoull:   "agresti-coull",
	ClopperPearson: "clopper-pearson",
	Jeffreys:       "jeffreys",
	Wald:           "wald",
}

// Valid reports whether m is one of the defined methods.
func (m ProportionMethod) Valid() bool { return int(m) < len(proportionMethodNames) }

// String returns the method's name as it appears in Interval.Method
// ("wilson", "agresti-coull", "clopper-pearson", "jeffreys", "wald"), and
// "%!ProportionMethod(n)" for an undefined value.
func (m ProportionMethod) String() string {
	if !m.Valid() {
		return "%!ProportionMethod(" + strconv.Itoa(int(m)) + ")"
	}
	return proportionMethodNames[m]
}

// ParseProportionMethod parses a method's name as String writes it.
func ParseProportionMethod(s string) (ProportionMethod, error) {
	for m, name := range proportionMethodNames {
		if name == s {
			return ProportionMethod(m), nil
		}
	}
	return 0, &ParseError{Func: "satmetrics.ParseProportionMethod", Input: s, Err: ErrSyntax}
}

// MarshalText implements encoding.TextMarshaler.
func (m ProportionMethod) MarshalText() ([]byte, error) {
	if !m.Valid() {
		return nil, fmt.Errorf("satmetrics: marshal %v: %w", m, ErrRange)
	}
	return []byte(m.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *ProportionMethod) UnmarshalText(b []byte) error {
	v, err := ParseProportionMethod(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// checkCounts validates x successes out of n trials, which may be
// non-integer effective counts of weighted data, and returns x. Weighted
// counts are sums computed in different orders, so a share of 0% or 100% can
// come out a few ulps off: x within a relative 1e-12 of 0 or n is taken as
// 0 or n, where the intervals have their exact bounds.
func checkCounts(fn string, x, n float64) (float64, error) {
	switch {
	case n == 0:
		return 0, fmt.Errorf("satmetrics: %s: %w", fn, ErrNoData)
	case !(n > 0) || math.IsInf(n, 0):
		return 0, fmt.Errorf("satmetrics: %s: %v trials: %w", fn, n, ErrRange)
	case math.Abs(x-n) <= 1e-12*n:
		return n, nil
	case math.Abs(x) <= 1e-12*n:
		return 0, nil
	case !(x >= 0 && x <= n):
		return 0, fmt.Errorf("satmetrics: %s: %v successes in %v trials: %w", fn, x, n, ErrRange)
	}
	return x, nil
}

// ProportionInterval returns the confidence interval for a proportion from x
// successes in n trials by the given method (see ProportionMethod for the
// formulas). The counts may be non-integer: for weighted responses pass the
// Kish effective sample size as n and the weighted share times it as x.
//
// It returns an error wrapping ErrNoData when n is 0, ErrRange for counts
// that are negative, not finite or have x > n, or an invalid method, and
// ErrLevel for a level outside (0, 1).
func ProportionInterval(x, n, level float64, method ProportionMethod) (Interval, error) {
	x, err := checkCounts("proportion interval", x, n)
	if err != nil {
		return Interval{}, err
	}
	if !method.Valid() {
		return Interval{}, fmt.Errorf("satmetrics: proportion interval: method %v: %w", method, ErrRange)
	}
	z, err := ZCritical(level)
	if err != nil {
		return Interval{}, err
	}
	alpha := 1 - level
	p := x / n
	var lo, hi float64
	switch method {
	case Wilson:
		lo, hi = wilson(p, n, z)
	case AgrestiCoull:
		nt := n + z*z
		pt := (x + z*z/2) / nt
		h := z * math.Sqrt(pt*(1-pt)/nt)
		lo, hi = pt-h, pt+h
	case ClopperPearson:
		lo, hi = 0, 1
		if x > 0 {
			lo = dist.BetaQuantile(alpha/2, x, n-x+1)
		}
		if x < n {
			hi = dist.BetaQuantile(1-alpha/2, x+1, n-x)
		}
	case Jeffreys:
		lo, hi = 0, 1
		if x > 0 {
			lo = dist.BetaQuantile(alpha/2, x+0.5, n-x+0.5)
		}
		if x < n {
			hi = dist.BetaQuantile(1-alpha/2, x+0.5, n-x+0.5)
		}
	case Wald:
		h := z * math.Sqrt(p*(1-p)/n)
		lo, hi = p-h, p+h
	}
	iv := Interval{Lower: clamp(lo, 0, 1), Upper: clamp(hi, 0, 1), Level: level, Method: method.String()}
	if math.IsNaN(iv.Lower) || math.IsNaN(iv.Upper) {
		return Interval{}, fmt.Errorf("satmetrics: proportion interval: %v of %v: %w", x, n, ErrUndefined)
	}
	return iv, nil
}

// wilson returns Wilson's score interval for the proportion p of n trials,
// with its bounds exact at p = 0 and p = 1.
func wilson(p, n, z float64) (lo, hi float64) {
	z2 := z * z
	d := 1 + z2/n
	c := (p + z2/(2*n)) / d
	h := z / d * math.Sqrt(p*(1-p)/n+z2/(4*n*n))
	lo, hi = c-h, c+h
	if p == 0 {
		lo = 0
	}
	if p == 1 {
		hi = 1
	}
	// The interval contains p̂; rounding must not put it outside.
	return clamp(min(lo, p), 0, 1), clamp(max(hi, p), 0, 1)
}

func clamp(x, lo, hi float64) float64 {
	return math.Min(math.Max(x, lo), hi)
}

// Proportion returns the estimate of a proportion from x successes in n
// trials: the value p = x/n (from 0 to 1), its standard error √(p(1-p)/n),
// and the confidence interval of ProportionInterval. Like ProportionInterval
// it accepts effective (non-integer) counts; the Estimate's N is n rounded
// to an integer, and callers with weighted data set N and EffectiveN
// themselves.
func Proportion(x, n, level float64, method ProportionMethod) (Estimate, error) {
	x, err := checkCounts("proportion", x, n)
	if err != nil {
		return Estimate{}, err
	}
	iv, err := ProportionInterval(x, n, level, method)
	if err != nil {
		return Estimate{}, err
	}
	p := x / n
	e := Estimate{Value: p, StdErr: math.Sqrt(p * (1 - p) / n), Interval: iv, N: int64(math.Round(n))}
	if err := e.Check(); err != nil {
		return Estimate{}, err
	}
	return e, nil
}

// CompareProportions compares two independent proportions, x1 of n1 (A) and
// x2 of n2 (B). The difference d = p1 - p2 keeps its sign. Its interval is
// Newcombe's hybrid score interval (method 10 of [1]), built from the Wilson
// intervals [l1, u1] and [l2, u2] of the two proportions:
//
//	L = d - √((p1 - l1)² + (u2 - p2)²)
//	U = d + √((u1 - p1)² + (p2 - l2)²)
//
// which, unlike the Wald interval, stays inside [-1, 1] and behaves well for
// small samples and proportions near 0 or 1. The test of "no difference" is
// the pooled two-proportion z test,
//
//	p̄ = (x1 + x2) / (n1 + n2)
//	z = d / √(p̄ (1 - p̄) (1/n1 + 1/n2))
//	P = 2 (1 - Φ(|z|)),
//
// and StdErr is the unpooled standard error √(p1 q1/n1 + p2 q2/n2). When
// both proportions are 0, or both 1, the difference is 0 and the pooled
// variance is 0; the comparison then reports z = 0 and P = 1 (no evidence
// of a difference). Counts may be effective (non-integer) counts, as for
// ProportionInterval; the Comparison's Method is "newcombe".
//
// For more information, see [1] R. G. Newcombe, "Interval estimation for the
// difference between independent proportions: comparison of eleven methods",
// Statistics in Medicine 17, 1998, pp. 873-890.
func CompareProportions(x1, n1, x2, n2, level float64) (Comparison, error) {
	x1, err := checkCounts("compare proportions: A", x1, n1)
	if err != nil {
		return Comparison{}, err
	}
	x2, err = checkCounts("compare proportions: B", x2, n2)
	if err != nil {
		return Comparison{}, err
	}
	z, err := ZCritical(level)
	if err != nil {
		return Comparison{}, err
	}
	p1, p2 := x1/n1, x2/n2
	l1, u1 := wilson(p1, n1, z)
	l2, u2 := wilson(p2, n2, z)
	d := p1 - p2
	lo := d - math.Hypot(p1-l1, u2-p2)
	hi := d + math.Hypot(u1-p1, p2-l2)
	c := Comparison{
		Difference: d,
		StdErr:     math.Sqrt(p1*(1-p1)/n1 + p2*(1-p2)/n2),
		Interval:   Interval{Lower: clamp(lo, -1, 1), Upper: clamp(hi, -1, 1), Level: level, Method: "newcombe"},
		P:          1,
	}
	pb := (x1 + x2) / (n1 + n2)
	if v := pb * (1 - pb) * (1/n1 + 1/n2); v > 0 {
		c.Statistic = d / math.Sqrt(v)
		c.P = 2 * dist.NormalSurvival(math.Abs(c.Statistic))
	}
	for _, f := range []float64{c.Difference, c.StdErr, c.Lower, c.Upper, c.Statistic, c.P} {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return Comparison{}, fmt.Errorf("satmetrics: compare proportions %v/%v and %v/%v: %w", x1, n1, x2, n2, ErrUndefined)
		}
	}
	return c, nil
}
