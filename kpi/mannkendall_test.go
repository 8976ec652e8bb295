package kpi

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/satmetrics/satmetrics"
)

type hamedRaoRef struct {
	Correction float64 `json:"correction"`
	VarS       float64 `json:"var_s"`
	Z          float64 `json:"z"`
	P          float64 `json:"p"`
}

type trendRef struct {
	Y           []float64    `json:"y"`
	X           []float64    `json:"x"`
	Big         int          `json:"big"`
	TauB        float64      `json:"tau_b"`
	PAsymptotic float64      `json:"p_asymptotic"`
	S           int64        `json:"s"`
	VarS        float64      `json:"var_s"`
	Z           float64      `json:"z"`
	P           float64      `json:"p"`
	Sen95       []float64    `json:"sen_95"`
	Sen90       []float64    `json:"sen_90"`
	HamedRao    *hamedRaoRef `json:"hamed_rao"`
	HamedRao3   *hamedRaoRef `json:"hamed_rao_lag3"`
	Seasons     [][]float64  `json:"seasons"`
	Slope       float64      `json:"slope"`
}

// bigSeries builds the long series of gen_trend_reference.py exactly, from
// integers.
func bigSeries(n int) []float64 {
	y := make([]float64, n)
	for i := range y {
		k := int64(i)
		y[i] = float64(k)/1000 + float64((k*k*31+k*17+5)%1009)/10
	}
	return y
}

func loadTrendRef(t *testing.T) map[string]trendRef {
	var ref map[string]trendRef
	readJSON(t, "trend_scipy.json", &ref)
	for name, r := range ref {
		if r.Big > 0 {
			r.Y = bigSeries(r.Big)
			ref[name] = r
		}
	}
	if len(ref) < 5 {
		t.Fatal("reference file holds too few series")
	}
	return ref
}

// TestMannKendallSciPy compares the Mann-Kendall test with
// testdata/trend_scipy.json (gen_trend_reference.py): tau-b and the
// uncorrected asymptotic p-value with scipy.stats.kendalltau, S, Var(S) and
// the continuity-corrected Z and p with the quadratic reference written out
// in the script; to 1e-10 relative (S exactly).
func TestMannKendallSciPy(t *testing.T) {
	for name, r := range loadTrendRef(t) {
		if r.VarS == 0 || r.Seasons != nil {
			continue
		}
		got, err := MannKendall(r.Y)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.S != r.S || !close(got.VarS, r.VarS, 1e-12) || !close(got.Z, r.Z, 1e-10) || !close(got.P, r.P, 1e-10) {
			t.Errorf("%s: MannKendall = S %d, Var %v, Z %v, p %v; want %d, %v, %v, %v", name, got.S, got.VarS, got.Z, got.P, r.S, r.VarS, r.Z, r.P)
		}
		if !close(got.Tau, r.TauB, 1e-12) {
			t.Errorf("%s: tau = %v, scipy kendalltau %v", name, got.Tau, r.TauB)
		}
		pUncorrected := 2 * (1 - normCDF(math.Abs(float64(got.S))/math.Sqrt(got.VarS)))
		if !close(pUncorrected, r.PAsymptotic, 1e-9) {
			t.Errorf("%s: uncorrected p = %v, scipy kendalltau %v", name, pUncorrected, r.PAsymptotic)
		}
	}
}

func normCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

// TestHamedRaoReference compares the Hamed-Rao test with the Python
// transcription of the paper in gen_trend_reference.py (no published table
// or Debian package holds these values), to 1e-9 relative.
func TestHamedRaoReference(t *testing.T) {
	checked := 0
	for name, r := range loadTrendRef(t) {
		for _, c := range []struct {
			lag int
			ref *hamedRaoRef
		}{{0, r.HamedRao}, {3, r.HamedRao3}} {
			if c.ref == nil {
				continue
			}
			got, err := MannKendallHamedRao(r.Y, c.lag)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !close(got.Correction, c.ref.Correction, 1e-9) || !close(got.VarS, c.ref.VarS, 1e-9) ||
				!close(got.Z, c.ref.Z, 1e-9) || !close(got.P, c.ref.P, 1e-9) {
				t.Errorf("%s lag %d: Hamed-Rao = corr %v, Var %v, Z %v, p %v; want %+v", name, c.lag, got.Correction, got.VarS, got.Z, got.P, *c.ref)
			}
			checked++
		}
	}
	if checked < 6 {
		t.Errorf("only %d Hamed-Rao references checked", checked)
	}
}

func TestSeasonalMannKendallReference(t *testing.T) {
	r := loadTrendRef(t)["seasonal"]
	got, err := SeasonalMannKendall(r.Seasons)
	if err != nil {
		t.Fatal(err)
	}
	if got.S != r.S || !close(got.VarS, r.VarS, 1e-12) || !close(got.Z, r.Z, 1e-10) || !close(got.P, r.P, 1e-10) {
		t.Errorf("SeasonalMannKendall = %+v, want S %d, Var %v, Z %v, p %v", got, r.S, r.VarS, r.Z, r.P)
	}
	if slope, err := SeasonalSensSlope(r.Seasons); err != nil || !close(slope, r.Slope, 1e-12) {
		t.Errorf("SeasonalSensSlope = %v, %v, want %v", slope, err, r.Slope)
	}
	if got.Trend(0.95) != Increasing || got.Verdict(satmetrics.HigherIsBetter, 0.95) != Improving ||
		got.Verdict(satmetrics.LowerIsBetter, 0.95) != Worsening {
		t.Errorf("verdicts: %v, %v", got.Trend(0.95), got.Verdict(satmetrics.HigherIsBetter, 0.95))
	}
}

// TestKendallSQuadratic checks the O(n log n) S against the definition on
// random series with many ties.
func TestKendallSQuadratic(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	for trial := 0; trial < 200; trial++ {
		n := r.IntN(50)
		y := make([]float64, n)
		for i := range y {
			y[i] = float64(r.IntN(6))
		}
		var want int64
		for i := range y {
			for j := i + 1; j < n; j++ {
				switch {
				case y[j] > y[i]:
					want++
				case y[j] < y[i]:
					want--
				}
			}
		}
		if got, _, _ := kendallS(y); got != want {
			t.Errorf("kendallS(%v) = %d, want %d", y, got, want)
		}
	}
}

func TestAutocorrelationFFT(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 3))
	xs := make([]float64, 3000)
	for i := range xs {
		xs[i] = r.NormFloat64() + float64(i%7)
	}
	// 3000·3000 > 2^20 uses the FFT; 3000·100 the direct sums.
	viaFFT := autocorrelation(xs, len(xs)-1)
	direct := autocorrelation(xs, 100)
	for k := range direct {
		if math.Abs(viaFFT[k]-direct[k]) > 1e-12 {
			t.Errorf("rho(%d): FFT %v, direct %v", k, viaFFT[k], direct[k])
		}
	}
	if rho := autocorrelation([]float64{2, 2, 2}, 2); rho[1] != 0 {
		t.Errorf("constant series: rho = %v", rho)
	}
}

func TestTrendTestErrors(t *testing.T) {
	for _, y := range [][]float64{nil, {1, 2}} {
		if _, err := MannKendall(y); !errors.Is(err, satmetrics.ErrNoData) {
			t.Errorf("MannKendall(%v) error = %v", y, err)
		}
	}
	if _, err := MannKendall([]float64{1, math.NaN(), 3}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("MannKendall(NaN) error = %v", err)
	}
	if _, err := MannKendall([]float64{4, 4, 4, 4}); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("MannKendall(constant) error = %v", err)
	}
	if _, err := MannKendallHamedRao([]float64{4, 4, 4}, 0); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("MannKendallHamedRao(constant) error = %v", err)
	}
	if _, err := SeasonalMannKendall([][]float64{{1}, {2}}); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("SeasonalMannKendall(short) error = %v", err)
	}
	if _, err := SeasonalMannKendall([][]float64{{1, 1}, {2, 2}}); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("SeasonalMannKendall(constant) error = %v", err)
	}
	if _, err := SeasonalMannKendall([][]float64{{1, math.Inf(1)}}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("SeasonalMannKendall(Inf) error = %v", err)
	}
	if _, err := SeasonalSensSlope([][]float64{{1}, {2}}); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("SeasonalSensSlope(short) error = %v", err)
	}
	if _, err := SeasonalSensSlope([][]float64{{1, math.NaN()}}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("SeasonalSensSlope(NaN) error = %v", err)
	}
	if got := len(Seasons([]float64{1, 2, 3, 4, 5}, 2)); got != 2 {
		t.Errorf("len(Seasons) = %d", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("Seasons(period 0) did not panic")
		}
	}()
	Seasons([]float64{1}, 0)
}

func TestTrendVerdicts(t *testing.T) {
	up := TrendTest{S: 10, P: 0.01}
	down := TrendTest{S: -10, P: 0.01}
	flat := TrendTest{S: 3, P: 0.4}
	for _, tc := range []struct {
		t    TrendTest
		d    satmetrics.Direction
		want Verdict
		tr   Trend
	}{
		{up, satmetrics.HigherIsBetter, Improving, Increasing},
		{up, satmetrics.LowerIsBetter, Worsening, Increasing},
		{down, satmetrics.HigherIsBetter, Worsening, Decreasing},
		{down, satmetrics.LowerIsBetter, Improving, Decreasing},
		{flat, satmetrics.HigherIsBetter, Stable, NoTrend},
		{up, 0, Stable, Increasing},
	} {
		if got := tc.t.Verdict(tc.d, 0.95); got != tc.want {
			t.Errorf("%+v.Verdict(%v) = %v, want %v", tc.t, tc.d, got, tc.want)
		}
		if got := tc.t.Trend(0.95); got != tc.tr {
			t.Errorf("%+v.Trend = %v, want %v", tc.t, got, tc.tr)
		}
	}
	for tr, want := range map[Trend]string{Increasing: "increasing", Decreasing: "decreasing", NoTrend: "no trend", 5: "%!Trend(5)"} {
		if got := tr.String(); got != want {
			t.Errorf("Trend(%d).String() = %q, want %q", tr, got, want)
		}
	}
}

func BenchmarkMannKendall(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		y := bigSeries(n)
		b.Run("n="+itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := MannKendall(y); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkMannKendallHamedRao(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		y := bigSeries(n)
		b.Run("n="+itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := MannKendallHamedRao(y, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
