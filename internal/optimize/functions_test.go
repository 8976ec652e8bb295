package optimize

import "math"

// Standard test functions (Moré, Garbow and Hillstrom, "Testing
// Unconstrained Optimization Software", ACM TOMS 7(1), 1981).

// rosenbrock is the extended Rosenbrock function (MGH #21 in the chained
// form), minimum 0 at (1, ..., 1); the standard start is (-1.2, 1, ...).
func rosenbrock(x []float64) float64 {
	var s float64
	for i := 0; i+1 < len(x); i++ {
		a := x[i+1] - x[i]*x[i]
		b := 1 - x[i]
		s += 100*a*a + b*b
	}
	return s
}

// powell is Powell's singular (quartic) function (MGH #13), minimum 0 at
// the origin, where its Hessian is singular; the standard start is
// (3, -1, 0, 1).
func powell(x []float64) float64 {
	a := x[0] + 10*x[1]
	b := x[2] - x[3]
	c := x[1] - 2*x[2]
	d := x[0] - x[3]
	return a*a + 5*b*b + c*c*c*c + 10*d*d*d*d
}

// quadratic returns f(x) = ½ (x-mu)ᵀ A (x-mu), whose Hessian is A.
func quadratic(a [][]float64, mu []float64) Func {
	return func(x []float64) float64 {
		var s float64
		for i := range a {
			for j := range a {
				s += (x[i] - mu[i]) * a[i][j] * (x[j] - mu[j])
			}
		}
		return s / 2
	}
}

// quadA is symmetric positive definite with determinant 36; its inverse,
// by the adjugate in exact rational arithmetic, is quadCov.
var (
	quadA = [][]float64{
		{4, 2, -2},
		{2, 10, 5},
		{-2, 5, 6},
	}
	quadCov = [][]float64{
		{35.0 / 36, -11.0 / 18, 5.0 / 6},
		{-11.0 / 18, 5.0 / 9, -2.0 / 3},
		{5.0 / 6, -2.0 / 3, 1},
	}
)

func relErr(got, want float64) float64 {
	if want == 0 {
		return math.Abs(got)
	}
	return math.Abs(got-want) / math.Abs(want)
}
