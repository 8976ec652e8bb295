package dist

import (
	"fmt"
	"testing"
)

// Reference values (see testdata/):
//
//   - *_cdf.csv: R's nmath library (pnorm, pt, pchisq, pf, pbeta, pgamma,
//     each with lower.tail = TRUE and FALSE, the upper tail computed
//     directly by R), written by testdata/gen_reference.R; also
//     normal_quantile.csv (qnorm).
//   - studentt_bigdf_cdf.csv (df 4e5, 1e6, 1e8, where R's pt switches to a
//     normal approximation) and the other *_quantile.csv files: mpmath at 40
//     digits, written by testdata/gen_reference.py. R's qbeta, qf, qchisq
//     and qt were checked against mpmath and found accurate only to 1e-5 ..
//     1e-10 relative in parts of the grid, so they are not used.
//
// Tolerances (relative, on each of CDF and survival function in its own
// tail, and on quantiles) are stated per table below; the worst error seen
// is logged by each subtest.

// cdfCase is one distribution's CDF and survival function under test; the
// parameters are the table's columns between x and the two probabilities.
type cdfCase struct {
	file    string
	nparams int
	cdf, sf func(x float64, par []float64) float64
	tol     float64
}

func TestCDFReference(t *testing.T) {
	cases := []cdfCase{
		{file: "normal_cdf.csv", nparams: 0, tol: 1e-14,
			cdf: func(x float64, _ []float64) float64 { return NormalCDF(x) },
			sf:  func(x float64, _ []float64) float64 { return NormalSurvival(x) }},
		{file: "studentt_cdf.csv", nparams: 1, tol: 1e-12,
			cdf: func(x float64, p []float64) float64 { return StudentTCDF(x, p[0]) },
			sf:  func(x float64, p []float64) float64 { return StudentTSurvival(x, p[0]) }},
		{file: "studentt_bigdf_cdf.csv", nparams: 1, tol: 1e-12,
			cdf: func(x float64, p []float64) float64 { return StudentTCDF(x, p[0]) },
			sf:  func(x float64, p []float64) float64 { return StudentTSurvival(x, p[0]) }},
		{file: "chisquare_cdf.csv", nparams: 1, tol: 1e-12,
			cdf: func(x float64, p []float64) float64 { return ChiSquareCDF(x, p[0]) },
			sf:  func(x float64, p []float64) float64 { return ChiSquareSurvival(x, p[0]) }},
		{file: "f_cdf.csv", nparams: 2, tol: 2e-12,
			cdf: func(x float64, p []float64) float64 { return FCDF(x, p[0], p[1]) },
			sf:  func(x float64, p []float64) float64 { return FSurvival(x, p[0], p[1]) }},
		{file: "beta_cdf.csv", nparams: 2, tol: 2e-12,
			cdf: func(x float64, p []float64) float64 { return BetaCDF(x, p[0], p[1]) },
			sf:  func(x float64, p []float64) float64 { return BetaSurvival(x, p[0], p[1]) }},
		{file: "gamma_cdf.csv", nparams: 2, tol: 1e-12,
			cdf: func(x float64, p []float64) float64 { return GammaCDF(x, p[0], p[1]) },
			sf:  func(x float64, p []float64) float64 { return GammaSurvival(x, p[0], p[1]) }},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			var sc, ss errStats
			for _, r := range readTable(t, c.file) {
				x, par := r[0], r[1:1+c.nparams]
				wantC, wantS := r[1+c.nparams], r[2+c.nparams]
				where := fmt.Sprintf("x=%v params=%v", x, par)
				if got := c.cdf(x, par); relErr(got, wantC) > c.tol {
					t.Errorf("CDF(%v; %v) = %v, want %v (rel err %.3g)", x, par, got, wantC, relErr(got, wantC))
				} else {
					sc.Add(relErr(got, wantC), where)
				}
				if got := c.sf(x, par); relErr(got, wantS) > c.tol {
					t.Errorf("Survival(%v; %v) = %v, want %v (rel err %.3g)", x, par, got, wantS, relErr(got, wantS))
				} else {
					ss.Add(relErr(got, wantS), where)
				}
			}
			sc.Log(t, "CDF", c.tol)
			ss.Log(t, "Survival", c.tol)
		})
	}
}

// quantileCase is one distribution's quantile function under test.
type quantileCase struct {
	file    string
	nparams int
	q       func(p float64, par []float64) float64
	tol     float64
}

func TestQuantileReference(t *testing.T) {
	cases := []quantileCase{
		{file: "normal_quantile.csv", nparams: 0, tol: 1e-14,
			q: func(p float64, _ []float64) float64 { return NormalQuantile(p) }},
		{file: "studentt_quantile.csv", nparams: 1, tol: 1e-12,
			q: func(p float64, par []float64) float64 { return StudentTQuantile(p, par[0]) }},
		{file: "chisquare_quantile.csv", nparams: 1, tol: 1e-12,
			q: func(p float64, par []float64) float64 { return ChiSquareQuantile(p, par[0]) }},
		{file: "f_quantile.csv", nparams: 2, tol: 1e-12,
			q: func(p float64, par []float64) float64 { return FQuantile(p, par[0], par[1]) }},
		{file: "beta_quantile.csv", nparams: 2, tol: 1e-12,
			q: func(p float64, par []float64) float64 { return BetaQuantile(p, par[0], par[1]) }},
		{file: "gamma_quantile.csv", nparams: 2, tol: 1e-12,
			q: func(p float64, par []float64) float64 { return GammaQuantile(p, par[0], par[1]) }},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			var st errStats
			for _, r := range readTable(t, c.file) {
				p, par, want := r[0], r[1:1+c.nparams], r[1+c.nparams]
				got := c.q(p, par)
				if e := relErr(got, want); e > c.tol {
					t.Errorf("Quantile(%v; %v) = %v, want %v (rel err %.3g)", p, par, got, want, e)
				} else {
					st.Add(e, fmt.Sprintf("p=%v params=%v", p, par))
				}
			}
			st.Log(t, "Quantile", c.tol)
		})
	}
}
