package optimize

import (
	"bufio"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

// TestCovarianceQuadratic: for f = ½(x-μ)ᵀA(x-μ), whose Hessian is A,
// Covariance is A⁻¹ (quadCov, exact rationals) and StdErrors the square
// roots of its diagonal.
func TestCovarianceQuadratic(t *testing.T) {
	mu := []float64{1, -2, 3}
	f := quadratic(quadA, mu)
	cov, err := Covariance(f, mu)
	if err != nil {
		t.Fatal(err)
	}
	for i := range quadCov {
		for j := range quadCov {
			if math.Abs(cov[i][j]-quadCov[i][j]) > 1e-8 {
				t.Errorf("Covariance[%d][%d] = %v, want %v", i, j, cov[i][j], quadCov[i][j])
			}
		}
	}
	se, err := StdErrors(f, mu)
	if err != nil {
		t.Fatal(err)
	}
	for i := range se {
		if want := math.Sqrt(quadCov[i][i]); math.Abs(se[i]-want) > 1e-8 {
			t.Errorf("StdErrors[%d] = %v, want %v", i, se[i], want)
		}
	}
}

func TestCovarianceErrors(t *testing.T) {
	// The Hessian of a log-likelihood (rather than its negative) is
	// negative definite; a saddle is indefinite; a flat direction is
	// singular.
	tests := []struct {
		name string
		f    Func
		x    []float64
		want error
	}{
		{"concave", func(x []float64) float64 { return -x[0]*x[0] - x[1]*x[1] }, []float64{0.5, 0.5}, ErrNotPositiveDefinite},
		{"saddle", func(x []float64) float64 { return x[0]*x[0] - x[1]*x[1] }, []float64{0.5, 0.5}, ErrNotPositiveDefinite},
		{"flat", func(x []float64) float64 { return (x[0] - x[1]) * (x[0] - x[1]) }, []float64{1, 1}, ErrNotPositiveDefinite},
		{"stencil", func(x []float64) float64 { return -math.Log(x[0] - 1) }, []float64{1.0000001}, ErrNotFinite},
	}
	for _, tt := range tests {
		if _, err := StdErrors(tt.f, tt.x); !errors.Is(err, tt.want) {
			t.Errorf("StdErrors(%s) error = %v, want %v", tt.name, err, tt.want)
		}
	}
}

// normalNegLogLik returns the negative log-likelihood of a normal sample
// in (μ, σ), without the constant n·log(2π)/2.
func normalNegLogLik(x []float64) Func {
	return func(p []float64) float64 {
		mu, sigma := p[0], p[1]
		var ss float64
		for _, v := range x {
			ss += (v - mu) * (v - mu)
		}
		return float64(len(x))*math.Log(sigma) + ss/(2*sigma*sigma)
	}
}

// TestNormalMLE fits a normal sample and checks the closed forms: the MLE
// is the mean and the root mean squared deviation σ̂, and the observed
// information at the MLE is diag(n/σ̂², 2n/σ̂²), so that se(μ̂) = σ̂/√n and
// se(σ̂) = σ̂/√(2n), with zero covariance.
func TestNormalMLE(t *testing.T) {
	for _, n := range []int{10, 1000, 20000} {
		rng := rand.New(rand.NewPCG(1, uint64(n)))
		x := make([]float64, n)
		var mean float64
		for i := range x {
			x[i] = 50 + 7*rng.NormFloat64()
			mean += x[i]
		}
		mean /= float64(n)
		var ss float64
		for _, v := range x {
			ss += (v - mean) * (v - mean)
		}
		sigma := math.Sqrt(ss / float64(n))

		f := normalNegLogLik(x)
		tr := NewTransformed(f, []Transform{Identity(), Positive()})
		y0, err := tr.ToInternal([]float64{0, 1})
		if err != nil {
			t.Fatal(err)
		}
		res, err := NelderMead(tr.Func, y0, Settings{})
		if err != nil {
			t.Fatal(err)
		}
		mle := tr.FromInternal(res.X)
		// The default XTol = 1e-8 on log σ and μ bounds the error to a few 1e-8.
		if !res.Converged || relErr(mle[0], mean) > 1e-7 || relErr(mle[1], sigma) > 1e-7 {
			t.Errorf("n=%d: MLE = %v (converged %v), want [%v %v]", n, mle, res.Converged, mean, sigma)
		}
		cov, err := Covariance(f, mle)
		if err != nil {
			t.Fatal(err)
		}
		se := []float64{math.Sqrt(cov[0][0]), math.Sqrt(cov[1][1])}
		want := []float64{sigma / math.Sqrt(float64(n)), sigma / math.Sqrt(float64(2*n))}
		if relErr(se[0], want[0]) > 1e-6 || relErr(se[1], want[1]) > 1e-6 {
			t.Errorf("n=%d: standard errors %v, want %v", n, se, want)
		}
		if corr := cov[0][1] / (se[0] * se[1]); math.Abs(corr) > 1e-6 {
			t.Errorf("n=%d: correlation of μ̂ and σ̂ = %v, want 0", n, corr)
		}
		seInternal, err := tr.StdErrors(res.X)
		if err != nil {
			t.Fatal(err)
		}
		if relErr(seInternal[0], want[0]) > 1e-6 || relErr(seInternal[1], want[1]) > 1e-6 {
			t.Errorf("n=%d: Transformed.StdErrors = %v, want %v", n, seInternal, want)
		}
	}
}

// TestNormalMLENearZero: with the mean near zero a relative step fails
// (the function Hessian steps by 1e-3·|μ|), while Transformed.Covariance
// steps by an absolute amount on an Identity coordinate.
func TestNormalMLENearZero(t *testing.T) {
	x := []float64{-3, -1, 0, 1, 3.0001} // mean 2e-5, σ̂² = 4.00004
	n := float64(len(x))
	mean := 0.0001 / n
	var ss float64
	for _, v := range x {
		ss += (v - mean) * (v - mean)
	}
	sigma := math.Sqrt(ss / n)
	tr := NewTransformed(normalNegLogLik(x), []Transform{Identity(), Positive()})
	y := []float64{mean, math.Log(sigma)}
	se, err := tr.StdErrors(y)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{sigma / math.Sqrt(n), sigma / math.Sqrt(2*n)}
	if relErr(se[0], want[0]) > 1e-8 || relErr(se[1], want[1]) > 1e-8 {
		t.Errorf("Transformed.StdErrors = %v, want %v", se, want)
	}
	cov, err := tr.Covariance(y)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(cov[0][1]) > 1e-10 {
		t.Errorf("Transformed.Covariance[0][1] = %v, want 0", cov[0][1])
	}
}

func TestTransformedCovarianceErrors(t *testing.T) {
	concave := NewTransformed(func(x []float64) float64 { return -x[0] * x[0] }, []Transform{Positive()})
	if _, err := concave.StdErrors([]float64{0}); !errors.Is(err, ErrNotPositiveDefinite) {
		t.Errorf("StdErrors of a concave function: error %v, want ErrNotPositiveDefinite", err)
	}
	if _, err := concave.Covariance([]float64{0, 1}); !errors.Is(err, ErrDimension) {
		t.Errorf("Covariance of 2 values for 1 transform: error %v, want ErrDimension", err)
	}
	bad := NewTransformed(func(x []float64) float64 { return math.NaN() }, []Transform{Identity()})
	if _, err := bad.StdErrors([]float64{0}); !errors.Is(err, ErrNotFinite) {
		t.Errorf("StdErrors of NaN: error %v, want ErrNotFinite", err)
	}
}

// TestGammaMLE fits the gamma sample of testdata/gamma_sample.csv and
// compares with testdata/gamma_mle.json, made by testdata/gen_gamma_mle.R:
// the MLE solved by uniroot to 1e-14 (our fit must agree to 1e-7
// relative), standard errors and covariance from the analytic observed
// information with R's trigamma (agreement to 1e-6 relative: our Hessian is
// numeric), and the fit of R's optim(method = "Nelder-Mead") with
// reltol = 1e-14 (agreement to 1e-6 relative: optim's own accuracy).
func TestGammaMLE(t *testing.T) {
	x := readColumn(t, "testdata/gamma_sample.csv")
	var ref struct {
		N         int
		MLE       []float64
		NegLogLik float64
		SE        []float64
		Cov       [][]float64
		OptimNM   []float64 `json:"optim_nm"`
	}
	data, err := os.ReadFile("testdata/gamma_mle.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatal(err)
	}
	if len(x) != ref.N {
		t.Fatalf("read %d values, want %d", len(x), ref.N)
	}
	var sumX, sumLog float64
	for _, v := range x {
		sumX += v
		sumLog += math.Log(v)
	}
	n := float64(len(x))
	negLogLik := func(p []float64) float64 {
		k, rate := p[0], p[1]
		lg, _ := math.Lgamma(k)
		return -(n*k*math.Log(rate) + (k-1)*sumLog - rate*sumX - n*lg)
	}
	tr := NewTransformed(negLogLik, []Transform{Positive(), Positive()})
	y0, err := tr.ToInternal([]float64{1, 1})
	if err != nil {
		t.Fatal(err)
	}
	res, err := NelderMead(tr.Func, y0, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	mle := tr.FromInternal(res.X)
	for i := range mle {
		if relErr(mle[i], ref.MLE[i]) > 1e-7 {
			t.Errorf("MLE[%d] = %v, want %v (R, uniroot)", i, mle[i], ref.MLE[i])
		}
		if relErr(mle[i], ref.OptimNM[i]) > 1e-6 {
			t.Errorf("MLE[%d] = %v, want %v (R, optim Nelder-Mead)", i, mle[i], ref.OptimNM[i])
		}
	}
	if !res.Converged || math.Abs(res.F-ref.NegLogLik) > 1e-9*ref.NegLogLik {
		t.Errorf("minimum %v (converged %v), want %v (R)", res.F, res.Converged, ref.NegLogLik)
	}
	cov, err := Covariance(negLogLik, mle)
	if err != nil {
		t.Fatal(err)
	}
	for i := range cov {
		if relErr(math.Sqrt(cov[i][i]), ref.SE[i]) > 1e-6 {
			t.Errorf("se[%d] = %v, want %v (R, analytic information)", i, math.Sqrt(cov[i][i]), ref.SE[i])
		}
		for j := range cov {
			if relErr(cov[i][j], ref.Cov[i][j]) > 1e-6 {
				t.Errorf("cov[%d][%d] = %v, want %v (R)", i, j, cov[i][j], ref.Cov[i][j])
			}
		}
	}
}

// readColumn reads a one-column CSV with a header line.
func readColumn(t testing.TB, name string) []float64 {
	t.Helper()
	file, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	var x []float64
	sc := bufio.NewScanner(file)
	sc.Scan() // header
	for sc.Scan() {
		v, err := strconv.ParseFloat(sc.Text(), 64)
		if err != nil {
			t.Fatal(err)
		}
		x = append(x, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return x
}
