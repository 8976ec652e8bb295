// Package optimize holds the numerical optimisation that the retention
// models need to fit their parameters by maximum likelihood and to report
// standard errors: a derivative-free Nelder-Mead minimiser with restarts, a
// BFGS quasi-Newton minimiser, transforms that keep parameters positive or
// inside an interval, finite-difference gradients and Hessians, and the
// covariance of estimates from the observed information.
//
// # Fitting a model
//
// The models of churn (sBG, BG/NBD, Pareto/NBD, BG/BB, Gamma-Gamma) have two
// to four positive parameters and smooth log-likelihoods summed over
// thousands of customers. The recipe is:
//
//	tr := optimize.NewTransformed(negLogLik, []optimize.Transform{
//		optimize.Positive(), optimize.Positive(), optimize.Positive(), optimize.Positive()})
//	y0, err := tr.ToInternal(start)            // e.g. {1, 1, 1, 1}
//	res, err := optimize.NelderMead(tr.Func, y0, optimize.Settings{})
//	// or, faster, optimize.BFGS(optimize.NumGrad(tr.Func, 0), y0, optimize.BFGSSettings{})
//	// or with an analytic gradient, optimize.BFGS(tr.FuncGrad(negLogLikGrad), ...)
//	if !res.Converged { ... }                  // budget exhausted: report, do not hide
//	mle := tr.FromInternal(res.X)
//	se, err := tr.StdErrors(res.X)             // errors.Is(err, optimize.ErrNotPositiveDefinite)
//	// or from an analytic gradient: optimize.InverseSPD of optimize.HessianGrad(negLogLikGrad, mle, 0)
//
// On the CDNOW sample (2,357 customers) BG/NBD takes about 650 evaluations
// of the log-likelihood by Nelder-Mead with its restarts, and 28 calls of
// BFGS (each with a gradient: 9 evaluations through NumGrad, about 1.3
// through an analytic gradient); see BenchmarkBGNBDFit.
//
// # Nelder-Mead
//
// The simplex method of Nelder and Mead [1] in the formulation of Lagarias
// et al. [2], which is that of MATLAB's fminsearch and SciPy. The n+1
// vertices are kept sorted, f(v_0) <= ... <= f(v_n); with x̄ the centroid
// of the n best, each iteration tries
//
//	reflection   x_r  = x̄ + ρ(x̄ - v_n)         accept if f(v_0) <= f_r < f(v_n-1)
//	expansion    x_e  = x̄ + ρχ(x̄ - v_n)        if f_r < f(v_0): keep the better of x_e, x_r
//	outside      x_c  = x̄ + γ(x_r - x̄)         if f(v_n-1) <= f_r < f(v_n): accept if f_c <= f_r
//	inside       x_cc = x̄ - γ(x̄ - v_n)         if f_r >= f(v_n): accept if f_cc < f(v_n)
//	shrink       v_i  = v_0 + σ(v_i - v_0)     otherwise, for i = 1..n
//
// with ρ = 1, χ = 2, γ = 1/2, σ = 1/2, or the adaptive coefficients of Gao
// and Han [3], ρ = 1, χ = 1 + 2/n, γ = 3/4 - 1/(2n), σ = 1 - 1/n. A new
// vertex is ranked after the vertices of equal value. The initial simplex
// is x0 and x0 + InitialStep·max(|x0_i|, 1)·e_i. A run stops when both the
// values and the vertices have come together (see Settings.FTol and XTol).
// Nelder-Mead can converge to a point that is not stationary (McKinnon
// [4]); a restart, which rebuilds the simplex at the best point, detects and
// escapes this, as users of R's optim and the BTYD and lifetimes packages
// do by hand. Points where f is NaN or infinite count as +Inf.
//
// # BFGS
//
// The quasi-Newton method of Broyden, Fletcher, Goldfarb and Shanno with
// the inverse-Hessian update and a line search for the strong Wolfe
// conditions, as in Nocedal and Wright [5] (algorithms 6.1, 3.5, 3.6):
//
//	p_k     = -H_k ∇f(x_k),   x_k+1 = x_k + α_k p_k
//	s_k     = x_k+1 - x_k,    y_k = ∇f(x_k+1) - ∇f(x_k),   ρ_k = 1/(y_kᵀ s_k)
//	H_k+1   = (I - ρ_k s_k y_kᵀ) H_k (I - ρ_k y_k s_kᵀ) + ρ_k s_k s_kᵀ
//
// starting from H_0 = (y_0ᵀs_0 / y_0ᵀy_0)·I after the first step. It
// stops when the decrease the model predicts, ½∇fᵀH∇f, is below
// Tol·max(1, |f|).
//
// # Transforms
//
// Positive maps y ∈ ℝ to x = exp(y), Interval(a, b) to x = a + (b-a)/(1+e^-y),
// so that an unconstrained minimiser never proposes an invalid parameter.
// Results are clamped inside the domain where exp or the logistic round
// onto its boundary.
//
// # Standard errors
//
// For a negative log-likelihood f with minimum θ̂, the covariance of the
// estimates is estimated by the inverse of the observed information [6],
//
//	Cov(θ̂) ≈ H⁻¹,   H_ij = ∂²f/∂θ_i∂θ_j (θ̂),   se_i = √((H⁻¹)_ii)
//
// Hessian computes H by central differences with Richardson extrapolation
// [7] (error O(h⁴)); InverseSPD inverts it through its Cholesky factor and
// returns ErrNotPositiveDefinite when H is not positive definite: the point
// is not a strict minimum, or a parameter is not identified, and standard
// errors are undefined. Transformed.Covariance differentiates in the
// internal coordinates and maps back, Cov(x̂) = J·H_y⁻¹·Jᵀ with
// J = diag(dx_i/dy_i), which is exact at a stationary point and keeps a
// suitable step for every parameter. With an analytic gradient, HessianGrad
// differentiates the gradient instead, in 2n calls.
//
// # References
//
// [1] J. A. Nelder and R. Mead, "A simplex method for function
// minimization", The Computer Journal 7(4), 1965, pp. 308-313.
//
// [2] J. C. Lagarias, J. A. Reeds, M. H. Wright and P. E. Wright,
// "Convergence properties of the Nelder-Mead simplex method in low
// dimensions", SIAM Journal on Optimization 9(1), 1998, pp. 112-147.
//
// [3] F. Gao and L. Han, "Implementing the Nelder-Mead simplex algorithm
// with adaptive parameters", Computational Optimization and Applications
// 51(1), 2012, pp. 259-277.
//
// [4] K. I. M. McKinnon, "Convergence of the Nelder-Mead simplex method to
// a nonstationary point", SIAM Journal on Optimization 9(1), 1998,
// pp. 148-158.
//
// [5] J. Nocedal and S. J. Wright, Numerical Optimization, 2nd ed.,
// Springer, 2006, chapters 3 and 6.
//
// [6] B. Efron and D. V. Hinkley, "Assessing the accuracy of the maximum
// likelihood estimator: observed versus expected Fisher information",
// Biometrika 65(3), 1978, pp. 457-482.
//
// [7] L. F. Richardson, "The approximate arithmetical solution by finite
// differences of physical problems", Philosophical Transactions of the
// Royal Society A 210, 1911, pp. 307-357.
//
// The tests check the minimisers against SciPy's Nelder-Mead (the same
// path, evaluation for evaluation), the published BG/NBD fit of the CDNOW
// data (Fader, Hardie and Lee 2005) and fits in R (testdata/ holds the
// scripts and their output), and the standard errors against closed forms.
package optimize
