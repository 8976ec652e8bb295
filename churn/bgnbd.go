package churn

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
)

// BGNBD is the beta-geometric/negative-binomial distribution (BG/NBD) model
// of repeat purchases in a non-contractual setting (Fader, Hardie and Lee
// 2005a), a fast alternative to Pareto/NBD with nearly the same fit. Its
// assumptions, for a customer observed from the first purchase (time 0) to
// T:
//
//   - while active, the customer buys at the times of a Poisson process of
//     rate λ;
//   - after each repeat purchase the customer becomes inactive for good
//     with probability p (so the number of repeat purchases before dropping
//     out is shifted geometric);
//   - λ varies across customers as gamma(shape r, rate α), and p as beta(a,
//     b), independently.
//
// The likelihood of a history (x, t_x, T) is
//
//	L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
//	  + δ(x>0) · B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x)).
//
// Time is in the unit of the data (α scales with it: in weeks, α is the
// scale of the inter-purchase time in weeks). On the CDNOW sample in weeks
// the maximum-likelihood estimate is r = 0.243, α = 4.414, a = 0.793,
// b = 2.426, with log-likelihood −9582.4.
//
// The zero value is not a valid model; fit one with FitBGNBD or set the
// four parameters, all positive. A BGNBD encodes to JSON as
// {"model":"bg/nbd","r":…,"alpha":…,"a":…,"b":…}.
//
// For more information, see P. S. Fader, B. G. S. Hardie and K. L. Lee,
// "Counting your customers the easy way: an alternative to the Pareto/NBD
// model", Marketing Science 24(2), 275-284, 2005, and its technical note
// "Computing P(alive) using the BG/NBD model".
type BGNBD struct {
	R     float64 // shape of the gamma distribution of the purchase rate
	Alpha float64 // rate (inverse scale) of that gamma distribution, in the time unit of the data
	A     float64 // first shape of the beta distribution of the dropout probability
	B     float64 // second shape of that beta distribution
}

var mdlBGNBDNames = []string{"r", "alpha", "a", "b"}

// Validate returns an error wrapping ErrModelParams unless all four
// parameters are positive and finite.
func (m BGNBD) Validate() error {
	return mdlCheckParams("bg/nbd", mdlBGNBDNames, m.R, m.Alpha, m.A, m.B)
}

// FitBGNBD fits a BG/NBD model to the purchase histories by maximum
// likelihood (with an L2 penalty if opts.Penalty > 0). The log-likelihood
// and its analytic gradient are evaluated on the distinct histories, and
// maximised over the logarithms of the parameters by BFGS.
//
// It returns an error wrapping ErrModelData (and satmetrics.ErrNoData when
// data is empty) if the data cannot identify the model: fewer than four
// customers, or no repeat purchase at all (the likelihood then increases
// without bound as r → 0). If the optimiser does not converge, or a
// parameter runs to the boundary, it returns the best parameters found
// together with FitInfo.Converged false and an error wrapping
// ErrFitNotConverged.
func FitBGNBD(data []RFM, opts FitOptions) (BGNBD, FitInfo, error) {
	p, info, err := mdlFitBGFamily("bg/nbd", data, opts, 0)
	if p == nil {
		return BGNBD{}, info, err
	}
	return BGNBD{p[0], p[1], p[2], p[3]}, info, err
}

// mdlFitBGFamily fits BG/NBD (o = 0) or MBG/NBD (o = 1).
func mdlFitBGFamily(model string, data []RFM, opts FitOptions, o int) ([]float64, FitInfo, error) {
	info := FitInfo{Model: model, N: int64(len(data)), Penalty: opts.Penalty}
	d, err := mdlPrepare(model, data)
	if err != nil {
		return nil, info, err
	}
	if d.count < 4 {
		return nil, info, fmt.Errorf("churn: fit %s: %d customers cannot identify 4 parameters: %w", model, d.count, ErrModelData)
	}
	if d.repeat == 0 {
		return nil, info, fmt.Errorf("churn: fit %s: no customer made a repeat purchase: %w", model, ErrModelData)
	}
	ev := mdlNewBGEval(d, o)
	pr := mdlProblem{
		model: model, names: mdlBGNBDNames, n: float64(d.count), count: d.count,
		ll: ev.ll, analytic: true,
		starts: [][]float64{
			{0.5, d.rateStart(0.5), 1, 3},
			{1, d.rateStart(1), 0.5, 1},
			{0.1, d.rateStart(0.1), 2, 10},
		},
	}
	return mdlFit(pr, opts)
}

// mdlBGEval evaluates the BG/NBD (o = 0) and MBG/NBD (o = 1)
// log-likelihoods and their gradients on aggregated data. For a history
// (x, t_x, T), with o the offset of MBG/NBD (whose customers may also drop
// out right after the first purchase),
//
//	ln L = C_x + ln[(α+T)^−(r+x) + δ · a/(b+x+o−1) · (α+t_x)^−(r+x)],
//	C_x = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x+o) − ln B(a, b),
//
// where δ = 1 if x > 0 or o = 1. C_x depends on the history only through x,
// and ln(α+t) only through the distinct times, so one evaluation costs one
// exp and one log1p per distinct history.
type mdlBGEval struct {
	d              *mdlRFMData
	o              float64
	lt, iv         []float64 // ln(α+t), 1/(α+t) per distinct time
	k, lr, ib      []float64 // per distinct x: r+x, ln a − ln(b+x+o−1), 1/(b+x+o−1)
	cx, cr, ca, cb []float64 // per distinct x: C_x and its derivatives in r, a, b
	two            []bool    // per distinct x: whether the second term is present
}

func mdlNewBGEval(d *mdlRFMData, o int) *mdlBGEval {
	nx, nt := len(d.xs), len(d.times)
	e := &mdlBGEval{d: d, o: float64(o),
		lt: make([]float64, nt), iv: make([]float64, nt),
		k: make([]float64, nx), lr: make([]float64, nx), ib: make([]float64, nx),
		cx: make([]float64, nx), cr: make([]float64, nx), ca: make([]float64, nx), cb: make([]float64, nx),
		two: make([]bool, nx),
	}
	for i, x := range d.xs {
		e.two[i] = x > 0 || o == 1
	}
	return e
}

func (e *mdlBGEval) ll(p, grad []float64) float64 {
	r, alpha, a, b := p[0], p[1], p[2], p[3]
	d := e.d
	for i, t := range d.times {
		e.lt[i] = math.Log(alpha + t)
		e.iv[i] = 1 / (alpha + t)
	}
	la := math.Log(alpha)
	lgr, lgb, lgab := mdlLgamma(r), mdlLgamma(b), mdlLgamma(a+b)
	withGrad := grad != nil
	var psr, psb, psab float64
	if withGrad {
		psr, psb, psab = mdlDigamma(r), mdlDigamma(b), mdlDigamma(a+b)
	}
	var total float64
	var gr, galpha, ga, gb float64
	for i, x := range d.xs {
		fx := float64(x)
		bx := b + fx + e.o
		e.k[i] = r + fx
		c := mdlLgamma(r+fx) - lgr + r*la + lgab + mdlLgamma(bx) - lgb - mdlLgamma(a+bx)
		e.cx[i] = c
		total += d.wx[i] * c
		if e.two[i] {
			e.lr[i] = math.Log(a) - math.Log(bx-1)
			e.ib[i] = 1 / (bx - 1)
		}
		if withGrad {
			psabx := mdlDigamma(a + bx)
			gr += d.wx[i] * (mdlDigamma(r+fx) - psr + la)
			galpha += d.wx[i] * r / alpha
			ga += d.wx[i] * (psab - psabx)
			gb += d.wx[i] * (psab + mdlDigamma(bx) - psb - psabx)
		}
	}
	var sr, salpha, sa, sb float64
	for i, w := range d.w {
		xi := d.xi[i]
		k := e.k[xi]
		iT := d.iT[i]
		LT := e.lt[iT]
		if !e.two[xi] {
			total -= w * k * LT
			if withGrad {
				sr -= w * LT
				salpha -= w * k * e.iv[iT]
			}
			continue
		}
		itx := d.itx[i]
		Lx := e.lt[itx]
		A3 := -k * LT
		A4 := e.lr[xi] - k*Lx
		var h, f float64
		if A4 > A3 {
			q := math.Exp(A3 - A4)
			h = A4 + math.Log1p(q)
			f = 1 / (1 + q)
		} else {
			q := math.Exp(A4 - A3)
			h = A3 + math.Log1p(q)
			f = q / (1 + q)
		}
		total += w * h
		if withGrad {
			sr -= w * ((1-f)*LT + f*Lx)
			salpha -= w * k * ((1-f)*e.iv[iT] + f*e.iv[itx])
			sa += w * f
			sb -= w * f * e.ib[xi]
		}
	}
	if withGrad {
		grad[0] = gr + sr
		grad[1] = galpha + salpha
		grad[2] = ga + sa/a
		grad[3] = gb + sb
	}
	return total
}

// LogLikelihood returns the log-likelihood of the model on data, the sum
// over customers of ln L(r, α, a, b | x, t_x, T).
func (m BGNBD) LogLikelihood(data []RFM) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	d, err := mdlPrepare("bg/nbd", data)
	if err != nil {
		return 0, err
	}
	return mdlResult("bg/nbd log-likelihood", mdlNewBGEval(d, 0).ll([]float64{m.R, m.Alpha, m.A, m.B}, nil))
}

// ExpectedPurchases returns E[X(t)], the expected number of repeat
// purchases in a period of length t of a customer who has just made a
// first purchase:
//
//	E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))],
//
// evaluated through Euler's transformation of ₂F₁ as a series without
// poles, so that it is also defined at a = 1 and a + b = 1, where the
// printed formula has removable singularities.
func (m BGNBD) ExpectedPurchases(t float64) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckHorizon(t); err != nil {
		return 0, err
	}
	z := t / (m.Alpha + t)
	return mdlResult("bg/nbd expected purchases", mdlBGTerm(m.A+m.B-1-m.R, m.A, m.A+m.B-1, z))
}

// ProbAlive returns the probability that a customer with history c (x
// repeat purchases, the last at t_x, observed to T) is still active at T:
//
//	P(alive) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
//
// It is 1 for a customer without repeat purchases: in BG/NBD a customer can
// only drop out right after a purchase.
func (m BGNBD) ProbAlive(c RFM) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckRFM(c.Frequency, c.Recency, c.Age); err != nil {
		return 0, err
	}
	return m.probAlive(c), nil
}

func (m BGNBD) probAlive(c RFM) float64 {
	if c.Frequency == 0 {
		return 1
	}
	k := m.R + float64(c.Frequency)
	lnOdds := math.Log(m.A/(m.B+float64(c.Frequency)-1)) + k*math.Log1p((c.Age-c.Recency)/(m.Alpha+c.Recency))
	return 1 / (1 + math.Exp(lnOdds))
}

// ConditionalExpectedPurchases returns E[Y(t) | x, t_x, T], the expected
// number of purchases in the next t time units of a customer with history
// c:
//
//	E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1)
//	    · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
//	    · P(alive | x, t_x, T),
//
// evaluated, like ExpectedPurchases, through Euler's transformation.
func (m BGNBD) ConditionalExpectedPurchases(c RFM, t float64) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckRFM(c.Frequency, c.Recency, c.Age); err != nil {
		return 0, err
	}
	if err := mdlCheckHorizon(t); err != nil {
		return 0, err
	}
	_, v := m.score(&c, t)
	return mdlResult("bg/nbd conditional expected purchases", v)
}

func (m BGNBD) score(c *RFM, t float64) (alive, expected float64) {
	x := float64(c.Frequency)
	z := t / (m.Alpha + c.Age + t)
	alive = m.probAlive(*c)
	return alive, mdlBGTerm(m.A+m.B-1-m.R, m.A, m.A+m.B+x-1, z) * alive
}

// ProbPurchases returns P(X(t) = n), the probability that a customer who
// has just made a first purchase makes exactly n repeat purchases in a
// period of length t:
//
//	P(X(t) = n) = B(a, b+n)/B(a, b) · NB(n; r, α/(α+t))
//	            + δ(n>0) · B(a+1, b+n−1)/B(a, b) · [1 − Σ_{j<n} NB(j; r, α/(α+t))],
//
// with NB(j; r, π) = Γ(r+j)/(Γ(r) j!) π^r (1−π)^j the negative binomial
// probability.
func (m BGNBD) ProbPurchases(n int64, t float64) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckHorizon(t); err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, fmt.Errorf("churn: bg/nbd: number of purchases %d is negative: %w", n, satmetrics.ErrRange)
	}
	lb := mdlLbeta(m.A, m.B)
	pmf, tail := mdlNBD(n, m.R, m.Alpha/(m.Alpha+t))
	v := math.Exp(mdlLbeta(m.A, m.B+float64(n))-lb) * pmf
	if n > 0 {
		v += math.Exp(mdlLbeta(m.A+1, m.B+float64(n)-1)-lb) * tail
	}
	return mdlResult("bg/nbd probability of purchases", v)
}

// mdlNBD returns the negative binomial probability of n and of at least n,
//
//	NB(n) = Γ(r+n)/(Γ(r) n!) π^r (1−π)^n,   P(N ≥ n) = Σ_{j≥n} NB(j),
//
// summing whichever side of the distribution is shorter.
func mdlNBD(n int64, r, pi float64) (pmf, tail float64) {
	if pi == 1 { // t = 0
		if n == 0 {
			return 1, 1
		}
		return 0, 0
	}
	q := 1 - pi
	lpmf := mdlLgamma(r+float64(n)) - mdlLgamma(r) - mdlLgamma(float64(n)+1) + r*math.Log(pi) + float64(n)*math.Log(q)
	pmf = math.Exp(lpmf)
	if n == 0 {
		return pmf, 1
	}
	mean := r * q / pi
	if float64(n) > mean {
		// upper tail: Σ_{j≥n} NB(j), ratio NB(j+1)/NB(j) = (r+j)/(j+1)·q
		s, t := 0.0, pmf
		for j := n; j < n+mdlMaxTerms; j++ {
			s += t
			ratio := (r + float64(j)) / float64(j+1) * q
			t *= ratio
			if R := math.Max(ratio, q); R < 1 && t <= 1e-17*s*(1-R) || t == 0 {
				break
			}
		}
		return pmf, math.Min(1, s)
	}
	// lower side: 1 − Σ_{j<n} NB(j)
	s, t := 0.0, math.Exp(r*math.Log(pi))
	for j := int64(0); j < n; j++ {
		s += t
		t *= (r + float64(j)) / float64(j+1) * q
	}
	return pmf, math.Max(0, 1-s)
}

// MarshalJSON encodes m as {"model":"bg/nbd","r":…,"alpha":…,"a":…,"b":…}.
func (m BGNBD) MarshalJSON() ([]byte, error) {
	return mdlEncode("bg/nbd", mdlBGNBDNames, m.R, m.Alpha, m.A, m.B)
}

// UnmarshalJSON decodes what MarshalJSON writes. It returns an error
// wrapping satmetrics.ErrCorrupt for another model, a missing parameter or
// one that is not positive and finite.
func (m *BGNBD) UnmarshalJSON(b []byte) error {
	return mdlDecode(b, "bg/nbd", mdlBGNBDNames, &m.R, &m.Alpha, &m.A, &m.B)
}
