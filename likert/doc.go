// Package likert analyses rating-scale questionnaires: the answers to one
// item, the reliability of a multi-item instrument, comparisons between
// groups of respondents, and three service-quality models (SERVQUAL gaps,
// importance-performance analysis and Kano's model). It does in Go what a
// survey researcher does in R with the likert, HH and psych packages, on
// accumulators that merge, so that answers can be counted where they arrive
// and combined later.
//
// # Scales and answers
//
// A Scale has 2 to 11 consecutive integer codes, optionally labelled. Odd
// scales have a neutral midpoint, even scales none. The presets Agree5,
// Agree7, Satisfied5, Satisfied7, Frequency5, Importance5, Likelihood5 and
// Quality5 use the anchors of Vagias [13]. Scale.Parse reads an answer as
// its code ("4"), its label ("agree", ignoring case and spacing) or both
// ("4 - Agree"); anything else is a *satmetrics.ParseError wrapping
// satmetrics.ErrSyntax or, for a number off the scale, satmetrics.ErrRange.
//
// An Item states whether it is reverse-keyed; its answer p is then scored
//
//	p' = low + high - p,
//
// so the first point scores as the last and reversing twice is the
// identity.
//
// # One item
//
// A Tally holds the exact count of answers per point and, once weighted
// answers arrive, the sum of weights w_p per point (a count is a weight of
// 1). With W = Σ w_p and Σw² the sum of squared weights:
//
//	share of point p     100 w_p / W  (percent)
//	mean                 m = Σ w_p p / W
//	standard deviation   s = √( Σ w_p (p - m)² / (W - Σw²/W) )     (n - 1 when unweighted)
//	standard error       s / √n,  n the number of answers or Kish's n_eff = W²/Σw²
//	interval             m ± t_{1-γ/2, n-1} s/√n                   (γ = 1 - level)
//	quantile q           the lowest point p with Σ_{p' ≤ p} w_p' ≥ q W  (R's type 1)
//	median               quantile ½; IQR = quantile ¾ - quantile ¼
//	interpolated median  m - ½ + (W/2 - W_below)/w_m,  m the median point
//	mode                 the point of largest weight, the lowest on ties
//	top-k box            share of the top k points, with the Wilson interval [14]
//	                     (p̂ + z²/2n ± z √(p̂(1-p̂)/n + z²/4n²)) / (1 + z²/n)
//	net                  top-k minus bottom-k box, se = √((p_t + p_b - (p_t - p_b)²)/n)
//	split                low / neutral / high: the points below, at and above the
//	                     midpoint (lower and upper half on even scales), as R's likert
//
// # An instrument and its reliability
//
// An Instrument is a list of Items answered as a row of codes per
// respondent, Missing for an unanswered item. Its composite score is the
// mean of a respondent's scored answers, or that mean times the number of
// items (a prorated sum) with Instrument.Sum, if at least MinAnswered
// items were answered. An InstrumentTally keeps a Tally per item, the
// Reliability statistics of the scored items and the moments of the
// composite.
//
// Reliability holds sufficient statistics rather than rows: for the rows
// that answered every item, the weight, the item means and the co-moments
// Σ w (x_i - x̄_i)(x_j - x̄_j); for rows with missing answers, the same per
// item and per pair of items. Complete rows are gathered in blocks whose
// statistics are computed exactly (for integer codes, several
// cross-products per multiplication) or by the corrected two-pass
// algorithm, and folded in with Chan, Golub and LeVeque's pairwise update;
// rows with missing answers are folded in one at a time by Welford's
// update; accumulators merge by the pairwise update. So a large common
// offset in the scores costs no precision, and partial accumulators merge
// into the accumulator of the whole. From the k×k
// covariance matrix C (co-moments over W - Σw²/W) and the correlations R_ij
// = C_ij/√(C_ii C_jj), Reliability.Report computes, as R's psych::alpha
// does,
//
//	raw alpha        α = k/(k-1) (1 - Σ_i C_ii / Σ_ij C_ij)           Cronbach [1]
//	standardised     α_std = k/(k-1) (1 - k / Σ_ij R_ij)
//	average r        r̄ = (Σ_ij R_ij - k) / (k(k-1))
//	lambda 6         G6 = 1 - Σ_i (1 - smc_i) / Σ_ij R_ij,  smc_i = 1 - 1/(R⁻¹)_ii   Guttman [2]
//	r.drop           (Σ_j C_ij - C_ii) / √(C_ii (Σ_jl C_jl - 2 Σ_j C_ij + C_ii)),
//	                 the item against the sum of the others
//	alpha.drop       α, α_std, G6 and r̄ of the other k - 1 items
//	ase              √(Q/n),  Q = 2k²/((k-1)² S³) (S (tr C² + (tr C)²) - 2 tr C · 1'C²1),
//	                 S = Σ_ij C_ij (Duhachek and Iacobucci [11], as psych reports it)
//	Feldt interval   [1 - (1-α) F_{1-γ/2}(n-1, (n-1)(k-1)),  1 - (1-α) F_{γ/2}(n-1, (n-1)(k-1))]
//	                 Feldt [3], Feldt, Woodruff and Salih [4]
//
// with the squared multiple correlations smc_i clamped to [0, 1] as psych
// does. Missing answers are handled by the ReliabilityConfig's policy:
// Listwise uses only the complete rows (n is their number); Pairwise, the
// default as in psych, estimates each variance from every row that answered
// the item and each covariance from every row that answered both items
// (with those rows' means), n being the number of rows with any answer.
// Pairwise covariances come from different rows and can imply a
// correlation beyond ±1; Report then refuses with satmetrics.ErrUndefined
// rather than return an alpha above 1. When rows are weighted, n is Kish's
// effective sample size.
//
// # Comparing groups
//
// The rank tests take samples or Tallies (whose counts give the ranks;
// weights play no part). With midranks for ties, R_g a group's rank sum, N
// the number of values and t the size of each group of tied values:
//
//	Mann-Whitney [5]    U = R_1 - n_1(n_1+1)/2  (R's W)
//	                    z = (U - n_1n_2/2 - ½ sign(U - n_1n_2/2)) / σ,
//	                    σ² = n_1n_2/12 ((N+1) - Σ(t³-t)/(N(N-1)))
//	                    exact p from the null distribution of U, counted by dynamic
//	                    programming, when both groups have fewer than 50 values and
//	                    there are no ties (as R's wilcox.test); p = min(1, 2 P(tail))
//	rank-biserial       r = 2U/(n_1n_2) - 1, the difference between the shares of
//	                    pairs favouring each group (Kerby [12])
//	Kruskal-Wallis [6]  H = (12/(N(N+1)) Σ R_g²/n_g - 3(N+1)) / (1 - Σ(t³-t)/(N³-N)),
//	                    p from the chi-square distribution on (groups - 1) df
//	chi-square          X² = Σ (O - E)²/E,  E = row total × column total / N,
//	                    (r-1)(c-1) df, no continuity correction; Cramér's V =
//	                    √(X²/(N (min(r, c) - 1)))
//
// # Service quality
//
// A GapModel is a SERVQUAL-style instrument [7]: dimensions of items, each
// answered as expectation E and perception P. A respondent's item gap is P
// - E, their dimension gap the mean of their item gaps in the dimension and
// their overall gap the mean of their dimension gaps (the unweighted
// SERVQUAL score); GapTally.Report gives the means with paired t intervals.
// ServiceCharacteristics is a ready-made model of six characteristics
// (reliability, responsiveness, trust, accessibility, communication,
// attentiveness); SERVQUAL gives the 22-item shape of [7].
//
// Importance-performance analysis [8] places each attribute by its mean
// importance and mean performance against a crosshair (the grand means, or
// a point given in IPA.Crosshair):
//
//	high importance, low performance    concentrate here
//	high importance, high performance   keep up the good work
//	low importance,  low performance    low priority
//	low importance,  high performance   possible overkill
//
// with a value on the crosshair counted as high.
//
// Kano's model [9] classifies each respondent's answers to the functional
// and dysfunctional questions about a feature by the evaluation table (see
// ClassifyKano) as attractive (A), one-dimensional (O), must-be (M),
// indifferent (I), reverse (R) or questionable (Q). A KanoTally counts the
// categories of a feature; its category is the most frequent, ties broken
// by M > O > A > I, and Berger et al.'s coefficients [10] are
//
//	better = (A + O) / (A + O + M + I),   worse = -(O + M) / (A + O + M + I).
//
// # Accumulators, errors and encodings
//
// Tally, KanoTally and Reliability are ready to use as zero values;
// InstrumentTally and GapTally come from their constructors. All merge
// associatively and commutatively (counts exactly, moments up to rounding)
// with the zero value as identity, refuse to merge different scales,
// instruments or models (satmetrics.ErrIncompatible), add a response
// without allocating (Reliability and InstrumentTally after making their
// fixed-size buffers on first use), and encode to JSON and to a versioned binary form;
// decoding a corrupt encoding is an error wrapping satmetrics.ErrCorrupt.
// Undefined results are errors wrapping satmetrics.ErrNoData or
// satmetrics.ErrUndefined, never NaN, so every result encodes to JSON.
//
// # References
//
//	[1]  L. J. Cronbach, "Coefficient alpha and the internal structure of
//	     tests", Psychometrika 16(3), 1951, pp. 297-334.
//	[2]  L. Guttman, "A basis for analyzing test-retest reliability",
//	     Psychometrika 10(4), 1945, pp. 255-282.
//	[3]  L. S. Feldt, "The approximate sampling distribution of
//	     Kuder-Richardson reliability coefficient twenty", Psychometrika
//	     30(3), 1965, pp. 357-370.
//	[4]  L. S. Feldt, D. J. Woodruff and F. A. Salih, "Statistical inference
//	     for coefficient alpha", Applied Psychological Measurement 11(1),
//	     1987, pp. 93-103.
//	[5]  H. B. Mann and D. R. Whitney, "On a test of whether one of two
//	     random variables is stochastically larger than the other", Annals
//	     of Mathematical Statistics 18(1), 1947, pp. 50-60.
//	[6]  W. H. Kruskal and W. A. Wallis, "Use of ranks in one-criterion
//	     variance analysis", Journal of the American Statistical Association
//	     47(260), 1952, pp. 583-621.
//	[7]  A. Parasuraman, V. A. Zeithaml and L. L. Berry, "SERVQUAL: a
//	     multiple-item scale for measuring consumer perceptions of service
//	     quality", Journal of Retailing 64(1), 1988, pp. 12-40.
//	[8]  J. A. Martilla and J. C. James, "Importance-performance analysis",
//	     Journal of Marketing 41(1), 1977, pp. 77-79.
//	[9]  N. Kano, N. Seraku, F. Takahashi and S. Tsuji, "Attractive quality
//	     and must-be quality", Journal of the Japanese Society for Quality
//	     Control 14(2), 1984, pp. 39-48.
//	[10] C. Berger et al., "Kano's methods for understanding
//	     customer-defined quality", Center for Quality of Management Journal
//	     2(4), 1993, pp. 3-36.
//	[11] A. Duhachek and D. Iacobucci, "Alpha's standard error (ASE): an
//	     accurate and precise confidence interval estimate", Journal of
//	     Applied Psychology 89(5), 2004, pp. 792-808.
//	[12] D. S. Kerby, "The simple difference formula: an approach to
//	     teaching nonparametric correlation", Comprehensive Psychology 3,
//	     2014.
//	[13] W. M. Vagias, Likert-type scale response anchors, Clemson
//	     University, 2006.
//	[14] E. B. Wilson, "Probable inference, the law of succession, and
//	     statistical inference", Journal of the American Statistical
//	     Association 22(158), 1927, pp. 209-212.
//
// The reliability statistics follow the conventions of W. Revelle's R
// package psych (function alpha), against which they are tested.
package likert
