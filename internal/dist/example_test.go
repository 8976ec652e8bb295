package dist_test

import (
	"fmt"

	"github.com/satmetrics/satmetrics/internal/dist"
)

// A two-sided 95% interval for a mean from 12 responses uses the Student t
// quantile with 11 degrees of freedom; the p-value of t = 2.5 uses the
// survival function. (Values agree with R's qt and pt.)
func ExampleStudentTQuantile() {
	fmt.Printf("t(0.975; 11) = %.6f\n", dist.StudentTQuantile(0.975, 11))
	fmt.Printf("P(|T| > 2.5) = %.6f\n", 2*dist.StudentTSurvival(2.5, 11))
	// Output:
	// t(0.975; 11) = 2.200985
	// P(|T| > 2.5) = 0.029506
}

// The survival function keeps its precision far in the upper tail, where
// 1 - CDF would round to zero. (R: pchisq(150, 3, lower.tail = FALSE).)
func ExampleChiSquareSurvival() {
	fmt.Printf("%.6g\n", dist.ChiSquareSurvival(150, 3))
	fmt.Printf("%.6g\n", 1-dist.ChiSquareCDF(150, 3))
	// Output:
	// 2.63491e-32
	// 0
}

// A 95% interval for a proportion (Clopper–Pearson) from 3 successes in 40
// trials uses beta quantiles.
func ExampleBetaQuantile() {
	lo := dist.BetaQuantile(0.025, 3, 38)
	hi := dist.BetaQuantile(0.975, 4, 37)
	fmt.Printf("[%.4f, %.4f]\n", lo, hi)
	// Output:
	// [0.0157, 0.2039]
}
