package optimize_test

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics/internal/optimize"
)

// A shop sees these weekly order counts and fits a Poisson rate λ > 0 by
// maximum likelihood, on the log scale so that λ stays positive. The MLE is
// the mean, 3.5, and its standard error √(λ/n) = √(3.5/8) ≈ 0.661.
func Example() {
	counts := []float64{2, 5, 3, 4, 1, 6, 3, 4}
	negLogLik := func(p []float64) float64 {
		lambda := p[0]
		var ll float64
		for _, k := range counts {
			lg, _ := math.Lgamma(k + 1)
			ll += k*math.Log(lambda) - lambda - lg
		}
		return -ll
	}
	tr := optimize.NewTransformed(negLogLik, []optimize.Transform{optimize.Positive()})
	y0, err := tr.ToInternal([]float64{1})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := optimize.NelderMead(tr.Func, y0, optimize.Settings{})
	if err != nil {
		fmt.Println(err)
		return
	}
	se, err := tr.StdErrors(res.X)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("λ = %.4f ± %.4f, converged: %v\n", tr.FromInternal(res.X)[0], se[0], res.Converged)
	// Output:
	// λ = 3.5000 ± 0.6614, converged: true
}

// Rosenbrock's banana-shaped valley, from the classic start (-1.2, 1).
func ExampleNelderMead() {
	rosenbrock := func(x []float64) float64 {
		a, b := x[1]-x[0]*x[0], 1-x[0]
		return 100*a*a + b*b
	}
	res, err := optimize.NelderMead(rosenbrock, []float64{-1.2, 1}, optimize.Settings{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("minimum at (%.6f, %.6f), converged: %v\n", res.X[0], res.X[1], res.Converged)
	// Output:
	// minimum at (1.000000, 1.000000), converged: true
}

// The same valley by BFGS with a numerical gradient.
func ExampleBFGS() {
	rosenbrock := func(x []float64) float64 {
		a, b := x[1]-x[0]*x[0], 1-x[0]
		return 100*a*a + b*b
	}
	res, err := optimize.BFGS(optimize.NumGrad(rosenbrock, 0), []float64{-1.2, 1}, optimize.BFGSSettings{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("minimum at (%.4f, %.4f), converged: %v\n", res.X[0], res.X[1], res.Converged)
	// Output:
	// minimum at (1.0000, 1.0000), converged: true
}

// For f(x, y) = x² + xy + 2y², the Hessian is [[2, 1], [1, 4]] and its
// inverse [[4, -1], [-1, 2]]/7.
func ExampleCovariance() {
	f := func(p []float64) float64 { x, y := p[0], p[1]; return x*x + x*y + 2*y*y }
	cov, err := optimize.Covariance(f, []float64{1, 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.6f %.6f\n%.6f %.6f\n", cov[0][0]*7, cov[0][1]*7, cov[1][0]*7, cov[1][1]*7)
	// Output:
	// 4.000000 -1.000000
	// -1.000000 2.000000
}
