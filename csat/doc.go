// Package csat computes Customer Satisfaction (CSAT) from answers to "How
// satisfied were you with ...?" on a rating scale: the percentage of
// satisfied customers with confidence intervals, the mean rating, the
// distribution of answers, comparisons between groups and sample-size
// planning.
//
// # Scales
//
// A Rating is a point on a Scale, numbered from 1 (least satisfied) up:
//
//	Five    1-5   satisfied 4-5   the default: Very dissatisfied ... Very satisfied
//	Three   1-3   satisfied 3     Dissatisfied, Neutral, Satisfied
//	Seven   1-7   satisfied 6-7   Extremely dissatisfied ... Extremely satisfied
//	Ten     1-10  satisfied 8-10
//	Binary  1-2   satisfied 2     Bad, Good (help-desk ratings)
//
// Stars and emoji are display only: five stars or five faces are the Five
// scale, and Scale.Parse reads them as its ratings. On the Binary scale,
// help desks leave unrated answers ("offered", "unoffered") out of the
// score; Parse reports them with ErrUnrated so that callers can skip them.
//
// # Percent satisfied
//
// With n responses of which x are satisfied (rated at or above the scale's
// SatisfiedFrom, the "top-two-box" on Five),
//
//	CSAT = 100 x / n,   SE = 100 √(p (1 - p) / n),  p = x/n.
//
// So 30 answers of 4 and 50 of 5 among 112 give CSAT = 100·80/112 = 71.4.
// The confidence interval is Wilson's score interval by default [1], or
// Agresti-Coull, Clopper-Pearson, Jeffreys or Wald on request; their
// formulas are at satmetrics.ProportionMethod. Wilson's keeps close to the
// nominal coverage for small n and for scores near 0 or 100%, where Wald's
// fails [2].
//
// # Mean rating
//
// The mean rating r̄ = Σ r / n has the t interval
//
//	r̄ ± t_{1-α/2, n-1} s / √n,   s² = Σ (r - r̄)² / (n - 1).
//
// # Comparisons
//
// Compare gives the difference in percent satisfied between two groups, A
// minus B with its sign, with Newcombe's hybrid score interval [3] and the
// pooled z test; CompareMeans compares mean ratings by Welch's t test. Both
// refuse tallies on different scales.
//
// # Weights
//
// AddWeighted gives a response a survey weight. The percent satisfied and
// the mean are then weighted, and n in the standard errors and intervals is
// Kish's effective sample size n_eff = (Σw)²/Σw² [4], reported as
// Estimate.EffectiveN; the weighted proportion enters the interval formulas
// as x = p·n_eff successes in n_eff trials, and the weighted variance is
// Σw(r - r̄)²/Σw · n_eff/(n_eff - 1).
//
// # Sample size
//
// SampleSize gives the responses needed for a margin of error E points
// around an expected percentage p, n = ⌈z² p(1-p) / E²⌉ on the 0-1 scale;
// SampleSizeMean the responses for a mean with an expected standard
// deviation.
//
// # Tallies
//
// A Tally keeps one exact count per rating, so merging tallies is exact,
// associative and commutative; tallies on different scales refuse to merge.
// Tallies encode to JSON and to a versioned binary form, whose layout
// AppendBinary documents.
//
// # References
//
// [1] E. B. Wilson, "Probable inference, the law of succession, and
// statistical inference", Journal of the American Statistical Association
// 22, 1927, pp. 209-212.
//
// [2] L. D. Brown, T. T. Cai and A. DasGupta, "Interval estimation for a
// binomial proportion", Statistical Science 16(2), 2001, pp. 101-133.
//
// [3] R. G. Newcombe, "Interval estimation for the difference between
// independent proportions: comparison of eleven methods", Statistics in
// Medicine 17, 1998, pp. 873-890.
//
// [4] L. Kish, Survey Sampling, Wiley, 1965, section 11.7.
package csat
