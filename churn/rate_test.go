package churn_test

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/churn"
)

// TestChartMogulCustomerChurn checks ChartMogul's worked examples of the
// standard (B2B) customer churn rate (help.chartmogul.com, "Churn rate
// formulas" and "Metric: Customer Churn rate"): 100 customers at the start,
// 12 churned, one of whom reactivated and one of whom joined in the month,
// give (12 - 1 - 1) / 100 = 10%; 11 cancels of which one customer joined in
// the month give 10 / 100 = 10%.
func TestChartMogulCustomerChurn(t *testing.T) {
	for _, tc := range []struct {
		name      string
		f         churn.Flow
		b2b, all  float64
		retention float64
	}{
		{
			name: "12 churned, one reactivated, one joined",
			f: churn.Flow{Start: 100, Retained: 90, Lost: 10, ChurnedAndReactivated: 1,
				New: 5, JoinedAndChurned: 1, End: 95},
			b2b: 0.10, all: 0.12, retention: 0.90,
		},
		{
			name: "11 cancelled, one joined in the month",
			f:    churn.Flow{Start: 100, Retained: 90, Lost: 10, JoinedAndChurned: 1, New: 3, Reactivated: 2, End: 95},
			b2b:  0.10, all: 0.11, retention: 0.90,
		},
	} {
		got, err := tc.f.ChurnRate(churn.B2B, 0.95)
		if err != nil || math.Abs(got.Value-tc.b2b) > 1e-15 {
			t.Errorf("%s: B2B churn = %v, %v; want %v", tc.name, got.Value, err, tc.b2b)
		}
		got, err = tc.f.ChurnRate(churn.AllChurn, 0.95)
		if err != nil || math.Abs(got.Value-tc.all) > 1e-15 {
			t.Errorf("%s: all-churn rate = %v, %v; want %v", tc.name, got.Value, err, tc.all)
		}
		ret, err := tc.f.RetentionRate(0.95)
		if err != nil || math.Abs(ret.Value-tc.retention) > 1e-15 {
			t.Errorf("%s: retention = %v, %v; want %v", tc.name, ret.Value, err, tc.retention)
		}
	}
}

// TestChartMogulMRRChurn checks the worked example of the issue and of
// ChartMogul's "Metric: MRR Churn Rate" (help.chartmogul.com): 100 of MRR at
// the start, 10 churned, 10 of contraction and 10 of expansion give a gross
// MRR churn of 20% and a net MRR churn of 10%.
func TestChartMogulMRRChurn(t *testing.T) {
	m := churn.MRR{Start: 100, Churned: 10, Contraction: 10, Expansion: 10}
	for _, tc := range []struct {
		name string
		f    func() (float64, error)
		want float64
	}{
		{"gross MRR churn", m.GrossChurn, 0.20},
		{"net MRR churn", m.NetChurn, 0.10},
		{"gross revenue retention", m.GrossRetention, 0.80},
		{"net revenue retention", m.NetRetention, 0.90},
		{"quick ratio", m.QuickRatio, 0.5},
	} {
		got, err := tc.f()
		if err != nil || math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("%s = %v, %v; want %v", tc.name, got, err, tc.want)
		}
	}
	if got := m.End(); got != 90 {
		t.Errorf("End() = %v, want 90", got)
	}
	// Reactivation offsets churn in the net rate only, as in ChartMogul's
	// formula (Churn + Contraction - Expansion - Reactivation) / Start.
	m.Reactivation = 5
	if got, _ := m.NetChurn(); math.Abs(got-0.05) > 1e-15 {
		t.Errorf("net MRR churn with 5 reactivated = %v, want 0.05", got)
	}
	if got, _ := m.GrossChurn(); got != 0.2 {
		t.Errorf("gross MRR churn with 5 reactivated = %v, want 0.2", got)
	}
}

func TestMRRErrors(t *testing.T) {
	for _, tc := range []struct {
		m    churn.MRR
		want error
	}{
		{churn.MRR{}, satmetrics.ErrNoData},
		{churn.MRR{Start: 100, Churned: math.NaN()}, churn.ErrNotFinite},
		{churn.MRR{Start: 100, Expansion: math.Inf(1)}, churn.ErrNotFinite},
		{churn.MRR{Start: -1}, churn.ErrNegative},
	} {
		for name, f := range map[string]func() (float64, error){
			"gross": tc.m.GrossChurn, "net": tc.m.NetChurn, "grr": tc.m.GrossRetention, "nrr": tc.m.NetRetention,
		} {
			if _, err := f(); !errors.Is(err, tc.want) {
				t.Errorf("%+v %s: error %v, want %v", tc.m, name, err, tc.want)
			}
		}
	}
	if _, err := (churn.MRR{Start: 10, New: 3}).QuickRatio(); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("quick ratio with nothing lost: error %v, want ErrUndefined", err)
	}
	if _, err := (churn.MRR{Start: 10, New: math.NaN()}).QuickRatio(); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("quick ratio with NaN: error %v, want ErrRange", err)
	}
	var total churn.MRR
	total.Add(churn.MRR{Start: 1, New: 2, Expansion: 3, Contraction: 4, Churned: 5, Reactivation: 6})
	total.Add(churn.MRR{Start: 1, New: 1, Expansion: 1, Contraction: 1, Churned: 1, Reactivation: 1})
	if want := (churn.MRR{Start: 2, New: 3, Expansion: 4, Contraction: 5, Churned: 6, Reactivation: 7}); total != want {
		t.Errorf("Add: %+v, want %+v", total, want)
	}
}

// TestWilson compares the intervals of ChurnRate with R's prop.test(x, n,
// correct = FALSE) (testdata/gen_reference.R, wilson_reference.json), to
// 1e-12.
func TestWilson(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "wilson_reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	var refs []struct{ X, N, Level, Lower, Upper float64 }
	if err := json.Unmarshal(b, &refs); err != nil {
		t.Fatal(err)
	}
	for _, r := range refs {
		e, err := churn.ChurnRate(int64(r.X), int64(r.N), r.Level)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(e.Lower-r.Lower) > 1e-12 || math.Abs(e.Upper-r.Upper) > 1e-12 || e.Value != r.X/r.N || e.N != int64(r.N) {
			t.Errorf("ChurnRate(%v, %v, %v) = %v [%v, %v], want [%v, %v]", r.X, r.N, r.Level, e.Value, e.Lower, e.Upper, r.Lower, r.Upper)
		}
		if want := math.Sqrt(e.Value * (1 - e.Value) / r.N); math.Abs(e.StdErr-want) > 1e-15 {
			t.Errorf("ChurnRate(%v, %v) std err = %v, want %v", r.X, r.N, e.StdErr, want)
		}
	}
}

func TestRateErrors(t *testing.T) {
	for _, tc := range []struct {
		churned, start int64
		level          float64
		want           error
	}{
		{0, 0, 0.95, satmetrics.ErrNoData},
		{-1, 10, 0.95, churn.ErrNegative},
		{11, 10, 0.95, satmetrics.ErrRange},
		{1, 10, 1, satmetrics.ErrLevel},
	} {
		if _, err := churn.ChurnRate(tc.churned, tc.start, tc.level); !errors.Is(err, tc.want) {
			t.Errorf("ChurnRate(%d, %d, %v) error %v, want %v", tc.churned, tc.start, tc.level, err, tc.want)
		}
	}
	for _, tc := range []struct {
		end, gained, start int64
		want               error
	}{
		{5, 0, 0, satmetrics.ErrNoData},
		{5, -1, 10, churn.ErrNegative},
		{5, 6, 10, satmetrics.ErrRange},
		{20, 5, 10, satmetrics.ErrRange},
	} {
		if _, err := churn.RetentionRate(tc.end, tc.gained, tc.start, 0.95); !errors.Is(err, tc.want) {
			t.Errorf("RetentionRate(%d, %d, %d) error %v, want %v", tc.end, tc.gained, tc.start, err, tc.want)
		}
	}
	bad := []churn.Flow{
		{Start: 10, Retained: 9, Lost: 2},
		{Start: 10, Retained: 10, End: 11},
		{Start: 10, Retained: 10, End: 10, ChurnedAndReactivated: 11},
		{Start: -1},
	}
	for _, f := range bad {
		if _, err := f.ChurnRate(churn.B2B, 0.95); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("%+v: ChurnRate error %v, want ErrRange", f, err)
		}
		if _, err := f.RetentionRate(0.95); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("%+v: RetentionRate error %v, want ErrRange", f, err)
		}
	}
}

// TestCompoundRate checks conversions between period lengths: a monthly
// churn of 5% is 1 - 0.95^12 = 45.96% a year, and back.
func TestCompoundRate(t *testing.T) {
	annual := 1 - math.Pow(0.95, 12)
	for _, tc := range []struct {
		rate     float64
		from, to satmetrics.PeriodKind
		want     float64
	}{
		{0.05, satmetrics.Month, satmetrics.Year, annual},
		{annual, satmetrics.Year, satmetrics.Month, 0.05},
		{0.05, satmetrics.Month, satmetrics.Quarter, 1 - math.Pow(0.95, 3)},
		{0.01, satmetrics.Day, satmetrics.Week, 1 - math.Pow(0.99, 7)},
		{0.2, satmetrics.Quarter, satmetrics.Quarter, 0.2},
		{0, satmetrics.Month, satmetrics.Year, 0},
		{1, satmetrics.Month, satmetrics.Year, 1},
	} {
		got, err := churn.ConvertRate(tc.rate, tc.from, tc.to)
		if err != nil || math.Abs(got-tc.want) > 1e-14 {
			t.Errorf("ConvertRate(%v, %v, %v) = %v, %v; want %v", tc.rate, tc.from, tc.to, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ rate, k float64 }{{-0.1, 12}, {1.1, 12}, {math.NaN(), 12}, {0.1, 0}, {0.1, math.Inf(1)}} {
		if _, err := churn.CompoundRate(tc.rate, tc.k); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("CompoundRate(%v, %v) error %v, want ErrRange", tc.rate, tc.k, err)
		}
	}
	if _, err := churn.ConvertRate(0.1, 0, satmetrics.Year); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("ConvertRate from kind 0: error %v, want ErrRange", err)
	}
}

func TestExpectedLifetime(t *testing.T) {
	if got, err := churn.ExpectedLifetime(0.05); err != nil || math.Abs(got-20) > 1e-12 {
		t.Errorf("ExpectedLifetime(0.05) = %v, %v; want 20", got, err)
	}
	if _, err := churn.ExpectedLifetime(0); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("ExpectedLifetime(0) error %v, want ErrUndefined", err)
	}
	if _, err := churn.ExpectedLifetime(2); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("ExpectedLifetime(2) error %v, want ErrRange", err)
	}
}

// TestLTV checks ChartMogul's example ("Metric: Customer Lifetime Value"):
// an ARPA of $100 and a monthly churn of 5% give an LTV of $2,000; and the
// discounted form against its series summed term by term.
func TestLTV(t *testing.T) {
	if got, err := churn.LTV(100, 1, 0.05); err != nil || math.Abs(got-2000) > 1e-9 {
		t.Errorf("LTV(100, 1, 0.05) = %v, %v; want 2000", got, err)
	}
	if got, _ := churn.LTV(100, 0.8, 0.05); math.Abs(got-1600) > 1e-9 {
		t.Errorf("LTV(100, 0.8, 0.05) = %v, want 1600", got)
	}
	// Σ_{t>=0} m·ARPA·r^t/(1+d)^t by brute force.
	arpa, margin, c, d := 50.0, 0.7, 0.04, 0.01
	var series float64
	for i := 0; i < 20000; i++ {
		series += arpa * margin * math.Pow(1-c, float64(i)) / math.Pow(1+d, float64(i))
	}
	if got, err := churn.DiscountedLTV(arpa, margin, c, d); err != nil || math.Abs(got-series) > 1e-9 {
		t.Errorf("DiscountedLTV = %v, %v; want %v", got, err, series)
	}
	if got, _ := churn.DiscountedLTV(100, 1, 0.05, 0); math.Abs(got-2000) > 1e-9 {
		t.Errorf("DiscountedLTV with no discount = %v, want LTV 2000", got)
	}
	if got, _ := churn.LTVToCAC(3000, 1000); got != 3 {
		t.Errorf("LTVToCAC(3000, 1000) = %v, want 3", got)
	}
	if got, _ := churn.CACPayback(1200, 100, 0.8); got != 15 {
		t.Errorf("CACPayback(1200, 100, 0.8) = %v, want 15", got)
	}
	for _, tc := range []struct {
		name string
		err  error
		want error
	}{
		{"LTV churn 0", second(churn.LTV(100, 1, 0)), satmetrics.ErrUndefined},
		{"LTV margin 2", second(churn.LTV(100, 2, 0.1)), satmetrics.ErrRange},
		{"LTV NaN ARPA", second(churn.LTV(math.NaN(), 1, 0.1)), churn.ErrNotFinite},
		{"LTV churn NaN", second(churn.LTV(100, 1, math.NaN())), churn.ErrNotFinite},
		{"discounted both 0", second(churn.DiscountedLTV(100, 1, 0, 0)), satmetrics.ErrUndefined},
		{"discounted negative discount", second(churn.DiscountedLTV(100, 1, 0.1, -0.1)), churn.ErrNegative},
		{"discounted bad margin", second(churn.DiscountedLTV(100, -1, 0.1, 0.1)), churn.ErrNegative},
		{"LTV:CAC 0", second(churn.LTVToCAC(100, 0)), satmetrics.ErrUndefined},
		{"LTV:CAC negative LTV", second(churn.LTVToCAC(-1, 10)), churn.ErrNegative},
		{"LTV:CAC NaN CAC", second(churn.LTVToCAC(1, math.NaN())), churn.ErrNotFinite},
		{"payback no margin", second(churn.CACPayback(100, 10, 0)), satmetrics.ErrUndefined},
		{"payback negative CAC", second(churn.CACPayback(-100, 10, 1)), churn.ErrNegative},
		{"payback NaN ARPA", second(churn.CACPayback(100, math.NaN(), 1)), churn.ErrNotFinite},
		{"payback margin 2", second(churn.CACPayback(100, 10, 2)), satmetrics.ErrRange},
	} {
		if !errors.Is(tc.err, tc.want) {
			t.Errorf("%s: error %v, want %v", tc.name, tc.err, tc.want)
		}
	}
}

func second(_ float64, err error) error { return err }

// genFlow generates consistent Flows.
func genFlow() gopter.Gen {
	return gen.SliceOfN(7, gen.Int64Range(0, 1000)).Map(func(v []int64) churn.Flow {
		f := churn.Flow{Retained: v[0], Lost: v[1], New: v[2], Reactivated: v[3],
			JoinedAndChurned: v[4], ReturnedAndChurned: v[5]}
		f.ChurnedAndReactivated = v[6] % (f.Retained + 1)
		f.Start = f.Retained + f.Lost
		f.End = f.Retained + f.New + f.Reactivated
		return f
	})
}

// TestRetentionPlusChurn checks that, under the default B2B convention,
// retention + churn = 1 whenever both are defined, and that both rates lie
// in [0, 1] with intervals that contain them.
func TestRetentionPlusChurn(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 500
	props := gopter.NewProperties(params)
	props.Property("retention + churn = 1", prop.ForAll(func(f churn.Flow) bool {
		c, err1 := f.ChurnRate(churn.B2B, 0.95)
		r, err2 := f.RetentionRate(0.95)
		if f.Start == 0 {
			return errors.Is(err1, satmetrics.ErrNoData) && errors.Is(err2, satmetrics.ErrNoData)
		}
		if err1 != nil || err2 != nil {
			return false
		}
		ok := func(e satmetrics.Estimate) bool {
			return e.Value >= 0 && e.Value <= 1 && e.Contains(e.Value) && e.Lower >= 0 && e.Upper <= 1
		}
		return math.Abs(c.Value+r.Value-1) < 1e-12 && ok(c) && ok(r)
	}, genFlow()))
	props.Property("flows add", prop.ForAll(func(f, g churn.Flow) bool {
		h := f
		h.Add(g)
		return h.Validate() == nil && h.Churned(churn.AllChurn) == f.Churned(churn.AllChurn)+g.Churned(churn.AllChurn)
	}, genFlow(), genFlow()))
	props.Property("compounding round-trips", prop.ForAll(func(r, k float64) bool {
		a, err := churn.CompoundRate(r, k)
		if err != nil {
			return false
		}
		if a > 0.999 {
			return true // 1 - a has lost the digits that the way back needs
		}
		b, err := churn.CompoundRate(a, 1/k)
		return err == nil && math.Abs(b-r) < 1e-9 && (k < 1 || a >= r-1e-15)
	}, gen.Float64Range(0, 0.99), gen.Float64Range(0.05, 24)))
	props.TestingRun(t)
}
