# Reference values for likert/tally_test.go and likert/ranktest_test.go:
# descriptive statistics of item tallies, R's wilcox.test, kruskal.test and
# chisq.test.
#
#   cd likert/testdata && Rscript gen_tests.R
#
# writes tests_ref.json. Every input is written into the JSON with its
# result, so the Go tests read both from there.
suppressPackageStartupMessages(library(jsonlite))
set.seed(20260402)
out <- list()

# --- Item tallies: counts per point of a 1..k scale -----------------------
tally_case <- function(counts, weights = NULL) {
  k <- length(counts)
  x <- rep(seq_len(k), counts)
  r <- list(counts = counts)
  if (is.null(weights)) {
    tt <- t.test(x)
    top <- sum(x == k); bot2 <- sum(x <= 2)
    r$mean <- mean(x); r$sd <- sd(x)
    r$t95 <- as.numeric(tt$conf.int)
    r$percent <- 100 * counts / sum(counts)
    r$q25 <- unname(quantile(x, .25, type = 1)); r$q50 <- unname(quantile(x, .5, type = 1))
    r$q75 <- unname(quantile(x, .75, type = 1))
    # Wilson score interval: prop.test without continuity correction
    r$top_box <- 100 * top / length(x)
    r$top_box_wilson95 <- 100 * as.numeric(prop.test(top, length(x), correct = FALSE)$conf.int)
    r$bottom2_wilson90 <- 100 * as.numeric(prop.test(bot2, length(x), conf.level = .9, correct = FALSE)$conf.int)
  } else {
    # weights per point: every answer at point p has weight weights[p]
    w <- rep(weights, counts)
    cw <- cov.wt(matrix(x), wt = w / sum(w), method = "unbiased")
    r$weights <- weights
    r$mean <- weighted.mean(x, w); r$sd <- sqrt(cw$cov[1, 1])
    r$percent <- 100 * (counts * weights) / sum(counts * weights)
    r$neff <- sum(w)^2 / sum(w^2)
  }
  r
}
out$tallies <- list(
  tally_case(c(12, 25, 31, 48, 34)),
  tally_case(c(3, 0, 5, 9, 14, 22, 7)),
  tally_case(c(10, 10, 10, 10)),
  tally_case(c(1, 1)),
  tally_case(c(12, 25, 31, 48, 34), weights = c(0.5, 1.5, 1, 2, 0.8)))

# --- Mann-Whitney ----------------------------------------------------------
mw <- function(x, y, exact, correct = TRUE, note) {
  t <- suppressWarnings(wilcox.test(x, y, exact = exact, correct = correct))
  list(note = note, x = I(x), y = I(y), exact = exact, w = unname(t$statistic), p = t$p.value)
}
cont <- function(n) round(rnorm(n), 6)
out$mannwhitney <- list(
  mw(cont(5), cont(7) + 0.5, TRUE, note = "exact, 5 vs 7"),
  mw(cont(12), cont(10) + 1, TRUE, note = "exact, 12 vs 10"),
  mw(c(1.5, 2.5, 3.5), c(4, 5, 6, 7), TRUE, note = "exact, complete separation U = 0"),
  mw(c(10, 11, 12), c(1, 2), TRUE, note = "exact, complete separation U = n1 n2"),
  mw(cont(1), cont(4), TRUE, note = "exact, 1 vs 4"),
  mw(cont(30), cont(45) + 0.3, TRUE, note = "exact, 30 vs 45"),
  mw(cont(49), cont(49) + 0.2, TRUE, note = "exact, 49 vs 49"),
  mw(cont(8), cont(9) + 0.4, FALSE, note = "normal with continuity correction, no ties"),
  mw(cont(60), cont(55) + 0.3, FALSE, note = "normal, 60 vs 55, no ties"),
  mw(sample(1:5, 40, TRUE, prob = c(.1, .2, .3, .25, .15)), sample(1:5, 35, TRUE, prob = c(.05, .1, .25, .35, .25)),
     FALSE, note = "Likert answers with ties, normal with continuity and tie corrections"),
  mw(sample(1:7, 12, TRUE), sample(1:7, 9, TRUE), FALSE, note = "small samples with ties"))

# --- Kruskal-Wallis --------------------------------------------------------
kw <- function(groups, note) {
  t <- kruskal.test(groups)
  list(note = note, groups = groups, h = unname(t$statistic), df = unname(t$parameter), p = t$p.value)
}
out$kruskal <- list(
  kw(list(sample(1:5, 30, TRUE, prob = c(.1, .2, .3, .25, .15)),
          sample(1:5, 25, TRUE, prob = c(.05, .1, .25, .35, .25)),
          sample(1:5, 35, TRUE, prob = c(.2, .25, .25, .2, .1))), "three groups of 5-point answers"),
  kw(list(cont(8), cont(10) + 1, cont(9) + 0.5, cont(7) - 0.5), "four groups of continuous values"),
  kw(list(c(1, 2, 2, 3), c(2, 3, 3, 4, 4)), "two small groups with ties"))

# --- Chi-square ------------------------------------------------------------
cs <- function(tab, note) {
  t <- suppressWarnings(chisq.test(tab, correct = FALSE))
  n <- sum(tab)
  list(note = note, table = unname(tab), statistic = unname(t$statistic), df = unname(t$parameter),
       p = t$p.value, cramers_v = sqrt(unname(t$statistic) / (n * (min(dim(tab)) - 1))))
}
out$chisquare <- list(
  cs(rbind(c(12, 25, 31, 48, 34), c(20, 30, 28, 30, 12), c(5, 15, 30, 40, 30)), "3 groups x 5 points"),
  cs(rbind(c(30, 10), c(20, 25)), "2x2 without Yates' correction"),
  cs(rbind(c(3, 5, 9, 14, 22, 7, 1), c(6, 8, 10, 12, 9, 4, 2), c(1, 2, 6, 10, 20, 15, 6), c(4, 4, 8, 9, 9, 8, 3)), "4 x 7"))

writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "tests_ref.json")
