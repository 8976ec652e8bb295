# Reference values for the churn package's survival tests, from R's survival
# package (survfit, survdiff, print/summary of survfit). Run from this folder:
#
#   Rscript gen_reference.R
#
# It writes the data sets it uses (data_*.csv: entry, exit, event, weight,
# group) and survival_reference.json. The Go tests read both; they never
# produce these numbers themselves. Data sets are generated with fixed seeds
# and rounded to two decimals, far apart enough that survfit's timefix does
# not merge times.
suppressMessages({library(survival); library(jsonlite)})
stopifnot(packageVersion("survival") >= "3.0")

datasets <- list()

# Freireich et al. (1963), 6-MP arm of the remission study, weeks; the
# textbook example (Klein & Moeschberger, Table 4.1A; Kleinbaum & Klein).
mp <- data.frame(
  exit  = c(6,6,6,6,7,9,10,10,11,13,16,17,19,20,22,23,25,32,32,34,35),
  event = c(1,1,1,0,1,0,1,0,0,1,1,0,0,0,1,1,0,0,0,0,0))
placebo <- data.frame(
  exit  = c(1,1,2,2,3,4,4,5,5,8,8,8,8,11,11,12,12,15,17,22,23),
  event = 1)
datasets$freireich <- rbind(
  data.frame(entry = 0, mp, weight = 1, group = 1),
  data.frame(entry = 0, placebo, weight = 1, group = 2))

# Right-censored data with ties, three groups of different hazards.
set.seed(20240501)
n <- 240
g <- rep(1:3, each = n / 3)
rate <- c(0.08, 0.12, 0.2)[g]
ev <- round(rexp(n, rate), 0) + 1       # integer months: many ties
cens <- round(runif(n, 2, 30), 0)
datasets$ties <- data.frame(entry = 0, exit = pmin(ev, cens),
  event = as.integer(ev <= cens), weight = 1, group = g)

# Late entry (left truncation): customers who joined before the data window
# enter the risk set at the tenure they had when it opened.
set.seed(7)
n <- 150
entry <- ifelse(runif(n) < 0.4, round(runif(n, 0.5, 10), 2), 0)
life <- round(rexp(n, 1 / 14), 2) + 0.01
cens <- round(runif(n, 5, 40), 2)
exit <- pmin(life, cens)
keep <- exit > entry
g <- ifelse(runif(n) < 0.5, 1, 2)
datasets$late <- data.frame(entry = entry[keep], exit = exit[keep],
  event = as.integer(life <= cens)[keep], weight = 1, group = g[keep])

# Integer case weights (survfit uses Greenwood on weighted counts for them).
set.seed(99)
n <- 120
g <- ifelse(runif(n) < 0.5, 1, 2)
life <- round(rexp(n, ifelse(g == 1, 1 / 10, 1 / 7)), 1) + 0.1
cens <- round(runif(n, 1, 25), 1)
datasets$weights <- data.frame(entry = 0, exit = pmin(life, cens),
  event = as.integer(life <= cens), weight = sample(1:4, n, replace = TRUE), group = g)

for (nm in names(datasets))
  write.csv(datasets[[nm]], sprintf("data_%s.csv", nm), row.names = FALSE)

surv_of <- function(d) {
  if (any(d$entry > 0)) Surv(d$entry, d$exit, d$event) else Surv(d$exit, d$event)
}

# The survival curves: each data set pooled, and the 6-MP arm alone (whose
# S(6) = 0.857, SE 0.076 and S(23) = 0.448, SE 0.135 are the textbook values).
curves <- c(list(freireich_6mp = subset(datasets$freireich, group == 1)), datasets)
out <- list()
for (nm in names(curves)) {
  d <- curves[[nm]]
  y <- surv_of(d)
  for (ct in c("log", "log-log", "plain")) {
    f <- survfit(y ~ 1, weights = d$weight, conf.type = ct)
    # Median and its interval as print(survfit) shows them, RMST as
    # print(survfit, rmean = tau) does.
    tau <- round(quantile(d$exit, 0.8), 2)
    tab <- summary(f, rmean = tau)$table
    s <- summary(f, censored = TRUE)
    q <- quantile(f, probs = c(0.25, 0.75))
    out[[paste(nm, ct, sep = "/")]] <- list(
      dataset = nm, conf_type = ct,
      time = f$time, n_risk = f$n.risk, n_event = f$n.event, n_censor = f$n.censor,
      surv = f$surv, std_err_surv = s$std.err, lower = f$lower, upper = f$upper,
      cumhaz = f$cumhaz, std_chaz = f$std.chaz,
      median = unname(tab["median"]), median_lower = unname(tab["0.95LCL"]),
      median_upper = unname(tab["0.95UCL"]),
      rmean_tau = unname(tau), rmean = unname(tab["rmean"]), rmean_se = unname(tab["se(rmean)"]),
      # quantile() takes probabilities of the event (1 - S): probs 0.25 is
      # the duration by which S falls to 0.75.
      q_surv = c(0.75, 0.25), q_time = unname(q$quantile), q_lower = unname(q$lower), q_upper = unname(q$upper))
  }
}

# Log-rank family: survdiff with rho = 0 and rho = 1.
tests <- list()
for (nm in c("freireich", "ties")) {
  d <- datasets[[nm]]
  for (rho in c(0, 1)) {
    sd <- survdiff(Surv(exit, event) ~ group, data = d, rho = rho)
    tests[[length(tests) + 1]] <- list(dataset = nm, rho = rho, gamma = 0,
      chisq = sd$chisq, df = length(sd$n) - 1,
      p = pchisq(sd$chisq, length(sd$n) - 1, lower.tail = FALSE),
      observed = as.numeric(sd$obs), expected = as.numeric(sd$exp))
  }
}

# Fleming-Harrington G(rho, gamma) with gamma > 0 and Peto-Peto's S-tilde
# weights are not in survdiff; they are computed here from survfit's pooled
# risk sets with the textbook formulas (Klein & Moeschberger, section 7.3),
# an implementation independent of the Go code.
weighted_test <- function(d, wfun) {
  f <- survfit(Surv(exit, event) ~ 1, data = d)
  tt <- f$time[f$n.event > 0]
  groups <- sort(unique(d$group)); G <- length(groups)
  S <- 1; St <- 1; U <- numeric(G); V <- matrix(0, G, G)
  for (t in tt) {
    ng <- sapply(groups, function(g) sum(d$exit >= t & d$group == g))
    dg <- sapply(groups, function(g) sum(d$exit == t & d$event == 1 & d$group == g))
    n <- sum(ng); dd <- sum(dg)
    w <- wfun(S, St, n)
    U <- U + w * (dg - ng * dd / n)
    if (n > 1) V <- V + w^2 * dd * (n - dd) / (n - 1) / n * (diag(ng) - outer(ng, ng) / n)
    S <- S * (1 - dd / n); St <- St * (1 - dd / (n + 1))
  }
  chisq <- sum(solve(V[-1, -1, drop = FALSE], U[-1]) * U[-1])
  list(chisq = chisq, df = G - 1, p = pchisq(chisq, G - 1, lower.tail = FALSE))
}
for (nm in c("freireich", "ties")) {
  d <- datasets[[nm]]
  r <- weighted_test(d, function(S, St, n) S^1 * (1 - S)^1)
  tests[[length(tests) + 1]] <- c(list(dataset = nm, rho = 1, gamma = 1, weights = "fleming-harrington"), r)
  r <- weighted_test(d, function(S, St, n) (1 - S)^1)
  tests[[length(tests) + 1]] <- c(list(dataset = nm, rho = 0, gamma = 1, weights = "fleming-harrington"), r)
  r <- weighted_test(d, function(S, St, n) St)
  tests[[length(tests) + 1]] <- c(list(dataset = nm, rho = 0, gamma = 0, weights = "peto-peto"), r)
}

writeLines(toJSON(list(survfit = unname(out), survdiff = tests,
  versions = list(R = R.version.string, survival = as.character(packageVersion("survival")))),
  digits = NA, na = "null", auto_unbox = TRUE, pretty = TRUE),
  "survival_reference.json")

# Wilson score intervals for churn and retention rates: prop.test without
# continuity correction.
wilson <- list()
for (x in list(c(10, 100, 0.95), c(0, 25, 0.95), c(25, 25, 0.9), c(3, 7, 0.99), c(480, 5000, 0.95))) {
  ci <- prop.test(x[1], x[2], conf.level = x[3], correct = FALSE)$conf.int
  wilson[[length(wilson) + 1]] <- list(x = x[1], n = x[2], level = x[3], lower = ci[1], upper = ci[2])
}
writeLines(toJSON(wilson, digits = NA, auto_unbox = TRUE, pretty = TRUE), "wilson_reference.json")

# Upper tail of the chi-square distribution, for the p-values of the tests.
chisq <- expand.grid(x = c(0.001, 0.5, 1, 3.84, 10, 16.79, 40, 100), df = c(1, 2, 3, 5, 10))
chisq$p <- pchisq(chisq$x, chisq$df, lower.tail = FALSE)
writeLines(toJSON(chisq, digits = NA, pretty = TRUE), "chisq_reference.json")
