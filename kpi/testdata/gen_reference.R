# Reference values for package kpi computed with R (base stats only).
# Run from this directory:  Rscript gen_reference.R
# Writes quantiles_r.json, lm_r.json and t_r.json. The Go tests read them; CI
# does not need R.

# to_json writes nested lists as JSON with every number in 17 significant
# digits (jsonlite stops at 15), so that the Go tests see R's doubles
# exactly. Vectors wrapped in I() stay arrays even with one element.
to_json <- function(v) {
  if (is.list(v) && !inherits(v, "AsIs")) {
    if (!is.null(names(v))) {
      parts <- mapply(function(k, x) paste0('"', k, '": ', to_json(x)), names(v), v)
      return(paste0("{", paste(parts, collapse = ",\n"), "}"))
    }
    return(paste0("[", paste(sapply(v, to_json), collapse = ",\n"), "]"))
  }
  if (is.character(v)) return(paste0('"', v, '"'))
  if (inherits(v, "AsIs") || length(v) != 1) {
    return(paste0("[", paste(sprintf("%.17g", v), collapse = ", "), "]"))
  }
  sprintf("%.17g", v)
}

# --- Sample quantiles, Hyndman-Fan types 1-9 (stats::quantile) -----------
samples <- list(
  small   = c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5),
  single  = c(42),
  two     = c(10, 20),
  ties    = c(1, 1, 1, 2, 2, 3, 7, 7, 7, 7),
  seconds = c(312.5, 45, 1800, 95.25, 7200, 610, 88, 3600, 15, 240, 59.9, 1234),
  negative = c(-5.5, -1, 0, 0.25, 2, 2, 8, 13.75)
)
probs <- c(0, 0.01, 0.1, 0.25, 1/3, 0.5, 0.6, 0.75, 0.9, 0.95, 0.99, 1)
q <- list()
for (name in names(samples)) {
  x <- samples[[name]]
  rows <- list()
  for (type in 1:9) {
    rows[[type]] <- I(unname(quantile(x, probs, type = type, names = FALSE)))
  }
  q[[name]] <- list(x = I(x), probs = I(probs), types = rows)
}
writeLines(to_json(q), "quantiles_r.json")

# --- Least-squares slope with its interval (stats::lm, confint) ----------
series <- list(
  csat = c(78.2, 79.1, 77.5, 80.3, 81.0, 79.8, 82.4, 83.1, 82.0, 84.5, 85.2, 84.9),
  falling = c(12.5, 12.1, 11.8, 12.2, 11.0, 10.7, 10.9, 10.1, 9.8),
  short = c(1, 3, 2)
)
l <- list()
for (name in names(series)) {
  y <- series[[name]]
  x <- seq_along(y) - 1
  fit <- lm(y ~ x)
  s <- summary(fit)
  l[[name]] <- list(
    y = I(y),
    slope = unname(coef(fit)[2]),
    intercept = unname(coef(fit)[1]),
    se = unname(s$coefficients[2, 2]),
    p = unname(s$coefficients[2, 4]),
    lower95 = unname(confint(fit, level = 0.95)[2, 1]),
    upper95 = unname(confint(fit, level = 0.95)[2, 2]),
    lower90 = unname(confint(fit, level = 0.90)[2, 1]),
    upper90 = unname(confint(fit, level = 0.90)[2, 2])
  )
}
writeLines(to_json(l), "lm_r.json")

# --- Student t quantiles and tails (stats::qt, pt) -----------------------
tq <- list()
for (nu in c(1, 2, 3, 5, 10, 30, 100, 1000)) {
  for (p in c(0.5, 0.6, 0.9, 0.95, 0.975, 0.995, 0.9995)) {
    tq[[length(tq) + 1]] <- list(p = p, nu = nu, q = qt(p, nu))
  }
}
ts <- list()
for (nu in c(1, 2.5, 4, 10, 50)) {
  for (t in c(-3, -0.5, 0, 0.7, 1.5, 2.2, 6, 40)) {
    ts[[length(ts) + 1]] <- list(t = t, nu = nu, sf = pt(t, nu, lower.tail = FALSE))
  }
}
writeLines(to_json(list(quantile = tq, survival = ts)), "t_r.json")

# --- Poisson score interval for complaint counts -------------------------
# The roots of (c - lambda)^2 / lambda = z^2 found numerically (uniroot),
# independently of the closed form the Go code uses.
ps <- list()
for (c in c(0, 1, 12, 250)) {
  for (level in c(0.95, 0.99)) {
    z <- qnorm(1 - (1 - level) / 2)
    f <- function(l) (c - l)^2 / l - z^2
    lower <- if (c == 0) 0 else uniroot(f, c(1e-12, c), tol = 1e-14)$root
    upper <- uniroot(f, c(max(c, 1e-12), c + 10 * z * sqrt(c + 1) + 10), tol = 1e-14)$root
    ps[[length(ps) + 1]] <- list(count = c, level = level, lower = lower, upper = upper)
  }
}
writeLines(to_json(ps), "poisson_score_r.json")
