# Reference values for examples/ces/main_test.go and the table quantiles in
# main.go, from R.
#   Rscript examples/ces/testdata/reference.R
# prints the t intervals 4.416862 5.983138 and 1.565132 2.834868 and the
# Wilson interval 0.5312991 0.8881383.
a <- c(7, 6, 6, 5, 7, 4, 6, 5, 3, 7, 6, 2, 5, 6, 7, 4, 5, 6, 1, 6) # Agree7
b <- c(1, 2, 2, 1, 3, 2, 4, 1, 2, 5, 2, 3, 1, 2, 2)                # Effort5
print(t.test(a)$conf.int[1:2], digits = 7)
print(t.test(b)$conf.int[1:2], digits = 7)
print(prop.test(sum(a >= 5), length(a), correct = FALSE)$conf.int[1:2], digits = 7)
print(c(qt(0.975, 19), qt(0.975, 14)), digits = 16)
