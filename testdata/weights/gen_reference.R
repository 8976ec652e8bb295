# Reference values for the survey-weight functions of package satmetrics
# (poststratify_test.go, rake_test.go, trim_test.go,
# calibratedestimate_test.go, representativeness_test.go, response_test.go).
#
# Run from this folder:   Rscript gen_reference.R
# Needs R with the survey and jsonlite packages. It writes
#   respondents.csv   the generated respondents (categories, rating, base weight)
#   population.json   the population margins
#   weights.csv       weights computed by survey::postStratify, rake, trimWeights
#   estimates.csv     svymean / svyciprop on the calibrated designs, chisq.test
#   moe.csv           the margin of error formula
suppressMessages(library(survey))
library(jsonlite)
options(digits = 17)

set.seed(20260801)
n <- 600

# Respondents over-represent the south and east, the pro tier and new
# customers; tier depends on region and tenure on tier, so that the
# classifications are associated and raking needs several sweeps.
regions <- c("east", "north", "south", "west")
tiers <- c("basic", "enterprise", "pro")
tenures <- c("0-1y", "1-3y", "3y+")
region <- sample(regions, n, replace = TRUE, prob = c(0.30, 0.15, 0.35, 0.20))
tier <- character(n)
for (i in seq_len(n)) {
  p <- switch(region[i], east = c(0.5, 0.1, 0.4), north = c(0.3, 0.3, 0.4),
              south = c(0.6, 0.1, 0.3), west = c(0.4, 0.2, 0.4))
  tier[i] <- sample(tiers, 1, prob = p)
}
tenure <- character(n)
for (i in seq_len(n)) {
  p <- switch(tier[i], basic = c(0.6, 0.3, 0.1), enterprise = c(0.2, 0.3, 0.5),
              pro = c(0.4, 0.4, 0.2))
  tenure[i] <- sample(tenures, 1, prob = p)
}
# A 0-10 likelihood-to-recommend rating that depends on the classifications.
mu <- 6.5 + c(basic = -0.8, enterprise = 1.2, pro = 0.4)[tier] +
  c("0-1y" = -0.5, "1-3y" = 0.2, "3y+" = 0.9)[tenure] +
  c(east = 0.1, north = 0.5, south = -0.4, west = 0)[region]
rating <- pmin(10, pmax(0, round(mu + rnorm(n, 0, 2))))
promoter <- as.integer(rating >= 9)
w0 <- round(runif(n, 0.5, 2.5), 3) # base (design) weights
d <- data.frame(id = seq_len(n), region, tier, tenure, rating, promoter, w0,
                stringsAsFactors = FALSE)
write.csv(d, "respondents.csv", row.names = FALSE, quote = FALSE)

pop <- list(
  region = c(east = 30000, north = 25000, south = 20000, west = 25000),
  tier = c(basic = 55000, enterprise = 15000, pro = 30000),
  tenure = c("0-1y" = 25000, "1-3y" = 35000, "3y+" = 40000)
)
write_json(lapply(pop, as.list), "population.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
popdf <- function(v) {
  df <- data.frame(names(v), Freq = as.vector(v), stringsAsFactors = FALSE)
  names(df)[1] <- names(which(sapply(pop, function(p) identical(p, v))))
  df
}
pops <- list(popdf(pop$region), popdf(pop$tier), popdf(pop$tenure))
ctl <- list(maxit = 1000, epsilon = 1e-13)

out <- data.frame(id = d$id)
est <- data.frame(name = character(), value = numeric(), stringsAsFactors = FALSE)
add <- function(name, value) est[nrow(est) + 1, ] <<- list(name, as.numeric(value))
record <- function(prefix, des) {
  m <- svymean(~rating, des)
  add(paste0(prefix, ".mean"), coef(m))
  add(paste0(prefix, ".mean.se"), SE(m))
  p <- svyciprop(~promoter, des, df = Inf) # logit interval, normal quantile
  add(paste0(prefix, ".prop"), coef(p))
  add(paste0(prefix, ".prop.se"), sqrt(attr(p, "var")))
  add(paste0(prefix, ".prop.lower"), attr(p, "ci")[1])
  add(paste0(prefix, ".prop.upper"), attr(p, "ci")[2])
}

# 1. Post-stratification on tier, from the base weights w0.
d0 <- svydesign(ids = ~1, weights = ~w0, data = d)
ps <- postStratify(d0, ~tier, pops[[2]])
out$poststratify <- weights(ps)
record("poststratify", ps)

# 2. Raking on region, tier and tenure from equal weights.
d1 <- svydesign(ids = ~1, weights = ~rep(1, n), data = d)
rk <- rake(d1, list(~region, ~tier, ~tenure), pops, control = ctl)
out$rake <- weights(rk)
record("rake", rk)

# 3. Raking from the base weights w0 (weights only: R's raking variance
#    averages residuals without the base weights).
rk0 <- rake(d0, list(~region, ~tier, ~tenure), pops, control = ctl)
out$rake_w0 <- weights(rk0)

# 4. Strict trimming of the raked weights to [0.6, 1.6] times the mean.
meanw <- sum(pop$region) / n
L <- 0.6 * meanw
U <- 1.6 * meanw
tr <- trimWeights(rk, lower = L, upper = U, strict = TRUE)
out$trim <- weights(tr)

# 5. Trimming to [0.2, 5] times the mean and raking again, in rounds, until
#    the raked weights are within the bounds (up to a relative 1e-9), as
#    Calibration.Bounds does.
L <- 0.2 * meanw
U <- 5 * meanw
des <- rk
rounds <- 0
while (rounds < 100) {
  w <- weights(des)
  if (all(w <= U * (1 + 1e-9)) && all(w >= L * (1 - 1e-9))) break
  des <- trimWeights(des, lower = L, upper = U, strict = TRUE)
  des <- rake(des, list(~region, ~tier, ~tenure), pops, control = ctl)
  rounds <- rounds + 1
}
out$rake_trim <- weights(des)
add("rake_trim.rounds", rounds)

# Full precision: write.csv keeps only 15 significant digits.
g17 <- function(df) {
  for (j in seq_along(df)) if (is.double(df[[j]])) df[[j]] <- sprintf("%.17g", df[[j]])
  df
}
write.csv(g17(out), "weights.csv", row.names = FALSE, quote = FALSE)

# 6. Representativeness: chi-square goodness of fit of the respondents'
#    counts against the population shares, with standardized residuals.
for (v in names(pop)) {
  obs <- table(factor(d[[v]], levels = names(pop[[v]])))
  ct <- chisq.test(as.vector(obs), p = pop[[v]] / sum(pop[[v]]))
  add(paste0("chisq.", v, ".statistic"), ct$statistic)
  add(paste0("chisq.", v, ".df"), ct$parameter)
  add(paste0("chisq.", v, ".p"), ct$p.value)
  for (j in seq_along(obs)) {
    add(paste0("chisq.", v, ".", names(pop[[v]])[j], ".stdres"), ct$stdres[j])
  }
}
# A small-sample case (expected counts below 5): 12 respondents, shares
# 0.5, 0.3, 0.15, 0.05.
ct <- suppressWarnings(chisq.test(c(3, 5, 3, 1), p = c(0.5, 0.3, 0.15, 0.05)))
add("chisq.small.statistic", ct$statistic)
add("chisq.small.p", ct$p.value)
# Far in the upper tail: 990 and 1 respondents for shares 0.5 and 0.5.
ct <- chisq.test(c(990, 1), p = c(0.5, 0.5))
add("chisq.tail.statistic", ct$statistic)
add("chisq.tail.p", ct$p.value)

# 7. Margin of error of a proportion with the finite population
#    correction, z sqrt(p (1 - p) / n) sqrt((N - n) / (N - 1)) (Cochran 1977,
#    eq. 3.4); cases: p, n, N (0 = no correction), level.
moe <- function(p, n, N, level) {
  z <- qnorm(1 - (1 - level) / 2)
  f <- if (N == 0) 1 else sqrt((N - n) / (N - 1))
  z * sqrt(p * (1 - p) / n) * f
}
cases <- rbind(c(0.5, 1000, 0, 0.95), c(0.5, 1000, 10000, 0.95), c(0.3, 400, 2000, 0.90),
               c(0.12, 150, 151, 0.99), c(0.5, 385, 0, 0.95), c(0.8, 57.3, 300, 0.95))
moes <- data.frame(p = cases[, 1], n = cases[, 2], N = cases[, 3], level = cases[, 4])
moes$moe <- mapply(moe, moes$p, moes$n, moes$N, moes$level)
write.csv(g17(est), "estimates.csv", row.names = FALSE, quote = FALSE)
write.csv(g17(moes), "moe.csv", row.names = FALSE, quote = FALSE)
