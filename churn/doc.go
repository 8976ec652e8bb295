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
// # Retention and lifetime-value models
//
// Beyond measuring retention, the package projects it with the
// probability models of Fader and Hardie and their colleagues, fitted by
// maximum likelihood. Each model is a small struct of its parameters (the
// zero value is not a valid model): fit it with its Fit function, which
// returns the model, a FitInfo (log-likelihood, parameters with standard
// errors from the observed information, and whether the optimiser
// converged) and an error; or set the published parameters directly. Every
// model encodes to JSON with a "model" field, so a service can fit nightly
// and score online (DecodePurchaseModel, DecodeRetentionModel).
//
// Fits maximise the log-likelihood over the logarithms of the parameters by
// BFGS with analytic gradients where they are cheap (BG/NBD, MBG/NBD,
// Gamma-Gamma) and central differences otherwise, with identical histories
// merged first. FitOptions.Penalty adds the L2 penalty λΣθ² to −LL/n (the
// convention of the Python package lifetimes). Data that cannot identify a
// model (no customers, no repeat purchase at all, nobody churned, everybody
// churned in the first period, fewer customers than parameters) is refused
// with an error wrapping ErrModelData; a fit whose optimiser stops early, or
// whose estimate runs to the boundary of the parameter space, returns the
// best parameters found with FitInfo.Converged false and an error wrapping
// ErrFitNotConverged.
//
// # Contractual settings: sBG and BdW
//
// When customers renew a subscription each period or leave for good
// (SBG, BdW; both implement RetentionModel), the shifted-beta-geometric
// model [16] assumes that each customer leaves at the end of each period with
// a constant probability θ, and that θ varies across customers as
// beta(α, β). With T the period in which a customer leaves,
//
//	P(T = t) = B(α+1, β+t−1) / B(α, β)
//	S(t)     = P(T > t) = B(α, β+t) / B(α, β)
//	r_t      = S(t)/S(t−1) = (β+t−1)/(α+β+t−1)
//	E[T]     = (α+β−1)/(α−1)            (α > 1; infinite otherwise)
//
// Retention rises with tenure only because the customers most likely to
// leave leave first. A cohort of n_0 customers of whom n_t remain after
// period t = 1, …, τ has the log-likelihood
//
//	LL = Σ_{t=1}^{τ} (n_{t−1} − n_t) ln P(T = t) + n_τ ln S(τ),
//
// summed over cohorts of any ages. FitSBG on the "high end" cohort of [16]
// (1000, 869, 743, 653, 593, 551, 517, 491) gives α = 0.668, β = 3.806.
//
// The beta-discrete-Weibull model [17] lets each customer's churn
// probability change with tenure: P(T > t | θ) = (1 − θ)^(t^c), so that
//
//	S(t) = B(α, β+t^c) / B(α, β),
//
// with c < 1 for customers who grow attached, c > 1 for the opposite, and
// c = 1 for sBG. Its expected lifetime Σ S(t) is finite only for cα > 1.
//
// The value of a customer who has made n−1 renewals, at the end of period n
// just before the renewal decision, with discount rate d per period, is the
// payment per period times the discounted expected residual lifetime [18]
//
//	DERL(d) = Σ_{t≥n} S(t)/S(n−1) · (1+d)^−(t−n)
//	        = (β+n−1)/(α+β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d))      (sBG),
//
// in which the payment at the imminent renewal is not discounted
// (ResidualValue).
//
// # Non-contractual settings: BG/NBD, Pareto/NBD, MBG/NBD
//
// When customers buy whenever they like and their leaving is not observed
// (BGNBD, ParetoNBD, MBGNBD; all implement PurchaseModel), the input is
// each customer's RFM summary (Summarize makes it from a transaction log,
// merging the purchases of one day): x repeat purchases, the last at t_x,
// in an observation of length T since the first purchase. All three models
// assume that an active customer buys at the times of a Poisson process of
// rate λ, with λ ~ gamma(r, α) across customers, and differ in how
// customers become inactive:
//
//   - Pareto/NBD [19]: after an exponential lifetime of rate μ, μ ~ gamma(s, β);
//   - BG/NBD [20]: with probability p right after each repeat purchase,
//     p ~ beta(a, b);
//   - MBG/NBD [21]: as BG/NBD, and also right after the first purchase.
//
// The BG/NBD likelihood of one customer is
//
//	L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
//	  + δ(x>0) · B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x)),
//
// and its predictions are
//
//	P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))
//	E[X(t)]              = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]
//	E[Y(t) | x, t_x, T]  = (a+b+x−1)/(a−1)
//	                       · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
//	                       · P(alive | x, t_x, T)
//
// where E[X(t)] is the expected number of repeat purchases of a new
// customer in a period of length t, and E[Y(t) | …] that of an existing
// customer in the next t. In BG/NBD a customer with no repeat purchase is
// certainly alive; MBG/NBD corrects this. The Pareto/NBD likelihood is
//
//	L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s
//	    + s ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ ],
//
// whose integral has a closed form in ₂F₁, with
//
//	E[X(t)]             = r β / (α (s−1)) · [1 − (β/(β+t))^(s−1)]
//	E[Y(t) | x, t_x, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]
//	                      · P(alive | x, t_x, T).
//
// The hypergeometric functions are evaluated through Euler's transformation
// as series whose terms keep one sign, which also removes the apparent
// singularities at a = 1 and s = 1. On the CDNOW sample (2,357 customers,
// 39 weeks) FitBGNBD gives r = 0.243, α = 4.414, a = 0.793, b = 2.426
// (log-likelihood −9582.4) and FitParetoNBD r = 0.553, α = 10.578,
// s = 0.606, β = 11.669 (−9595.0), as published [20].
//
// # Discrete opportunities: BG/BB
//
// When purchases can only happen at discrete occasions (a yearly donation
// drive), BGBB [22] assumes that an active customer transacts at each
// opportunity with probability p ~ beta(α, β) and becomes inactive before
// each opportunity with probability θ ~ beta(γ, δ). For x transactions in
// n opportunities, the last at t_x,
//
//	L = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
//	  + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α, β) · B(γ+1, δ+t_x+i)/B(γ, δ).
//
// On the donations data of [22] FitBGBB gives α = 1.204, β = 0.750,
// γ = 0.657, δ = 2.783.
//
// # Spend and customer lifetime value
//
// The Gamma-Gamma model [23] (GammaGamma) describes the amounts of a
// customer's repeat purchases as gamma(p, ν) around the customer's mean,
// with ν ~ gamma(q, γ) across customers, independent of purchase timing.
// The expected mean spend of a customer with x repeat purchases of mean m_x
// shrinks m_x towards the population mean pγ/(q−1):
//
//	E[M | x, m_x] = p (γ + x m_x) / (p x + q − 1).
//
// On the 946 repeat buyers of the CDNOW sample FitGammaGamma gives
// p = 6.25, q = 3.74, γ = 15.44. CLV combines a purchase model with it by
// discounted cash flow over a horizon of K periods of length Δ at discount
// rate d per period,
//
//	CLV = E[M | x, m_x] · Σ_{k=1}^{K} (E[Y(kΔ)] − E[Y((k−1)Δ)]) / (1+d)^k,
//
// valuing the purchases of period k at its end (the convention of lifetimes).
//
// # Verification
//
// The survival functions are checked against R's survival package (survfit
// for each interval type, on data with ties, late entry and case weights;
// survdiff with rho = 0 and 1), against statsmodels for the Gehan-Breslow
// and Tarone-Ware tests, and against the textbook values for the 6-MP arm
// of Freireich's leukaemia trial [15] (S(6) = 0.857, SE 0.076; S(23) =
// 0.448, SE 0.135); the scripts and their output are in testdata/. The
// models reproduce the published estimates [16], [19], [20], [22], [23] from the data of the
// papers, and their predictions match an independent evaluation of the
// papers' closed forms with mpmath and SciPy (testdata/models/).
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
//
// [16] P. S. Fader and B. G. S. Hardie, "How to project customer retention",
// Journal of Interactive Marketing 21(1), 76-90, 2007.
//
// [17] P. S. Fader, B. G. S. Hardie, Y. Liu, J. Davin and T. Steenburgh,
// "'How to project customer retention' revisited: the role of duration
// dependence", Journal of Interactive Marketing 43, 1-16, 2018.
//
// [18] P. S. Fader and B. G. S. Hardie, "Customer-base valuation in a
// contractual setting: the perils of ignoring heterogeneity", Marketing
// Science 29(1), 85-93, 2010.
//
// [19] D. C. Schmittlein, D. G. Morrison and R. Colombo, "Counting your
// customers: who are they and what will they do next?", Management Science
// 33(1), 1-24, 1987; P. S. Fader and B. G. S. Hardie, "A note on deriving
// the Pareto/NBD model and related expressions", 2005.
//
// [20] P. S. Fader, B. G. S. Hardie and K. L. Lee, "Counting your customers
// the easy way: an alternative to the Pareto/NBD model", Marketing Science
// 24(2), 275-284, 2005.
//
// [21] E. P. Batislam, M. Denizel and A. Filiztekin, "Empirical validation
// and comparison of models for customer base analysis", International
// Journal of Research in Marketing 24(3), 201-209, 2007.
//
// [22] P. S. Fader, B. G. S. Hardie and J. Shang, "Customer-base analysis in
// a discrete-time noncontractual setting", Marketing Science 29(6),
// 1086-1108, 2010.
//
// [23] P. S. Fader, B. G. S. Hardie and K. L. Lee, "RFM and CLV: using
// iso-value curves for customer base analysis", Journal of Marketing
// Research 42(4), 415-430, 2005.
package churn
