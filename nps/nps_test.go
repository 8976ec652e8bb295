package nps_test

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/nps"
)

// readCSV reads a reference table from testdata as maps keyed by the
// header's column names.
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

// Datasets of testdata/gen_reference.R: counts of the scores 0 to 10.
var datasets = map[string][11]int64{
	"rnps":    {1, 0, 0, 0, 0, 0, 0, 2, 0, 3, 0},
	"typical": {2, 1, 1, 1, 1, 3, 3, 9, 22, 22, 35},
	"allpro":  {0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 6},
	"alldet":  {3, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0},
	"onepro":  {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
	"split":   {50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 50},
	"big":     {1200, 300, 400, 500, 800, 900, 1500, 4000, 6000, 5000, 7000},
	"nopass":  {0, 0, 1, 0, 0, 0, 0, 0, 0, 2, 0},
}

var breaks = map[string]nps.Breaks{
	"standard":  {},
	"six":       {Passive: 6, Promoter: 9},
	"eight":     {Passive: 7, Promoter: 8},
	"nopassive": {Passive: 7, Promoter: 7},
}

func tally(t testing.TB, counts [11]int64, b nps.Breaks) *nps.Tally {
	tl, err := nps.NewTally(b)
	if err != nil {
		t.Fatal(err)
	}
	for s, n := range counts {
		if err := tl.AddN(nps.Score(s), n); err != nil {
			t.Fatal(err)
		}
	}
	return &tl
}

// TestPublishedRNPS checks the values the R package NPS documents for
// nps(c(0, 7, 7, 9, 9, 9)): NPS 1/3, variance 5/9, standard error 0.304 (on
// the -1 to 1 scale; ours is in points, 100 times larger).
func TestPublishedRNPS(t *testing.T) {
	var tl nps.Tally
	for _, s := range []nps.Score{0, 7, 7, 9, 9, 9} {
		if err := tl.Add(s); err != nil {
			t.Fatal(err)
		}
	}
	e, err := tl.NPSWith(nps.Options{Method: nps.Wald})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(e.Value-100.0/3) > 1e-12 || math.Abs(e.StdErr-30.4) > 0.05 || e.N != 6 {
		t.Errorf("NPS(0, 7, 7, 9, 9, 9) = %+v, want 33.33 with standard error 30.4", e)
	}
	if v := nps.Variance(0.5, 1.0/6); math.Abs(v-5.0/9) > 1e-15 {
		t.Errorf("Variance(1/2, 1/6) = %v, want 5/9", v)
	}
}

// TestReferenceR compares values, variances, standard errors and the Wald
// and adjusted-Wald intervals with testdata/wald.csv, which
// testdata/gen_reference.R computes in R from the coded raw answers (mean and
// population variance of +1/0/-1 codes; the adjusted interval from the
// codes with weighted pseudo-answers), for 8 datasets, 4 sets of breaks and
// 4 levels. Tolerance: 1e-12 relative (1e-10 points).
func TestReferenceR(t *testing.T) {
	rows := readCSV(t, "wald.csv")
	if len(rows) != 8*4*4 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		tl := tally(t, datasets[r["data"]], breaks[r["breaks"]])
		level := num(t, r["level"])
		w, err := tl.NPSWith(nps.Options{Level: level, Method: nps.Wald})
		if err != nil {
			t.Fatal(err)
		}
		a, err := tl.NPSWith(nps.Options{Level: level})
		if err != nil {
			t.Fatal(err)
		}
		want := func(col string) float64 { return 100 * num(t, r[col]) }
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"value", w.Value, want("nps")},
			{"se", w.StdErr, want("se")},
			{"wald lower", w.Lower, want("wald_lower")},
			{"wald upper", w.Upper, want("wald_upper")},
			{"adjusted value", a.Value, want("nps")},
			{"adjusted lower", a.Lower, want("adj_lower")},
			{"adjusted upper", a.Upper, want("adj_upper")},
		} {
			if !closeTo(c.got, c.want, 1e-12) {
				t.Errorf("%s, %s breaks, level %v: %s = %.15g, want %.15g", r["data"], r["breaks"], level, c.name, c.got, c.want)
			}
		}
		cat, err := tl.Categories()
		if err != nil {
			t.Fatal(err)
		}
		v := nps.Variance(cat.Promoters.Percent/100, cat.Detractors.Percent/100)
		if !closeTo(v, num(t, r["var"]), 1e-12) {
			t.Errorf("%s, %s breaks: Variance = %v, want %v", r["data"], r["breaks"], v, r["var"])
		}
		if w.Method != "wald" || a.Method != "adjusted-wald" || w.Level != level {
			t.Errorf("methods %q and %q", w.Method, a.Method)
		}
	}
}

// TestCompareR compares two-sample Wald and adjusted-Wald comparisons with
// testdata/compare.csv (R, from coded raw answers). Tolerance: 1e-12
// relative.
func TestCompareR(t *testing.T) {
	for _, r := range readCSV(t, "compare.csv") {
		a, b := tally(t, datasets[r["a"]], nps.Breaks{}), tally(t, datasets[r["b"]], nps.Breaks{})
		level := num(t, r["level"])
		m := nps.Wald
		if r["method"] == "adjusted-wald" {
			m = nps.AdjustedWald
		}
		c, err := nps.CompareWith(a, b, nps.Options{Level: level, Method: m})
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range []struct {
			name      string
			got, want float64
		}{
			{"difference", c.Difference, 100 * num(t, r["difference"])},
			{"se", c.StdErr, 100 * num(t, r["se"])},
			{"lower", c.Lower, max(-200, 100*num(t, r["lower"]))},
			{"upper", c.Upper, min(200, 100*num(t, r["upper"]))},
			{"z", c.Statistic, num(t, r["z"])},
			{"p", c.P, num(t, r["p"])},
		} {
			if !closeTo(x.got, x.want, 1e-12) {
				t.Errorf("%s vs %s, %s, %v: %s = %.15g, want %.15g", r["a"], r["b"], r["method"], level, x.name, x.got, x.want)
			}
		}
		if c.Method != r["method"] {
			t.Errorf("method %q, want %q", c.Method, r["method"])
		}
	}
}

// TestSampleSizeR compares SampleSize with testdata/samplesize.csv (R).
// Exact.
func TestSampleSizeR(t *testing.T) {
	for _, r := range readCSV(t, "samplesize.csv") {
		p, d, m, l := num(t, r["promoters"]), num(t, r["detractors"]), num(t, r["margin"]), num(t, r["level"])
		got, err := nps.SampleSize(p, d, m, l)
		if want := int64(num(t, r["n"])); err != nil || got != want {
			t.Errorf("SampleSize(%v, %v, %v, %v) = %d, %v, want %d", p, d, m, l, got, err, want)
		}
	}
	for _, c := range [][4]float64{{60, 50, 5, 0.95}, {-1, 0, 5, 0.95}, {50, 20, 0, 0.95}, {math.NaN(), 0, 5, 0.95}} {
		if _, err := nps.SampleSize(c[0], c[1], c[2], c[3]); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("SampleSize(%v) error = %v, want ErrRange", c, err)
		}
	}
	if _, err := nps.SampleSize(50, 20, 5, 1); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("SampleSize at level 1: error = %v, want ErrLevel", err)
	}
}

func TestFromCounts(t *testing.T) {
	e, err := nps.FromCounts(3, 2, 1, nps.Options{Method: nps.Wald})
	if err != nil {
		t.Fatal(err)
	}
	tl := tally(t, datasets["rnps"], nps.Breaks{})
	w, _ := tl.NPSWith(nps.Options{Method: nps.Wald})
	if e != w {
		t.Errorf("FromCounts(3, 2, 1) = %+v, want %+v", e, w)
	}
	for _, c := range []struct {
		pro, pas, det int64
		o             nps.Options
		want          error
	}{
		{0, 0, 0, nps.Options{}, satmetrics.ErrNoData},
		{-1, 2, 3, nps.Options{}, satmetrics.ErrRange},
		{1, 2, 3, nps.Options{Level: 1.5}, satmetrics.ErrLevel},
		{1, 2, 3, nps.Options{Method: 7}, satmetrics.ErrRange},
		{1, 2, 3, nps.Options{Method: nps.Bootstrap, Resamples: -1}, satmetrics.ErrRange},
	} {
		if _, err := nps.FromCounts(c.pro, c.pas, c.det, c.o); !errors.Is(err, c.want) {
			t.Errorf("FromCounts(%d, %d, %d, %+v) error = %v, want %v", c.pro, c.pas, c.det, c.o, err, c.want)
		}
	}
	var empty nps.Tally
	if _, err := empty.NPS(0.95); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("NPS of an empty tally: error = %v, want ErrNoData", err)
	}
	if _, err := tl.NPS(0); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("NPS(0): error = %v, want ErrLevel", err)
	}
	if got := nps.Method(5).String(); got != "%!Method(5)" {
		t.Errorf("Method(5).String() = %q", got)
	}
}

// TestWeighted checks weighted estimates against hand computations: shares
// from the sums of weights, n replaced by Kish's effective sample size.
func TestWeighted(t *testing.T) {
	// Equal weights change nothing but the bookkeeping.
	var a, b nps.Tally
	for s, n := range datasets["typical"] {
		for i := int64(0); i < n; i++ {
			a.Add(nps.Score(s))
			b.AddWeighted(nps.Score(s), 2.5)
		}
	}
	ea, _ := a.NPS(0.95)
	eb, _ := b.NPS(0.95)
	if !closeTo(ea.Value, eb.Value, 1e-12) || !closeTo(ea.Lower, eb.Lower, 1e-12) || !closeTo(eb.EffectiveN, 100, 1e-12) || eb.N != 100 {
		t.Errorf("equal weights: %+v, unweighted %+v", eb, ea)
	}
	// Weights 1 (detractor), 1 (passive), 2 and 4 (promoters): Σw = 8,
	// Σw² = 22, n_eff = 64/22; p₊ = 6/8, p₋ = 1/8, NPS = 62.5,
	// Var = 7/8 - (5/8)² = 31/64, SE = 100 √(31/64 / (64/22)).
	var w nps.Tally
	w.AddWeighted(3, 1)
	w.AddWeighted(8, 1)
	w.AddWeighted(9, 2)
	w.AddWeighted(10, 4)
	e, err := w.NPSWith(nps.Options{Method: nps.Wald})
	if err != nil {
		t.Fatal(err)
	}
	se := 100 * math.Sqrt(31.0/64/(64.0/22))
	if !closeTo(e.Value, 62.5, 1e-12) || !closeTo(e.StdErr, se, 1e-12) || !closeTo(e.EffectiveN, 64.0/22, 1e-12) || e.N != 4 {
		t.Errorf("weighted NPS = %+v, want 62.5 with SE %v and n_eff %v", e, se, 64.0/22)
	}
	if !closeTo(e.Value-e.Lower, 1.959963984540054*se, 1e-9) {
		t.Errorf("weighted Wald half-width %v, want z·%v", e.Value-e.Lower, se)
	}
	// Weights whose squares overflow make the results undefined, not NaN.
	var huge nps.Tally
	huge.AddWeighted(10, 1e200)
	huge.AddWeighted(0, 1e200)
	if _, err := huge.NPS(0.95); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("weights 1e200: error = %v, want ErrUndefined", err)
	}
	if _, err := huge.Distribution(); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("Distribution with weights 1e200: error = %v", err)
	}
	// Zero total weight: no data.
	var z nps.Tally
	z.AddWeighted(9, 0)
	if _, err := z.NPS(0.95); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("all weights zero: error = %v, want ErrNoData", err)
	}
	if z.N() != 1 || z.EffectiveN() != 0 {
		t.Errorf("zero-weight tally: N %d, EffectiveN %v", z.N(), z.EffectiveN())
	}
}

func TestBootstrap(t *testing.T) {
	tl := tally(t, datasets["typical"], nps.Breaks{})
	o := nps.Options{Method: nps.Bootstrap, Seed: 42}
	a, err := tl.NPSWith(o)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := tl.NPSWith(o)
	if a != b {
		t.Errorf("same seed, different results: %+v, %+v", a, b)
	}
	o.Seed = 43
	c, _ := tl.NPSWith(o)
	if c == a {
		t.Errorf("different seeds, same interval %+v", c)
	}
	if a.Method != "bootstrap" || !a.Contains(a.Value) {
		t.Errorf("bootstrap estimate %+v", a)
	}
	// For a large sample the bootstrap percentile interval agrees with the
	// Wald interval to within Monte Carlo error (here 0.3 points: the
	// standard error of a 2.5% quantile of 5000 resamples of a distribution
	// with SD 0.57 points is about 0.02 points).
	big := tally(t, datasets["big"], nps.Breaks{})
	bs, err := big.NPSWith(nps.Options{Method: nps.Bootstrap, Resamples: 5000})
	if err != nil {
		t.Fatal(err)
	}
	wd, _ := big.NPSWith(nps.Options{Method: nps.Wald})
	if math.Abs(bs.Lower-wd.Lower) > 0.3 || math.Abs(bs.Upper-wd.Upper) > 0.3 {
		t.Errorf("bootstrap %v vs Wald %v", bs.Interval, wd.Interval)
	}
	// Every answer in one category: every resample is the same.
	all := tally(t, datasets["allpro"], nps.Breaks{})
	if e, _ := all.NPSWith(nps.Options{Method: nps.Bootstrap}); e.Lower != 100 || e.Upper != 100 {
		t.Errorf("all promoters: bootstrap %v", e.Interval)
	}
	det := tally(t, datasets["alldet"], nps.Breaks{})
	if e, _ := det.NPSWith(nps.Options{Method: nps.Bootstrap}); e.Lower != -100 || e.Upper != -100 {
		t.Errorf("all detractors: bootstrap %v", e.Interval)
	}
}

func TestCompare(t *testing.T) {
	a, b := tally(t, datasets["typical"], nps.Breaks{}), tally(t, datasets["rnps"], nps.Breaks{})
	c, err := nps.Compare(a, b, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := nps.Compare(b, a, 0.95)
	if c.Difference <= 0 || d.Difference != -c.Difference || !closeTo(c.Lower, -d.Upper, 1e-12) {
		t.Errorf("Compare(a, b) = %+v, Compare(b, a) = %+v", c, d)
	}
	o := nps.Options{Method: nps.Bootstrap, Seed: 1, Resamples: 4000}
	bc, err := nps.CompareWith(a, b, o)
	if err != nil {
		t.Fatal(err)
	}
	bc2, _ := nps.CompareWith(a, b, o)
	if bc != bc2 || bc.Method != "bootstrap" || !bc.Contains(bc.Difference) || bc.P <= 0 || bc.P > 1 {
		t.Errorf("bootstrap comparison %+v / %+v", bc, bc2)
	}
	// A large, clear difference: the bootstrap p-value is at its floor.
	big, det := tally(t, datasets["big"], nps.Breaks{}), tally(t, datasets["split"], nps.Breaks{})
	det.AddN(0, 100)
	if bc, err := nps.CompareWith(big, det, o); err != nil || bc.P != 1.0/4000 {
		t.Errorf("clear difference: %+v, %v", bc, err)
	}
	// Errors.
	var empty nps.Tally
	six := tally(t, datasets["typical"], breaks["six"])
	allpro := tally(t, datasets["allpro"], nps.Breaks{})
	for _, x := range []struct {
		name string
		a, b *nps.Tally
		o    nps.Options
		want error
	}{
		{"empty A", &empty, b, nps.Options{}, satmetrics.ErrNoData},
		{"empty B", a, &empty, nps.Options{}, satmetrics.ErrNoData},
		{"breaks", a, six, nps.Options{}, satmetrics.ErrIncompatible},
		{"level", a, b, nps.Options{Level: 2}, satmetrics.ErrLevel},
		{"no spread", allpro, allpro, nps.Options{Method: nps.Wald}, satmetrics.ErrUndefined},
		{"no spread bootstrap", allpro, allpro, nps.Options{Method: nps.Bootstrap}, satmetrics.ErrUndefined},
	} {
		if _, err := nps.CompareWith(x.a, x.b, x.o); !errors.Is(err, x.want) {
			t.Errorf("%s: error = %v, want %v", x.name, err, x.want)
		}
	}
	if _, err := nps.Compare(a, b, -1); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("Compare at level -1: error = %v", err)
	}
	// The adjusted comparison is defined even without spread.
	if c, err := nps.Compare(allpro, allpro, 0.95); err != nil || c.Difference != 0 || !c.Contains(0) {
		t.Errorf("adjusted comparison of identical groups: %+v, %v", c, err)
	}
	if _, err := json.Marshal(c); err != nil {
		t.Error(err)
	}
}

func ExampleTally_NPS() {
	// Answers to "How likely are you to recommend us?" from a survey export.
	var t nps.Tally
	for _, s := range []nps.Score{10, 9, 9, 8, 7, 10, 6, 3, 9, 10, 8, 9} {
		if err := t.Add(s); err != nil {
			fmt.Println(err)
			return
		}
	}
	est, err := t.NPS(0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := t.Categories()
	fmt.Printf("promoters %d, passives %d, detractors %d of %d\n",
		c.Promoters.N, c.Passives.N, c.Detractors.N, est.N)
	fmt.Printf("NPS %.1f, standard error %.1f, %s interval [%.1f, %.1f]\n",
		est.Value, est.StdErr, est.Method, est.Lower, est.Upper)
	// Output:
	// promoters 7, passives 3, detractors 2 of 12
	// NPS 41.7, standard error 21.9, adjusted-wald interval [-5.5, 72.2]
}

func ExampleFromCounts() {
	// The R package NPS documents nps(c(0, 7, 7, 9, 9, 9)): 3 promoters,
	// 2 passives and 1 detractor.
	est, err := nps.FromCounts(3, 2, 1, nps.Options{Method: nps.Wald})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("NPS %.2f, SE %.1f, Wald 95%% [%.1f, %.1f]\n", est.Value, est.StdErr, est.Lower, est.Upper)
	// Output:
	// NPS 33.33, SE 30.4, Wald 95% [-26.3, 93.0]
}

func ExampleCompare() {
	// Did the NPS of the email channel differ from that of chat?
	email, chat := new(nps.Tally), new(nps.Tally)
	email.AddN(10, 40)
	email.AddN(8, 30)
	email.AddN(4, 30)
	chat.AddN(10, 55)
	chat.AddN(8, 30)
	chat.AddN(4, 15)
	c, err := nps.Compare(email, chat, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("email - chat = %.0f points, 95%% [%.1f, %.1f], p = %.4f\n", c.Difference, c.Lower, c.Upper, c.P)
	// Output:
	// email - chat = -30 points, 95% [-50.5, -7.7], p = 0.0076
}

func ExampleSampleSize() {
	// Expecting 50% promoters and 20% detractors, how many responses give
	// an NPS to within ±5 points at 95%?
	n, err := nps.SampleSize(50, 20, 5, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n)
	// Output:
	// 938
}

func ExampleTally_NPSWith() {
	// The three interval methods on the same answers. The bootstrap is
	// seeded: the same seed gives the same interval.
	t := new(nps.Tally)
	t.AddN(10, 18)
	t.AddN(9, 12)
	t.AddN(8, 10)
	t.AddN(5, 6)
	t.AddN(2, 4)
	for _, m := range []nps.Method{nps.AdjustedWald, nps.Wald, nps.Bootstrap} {
		est, err := t.NPSWith(nps.Options{Level: 0.9, Method: m, Seed: 1})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-13s NPS %.0f [%.1f, %.1f]\n", est.Method, est.Value, est.Lower, est.Upper)
	}
	// Output:
	// adjusted-wald NPS 40 [19.7, 55.8]
	// wald          NPS 40 [21.4, 58.6]
	// bootstrap     NPS 40 [22.0, 58.0]
}
