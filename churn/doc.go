// Package churn measures whether customers stay: churn and retention rates,
// revenue movements and revenue retention, lifetime value, cohort tables,
// and survival analysis (Kaplan-Meier curves, Nelson-Aalen hazards and the
// log-rank family of tests), with the retention and lifetime-value models
// beside them.
//
// Rates are fractions, not percents (0.05 is 5%), and durations are plain
// numbers in a unit the caller chooses (days, months). Undefined results,
// such as a churn rate with no customers at the start or a lifetime value
// with a churn rate of 0, are errors wrapping satmetrics.ErrNoData or
// satmetrics.ErrUndefined, never NaN or Inf; every result encodes to JSON.
//
// # Churn and retention rates
//
// For one period, with S customers active at its start, E at its end, and N
// of those at the end gained in it (new or reactivated),
//
//	churn     = churned / S
//	retention = (E - N) / S
//
// Which customers count as churned is a documented choice (Convention). The
// default, B2B, is ChartMogul's standard formula [1]: the customers active
// at the start who are not active at the end, leaving out those who joined
// and churned within the period and those who churned and came back within
// it. Under it, retention + churn = 1. AllChurn counts them all. A Flow
// holds the counts that both need, and ChurnRate and RetentionRate return
// an Estimate with the binomial standard error √(p(1-p)/S) and Wilson's
// score interval [2],
//
//	(x + z²/2)/(n + z²) ± z √(x(n - x)/n + z²/4) / (n + z²).
//
// A constant churn rate c per period compounds over k periods to
// 1 - (1 - c)^k (CompoundRate; ConvertRate for period kinds, so a monthly
// 5% is 46% a year), and the expected lifetime of a customer is the mean of
// a geometric distribution, 1/c periods (ExpectedLifetime).
//
// # Revenue
//
// MRR holds a period's monthly recurring revenue at its start and its five
// movements in ChartMogul's categories [1] (new business, expansion,
// contraction, churn and reactivation), from which, by ChartMogul's
// standard formulas,
//
//	gross MRR churn = (churned + contraction) / start
//	net MRR churn   = (churned + contraction - expansion - reactivation) / start
//	gross revenue retention = 1 - gross MRR churn
//	net revenue retention   = 1 - net MRR churn
//	quick ratio = (new + expansion + reactivation) / (churned + contraction)
//
// With 100 at the start, 10 churned, 10 of contraction and 10 of expansion,
// the gross MRR churn is 20% and the net 10%. The quick ratio is Mamoon
// Hamid's growth-efficiency ratio [3] (some tools, such as Baremetrics,
// leave reactivation out of it).
//
// # Lifetime value
//
//	LTV          = ARPA × margin / churn
//	LTV_d        = ARPA × margin × (1 + d) / (d + churn)   discounted at d per period [4]
//	LTV:CAC      = LTV / CAC
//	CAC payback  = CAC / (ARPA × margin)   periods
//
// ChartMogul's LTV chart [1] is the first with a margin of 1. A churn rate of
// 0 is an error (the value would be infinite), not Inf.
//
// # From raw events
//
// A Ledger takes raw events (customer, time, kind: Start, Cancel or Payment,
// and an amount of MRR) in any order and derives per-period Flows and MRR
// movements (Report), cohort tables (Cohorts) and lifetimes for survival
// analysis (Subjects), with periods from the root package (satmetrics.Day
// to satmetrics.Year, in any time zone). An event with a bad field (a NaN
// amount, no customer) is refused by Add and counted; an impossible history
// (a cancel for an unknown customer, a cancel before the customer's start, a
// payment after a cancel) is an error that names the event; and every
// accepted event is counted in the Report, so that the totals can be checked
// against the input.
//
// A CohortTable groups customers by the period of their first start and
// follows each cohort k periods on: customers active in period k (at any
// time in it, so returning customers count again), customers active
// without interruption through period k (the cohort's survival), and its
// net and gross MRR. Its JSON form is a triangle padded with nulls for the
// periods a cohort has not reached.
//
// # Survival curves
//
// An EventTable is the mergeable state of a survival analysis: per distinct
// duration, the numbers (and weights) of subjects who churned (had the
// event), were censored (were still active when last seen), or entered late
// (left truncation: observation began at that age). Tables built from parts
// of the data merge into the table of the whole, exactly for the counts;
// TableOf and KaplanMeierOf are the fast paths for data at hand in full
// (one radix sort). With n_j subjects at risk and d_j events at the distinct durations t_j,
// the Kaplan-Meier estimate [5] and Greenwood's variance [6] are
//
//	S(t)     = Π_{t_j <= t} (1 - d_j / n_j)
//	σ²(t)    = Σ_{t_j <= t} d_j / (n_j (n_j - d_j))
//	Var S(t) = S(t)² σ²(t)
//
// A subject with late entry e is at risk at t when e < t <= exit, as in R's
// Surv(entry, exit, event). Case weights replace the counts by sums of
// weights. The pointwise intervals follow R's survfit [13] (conf.type):
//
//	log       exp(log S ± z σ), cut at 1          (CILog, R's default)
//	log-log   exp(log S · e^(∓ z σ / log S))      (CILogLog, lifelines' default)
//	plain     S ± z S σ, cut to [0, 1]            (CIPlain)
//
// The median survival time is the first duration with S(t) <= 0.5 (the
// midpoint of a step where S equals 0.5 exactly, as R does), and its
// interval is read where the band's edges fall to 0.5 [7]: the lower limit
// where the lower edge does, the upper limit where the upper edge does (or
// none, if it never does within the follow-up). The restricted mean
// survival time up to τ [12] is the area under the curve,
//
//	RMST(τ) = ∫₀^τ S(t) dt,   Var = Σ_{t_j <= τ} A_j² d_j / (n_j (n_j - d_j)),   A_j = ∫_{t_j}^τ S(t) dt,
//
// and the Nelson-Aalen cumulative hazard [11] is
//
//	H(t) = Σ_{t_j <= t} d_j / n_j,   Var H(t) = Σ_{t_j <= t} d_j / n_j².
//
// # Comparing curves
//
// LogRank tests whether two or more groups share one survival function. At
// each distinct duration, group g has d_gj events among n_gj at risk; with
// weights w_j,
//
//	U_g  = Σ_j w_j (d_gj - n_gj d_j / n_j)
//	V_gh = Σ_j w_j² d_j (n_j - d_j) / (n_j - 1) · (n_gj / n_j) (δ_gh - n_hj / n_j)
//	X²   = U' V⁻¹ U  (one group left out),  G - 1 degrees of freedom.
//
// The weights give the log-rank test (w = 1) [8], the Fleming-Harrington
// G(ρ, γ) family w = S(t-)^ρ (1 - S(t-))^γ [9] (ρ = 1, γ = 0 is R's
// survdiff(rho = 1)), Peto and Peto's generalised Wilcoxon test with
// S̃(t) = Π (1 - d_j/(n_j + 1)) [10], and the Gehan-Breslow (w = n) and
// Tarone-Ware (w = √n) tests [14].
//
// # Verification
//
// The survival functions are checked against R's survival package (survfit
// for each interval type, on data with ties, late entry and case weights;
// survdiff with rho = 0 and 1), against statsmodels for the Gehan-Breslow
// and Tarone-Ware tests, and against the textbook values for the 6-MP arm
// of Freireich's leukaemia trial [15] (S(6) = 0.857, SE 0.076; S(23) =
// 0.448, SE 0.135); the scripts and their output are in testdata/.
//
// # References
//
// [1] ChartMogul Help Center: "Churn rate formulas", "Data Table and MRR
// Movements", "Metric: MRR Churn Rate", "Metric: Customer Churn Rate",
// "Metric: Customer Lifetime Value (LTV)" and "Cohort: Net MRR Retention",
// https://help.chartmogul.com.
//
// [2] E. B. Wilson, "Probable inference, the law of succession, and
// statistical inference", Journal of the American Statistical Association
// 22(158), 1927, pp. 209-212.
//
// [3] M. Hamid (Social Capital), the SaaS quick ratio, 2015.
//
// [4] S. Gupta and D. R. Lehmann, "Customers as assets", Journal of
// Interactive Marketing 17(1), 2003, pp. 9-24.
//
// [5] E. L. Kaplan and P. Meier, "Nonparametric estimation from incomplete
// observations", Journal of the American Statistical Association 53(282),
// 1958, pp. 457-481.
//
// [6] M. Greenwood, "The natural duration of cancer", Reports on Public
// Health and Medical Subjects 33, HMSO, 1926.
//
// [7] R. Brookmeyer and J. Crowley, "A confidence interval for the median
// survival time", Biometrics 38(1), 1982, pp. 29-41.
//
// [8] N. Mantel, "Evaluation of survival data and two new rank order
// statistics arising in its consideration", Cancer Chemotherapy Reports
// 50(3), 1966, pp. 163-170.
//
// [9] D. P. Harrington and T. R. Fleming, "A class of rank test procedures
// for censored survival data", Biometrika 69(3), 1982, pp. 553-566.
//
// [10] R. Peto and J. Peto, "Asymptotically efficient rank invariant test
// procedures", Journal of the Royal Statistical Society A 135(2), 1972,
// pp. 185-207.
//
// [11] W. Nelson, "Theory and applications of hazard plotting for censored
// failure data", Technometrics 14(4), 1972, pp. 945-966; O. Aalen,
// "Nonparametric inference for a family of counting processes", Annals of
// Statistics 6(4), 1978, pp. 701-726.
//
// [12] P. Royston and M. K. B. Parmar, "Restricted mean survival time: an
// alternative to the hazard ratio for the design and analysis of randomized
// trials with a time-to-event outcome", BMC Medical Research Methodology
// 13, 2013, article 152.
//
// [13] T. M. Therneau, A Package for Survival Analysis in R (the survival
// package), and T. M. Therneau and P. M. Grambsch, Modeling Survival Data,
// Springer, 2000.
//
// [14] R. E. Tarone and J. Ware, "On distribution-free tests for equality of
// survival distributions", Biometrika 64(1), 1977, pp. 156-160.
//
// [15] E. J. Freireich et al., "The effect of 6-mercaptopurine on the
// duration of steroid-induced remissions in acute leukemia", Blood 21(6),
// 1963, pp. 699-716; tabulated in J. P. Klein and M. L. Moeschberger,
// Survival Analysis, 2nd ed., Springer, 2003.
package churn
