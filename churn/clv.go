package churn

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
)

// CLVOptions configures CLV: the horizon, cut into periods, and the
// discount rate per period. Periods and PeriodLength are required.
type CLVOptions struct {
	// Periods is the number of periods of the horizon (12 for a year of
	// months).
	Periods int
	// PeriodLength is the length of one period in the time unit of the
	// purchase model (52/12 for a month when the model is in weeks).
	PeriodLength float64
	// DiscountRate is the discount rate per period, d ≥ 0 (0.01 a month is
	// about 12.7% a year).
	DiscountRate float64
}

// CLV returns the customer lifetime value of a customer with history c
// over a finite horizon, by discounted cash flow: the expected purchases
// of each period from the purchase model m, times the expected amount per
// purchase from the spend model s, discounted to the end of the
// calibration period,
//
//	CLV = E[M | x, m_x] · Σ_{k=1}^{K} (E[Y(kΔ)] − E[Y((k−1)Δ)]) / (1+d)^k,
//
// with Δ = PeriodLength, K = Periods, E[Y(t)] the conditional expected
// purchases in the next t time units and E[M | x, m_x] the gamma-gamma
// conditional expected spend. Convention: the purchases of period k are
// valued at the end of period k, so the first period is already discounted
// once (the convention of the Python package lifetimes). The result is
// revenue; multiply by a margin for profit. It assumes, as the gamma-gamma
// model does, that spend is independent of purchase timing.
func CLV(m PurchaseModel, s GammaGamma, c RFM, opts CLVOptions) (float64, error) {
	if err := mdlCheckCLV(opts); err != nil {
		return 0, err
	}
	spend, err := s.ConditionalExpectedSpend(c)
	if err != nil {
		return 0, err
	}
	z := 1 / (1 + opts.DiscountRate)
	var v, prev float64
	disc := 1.0
	for k := 1; k <= opts.Periods; k++ {
		e, err := m.ConditionalExpectedPurchases(c, float64(k)*opts.PeriodLength)
		if err != nil {
			return 0, err
		}
		disc *= z
		v += (e - prev) * disc
		prev = e
	}
	return mdlResult("clv", v*spend)
}

func mdlCheckCLV(opts CLVOptions) error {
	switch {
	case opts.Periods < 1:
		return fmt.Errorf("churn: clv: %d periods: %w", opts.Periods, satmetrics.ErrRange)
	case !(opts.PeriodLength > 0 && opts.PeriodLength <= math.MaxFloat64):
		return fmt.Errorf("churn: clv: period length %v: %w", opts.PeriodLength, satmetrics.ErrRange)
	case !(opts.DiscountRate >= 0 && opts.DiscountRate <= math.MaxFloat64):
		return fmt.Errorf("churn: clv: discount rate %v: %w", opts.DiscountRate, satmetrics.ErrRange)
	}
	return nil
}

// CLVs appends to dst the CLV of every customer of data and returns the
// extended slice, for ranking customers by predicted value. It returns an
// error naming the first customer whose value is undefined; the values
// before it are in the returned slice.
func CLVs(m PurchaseModel, s GammaGamma, data []RFM, opts CLVOptions, dst []float64) ([]float64, error) {
	for i := range data {
		v, err := CLV(m, s, data[i], opts)
		if err != nil {
			return dst, fmt.Errorf("churn: clv of customer %d %q: %w", i, data[i].ID, err)
		}
		dst = append(dst, v)
	}
	return dst, nil
}
