# Reference values for examples/likert/main_test.go, from R with psych.
#   Rscript examples/likert/testdata/reference.R
# prints raw_alpha 0.8327566, alpha.drop 0.6772655 0.9398411 0.7677515
# 0.7017857, and wilcox.test W = 58.5, p-value = 0.02857931.
suppressMessages(library(psych))
q1 <- c(4, 5, 3, 4, 2, 5, 4, 3, 4, 5)
q2 <- c(3, 4, 4, 2, 3, 5, 4, 2, 5, 3)
q3 <- c(2, 1, 4, 2, 4, 2, 3, 3, 2, 1) # reverse-keyed: scored 6 - answer
q4 <- c(5, 5, 3, 4, 1, 5, 4, 3, 4, 4)
a <- alpha(data.frame(q1, q2, q3 = 6 - q3, q4))
print(a$total$raw_alpha, digits = 7)
print(a$alpha.drop$raw_alpha, digits = 7)
chat <- c(5, 4, 4, 3, 5, 4, 2, 4, 5)
phone <- c(3, 2, 4, 3, 1, 3, 4, 2)
print(suppressWarnings(wilcox.test(chat, phone)))
