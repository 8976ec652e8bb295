package csat_test

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

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/csat"
)

func readCSV(t *testing.T, name string) []map[string]string {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return rows
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func closeTo(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// tallyOf builds a tally on the named scale from counts per rating.
func tallyOf(t testing.TB, scale string, counts []int64) *csat.Tally {
	s, err := csat.ParseScale(scale)
	if err != nil {
		t.Fatal(err)
	}
	tl, err := csat.NewTally(s)
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range counts {
		if err := tl.AddN(csat.Rating(i+1), n); err != nil {
			t.Fatal(err)
		}
	}
	return &tl
}

func countsOf(t *testing.T, s string) []int64 {
	var out []int64
	for _, f := range strings.Fields(s) {
		out = append(out, int64(num(t, f)))
	}
	return out
}

// TestReference compares the percent satisfied (every interval method) and
// the mean rating with its t interval against testdata/csat.csv, computed
// by testdata/gen_reference.py with statsmodels proportion_confint and
// scipy.stats.ttest_1samp from the raw answers, for 12 datasets on all five
// scales, including 0% and 100% satisfied. Tolerance: 1e-9 relative.
// statsmodels 0.13's Jeffreys interval does not pin the bound to 0 at 0%
// (or 1 at 100%); we do (Brown, Cai and DasGupta 2001), so those bounds are
// checked against 0 and 100.
func TestReference(t *testing.T) {
	rows := readCSV(t, "csat.csv")
	if len(rows) != 12*3*5 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		tl := tallyOf(t, r["scale"], countsOf(t, r["counts"]))
		level := num(t, r["level"])
		m, err := satmetrics.ParseProportionMethod(r["method"])
		if err != nil {
			t.Fatal(err)
		}
		e, err := tl.CSATWith(csat.Options{Level: level, Method: m})
		if err != nil {
			t.Fatal(err)
		}
		k, n := num(t, r["satisfied"]), num(t, r["n"])
		lo, hi := 100*num(t, r["lower"]), 100*num(t, r["upper"])
		if m == satmetrics.Jeffreys && k == 0 {
			lo = 0
		}
		if m == satmetrics.Jeffreys && k == n {
			hi = 100
		}
		if !closeTo(e.Value, 100*k/n, 1e-12) || e.N != int64(n) || !closeTo(e.Lower, lo, 1e-9) || !closeTo(e.Upper, hi, 1e-9) {
			t.Errorf("%s %v %v: CSAT = %+v, want %v [%v, %v]", r["data"], m, level, e, 100*k/n, lo, hi)
		}
		if e.Method != r["method"] {
			t.Errorf("method %q, want %q", e.Method, r["method"])
		}
		if m != satmetrics.Wilson {
			continue
		}
		me, err := tl.Mean(level)
		if r["mean_lower"] == "" { // no spread: scipy gives no interval
			if err != nil || me.Lower != me.Value || me.Upper != me.Value {
				t.Errorf("%s: mean without spread = %+v, %v", r["data"], me, err)
			}
			continue
		}
		if err != nil || !closeTo(me.Value, num(t, r["mean"]), 1e-12) ||
			!closeTo(me.Lower, num(t, r["mean_lower"]), 1e-9) || !closeTo(me.Upper, num(t, r["mean_upper"]), 1e-9) {
			t.Errorf("%s %v: Mean = %+v, %v, want %s [%s, %s]", r["data"], level, me, err, r["mean"], r["mean_lower"], r["mean_upper"])
		}
	}
}

// TestCompareReference checks Compare (Newcombe interval, pooled z test)
// and CompareMeans (Welch) against testdata/compare.csv (statsmodels
// confint_proportions_2indep, proportions_ztest and CompareMeans).
// Tolerance: 1e-9 relative.
func TestCompareReference(t *testing.T) {
	byName := map[string]*csat.Tally{}
	for _, r := range readCSV(t, "csat.csv") {
		byName[r["data"]] = tallyOf(t, r["scale"], countsOf(t, r["counts"]))
	}
	for _, r := range readCSV(t, "compare.csv") {
		a, b := byName[r["a"]], byName[r["b"]]
		level := num(t, r["level"])
		c, err := csat.Compare(a, b, level)
		if err != nil {
			t.Fatal(err)
		}
		z, p := num(t, r["z"]), num(t, r["p"])
		if !closeTo(c.Lower, 100*num(t, r["lower"]), 1e-9) || !closeTo(c.Upper, 100*num(t, r["upper"]), 1e-9) ||
			!closeTo(c.Statistic, z, 1e-9) || !closeTo(c.P, p, 1e-9) {
			t.Errorf("Compare(%s, %s, %v) = %+v, want [%s, %s] z %v p %v", r["a"], r["b"], level, c, r["lower"], r["upper"], z, p)
		}
		mc, err := csat.CompareMeans(a, b, level)
		if err != nil {
			t.Fatal(err)
		}
		if !closeTo(mc.Lower, num(t, r["mean_lower"]), 1e-9) || !closeTo(mc.Upper, num(t, r["mean_upper"]), 1e-9) ||
			!closeTo(mc.Statistic, num(t, r["t"]), 1e-9) || !closeTo(mc.P, num(t, r["t_p"]), 1e-9) {
			t.Errorf("CompareMeans(%s, %s, %v) = %+v, want [%s, %s] t %s p %s", r["a"], r["b"], level, mc, r["mean_lower"], r["mean_upper"], r["t"], r["t_p"])
		}
	}
}

// TestSeedExample is the example of the issue that started the package: 30
// answers of 4 and 50 of 5 among 112 on the 1-5 scale give 71.4 (80/112).
func TestSeedExample(t *testing.T) {
	tl := tallyOf(t, "1-5", []int64{12, 10, 10, 30, 50})
	e, err := tl.CSAT(0.95)
	if err != nil || math.Abs(e.Value-100*80.0/112) > 1e-12 || e.N != 112 || fmt.Sprintf("%.1f", e.Value) != "71.4" {
		t.Errorf("CSAT = %+v, %v, want 71.4", e, err)
	}
	f, _ := csat.FromCounts(80, 112, csat.Options{})
	if f != e {
		t.Errorf("FromCounts(80, 112) = %+v, want %+v", f, e)
	}
}

func TestErrors(t *testing.T) {
	var empty csat.Tally
	tl := tallyOf(t, "1-5", []int64{1, 2, 3, 4, 5})
	seven := tallyOf(t, "1-7", []int64{1, 2, 3, 4, 5, 6, 7})
	one := tallyOf(t, "1-5", []int64{0, 0, 0, 1, 0})
	flat := tallyOf(t, "1-5", []int64{0, 0, 0, 5, 0})
	for _, c := range []struct {
		name string
		f    func() error
		want error
	}{
		{"CSAT empty", func() error { _, err := empty.CSAT(0.95); return err }, satmetrics.ErrNoData},
		{"CSAT level", func() error { _, err := tl.CSAT(1); return err }, satmetrics.ErrLevel},
		{"CSATWith level", func() error { _, err := tl.CSATWith(csat.Options{Level: -1}); return err }, satmetrics.ErrLevel},
		{"CSATWith method", func() error { _, err := tl.CSATWith(csat.Options{Method: 9}); return err }, satmetrics.ErrRange},
		{"Mean empty", func() error { _, err := empty.Mean(0.95); return err }, satmetrics.ErrNoData},
		{"Mean one", func() error { _, err := one.Mean(0.95); return err }, satmetrics.ErrUndefined},
		{"Mean level", func() error { _, err := tl.Mean(2); return err }, satmetrics.ErrLevel},
		{"FromCounts range", func() error { _, err := csat.FromCounts(5, 4, csat.Options{}); return err }, satmetrics.ErrRange},
		{"FromCounts negative", func() error { _, err := csat.FromCounts(-1, 4, csat.Options{}); return err }, satmetrics.ErrRange},
		{"FromCounts empty", func() error { _, err := csat.FromCounts(0, 0, csat.Options{}); return err }, satmetrics.ErrNoData},
		{"Compare scales", func() error { _, err := csat.Compare(tl, seven, 0.95); return err }, satmetrics.ErrIncompatible},
		{"Compare empty A", func() error { _, err := csat.Compare(&empty, tl, 0.95); return err }, satmetrics.ErrNoData},
		{"Compare empty B", func() error { _, err := csat.Compare(tl, &empty, 0.95); return err }, satmetrics.ErrNoData},
		{"Compare level", func() error { _, err := csat.Compare(tl, tl, 0); return err }, satmetrics.ErrLevel},
		{"CompareMeans scales", func() error { _, err := csat.CompareMeans(tl, seven, 0.95); return err }, satmetrics.ErrIncompatible},
		{"CompareMeans empty A", func() error { _, err := csat.CompareMeans(&empty, tl, 0.95); return err }, satmetrics.ErrNoData},
		{"CompareMeans empty B", func() error { _, err := csat.CompareMeans(tl, &empty, 0.95); return err }, satmetrics.ErrNoData},
		{"CompareMeans flat", func() error { _, err := csat.CompareMeans(flat, flat, 0.95); return err }, satmetrics.ErrUndefined},
		{"SampleSize", func() error { _, err := csat.SampleSize(120, 5, 0.95); return err }, satmetrics.ErrRange},
		{"SampleSizeMean", func() error { _, err := csat.SampleSizeMean(1, 0, 0.95); return err }, satmetrics.ErrRange},
	} {
		if err := c.f(); !errors.Is(err, c.want) {
			t.Errorf("%s: error = %v, want %v", c.name, err, c.want)
		}
	}
}

// TestWeighted checks weighted results against hand computations.
func TestWeighted(t *testing.T) {
	// Equal weights change nothing.
	a := tallyOf(t, "1-5", []int64{12, 10, 10, 30, 50})
	var b csat.Tally
	for r := csat.Rating(1); r <= 5; r++ {
		for i := int64(0); i < a.Count(r); i++ {
			b.AddWeighted(r, 0.7)
		}
	}
	for _, f := range []func(*csat.Tally) (satmetrics.Estimate, error){
		func(t *csat.Tally) (satmetrics.Estimate, error) { return t.CSAT(0.95) },
		func(t *csat.Tally) (satmetrics.Estimate, error) { return t.Mean(0.95) },
	} {
		ea, _ := f(a)
		eb, _ := f(&b)
		if !closeTo(ea.Value, eb.Value, 1e-12) || !closeTo(ea.Lower, eb.Lower, 1e-12) || !closeTo(ea.Upper, eb.Upper, 1e-12) ||
			!closeTo(eb.EffectiveN, 112, 1e-12) || ea.EffectiveN != 0 {
			t.Errorf("equal weights: %+v, unweighted %+v", eb, ea)
		}
	}
	// Ratings 5 (w 3), 4 (w 1), 2 (w 1), 1 (w 1): Σw = 6, Σw² = 12,
	// n_eff = 3; satisfied share 4/6, so 2 effective successes in 3.
	var w csat.Tally
	w.AddWeighted(5, 3)
	w.AddWeighted(4, 1)
	w.AddWeighted(2, 1)
	w.AddWeighted(1, 1)
	e, err := w.CSATWith(csat.Options{Method: satmetrics.ClopperPearson})
	want, _ := satmetrics.ProportionInterval(2, 3, 0.95, satmetrics.ClopperPearson)
	if err != nil || !closeTo(e.Value, 400.0/6, 1e-12) || !closeTo(e.Lower, 100*want.Lower, 1e-12) || e.N != 4 || !closeTo(e.EffectiveN, 3, 1e-12) {
		t.Errorf("weighted CSAT = %+v, %v", e, err)
	}
	// Weighted mean (15 + 4 + 2 + 1)/6 = 11/3; Σw(r - mean)² = 3·(4/3)² +
	// (1/3)² + (5/3)² + (8/3)² = 46/3, variance 46/3/6 · 3/2 = 23/6.
	s, err := w.MeanStats()
	if err != nil || !closeTo(s.Mean, 11.0/3, 1e-12) || !closeTo(s.SD*s.SD, 23.0/6, 1e-12) || !closeTo(s.N, 3, 1e-12) {
		t.Errorf("weighted MeanStats = %+v, %v", s, err)
	}
	// Weights whose squares overflow make the weighted results undefined,
	// not NaN.
	var huge csat.Tally
	huge.AddWeighted(5, 1e200)
	huge.AddWeighted(1, 1e200)
	for name, f := range map[string]func(float64) (satmetrics.Estimate, error){"CSAT": huge.CSAT, "Mean": huge.Mean} {
		if _, err := f(0.95); !errors.Is(err, satmetrics.ErrUndefined) {
			t.Errorf("%s with weights 1e200: error = %v, want ErrUndefined", name, err)
		}
	}
	if _, err := huge.Distribution(); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("Distribution with weights 1e200: error = %v", err)
	}
	me, _ := w.Mean(0.95)
	if me.EffectiveN != s.N || !closeTo(me.StdErr, math.Sqrt(23.0/18), 1e-12) {
		t.Errorf("weighted Mean = %+v", me)
	}
}

func TestSampleSize(t *testing.T) {
	// Independent: ⌈1.959964² · 0.7 · 0.3 / 0.05²⌉ = ⌈322.7⌉ (SciPy norm.ppf).
	if n, err := csat.SampleSize(70, 5, 0.95); n != 323 || err != nil {
		t.Errorf("SampleSize(70, 5, 0.95) = %d, %v, want 323", n, err)
	}
	// R: smallest n with qt(0.975, n-1) · 1.2 / √n <= 0.1 is 556.
	if n, err := csat.SampleSizeMean(1.2, 0.1, 0.95); n != 556 || err != nil {
		t.Errorf("SampleSizeMean(1.2, 0.1, 0.95) = %d, %v, want 556", n, err)
	}
}

func ExampleTally_CSAT() {
	// The seed example: 112 answers on the 1-5 scale, of which 30 are 4s
	// and 50 are 5s.
	var t csat.Tally
	for r, n := range map[csat.Rating]int64{1: 12, 2: 10, 3: 10, 4: 30, 5: 50} {
		if err := t.AddN(r, n); err != nil {
			fmt.Println(err)
			return
		}
	}
	est, err := t.CSAT(0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("CSAT %.1f%% of %d, %s 95%% interval [%.1f, %.1f]\n", est.Value, est.N, est.Method, est.Lower, est.Upper)
	// Output:
	// CSAT 71.4% of 112, wilson 95% interval [62.5, 79.0]
}

func ExampleTally_Mean() {
	var t csat.Tally
	t.AddAll([]csat.Rating{5, 4, 4, 3, 5, 2, 4, 5})
	est, err := t.Mean(0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("mean %.2f, t interval [%.2f, %.2f]\n", est.Value, est.Lower, est.Upper)
	// Output:
	// mean 4.00, t interval [3.11, 4.89]
}

func ExampleFromCounts() {
	est, err := csat.FromCounts(80, 112, csat.Options{Method: satmetrics.ClopperPearson})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.1f [%.1f, %.1f] %s\n", est.Value, est.Lower, est.Upper, est.Method)
	// Output:
	// 71.4 [62.1, 79.6] clopper-pearson
}

func ExampleCompare() {
	// Percent satisfied this month (A) against last month (B).
	thisMonth := tallyOf(nil, "1-5", []int64{3, 4, 9, 20, 14})
	lastMonth := tallyOf(nil, "1-5", []int64{12, 10, 10, 30, 50})
	c, err := csat.Compare(thisMonth, lastMonth, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("change %+.1f points, 95%% [%.1f, %.1f], p = %.2f\n", c.Difference, c.Lower, c.Upper, c.P)
	// Output:
	// change -3.4 points, 95% [-19.2, 11.0], p = 0.66
}

func ExampleSampleSize() {
	// Responses needed for ±5 points around an expected 70% satisfied.
	n, _ := csat.SampleSize(70, 5, 0.95)
	fmt.Println(n)
	// Output:
	// 323
}

func TestEstimatesEncode(t *testing.T) {
	tl := tallyOf(t, "binary", []int64{17, 183})
	for _, f := range []func() (any, error){
		func() (any, error) { return tl.CSAT(0.95) },
		func() (any, error) { return tl.Mean(0.95) },
		func() (any, error) { return csat.Compare(tl, tl, 0.95) },
	} {
		v, err := f()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := json.Marshal(v); err != nil {
			t.Error(err)
		}
	}
}

func ExampleCompareMeans() {
	// Mean rating this month (A) against last month (B), by Welch's t test.
	thisMonth := tallyOf(nil, "1-5", []int64{3, 4, 9, 20, 14})
	lastMonth := tallyOf(nil, "1-5", []int64{12, 10, 10, 30, 50})
	c, err := csat.CompareMeans(thisMonth, lastMonth, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("change %+.2f [%.2f, %.2f], t = %.2f, p = %.2f\n", c.Difference, c.Lower, c.Upper, c.Statistic, c.P)
	// Output:
	// change -0.10 [-0.50, 0.31], t = -0.47, p = 0.64
}
