# Reference values for likert/reliability_test.go, from R's psych::alpha.
#
#   cd likert/testdata && Rscript gen_reliability.R
#
# writes reliability_*.csv (the data, one respondent per row, NA for a
# missing answer) and reliability_ref.json (psych's results). The data sets
# are generated here with a known structure: items are a common factor plus
# noise, cut to 5- or 7-point codes, with one reverse-keyed item.
suppressPackageStartupMessages({library(psych); library(jsonlite)})
cat("psych", as.character(packageVersion("psych")), "\n")
set.seed(20260401)

likert_items <- function(n, loadings, points, reverse = integer(0)) {
  f <- rnorm(n)
  x <- sapply(seq_along(loadings), function(j) {
    z <- loadings[j] * f + sqrt(1 - loadings[j]^2) * rnorm(n)
    if (j %in% reverse) z <- -z
    # cut the continuous score into points with roughly symmetric thresholds
    cuts <- qnorm(seq(0, 1, length.out = points + 1))
    as.integer(cut(z, cuts, labels = FALSE))
  })
  colnames(x) <- paste0("q", seq_along(loadings))
  x
}

ref <- list()
run <- function(name, x, keys = NULL, note) {
  write.csv(x, paste0("reliability_", name, ".csv"), row.names = FALSE, na = "")
  a <- if (is.null(keys)) alpha(x, warnings = FALSE) else alpha(x, keys = keys, warnings = FALSE)
  out <- list(
    note = note,
    keys = if (is.null(keys)) integer(0) else keys,
    n_obs = nrow(x),
    raw_alpha = a$total$raw_alpha, std_alpha = a$total$std.alpha,
    g6 = a$total$`G6(smc)`, average_r = a$total$average_r, ase = a$total$ase,
    feldt_lower = a$feldt$lower.ci[[1]], feldt_upper = a$feldt$upper.ci[[1]],
    item_n = a$item.stats$n, item_mean = a$item.stats$mean, item_sd = a$item.stats$sd,
    r_drop = a$item.stats$r.drop)
  if (ncol(x) > 2) {
    out$drop_raw_alpha <- a$alpha.drop$raw_alpha
    out$drop_std_alpha <- a$alpha.drop$std.alpha
    out$drop_g6 <- a$alpha.drop$`G6(smc)`
    out$drop_average_r <- a$alpha.drop$average_r
  }
  # Feldt's interval by the published formula, at 90% as well
  g <- 0.10; n <- nrow(x); k <- ncol(x); al <- a$total$raw_alpha
  out$feldt90_lower <- 1 - (1 - al) * qf(1 - g/2, n - 1, (n - 1) * (k - 1))
  out$feldt90_upper <- 1 - (1 - al) * qf(g/2, n - 1, (n - 1) * (k - 1))
  ref[[name]] <<- out
}

# 1. Six 5-point items on one factor, item 4 reverse-keyed.
x1 <- likert_items(300, c(.8, .7, .6, .7, .5, .4), 5, reverse = 4)
run("six", x1, keys = c(1, 1, 1, -1, 1, 1), note = "6 items, 5 points, n=300, item 4 reverse-keyed (keys=c(1,1,1,-1,1,1))")

# 2. Five 7-point items with 10% of answers missing completely at random;
#    psych's default use = "pairwise".
x2 <- likert_items(200, c(.75, .65, .6, .55, .7), 7)
x2[matrix(runif(length(x2)) < 0.10, nrow(x2))] <- NA
x2 <- x2[rowSums(!is.na(x2)) > 0, ]
run("missing", x2, note = "5 items, 7 points, n=200, ~10% MCAR missing, pairwise (psych default)")
# The same data, listwise: psych on the complete rows only.
x2c <- x2[complete.cases(x2), ]
run("missing_listwise", x2c, note = "the complete rows of 'missing', i.e. listwise deletion")

# 3. Two items (psych's special case for alpha.drop).
x3 <- likert_items(120, c(.8, .7), 5)
run("two", x3, note = "2 items, 5 points, n=120")

# 4. Twelve items, two weakly related clusters.
f1 <- likert_items(250, rep(.7, 6), 5)
f2 <- likert_items(250, rep(.6, 6), 5)
x4 <- cbind(f1, f2); colnames(x4) <- paste0("q", 1:12)
run("twelve", x4, note = "12 items, 5 points, n=250, two independent 6-item clusters")

writeLines(toJSON(ref, auto_unbox = TRUE, digits = NA, pretty = TRUE), "reliability_ref.json")
