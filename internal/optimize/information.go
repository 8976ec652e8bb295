package optimize

import (
	"fmt"
	"math"
)

// Covariance returns the estimated covariance matrix of maximum-likelihood
// estimates from the observed information: the inverse of the Hessian of
// the negative log-likelihood f at its minimum x,
//
//	Cov(θ̂) ≈ I(θ̂)⁻¹,   I(θ̂) = ∇²(-ℓ)(θ̂)
//
// (Efron and Hinkley 1978 argue for the observed rather than the expected
// information). The Hessian is that of Hessian with its default step, in
// the parameters that f takes: compute it in the natural parameters to get
// their covariance, even when the fit ran on transformed ones.
//
// It returns an error wrapping ErrNotPositiveDefinite when the Hessian is not
// positive definite (x is not a strict local minimum, or a parameter is not
// identified by the data), and the errors of Hessian.
func Covariance(f Func, x []float64) ([][]float64, error) {
	h, err := Hessian(f, x, 0)
	if err != nil {
		return nil, err
	}
	cov, err := InverseSPD(h)
	if err != nil {
		return nil, fmt.Errorf("optimize: Covariance: Hessian at %v: %w", x, err)
	}
	return cov, nil
}

// StdErrors returns the standard errors of maximum-likelihood estimates x,
// the minimum of the negative log-likelihood f: the square roots of the
// diagonal of Covariance(f, x),
//
//	se_i = √((I(θ̂)⁻¹)_ii)
//
// It returns the errors of Covariance.
func StdErrors(f Func, x []float64) ([]float64, error) {
	cov, err := Covariance(f, x)
	if err != nil {
		return nil, err
	}
	se := make([]float64, len(cov))
	for i := range se {
		se[i] = math.Sqrt(cov[i][i])
	}
	return se, nil
}
