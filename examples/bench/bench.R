#!/usr/bin/env Rscript
# The R side of satmetrics' benchmark report.
#
# Usage: Rscript bench.R TASK DIR REPEATS
#
# Reads the data that examples/bench wrote into DIR (raw little-endian
# arrays), times only the computation (not the loading) REPEATS times, and
# prints the median in seconds as JSON.
args <- commandArgs(trailingOnly = TRUE)
task <- args[1]; d <- args[2]; repeats <- as.integer(args[3])

readvec <- function(name, what, size) {
  f <- file.path(d, name)
  readBin(f, what = what, size = size, n = file.info(f)$size / size, endian = "little")
}

median_time <- function(fn) {
  times <- numeric(repeats)
  for (i in seq_len(repeats)) {
    t0 <- proc.time()[["elapsed"]]
    res <- fn()
    times[i] <- proc.time()[["elapsed"]] - t0
  }
  list(seconds = median(times), result = res)
}

run <- switch(task,
  nps = {
    x <- readvec("nps_scores.i8", "integer", 1)
    function() {
      tab <- tabulate(x + 1L, nbins = 11L)
      100 * (sum(tab[10:11]) - sum(tab[1:7])) / length(x)
    }
  },
  km = {
    suppressMessages(library(survival))
    t <- readvec("km_time.f64", "double", 8)
    e <- readvec("km_event.i8", "integer", 1)
    function() { fit <- survfit(Surv(t, e) ~ 1); tail(fit$surv, 1) }
  },
  alpha = {
    suppressMessages(library(psych))
    dims <- readvec("alpha_dims.i32", "integer", 4)
    m <- matrix(readvec("alpha_items.i8", "integer", 1), nrow = dims[1], ncol = dims[2], byrow = TRUE)
    df <- as.data.frame(m)
    function() suppressWarnings(psych::alpha(df, warnings = FALSE))$total$raw_alpha
  },
  rake = {
    suppressMessages(library(survey))
    dims <- readvec("rake_dims.i32", "integer", 4)
    n <- dims[1]
    cls <- matrix(readvec("rake_cats.i32", "integer", 4), nrow = n, ncol = 3, byrow = TRUE)
    df <- data.frame(a = factor(cls[, 1]), b = factor(cls[, 2]), c = factor(cls[, 3]), w = 1)
    targets <- readvec("rake_targets.f64", "double", 8)
    ka <- nlevels(df$a); kb <- nlevels(df$b); kc <- nlevels(df$c)
    pa <- data.frame(a = levels(df$a), Freq = targets[1:ka])
    pb <- data.frame(b = levels(df$b), Freq = targets[ka + 1:kb])
    pc <- data.frame(c = levels(df$c), Freq = targets[ka + kb + 1:kc])
    des <- svydesign(ids = ~1, weights = ~w, data = df)
    function() {
      # epsilon is absolute in rake (a count); 1e-6 of the smallest target matches satmetrics' default relative tolerance
      r <- rake(des, list(~a, ~b, ~c), list(pa, pb, pc), control = list(maxit = 100, epsilon = 1e-6 * min(targets)))
      sum(weights(r))
    }
  },
  stop("unknown task ", task)
)
out <- median_time(run)
cat(sprintf('{"task": "%s", "tool": "R", "seconds": %.6g, "result": %.10g}\n', task, out$seconds, out$result))
