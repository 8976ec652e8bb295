package optimize

import "errors"

// Sentinel errors of the package. Every error returned here wraps one of
// them, so that callers can test with errors.Is. The metric packages that
// fit models wrap them again with satmetrics.ErrUndefined where a fit or a
// standard error is undefined for the user's data; this package does not
// import the root package, so that the root may one day use it.
var (
	// ErrDimension reports an empty starting point or a parameter vector
	// whose length does not match.
	ErrDimension = errors.New("optimize: empty or mismatched parameter vector")

	// ErrNotFinite reports a starting point with a non-finite coordinate, or
	// an objective that is not finite where it must be: at the starting
	// point of a minimisation, or at a point of a finite-difference stencil.
	ErrNotFinite = errors.New("optimize: objective or point is not finite")

	// ErrSettings reports a negative or NaN tolerance, step or limit.
	ErrSettings = errors.New("optimize: invalid settings")

	// ErrDomain reports a parameter value outside the domain of its
	// Transform: zero or negative for Positive, outside the open interval
	// for Interval, or NaN.
	ErrDomain = errors.New("optimize: parameter outside the domain of its transform")

	// ErrNotPositiveDefinite reports a matrix that has no Cholesky factor:
	// not positive definite, numerically singular, or with a non-finite
	// entry. For a Hessian of a negative log-likelihood this means that the
	// point is not a strict local minimum or that a parameter is not
	// identified by the data, and standard errors are undefined.
	ErrNotPositiveDefinite = errors.New("optimize: matrix is not positive definite")
)
