// Package nps computes the Net Promoter Score from answers to "How likely
// is it that you would recommend us to a friend or colleague?" on a 0-10
// scale, with its standard error, confidence intervals, comparisons between
// groups and sample-size planning.
//
// # Definition
//
// Each answer falls in one category: detractors answer 0 to 6, passives 7
// or 8 and promoters 9 or 10 (other programmes set other Breaks). With n
// responses, of which a fraction p₊ are promoters and p₋ detractors,
//
//	NPS = 100 (p₊ - p₋)
//
// on a scale from -100 (all detractors) to +100 (all promoters) [1].
// Passives count in n but in neither share. Scoring a promoter +1, a passive
// 0 and a detractor -1 makes the NPS 100 times the mean of the codes, whose
// variance is
//
//	Var = (p₊ + p₋) - (p₊ - p₋)²,
//
// so the standard error is SE = 100 √(Var/n) in NPS points [2]. For the six
// answers 0, 7, 7, 9, 9, 9: p₊ = 1/2, p₋ = 1/6, NPS = 33.3, Var = 5/9 and
// SE = 30.4 points, the values of the R package NPS [3].
//
// # Intervals
//
// With z = Φ⁻¹(1 - α/2) for the level 1 - α, and bounds clipped to
// [-100, 100]:
//
//	Wald            100 (d ± z √(Var/n)),  d = p₊ - p₋
//	AdjustedWald    100 (d' ± z √(Var'/n')),  n' = n + 3,
//	                p₊' = (n₊ + 3/4)/n',  p₋' = (n₋ + 3/4)/n',  d' = p₊' - p₋',
//	                Var' = (p₊' + p₋') - d'²
//	Bootstrap       the α/2 and 1 - α/2 quantiles of the NPS of B resamples
//	                (n₊*, n₀*, n₋*) ~ Multinomial(n; p₊, p₀, p₋)
//
// The adjusted-Wald interval adds three pseudo-responses split 3/4 promoter,
// 3/2 passive and 3/4 detractor, the NPS analogue of Agresti and Coull's
// "add two successes and two failures"; Rocks [2] found its coverage closest
// to nominal among simple intervals, and Sauro and Lewis [4] recommend it.
// It is the default. Its interval is centred on d' rather than on the
// observed d, so for very few responses it may not contain the observed NPS:
// one promoter alone gives [-48.5, 98.5] at 95%. For a sample of promoters
// only it contains +100 exactly when z² (n+1)/(n+3) >= 2, so at 95% from
// n = 2 on, at 90% from n = 5 on, and at levels below about 84% never. The
// Wald interval always contains the observed NPS; it is degenerate when
// every answer falls in one category.
//
// The bootstrap draws each resample's promoters from Bin(n, p₊) and its
// detractors from Bin(n - n₊*, p₋/(1 - p₊)) with exact binomial samplers,
// so its cost does not grow with n; quantiles interpolate between order
// statistics (R's type 7). Options.Seed fixes the generator (PCG), so the
// same seed and data give the same interval. For weighted data each
// resample has the effective sample size, rounded. Like any percentile
// bootstrap, for a handful of responses (whose resamples take few values) the
// interval may not contain the observed NPS.
//
// Estimate.StdErr is always the analytic SE of the observed NPS above.
//
// # Comparisons
//
// Compare and CompareWith compare two independent groups, A minus B, with
// the sign kept: d = NPS_A - NPS_B, se = √(SE_A² + SE_B²), z = d/se and the
// two-sided p-value 2(1 - Φ(|z|)), by the Wald method, the adjusted-Wald
// method (the same on the adjusted counts) or the bootstrap.
//
// # Weights
//
// AddWeighted gives a response a survey weight. Shares are then weighted
// (p₊ = Σw over promoters / Σw), and n in every formula is Kish's effective
// sample size n_eff = (Σw)²/Σw², which Estimate.EffectiveN reports.
//
// # Sample size
//
// SampleSize inverts the Wald half-width: n = ⌈z² Var / E²⌉ for a margin of
// error of E NPS points (on the -1 to 1 scale in the formula) and expected
// shares.
//
// # Tallies
//
// A Tally keeps one exact count per score (0 to 10), so merging tallies is
// exact, associative and commutative; tallies with different Breaks refuse
// to merge. Tallies encode to JSON and to a versioned binary form, whose
// layout AppendBinary documents.
//
// # References
//
// [1] F. F. Reichheld, "The one number you need to grow", Harvard Business
// Review 81(12), 2003.
//
// [2] B. Rocks, "Interval estimation for the 'net promoter score'", The
// American Statistician 70(4), 2016, pp. 365-372.
//
// [3] B. Rocks, NPS: Convenience functions and tests for working with the
// Net Promoter Score, R package, functions nps, nps_var and nps_se.
//
// [4] J. Sauro and J. R. Lewis, Quantifying the User Experience, 2nd ed.,
// Morgan Kaufmann, 2016, chapter 5 (net scores) and chapter 7 (sample
// sizes).
package nps
