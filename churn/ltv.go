package churn

import (
	"fmt"

	"github.com/satmetrics/satmetrics"
)

// LTV returns the lifetime value of a customer: the gross profit per period
// over the expected lifetime of 1/churn periods,
//
//	LTV = ARPA × margin / churn,
//
// with ARPA the average revenue per account per period, margin the gross
// margin as a fraction in [0, 1] and churn the customer churn rate per
// period of the same length. ChartMogul's chart [1] uses margin 1. It
// returns an error wrapping satmetrics.ErrUndefined for a churn rate of 0
// (the value would be infinite), one wrapping satmetrics.ErrRange for a
// margin or rate outside [0, 1], and one wrapping ErrNegative or
// ErrNotFinite for a bad ARPA.
func LTV(arpa, margin, churn float64) (float64, error) {
	if err := checkLTVInputs(arpa, margin, churn); err != nil {
		return 0, err
	}
	if churn == 0 {
		return 0, fmt.Errorf("churn: LTV: churn rate is 0: %w", satmetrics.ErrUndefined)
	}
	return arpa * margin / churn, nil
}

func checkLTVInputs(arpa, margin, churn float64) error {
	if err := checkNonNegative("ARPA", arpa); err != nil {
		return err
	}
	if err := checkRate("gross margin", margin); err != nil {
		return err
	}
	if err := checkRate("churn rate", churn); err != nil {
		return err
	}
	return nil
}

// DiscountedLTV returns the lifetime value of a customer who pays ARPA at
// the start of every period while active, stays from one period to the next
// with probability 1 - churn, and whose future profit is discounted at rate
// discount per period,
//
//	LTV_d = Σ_{t≥0} ARPA × margin × (1 - churn)^t / (1 + discount)^t
//	      = ARPA × margin × (1 + discount) / (discount + churn).
//
// This is the formula of Gupta and Lehmann [4], m r / (1 + i - r) with
// retention r = 1 - churn, plus the first period's margin m, which they
// count as already earned. With discount 0 it equals LTV. Both churn and
// discount 0 is an error wrapping satmetrics.ErrUndefined; a discount that
// is negative or not finite one wrapping ErrNegative or ErrNotFinite; other
// errors are as for LTV.
func DiscountedLTV(arpa, margin, churn, discount float64) (float64, error) {
	if err := checkLTVInputs(arpa, margin, churn); err != nil {
		return 0, err
	}
	if err := checkNonNegative("discount rate", discount); err != nil {
		return 0, err
	}
	if churn+discount == 0 {
		return 0, fmt.Errorf("churn: discounted LTV: churn and discount rates are 0: %w", satmetrics.ErrUndefined)
	}
	return arpa * margin * (1 + discount) / (discount + churn), nil
}

// LTVToCAC returns the ratio of lifetime value to the cost of acquiring a
// customer, LTV / CAC (3 or more is the usual rule of thumb). It returns an
// error wrapping satmetrics.ErrUndefined for a CAC of 0 and one wrapping
// ErrNegative or ErrNotFinite for negative or non-finite inputs.
func LTVToCAC(ltv, cac float64) (float64, error) {
	if err := checkNonNegative("LTV", ltv); err != nil {
		return 0, err
	}
	if err := checkNonNegative("CAC", cac); err != nil {
		return 0, err
	}
	if cac == 0 {
		return 0, fmt.Errorf("churn: LTV to CAC: CAC is 0: %w", satmetrics.ErrUndefined)
	}
	return ltv / cac, nil
}

// CACPayback returns the number of periods (months, for a monthly ARPA)
// that a customer's gross profit takes to repay the cost of acquiring them,
//
//	payback = CAC / (ARPA × margin).
//
// It returns an error wrapping satmetrics.ErrUndefined when ARPA × margin
// is 0 (the cost is never repaid), and errors as for LTV for bad inputs.
func CACPayback(cac, arpa, margin float64) (float64, error) {
	if err := checkNonNegative("CAC", cac); err != nil {
		return 0, err
	}
	if err := checkNonNegative("ARPA", arpa); err != nil {
		return 0, err
	}
	if err := checkRate("gross margin", margin); err != nil {
		return 0, err
	}
	if arpa*margin == 0 {
		return 0, fmt.Errorf("churn: CAC payback: ARPA × margin is 0: %w", satmetrics.ErrUndefined)
	}
	return cac / (arpa * margin), nil
}
