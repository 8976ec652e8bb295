package churn

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
)

// MBGNBD is the modified BG/NBD model (MBG/NBD) of Batislam, Denizel and
// Filiztekin (2007). It makes the assumptions of BGNBD except that a
// customer may also drop out right after the first purchase, at time 0, so
// that a customer without repeat purchases is not certainly active, which
// corrects BG/NBD's optimistic P(alive) for such customers. The likelihood
// of a history (x, t_x, T) is
//
//	L = B(a, b+x+1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
//	  + B(a+1, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x)).
//
// The zero value is not a valid model; fit one with FitMBGNBD or set the
// four parameters, all positive. An MBGNBD encodes to JSON as
// {"model":"mbg/nbd","r":…,"alpha":…,"a":…,"b":…}.
//
// For more information, see E. P. Batislam, M. Denizel and A. Filiztekin,
// "Empirical validation and comparison of models for customer base
// analysis", International Journal of Research in Marketing 24(3), 201-209,
// 2007.
type MBGNBD struct {
	R     float64 // shape of the gamma distribution of the purchase rate
	Alpha float64 // rate of that gamma distribution, in the time unit of the data
	A     float64 // first shape of the beta distribution of the dropout probability
	B     float64 // second shape of that beta distribution
}

// Validate returns an error wrapping ErrModelParams unless all four
// parameters are positive and finite.
func (m MBGNBD) Validate() error {
	return mdlCheckParams("mbg/nbd", mdlBGNBDNames, m.R, m.Alpha, m.A, m.B)
}

// FitMBGNBD fits an MBG/NBD model by maximum likelihood, as FitBGNBD does
// for BG/NBD, with the same errors.
func FitMBGNBD(data []RFM, opts FitOptions) (MBGNBD, FitInfo, error) {
	p, info, err := mdlFitBGFamily("mbg/nbd", data, opts, 1)
	if p == nil {
		return MBGNBD{}, info, err
	}
	return MBGNBD{p[0], p[1], p[2], p[3]}, info, err
}

// LogLikelihood returns the log-likelihood of the model on data.
func (m MBGNBD) LogLikelihood(data []RFM) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	d, err := mdlPrepare("mbg/nbd", data)
	if err != nil {
		return 0, err
	}
	return mdlResult("mbg/nbd log-likelihood", mdlNewBGEval(d, 1).ll([]float64{m.R, m.Alpha, m.A, m.B}, nil))
}

// ExpectedPurchases returns E[X(t)], the expected number of repeat
// purchases in a period of length t of a customer who has just made a
// first purchase:
//
//	E[X(t)] = b/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b+1; a+b; t/(α+t))],
//
// evaluated through Euler's transformation (valid at a = 1 too).
func (m MBGNBD) ExpectedPurchases(t float64) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckHorizon(t); err != nil {
		return 0, err
	}
	z := t / (m.Alpha + t)
	ab := m.A + m.B
	return mdlResult("mbg/nbd expected purchases", m.B/ab*mdlBGTerm(ab-m.R, m.A, ab, z))
}

// ProbAlive returns the probability that a customer with history c is
// still active at T:
//
//	P(alive) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)).
func (m MBGNBD) ProbAlive(c RFM) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckRFM(c.Frequency, c.Recency, c.Age); err != nil {
		return 0, err
	}
	return m.probAlive(c), nil
}

func (m MBGNBD) probAlive(c RFM) float64 {
	x := float64(c.Frequency)
	lnOdds := math.Log(m.A/(m.B+x)) + (m.R+x)*math.Log1p((c.Age-c.Recency)/(m.Alpha+c.Recency))
	return 1 / (1 + math.Exp(lnOdds))
}

// ConditionalExpectedPurchases returns E[Y(t) | x, t_x, T], the expected
// number of purchases in the next t time units of a customer with history
// c:
//
//	E[Y(t) | x, t_x, T] = (a+b+x)/(a−1)
//	    · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))]
//	    · P(alive | x, t_x, T).
func (m MBGNBD) ConditionalExpectedPurchases(c RFM, t float64) (float64, error) {
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
	return mdlResult("mbg/nbd conditional expected purchases", v)
}

func (m MBGNBD) score(c *RFM, t float64) (alive, expected float64) {
	x := float64(c.Frequency)
	z := t / (m.Alpha + c.Age + t)
	alive = m.probAlive(*c)
	return alive, mdlBGTerm(m.A+m.B-m.R, m.A, m.A+m.B+x, z) * alive
}

// ProbPurchases returns P(X(t) = n) for a customer who has just made a
// first purchase:
//
//	P(X(t) = n) = B(a, b+n+1)/B(a, b) · NB(n; r, α/(α+t))
//	            + B(a+1, b+n)/B(a, b) · [1 − Σ_{j<n} NB(j; r, α/(α+t))].
func (m MBGNBD) ProbPurchases(n int64, t float64) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckHorizon(t); err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, fmt.Errorf("churn: mbg/nbd: number of purchases %d is negative: %w", n, satmetrics.ErrRange)
	}
	lb := mdlLbeta(m.A, m.B)
	pmf, tail := mdlNBD(n, m.R, m.Alpha/(m.Alpha+t))
	fn := float64(n)
	v := math.Exp(mdlLbeta(m.A, m.B+fn+1)-lb)*pmf + math.Exp(mdlLbeta(m.A+1, m.B+fn)-lb)*tail
	return mdlResult("mbg/nbd probability of purchases", v)
}

// MarshalJSON encodes m as {"model":"mbg/nbd","r":…,"alpha":…,"a":…,"b":…}.
func (m MBGNBD) MarshalJSON() ([]byte, error) {
	return mdlEncode("mbg/nbd", mdlBGNBDNames, m.R, m.Alpha, m.A, m.B)
}

// UnmarshalJSON decodes what MarshalJSON writes, with the errors of
// BGNBD.UnmarshalJSON.
func (m *MBGNBD) UnmarshalJSON(b []byte) error {
	return mdlDecode(b, "mbg/nbd", mdlBGNBDNames, &m.R, &m.Alpha, &m.A, &m.B)
}
