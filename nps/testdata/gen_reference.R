#!/usr/bin/env Rscript
# Reference values for package nps, computed in R from the raw answers
# rather than from the category-share formulas that the Go code uses. Run
# from this folder:
#
#     Rscript gen_reference.R
#
# Each answer is coded +1 (promoter, 9-10), 0 (passive, 7-8) or -1
# (detractor, 0-6) unless the row gives other breaks. The NPS is the mean of
# the codes and its variance the population variance of the codes, so
#
#   wald.csv      NPS, variance, standard error and the Wald interval
#                 mean ± qnorm(1 - a/2) sqrt(var/n), clipped to [-1, 1];
#                 the adjusted-Wald interval, from the codes with pseudo-answers
#                 of weight 3/4 (+1), 3/2 (0) and 3/4 (-1) added
#                 (weighted.mean and the weighted population variance,
#                 n + 3 responses);
#   compare.csv   two-sample Wald and adjusted-Wald tests: difference, se,
#                 interval, z and two-sided p;
#   samplesize.csv ceiling(qnorm(1 - a/2)^2 var / E^2) with var the variance of
#                 the codes for the expected shares.
options(digits = 17)
fmt <- function(x) sprintf("%.17g", x)

# Datasets: counts of the scores 0..10.
data <- list(
  rnps    = c(1, 0, 0, 0, 0, 0, 0, 2, 0, 3, 0),          # nps(c(0,7,7,9,9,9)) in the NPS package docs
  typical = c(2, 1, 1, 1, 1, 3, 3, 9, 22, 22, 35),       # shares from the NPS package's example
  allpro  = c(0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 6),
  alldet  = c(3, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0),
  onepro  = c(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
  split   = c(50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 50),
  big     = c(1200, 300, 400, 500, 800, 900, 1500, 4000, 6000, 5000, 7000),
  nopass  = c(0, 0, 1, 0, 0, 0, 0, 0, 0, 2, 0)
)
breaks <- list(standard = c(7, 9), six = c(6, 9), eight = c(7, 8), nopassive = c(7, 7))

codes <- function(counts, br) {
  s <- rep(0:10, counts)
  ifelse(s >= br[2], 1, ifelse(s >= br[1], 0, -1))
}

wvar <- function(x, w) { m <- weighted.mean(x, w); sum(w * (x - m)^2) / sum(w) }

adjusted <- function(x) {
  xs <- c(x, 1, 0, -1)
  ws <- c(rep(1, length(x)), 0.75, 1.5, 0.75)
  list(m = weighted.mean(xs, ws), v = wvar(xs, ws), n = length(x) + 3)
}

rows <- c("data,breaks,level,nps,var,se,wald_lower,wald_upper,adj_lower,adj_upper")
for (nm in names(data)) for (bn in names(breaks)) for (lv in c(0.8, 0.9, 0.95, 0.99)) {
  x <- codes(data[[nm]], breaks[[bn]])
  n <- length(x)
  m <- mean(x)
  v <- mean((x - m)^2)
  z <- qnorm(1 - (1 - lv) / 2)
  se <- sqrt(v / n)
  a <- adjusted(x)
  ase <- sqrt(a$v / a$n)
  rows <- c(rows, paste(nm, bn, lv, fmt(m), fmt(v), fmt(se),
                        fmt(max(-1, m - z * se)), fmt(min(1, m + z * se)),
                        fmt(max(-1, a$m - z * ase)), fmt(min(1, a$m + z * ase)), sep = ","))
}
writeLines(rows, "wald.csv")

pairs <- list(c("typical", "rnps"), c("big", "typical"), c("split", "nopass"), c("allpro", "typical"), c("onepro", "alldet"))
rows <- c("a,b,level,method,difference,se,lower,upper,z,p")
for (pr in pairs) for (lv in c(0.9, 0.95)) {
  x <- codes(data[[pr[1]]], breaks$standard)
  y <- codes(data[[pr[2]]], breaks$standard)
  z <- qnorm(1 - (1 - lv) / 2)
  d <- mean(x) - mean(y)
  se <- sqrt(mean((x - mean(x))^2) / length(x) + mean((y - mean(y))^2) / length(y))
  if (se > 0) {
    rows <- c(rows, paste(pr[1], pr[2], lv, "wald", fmt(d), fmt(se), fmt(d - z * se), fmt(d + z * se),
                          fmt(d / se), fmt(2 * pnorm(-abs(d / se))), sep = ","))
  }
  ax <- adjusted(x)
  ay <- adjusted(y)
  da <- ax$m - ay$m
  sea <- sqrt(ax$v / ax$n + ay$v / ay$n)
  rows <- c(rows, paste(pr[1], pr[2], lv, "adjusted-wald", fmt(d), fmt(sea), fmt(da - z * sea), fmt(da + z * sea),
                        fmt(da / sea), fmt(2 * pnorm(-abs(da / sea))), sep = ","))
}
writeLines(rows, "compare.csv")

rows <- c("promoters,detractors,margin,level,n")
for (lv in c(0.9, 0.95, 0.99)) for (pd in list(c(50, 20), c(30, 30), c(50, 50), c(70, 5), c(100, 0), c(0, 0))) for (e in c(1, 5, 10)) {
  p <- pd[1] / 100
  q <- pd[2] / 100
  # variance of codes +1 w.p. p, -1 w.p. q, 0 otherwise
  v <- p * (1 - (p - q))^2 + q * (-1 - (p - q))^2 + (1 - p - q) * (p - q)^2
  z <- qnorm(1 - (1 - lv) / 2)
  rows <- c(rows, paste(pd[1], pd[2], e, lv, max(1, ceiling(z^2 * v / (e / 100)^2)), sep = ","))
}
writeLines(rows, "samplesize.csv")
