# Reference values for examples/csat/main_test.go and the table quantiles in
# main.go, from R.
#   Rscript examples/csat/testdata/reference.R
# prints the Wilson interval 0.6246078 0.7897516, the Clopper-Pearson
# interval 0.6212225 0.7956703 and the t interval 3.750588 4.195841.
r <- rep(1:5, c(6, 9, 17, 30, 50)) # 112 answers, 80 of them 4 or 5
print(prop.test(80, 112, correct = FALSE)$conf.int[1:2], digits = 7)
print(binom.test(80, 112)$conf.int[1:2], digits = 7)
print(t.test(r)$conf.int[1:2], digits = 7)
# the quantiles that main.go takes from a table
print(c(qnorm(0.975), qt(0.975, 111)), digits = 16)
print(c(qbeta(0.025, 80, 33), qbeta(0.975, 81, 32)), digits = 16)
print(c(qbeta(0.025, 80.5, 32.5), qbeta(0.975, 80.5, 32.5)), digits = 16)
