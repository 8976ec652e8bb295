// Package kpi measures customer service and commercial performance and
// turns the measurements into decisions: is it getting worse, is this week
// a signal or noise, are we on target.
//
// # Service KPIs from tickets
//
// A Ticket records a support request's events: creation, first public agent
// reply, each solve and reopen, closing, its channel and priority, and the
// number of public agent replies. Ticket.Validate rejects impossible records
// (a reply before creation, a reopen before a solve) with a *RecordError
// that names the ticket and the field. A Policy measures a ticket
// (Policy.Measure): in calendar time or in business hours, against SLA
// targets per priority, by a first-contact rule. The per-ticket KPIs are
//
//	first reply time        creation → first public agent reply
//	first resolution time   creation → first solve
//	full resolution time    creation → last solve (of a ticket solved now)
//	reopened                solved, then reopened at least once
//
// and a ServiceTally (zero value ready, mergeable, encodable) aggregates
// them per channel, team or period into
//
//	reopen rate             reopened / tickets ever solved
//	first-contact rate      first-contact tickets / tickets solved now
//	SLA attainment          achieved / (achieved + breached), per priority
//	duration percentiles    median, P90, P95 from a Sketch (within 1%)
//
// Rates are estimates in percent with Wilson's interval (RateEstimate).
// Backlog counts the tickets open at an instant.
//
// The help desks define first-contact resolution differently, and the
// Policy names the choice (ResolutionRule):
//
//	ZendeskOneTouch   Zendesk's one-touch tickets: solved with fewer than
//	                  2 public agent replies.
//	FreshdeskFCR      Freshdesk's first contact resolution: resolved at the
//	                  first agent response, that is exactly one public agent
//	                  reply and never reopened.
//
// SLA outcomes: a first reply (or, for the resolution SLA, the last solve of
// a ticket solved now) within the target is achieved, a later one breached;
// an event that has not happened is breached once the target has passed at
// the measuring instant and pending before, and pending tickets do not
// count in attainment.
//
// # Business hours
//
// A Schedule is a weekly pattern of opening hours in a time zone, less
// whole-day holidays (ScheduleSpec reads it from text: "Mon-Fri
// 09:00-17:00"). An instant is in business hours when its local wall-clock
// time is in a range of its weekday and its local date is no holiday, so
// durations are correct across daylight-saving changes: a range that spans
// the change is an hour shorter or longer in real time that day. Schedule.
// Duration is additive over splits of an interval, never exceeds the
// calendar duration, and costs a few hundred nanoseconds for any span: it
// counts whole weeks arithmetically and walks only the zone changes and
// holidays inside the span. Overlapping ranges (ErrOverlap) and unknown
// time zones (ErrTimeZone) are errors naming the entry.
//
// # Durations and amounts
//
// Describe and Quantiles summarize exact samples: mean and standard
// deviation by the corrected two-pass algorithm with compensated sums (which
// passes the NIST StRD NumAcc tests), and sample quantiles by any of the nine
// definitions of Hyndman and Fan (QuantileType; type 7, the default of R and
// NumPy, when zero):
//
//	m = a + p (n + 1 - a - b),  j = ⌊m⌋,  Q(p) = (1 - (m - j)) x₍ⱼ₎ + (m - j) x₍ⱼ₊₁₎.
//
// A Sketch summarizes a stream in bounded memory for services that cannot
// keep every value: a mergeable log-bucket sketch (DDSketch) whose
// quantiles are within 1% (relative) of the exact ones; adding a value takes
// about 15 ns and allocates nothing.
//
// Complaint rates are given per 100, 1,000 or 1,000,000 units
// (ComplaintRate, with a Poisson score interval), and Pareto and TopShare
// show which categories or customers make most complaints ("the top 20% of
// customers make 70% of complaints").
//
// # Commercial KPIs
//
// Purchases accumulates orders:
//
//	repeat purchase rate    customers with 2+ orders / customers with 1+
//	purchase frequency      orders / customers
//	average order value     revenue / orders (with a t interval)
//	revenue per customer    revenue / customers (ARPU; any customer base)
//
// Lifetime value and CAC payback depend on retention and belong to package
// churn; use its figures with these rather than recomputing them.
//
// # Trends
//
// A Series holds a metric's estimates by period (from satmetrics.Groups).
// Changes compares each period with the previous one (satmetrics.Compare);
// MovingAverage and EWMA smooth; LeastSquares gives the slope with its t
// interval (R's lm and confint). The Mann-Kendall test detects a monotonic
// trend without assuming linearity or normality:
//
//	S      = Σ_{i<j} sign(yⱼ - yᵢ)                     (O(n log n) by merge sort)
//	Var(S) = [n(n-1)(2n+5) - Σ t(t-1)(2t+5)] / 18     (tie-corrected)
//	Z      = (S - sign(S)) / √Var(S),   p = 2(1 - Φ(|Z|))
//
// MannKendallHamedRao inflates Var(S) for autocorrelation (Hamed and Rao),
// SeasonalMannKendall sums per-season statistics (Hirsch, Slack and Smith;
// SeasonalSensSlope is their slope),
// and SensSlope / TheilSen estimate the slope as the median pairwise slope
// with Sen's distribution-free interval, by randomized slope selection in
// O(n log n) rather than by listing the n²/2 slopes. AnalyzeTrend puts them
// together and gives a Verdict (improving, worsening, no significant trend)
// for the metric's satmetrics.Direction.
//
// # Control charts and targets
//
// PChart charts shares (CSAT, FCR, SLA attainment) with limits
// p̄ ± 3√(p̄(1-p̄)/nᵢ) that vary with each period's sample size; XmR charts
// one value per period with limits x̄ ± 2.66 M̄R and a moving-range limit of
// 3.268 M̄R (Wheeler). WesternElectric applies the four run rules (one point
// beyond 3σ; 2 of 3 beyond 2σ; 4 of 5 beyond 1σ; 8 in a row on one side),
// and each Signal names its rule and period. A Target with a Direction and a
// tolerance assesses an estimate as on target, at risk or off target, with
// the signed gap; Bands hold benchmark conventions as replaceable data
// (ACSIBands: above 80 good, below 60 needs work).
//
// # References
//
//	[1] R. J. Hyndman and Y. Fan, "Sample Quantiles in Statistical Packages",
//	    The American Statistician 50(4), 1996.
//	[2] C. Masson, J. E. Rim and H. K. Lee, "DDSketch: A Fast and Fully-Mergeable
//	    Quantile Sketch with Relative-Error Guarantees", PVLDB 12(12), 2019.
//	[3] H. B. Mann, "Nonparametric tests against trend", Econometrica 13, 1945;
//	    M. G. Kendall, Rank Correlation Methods, Griffin, 1975.
//	[4] K. H. Hamed and A. R. Rao, "A modified Mann-Kendall trend test for
//	    autocorrelated data", Journal of Hydrology 204, 1998.
//	[5] R. M. Hirsch, J. R. Slack and R. A. Smith, "Techniques of trend analysis
//	    for monthly water quality data", Water Resources Research 18(1), 1982.
//	[6] P. K. Sen, "Estimates of the regression coefficient based on Kendall's
//	    tau", JASA 63, 1968.
//	[7] J. Matoušek, "Randomized optimal algorithm for slope selection",
//	    Information Processing Letters 39, 1991; M. B. Dillencourt, D. M. Mount
//	    and N. S. Netanyahu, "A randomized algorithm for slope selection",
//	    International Journal of Computational Geometry & Applications 2, 1992.
//	[8] D. J. Wheeler, Understanding Variation, SPC Press, 2000; NIST/SEMATECH
//	    e-Handbook of Statistical Methods, section 6.3.2.
//	[9] Western Electric Company, Statistical Quality Control Handbook, 1956.
//	[10] T. F. Chan, G. H. Golub and R. J. LeVeque, "Algorithms for Computing
//	    the Sample Variance", The American Statistician 37(3), 1983.
package kpi
