# Reference values for examples/weights/main_test.go, from R's survey
# package.
#   Rscript examples/weights/testdata/reference.R
# prints the post-stratified weights 2 (basic), 0.75 (pro) and 0.3333333
# (enterprise), and svymean's weighted NPS -2.5 with SE 36.8383.
suppressMessages(library(survey))
plan <- c("basic", "basic", "basic", "pro", "pro", "pro", "pro",
          "enterprise", "enterprise", "enterprise")
score <- c(9, 6, 3, 10, 9, 7, 4, 10, 9, 9)
code <- ifelse(score >= 9, 100, ifelse(score <= 6, -100, 0))
des <- svydesign(ids = ~1, weights = ~1, data = data.frame(plan, code))
pop <- data.frame(plan = c("basic", "pro", "enterprise"), Freq = c(6, 3, 1))
ps <- postStratify(des, ~plan, pop)
print(weights(ps), digits = 7)
print(svymean(~code, ps), digits = 6)
