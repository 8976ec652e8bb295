# Reference values for examples/kpi/main_test.go, from R.
#   Rscript examples/kpi/testdata/reference.R
# Kendall's test against time with the continuity correction is the
# Mann-Kendall test (the times have no ties, so its tie-corrected variance
# is Var(S) of the Mann-Kendall test): it prints z = -2.7429, p-value =
# 0.006091.
y <- c(5.2, 4.8, 5.0, 4.5, 4.6, 4.5, 4.3, 3.9)
print(cor.test(seq_along(y), y, method = "kendall", exact = FALSE, continuity = TRUE))
