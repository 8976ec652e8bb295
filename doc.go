// Package satmetrics is the root of a library of customer-satisfaction and
// retention metrics: it holds the vocabulary that every metric package shares
// (estimates with confidence intervals, comparisons, directions, calendar
// periods, groupings and survey weights), and this page is the map of the
// library.
//
// # Which package answers which question
//
//	csat     How satisfied are customers? Percent satisfied (top-2-box) with
//	         Wilson and other intervals, mean rating, distribution.
//	nps      Would they recommend us? Net Promoter Score with Wald,
//	         adjusted-Wald and bootstrap intervals, comparisons, sample sizes.
//	ces      How easy was it? Customer Effort Score on the CES 2.0 scale or
//	         the older 1-5 effort scale.
//	likert   What do the items of a questionnaire say, and do they measure one
//	         thing? Item summaries, Cronbach's alpha, group comparisons,
//	         SERVQUAL gaps, importance-performance and Kano analysis.
//	churn    Do they stay? Churn and retention rates, revenue retention,
//	         cohort tables, Kaplan-Meier survival, and the retention and
//	         lifetime-value models (sBG, BG/NBD, Pareto/NBD, Gamma-Gamma).
//	kpi      How is the service doing? Response and resolution times in
//	         business hours, complaint rates, trends, control charts and
//	         targets.
//
// # The three layers of a metric package
//
// Every metric package is built the same way, so that a user who learned one
// knows the others:
//
//  1. Values: a typed response (an nps.Score, a csat.Rating on a csat.Scale)
//     with Parse and Valid. Malformed or out-of-range input is an error that
//     names the input and wraps a sentinel (ErrSyntax, ErrRange) for
//     errors.Is; nothing panics on user data.
//  2. Accumulators: a Tally whose zero value is ready, with Add, AddWeighted
//     and Merge. Counts are exact integers and weights compensated sums, so
//     Merge is associative and commutative and tallies computed on many
//     goroutines or machines combine to the answer of the whole. Tallies
//     encode to JSON and to a versioned binary form.
//  3. Results: methods that return an Estimate (point value, standard error,
//     confidence interval, number of responses, effective sample size when
//     weighted), and plain functions on counts that show each formula in one
//     place.
//
// An undefined result (no responses, a total weight of zero) is an error that
// wraps ErrNoData or ErrUndefined, never a NaN: every value the library
// returns encodes with encoding/json.
//
// # Estimates and comparisons
//
// An Estimate carries its Interval (lower and upper bounds, level and the name
// of the method). Compare tests whether two independent estimates differ,
//
//	d = a - b,  se = √(se_a² + se_b²),  z = d / se,  p = 2 (1 - Φ(|z|)),
//
// keeping the sign of the difference (A minus B). A Direction says whether
// higher or lower is better, so that trends and targets know what "worse"
// means.
//
// # Periods and groupings
//
// A Period is a day, ISO week, month, quarter or year in a time zone, with a
// canonical string (2026-11-23, 2026-W48, 2026-11, 2026-Q4, 2026). PeriodOf
// finds the period of an instant, PeriodsBetween lists periods with no gaps,
// and Groups keeps one accumulator per key (a Period, a segment, or a
// SegmentPeriod) to give "NPS per channel per month":
//
//	var g satmetrics.Groups[satmetrics.SegmentPeriod, nps.Tally]
//	for _, r := range responses {
//		month, err := satmetrics.PeriodOf(satmetrics.Month, r.Time, loc)
//		if err != nil { ... }
//		g.At(satmetrics.SegmentPeriod{Segment: r.Channel, Period: month}).Add(r.Score)
//	}
//	for key, tally := range g.All() {
//		est, err := tally.NPS(0.95)
//		...
//	}
//
// # Weights
//
// Survey answers can carry weights (for example to correct for who chose to
// answer). EffectiveN gives Kish's effective sample size (Σw)²/Σw², which
// weighted estimates report and use for their intervals.
package satmetrics
