package churn

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
)

// SBG is the shifted-beta-geometric (sBG) model of retention in a
// contractual setting, where customers renew a subscription at the end of
// each period or leave for good (Fader and Hardie 2007). Its assumptions:
//
//   - at the end of each period an active customer leaves with probability
//     θ, the same in every period (so a customer's lifetime is shifted
//     geometric);
//   - θ varies across customers as beta(α, β).
//
// Retention rises with tenure not because customers change but because
// the customers with high θ leave first. With T the period in which a
// customer leaves (T = 1, 2, …),
//
//	P(T = t) = B(α+1, β+t−1) / B(α, β)
//	S(t)     = P(T > t) = B(α, β+t) / B(α, β)
//	r_t      = S(t)/S(t−1) = (β+t−1) / (α+β+t−1)
//
// and the log-likelihood of a cohort of n_0 customers of whom n_t are
// still active after period t (t = 1, …, τ) is
//
//	LL = Σ_{t=1}^{τ} (n_{t−1} − n_t) ln P(T = t) + n_τ ln S(τ),
//
// summed over cohorts, which may be of different ages τ. On the "high end"
// cohort of the paper (1000 customers, 869, 743, 653, 593, 551, 517, 491
// still active after periods 1 to 7) the estimate is α = 0.668,
// β = 3.806.
//
// The zero value is not a valid model; fit one with FitSBG or set both
// parameters, positive. An SBG encodes to JSON as
// {"model":"sbg","alpha":…,"beta":…}.
//
// For more information, see P. S. Fader and B. G. S. Hardie, "How to project
// customer retention", Journal of Interactive Marketing 21(1), 76-90, 2007,
// and "Customer-base valuation in a contractual setting: the perils of
// ignoring heterogeneity", Marketing Science 29(1), 85-93, 2010, for the
// discounted expected residual lifetime.
type SBG struct {
	Alpha float64 // first shape of the beta distribution of the churn probability
	Beta  float64 // second shape of that distribution
}

var mdlSBGNames = []string{"alpha", "beta"}

// Validate returns an error wrapping ErrModelParams unless both parameters
// are positive and finite.
func (m SBG) Validate() error { return mdlCheckParams("sbg", mdlSBGNames, m.Alpha, m.Beta) }

// lnS returns ln S(t) = ln B(α, β+t) − ln B(α, β), for real t ≥ 0.
func (m SBG) lnS(t float64) float64 { return mdlLbetaShift(m.Alpha, m.Beta, t) }

// mdlCheckCohorts validates survivor counts: every cohort starts with a
// positive count and never increases. It returns the total number of
// customers, the longest cohort's number of periods, the number of
// churners and the number of customers who churned in period one.
func mdlCheckCohorts(model string, cohorts [][]int64) (n, periods, churned, first int64, err error) {
	if len(cohorts) == 0 {
		return 0, 0, 0, 0, fmt.Errorf("churn: %s: no cohorts: %w: %w", model, satmetrics.ErrNoData, ErrModelData)
	}
	for i, c := range cohorts {
		if len(c) < 2 {
			return 0, 0, 0, 0, fmt.Errorf("churn: %s: cohort %d has %d counts, need the initial size and at least one period: %w",
				model, i, len(c), ErrModelData)
		}
		if c[0] <= 0 {
			return 0, 0, 0, 0, fmt.Errorf("churn: %s: cohort %d starts with %d customers: %w", model, i, c[0], ErrModelData)
		}
		for t := 1; t < len(c); t++ {
			if c[t] < 0 || c[t] > c[t-1] {
				return 0, 0, 0, 0, fmt.Errorf("churn: %s: cohort %d: %d customers after period %d, after %d in the period before: %w",
					model, i, c[t], t, c[t-1], ErrModelData)
			}
		}
		n += c[0]
		periods = max(periods, int64(len(c)-1))
		churned += c[0] - c[len(c)-1]
		first += c[0] - c[1]
	}
	return n, periods, churned, first, nil
}

// mdlCohortLL returns the log-likelihood of survivor counts under a model
// with log-survival lnS, with ln P(T = t) = ln S(t−1) + ln(1 − S(t)/S(t−1))
// so that small churn probabilities keep their precision.
func mdlCohortLL(cohorts [][]int64, lnS func(float64) float64) float64 {
	var total float64
	for _, c := range cohorts {
		prev := 0.0 // ln S(0)
		for t := 1; t < len(c); t++ {
			cur := lnS(float64(t))
			if d := c[t-1] - c[t]; d > 0 {
				total += float64(d) * (prev + math.Log(-math.Expm1(cur-prev)))
			}
			prev = cur
		}
		if last := c[len(c)-1]; last > 0 {
			total += float64(last) * prev
		}
	}
	return total
}

// mdlFitCohorts checks survivor data for a retention model with k
// parameters and fits it.
func mdlFitCohorts(model string, names []string, cohorts [][]int64, opts FitOptions,
	lnS func(p []float64) func(float64) float64, starts [][]float64) ([]float64, FitInfo, error) {
	info := FitInfo{Model: model, Penalty: opts.Penalty}
	n, periods, churned, first, err := mdlCheckCohorts(model, cohorts)
	if err != nil {
		return nil, info, err
	}
	info.N = n
	k := int64(len(names))
	switch {
	case periods < k:
		return nil, info, fmt.Errorf("churn: fit %s: %d periods of survivor counts cannot identify %d parameters: %w",
			model, periods, k, ErrModelData)
	case churned == 0:
		return nil, info, fmt.Errorf("churn: fit %s: no customer churned, so the churn probability is at its boundary 0: %w", model, ErrModelData)
	case churned == first && churned == n:
		return nil, info, fmt.Errorf("churn: fit %s: every customer churned in period one, so the churn probability is at its boundary 1: %w", model, ErrModelData)
	}
	pr := mdlProblem{
		model: model, names: names, n: float64(n), count: n,
		ll:     func(p, _ []float64) float64 { return mdlCohortLL(cohorts, lnS(p)) },
		starts: starts,
	}
	return mdlFit(pr, opts)
}

// FitSBG fits an sBG model by maximum likelihood (with an L2 penalty if
// opts.Penalty > 0) to the survivor counts of one or more cohorts: each
// cohort is its initial size followed by the number still active after
// each period, FitSBG([][]int64{{1000, 869, 743, 653, 593, 551, 517, 491}}, …).
// Cohorts of different ages contribute the periods they have seen.
//
// It returns an error wrapping ErrModelData (and satmetrics.ErrNoData if
// there is no cohort) for counts that start at zero or increase, for fewer
// than two periods of counts, and for data at the boundary of the
// parameter space: no customer churned, or every customer churned in period
// one.
func FitSBG(cohorts [][]int64, opts FitOptions) (SBG, FitInfo, error) {
	p, info, err := mdlFitCohorts("sbg", mdlSBGNames, cohorts, opts,
		func(p []float64) func(float64) float64 { return SBG{p[0], p[1]}.lnS },
		[][]float64{{1, 1}, {0.5, 3}, {3, 10}})
	if p == nil {
		return SBG{}, info, err
	}
	return SBG{p[0], p[1]}, info, err
}

// LogLikelihood returns the log-likelihood of the survivor counts of the
// cohorts under m.
func (m SBG) LogLikelihood(cohorts [][]int64) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if _, _, _, _, err := mdlCheckCohorts("sbg", cohorts); err != nil {
		return 0, err
	}
	return mdlResult("sbg log-likelihood", mdlCohortLL(cohorts, m.lnS))
}

// mdlCheckPeriod returns an error wrapping satmetrics.ErrRange unless t ≥ lo.
func mdlCheckPeriod(model string, t, lo int) error {
	if t < lo {
		return fmt.Errorf("churn: %s: period %d is less than %d: %w", model, t, lo, satmetrics.ErrRange)
	}
	return nil
}

// Survival returns S(t), the share of a new cohort still active after t
// periods (S(0) = 1).
func (m SBG) Survival(t int) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckPeriod("sbg", t, 0); err != nil {
		return 0, err
	}
	return math.Exp(m.lnS(float64(t))), nil
}

// SurvivalCurve returns S(0), S(1), …, S(periods): the projected survival
// of a new cohort, non-increasing from 1.
func (m SBG) SurvivalCurve(periods int) ([]float64, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if err := mdlCheckPeriod("sbg", periods, 0); err != nil {
		return nil, err
	}
	out := make([]float64, periods+1)
	s := 1.0
	for t := range out {
		if t > 0 {
			s *= (m.Beta + float64(t) - 1) / (m.Alpha + m.Beta + float64(t) - 1)
		}
		out[t] = s
	}
	return out, nil
}

// RetentionRate returns r_t = S(t)/S(t−1) = (β+t−1)/(α+β+t−1), the share
// of the customers active after period t−1 who renew in period t, for
// t ≥ 1. It increases with t.
func (m SBG) RetentionRate(t int) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckPeriod("sbg", t, 1); err != nil {
		return 0, err
	}
	ft := float64(t)
	return (m.Beta + ft - 1) / (m.Alpha + m.Beta + ft - 1), nil
}

// ProbChurn returns P(T = t) = B(α+1, β+t−1)/B(α, β), the probability that
// a new customer leaves in period t, for t ≥ 1.
func (m SBG) ProbChurn(t int) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckPeriod("sbg", t, 1); err != nil {
		return 0, err
	}
	return math.Exp(mdlLbeta(m.Alpha+1, m.Beta+float64(t)-1) - mdlLbeta(m.Alpha, m.Beta)), nil
}

// ExpectedLifetime returns the expected number of periods a new customer
// stays, counting the first,
//
//	E[T] = Σ_{t≥0} S(t) = (α+β−1)/(α−1),
//
// which is finite only for α > 1; otherwise it returns an error wrapping
// ErrModelParams and satmetrics.ErrUndefined.
func (m SBG) ExpectedLifetime() (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if m.Alpha <= 1 {
		return 0, fmt.Errorf("churn: sbg: alpha = %v ≤ 1, the expected lifetime is infinite: %w: %w",
			m.Alpha, ErrModelParams, satmetrics.ErrUndefined)
	}
	return (m.Alpha + m.Beta - 1) / (m.Alpha - 1), nil
}

// DERL returns the discounted expected residual lifetime of a customer who
// has made the given number of renewals (so has been active for n =
// renewals+1 periods), valued at the end of period n just before the
// renewal decision, with discount rate d per period (Fader and Hardie
// 2010):
//
//	DERL(d | n−1 renewals) = Σ_{t≥n} S(t)/S(n−1) · (1+d)^−(t−n)
//	                       = (β+n−1)/(α+β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d)).
//
// It counts the payments the customer will make, each in units of the
// payment per period: the payment at the imminent renewal is not
// discounted, the one a period later is discounted once, and so on. For
// renewals = 0 it values the renewals of a new customer at the end of the
// first period, so that the discounted expected lifetime of a new customer,
// counting the first payment, is 1 + DERL(d, 0)/(1+d). d = 0 gives the
// undiscounted expected residual lifetime (β+n−1)/(α−1), finite only for
// α > 1. It returns an error wrapping satmetrics.ErrRange for d < 0 or a
// negative number of renewals.
func (m SBG) DERL(d float64, renewals int) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := mdlCheckDiscount("sbg", d, renewals); err != nil {
		return 0, err
	}
	n := float64(renewals + 1)
	if d == 0 {
		if m.Alpha <= 1 {
			return 0, fmt.Errorf("churn: sbg: alpha = %v ≤ 1, the undiscounted residual lifetime is infinite: %w: %w",
				m.Alpha, ErrModelParams, satmetrics.ErrUndefined)
		}
		return (m.Beta + n - 1) / (m.Alpha - 1), nil
	}
	z := 1 / (1 + d)
	term := (m.Beta + n - 1) / (m.Alpha + m.Beta + n - 1)
	var s float64
	for k := 0.0; k < mdlMaxTerms; k++ {
		s += term
		term *= (m.Beta + n + k) / (m.Alpha + m.Beta + n + k) * z
		if term*z/(1-z) <= 1e-16*s {
			return s + term, nil
		}
	}
	return mdlResult("sbg DERL", math.NaN())
}

// ResidualValue returns the residual lifetime value of a customer who has
// made the given number of renewals and pays value per period: value ·
// DERL(d, renewals), with the discounting convention of DERL.
func (m SBG) ResidualValue(value, d float64, renewals int) (float64, error) {
	return mdlResidualValue(m, value, d, renewals)
}

// mdlCheckDiscount validates a discount rate and a number of renewals.
func mdlCheckDiscount(model string, d float64, renewals int) error {
	if !(d >= 0 && d <= math.MaxFloat64) {
		return fmt.Errorf("churn: %s: discount rate %v is not a finite non-negative number: %w", model, d, satmetrics.ErrRange)
	}
	if renewals < 0 {
		return fmt.Errorf("churn: %s: %d renewals: %w", model, renewals, satmetrics.ErrRange)
	}
	return nil
}

// MarshalJSON encodes m as {"model":"sbg","alpha":…,"beta":…}.
func (m SBG) MarshalJSON() ([]byte, error) {
	return mdlEncode("sbg", mdlSBGNames, m.Alpha, m.Beta)
}

// UnmarshalJSON decodes what MarshalJSON writes, with the errors of
// BGNBD.UnmarshalJSON.
func (m *SBG) UnmarshalJSON(b []byte) error {
	return mdlDecode(b, "sbg", mdlSBGNames, &m.Alpha, &m.Beta)
}
