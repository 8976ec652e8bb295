package churn

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
)

// BdW is the beta-discrete-Weibull (BdW) model of retention in a
// contractual setting (Fader, Hardie, Liu, Davin and Steenburgh 2018), the
// generalisation of SBG in which each customer's churn probability changes
// with tenure. Its assumptions:
//
//   - a customer's lifetime T is discrete Weibull: P(T > t | θ) =
//     (1 − θ)^(t^c), so the customer's own churn probability falls with
//     tenure when c < 1 (duration dependence: customers grow attached) and
//     rises when c > 1; c = 1 is sBG's constant θ;
//   - θ varies across customers as beta(α, β).
//
// Then
//
//	S(t)     = P(T > t) = B(α, β+t^c) / B(α, β)
//	P(T = t) = S(t−1) − S(t)
//	r_t      = S(t)/S(t−1)
//
// and the cohort log-likelihood is that of SBG with these S and P. The
// observed rise of retention with tenure is the sum of two effects,
// heterogeneity (α, β) and individual duration dependence (c), which the
// model separates.
//
// The zero value is not a valid model; fit one with FitBdW or set the
// three parameters, all positive. A BdW encodes to JSON as
// {"model":"bdw","alpha":…,"beta":…,"c":…}.
//
// For more information, see P. S. Fader, B. G. S. Hardie, Y. Liu, J. Davin
// and T. Steenburgh, "“How to project customer retention” revisited: the
// role of duration dependence", Journal of Interactive Marketing 43, 1-16,
// 2018.
type BdW struct {
	Alpha float64 // first shape of the beta distribution of θ
	Beta  float64 // second shape of that distribution
	C     float64 // Weibull shape: duration dependence (1 = none)
}

var mdlBdWNames = []string{"alpha", "beta", "c"}

// Validate returns an error wrapping ErrModelParams unless all three
// parameters are positive and finite.
func (m BdW) Validate() error { return mdlCheckParams("bdw", mdlBdWNames, m.Alpha, m.Beta, m.C) }

// lnS returns ln S(t) = ln B(α, β+t^c) − ln B(α, β), for real t ≥ 0.
func (m BdW) lnS(t float64) float64 { return mdlLbetaShift(m.Alpha, m.Beta, math.Pow(t, m.C)) }

// FitBdW fits a BdW model by maximum likelihood to the survivor counts of
// one or more cohorts, in the form FitSBG takes, with the same errors
// (except that it needs three periods of counts).
func FitBdW(cohorts [][]int64, opts FitOptions) (BdW, FitInfo, error) {
	p, info, err := mdlFitCohorts("bdw", mdlBdWNames, cohorts, opts,
		func(p []float64) func(float64) float64 { return BdW{p[0], p[1], p[2]}.lnS },
		[][]float64{{1, 1, 1}, {0.5, 3, 1}, {1, 3, 0.5}, {2, 10, 2}})
	if p == nil {
		return BdW{}, info, err
	}
	return BdW{p[0], p[1], p[2]}, info, err
}

// LogLikelihood returns the log-likelihood of the survivor counts of the
// cohorts under m.
func (m BdW) LogLikelihood(cohorts [][]int64) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if _, _, _, _, err := mdlCheckCohorts("bdw", cohorts); err != nil {
		return 0, err
	}
	return mdlResult("bdw log-likelihood", mdlCohortLL(cohorts, m.lnS))
}

// Survival returns S(t) = B(α, β+t^c)/B(α, β), the share of a new cohort
// still active after t periods.
func (m BdW) Survival(t int) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckPeriod("bdw", t, 0); err != nil {
		return 0, err
	}
	return math.Exp(m.lnS(float64(t))), nil // t^c = +Inf gives S = 0
}

// SurvivalCurve returns S(0), S(1), …, S(periods), non-increasing from 1.
func (m BdW) SurvivalCurve(periods int) ([]float64, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if err := mdlCheckPeriod("bdw", periods, 0); err != nil {
		return nil, err
	}
	out := make([]float64, periods+1)
	for t := range out {
		out[t] = math.Exp(m.lnS(float64(t)))
	}
	return out, nil
}

// RetentionRate returns r_t = S(t)/S(t−1), for t ≥ 1.
func (m BdW) RetentionRate(t int) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckPeriod("bdw", t, 1); err != nil {
		return 0, err
	}
	return mdlResult("bdw retention rate", math.Exp(m.lnS(float64(t))-m.lnS(float64(t-1))))
}

// ProbChurn returns P(T = t) = S(t−1) − S(t), for t ≥ 1.
func (m BdW) ProbChurn(t int) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckPeriod("bdw", t, 1); err != nil {
		return 0, err
	}
	prev, cur := m.lnS(float64(t-1)), m.lnS(float64(t))
	if math.IsInf(prev, -1) {
		return 0, nil
	}
	return math.Exp(prev) * -math.Expm1(cur-prev), nil
}

// ExpectedLifetime returns E[T] = Σ_{t≥0} S(t), the expected number of
// periods a new customer stays, counting the first. For large t, S(t)
// falls like t^−cα, so the sum is finite only for c·α > 1; otherwise it
// returns an error wrapping ErrModelParams and satmetrics.ErrUndefined. It
// sums the first 4000 terms and adds the Euler-Maclaurin estimate of the
// rest, an integral computed by quadrature (relative accuracy about
// 1e-10).
func (m BdW) ExpectedLifetime() (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	return m.survivalSum(0, 1)
}

// DERL returns the discounted expected residual lifetime of a customer who
// has made the given number of renewals (active for n = renewals+1
// periods), as SBG.DERL defines it:
//
//	DERL(d | n−1 renewals) = Σ_{t≥n} S(t)/S(n−1) · (1+d)^−(t−n),
//
// computed as ExpectedLifetime is. d = 0 needs c·α > 1.
func (m BdW) DERL(d float64, renewals int) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckDiscount("bdw", d, renewals); err != nil {
		return 0, err
	}
	n := renewals + 1
	s, err := m.survivalSum(n, 1/(1+d))
	if err != nil {
		return 0, err
	}
	return mdlResult("bdw DERL", s/math.Exp(m.lnS(float64(n-1))))
}

// ResidualValue returns value · DERL(d, renewals), the residual lifetime
// value of a customer who pays value per period.
func (m BdW) ResidualValue(value, d float64, renewals int) (float64, error) {
	return mdlResidualValue(m, value, d, renewals)
}

// survivalSum returns Σ_{t≥from} S(t) z^(t−from), for 0 < z ≤ 1.
func (m BdW) survivalSum(from int, z float64) (float64, error) {
	p := m.C * m.Alpha
	if z == 1 && p <= 1 {
		return 0, fmt.Errorf("churn: bdw: c·alpha = %v ≤ 1, the expected lifetime is infinite: %w: %w",
			p, ErrModelParams, satmetrics.ErrUndefined)
	}
	lz := math.Log(z)
	m0 := float64(from)
	f := func(t float64) float64 { return math.Exp(m.lnS(t) + (t-m0)*lz) }
	const direct = 4000
	var s float64
	for t := m0; t < m0+direct; t++ {
		term := f(t)
		s += term
		// S is non-increasing, so the terms fall at least as fast as z^k.
		if z < 1 && term*z/(1-z) <= 1e-16*s {
			return s, nil
		}
	}
	// Euler-Maclaurin: Σ_{t≥N} f(t) ≈ ∫_N^∞ f + f(N)/2 − f'(N)/12.
	N := m0 + direct
	s += f(N)/2 - (f(N+1)-f(N-1))/24
	// ∫_N^tmax f by quadrature in y = ln(t/N), where the integrand decays
	// exponentially, up to t^c = 1e15 (or where discounting has made f
	// negligible), and beyond that the asymptotic form S(t) ≈ K t^−cα.
	tmax := math.Exp(15 * math.Ln10 / m.C)
	capped := true
	if z < 1 {
		if tcut := m0 + 745/(-lz); tcut < tmax {
			tmax, capped = tcut, false
		}
	}
	if tmax > N {
		Y := math.Log(tmax / N)
		s += mdlIntegrate(func(y float64) float64 {
			t := N * math.Exp(y)
			return f(t) * t
		}, 0, Y, 1e-12)
		if capped && p > 1 {
			s += f(tmax) * tmax / (p - 1)
		}
	}
	return mdlResult("bdw survival sum", s)
}

// MarshalJSON encodes m as {"model":"bdw","alpha":…,"beta":…,"c":…}.
func (m BdW) MarshalJSON() ([]byte, error) {
	return mdlEncode("bdw", mdlBdWNames, m.Alpha, m.Beta, m.C)
}

// UnmarshalJSON decodes what MarshalJSON writes, with the errors of
// BGNBD.UnmarshalJSON.
func (m *BdW) UnmarshalJSON(b []byte) error {
	return mdlDecode(b, "bdw", mdlBdWNames, &m.Alpha, &m.Beta, &m.C)
}
