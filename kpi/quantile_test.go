package kpi

import (
	"bufio"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/dist"
)

// readJSON decodes a reference file of testdata into v.
func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// close reports whether got is within tol of want, relative to |want| when
// |want| > 1 and absolute otherwise.
func close(got, want, tol float64) bool {
	if got == want {
		return true
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// TestQuantileR compares every quantile type with R's stats::quantile
// (testdata/gen_reference.R, R 4.2.2), to 1e-12.
func TestQuantileR(t *testing.T) {
	var ref map[string]struct {
		X     []float64   `json:"x"`
		Probs []float64   `json:"probs"`
		Types [][]float64 `json:"types"`
	}
	readJSON(t, "quantiles_r.json", &ref)
	if len(ref) == 0 {
		t.Fatal("no reference samples")
	}
	for name, s := range ref {
		for ti, want := range s.Types {
			typ := QuantileType(ti + 1)
			got, err := Quantiles(s.X, s.Probs, typ)
			if err != nil {
				t.Fatalf("%s %v: %v", name, typ, err)
			}
			for i := range want {
				if !close(got[i], want[i], 1e-12) {
					t.Errorf("%s: Quantile(p=%v, %v) = %v, want %v", name, s.Probs[i], typ, got[i], want[i])
				}
			}
		}
	}
}

func TestQuantileDefaultIsType7(t *testing.T) {
	xs := []float64{1, 2, 3, 4, 10}
	for _, p := range []float64{0, 0.1, 0.33, 0.5, 0.9, 1} {
		a, _ := Quantiles(xs, []float64{p}, 0)
		b, _ := Quantiles(xs, []float64{p}, Type7)
		if a[0] != b[0] {
			t.Errorf("Quantile(%v, zero type) = %v, type 7 = %v", p, a[0], b[0])
		}
	}
	if s := QuantileType(0).String(); s != "type 7" {
		t.Errorf("String() = %q", s)
	}
	if s := Type2.String(); s != "type 2" {
		t.Errorf("String() = %q", s)
	}
	if s := QuantileType(10).String(); s != "%!QuantileType(10)" {
		t.Errorf("String() = %q", s)
	}
}

func TestQuantileErrors(t *testing.T) {
	for _, tc := range []struct {
		xs   []float64
		p    float64
		typ  QuantileType
		want error
	}{
		{nil, 0.5, 0, satmetrics.ErrNoData},
		{[]float64{1}, -0.1, 0, satmetrics.ErrRange},
		{[]float64{1}, math.NaN(), 0, satmetrics.ErrRange},
		{[]float64{1}, 1.5, 0, satmetrics.ErrRange},
		{[]float64{1}, 0.5, 10, satmetrics.ErrRange},
		{[]float64{1, math.NaN()}, 0.5, 0, satmetrics.ErrRange},
	} {
		_, err := Quantiles(tc.xs, []float64{tc.p}, tc.typ)
		if !errors.Is(err, tc.want) {
			t.Errorf("Quantiles(%v, %v, %v) error = %v, want %v", tc.xs, tc.p, tc.typ, err, tc.want)
		}
	}
	if _, err := QuantileSorted([]float64{math.NaN()}, 0.5, 0); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("QuantileSorted(NaN) error = %v", err)
	}
}

// readStRD reads a NIST StRD univariate data set of testdata/strd with the
// certified mean and standard deviation from its header.
func readStRD(t *testing.T, name string) (xs []float64, mean, sd float64) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "strd", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "# Certified sample mean: "); ok {
			mean, _ = strconv.ParseFloat(v, 64)
			continue
		}
		if v, ok := strings.CutPrefix(line, "# Certified sample standard deviation: "); ok {
			sd, _ = strconv.ParseFloat(v, 64)
			continue
		}
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		x, err := strconv.ParseFloat(line, 64)
		if err != nil {
			t.Fatal(err)
		}
		xs = append(xs, x)
	}
	return xs, mean, sd
}

// lre is NIST's log relative error: the number of correct significant
// digits of got.
func lre(got, want float64) float64 {
	if got == want {
		return 16
	}
	return -math.Log10(math.Abs(got-want) / math.Abs(want))
}

// TestDescribeStRD checks the mean and standard deviation against the
// certified values of the NIST StRD NumAcc data sets (testdata/strd, from
// https://www.itl.nist.gov/div898/strd/univ/homepage.html). The bar is the
// number of correct digits (LRE): 14 for every mean, 13 for the standard
// deviations of NumAcc1 and NumAcc2, and 8 for NumAcc3 and NumAcc4, whose
// values (1000000.1, 10000000.1, ...) are not representable in binary and
// whose exact binary data set has a standard deviation that differs from the
// certified one in about the ninth digit.
func TestDescribeStRD(t *testing.T) {
	for _, tc := range []struct {
		file           string
		meanLRE, sdLRE float64
	}{
		{"NumAcc1.dat", 14, 13},
		{"NumAcc2.dat", 14, 13},
		{"NumAcc3.dat", 14, 8},
		{"NumAcc4.dat", 14, 8},
	} {
		xs, mean, sd := readStRD(t, tc.file)
		if mean == 0 || sd == 0 || len(xs) < 3 {
			t.Fatalf("%s: header not read", tc.file)
		}
		s, err := Describe(xs, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := lre(s.Mean, mean); got < tc.meanLRE {
			t.Errorf("%s: mean = %.17g, certified %v (LRE %.1f < %v)", tc.file, s.Mean, mean, got, tc.meanLRE)
		}
		if got := lre(s.StdDev, sd); got < tc.sdLRE {
			t.Errorf("%s: sd = %.17g, certified %v (LRE %.1f < %v)", tc.file, s.StdDev, sd, got, tc.sdLRE)
		}
		t.Logf("%s: LRE mean %.1f, sd %.1f", tc.file, lre(s.Mean, mean), lre(s.StdDev, sd))
	}
}

func TestDescribe(t *testing.T) {
	s, err := Describe([]float64{4, 1, 3, 2}, []float64{0.9}, Type7)
	if err != nil {
		t.Fatal(err)
	}
	// Hand-computed: mean 2.5, s² = 5/3, median 2.5, Q(0.9) = 3 + 0.7·1.
	want := Summary{N: 4, Mean: 2.5, StdDev: math.Sqrt(5.0 / 3), Min: 1, Median: 2.5, Max: 4,
		Quantiles: []QuantileValue{{0.9, 3.7}}}
	if s.N != want.N || s.Mean != want.Mean || !close(s.StdDev, want.StdDev, 1e-15) ||
		s.Min != want.Min || s.Max != want.Max || s.Median != want.Median ||
		len(s.Quantiles) != 1 || !close(s.Quantiles[0].Value, 3.7, 1e-15) {
		t.Errorf("Describe = %+v, want %+v", s, want)
	}
	one, err := Describe([]float64{7}, nil, 0)
	if err != nil || one.StdDev != 0 || one.Mean != 7 {
		t.Errorf("Describe(7) = %+v, %v", one, err)
	}
	for _, xs := range [][]float64{nil, {1, math.Inf(1)}, {math.NaN()}} {
		if _, err := Describe(xs, nil, 0); err == nil {
			t.Errorf("Describe(%v) succeeded", xs)
		}
	}
	if _, err := Describe([]float64{1, 2}, []float64{2}, 0); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Describe(p=2) error = %v", err)
	}
	if _, err := Describe([]float64{1e308, 1e308}, nil, 0); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("Describe(overflow) error = %v", err)
	}
	if _, err := Describe([]float64{1, 2}, nil, 12); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Describe(type 12) error = %v", err)
	}
}

// TestMeanEstimate checks the t interval of a mean against R:
// t.test(c(4, 1, 3, 2, 9))$conf.int = (-0.06714054555, 7.66714054555).
func TestMeanEstimate(t *testing.T) {
	e, err := MeanEstimate([]float64{4, 1, 3, 2, 9}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if e.Value != 3.8 || !close(e.Lower, -0.06714054555, 1e-10) || !close(e.Upper, 7.66714054555, 1e-10) || e.N != 5 {
		t.Errorf("MeanEstimate = %+v, want 3.8 [-0.06714054555, 7.66714054555]", e)
	}
	if _, err := MeanEstimate([]float64{1}, 0.95); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("MeanEstimate(one value) error = %v", err)
	}
	if _, err := MeanEstimate([]float64{1, 2}, 1); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("MeanEstimate(level 1) error = %v", err)
	}
	if _, err := MeanEstimate([]float64{1, math.NaN()}, 0.9); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("MeanEstimate(NaN) error = %v", err)
	}
}

// TestStudentT checks the private t distribution against R's qt and pt
// (testdata/t_r.json), to 1e-9 relative.
func TestStudentT(t *testing.T) {
	var ref struct {
		Quantile []struct{ P, Nu, Q float64 }
		Survival []struct{ T, Nu, SF float64 }
	}
	readJSON(t, "t_r.json", &ref)
	if len(ref.Quantile) == 0 || len(ref.Survival) == 0 {
		t.Fatal("no reference values")
	}
	for _, r := range ref.Quantile {
		if got := dist.StudentTQuantile(r.P, r.Nu); !close(got, r.Q, 1e-9) {
			t.Errorf("dist.StudentTQuantile(%v, %v) = %v, want %v", r.P, r.Nu, got, r.Q)
		}
		if got := dist.StudentTQuantile(1-r.P, r.Nu); !close(got, -r.Q, 1e-9) {
			t.Errorf("dist.StudentTQuantile(%v, %v) = %v, want %v", 1-r.P, r.Nu, got, -r.Q)
		}
	}
	for _, r := range ref.Survival {
		if got := dist.StudentTSurvival(r.T, r.Nu); math.Abs(got-r.SF) > 1e-12+1e-9*r.SF {
			t.Errorf("dist.StudentTSurvival(%v, %v) = %v, want %v", r.T, r.Nu, got, r.SF)
		}
	}
	for _, tc := range []struct{ p, nu, want float64 }{
		{0, 3, math.Inf(-1)}, {1, 3, math.Inf(1)},
	} {
		if got := dist.StudentTQuantile(tc.p, tc.nu); got != tc.want {
			t.Errorf("dist.StudentTQuantile(%v, %v) = %v, want %v", tc.p, tc.nu, got, tc.want)
		}
	}
	if !math.IsNaN(dist.StudentTQuantile(2, 3)) || !math.IsNaN(dist.StudentTSurvival(math.NaN(), 3)) {
		t.Error("NaN input did not give NaN")
	}
	if dist.StudentTSurvival(math.Inf(1), 2) != 0 || dist.StudentTSurvival(math.Inf(-1), 2) != 1 {
		t.Error("infinite t")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func BenchmarkDescribe(b *testing.B) {
	for _, n := range []int{100, 10000, 1000000} {
		xs := bigSeries(n)
		b.Run("n="+itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Describe(xs, []float64{0.9, 0.95, 0.99}, Type7); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
