package churn

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
)

// ParetoNBD is the Pareto/NBD model of repeat purchases in a
// non-contractual setting (Schmittlein, Morrison and Colombo 1987). Its
// assumptions, for a customer observed from the first purchase (time 0) to
// T:
//
//   - while active, the customer buys at the times of a Poisson process of
//     rate λ;
//   - the customer stays active for an exponentially distributed time of
//     rate μ, at the end of which they become inactive for good (dropout
//     can happen at any time, not only after a purchase as in BG/NBD);
//   - λ varies across customers as gamma(shape r, rate α), and μ as
//     gamma(shape s, rate β), independently.
//
// The likelihood of a history (x, t_x, T) is (Fader and Hardie 2005)
//
//	L = Γ(r+x) α^r β^s / Γ(r) · [ 1/((α+T)^(r+x) (β+T)^s)
//	    + s ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ ],
//
// where the integral has the closed form, for α ≥ β,
//
//	1/(r+s+x) · [ ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+t_x)) / (α+t_x)^(r+s+x)
//	            − ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+T)) / (α+T)^(r+s+x) ],
//
// and the same with the roles of (α, r+x) and (β, s+1) exchanged for
// α < β. The package evaluates it through Euler's transformation, as two
// series of positive terms. On the CDNOW sample in weeks the
// maximum-likelihood estimate is r = 0.553, α = 10.578, s = 0.606,
// β = 11.669, with log-likelihood −9595.0.
//
// The zero value is not a valid model; fit one with FitParetoNBD or set the
// four parameters, all positive. A ParetoNBD encodes to JSON as
// {"model":"pareto/nbd","r":…,"alpha":…,"s":…,"beta":…}.
//
// For more information, see D. C. Schmittlein, D. G. Morrison and R.
// Colombo, "Counting your customers: who are they and what will they do
// next?", Management Science 33(1), 1-24, 1987, and P. S. Fader and B. G. S.
// Hardie, "A note on deriving the Pareto/NBD model and related
// expressions", 2005.
type ParetoNBD struct {
	R     float64 // shape of the gamma distribution of the purchase rate
	Alpha float64 // rate of that gamma distribution, in the time unit of the data
	S     float64 // shape of the gamma distribution of the dropout rate
	Beta  float64 // rate of that gamma distribution, in the time unit of the data
}

var mdlParetoNames = []string{"r", "alpha", "s", "beta"}

// Validate returns an error wrapping ErrModelParams unless all four
// parameters are positive and finite.
func (m ParetoNBD) Validate() error {
	return mdlCheckParams("pareto/nbd", mdlParetoNames, m.R, m.Alpha, m.S, m.Beta)
}

// FitParetoNBD fits a Pareto/NBD model to the purchase histories by
// maximum likelihood (with an L2 penalty if opts.Penalty > 0), by BFGS on
// the logarithms of the parameters with a central-difference gradient. It
// returns the errors that FitBGNBD returns, for the same reasons.
func FitParetoNBD(data []RFM, opts FitOptions) (ParetoNBD, FitInfo, error) {
	const model = "pareto/nbd"
	info := FitInfo{Model: model, N: int64(len(data)), Penalty: opts.Penalty}
	d, err := mdlPrepare(model, data)
	if err != nil {
		return ParetoNBD{}, info, err
	}
	if d.count < 4 {
		return ParetoNBD{}, info, fmt.Errorf("churn: fit %s: %d customers cannot identify 4 parameters: %w", model, d.count, ErrModelData)
	}
	if d.repeat == 0 {
		return ParetoNBD{}, info, fmt.Errorf("churn: fit %s: no customer made a repeat purchase: %w", model, ErrModelData)
	}
	a0 := d.rateStart(0.5)
	pr := mdlProblem{
		model: model, names: mdlParetoNames, n: float64(d.count), count: d.count,
		ll: func(p, _ []float64) float64 { return mdlParetoLL(d, p) },
		starts: [][]float64{
			{0.5, a0, 0.5, a0},
			{1, 2 * a0, 1, 4 * a0},
			{0.2, a0 / 2, 2, a0 / 2},
		},
	}
	p, info, err := mdlFit(pr, opts)
	if p == nil {
		return ParetoNBD{}, info, err
	}
	return ParetoNBD{p[0], p[1], p[2], p[3]}, info, err
}

// mdlParetoLL returns the log-likelihood of Pareto/NBD on aggregated data.
func mdlParetoLL(d *mdlRFMData, p []float64) float64 {
	r, alpha, s, beta := p[0], p[1], p[2], p[3]
	m := ParetoNBD{r, alpha, s, beta}
	base := -mdlLgamma(r) + r*math.Log(alpha) + s*math.Log(beta)
	var total float64
	for i, xi := range d.xs {
		total += d.wx[i] * (mdlLgamma(r+float64(xi)) + base)
	}
	for i, w := range d.w {
		x := float64(d.xs[d.xi[i]])
		lb, _ := m.lnBracket(x, d.tx[i], d.T[i])
		total += w * lb
	}
	return total
}

// lnBracket returns ln of the bracket of the likelihood,
//
//	(α+T)^−(r+x) (β+T)^−s + s ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ,
//
// and P(alive), the share of the first term in it. With E(u) =
// −(r+x) ln(α+u) − s ln(β+u), the integral from u to ∞ is
// e^E(u) J(u)/(r+s+x), where J(u) = ₂F₁(1, r+x; r+s+x+1; (α−β)/(α+u)) if
// α ≥ β and (α+u)/(β+u) · ₂F₁(1, s+1; r+s+x+1; (β−α)/(β+u)) otherwise
// (Euler's transformation of the 2F1 in the closed form).
func (m ParetoNBD) lnBracket(x, tx, T float64) (lnB, alive float64) {
	r, alpha, s, beta := m.R, m.Alpha, m.S, m.Beta
	E := func(u float64) float64 { return -(r+x)*math.Log(alpha+u) - s*math.Log(beta+u) }
	c := r + s + x + 1
	J := func(u float64) float64 {
		if alpha >= beta {
			return mdlF1(r+x, c, (alpha-beta)/(alpha+u))
		}
		return (alpha + u) / (beta + u) * mdlF1(s+1, c, (beta-alpha)/(beta+u))
	}
	Etx := E(tx)
	delta := E(T) - Etx // ≤ 0
	eD := math.Exp(delta)
	q := s / (r + s + x) * (J(tx) - eD*J(T)) // s·∫_{t_x}^T … · e^−E(t_x) ≥ 0
	if tx == T || !(q > 0) {
		q = 0
	}
	b := eD + q
	return Etx + math.Log(b), eD / b
}

// LogLikelihood returns the log-likelihood of the model on data.
func (m ParetoNBD) LogLikelihood(data []RFM) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	d, err := mdlPrepare("pareto/nbd", data)
	if err != nil {
		return 0, err
	}
	return mdlResult("pareto/nbd log-likelihood", mdlParetoLL(d, []float64{m.R, m.Alpha, m.S, m.Beta}))
}

// ExpectedPurchases returns E[X(t)], the expected number of repeat
// purchases in a period of length t of a customer who has just made a
// first purchase:
//
//	E[X(t)] = r β / (α (s−1)) · [1 − (β/(β+t))^(s−1)],
//
// and its limit r β/α · ln(1 + t/β) at s = 1.
func (m ParetoNBD) ExpectedPurchases(t float64) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckHorizon(t); err != nil {
		return 0, err
	}
	v := m.R * m.Beta / m.Alpha * mdlExpm1Ratio(1-m.S, math.Log1p(t/m.Beta))
	return mdlResult("pareto/nbd expected purchases", v)
}

// ProbAlive returns the probability that a customer with history c is
// still active at T:
//
//	P(alive) = 1 / (1 + s (α+T)^(r+x) (β+T)^s ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ),
//
// with the integral in the closed form given in the type's documentation.
func (m ParetoNBD) ProbAlive(c RFM) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckRFM(c.Frequency, c.Recency, c.Age); err != nil {
		return 0, err
	}
	_, p := m.lnBracket(float64(c.Frequency), c.Recency, c.Age)
	return mdlResult("pareto/nbd P(alive)", p)
}

// ConditionalExpectedPurchases returns E[Y(t) | x, t_x, T], the expected
// number of purchases in the next t time units of a customer with history
// c:
//
//	E[Y(t) | x, t_x, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]
//	                      · P(alive | x, t_x, T).
func (m ParetoNBD) ConditionalExpectedPurchases(c RFM, t float64) (float64, error) {
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
	return mdlResult("pareto/nbd conditional expected purchases", v)
}

func (m ParetoNBD) score(c *RFM, t float64) (alive, expected float64) {
	x := float64(c.Frequency)
	_, alive = m.lnBracket(x, c.Recency, c.Age)
	bT := m.Beta + c.Age
	return alive, (m.R + x) * bT / (m.Alpha + c.Age) * mdlExpm1Ratio(1-m.S, math.Log1p(t/bT)) * alive
}

// ProbPurchases returns P(X(t) = n) for a customer who has just made a
// first purchase: the probability of n purchases by t while still active
// at t, plus that of n purchases before dropping out at some τ < t,
//
//	P(X(t) = n) = NB(n; r, α/(α+t)) · (β/(β+t))^s
//	            + ∫_0^t NB(n; r, α/(α+τ)) · s β^s/(β+τ)^(s+1) dτ,
//
// with NB the negative binomial probability of BGNBD.ProbPurchases. The
// integral is computed by adaptive Gauss-Kronrod quadrature to a relative
// accuracy of 1e-12.
func (m ParetoNBD) ProbPurchases(n int64, t float64) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckHorizon(t); err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, fmt.Errorf("churn: pareto/nbd: number of purchases %d is negative: %w", n, satmetrics.ErrRange)
	}
	fn := float64(n)
	lc := mdlLgamma(m.R+fn) - mdlLgamma(m.R) - mdlLgamma(fn+1)
	nb := func(tau float64) float64 {
		if tau == 0 {
			if n == 0 {
				return 1
			}
			return 0
		}
		return math.Exp(lc + m.R*math.Log(m.Alpha/(m.Alpha+tau)) + fn*math.Log(tau/(m.Alpha+tau)))
	}
	v := nb(t) * math.Exp(m.S*math.Log(m.Beta/(m.Beta+t)))
	if t > 0 {
		ls := math.Log(m.S) + m.S*math.Log(m.Beta)
		v += mdlIntegrate(func(tau float64) float64 {
			return nb(tau) * math.Exp(ls-(m.S+1)*math.Log(m.Beta+tau))
		}, 0, t, 1e-12)
	}
	return mdlResult("pareto/nbd probability of purchases", v)
}

// MarshalJSON encodes m as {"model":"pareto/nbd","r":…,"alpha":…,"s":…,"beta":…}.
func (m ParetoNBD) MarshalJSON() ([]byte, error) {
	return mdlEncode("pareto/nbd", mdlParetoNames, m.R, m.Alpha, m.S, m.Beta)
}

// UnmarshalJSON decodes what MarshalJSON writes, with the errors of
// BGNBD.UnmarshalJSON.
func (m *ParetoNBD) UnmarshalJSON(b []byte) error {
	return mdlDecode(b, "pareto/nbd", mdlParetoNames, &m.R, &m.Alpha, &m.S, &m.Beta)
}
