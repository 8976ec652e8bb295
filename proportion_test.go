package satmetrics_test

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/satmetrics/satmetrics"
)

// readCSV reads a reference table from testdata, skipping lines that start
// with '#', and returns its rows as maps from the header's column names.
func readCSV(t *testing.T, name string) []map[string]string {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		m := make(map[string]string, len(rec))
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	if len(rows) == 0 {
		t.Fatalf("%s: no rows", name)
	}
	return rows
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func closeTo(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// TestProportionIntervalStatsmodels compares every method with statsmodels
// proportion_confint (testdata/proportion_confint.csv, written by
// testdata/gen_proportion.py) over a grid of n from 1 to 100000, including
// x = 0 and x = n, at four levels. Tolerance: 1e-9 absolute.
//
// statsmodels 0.13's Jeffreys interval does not set the lower bound to 0 at
// x = 0 (nor the upper to 1 at x = n); we follow Brown, Cai and DasGupta
// (2001, section 4.1.2) there, so those bounds are checked against 0 and 1.
func TestProportionIntervalStatsmodels(t *testing.T) {
	rows := readCSV(t, "proportion_confint.csv")
	for _, r := range rows {
		m, err := satmetrics.ParseProportionMethod(r["method"])
		if err != nil {
			t.Fatal(err)
		}
		x, n, level := num(t, r["x"]), num(t, r["n"]), num(t, r["level"])
		lo, hi := num(t, r["lower"]), num(t, r["upper"])
		if m == satmetrics.Jeffreys && x == 0 {
			lo = 0
		}
		if m == satmetrics.Jeffreys && x == n {
			hi = 1
		}
		iv, err := satmetrics.ProportionInterval(x, n, level, m)
		if err != nil {
			t.Errorf("ProportionInterval(%v, %v, %v, %v): %v", x, n, level, m, err)
			continue
		}
		if !closeTo(iv.Lower, lo, 1e-9) || !closeTo(iv.Upper, hi, 1e-9) {
			t.Errorf("ProportionInterval(%v, %v, %v, %v) = [%.12g, %.12g], want [%.12g, %.12g]",
				x, n, level, m, iv.Lower, iv.Upper, lo, hi)
		}
		if iv.Level != level || iv.Method != r["method"] {
			t.Errorf("ProportionInterval(%v, %v, %v, %v) labelled %v %q", x, n, level, m, iv.Level, iv.Method)
		}
	}
}

// TestCompareProportionsNewcombe checks the hybrid score interval against
// the eight worked examples of Newcombe (1998), Table II, method 10, to the
// four decimals printed there.
func TestCompareProportionsNewcombe(t *testing.T) {
	for _, c := range []struct {
		x1, n1, x2, n2 float64
		lo, hi         float64
	}{
		{56, 70, 48, 80, 0.0524, 0.3339},
		{9, 10, 3, 10, 0.1705, 0.8090},
		{6, 7, 2, 7, 0.0582, 0.8062},
		{5, 56, 0, 29, -0.0381, 0.1926},
		{0, 10, 0, 20, -0.1611, 0.2775},
		{0, 10, 0, 10, -0.2775, 0.2775},
		{10, 10, 0, 20, 0.6791, 1.0000},
		{10, 10, 0, 10, 0.6075, 1.0000},
	} {
		got, err := satmetrics.CompareProportions(c.x1, c.n1, c.x2, c.n2, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got.Lower-c.lo) > 5e-5 || math.Abs(got.Upper-c.hi) > 5e-5 {
			t.Errorf("CompareProportions(%v/%v, %v/%v) = [%.4f, %.4f], want [%.4f, %.4f]",
				c.x1, c.n1, c.x2, c.n2, got.Lower, got.Upper, c.lo, c.hi)
		}
		if d := c.x1/c.n1 - c.x2/c.n2; got.Difference != d {
			t.Errorf("CompareProportions(%v/%v, %v/%v).Difference = %v, want %v", c.x1, c.n1, c.x2, c.n2, got.Difference, d)
		}
	}
}

// TestCompareProportionsStatsmodels compares the interval with statsmodels
// confint_proportions_2indep(method="newcomb") and the test with
// proportions_ztest (testdata/newcombe.csv). Tolerance: 1e-9.
func TestCompareProportionsStatsmodels(t *testing.T) {
	for _, r := range readCSV(t, "newcombe.csv") {
		x1, n1, x2, n2 := num(t, r["x1"]), num(t, r["n1"]), num(t, r["x2"]), num(t, r["n2"])
		level := num(t, r["level"])
		got, err := satmetrics.CompareProportions(x1, n1, x2, n2, level)
		if err != nil {
			t.Fatal(err)
		}
		lo, hi, z, p := num(t, r["lower"]), num(t, r["upper"]), num(t, r["z"]), num(t, r["p"])
		if !closeTo(got.Lower, lo, 1e-9) || !closeTo(got.Upper, hi, 1e-9) {
			t.Errorf("CompareProportions(%v/%v, %v/%v, %v) = [%.12g, %.12g], want [%.12g, %.12g]",
				x1, n1, x2, n2, level, got.Lower, got.Upper, lo, hi)
		}
		if math.IsNaN(z) { // both 0 or both 1: we report no evidence of a difference
			z, p = 0, 1
		}
		if !closeTo(got.Statistic, z, 1e-9) || !closeTo(got.P, p, 1e-9) {
			t.Errorf("CompareProportions(%v/%v, %v/%v) z, p = %v, %v, want %v, %v", x1, n1, x2, n2, got.Statistic, got.P, z, p)
		}
	}
}

func TestProportionErrors(t *testing.T) {
	for _, c := range []struct {
		x, n, level float64
		m           satmetrics.ProportionMethod
		want        error
	}{
		{0, 0, 0.95, satmetrics.Wilson, satmetrics.ErrNoData},
		{1, -2, 0.95, satmetrics.Wilson, satmetrics.ErrRange},
		{3, 2, 0.95, satmetrics.Wilson, satmetrics.ErrRange},
		{-1, 2, 0.95, satmetrics.Wilson, satmetrics.ErrRange},
		{math.NaN(), 2, 0.95, satmetrics.Wilson, satmetrics.ErrRange},
		{1, math.Inf(1), 0.95, satmetrics.Wilson, satmetrics.ErrRange},
		{1, 2, 1, satmetrics.Wilson, satmetrics.ErrLevel},
		{1, 2, 0, satmetrics.Wald, satmetrics.ErrLevel},
		{1, 2, 0.95, satmetrics.ProportionMethod(9), satmetrics.ErrRange},
	} {
		_, err := satmetrics.ProportionInterval(c.x, c.n, c.level, c.m)
		if !errors.Is(err, c.want) {
			t.Errorf("ProportionInterval(%v, %v, %v, %v) error = %v, want %v", c.x, c.n, c.level, c.m, err, c.want)
		}
		_, err = satmetrics.Proportion(c.x, c.n, c.level, c.m)
		if !errors.Is(err, c.want) {
			t.Errorf("Proportion(%v, %v, %v, %v) error = %v, want %v", c.x, c.n, c.level, c.m, err, c.want)
		}
	}
	if _, err := satmetrics.CompareProportions(1, 0, 1, 2, 0.95); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("CompareProportions with n1 = 0: error = %v, want ErrNoData", err)
	}
	if _, err := satmetrics.CompareProportions(1, 2, 3, 2, 0.95); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("CompareProportions with x2 > n2: error = %v, want ErrRange", err)
	}
	if _, err := satmetrics.CompareProportions(1, 2, 1, 2, 2); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("CompareProportions at level 2: error = %v, want ErrLevel", err)
	}
}

func TestProportionMethodText(t *testing.T) {
	for m := satmetrics.Wilson; m <= satmetrics.Wald; m++ {
		b, err := m.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back satmetrics.ProportionMethod
		if err := back.UnmarshalText(b); err != nil || back != m {
			t.Errorf("UnmarshalText(%q) = %v, %v, want %v", b, back, err, m)
		}
	}
	bad := satmetrics.ProportionMethod(7)
	if got := bad.String(); got != "%!ProportionMethod(7)" {
		t.Errorf("String() = %q", got)
	}
	if _, err := bad.MarshalText(); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("MarshalText of %v: error = %v, want ErrRange", bad, err)
	}
	var m satmetrics.ProportionMethod
	err := m.UnmarshalText([]byte("exact"))
	var pe *satmetrics.ParseError
	if !errors.As(err, &pe) || !errors.Is(err, satmetrics.ErrSyntax) || pe.Input != "exact" {
		t.Errorf("UnmarshalText(exact) error = %v, want a ParseError wrapping ErrSyntax", err)
	}
}

func TestProportionEstimate(t *testing.T) {
	// The CSAT seed example: 80 satisfied among 112.
	e, err := satmetrics.Proportion(80, 112, 0.95, satmetrics.Wilson)
	if err != nil {
		t.Fatal(err)
	}
	if e.Value != 80.0/112 || e.N != 112 || e.StdErr != math.Sqrt(80.0/112*32/112/112) {
		t.Errorf("Proportion(80, 112) = %+v", e)
	}
	if _, err := json.Marshal(e); err != nil {
		t.Error(err)
	}
}

// methods lists every proportion method, for the properties.
var methods = []satmetrics.ProportionMethod{
	satmetrics.Wilson, satmetrics.AgrestiCoull, satmetrics.ClopperPearson, satmetrics.Jeffreys, satmetrics.Wald,
}

func TestProportionProperties(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 300
	properties := gopter.NewProperties(params)
	levels := gen.OneConstOf(0.8, 0.9, 0.95, 0.99)

	properties.Property("interval lies in [0, 1] and contains x/n", prop.ForAll(
		func(n, k int, level float64) bool {
			x := float64(k % (n + 1))
			for _, m := range methods {
				iv, err := satmetrics.ProportionInterval(x, float64(n), level, m)
				if err != nil || iv.Lower < 0 || iv.Upper > 1 || !iv.Contains(x/float64(n)) {
					t.Logf("%v: %d/%d at %v: %+v %v", m, int(x), n, level, iv, err)
					return false
				}
			}
			return true
		},
		gen.IntRange(1, 5000), gen.IntRange(0, 1<<20), levels))

	properties.Property("the same share from more responses gives a narrower interval", prop.ForAll(
		func(n, k, mult int, level float64) bool {
			x := k % (n + 1)
			for _, m := range methods {
				a, err1 := satmetrics.ProportionInterval(float64(x), float64(n), level, m)
				b, err2 := satmetrics.ProportionInterval(float64(x*mult), float64(n*mult), level, m)
				if err1 != nil || err2 != nil || b.Width() > a.Width()+1e-12 {
					t.Logf("%v: %d/%d width %v, ×%d width %v", m, x, n, a.Width(), mult, b.Width())
					return false
				}
			}
			return true
		},
		gen.IntRange(1, 500), gen.IntRange(0, 1<<20), gen.IntRange(2, 50), levels))

	properties.Property("a higher level gives a wider interval", prop.ForAll(
		func(n, k int) bool {
			x := float64(k % (n + 1))
			for _, m := range methods {
				a, _ := satmetrics.ProportionInterval(x, float64(n), 0.9, m)
				b, _ := satmetrics.ProportionInterval(x, float64(n), 0.99, m)
				if b.Lower > a.Lower+1e-15 || b.Upper < a.Upper-1e-15 {
					return false
				}
			}
			return true
		},
		gen.IntRange(1, 1000), gen.IntRange(0, 1<<20)))

	properties.Property("swapping A and B negates the comparison", prop.ForAll(
		func(n1, k1, n2, k2 int, level float64) bool {
			x1, x2 := float64(k1%(n1+1)), float64(k2%(n2+1))
			ab, err1 := satmetrics.CompareProportions(x1, float64(n1), x2, float64(n2), level)
			ba, err2 := satmetrics.CompareProportions(x2, float64(n2), x1, float64(n1), level)
			return err1 == nil && err2 == nil &&
				ab.Difference == -ba.Difference && closeTo(ab.Lower, -ba.Upper, 1e-12) &&
				closeTo(ab.Upper, -ba.Lower, 1e-12) && closeTo(ab.P, ba.P, 1e-12) &&
				ab.Contains(ab.Difference) && ab.Lower >= -1 && ab.Upper <= 1 && ab.P >= 0 && ab.P <= 1
		},
		gen.IntRange(1, 2000), gen.IntRange(0, 1<<20), gen.IntRange(1, 2000), gen.IntRange(0, 1<<20), levels))

	properties.TestingRun(t)
}

func ExampleProportionInterval() {
	// 80 of 112 customers answered 4 or 5 on a 1-5 satisfaction scale.
	for _, m := range []satmetrics.ProportionMethod{satmetrics.Wilson, satmetrics.ClopperPearson, satmetrics.Wald} {
		iv, err := satmetrics.ProportionInterval(80, 112, 0.95, m)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-15s [%.4f, %.4f]\n", iv.Method, iv.Lower, iv.Upper)
	}
	// Output:
	// wilson          [0.6246, 0.7898]
	// clopper-pearson [0.6212, 0.7957]
	// wald            [0.6306, 0.7980]
}

func ExampleCompareProportions() {
	// Newcombe's first example: 56 of 70 against 48 of 80.
	c, err := satmetrics.CompareProportions(56, 70, 48, 80, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("difference %.2f, 95%% interval [%.4f, %.4f], z = %.2f, p = %.4f\n",
		c.Difference, c.Lower, c.Upper, c.Statistic, c.P)
	// Output:
	// difference 0.20, 95% interval [0.0524, 0.3339], z = 2.65, p = 0.0080
}

func FuzzParseProportionMethod(f *testing.F) {
	for _, m := range methods {
		f.Add(m.String())
	}
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		m, err := satmetrics.ParseProportionMethod(in)
		if err != nil {
			if !errors.Is(err, satmetrics.ErrSyntax) {
				t.Errorf("ParseProportionMethod(%q) error = %v", in, err)
			}
			return
		}
		if !m.Valid() || m.String() != in {
			t.Errorf("ParseProportionMethod(%q) = %v", in, m)
		}
	})
}

// TestProportionRoundingAtOne: weighted counts of a 100% share can differ in
// the last bits; x a few ulps above n is n (found by ces's properties with
// x = 2.8817108720375435 of n = 2.881710872037543).
func TestProportionRoundingAtOne(t *testing.T) {
	x, n := 2.8817108720375435, 2.881710872037543
	e, err := satmetrics.Proportion(x, n, 0.95, satmetrics.Wilson)
	if err != nil || e.Value != 1 || e.Upper != 1 {
		t.Errorf("satmetrics.Proportion(%v, %v) = %v, %v; want 1", x, n, e, err)
	}
	if _, err := satmetrics.CompareProportions(x, n, 1, 2, 0.95); err != nil {
		t.Errorf("CompareProportions: %v", err)
	}
	if _, err := satmetrics.Proportion(n*(1+1e-9), n, 0.95, satmetrics.Wilson); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("x clearly above n: %v", err)
	}
}
