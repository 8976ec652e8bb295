package kpi

import (
	"errors"
	"math"
	"testing"

	"github.com/satmetrics/satmetrics"
)

// TestSenSciPy compares Sen's slope, intercept and interval with
// scipy.stats.theilslopes (testdata/trend_scipy.json), to 1e-12 relative:
// the selected slopes are the same pairs' slopes.
func TestSenSciPy(t *testing.T) {
	checked := 0
	for name, r := range loadTrendRef(t) {
		for _, c := range []struct {
			level float64
			want  []float64
		}{{0.95, r.Sen95}, {0.90, r.Sen90}} {
			if c.want == nil {
				continue
			}
			var got SenSlope
			var err error
			if r.X != nil {
				got, err = TheilSen(r.X, r.Y, c.level)
			} else {
				got, err = SensSlope(r.Y, c.level)
			}
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			w := c.want
			if !close(got.Slope, w[0], 1e-12) || !close(got.Intercept, w[1], 1e-12) ||
				!close(got.Lower, w[2], 1e-12) || !close(got.Upper, w[3], 1e-12) {
				t.Errorf("%s level %v: Sen = %v, %v [%v, %v]; scipy %v", name, c.level, got.Slope, got.Intercept, got.Lower, got.Upper, w)
			}
			checked++
		}
	}
	if checked < 10 {
		t.Errorf("only %d references checked", checked)
	}
}

// TestLeastSquaresR compares the least-squares slope with R's lm and
// confint (testdata/lm_r.json, gen_reference.R), to 1e-10 relative; the p
// value to 1e-8 (R's pt against the private t distribution).
func TestLeastSquaresR(t *testing.T) {
	var ref map[string]struct {
		Y                                                           []float64
		Slope, Intercept, SE, P, Lower95, Upper95, Lower90, Upper90 float64
	}
	readJSON(t, "lm_r.json", &ref)
	if len(ref) < 3 {
		t.Fatal("too few references")
	}
	for name, r := range ref {
		x := make([]float64, len(r.Y))
		for i := range x {
			x[i] = float64(i)
		}
		for _, c := range []struct{ level, lo, hi float64 }{{0.95, r.Lower95, r.Upper95}, {0.90, r.Lower90, r.Upper90}} {
			fit, err := LeastSquares(x, r.Y, c.level)
			if err != nil {
				t.Fatal(err)
			}
			if !close(fit.Slope.Value, r.Slope, 1e-10) || !close(fit.Intercept, r.Intercept, 1e-10) ||
				!close(fit.Slope.StdErr, r.SE, 1e-10) || !close(fit.Slope.Lower, c.lo, 1e-10) ||
				!close(fit.Slope.Upper, c.hi, 1e-10) || math.Abs(fit.P-r.P) > 1e-8*math.Max(r.P, 1e-300)+1e-15 {
				t.Errorf("%s level %v: fit = %+v, want slope %v se %v [%v, %v] p %v", name, c.level, fit, r.Slope, r.SE, c.lo, c.hi, r.P)
			}
		}
	}
}

func TestLeastSquaresEdges(t *testing.T) {
	fit, err := LeastSquares([]float64{0, 1, 2}, []float64{1, 3, 5}, 0.95)
	if err != nil || fit.Slope.Value != 2 || fit.Slope.StdErr != 0 || fit.P != 0 {
		t.Errorf("perfect fit = %+v, %v", fit, err)
	}
	fit, err = LeastSquares([]float64{0, 1, 2}, []float64{4, 4, 4}, 0.95)
	if err != nil || fit.Slope.Value != 0 || fit.P != 1 {
		t.Errorf("flat fit = %+v, %v", fit, err)
	}
	if _, err := LeastSquares([]float64{1, 1, 1}, []float64{1, 2, 3}, 0.95); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("no spread error = %v", err)
	}
	if _, err := LeastSquares([]float64{1, 2}, []float64{1, 2}, 0.95); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("two points error = %v", err)
	}
	if _, err := LeastSquares([]float64{1, 2, 3}, []float64{1, 2, math.NaN()}, 0.95); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("NaN error = %v", err)
	}
	if _, err := LeastSquares([]float64{1, 2, 3}, []float64{1, 2, 3}, 0); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("level error = %v", err)
	}
}

func TestTheilSenErrors(t *testing.T) {
	if _, err := SensSlope([]float64{1}, 0.95); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("one point error = %v", err)
	}
	if _, err := TheilSen([]float64{2, 2, 2}, []float64{1, 2, 3}, 0.95); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("equal x error = %v", err)
	}
	if _, err := SensSlope([]float64{1, 2, 3}, 1.5); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("level error = %v", err)
	}
	if _, err := SensSlope([]float64{1, math.NaN(), 3}, 0.95); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("NaN error = %v", err)
	}
	if _, err := TheilSen([]float64{1, 2, 3}, []float64{1, math.Inf(-1), 3}, 0.95); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Inf error = %v", err)
	}
	for _, f := range []func(){
		func() { _, _ = TheilSen([]float64{1}, nil, 0.9) },
		func() { _, _ = LeastSquares([]float64{1}, nil, 0.9) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("mismatched lengths did not panic")
				}
			}()
			f()
		}()
	}
}

func BenchmarkSensSlope(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		y := bigSeries(n)
		b.Run("n="+itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := SensSlope(y, 0.95); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestLeastSquaresOverflow(t *testing.T) {
	_, err := LeastSquares([]float64{0, 1, 2}, []float64{-1e308, 1e308, -1e308}, 0.95)
	if !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("LeastSquares(overflow) error = %v", err)
	}
}
