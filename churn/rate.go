package churn

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
)

// A Flow counts the customers of one period by whether they were active at
// its start and at its end, and by what happened to them in between. Every
// customer who was active at the start, or had any event in the period, is
// in exactly one of Retained, Lost, New, Reactivated, JoinedAndChurned and
// ReturnedAndChurned, so that
//
//	Start = Retained + Lost
//	End   = Retained + New + Reactivated
//
// ChurnedAndReactivated is the part of Retained that churned and came back
// within the period. Ledger.Report fills Flows from raw events; a Flow can
// also be filled by hand from counts kept elsewhere.
type Flow struct {
	Start                 int64 `json:"start"`                   // active at the start of the period
	End                   int64 `json:"end"`                     // active at the end of the period
	Retained              int64 `json:"retained"`                // active at the start and at the end
	Lost                  int64 `json:"lost"`                    // active at the start, not at the end
	New                   int64 `json:"new"`                     // first start ever in the period, active at the end
	Reactivated           int64 `json:"reactivated"`             // returned in the period after churning in an earlier one, active at the end
	JoinedAndChurned      int64 `json:"joined_and_churned"`      // first start ever in the period, not active at the end
	ReturnedAndChurned    int64 `json:"returned_and_churned"`    // returned in the period and churned again before its end
	ChurnedAndReactivated int64 `json:"churned_and_reactivated"` // of Retained: churned in the period and came back before its end
}

// Validate returns nil if the counts of f are non-negative and add up as
// the Flow documentation says, and otherwise an error wrapping
// satmetrics.ErrRange that names the first identity that fails.
func (f Flow) Validate() error {
	for _, c := range [...]struct {
		name string
		v    int64
	}{
		{"start", f.Start}, {"end", f.End}, {"retained", f.Retained}, {"lost", f.Lost},
		{"new", f.New}, {"reactivated", f.Reactivated}, {"joined and churned", f.JoinedAndChurned},
		{"returned and churned", f.ReturnedAndChurned}, {"churned and reactivated", f.ChurnedAndReactivated},
	} {
		if c.v < 0 {
			return fmt.Errorf("churn: flow: %s count %d: %w", c.name, c.v, ErrNegative)
		}
	}
	if f.Retained+f.Lost != f.Start {
		return fmt.Errorf("churn: flow: retained %d + lost %d != start %d: %w", f.Retained, f.Lost, f.Start, satmetrics.ErrRange)
	}
	if f.Retained+f.New+f.Reactivated != f.End {
		return fmt.Errorf("churn: flow: retained %d + new %d + reactivated %d != end %d: %w",
			f.Retained, f.New, f.Reactivated, f.End, satmetrics.ErrRange)
	}
	if f.ChurnedAndReactivated > f.Retained {
		return fmt.Errorf("churn: flow: churned and reactivated %d > retained %d: %w", f.ChurnedAndReactivated, f.Retained, satmetrics.ErrRange)
	}
	return nil
}

// Add adds the counts of g to f, for totals over segments of the same
// period.
func (f *Flow) Add(g Flow) {
	f.Start += g.Start
	f.End += g.End
	f.Retained += g.Retained
	f.Lost += g.Lost
	f.New += g.New
	f.Reactivated += g.Reactivated
	f.JoinedAndChurned += g.JoinedAndChurned
	f.ReturnedAndChurned += g.ReturnedAndChurned
	f.ChurnedAndReactivated += g.ChurnedAndReactivated
}

// A Convention says which customers count as churned in a period. The zero
// Convention is B2B, ChartMogul's standard formula: the customers active at
// the start of the period who are not active at its end. The two choices add
// the customers that formula leaves out.
type Convention struct {
	// CountJoinedAndChurned adds the customers who were not active at the
	// start of the period and both started (or returned) and churned in it:
	// Flow.JoinedAndChurned + Flow.ReturnedAndChurned.
	CountJoinedAndChurned bool `json:"count_joined_and_churned"`

	// CountChurnedAndReactivated adds the customers active at the start who
	// churned and came back within the period: Flow.ChurnedAndReactivated.
	CountChurnedAndReactivated bool `json:"count_churned_and_reactivated"`
}

// The conventions for counting churned customers.
var (
	// B2B is ChartMogul's standard (B2B) formula, the default: churned
	// customers exclude those who joined and churned in the period and those
	// who churned and reactivated in it.
	B2B = Convention{}

	// AllChurn counts every customer who churned in the period, including
	// those who joined and churned and those who churned and came back. With
	// it, the churn rate and the retention rate no longer add up to 1, and
	// the churn rate can exceed 1 in a period of many short-lived sign-ups
	// (ChurnRate then returns an error).
	AllChurn = Convention{CountJoinedAndChurned: true, CountChurnedAndReactivated: true}
)

// Churned returns the number of churned customers of f under convention c.
func (f Flow) Churned(c Convention) int64 {
	n := f.Lost
	if c.CountJoinedAndChurned {
		n += f.JoinedAndChurned + f.ReturnedAndChurned
	}
	if c.CountChurnedAndReactivated {
		n += f.ChurnedAndReactivated
	}
	return n
}

// ChurnRate returns the customer churn rate of the period, f.Churned(c) /
// f.Start, as ChurnRate computes it. It validates f first.
func (f Flow) ChurnRate(c Convention, level float64) (satmetrics.Estimate, error) {
	if err := f.Validate(); err != nil {
		return satmetrics.Estimate{}, err
	}
	return ChurnRate(f.Churned(c), f.Start, level)
}

// RetentionRate returns the customer retention rate of the period,
// (End - New - Reactivated) / Start, as RetentionRate computes it. It
// validates f first. Under the B2B convention it equals 1 minus the churn
// rate.
func (f Flow) RetentionRate(level float64) (satmetrics.Estimate, error) {
	if err := f.Validate(); err != nil {
		return satmetrics.Estimate{}, err
	}
	return RetentionRate(f.End, f.New+f.Reactivated, f.Start, level)
}

// ChurnRate returns the customer churn rate of a period, a fraction of the
// customers at its start,
//
//	churn = churned / start,
//
// with its binomial standard error √(p(1-p)/start) and Wilson's score
// interval at level (see doc.go). Rates in this package are fractions, not
// percents: 0.05 is 5%.
//
// It returns an error wrapping satmetrics.ErrNoData when start is 0, one
// wrapping ErrNegative for a negative count, one wrapping
// satmetrics.ErrRange when churned exceeds start, and one wrapping
// satmetrics.ErrLevel for a level outside (0, 1).
func ChurnRate(churned, start int64, level float64) (satmetrics.Estimate, error) {
	if churned < 0 || start < 0 {
		return satmetrics.Estimate{}, fmt.Errorf("churn: churn rate of %d of %d: %w", churned, start, ErrNegative)
	}
	if start == 0 {
		return satmetrics.Estimate{}, fmt.Errorf("churn: churn rate: no customers at the start of the period: %w", satmetrics.ErrNoData)
	}
	if churned > start {
		return satmetrics.Estimate{}, fmt.Errorf("churn: churn rate: %d churned of %d at the start: %w", churned, start, satmetrics.ErrRange)
	}
	return proportion(churned, start, level)
}

// RetentionRate returns the customer retention rate of a period,
//
//	retention = (E - N) / S,
//
// with E the customers active at its end, N those of them gained in the
// period (new and reactivated) and S those active at its start, with the
// binomial standard error and Wilson's interval as at ChurnRate.
//
// It returns an error wrapping satmetrics.ErrNoData when start is 0, one
// wrapping ErrNegative for a negative count, one wrapping
// satmetrics.ErrRange when E - N is negative or exceeds S, and one wrapping
// satmetrics.ErrLevel for a level outside (0, 1).
func RetentionRate(end, gained, start int64, level float64) (satmetrics.Estimate, error) {
	if end < 0 || gained < 0 || start < 0 {
		return satmetrics.Estimate{}, fmt.Errorf("churn: retention rate of end %d, gained %d, start %d: %w", end, gained, start, ErrNegative)
	}
	if start == 0 {
		return satmetrics.Estimate{}, fmt.Errorf("churn: retention rate: no customers at the start of the period: %w", satmetrics.ErrNoData)
	}
	kept := end - gained
	if kept < 0 || kept > start {
		return satmetrics.Estimate{}, fmt.Errorf("churn: retention rate: end %d - gained %d is outside [0, start %d]: %w", end, gained, start, satmetrics.ErrRange)
	}
	return proportion(kept, start, level)
}

// proportion returns x/n with its binomial standard error and Wilson's score
// interval (see satmetrics.Proportion).
func proportion(x, n int64, level float64) (satmetrics.Estimate, error) {
	e, err := satmetrics.Proportion(float64(x), float64(n), level, satmetrics.Wilson)
	if err != nil {
		return satmetrics.Estimate{}, fmt.Errorf("churn: %w", err)
	}
	return e, nil
}

// checkRate returns an error unless r is a finite rate in [0, 1].
func checkRate(what string, r float64) error {
	if err := checkNonNegative(what, r); err != nil {
		return err
	}
	if r > 1 {
		return fmt.Errorf("churn: %s %v is above 1: %w", what, r, satmetrics.ErrRange)
	}
	return nil
}

// CompoundRate returns the churn rate over k periods of a constant churn
// rate per period,
//
//	churn_k = 1 - (1 - churn)^k,
//
// so that a monthly rate of 0.05 is an annual rate of 1 - 0.95¹² = 0.4596
// (k = 12), and an annual rate of 0.4596 a monthly one of 0.05 (k = 1/12).
// It returns an error wrapping satmetrics.ErrRange for a rate outside
// [0, 1] or a k that is not finite and positive.
func CompoundRate(rate, k float64) (float64, error) {
	if err := checkRate("churn rate", rate); err != nil {
		return 0, err
	}
	if !(k > 0) || k > maxFloat {
		return 0, fmt.Errorf("churn: compound rate: number of periods %v: %w", k, satmetrics.ErrRange)
	}
	// -expm1(k log1p(-r)) keeps precision for small rates and small k.
	return -math.Expm1(k * math.Log1p(-rate)), nil
}

// periodsPerYear is the mean number of periods of each kind in a Gregorian
// year of 365.2425 days.
var periodsPerYear = [...]float64{
	satmetrics.Day:     365.2425,
	satmetrics.Week:    365.2425 / 7,
	satmetrics.Month:   12,
	satmetrics.Quarter: 4,
	satmetrics.Year:    1,
}

// ConvertRate converts a churn rate per period of kind from into the rate
// per period of kind to by compounding (see CompoundRate), with
// k = (periods of kind from per year) / (periods of kind to per year). Months,
// quarters and years convert exactly (k = 3, 4, 12, ...); days and weeks use
// the mean Gregorian year of 365.2425 days. It returns an error wrapping
// satmetrics.ErrRange for an invalid kind or a rate outside [0, 1].
func ConvertRate(rate float64, from, to satmetrics.PeriodKind) (float64, error) {
	if !from.Valid() || !to.Valid() {
		return 0, fmt.Errorf("churn: convert rate from %v to %v: %w", from, to, satmetrics.ErrRange)
	}
	return CompoundRate(rate, periodsPerYear[from]/periodsPerYear[to])
}

// ExpectedLifetime returns the expected lifetime, in periods, of a customer
// who churns with a constant probability per period, the mean of a
// geometric distribution,
//
//	lifetime = 1 / churn.
//
// It returns an error wrapping satmetrics.ErrUndefined for a churn rate of
// 0 (customers who never leave have no finite lifetime) and one wrapping
// satmetrics.ErrRange for a rate outside [0, 1].
func ExpectedLifetime(rate float64) (float64, error) {
	if err := checkRate("churn rate", rate); err != nil {
		return 0, err
	}
	if rate == 0 {
		return 0, fmt.Errorf("churn: expected lifetime: churn rate is 0: %w", satmetrics.ErrUndefined)
	}
	return 1 / rate, nil
}
