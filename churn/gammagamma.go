package churn

import (
	"fmt"
	"math"
)

// GammaGamma is the gamma-gamma model of the monetary value of repeat
// purchases (Colombo and Jiang 1999; Fader, Hardie and Lee 2005b). Its
// assumptions:
//
//   - the amounts of a customer's purchases vary around the customer's mean
//     amount as gamma(shape p, rate ν), independently of each other and of
//     the timing of the purchases;
//   - ν varies across customers as gamma(shape q, rate γ).
//
// A customer's mean purchase amount is then E[M] = p/ν, and the average
// m_x of x purchases has the density
//
//	f(m_x | p, q, γ, x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q m_x^(px−1) x^(px) / (γ + x m_x)^(px+q).
//
// The model is fitted on the customers with at least one repeat purchase
// (x > 0, m_x > 0), the first purchase being left out as in the papers. On
// the 946 repeat buyers of the CDNOW sample the estimate is p = 6.25,
// q = 3.74, γ = 15.44.
//
// The independence of amount and frequency is an assumption to check on
// the data (the correlation of Frequency and Monetary across repeat buyers
// should be near zero).
//
// The zero value is not a valid model; fit one with FitGammaGamma or set
// the three parameters, all positive. A GammaGamma encodes to JSON as
// {"model":"gamma-gamma","p":…,"q":…,"gamma":…}.
//
// For more information, see P. S. Fader, B. G. S. Hardie and K. L. Lee,
// "RFM and CLV: using iso-value curves for customer base analysis", Journal
// of Marketing Research 42(4), 415-430, 2005, and P. S. Fader and B. G. S.
// Hardie, "The gamma-gamma model of monetary value", 2013.
type GammaGamma struct {
	P     float64 // shape of the gamma distribution of purchase amounts
	Q     float64 // shape of the gamma distribution of its rate across customers
	Gamma float64 // rate of that gamma distribution, in the currency unit
}

var mdlGGNames = []string{"p", "q", "gamma"}

// Validate returns an error wrapping ErrModelParams unless all three
// parameters are positive and finite.
func (m GammaGamma) Validate() error {
	return mdlCheckParams("gamma-gamma", mdlGGNames, m.P, m.Q, m.Gamma)
}

// mdlSpend is the data of a gamma-gamma fit: x and m_x of the repeat buyers.
type mdlSpend struct {
	x, m []float64
	lx   []float64 // ln x + ln m, ln m
	lm   []float64
}

func mdlPrepareSpend(data []RFM) (*mdlSpend, error) {
	s := &mdlSpend{}
	for i := range data {
		c := &data[i]
		if err := mdlCheckRFM(c.Frequency, c.Recency, c.Age); err != nil {
			return nil, fmt.Errorf("churn: gamma-gamma: customer %d %q: %w", i, c.ID, err)
		}
		if c.Frequency == 0 {
			continue
		}
		if !(c.Monetary > 0 && c.Monetary <= math.MaxFloat64) {
			return nil, fmt.Errorf("churn: gamma-gamma: customer %d %q: mean spend %v must be positive and finite: %w",
				i, c.ID, c.Monetary, ErrModelData)
		}
		x := float64(c.Frequency)
		s.x = append(s.x, x)
		s.m = append(s.m, c.Monetary)
		s.lx = append(s.lx, math.Log(x))
		s.lm = append(s.lm, math.Log(c.Monetary))
	}
	return s, nil
}

func (s *mdlSpend) ll(p, grad []float64) float64 {
	P, Q, G := p[0], p[1], p[2]
	lG := math.Log(G)
	lgQ := mdlLgamma(Q)
	var total, gp, gq, gg float64
	var psQ float64
	if grad != nil {
		psQ = mdlDigamma(Q)
	}
	for i, x := range s.x {
		px := P * x
		lden := math.Log(G + x*s.m[i])
		total += mdlLgamma(px+Q) - mdlLgamma(px) - lgQ + Q*lG + (px-1)*s.lm[i] + px*s.lx[i] - (px+Q)*lden
		if grad != nil {
			psPQ := mdlDigamma(px + Q)
			gp += x * (psPQ - mdlDigamma(px) + s.lm[i] + s.lx[i] - lden)
			gq += psPQ - psQ + lG - lden
			gg += Q/G - (px+Q)/(G+x*s.m[i])
		}
	}
	if grad != nil {
		grad[0], grad[1], grad[2] = gp, gq, gg
	}
	return total
}

// FitGammaGamma fits the gamma-gamma model by maximum likelihood to the
// customers of data with Frequency > 0 (the others are skipped), using
// their Frequency and Monetary. It returns an error wrapping ErrModelData
// if fewer than three customers made repeat purchases, or if one of them
// has a mean spend that is not positive; a fit that runs to the boundary
// (all mean spends equal, say) is reported as not converged.
func FitGammaGamma(data []RFM, opts FitOptions) (GammaGamma, FitInfo, error) {
	const model = "gamma-gamma"
	info := FitInfo{Model: model, Penalty: opts.Penalty}
	s, err := mdlPrepareSpend(data)
	if err != nil {
		return GammaGamma{}, info, err
	}
	n := len(s.x)
	info.N = int64(n)
	if n < 3 {
		return GammaGamma{}, info, fmt.Errorf("churn: fit %s: %d repeat buyers cannot identify 3 parameters: %w", model, n, ErrModelData)
	}
	var mean float64
	for _, m := range s.m {
		mean += m / float64(n)
	}
	pr := mdlProblem{
		model: model, names: mdlGGNames, n: float64(n), count: int64(n),
		ll: s.ll, analytic: true,
		starts: [][]float64{{2, 3, mean}, {1, 2, mean / 2}, {10, 5, mean / 3}},
	}
	p, info, err := mdlFit(pr, opts)
	if p == nil {
		return GammaGamma{}, info, err
	}
	return GammaGamma{p[0], p[1], p[2]}, info, err
}

// LogLikelihood returns the log-likelihood of the model on the customers
// of data with Frequency > 0.
func (m GammaGamma) LogLikelihood(data []RFM) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	s, err := mdlPrepareSpend(data)
	if err != nil {
		return 0, err
	}
	return mdlResult("gamma-gamma log-likelihood", s.ll([]float64{m.P, m.Q, m.Gamma}, nil))
}

// ExpectedSpend returns the mean purchase amount across customers,
//
//	E[M] = p γ / (q − 1),
//
// which is finite only for q > 1; otherwise it returns an error wrapping
// ErrModelParams.
func (m GammaGamma) ExpectedSpend() (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if m.Q <= 1 {
		return 0, fmt.Errorf("churn: gamma-gamma: q = %v ≤ 1, the mean spend is infinite: %w", m.Q, ErrModelParams)
	}
	return m.P * m.Gamma / (m.Q - 1), nil
}

// ConditionalExpectedSpend returns the expected mean purchase amount of a
// customer with x repeat purchases of mean amount m_x,
//
//	E[M | p, q, γ, m_x, x] = p (γ + x m_x) / (p x + q − 1),
//
// a weighted average of the population mean p γ/(q − 1) and the
// customer's own mean m_x, with weight p x/(p x + q − 1) on the latter. For
// x = 0 it is the population mean (and needs q > 1). It returns an error
// wrapping ErrModelData for a negative or non-finite Monetary with x > 0,
// and one wrapping ErrModelParams if p x + q ≤ 1.
func (m GammaGamma) ConditionalExpectedSpend(c RFM) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckRFM(c.Frequency, c.Recency, c.Age); err != nil {
		return 0, err
	}
	x := float64(c.Frequency)
	if x > 0 && !(c.Monetary >= 0 && c.Monetary <= math.MaxFloat64) {
		return 0, fmt.Errorf("churn: gamma-gamma: mean spend %v: %w", c.Monetary, ErrModelData)
	}
	den := m.P*x + m.Q - 1
	if !(den > 0) {
		return 0, fmt.Errorf("churn: gamma-gamma: p·x + q − 1 = %v ≤ 0, the expected spend is infinite: %w", den, ErrModelParams)
	}
	var mx float64
	if x > 0 {
		mx = c.Monetary
	}
	return mdlResult("gamma-gamma expected spend", m.P*(m.Gamma+x*mx)/den)
}

// MarshalJSON encodes m as {"model":"gamma-gamma","p":…,"q":…,"gamma":…}.
func (m GammaGamma) MarshalJSON() ([]byte, error) {
	return mdlEncode("gamma-gamma", mdlGGNames, m.P, m.Q, m.Gamma)
}

// UnmarshalJSON decodes what MarshalJSON writes, with the errors of
// BGNBD.UnmarshalJSON.
func (m *GammaGamma) UnmarshalJSON(b []byte) error {
	return mdlDecode(b, "gamma-gamma", mdlGGNames, &m.P, &m.Q, &m.Gamma)
}
