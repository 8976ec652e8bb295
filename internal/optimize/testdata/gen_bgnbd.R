# Reference BG/NBD fit on the CDNOW sample, for bgnbd_test.go. Run from this
# directory:
#
#     Rscript gen_bgnbd.R
#
# cdnow_summary.csv holds x, t_x and T (weeks) of the 2,357 customers of the
# CDNOW sample over the 39-week calibration period, as redistributed with
# the MIT-licensed Python package lifetimes (see shared/data/README.md of the
# project). The log-likelihood is equation (6) of Fader, Hardie and Lee
# (2005), "Counting your customers the easy way", Marketing Science 24(2),
# written here independently of the Go test's version. Fit by optim (BFGS on
# the log parameters, then Nelder-Mead to polish), standard errors from
# optimHess, R's own finite-difference Hessian, in the natural parameters.
d <- read.csv("cdnow_summary.csv")
x <- d$x; tx <- d$t_x; TT <- d$T

ll <- function(p) {
  r <- p[1]; alpha <- p[2]; a <- p[3]; b <- p[4]
  A1 <- lgamma(r + x) - lgamma(r) + r * log(alpha)
  A2 <- lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x)
  A3 <- -(r + x) * log(alpha + TT)
  A4 <- ifelse(x > 0, log(a) - log(pmax(b + x - 1, 1e-300)) - (r + x) * log(alpha + tx), -Inf)
  m <- pmax(A3, A4)
  sum(A1 + A2 + m + log(exp(A3 - m) + exp(A4 - m)))
}
nll <- function(lp) -ll(exp(lp))
o <- optim(log(c(1, 1, 1, 1)), nll, method = "BFGS", control = list(reltol = 1e-14, maxit = 1000))
o <- optim(o$par, nll, method = "Nelder-Mead", control = list(reltol = 1e-15, maxit = 20000))
p <- exp(o$par)
h <- optimHess(p, function(p) -ll(p), control = list(ndeps = 1e-4 * p))
se <- sqrt(diag(solve(h)))

num <- function(v) formatC(v, digits = 17, format = "g")
vec <- function(v) paste0("[", paste(num(v), collapse = ", "), "]")
cat(file = "bgnbd_cdnow.json", sep = "", "{\n",
    ' "r": "', R.version.string, '",\n',
    ' "params": ', vec(p), ",\n",
    ' "loglik": ', num(ll(p)), ",\n",
    ' "se": ', vec(se), "\n",
    "}\n")
