// Package ces computes the Customer Effort Score (CES): how easy customers
// found it to get their issue handled, as a mean rating with a t interval,
// the percentages of easy and difficult answers, and the net ease, with
// comparisons between groups and sample-size planning.
//
// # Scales
//
// CES 2.0 [1] asks for agreement with "The company made it easy for me to
// handle my issue" on seven points, from 1 (strongly disagree) to 7
// (strongly agree). It is the default scale, Agree7, and higher is easier.
// The original CES [2] asks "How much effort did you personally have to put
// forth to handle your request?" on five points, from 1 (very low effort)
// to 5 (very high effort); that is Effort5, where lower is easier, and its
// Direction is satmetrics.LowerIsBetter so that trends and targets know
// which way is worse.
//
//	scale    points  easy  neutral  difficult  direction of the mean
//	Agree7   1-7     5-7   4        1-3        higher is better
//	Effort5  1-5     1-2   3        4-5        lower is better
//
// # Scores
//
// With n responses, of which shares p_e are easy and p_d difficult,
//
//	CES        r̄ = Σ r / n,  with the t interval r̄ ± t_{1-α/2, n-1} s/√n,
//	           s² = Σ (r - r̄)²/(n - 1)
//	Easy       100 p_e,  with Wilson's interval (or another, see
//	           satmetrics.ProportionMethod)
//	Difficult  100 p_d,  likewise
//	NetEase    100 (p_e - p_d),  SE = 100 √(((p_e + p_d) - (p_e - p_d)²)/n),
//	           with the Wald interval NetEase ± z_{1-α/2} SE in [-100, 100]
//
// The net ease scores an easy answer +1, a neutral one 0 and a difficult
// one -1, as the Net Promoter Score does with its categories, and shares its
// variance formula [3]. The percentages and the net ease are higher-is-better
// on both scales.
//
// # Comparisons, weights, sample sizes
//
// Compare tests the difference of two CES means, A minus B with its sign, by
// Welch's t test; CompareEasy the difference in percent easy by Newcombe's
// hybrid score interval and the pooled z test. With AddWeighted, the scores
// are weighted and n in every standard error and interval is Kish's
// effective sample size (Σw)²/Σw². SampleSize gives the responses needed for
// a margin of error on the mean, SampleSizeEasy on the percent easy.
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
// [1] M. Dixon, N. Toman and R. DeLisi, The Effortless Experience, Portfolio,
// 2013 (CES 2.0).
//
// [2] M. Dixon, K. Freeman and N. Toman, "Stop trying to delight your
// customers", Harvard Business Review 88(7/8), 2010.
//
// [3] B. Rocks, "Interval estimation for the 'net promoter score'", The
// American Statistician 70(4), 2016 (the variance of a net score).
package ces
