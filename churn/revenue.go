package churn

import (
	"fmt"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/stable"
)

// MRR holds the monthly recurring revenue of one period and its movements,
// in ChartMogul's five categories [1]:
//
//	New          MRR of customers who start paying for the first time
//	Expansion    increases in the MRR of paying customers
//	Contraction  decreases in the MRR of paying customers
//	Churned      MRR of customers at the moment they cancel
//	Reactivation MRR of customers who return after churning
//
// Every amount is non-negative, and the MRR at the end of the period is
//
//	End = Start + New + Expansion + Reactivation - Contraction - Churned.
//
// Ledger.Report fills one per period from raw events.
type MRR struct {
	Start        float64 `json:"start"`
	New          float64 `json:"new"`
	Expansion    float64 `json:"expansion"`
	Contraction  float64 `json:"contraction"`
	Churned      float64 `json:"churned"`
	Reactivation float64 `json:"reactivation"`
}

// Validate returns nil if every amount of m is finite and non-negative, and
// otherwise an error that names the amount and wraps ErrNotFinite or
// ErrNegative.
func (m MRR) Validate() error {
	for _, a := range [...]struct {
		name string
		v    float64
	}{
		{"start", m.Start}, {"new", m.New}, {"expansion", m.Expansion},
		{"contraction", m.Contraction}, {"churned", m.Churned}, {"reactivation", m.Reactivation},
	} {
		if err := checkNonNegative("MRR "+a.name, a.v); err != nil {
			return err
		}
	}
	return nil
}

// End returns the MRR at the end of the period,
// Start + New + Expansion + Reactivation - Contraction - Churned, summed with
// compensation.
func (m MRR) End() float64 {
	var s stable.Sum
	for _, v := range [...]float64{m.Start, m.New, m.Expansion, m.Reactivation, -m.Contraction, -m.Churned} {
		s.Add(v)
	}
	return s.Value()
}

// ratio validates m and returns num/m.Start, or an error wrapping
// satmetrics.ErrNoData when the MRR at the start is 0.
func (m MRR) ratio(what string, num float64) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if m.Start == 0 {
		return 0, fmt.Errorf("churn: %s: MRR at the start of the period is 0: %w", what, satmetrics.ErrNoData)
	}
	return num / m.Start, nil
}

// GrossChurn returns the gross MRR churn rate, ChartMogul's standard (B2B)
// formula [1],
//
//	gross MRR churn = (Churned + Contraction) / Start,
//
// a fraction (0.2 is 20%). With 100 at the start, 10 churned, 10 of
// contraction and 10 of expansion it is 0.2. It returns an error wrapping
// satmetrics.ErrNoData when Start is 0, and the error of Validate for bad
// amounts.
func (m MRR) GrossChurn() (float64, error) {
	return m.ratio("gross MRR churn", m.Churned+m.Contraction)
}

// NetChurn returns the net MRR churn rate, ChartMogul's standard (B2B)
// formula [1],
//
//	net MRR churn = (Churned + Contraction - Expansion - Reactivation) / Start,
//
// negative when expansion and reactivation outweigh the losses. With 100 at
// the start, 10 churned, 10 of contraction and 10 of expansion it is 0.1.
// Errors are as for GrossChurn.
func (m MRR) NetChurn() (float64, error) {
	return m.ratio("net MRR churn", m.Churned+m.Contraction-m.Expansion-m.Reactivation)
}

// GrossRetention returns the gross revenue retention of the period, the
// share of the MRR at its start kept without counting any gains,
//
//	GRR = (Start - Churned - Contraction) / Start = 1 - gross MRR churn.
//
// It can be negative if more MRR was lost than the period started with
// (customers who expanded and then left). Errors are as for GrossChurn.
func (m MRR) GrossRetention() (float64, error) {
	return m.ratio("gross revenue retention", m.Start-m.Churned-m.Contraction)
}

// NetRetention returns the net revenue retention of the period,
//
//	NRR = (Start - Churned - Contraction + Expansion + Reactivation) / Start
//	    = 1 - net MRR churn,
//
// which exceeds 1 when gains from paying customers outweigh losses. Like
// ChartMogul's net MRR churn, it counts reactivations as gains; new business
// is left out. Errors are as for GrossChurn.
func (m MRR) NetRetention() (float64, error) {
	return m.ratio("net revenue retention", m.Start-m.Churned-m.Contraction+m.Expansion+m.Reactivation)
}

// QuickRatio returns the SaaS quick ratio of the period [3],
//
//	quick ratio = (New + Expansion + Reactivation) / (Churned + Contraction),
//
// MRR gained per unit of MRR lost. It returns an error wrapping
// satmetrics.ErrUndefined when nothing was lost, and the error of Validate
// for bad amounts.
func (m MRR) QuickRatio() (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	lost := m.Churned + m.Contraction
	if lost == 0 {
		return 0, fmt.Errorf("churn: quick ratio: no MRR lost in the period: %w", satmetrics.ErrUndefined)
	}
	return (m.New + m.Expansion + m.Reactivation) / lost, nil
}

// Add adds the amounts of n to m, for totals over segments of the same
// period.
func (m *MRR) Add(n MRR) {
	m.Start += n.Start
	m.New += n.New
	m.Expansion += n.Expansion
	m.Contraction += n.Contraction
	m.Churned += n.Churned
	m.Reactivation += n.Reactivation
}
