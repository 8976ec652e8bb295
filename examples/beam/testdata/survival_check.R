# The survival figures quoted in pipeline/example_test.go, computed
# independently of the library with R's survival package:
#   cd examples/beam && Rscript testdata/survival_check.R
# Output (R 4.x, survival 3.x): 400 292, median 212.3333 [180.75, 270.0417].
suppressMessages(library(survival))
d <- read.csv("testdata/subscriptions.csv", stringsAsFactors=FALSE)
d$t <- as.POSIXct(sub("([+-]\\d\\d):(\\d\\d)$", "\\1\\2", d$time), format="%Y-%m-%dT%H:%M:%S%z", tz="UTC")
asof <- as.POSIXct("2026-12-01 00:00:00", tz="UTC")
res <- do.call(rbind, lapply(split(d, d$customer), function(x) {
  s <- min(x$t[x$kind=="start"]); c <- x$t[x$kind=="cancel"]
  if (length(c) > 0 && min(c) <= asof) data.frame(exit=as.numeric(difftime(min(c), s, units="days")), ev=1)
  else data.frame(exit=as.numeric(difftime(asof, s, units="days")), ev=0)
}))
f <- survfit(Surv(exit, ev) ~ 1, data=res)
cat(nrow(res), sum(res$ev), "\n"); print(summary(f)$table[c("median","0.95LCL","0.95UCL")], digits=10)
