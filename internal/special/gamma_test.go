package special

import (
	"fmt"
	"math"
	"testing"
)

// Reference values: testdata/loggamma.csv, logbeta.csv and digamma.csv,
// computed with mpmath at 40 digits by testdata/gen_reference.py.

func TestLogGammaReference(t *testing.T) {
	// Tolerance: relative 1e-14 (absolute where the value is zero, at x = 1
	// and x = 2).
	const tol = 1e-14
	var st errStats
	for _, r := range readTable(t, "loggamma.csv") {
		x, want := r[0], r[1]
		got := LogGamma(x)
		e := relErr(got, want)
		st.Add(e, fmt.Sprint("x=", x))
		if e > tol {
			t.Errorf("LogGamma(%v) = %v, want %v (rel err %.3g)", x, got, want, e)
		}
	}
	st.Log(t, "LogGamma", tol)
}

func TestLogBetaReference(t *testing.T) {
	// Tolerance: relative 1e-13, over a, b from 1e-8 to 1e15.
	const tol = 1e-13
	var st errStats
	for _, r := range readTable(t, "logbeta.csv") {
		a, b, want := r[0], r[1], r[2]
		for _, got := range []float64{LogBeta(a, b), LogBeta(b, a)} {
			e := relErr(got, want)
			st.Add(e, fmt.Sprintf("a=%v b=%v", a, b))
			if e > tol {
				t.Errorf("LogBeta(%v, %v) = %v, want %v (rel err %.3g)", a, b, got, want, e)
			}
		}
	}
	st.Log(t, "LogBeta", tol)
}

func TestDigammaTrigammaReference(t *testing.T) {
	// Tolerance: relative 1e-13 for both, including within 1e-16 of the
	// positive zero of ψ and for negative non-integer x.
	const tol = 1e-13
	var sd, st errStats
	for _, r := range readTable(t, "digamma.csv") {
		x, wantD, wantT := r[0], r[1], r[2]
		gotD, gotT := Digamma(x), Trigamma(x)
		if e := relErr(gotD, wantD); e > tol {
			t.Errorf("Digamma(%v) = %v, want %v (rel err %.3g)", x, gotD, wantD, e)
		} else {
			sd.Add(e, fmt.Sprint("x=", x))
		}
		if e := relErr(gotT, wantT); e > tol {
			t.Errorf("Trigamma(%v) = %v, want %v (rel err %.3g)", x, gotT, wantT, e)
		} else {
			st.Add(e, fmt.Sprint("x=", x))
		}
	}
	sd.Log(t, "Digamma", tol)
	st.Log(t, "Trigamma", tol)
}

func TestGammaFamilyDomain(t *testing.T) {
	nan := math.NaN()
	inf := math.Inf(1)
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"LogGamma(0)", LogGamma(0), nan},
		{"LogGamma(-1.5)", LogGamma(-1.5), nan},
		{"LogGamma(NaN)", LogGamma(nan), nan},
		{"LogGamma(+Inf)", LogGamma(inf), inf},
		{"LogBeta(0, 1)", LogBeta(0, 1), nan},
		{"LogBeta(1, -1)", LogBeta(1, -1), nan},
		{"LogBeta(NaN, 1)", LogBeta(nan, 1), nan},
		{"LogBeta(1, +Inf)", LogBeta(1, inf), math.Inf(-1)},
		{"LogBeta(1, 1)", LogBeta(1, 1), 0},
		{"Digamma(0)", Digamma(0), nan},
		{"Digamma(-3)", Digamma(-3), nan},
		{"Digamma(NaN)", Digamma(nan), nan},
		{"Digamma(-Inf)", Digamma(math.Inf(-1)), nan},
		{"Digamma(+Inf)", Digamma(inf), inf},
		{"Digamma(1)", Digamma(1), -eulerGamma},
		{"Trigamma(0)", Trigamma(0), nan},
		{"Trigamma(-2)", Trigamma(-2), nan},
		{"Trigamma(NaN)", Trigamma(nan), nan},
		{"Trigamma(-Inf)", Trigamma(math.Inf(-1)), nan},
		{"Trigamma(+Inf)", Trigamma(inf), 0},
		{"Trigamma(1)", Trigamma(1), math.Pi * math.Pi / 6},
	}
	for _, tt := range tests {
		if relErr(tt.got, tt.want) > 1e-15 && !(math.IsNaN(tt.got) && math.IsNaN(tt.want)) {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestLog1pmx(t *testing.T) {
	// log(1+t) - t from math.Log1p where no cancellation occurs, and the
	// series Σ_{k=2..9} (-1)^(k+1) t^k/k for small t.
	for _, x := range []float64{-0.9, -0.6, 1.5, 10} {
		if got, want := log1pmx(x), math.Log1p(x)-x; relErr(got, want) > 1e-14 {
			t.Errorf("log1pmx(%v) = %v, want %v", x, got, want)
		}
	}
	for _, x := range []float64{-1e-3, 1e-4, 1e-8} {
		want := 0.0
		for k := 9; k >= 2; k-- {
			want = want*x + math.Pow(-1, float64(k+1))/float64(k)
		}
		want *= x * x
		if got := log1pmx(x); relErr(got, want) > 1e-14 {
			t.Errorf("log1pmx(%v) = %v, want %v", x, got, want)
		}
	}
}

func TestLgamma1p(t *testing.T) {
	// Against math.Lgamma(1+a) where forming 1+a is exact (a a power of
	// two not far below 1), and against -γa for tiny a.
	for _, a := range []float64{0.125, -0.125, 0.0625, 0.25, 0.5} {
		want, _ := math.Lgamma(1 + a)
		if got := lgamma1p(a); relErr(got, want) > 1e-14 {
			t.Errorf("lgamma1p(%v) = %v, want %v", a, got, want)
		}
	}
	for _, a := range []float64{1e-12, -1e-12} {
		want := -eulerGamma*a + math.Pi*math.Pi/12*a*a
		if got := lgamma1p(a); relErr(got, want) > 1e-15 {
			t.Errorf("lgamma1p(%v) = %v, want %v", a, got, want)
		}
	}
}

func TestLogSafeSubnormal(t *testing.T) {
	// log of subnormal powers of two is exact: log(2^-k) = -k log 2.
	for _, k := range []int{1023, 1030, 1060, 1074} {
		x := math.Ldexp(1, -k)
		if got, want := logSafe(x), -float64(k)*math.Ln2; relErr(got, want) > 1e-15 {
			t.Errorf("logSafe(2^-%d) = %v, want %v", k, got, want)
		}
	}
	// P(a, x) ~ x^a/Γ(a+1) for subnormal x.
	x := math.Ldexp(1, -1060)
	want := math.Exp(0.01*(-1060*math.Ln2) - lgamma1p(0.01))
	if got := RegIncGammaP(0.01, x); relErr(got, want) > 1e-13 {
		t.Errorf("RegIncGammaP(0.01, 2^-1060) = %v, want %v", got, want)
	}
}
