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
// # Proportions, means and sample sizes
//
// The metric packages build on a few shared results, which are also useful
// on their own. Proportion and ProportionInterval estimate a share x/n with
// Wilson's score interval (the default), Agresti-Coull, Clopper-Pearson,
// Jeffreys or Wald (see ProportionMethod for each formula), and
// CompareProportions compares two shares with Newcombe's hybrid score
// interval and the pooled z test. MeanInterval gives the t interval of a
// mean, x̄ ± t_{n-1} s/√n, and CompareMeans Welch's test,
//
//	t = (x̄₁ - x̄₂) / √(s₁²/n₁ + s₂²/n₂),
//	ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁-1) + (s₂²/n₂)²/(n₂-1)).
//
// SampleSizeProportion, SampleSizeMean and SampleSizeVariance plan how many
// responses a target margin of error e needs: n = ⌈z² v / e²⌉ with v = p(1-p)
// for a proportion, σ² for a mean, and the variance of the per-response codes
// in general (the NPS variance, for nps.SampleSize). Estimate.Scaled changes
// an estimate's unit (a proportion to percent).
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
// # Charts
//
// Results that people would rather look at than read draw themselves as
// self-contained, accessible SVG (a title and description for screen
// readers, labelled axes, colour-blind-safe colours): TrendChart draws
// estimates by period with their intervals as bands, likert.DivergingSVG the
// diverging stacked bars of Likert items, churn.CohortTable.SVG a cohort
// heatmap, churn.SurvivalSVG survival curves and kpi.ControlChart.SVG a
// control chart with its limits and signals.
//
// # Weights
//
// Survey answers come from the customers who chose to answer, and when 3% or
// 10% of them respond, the ones who did can differ from the base (more pro
// customers, more new ones, fewer from one region). Weights correct for it:
// each response counts for w_i customers, and weighted estimates follow the
// population's mix. Every tally's weighted add takes such weights.
//
// Kish's effective sample size and design effect say what weighting costs:
//
//	n_eff = (Σ w)² / Σ w²,   deff = n Σ w² / (Σ w)² = n / n_eff,
//
// so that an interval on weighted responses is as wide as one on n_eff
// unweighted ones (deff is the factor on the variance, not on the standard
// error). EffectiveN and DesignEffect compute them from the sums a tally
// keeps, and every weighted Estimate reports n_eff.
//
// Representativeness tells whether weighting is needed: Pearson's chi-square
// test of the respondents' counts O_h against the population shares π_h of
// one classification,
//
//	E_h = n π_h,   X² = Σ (O_h - E_h)² / E_h  on k - 1 degrees of freedom,
//	r_h = (O_h - E_h) / √(E_h (1 - π_h)),
//
// naming the categories whose standardized residual r_h is below -z as
// under-represented. ResponseRate and MarginOfError (z √(p(1-p)/n) with the
// finite population correction √((N-n)/(N-1))) give the figures a survey
// report quotes.
//
// Weights come from calibration to what is known of the population. A
// Classification holds each respondent's category (region, plan tier, tenure
// band) and the population count or share of each category. PostStratify
// scales the weights in each category of one classification to its target,
//
//	w'_i = w_i N_h / Σ_{j in h} w_j,
//
// and Rake does it for several classifications in turn, sweeping until every
// category of every margin is within a relative tolerance of its target
// (iterative proportional fitting, Deming and Stephan 1940). Calibration sets
// the tolerance, the iteration limit, the total the weights sum to (the
// population size, or the number of respondents for weights averaging one)
// and optional Bounds: Trim caps the weights, sharing the excess among the
// others as R's survey::trimWeights does, and the calibration repeats until
// the weights meet both the margins and the bounds. The result, a
// Calibrated, holds the weights and a report of each category's target,
// initial and achieved weight; Mean and Proportion estimate on it with
// standard errors that account for the calibration, as R's svymean and
// svyciprop do. A population category with no respondents, margins with
// different totals, a respondent's category unknown to the population and a
// negative, NaN or infinite weight are errors that name the value
// (ErrEmptyCategory, ErrMarginTotals, ErrUnknownCategory, ErrWeight), and
// margins that cannot be met together give ErrNotConverged with the report.
//
//	cal, err := satmetrics.Rake([]satmetrics.Classification{
//		{Name: "region", Labels: regions, Population: map[string]float64{"north": 6000, "south": 4000}},
//		{Name: "tier", Labels: tiers, Population: map[string]float64{"basic": 5000, "pro": 5000}},
//	}, nil, satmetrics.Calibration{Total: float64(len(regions))})
//	if err != nil { ... }
//	var t nps.Tally
//	for i, r := range responses {
//		if err := t.AddWeighted(r.Score, cal.Weights[i]); err != nil { ... }
//	}
//
// The checks against R's survey package (postStratify, rake, trimWeights,
// svymean, svyciprop) and chisq.test are in testdata/weights.
package satmetrics
