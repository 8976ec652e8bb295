package churn

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/satmetrics/satmetrics"
)

// A Transaction is one purchase in a transaction log: who bought, when, and
// for how much (in any currency unit; it is only averaged).
type Transaction struct {
	Customer string    `json:"customer"`
	Time     time.Time `json:"time"`
	Amount   float64   `json:"amount"`
}

// An RFM is the summary of one customer's purchases that the
// non-contractual models (BG/NBD, Pareto/NBD, MBG/NBD, Gamma-Gamma) take as
// input, in the notation of Fader, Hardie and Lee:
//
//	x    Frequency: the number of repeat purchases in the calibration period
//	     (purchases after the first one)
//	t_x  Recency: the time of the last purchase, measured from the first one
//	     (0 when x = 0)
//	T    Age: the time from the first purchase to the end of the calibration
//	     period
//	m_x  Monetary: the mean amount of the x repeat purchases (0 when x = 0)
//
// Times are in the unit chosen when summarising (weeks by default). The
// holdout fields count what happened after the calibration period, for
// validating a model's forecasts.
type RFM struct {
	ID        string  `json:"id,omitempty"`
	Frequency int64   `json:"frequency"`
	Recency   float64 `json:"recency"`
	Age       float64 `json:"age"`
	Monetary  float64 `json:"monetary"`

	HoldoutFrequency int64   `json:"holdout_frequency,omitempty"` // purchases in the holdout period
	HoldoutMonetary  float64 `json:"holdout_monetary,omitempty"`  // their mean amount (0 if none)
	HoldoutDuration  float64 `json:"holdout_duration,omitempty"`  // length of the holdout period
}

// RFMOptions configures Summarize. CalibrationEnd is required; the zero
// value of every other field is a default.
type RFMOptions struct {
	// CalibrationEnd is the end of the calibration period. A purchase
	// belongs to the calibration period when the period (of kind Merge) that
	// contains it starts at or before CalibrationEnd, and a customer's age T
	// is measured from the start of the first purchase's period to
	// CalibrationEnd. With daily merging and CalibrationEnd at midnight, the
	// purchases of that last day are included and T counts whole days, the
	// convention of the CDNOW data sets and of the lifetimes package.
	CalibrationEnd time.Time

	// HoldoutEnd, if not zero, is the end of a holdout period that starts
	// after CalibrationEnd; purchases in periods starting after
	// CalibrationEnd and at or before HoldoutEnd are counted in the holdout
	// fields. It must not be before CalibrationEnd.
	HoldoutEnd time.Time

	// Unit is the time unit of recency, age and holdout duration. Zero
	// means one week (7 × 24 hours), the unit of the papers.
	Unit time.Duration

	// Merge is the period within which a customer's purchases count as one
	// purchase (their amounts are added). Zero means satmetrics.Day, the
	// convention of the papers: the models describe purchase occasions,
	// not order lines.
	Merge satmetrics.PeriodKind

	// Location is the time zone of the Merge periods; nil means UTC.
	Location *time.Location
}

// Summarize returns the RFM summary of every customer whose first purchase
// falls in the calibration period, sorted by customer ID. Transactions may
// come in any order; purchases after the end of the calibration period (or
// of the holdout period, when there is one) are ignored, except that they
// count in the holdout fields. The result is in the form that the papers'
// CDNOW summary uses: with opts.Unit a week and CalibrationEnd 1997-09-30,
// the CDNOW sample gives the published 2,357 rows.
//
// It returns an error wrapping satmetrics.ErrNoData if no customer made a
// purchase in the calibration period, and one wrapping satmetrics.ErrRange
// for an amount that is NaN or infinite, a zero CalibrationEnd, a
// HoldoutEnd before CalibrationEnd, a negative Unit or an invalid Merge.
func Summarize(txns []Transaction, opts RFMOptions) ([]RFM, error) {
	unit := opts.Unit
	if unit == 0 {
		unit = 7 * 24 * time.Hour
	}
	kind := opts.Merge
	if kind == 0 {
		kind = satmetrics.Day
	}
	loc := opts.Location
	if loc == nil {
		loc = time.UTC
	}
	switch {
	case opts.CalibrationEnd.IsZero():
		return nil, fmt.Errorf("churn: summarize: calibration end is not set: %w", satmetrics.ErrRange)
	case !opts.HoldoutEnd.IsZero() && opts.HoldoutEnd.Before(opts.CalibrationEnd):
		return nil, fmt.Errorf("churn: summarize: holdout end %v is before calibration end %v: %w",
			opts.HoldoutEnd, opts.CalibrationEnd, satmetrics.ErrRange)
	case unit < 0:
		return nil, fmt.Errorf("churn: summarize: unit %v: %w", unit, satmetrics.ErrRange)
	case !kind.Valid():
		return nil, fmt.Errorf("churn: summarize: merge period %v: %w", kind, satmetrics.ErrRange)
	}
	end := opts.CalibrationEnd
	if !opts.HoldoutEnd.IsZero() {
		end = opts.HoldoutEnd
	}

	// One occasion per customer and period, with the amounts added.
	type occasion struct {
		id     string
		start  time.Time
		amount float64
	}
	occ := make([]occasion, 0, len(txns))
	for i := range txns {
		t := &txns[i]
		if math.IsNaN(t.Amount) || math.IsInf(t.Amount, 0) {
			return nil, fmt.Errorf("churn: summarize: customer %q at %v: amount %v: %w",
				t.Customer, t.Time, t.Amount, satmetrics.ErrRange)
		}
		p, err := satmetrics.PeriodOf(kind, t.Time, loc)
		if err != nil {
			return nil, fmt.Errorf("churn: summarize: customer %q: %w", t.Customer, err)
		}
		s := p.Start()
		if s.After(end) {
			continue
		}
		occ = append(occ, occasion{t.Customer, s, t.Amount})
	}
	slices.SortFunc(occ, func(a, b occasion) int {
		if c := cmp.Compare(a.id, b.id); c != 0 {
			return c
		}
		return a.start.Compare(b.start)
	})

	u := float64(unit)
	var out []RFM
	for i := 0; i < len(occ); {
		j := i
		first := occ[i].start
		var r RFM
		r.ID = occ[i].id
		var last time.Time
		var spend, hold float64
		for ; j < len(occ) && occ[j].id == r.ID; j++ {
			// Merge the order lines of one period into one occasion.
			amt := occ[j].amount
			s := occ[j].start
			for j+1 < len(occ) && occ[j+1].id == r.ID && occ[j+1].start.Equal(s) {
				j++
				amt += occ[j].amount
			}
			switch {
			case s.Equal(first):
				// the first purchase: it starts the clock and is not a repeat
			case !s.After(opts.CalibrationEnd):
				r.Frequency++
				spend += amt
				last = s
			default:
				r.HoldoutFrequency++
				hold += amt
			}
		}
		i = j
		if first.After(opts.CalibrationEnd) {
			continue // not in the calibration cohort
		}
		r.Age = float64(opts.CalibrationEnd.Sub(first)) / u
		if r.Frequency > 0 {
			r.Recency = float64(last.Sub(first)) / u
			r.Monetary = spend / float64(r.Frequency)
		}
		if !opts.HoldoutEnd.IsZero() {
			r.HoldoutDuration = float64(opts.HoldoutEnd.Sub(opts.CalibrationEnd)) / u
			if r.HoldoutFrequency > 0 {
				r.HoldoutMonetary = hold / float64(r.HoldoutFrequency)
			}
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("churn: summarize: no purchase in the calibration period: %w", satmetrics.ErrNoData)
	}
	return out, nil
}

// mdlCheckRFM returns an error wrapping ErrModelData unless (x, tx, T) is a
// possible purchase history: x >= 0, 0 <= tx <= T finite, and tx = 0 when
// x = 0.
func mdlCheckRFM(x int64, tx, T float64) error {
	switch {
	case x < 0:
		return fmt.Errorf("churn: frequency %d is negative: %w", x, ErrModelData)
	case !(T >= 0 && T <= math.MaxFloat64):
		return fmt.Errorf("churn: age %v is not a finite non-negative number: %w", T, ErrModelData)
	case !(tx >= 0 && tx <= T):
		return fmt.Errorf("churn: recency %v is not in [0, age %v]: %w", tx, T, ErrModelData)
	case x == 0 && tx != 0:
		return fmt.Errorf("churn: recency %v with frequency 0 (must be 0): %w", tx, ErrModelData)
	}
	return nil
}
