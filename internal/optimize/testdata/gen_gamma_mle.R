# Reference maximum-likelihood fit of a gamma distribution, for
# information_test.go. Run from this directory:
#
#     Rscript gen_gamma_mle.R
#
# It writes gamma_sample.csv (the data) and gamma_mle.json (the reference).
#
# The MLE of the shape k solves log(k) - digamma(k) = log(mean(x)) - mean(log(x))
# (solved here by uniroot to 1e-14), and the rate is k / mean(x). The
# observed information of (k, rate) for n observations is
#
#   [ n*trigamma(k)   -n/rate       ]
#   [ -n/rate         n*k/rate^2    ]
#
# whose inverse gives the standard errors: an analytic answer that shares no
# code with the Go numeric Hessian. For comparison we also record the fit of
# R's optim(method = "Nelder-Mead") on the same negative log-likelihood,
# with the parameters on the log scale (as our Transform Positive does).
set.seed(20240601)
n <- 400
x <- round(rgamma(n, shape = 2.5, rate = 0.8), 6)
write.table(data.frame(x = sprintf("%.6f", x)), "gamma_sample.csv",
            row.names = FALSE, quote = FALSE)

s <- log(mean(x)) - mean(log(x))
k <- uniroot(function(k) log(k) - digamma(k) - s, c(1e-3, 1e3), tol = 1e-14)$root
rate <- k / mean(x)
info <- matrix(c(n * trigamma(k), -n / rate, -n / rate, n * k / rate^2), 2, 2)
cov <- solve(info)
se <- sqrt(diag(cov))
nll <- function(p) -sum(dgamma(x, shape = p[1], rate = p[2], log = TRUE))

o <- optim(c(0, 0), function(lp) nll(exp(lp)), method = "Nelder-Mead",
           control = list(reltol = 1e-14, maxit = 10000))

num <- function(v) formatC(v, digits = 17, format = "g")
vec <- function(v) paste0("[", paste(num(v), collapse = ", "), "]")
cat(file = "gamma_mle.json", sep = "", "{\n",
    ' "r": "', R.version.string, '",\n',
    ' "n": ', n, ",\n",
    ' "mle": ', vec(c(k, rate)), ",\n",
    ' "negloglik": ', num(nll(c(k, rate))), ",\n",
    ' "se": ', vec(se), ",\n",
    ' "cov": [', vec(cov[1, ]), ", ", vec(cov[2, ]), "],\n",
    ' "optim_nm": ', vec(exp(o$par)), ",\n",
    ' "optim_nm_value": ', num(o$value), "\n",
    "}\n")
