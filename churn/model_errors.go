package churn

import "errors"

// Sentinel errors of the retention and lifetime-value models. Errors returned
// by the fitting functions and by the models' methods wrap one of them (and,
// where it applies, a sentinel of the root package such as
// satmetrics.ErrNoData), so that errors.Is works.
var (
	// ErrModelData reports data that a model cannot be fitted to or scored
	// on: no customers, a recency larger than the customer's age, survivor
	// counts that increase, or data that puts the maximum of the likelihood
	// on the boundary of the parameter space (no repeat buyers, no churn at
	// all), where the parameters are not identified.
	ErrModelData = errors.New("churn: data unsuitable for the model")

	// ErrModelParams reports model parameters that are not valid: not
	// positive, NaN or infinite, or outside the range where a requested
	// quantity is defined (an expected lifetime that is infinite).
	ErrModelParams = errors.New("churn: invalid model parameters")

	// ErrFitNotConverged reports that the optimiser stopped before it met its
	// convergence criterion. The fitting functions still return the best
	// parameters found, with FitInfo.Converged false; FitInfo.Err returns an
	// error wrapping ErrFitNotConverged for callers that want to treat this
	// as a failure.
	ErrFitNotConverged = errors.New("churn: model fit did not converge")
)
