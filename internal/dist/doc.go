// Package dist holds the probability distributions that satmetrics needs for
// intervals and tests: the normal, Student t, chi-square, F, beta and gamma
// distributions, each with its cumulative distribution function, survival
// function (upper tail, computed directly so that small p-values keep their
// precision) and quantile function.
//
// All of them reduce to the special functions of internal/special:
//
//	normal      Φ(x) = erfc(-x/√2)/2
//	Student t   F(t; ν) = 1 - ½ I_x(ν/2, ½),  x = ν/(ν+t²),  t >= 0
//	chi-square  F(x; k) = P(k/2, x/2)
//	F           F(x; d1, d2) = I_u(d1/2, d2/2),  u = d1 x/(d1 x + d2)
//	beta        F(x; a, b) = I_x(a, b)
//	gamma       F(x; k, θ) = P(k, x/θ)
//
// where I is the regularised incomplete beta function and P the regularised
// lower incomplete gamma function. Survival functions use the complements
// 1 - I_x(a,b) = I_(1-x)(b,a) and Q = 1 - P, evaluated directly with the
// complementary argument formed without cancellation, and quantiles invert
// the same relations (special.RegIncBetaInvPair, special.RegIncGammaInvPair).
//
// Accuracy, against R and mpmath (testdata/): relative error below 1e-12
// for CDFs, survival functions and quantiles over degrees of freedom 1 to
// 1e8 and shapes 0.01 to 1e5, tails down to 1e-300 (the worst case per
// table is logged by the tests).
//
// The functions do not validate their parameters beyond returning NaN for
// arguments outside the domain: the public packages validate user input and
// turn it into errors before calling here.
//
// References:
//
//	[1] M. Abramowitz and I. A. Stegun, Handbook of Mathematical Functions,
//	    1964, chapter 26.
//	[2] M. J. Wichura, "Algorithm AS 241: The Percentage Points of the
//	    Normal Distribution", Applied Statistics 37(3), 1988, pp. 477-484.
//	[3] A. R. DiDonato and A. H. Morris, "Algorithm 708: Significant digit
//	    computation of the incomplete beta function ratios", ACM TOMS 18(3),
//	    1992, pp. 360-373.
//	[4] G. W. Cran, K. J. Martin and G. E. Thomas, "Algorithm AS 109:
//	    Inverse of the incomplete beta function ratio", Applied Statistics
//	    26(1), 1977, pp. 111-114 (starting values of the beta inversion).
package dist
