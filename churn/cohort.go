package churn

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
)

// A CohortRow follows the customers whose first start fell in one period
// (the cohort) through the periods after it. Index k of each slice is the
// k-th period after the cohort's own (k = 0 is the cohort's period); the
// slices stop at the last reported period, so later cohorts have shorter
// rows and the table is a triangle.
type CohortRow struct {
	Cohort    satmetrics.Period `json:"cohort"`
	Customers int64             `json:"customers"` // customers in the cohort
	MRR       float64           `json:"mrr"`       // their MRR at their first start (new business)

	// Active counts the cohort's customers active at any time in period k,
	// including those who came back after churning.
	Active []int64 `json:"active"`
	// Surviving counts those active without interruption from their first
	// start through the end of period k: the cohort's survival curve.
	Surviving []int64 `json:"surviving"`
	// NetMRR is the cohort's MRR at the end of period k, with expansion,
	// contraction, churn and reactivation.
	NetMRR []float64 `json:"net_mrr"`
	// GrossMRR is the cohort's MRR at the end of period k counting no gains:
	// each customer's lowest MRR so far, never above their first MRR, and 0
	// from their first cancel on.
	GrossMRR []float64 `json:"gross_mrr"`
}

// Reached returns the number of periods of the row: the cohort's own and
// those after it through the last reported period.
func (r *CohortRow) Reached() int { return len(r.Active) }

func (r *CohortRow) check(k int) error {
	if k < 0 || k >= len(r.Active) {
		return fmt.Errorf("churn: cohort %v: period %d not reached (row has %d): %w", r.Cohort, k, len(r.Active), satmetrics.ErrRange)
	}
	return nil
}

// ActiveRate returns Active[k] / Customers, the share of the cohort active
// in period k. It returns an error wrapping satmetrics.ErrRange for a
// period the row has not reached.
func (r *CohortRow) ActiveRate(k int) (float64, error) {
	if err := r.check(k); err != nil {
		return 0, err
	}
	return float64(r.Active[k]) / float64(r.Customers), nil
}

// SurvivingRate returns Surviving[k] / Customers, the share of the cohort
// active through period k. Errors are as for ActiveRate.
func (r *CohortRow) SurvivingRate(k int) (float64, error) {
	if err := r.check(k); err != nil {
		return 0, err
	}
	return float64(r.Surviving[k]) / float64(r.Customers), nil
}

// NetRevenueRetention returns NetMRR[k] / MRR, the cohort's net MRR
// retention in period k. It returns an error wrapping
// satmetrics.ErrUndefined for a cohort that started with no MRR, and errors
// as for ActiveRate.
func (r *CohortRow) NetRevenueRetention(k int) (float64, error) {
	return r.revenue(k, r.NetMRR)
}

// GrossRevenueRetention returns GrossMRR[k] / MRR, the cohort's gross MRR
// retention in period k, at most 1. Errors are as for NetRevenueRetention.
func (r *CohortRow) GrossRevenueRetention(k int) (float64, error) {
	return r.revenue(k, r.GrossMRR)
}

func (r *CohortRow) revenue(k int, v []float64) (float64, error) {
	if err := r.check(k); err != nil {
		return 0, err
	}
	if r.MRR == 0 {
		return 0, fmt.Errorf("churn: cohort %v: revenue retention of a cohort with no MRR: %w", r.Cohort, satmetrics.ErrUndefined)
	}
	return v[k] / r.MRR, nil
}

// A CohortTable holds one CohortRow per period in which customers first
// started, in order, through the last reported period. Periods is the
// number of columns of the triangle: the periods from the first cohort's
// through the last. The last period may be incomplete when the report runs
// through an instant inside it.
type CohortTable struct {
	Kind    satmetrics.PeriodKind `json:"kind"`
	Periods int                   `json:"periods"`
	Rows    []CohortRow           `json:"rows"`
}

// Cohorts returns the cohort table of the ledger's customers, grouped by
// the period (of cfg's kind and time zone) of their first start, through
// cfg.Through. Customers who first start after Through are not in it. The
// errors are those of Report.
func (l *Ledger) Cohorts(cfg ReportConfig) (*CohortTable, error) {
	r, err := l.replayer(cfg)
	if err != nil {
		return nil, err
	}
	tab := &CohortTable{Kind: r.cfg.Kind, Periods: len(r.periods)}
	rowOf := make(map[int]int) // period index of a cohort -> row
	_, err = r.run(func(indexed, *customer, int) {}, func(k int, _ []*customer, _ EventCounts) {
		for _, id := range r.order {
			c := r.customers[id]
			if !c.started {
				continue
			}
			c.gross = math.Min(c.gross, c.mrr)
			i, ok := rowOf[c.first]
			if !ok {
				i = len(tab.Rows)
				rowOf[c.first] = i
				tab.Rows = append(tab.Rows, CohortRow{Cohort: r.periods[c.first]})
			}
			row := &tab.Rows[i]
			off := k - c.first
			if off == 0 {
				row.Customers++
				row.MRR += c.initial
			}
			for len(row.Active) <= off {
				row.Active = append(row.Active, 0)
				row.Surviving = append(row.Surviving, 0)
				row.NetMRR = append(row.NetMRR, 0)
				row.GrossMRR = append(row.GrossMRR, 0)
			}
			if c.active || (c.touched == k && (c.atStart || c.startedIn)) {
				row.Active[off]++
			}
			if c.surviving {
				row.Surviving[off]++
			}
			row.NetMRR[off] += c.mrr
			row.GrossMRR[off] += c.gross
		}
	})
	if err != nil {
		return nil, err
	}
	// Rows were created in order of first start, which is period order.
	return tab, nil
}

// cohortJSON is a row of the JSON form, padded to the table's width with
// nulls for periods not reached.
type cohortJSON struct {
	Cohort          satmetrics.Period `json:"cohort"`
	Customers       int64             `json:"customers"`
	MRR             float64           `json:"mrr"`
	Active          []*int64          `json:"active"`
	Surviving       []*int64          `json:"surviving"`
	NetMRR          []*float64        `json:"net_mrr"`
	GrossMRR        []*float64        `json:"gross_mrr"`
	ActiveRate      []*float64        `json:"active_rate"`
	SurvivingRate   []*float64        `json:"surviving_rate"`
	NetMRRRetention []*float64        `json:"net_mrr_retention"`
	GrossRetention  []*float64        `json:"gross_mrr_retention"`
}

// MarshalJSON encodes the table with every row padded to Periods columns
// (offsets 0 to Periods-1 from the cohort's period): a period the cohort has
// not reached is null, and so is a revenue
// retention of a cohort that started with no MRR. Besides the counts and
// amounts, each row carries the rates active_rate, surviving_rate,
// net_mrr_retention and gross_mrr_retention.
func (t *CohortTable) MarshalJSON() ([]byte, error) {
	rows := make([]cohortJSON, len(t.Rows))
	for i := range t.Rows {
		r := &t.Rows[i]
		j := cohortJSON{Cohort: r.Cohort, Customers: r.Customers, MRR: r.MRR}
		width := max(t.Periods, r.Reached())
		for k := 0; k < width; k++ {
			if k >= r.Reached() {
				j.Active, j.Surviving = append(j.Active, nil), append(j.Surviving, nil)
				j.NetMRR, j.GrossMRR = append(j.NetMRR, nil), append(j.GrossMRR, nil)
				j.ActiveRate, j.SurvivingRate = append(j.ActiveRate, nil), append(j.SurvivingRate, nil)
				j.NetMRRRetention, j.GrossRetention = append(j.NetMRRRetention, nil), append(j.GrossRetention, nil)
				continue
			}
			a, s, n, g := r.Active[k], r.Surviving[k], r.NetMRR[k], r.GrossMRR[k]
			j.Active, j.Surviving = append(j.Active, &a), append(j.Surviving, &s)
			j.NetMRR, j.GrossMRR = append(j.NetMRR, &n), append(j.GrossMRR, &g)
			ar, _ := r.ActiveRate(k)
			sr, _ := r.SurvivingRate(k)
			j.ActiveRate, j.SurvivingRate = append(j.ActiveRate, &ar), append(j.SurvivingRate, &sr)
			if nr, err := r.NetRevenueRetention(k); err == nil {
				gr, _ := r.GrossRevenueRetention(k)
				j.NetMRRRetention, j.GrossRetention = append(j.NetMRRRetention, &nr), append(j.GrossRetention, &gr)
			} else {
				j.NetMRRRetention, j.GrossRetention = append(j.NetMRRRetention, nil), append(j.GrossRetention, nil)
			}
		}
		rows[i] = j
	}
	return json.Marshal(struct {
		Kind    satmetrics.PeriodKind `json:"kind"`
		Periods int                   `json:"periods"`
		Rows    []cohortJSON          `json:"rows"`
	}{t.Kind, t.Periods, rows})
}
