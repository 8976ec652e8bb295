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

// Covariance returns the covariance matrix of maximum-likelihood estimates
// in the natural parameters, computed from the Hessian of Func (the negative
// log-likelihood in internal coordinates) at its minimum y:
//
//	Cov(x̂) = J·H_y⁻¹·Jᵀ,   J = diag(dx_i/dy_i)
//
// At a stationary point H_y = Jᵀ·H_x·J exactly, so this equals the
// covariance from the natural Hessian; but the finite differences run on
// the internal scale, with steps DefaultHessianStep·max(|y_i|, 1): a
// relative step for a Positive parameter however small it is, and an
// absolute one for an Identity parameter near zero, where the relative step
// of Hessian would drown in rounding. Prefer it to the function Covariance
// after a fit on transformed parameters.
//
// It returns an error wrapping ErrNotPositiveDefinite when the Hessian is
// not positive definite, ErrNotFinite when Func is not finite on the
// stencil, and ErrDimension when len(y) is not Dim().
func (t *Transformed) Covariance(y []float64) ([][]float64, error) {
	if len(y) != len(t.ts) {
		return nil, fmt.Errorf("optimize: Transformed.Covariance: %d values for %d transforms: %w", len(y), len(t.ts), ErrDimension)
	}
	h, err := hessian("Transformed.Covariance", t.Func, y, DefaultHessianStep, internalStep)
	if err != nil {
		return nil, err
	}
	cov, err := InverseSPD(h)
	if err != nil {
		return nil, fmt.Errorf("optimize: Transformed.Covariance: Hessian at %v: %w", t.FromInternal(y), err)
	}
	for i, ti := range t.ts {
		di := ti.Deriv(y[i])
		for j, tj := range t.ts {
			cov[i][j] *= di * tj.Deriv(y[j])
		}
	}
	return cov, nil
}

// StdErrors returns the standard errors of the natural parameters, the
// square roots of the diagonal of Covariance(y). It returns the errors of
// Covariance.
func (t *Transformed) StdErrors(y []float64) ([]float64, error) {
	cov, err := t.Covariance(y)
	if err != nil {
		return nil, err
	}
	se := make([]float64, len(cov))
	for i := range se {
		se[i] = math.Sqrt(cov[i][i])
	}
	return se, nil
}
