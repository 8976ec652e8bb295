// Package dist holds the probability distributions that satmetrics needs for
// intervals and tests: the normal, Student t, chi-square, beta and gamma
// distributions, each with its cumulative distribution function, survival
// function (upper tail, computed directly so that small p-values keep their
// precision) and quantile function.
//
// The functions do not validate their parameters beyond returning NaN for
// arguments outside the domain: the public packages validate user input and
// turn it into errors before calling here.
//
// Reference values for the tests come from R and SciPy (see testdata/ and the
// scripts beside them); each table states its tolerance.
package dist
