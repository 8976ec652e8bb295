# Reference values for examples/churn/main_test.go, from R's survival
# package.
#   Rscript examples/churn/testdata/reference.R
# prints, among the rows of the curve,
#   time n.risk n.event survival std.err lower 95% CI upper 95% CI
#      6      6       2 0.457143 0.1661781  0.224196     0.932129
#      9      3       1 0.304762 0.1665934  0.104391     0.889727
# and the median 6 (0.95LCL 5, 0.95UCL NA).
suppressMessages(library(survival))
months <- c(2, 3, 3, 5, 6, 6, 8, 9, 12, 12)
churned <- c(1, 1, 0, 1, 1, 1, 0, 1, 0, 0)
fit <- survfit(Surv(months, churned) ~ 1)
print(summary(fit, censored = TRUE), digits = 7)
print(fit)
