package kpi

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/satmetrics/satmetrics"
)

// weeks returns n consecutive ISO weeks from 2026-W01.
func weeks(n int) []satmetrics.Period {
	p, _ := satmetrics.PeriodOf(satmetrics.Week, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.UTC)
	out := make([]satmetrics.Period, n)
	for i := range out {
		out[i] = p
		p = p.Next()
	}
	return out
}

func observations(vs ...float64) []Observation {
	ps := weeks(len(vs))
	out := make([]Observation, len(vs))
	for i, v := range vs {
		out[i] = Observation{ps[i], v}
	}
	return out
}

// TestXmRNIST checks the XmR chart against the worked example of the
// NIST/SEMATECH e-Handbook of Statistical Methods, section 6.3.2.2
// ("Individuals Control Charts": flow rate of the first ten batches of a new
// process). The handbook reports x̄ = 50.81 and M̄R = 1.8778, individuals
// limits 55.8041 and 45.8159 (computed with 3/d₂ = 3/1.128) and a
// moving-range limit of 6.1347 (D₄ = 3.267). This chart uses Wheeler's
// rounded constants 2.66 and 3.268, which move the limits in the fourth
// digit, so the limits are compared to 2e-3; the centre and average moving
// range to the handbook's rounding (5e-5).
func TestXmRNIST(t *testing.T) {
	c, err := XmR(observations(49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"mean", c.Center, 50.81, 5e-5},
		{"average moving range", c.RangeCenter, 1.8778, 5e-5},
		{"upper limit", c.Points[0].Upper, 55.8041, 2e-3},
		{"lower limit", c.Points[0].Lower, 45.8159, 2e-3},
		{"moving-range limit", c.RangeUpper, 6.1347, 2e-3},
		// The same limits with this package's constants, exactly.
		{"upper limit (2.66)", c.Points[0].Upper, 50.81 + 2.66*16.9/9, 1e-12},
		{"moving-range limit (3.268)", c.RangeUpper, 3.268 * 16.9 / 9, 1e-12},
	} {
		if math.Abs(tc.got-tc.want) > tc.tol {
			t.Errorf("%s = %v, want %v ± %v", tc.name, tc.got, tc.want, tc.tol)
		}
	}
	if len(c.Signals) != 0 {
		t.Errorf("signals = %v, the handbook finds none", c.Signals)
	}
}

// TestWesternElectric checks each rule on hand-built standardized series
// (centre 0, sigma 1).
func TestWesternElectric(t *testing.T) {
	chart := func(zs ...float64) []ChartPoint {
		ps := weeks(len(zs))
		out := make([]ChartPoint, len(zs))
		for i, z := range zs {
			out[i] = ChartPoint{Period: ps[i], Value: z, Center: 0, Lower: -3, Upper: 3, Sigma: 1}
		}
		return out
	}
	type sig struct {
		Rule  Rule
		Index int
		Side  int
	}
	for _, tc := range []struct {
		name string
		zs   []float64
		want []sig
	}{
		{"quiet", []float64{0.5, -0.5, 1.5, -1.5, 0.2, -2.5, 0.1}, nil},
		{"rule 1", []float64{0, 3.1, 0, -3.5, 3}, []sig{{RuleBeyond3Sigma, 1, 1}, {RuleBeyond3Sigma, 3, -1}}},
		{"rule 2", []float64{2.1, 0, 2.2, -2.1, -0.5, -2.3}, []sig{{Rule2Of3Beyond2, 2, 1}, {Rule2Of3Beyond2, 5, -1}}},
		{"rule 2 needs the same side", []float64{2.1, -2.1, 0}, nil},
		{"rule 3", []float64{1.1, 1.2, 0.3, 1.5, 1.1}, []sig{{Rule4Of5Beyond1, 4, 1}}},
		{"rule 4", []float64{0.1, 0.2, 0.3, 0.1, 0.5, 0.4, 0.1, 0.2, 0.3, -0.1}, []sig{{Rule8OneSide, 7, 1}, {Rule8OneSide, 8, 1}}},
		{"centre breaks the run", []float64{-0.1, -0.2, -0.3, 0, -0.5, -0.4, -0.1, -0.2}, nil},
	} {
		var got []sig
		for _, s := range WesternElectric(chart(tc.zs...)) {
			got = append(got, sig{s.Rule, s.Index, s.Side})
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: signals mismatch (-want +got):\n%s", tc.name, diff)
		}
	}
	if s := (Signal{Rule: Rule2Of3Beyond2, Period: weeks(7)[6], Side: -1}).String(); s != "2026-W07: 2 of 3 points beyond 2 sigma (below)" {
		t.Errorf("String() = %q", s)
	}
	if s := Rule(9).String(); s != "%!Rule(9)" {
		t.Errorf("String() = %q", s)
	}
}

// TestPChart checks per-period limits against the formula computed by hand:
// p̄ = 30/400 = 0.075; σ for n = 100 is √(0.075·0.925/100) = 0.0263391...
func TestPChart(t *testing.T) {
	ps := weeks(4)
	c, err := PChart([]Proportion{{ps[0], 5, 100}, {ps[1], 10, 100}, {ps[2], 3, 50}, {ps[3], 12, 150}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Center != 0.075 {
		t.Errorf("centre = %v, want 0.075", c.Center)
	}
	s100 := math.Sqrt(0.075 * 0.925 / 100)
	s50 := math.Sqrt(0.075 * 0.925 / 50)
	if !close(c.Points[0].Upper, 0.075+3*s100, 1e-15) || c.Points[0].Lower != 0 ||
		!close(c.Points[2].Upper, 0.075+3*s50, 1e-15) || !close(c.Points[1].Value, 0.1, 1e-15) {
		t.Errorf("points = %+v", c.Points)
	}
	// A period far out of line signals, naming it.
	bad := []Proportion{{ps[0], 50, 1000}, {ps[1], 52, 1000}, {ps[2], 48, 1000}, {ps[3], 150, 1000}}
	c, err = PChart(bad)
	if err != nil {
		t.Fatal(err)
	}
	// p̄ = 0.075 and σ ≈ 0.0083: week 4 (0.15) is far above, and the others
	// (about 0.05) 3σ below the centre the outlier pulls up.
	var above bool
	for _, s := range c.Signals {
		if s.Rule == RuleBeyond3Sigma && s.Period == ps[3] && s.Side == 1 {
			above = true
		}
	}
	if !above {
		t.Errorf("signals = %v, want rule 1 above at %v", c.Signals, ps[3])
	}
	b, err := json.Marshal(c)
	if err != nil || !strings.Contains(string(b), `"rule":"1 point beyond 3 sigma"`) {
		t.Errorf("JSON = %s, %v", b, err)
	}
}

func TestControlChartErrors(t *testing.T) {
	ps := weeks(2)
	for _, in := range [][]Proportion{
		{{ps[0], 5, 0}}, {{ps[0], -1, 10}}, {{ps[0], 11, 10}},
	} {
		_, err := PChart(in)
		var re *RecordError
		if !errors.Is(err, satmetrics.ErrRange) || !errors.As(err, &re) || re.ID != "2026-W01" {
			t.Errorf("PChart(%v) error = %v", in, err)
		}
	}
	if _, err := PChart(nil); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("PChart(nil) error = %v", err)
	}
	if _, err := PChart([]Proportion{{ps[0], 0, 10}, {ps[1], 0, 5}}); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("PChart(all zero) error = %v", err)
	}
	if _, err := XmR(observations(1)); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("XmR(one) error = %v", err)
	}
	if _, err := XmR(observations(2, 2, 2)); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("XmR(constant) error = %v", err)
	}
	if _, err := XmR(observations(-1e308, 1e308)); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("XmR(overflow) error = %v", err)
	}
	if _, err := XmR(observations(2, math.NaN())); !errors.Is(err, satmetrics.ErrRange) || !strings.Contains(err.Error(), "2026-W02") {
		t.Errorf("XmR(NaN) error = %v", err)
	}
	// M̄R = (9·0.1 + 2·20)/11 ≈ 3.72, limit ≈ 12.2: the jump to 30 and back
	// are both moving-range signals.
	c, err := XmR(observations(10, 10.1, 10, 10.1, 10, 10.1, 10, 30, 10, 10.1, 10, 10.1))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range c.Signals {
		if s.Rule == RuleMovingRange && s.Index == 7 {
			found = true
		}
	}
	if !found {
		t.Errorf("signals = %v, want a moving-range signal at 7", c.Signals)
	}
}

// TestControlLimitsContainCentre: every chart's limits contain its centre
// line, for any data.
func TestControlLimitsContainCentre(t *testing.T) {
	props := gopter.NewProperties(nil)
	props.Property("p-chart", prop.ForAll(
		func(counts []int64, extra []int64) bool {
			ps := weeks(len(counts))
			in := make([]Proportion, len(counts))
			for i, c := range counts {
				in[i] = Proportion{ps[i], c, c + extra[i%len(extra)]}
			}
			c, err := PChart(in)
			if err != nil {
				return errors.Is(err, satmetrics.ErrUndefined) || errors.Is(err, satmetrics.ErrRange)
			}
			for _, p := range c.Points {
				if !(p.Lower <= p.Center && p.Center <= p.Upper && p.Lower >= 0 && p.Upper <= 1) {
					return false
				}
			}
			return true
		},
		gen.SliceOfN(12, gen.Int64Range(0, 500)), gen.SliceOfN(5, gen.Int64Range(0, 500)),
	))
	props.Property("XmR", prop.ForAll(
		func(vs []float64) bool {
			if len(vs) < 2 {
				return true
			}
			c, err := XmR(observations(vs...))
			if err != nil {
				return errors.Is(err, satmetrics.ErrUndefined)
			}
			for _, p := range c.Points {
				if !(p.Lower <= p.Center && p.Center <= p.Upper) {
					return false
				}
			}
			return c.RangeCenter <= c.RangeUpper
		},
		gen.SliceOf(gen.Float64Range(-1e6, 1e6)),
	))
	props.TestingRun(t)
}

func BenchmarkXmR(b *testing.B) {
	for _, n := range []int{52, 1000} {
		vs := bigSeries(n)
		obs := observations(vs...)
		b.Run("n="+itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := XmR(obs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPChart(b *testing.B) {
	ps := weeks(104)
	in := make([]Proportion, len(ps))
	for i, p := range ps {
		in[i] = Proportion{p, int64(300 + i%17), int64(400 + i%23)}
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := PChart(in); err != nil {
			b.Fatal(err)
		}
	}
}
