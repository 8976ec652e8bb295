#!/usr/bin/env Rscript
# Reference values for internal/dist, computed with R's nmath library
# (pnorm/qnorm, pt/qt, pchisq/qchisq, pf/qf, pbeta/qbeta, pgamma/qgamma).
#
# Run from this directory:   Rscript gen_reference.R
#
# Every number is written with %.17g. Upper tails come from lower.tail =
# FALSE, which R computes directly (not as 1 - lower). Rows whose tail
# probabilities underflow below 1e-300 are dropped.
#
# R's pt switches to a normal approximation for df > 4e5, so Student t rows
# stop at df = 1e5 here. The quantile tables other than the normal one, and
# the Student t CDF for df >= 4e5, come from mpmath (gen_reference.py): R's
# qbeta/qf/qchisq/qt were found accurate only to 1e-5 .. 1e-10 relative in
# parts of the grid.

f17 <- function(v) ifelse(is.infinite(v), ifelse(v > 0, "Inf", "-Inf"), sprintf("%.17g", v))
out <- function(name, df) {
  df[] <- lapply(df, f17)
  write.csv(df, name, row.names = FALSE, quote = FALSE)
}
ps <- c(1e-300, 1e-100, 1e-20, 1e-12, 1e-6, 1e-3, 0.025, 0.1, 0.3, 0.5, 0.7,
        0.9, 0.975, 0.999, 1 - 1e-6, 1 - 1e-12)

# Normal.
x <- c(-38, -37.5, -20, -10, -8, -5, -3, -1.96, -1, -0.5, -1e-8, 0, 1e-8, 0.5,
       1, 1.96, 3, 5, 8, 10, 20, 37.5, 38)
out("normal_cdf.csv", data.frame(x = x, cdf = pnorm(x), sf = pnorm(x, lower.tail = FALSE)))
out("normal_quantile.csv", data.frame(p = ps, q = qnorm(ps)))

# Student t.
dfs <- c(1, 1.5, 2, 3, 5, 10, 30, 100, 1e3, 1e4, 1e5)
tt <- c(0, 1e-8, 0.1, 0.5, 1, 1.96, 2.5, 5, 10, 50, 1e3, 1e6, 1e12)
g <- expand.grid(t = c(-rev(tt[-1]), tt), df = dfs)
g$cdf <- pt(g$t, g$df)
g$sf <- pt(g$t, g$df, lower.tail = FALSE)
g <- g[pmin(g$cdf, g$sf) > 1e-300, ]
out("studentt_cdf.csv", g)

# Chi-square.
ks <- c(0.1, 0.5, 1, 2, 3, 5, 10, 30, 100, 1e3, 1e4, 1e5, 1e6)
rows <- list()
for (k in ks) {
  xs <- sort(unique(c(1e-10, 1e-3, 0.1, 1, 3.84, 10, 100, 500, 1000,
                      k * c(0.01, 0.5, 0.9, 1, 1.1, 2, 5),
                      k + sqrt(2 * k) * c(-10, -5, -2, -1, 1, 2, 5, 10, 20))))
  xs <- xs[xs > 0]
  rows[[length(rows) + 1]] <- data.frame(x = xs, k = k, cdf = pchisq(xs, k),
                                         sf = pchisq(xs, k, lower.tail = FALSE))
}
g <- do.call(rbind, rows)
g <- g[pmin(g$cdf, g$sf) > 1e-300, ]
out("chisquare_cdf.csv", g)

# F.
ds <- c(0.5, 1, 2, 5, 10, 30, 100, 1e3, 1e5)
rows <- list()
for (d1 in ds) for (d2 in ds) {
  xs <- c(1e-10, 1e-4, 0.01, 0.1, 0.5, 1, 1.5, 2, 4, 10, 100, 1e4, 1e8)
  rows[[length(rows) + 1]] <- data.frame(x = xs, d1 = d1, d2 = d2,
    cdf = pf(xs, d1, d2), sf = pf(xs, d1, d2, lower.tail = FALSE))
}
g <- do.call(rbind, rows)
g <- g[pmin(g$cdf, g$sf) > 1e-300, ]
out("f_cdf.csv", g)

# Beta.
sh <- c(0.01, 0.1, 0.5, 1, 2, 5, 30, 200, 1e3, 1e5)
rows <- list()
for (a in sh) for (b in sh) {
  m <- a / (a + b); s <- sqrt(a * b / ((a + b)^2 * (a + b + 1)))
  xs <- sort(unique(c(1e-12, 1e-6, 0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999,
                      m + s * c(-6, -2, 0, 2, 6))))
  xs <- xs[xs > 0 & xs < 1]
  rows[[length(rows) + 1]] <- data.frame(x = xs, a = a, b = b,
    cdf = pbeta(xs, a, b), sf = pbeta(xs, a, b, lower.tail = FALSE))
}
g <- do.call(rbind, rows)
g <- g[pmin(g$cdf, g$sf) > 1e-300, ]
out("beta_cdf.csv", g)

# Gamma (shape, scale).
sh <- c(0.01, 0.1, 0.5, 1, 2.5, 10, 100, 1e3, 1e4, 1e5)
rows <- list()
for (a in sh) for (sc in c(0.5, 3)) {
  xs <- sort(unique(c(1e-10, 0.01, 1, 10, 100, 700,
                      sc * a * c(0.01, 0.5, 1, 2, 5),
                      sc * (a + sqrt(a) * c(-10, -3, -1, 1, 3, 10, 30)))))
  xs <- xs[xs > 0]
  rows[[length(rows) + 1]] <- data.frame(x = xs, shape = a, scale = sc,
    cdf = pgamma(xs, a, scale = sc), sf = pgamma(xs, a, scale = sc, lower.tail = FALSE))
}
g <- do.call(rbind, rows)
g <- g[pmin(g$cdf, g$sf) > 1e-300, ]
out("gamma_cdf.csv", g)
