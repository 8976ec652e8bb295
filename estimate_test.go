package satmetrics_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/satmetrics/satmetrics"
)

func TestCheckLevel(t *testing.T) {
	for _, l := range []float64{0, 1, -0.5, 1.5, math.NaN(), math.Inf(1)} {
		err := satmetrics.CheckLevel(l)
		if !errors.Is(err, satmetrics.ErrLevel) || !strings.Contains(err.Error(), "level") {
			t.Errorf("CheckLevel(%v) = %v, want ErrLevel", l, err)
		}
		if _, err := satmetrics.ZCritical(l); !errors.Is(err, satmetrics.ErrLevel) {
			t.Errorf("ZCritical(%v) error = %v", l, err)
		}
		if _, err := satmetrics.NormalInterval(1, 1, l, "wald"); !errors.Is(err, satmetrics.ErrLevel) {
			t.Errorf("NormalInterval level %v error = %v", l, err)
		}
	}
	if err := satmetrics.CheckLevel(0.95); err != nil {
		t.Errorf("CheckLevel(0.95) = %v", err)
	}
	if !strings.Contains(satmetrics.CheckLevel(math.NaN()).Error(), "NaN") {
		t.Error("error does not name NaN")
	}
}

func TestCheckWeight(t *testing.T) {
	for _, w := range []float64{-1, math.NaN(), math.Inf(1), math.Inf(-1)} {
		if err := satmetrics.CheckWeight(w); !errors.Is(err, satmetrics.ErrWeight) {
			t.Errorf("CheckWeight(%v) = %v", w, err)
		}
	}
	for _, w := range []float64{0, 1, 1e300, math.MaxFloat64} {
		if err := satmetrics.CheckWeight(w); err != nil {
			t.Errorf("CheckWeight(%v) = %v", w, err)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = satmetrics.CheckWeight(2) }); n != 0 {
		t.Errorf("CheckWeight allocates %v times", n)
	}
}

// TestZCritical checks critical values against R's qnorm(1 - (1 - level)/2),
// printed with 17 significant digits. Relative tolerance 1e-14.
func TestZCritical(t *testing.T) {
	for _, tc := range []struct{ level, want float64 }{
		{0.95, 1.9599639845400536},
		{0.90, 1.6448536269514715},
		{0.99, 2.5758293035488999},
		{0.5, 0.67448975019608171},
		{1 - 1e-12, 7.1304946130665039},
	} {
		got, err := satmetrics.ZCritical(tc.level)
		if err != nil || math.Abs(got-tc.want) > 1e-14*tc.want {
			t.Errorf("ZCritical(%v) = %v, %v; want %v", tc.level, got, err, tc.want)
		}
	}
}

func TestEstimateCheckAndJSON(t *testing.T) {
	e := satmetrics.Estimate{Value: 71.4, StdErr: 4.3, N: 112,
		Interval: satmetrics.Interval{Lower: 62.5, Upper: 78.8, Level: 0.95, Method: "wilson"}}
	if err := e.Check(); err != nil {
		t.Fatal(err)
	}
	bs, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"value":71.4,"std_err":4.3,"lower":62.5,"upper":78.8,"level":0.95,"method":"wilson","n":112}`
	if string(bs) != want {
		t.Errorf("JSON = %s, want %s", bs, want)
	}
	var back satmetrics.Estimate
	if err := json.Unmarshal(bs, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(e, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if !e.Contains(71.4) || e.Contains(80) || math.Abs(e.Width()-16.3) > 1e-12 {
		t.Error("Contains/Width wrong")
	}
	if s := e.String(); s != "71.4 [62.5, 78.8]" {
		t.Errorf("String() = %q", s)
	}
	for _, bad := range []satmetrics.Estimate{
		{Value: math.NaN()}, {StdErr: math.Inf(1)}, {Interval: satmetrics.Interval{Lower: math.Inf(-1)}},
		{Interval: satmetrics.Interval{Upper: math.NaN()}}, {EffectiveN: math.NaN()},
	} {
		if err := bad.Check(); !errors.Is(err, satmetrics.ErrUndefined) {
			t.Errorf("Check(%+v) = %v, want ErrUndefined", bad, err)
		}
	}
}

// TestCompare checks a worked comparison: 50 (se 3) against 45 (se 4) gives
// d = 5, se = 5, z = 1 and p = 2 pnorm(-1) = 0.31731050786291409 (R), with
// the interval 5 ± 1.959964 · 5.
func TestCompare(t *testing.T) {
	a := satmetrics.Estimate{Value: 50, StdErr: 3}
	b := satmetrics.Estimate{Value: 45, StdErr: 4}
	c, err := satmetrics.Compare(a, b, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	want := satmetrics.Comparison{Difference: 5, StdErr: 5, Statistic: 1, P: 0.31731050786291409,
		Interval: satmetrics.Interval{Lower: 5 - 1.959963984540054*5, Upper: 5 + 1.959963984540054*5, Level: 0.95, Method: "wald"}}
	if diff := cmp.Diff(want, c, cmp.Comparer(func(x, y float64) bool { return math.Abs(x-y) <= 1e-13*math.Max(1, math.Abs(y)) })); diff != "" {
		t.Errorf("Compare (-want +got):\n%s", diff)
	}
	if c.Significant(0.95) || !c.Significant(0.5) {
		t.Error("Significant wrong")
	}
	if _, err := satmetrics.Compare(a, b, 1); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("level 1: %v", err)
	}
	if _, err := satmetrics.Compare(satmetrics.Estimate{Value: 1}, satmetrics.Estimate{Value: 2}, 0.95); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("zero standard errors: %v", err)
	}
	if _, err := satmetrics.Compare(satmetrics.Estimate{Value: math.NaN()}, b, 0.95); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("NaN A: %v", err)
	}
	if _, err := satmetrics.Compare(a, satmetrics.Estimate{StdErr: math.Inf(1)}, 0.95); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("Inf B: %v", err)
	}
	if _, err := satmetrics.ZComparison(1, 0, 0.95, "x"); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("ZComparison se 0: %v", err)
	}
	if _, err := satmetrics.ZComparison(1, 1, 0, "x"); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("ZComparison level 0: %v", err)
	}
	// Far tail: z = 8 keeps its precision (R: 2*pnorm(-8) = 1.244192114854357e-15).
	c, _ = satmetrics.ZComparison(-8, 1, 0.95, "wald")
	if math.Abs(c.P-1.244192114854357e-15) > 1e-12*1.244192114854357e-15 {
		t.Errorf("p for z = -8: %v", c.P)
	}
}

// Property: comparing A with B is the negation of comparing B with A.
func TestCompareAntisymmetric(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.Rng.Seed(2)
	props := gopter.NewProperties(params)
	props.Property("Compare(a, b) = -Compare(b, a)", prop.ForAll(
		func(va, vb, sa, sb, level float64) bool {
			a := satmetrics.Estimate{Value: va, StdErr: sa}
			b := satmetrics.Estimate{Value: vb, StdErr: sb}
			ab, err1 := satmetrics.Compare(a, b, level)
			ba, err2 := satmetrics.Compare(b, a, level)
			if err1 != nil || err2 != nil {
				return false
			}
			return ab.Difference == -ba.Difference && ab.Statistic == -ba.Statistic &&
				ab.P == ba.P && ab.StdErr == ba.StdErr &&
				math.Abs(ab.Lower+ba.Upper) <= 1e-12*math.Max(1, math.Abs(ab.Lower)) &&
				math.Abs(ab.Upper+ba.Lower) <= 1e-12*math.Max(1, math.Abs(ab.Upper)) &&
				ab.Contains(ab.Difference) && ab.P >= 0 && ab.P <= 1
		},
		gen.Float64Range(-100, 100), gen.Float64Range(-100, 100),
		gen.Float64Range(0.01, 10), gen.Float64Range(0.01, 10), gen.Float64Range(0.5, 0.999),
	))
	props.TestingRun(t)
}

func TestDirection(t *testing.T) {
	h, l := satmetrics.HigherIsBetter, satmetrics.LowerIsBetter
	if !h.Better(2, 1) || h.Better(1, 2) || !l.Better(1, 2) || l.Better(2, 1) || h.Better(1, 1) {
		t.Error("Better wrong")
	}
	if h.Improvement(1, 3) != 2 || l.Improvement(1, 3) != -2 || satmetrics.Direction(0).Improvement(1, 3) != 0 {
		t.Error("Improvement wrong")
	}
	if h.String() != "higher-is-better" || l.String() != "lower-is-better" || satmetrics.Direction(3).String() != "%!Direction(3)" {
		t.Error("String wrong")
	}
	if satmetrics.Direction(0).Valid() {
		t.Error("zero Direction is valid")
	}
	if _, err := satmetrics.Direction(0).MarshalText(); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("MarshalText of zero: %v", err)
	}
	for _, d := range []satmetrics.Direction{h, l} {
		got, err := satmetrics.ParseDirection(d.String())
		if err != nil || got != d {
			t.Errorf("ParseDirection(%v) = %v, %v", d, got, err)
		}
	}
	var pe *satmetrics.ParseError
	if _, err := satmetrics.ParseDirection("up"); !errors.As(err, &pe) || pe.Input != "up" || !errors.Is(err, satmetrics.ErrSyntax) ||
		err.Error() != `satmetrics.ParseDirection: parsing "up": invalid syntax` {
		t.Errorf("ParseDirection(up) error = %v", err)
	}
}

// TestKish checks the effective sample size and design effect on weights 1,
// 2, 3, 4: Σw = 10, Σw² = 30, n_eff = 100/30, deff = 4·30/100 = 1.2.
func TestKish(t *testing.T) {
	if got := satmetrics.EffectiveN(10, 30); math.Abs(got-10.0/3) > 1e-15 {
		t.Errorf("EffectiveN = %v", got)
	}
	if got := satmetrics.DesignEffect(4, 10, 30); math.Abs(got-1.2) > 1e-15 {
		t.Errorf("DesignEffect = %v", got)
	}
	if satmetrics.EffectiveN(0, 0) != 0 || satmetrics.DesignEffect(0, 0, 0) != 0 {
		t.Error("empty weights")
	}
}

func TestScaled(t *testing.T) {
	e := satmetrics.Estimate{Value: 0.714, StdErr: 0.04, N: 112, EffectiveN: 100,
		Interval: satmetrics.Interval{Lower: 0.625, Upper: 0.788, Level: 0.95, Method: "wilson"}}
	want := satmetrics.Estimate{Value: 71.4, StdErr: 4, N: 112, EffectiveN: 100,
		Interval: satmetrics.Interval{Lower: 62.5, Upper: 78.8, Level: 0.95, Method: "wilson"}}
	near := cmp.Comparer(func(x, y float64) bool { return math.Abs(x-y) <= 1e-12*math.Max(1, math.Abs(y)) })
	if diff := cmp.Diff(want, e.Scaled(100), near); diff != "" {
		t.Errorf("Scaled(100) (-want +got):\n%s", diff)
	}
	c := satmetrics.Comparison{Difference: -0.1, StdErr: 0.02, Statistic: -5, P: 1e-6,
		Interval: satmetrics.Interval{Lower: -0.14, Upper: -0.06, Level: 0.95, Method: "newcombe"}}
	wc := satmetrics.Comparison{Difference: -10, StdErr: 2, Statistic: -5, P: 1e-6,
		Interval: satmetrics.Interval{Lower: -14, Upper: -6, Level: 0.95, Method: "newcombe"}}
	if diff := cmp.Diff(wc, c.Scaled(100), near); diff != "" {
		t.Errorf("Comparison.Scaled(100) (-want +got):\n%s", diff)
	}
}
