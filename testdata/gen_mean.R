#!/usr/bin/env Rscript
# Reference values for mean.go and samplesize.go, computed with R's stats
# package (t.test, qt, qnorm). Run from this folder:
#
#     Rscript gen_mean.R
#
# It writes
#   ttest.csv       one-sample t intervals: t.test(x, conf.level = level)$conf.int
#                   with mean(x), sd(x) and length(x) of the sample;
#   welch.csv       Welch two-sample tests: t.test(x, y, var.equal = FALSE);
#   samplesize.csv  sample sizes: ceiling(qnorm(1 - a/2)^2 p (1 - p) / E^2) for
#                   proportions, and the smallest n >= 2 with
#                   qt(1 - a/2, n - 1) sd / sqrt(n) <= E for means (brute force).
options(digits = 17)

# Samples are rating distributions given as counts per point, expanded with rep().
samples <- list(
  seed    = rep(1:5, c(12, 10, 10, 30, 50)),   # the CSAT seed example: 80 of 112 satisfied
  small   = c(4, 5),
  three   = c(1, 3, 3),
  skew    = rep(1:5, c(1, 0, 2, 10, 40)),
  ces7    = rep(1:7, c(3, 5, 8, 20, 30, 25, 9)),
  nps11   = rep(0:10, c(2, 1, 1, 1, 1, 3, 3, 9, 22, 22, 35)),
  large   = rep(1:10, c(100, 50, 80, 120, 300, 500, 900, 1500, 1200, 800)),
  tiny_sd = rep(c(3, 4), c(999, 1))
)
levels <- c(0.8, 0.9, 0.95, 0.99)

fmt <- function(x) formatC(x, digits = 17, format = "g")

rows <- c("name,mean,sd,n,level,lower,upper")
for (nm in names(samples)) {
  x <- samples[[nm]]
  for (lv in levels) {
    ci <- t.test(x, conf.level = lv)$conf.int
    rows <- c(rows, paste(nm, fmt(mean(x)), fmt(sd(x)), length(x), lv, fmt(ci[1]), fmt(ci[2]), sep = ","))
  }
}
writeLines(rows, "ttest.csv")

pairs <- list(c("seed", "skew"), c("small", "three"), c("ces7", "seed"),
              c("nps11", "large"), c("large", "seed"), c("three", "tiny_sd"))
rows <- c("a,b,mean_a,sd_a,n_a,mean_b,sd_b,n_b,level,lower,upper,t,df,p")
for (pr in pairs) {
  x <- samples[[pr[1]]]
  y <- samples[[pr[2]]]
  for (lv in c(0.9, 0.95, 0.99)) {
    tt <- t.test(x, y, var.equal = FALSE, conf.level = lv)
    rows <- c(rows, paste(pr[1], pr[2], fmt(mean(x)), fmt(sd(x)), length(x),
                          fmt(mean(y)), fmt(sd(y)), length(y), lv,
                          fmt(tt$conf.int[1]), fmt(tt$conf.int[2]),
                          fmt(tt$statistic), fmt(tt$parameter), fmt(tt$p.value), sep = ","))
  }
}
writeLines(rows, "welch.csv")

rows <- c("kind,param,margin,level,n")
for (lv in c(0.9, 0.95, 0.99)) {
  z <- qnorm(1 - (1 - lv) / 2)
  for (p in c(0.5, 0.3, 0.714, 0.9, 0.99)) {
    for (e in c(0.01, 0.03, 0.05, 0.1)) {
      rows <- c(rows, paste("proportion", p, e, lv, max(1, ceiling(z^2 * p * (1 - p) / e^2)), sep = ","))
    }
  }
  for (s in c(0.5, 1, 1.2, 2.5)) {
    for (e in c(0.05, 0.1, 0.25, 1, 2)) {
      n <- 2
      while (qt(1 - (1 - lv) / 2, n - 1) * s / sqrt(n) > e) n <- n + 1
      rows <- c(rows, paste("mean", s, e, lv, n, sep = ","))
    }
  }
}
writeLines(rows, "samplesize.csv")
