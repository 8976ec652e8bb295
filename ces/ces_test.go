package ces_test

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
	"github.com/satmetrics/satmetrics/ces"
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

func tallyOf(t testing.TB, scale string, counts []int64) *ces.Tally {
	s, err := ces.ParseScale(scale)
	if err != nil {
		t.Fatal(err)
	}
	tl, err := ces.NewTally(s)
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range counts {
		if err := tl.AddN(ces.Rating(i+1), n); err != nil {
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

// TestReference compares the CES mean and its t interval, the percent easy
// (Wilson) and difficult (Clopper-Pearson) and the net ease (value, standard
// error, Wald interval) against testdata/ces.csv, computed by
// testdata/gen_reference.py with SciPy and statsmodels from the raw answers
// (the net ease from the +1/0/-1 codes). Tolerance: 1e-9 relative.
func TestReference(t *testing.T) {
	rows := readCSV(t, "ces.csv")
	if len(rows) != 7*3 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		tl := tallyOf(t, r["scale"], countsOf(t, r["counts"]))
		level := num(t, r["level"])
		m, err := tl.CES(level)
		check := func(what string, got, want float64) {
			if !closeTo(got, want, 1e-9) {
				t.Errorf("%s %v: %s = %.12g, want %.12g", r["data"], level, what, got, want)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		check("mean", m.Value, num(t, r["mean"]))
		check("mean lower", m.Lower, num(t, r["mean_lower"]))
		check("mean upper", m.Upper, num(t, r["mean_upper"]))
		n := num(t, r["n"])
		e, err := tl.Easy(level)
		if err != nil {
			t.Fatal(err)
		}
		check("easy", e.Value, 100*num(t, r["easy"])/n)
		check("easy lower", e.Lower, 100*num(t, r["easy_wilson_lower"]))
		check("easy upper", e.Upper, 100*num(t, r["easy_wilson_upper"]))
		d, err := tl.DifficultWith(ces.Options{Level: level, Method: satmetrics.ClopperPearson})
		if err != nil {
			t.Fatal(err)
		}
		check("difficult", d.Value, 100*num(t, r["difficult"])/n)
		check("difficult lower", d.Lower, 100*num(t, r["difficult_cp_lower"]))
		check("difficult upper", d.Upper, 100*num(t, r["difficult_cp_upper"]))
		ne, err := tl.NetEase(level)
		if err != nil {
			t.Fatal(err)
		}
		check("net ease", ne.Value, 100*num(t, r["net"]))
		check("net ease se", ne.StdErr, 100*num(t, r["net_se"]))
		check("net ease lower", ne.Lower, 100*num(t, r["net_lower"]))
		check("net ease upper", ne.Upper, 100*num(t, r["net_upper"]))
		if m.N != int64(n) || e.N != int64(n) || ne.N != int64(n) {
			t.Errorf("%s: N = %d, %d, %d", r["data"], m.N, e.N, ne.N)
		}
	}
}

// TestCompareReference checks Compare (Welch) and CompareEasy (Newcombe,
// pooled z) against testdata/compare.csv (statsmodels). Tolerance: 1e-9.
func TestCompareReference(t *testing.T) {
	byName := map[string]*ces.Tally{}
	for _, r := range readCSV(t, "ces.csv") {
		byName[r["data"]] = tallyOf(t, r["scale"], countsOf(t, r["counts"]))
	}
	for _, r := range readCSV(t, "compare.csv") {
		a, b := byName[r["a"]], byName[r["b"]]
		level := num(t, r["level"])
		c, err := ces.Compare(a, b, level)
		if err != nil {
			t.Fatal(err)
		}
		if !closeTo(c.Lower, num(t, r["mean_lower"]), 1e-9) || !closeTo(c.Upper, num(t, r["mean_upper"]), 1e-9) ||
			!closeTo(c.Statistic, num(t, r["t"]), 1e-9) || !closeTo(c.P, num(t, r["t_p"]), 1e-9) {
			t.Errorf("Compare(%s, %s, %v) = %+v, want [%s, %s] t %s p %s", r["a"], r["b"], level, c, r["mean_lower"], r["mean_upper"], r["t"], r["t_p"])
		}
		if cm, _ := ces.CompareMeans(a, b, level); cm != c {
			t.Errorf("CompareMeans differs from Compare")
		}
		e, err := ces.CompareEasy(a, b, level)
		if err != nil {
			t.Fatal(err)
		}
		if !closeTo(e.Lower, 100*num(t, r["lower"]), 1e-9) || !closeTo(e.Upper, 100*num(t, r["upper"]), 1e-9) ||
			!closeTo(e.Statistic, num(t, r["z"]), 1e-9) || !closeTo(e.P, num(t, r["p"]), 1e-9) {
			t.Errorf("CompareEasy(%s, %s, %v) = %+v, want [%s, %s] z %s p %s", r["a"], r["b"], level, e, r["lower"], r["upper"], r["z"], r["p"])
		}
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		scale ces.Scale
		in    string
		want  ces.Rating
		err   error
	}{
		{ces.Agree7, "7", 7, nil},
		{ces.Agree7, " 6 - Agree", 6, nil},
		{ces.Agree7, "Strongly agree", 7, nil},
		{ces.Agree7, "neither agree nor disagree", 4, nil},
		{ces.Agree7, "Neutral", 4, nil},
		{ces.Agree7, "5.0", 5, nil},
		{ces.Effort5, "Very low effort", 1, nil},
		{ces.Effort5, "5 - Very high effort", 5, nil},
		{ces.Effort5, "moderate effort", 3, nil},
		{ces.Agree7, "8", 0, satmetrics.ErrRange},
		{ces.Agree7, "0", 0, satmetrics.ErrRange},
		{ces.Effort5, "6", 0, satmetrics.ErrRange},
		{ces.Agree7, "5.5", 0, satmetrics.ErrSyntax},
		{ces.Agree7, "", 0, satmetrics.ErrSyntax},
		{ces.Agree7, "Very low effort", 0, satmetrics.ErrSyntax},
		{ces.Scale(5), "3", 0, satmetrics.ErrRange},
	} {
		got, err := c.scale.Parse(c.in)
		if c.err == nil {
			if err != nil || got != c.want {
				t.Errorf("%v.Parse(%q) = %v, %v, want %v", c.scale, c.in, got, err, c.want)
			}
			continue
		}
		var pe *satmetrics.ParseError
		if !errors.Is(err, c.err) || !errors.As(err, &pe) || pe.Input != c.in {
			t.Errorf("%v.Parse(%q) error = %v, want a ParseError wrapping %v", c.scale, c.in, err, c.err)
		}
	}
	if r, err := ces.ParseRating("Agree"); r != 6 || err != nil {
		t.Errorf("ParseRating(Agree) = %v, %v", r, err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"7", " 6 - Agree", "5.5", "Very low effort", "", "-3"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, in string, sc uint8) {
		s := ces.Scale(sc % 3) // includes one undefined scale
		r, err := s.Parse(in)
		if err != nil {
			var pe *satmetrics.ParseError
			if !errors.As(err, &pe) || pe.Input != in ||
				!(errors.Is(err, satmetrics.ErrSyntax) || errors.Is(err, satmetrics.ErrRange)) {
				t.Errorf("%v.Parse(%q) error = %v", s, in, err)
			}
			return
		}
		if !s.Contains(r) {
			t.Errorf("%v.Parse(%q) = %v, not on the scale", s, in, r)
		}
		if back, err := s.Parse(s.Label(r)); err != nil || back != r {
			t.Errorf("%v.Parse(%q) = %v, %v, want %v", s, s.Label(r), back, err, r)
		}
	})
}

func TestScale(t *testing.T) {
	for _, c := range []struct {
		s      ces.Scale
		name   string
		points int
		dir    satmetrics.Direction
		easy   []ces.Rating
		hard   []ces.Rating
	}{
		{ces.Agree7, "agree7", 7, satmetrics.HigherIsBetter, []ces.Rating{5, 6, 7}, []ces.Rating{1, 2, 3}},
		{ces.Effort5, "effort5", 5, satmetrics.LowerIsBetter, []ces.Rating{1, 2}, []ces.Rating{4, 5}},
	} {
		if c.s.String() != c.name || c.s.Points() != c.points || c.s.Direction() != c.dir {
			t.Errorf("%v: %d points, %v", c.s, c.s.Points(), c.s.Direction())
		}
		var easy, hard []ces.Rating
		for r := ces.Rating(0); r <= 8; r++ {
			if c.s.Easy(r) {
				easy = append(easy, r)
			}
			if c.s.Difficult(r) {
				hard = append(hard, r)
			}
			if c.s.Contains(r) && c.s.Label(r) == "" || !c.s.Contains(r) && c.s.Label(r) != "" {
				t.Errorf("%v.Label(%v) = %q", c.s, r, c.s.Label(r))
			}
		}
		if fmt.Sprint(easy) != fmt.Sprint(c.easy) || fmt.Sprint(hard) != fmt.Sprint(c.hard) {
			t.Errorf("%v: easy %v, difficult %v", c.s, easy, hard)
		}
		b, err := c.s.MarshalText()
		var back ces.Scale
		if err != nil || back.UnmarshalText(b) != nil || back != c.s {
			t.Errorf("%v: text round trip: %v", c.s, err)
		}
	}
	bad := ces.Scale(4)
	if bad.Valid() || bad.String() != "%!Scale(4)" || bad.Points() != 0 || bad.Direction() != 0 {
		t.Errorf("undefined scale %v", bad)
	}
	if _, err := bad.MarshalText(); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("MarshalText: %v", err)
	}
	var s ces.Scale
	if err := s.UnmarshalText([]byte("ces")); !errors.Is(err, satmetrics.ErrSyntax) {
		t.Errorf("UnmarshalText: %v", err)
	}
	if ces.Rating(0).String() != "%!Rating(0)" || ces.Rating(7).String() != "7" {
		t.Error("Rating strings")
	}
	var tl ces.Tally
	e5, _ := ces.NewTally(ces.Effort5)
	if tl.Direction() != satmetrics.HigherIsBetter || e5.Direction() != satmetrics.LowerIsBetter {
		t.Error("tally directions")
	}
}

func TestErrors(t *testing.T) {
	var empty ces.Tally
	tl := tallyOf(t, "agree7", []int64{1, 2, 3, 4, 5, 6, 7})
	e5 := tallyOf(t, "effort5", []int64{1, 2, 3, 4, 5})
	one := tallyOf(t, "agree7", []int64{0, 0, 0, 1})
	flat := tallyOf(t, "agree7", []int64{0, 0, 0, 5})
	for _, c := range []struct {
		name string
		f    func() error
		want error
	}{
		{"CES empty", func() error { _, err := empty.CES(0.95); return err }, satmetrics.ErrNoData},
		{"CES one", func() error { _, err := one.CES(0.95); return err }, satmetrics.ErrUndefined},
		{"CES level", func() error { _, err := tl.CES(1); return err }, satmetrics.ErrLevel},
		{"Easy empty", func() error { _, err := empty.Easy(0.95); return err }, satmetrics.ErrNoData},
		{"Easy level", func() error { _, err := tl.Easy(0); return err }, satmetrics.ErrLevel},
		{"Difficult level", func() error { _, err := tl.Difficult(0); return err }, satmetrics.ErrLevel},
		{"Difficult empty", func() error { _, err := empty.Difficult(0.9); return err }, satmetrics.ErrNoData},
		{"EasyWith method", func() error { _, err := tl.EasyWith(ces.Options{Method: 8}); return err }, satmetrics.ErrRange},
		{"EasyWith level", func() error { _, err := tl.EasyWith(ces.Options{Level: 3}); return err }, satmetrics.ErrLevel},
		{"NetEase empty", func() error { _, err := empty.NetEase(0.95); return err }, satmetrics.ErrNoData},
		{"NetEase level", func() error { _, err := tl.NetEase(1); return err }, satmetrics.ErrLevel},
		{"NetEaseFromCounts negative", func() error { _, err := ces.NetEaseFromCounts(-1, 0, 0, 0.95); return err }, satmetrics.ErrRange},
		{"NetEaseFromCounts empty", func() error { _, err := ces.NetEaseFromCounts(0, 0, 0, 0.95); return err }, satmetrics.ErrNoData},
		{"Compare scales", func() error { _, err := ces.Compare(tl, e5, 0.95); return err }, satmetrics.ErrIncompatible},
		{"Compare empty A", func() error { _, err := ces.Compare(&empty, tl, 0.95); return err }, satmetrics.ErrNoData},
		{"Compare empty B", func() error { _, err := ces.Compare(tl, &empty, 0.95); return err }, satmetrics.ErrNoData},
		{"Compare flat", func() error { _, err := ces.Compare(flat, flat, 0.95); return err }, satmetrics.ErrUndefined},
		{"CompareEasy scales", func() error { _, err := ces.CompareEasy(tl, e5, 0.95); return err }, satmetrics.ErrIncompatible},
		{"CompareEasy empty A", func() error { _, err := ces.CompareEasy(&empty, tl, 0.95); return err }, satmetrics.ErrNoData},
		{"CompareEasy empty B", func() error { _, err := ces.CompareEasy(tl, &empty, 0.95); return err }, satmetrics.ErrNoData},
		{"CompareEasy level", func() error { _, err := ces.CompareEasy(tl, tl, 2); return err }, satmetrics.ErrLevel},
		{"SampleSize", func() error { _, err := ces.SampleSize(-1, 0.1, 0.95); return err }, satmetrics.ErrRange},
		{"SampleSizeEasy", func() error { _, err := ces.SampleSizeEasy(150, 5, 0.95); return err }, satmetrics.ErrRange},
	} {
		if err := c.f(); !errors.Is(err, c.want) {
			t.Errorf("%s: error = %v, want %v", c.name, err, c.want)
		}
	}
}

func TestWeighted(t *testing.T) {
	// Equal weights change nothing.
	a := tallyOf(t, "agree7", []int64{3, 5, 8, 20, 30, 25, 9})
	var b ces.Tally
	for r := ces.Rating(1); r <= 7; r++ {
		for i := int64(0); i < a.Count(r); i++ {
			b.AddWeighted(r, 1.5)
		}
	}
	for _, name := range []string{"CES", "Easy", "NetEase"} {
		f := map[string]func(*ces.Tally) (satmetrics.Estimate, error){
			"CES":     func(t *ces.Tally) (satmetrics.Estimate, error) { return t.CES(0.95) },
			"Easy":    func(t *ces.Tally) (satmetrics.Estimate, error) { return t.Easy(0.95) },
			"NetEase": func(t *ces.Tally) (satmetrics.Estimate, error) { return t.NetEase(0.95) },
		}[name]
		ea, _ := f(a)
		eb, _ := f(&b)
		if !closeTo(ea.Value, eb.Value, 1e-12) || !closeTo(ea.Lower, eb.Lower, 1e-12) || !closeTo(eb.EffectiveN, 100, 1e-12) {
			t.Errorf("%s with equal weights: %+v, unweighted %+v", name, eb, ea)
		}
	}
	// Ratings 7 (w 2), 6 (w 1), 4 (w 1), 2 (w 2): Σw = 6, Σw² = 10,
	// n_eff = 3.6; easy share 3/6, difficult 2/6, net ease 100/6,
	// Var = 5/6 - 1/36 = 29/36, SE = 100 √(29/36/3.6).
	var w ces.Tally
	w.AddWeighted(7, 2)
	w.AddWeighted(6, 1)
	w.AddWeighted(4, 1)
	w.AddWeighted(2, 2)
	ne, err := w.NetEase(0.95)
	if err != nil || !closeTo(ne.Value, 100.0/6, 1e-12) || !closeTo(ne.StdErr, 100*math.Sqrt(29.0/36/3.6), 1e-12) ||
		!closeTo(ne.EffectiveN, 3.6, 1e-12) || ne.N != 4 {
		t.Errorf("weighted net ease = %+v, %v", ne, err)
	}
	e, _ := w.Easy(0.95)
	want, _ := satmetrics.ProportionInterval(1.8, 3.6, 0.95, satmetrics.Wilson)
	if !closeTo(e.Value, 50, 1e-12) || !closeTo(e.Lower, 100*want.Lower, 1e-12) || !closeTo(e.EffectiveN, 3.6, 1e-12) {
		t.Errorf("weighted easy = %+v, want 50 [%v, ...]", e, 100*want.Lower)
	}
	var huge ces.Tally
	huge.AddWeighted(7, 1e300)
	huge.AddWeighted(1, 1e300)
	if _, err := huge.NetEase(0.95); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("extreme weights: %v", err)
	}
}

func TestSampleSize(t *testing.T) {
	// R: smallest n with qt(0.975, n-1) · 1.5 / √n <= 0.16 is 341.
	if n, err := ces.SampleSize(1.5, 0.16, 0.95); n != 341 || err != nil {
		t.Errorf("SampleSize(1.5, 0.16, 0.95) = %d, %v, want 341", n, err)
	}
	// ⌈1.959964² · 0.25 / 0.03²⌉ = ⌈1067.07⌉ (SciPy norm.ppf).
	if n, err := ces.SampleSizeEasy(50, 3, 0.95); n != 1068 || err != nil {
		t.Errorf("SampleSizeEasy(50, 3, 0.95) = %d, %v, want 1068", n, err)
	}
}

func TestEncodeResults(t *testing.T) {
	tl := tallyOf(t, "effort5", []int64{0, 0, 0, 4, 6})
	for _, f := range []func(float64) (satmetrics.Estimate, error){tl.CES, tl.Easy, tl.Difficult, tl.NetEase} {
		e, err := f(0.95)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := json.Marshal(e); err != nil {
			t.Error(err)
		}
	}
}

func ExampleTally_CES() {
	// CES 2.0 answers: "The company made it easy for me to handle my issue."
	var t ces.Tally
	for _, answer := range []string{"7", "6 - Agree", "Strongly agree", "4", "2", "5", "6", "Somewhat agree"} {
		r, err := ces.Agree7.Parse(answer)
		if err != nil {
			fmt.Println(err)
			return
		}
		t.Add(r)
	}
	mean, _ := t.CES(0.95)
	easy, _ := t.Easy(0.95)
	net, _ := t.NetEase(0.95)
	fmt.Printf("CES %.2f [%.2f, %.2f], %s\n", mean.Value, mean.Lower, mean.Upper, t.Direction())
	fmt.Printf("easy %.1f%% [%.1f, %.1f]\n", easy.Value, easy.Lower, easy.Upper)
	fmt.Printf("net ease %.1f [%.1f, %.1f]\n", net.Value, net.Lower, net.Upper)
	// Output:
	// CES 5.25 [3.85, 6.65], higher-is-better
	// easy 75.0% [40.9, 92.9]
	// net ease 62.5 [14.3, 100.0]
}

func ExampleNewTally() {
	// The older effort scale, where lower is better.
	t, _ := ces.NewTally(ces.Effort5)
	t.AddAll([]ces.Rating{1, 2, 2, 1, 3, 5, 2, 1})
	mean, _ := t.CES(0.95)
	easy, _ := t.Easy(0.95)
	fmt.Printf("mean effort %.2f (%s), %.1f%% easy\n", mean.Value, t.Direction(), easy.Value)
	// Output:
	// mean effort 2.12 (lower-is-better), 75.0% easy
}

func ExampleNetEaseFromCounts() {
	// 64 easy, 20 neutral and 16 difficult answers.
	e, err := ces.NetEaseFromCounts(64, 20, 16, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("net ease %.0f, SE %.2f, [%.1f, %.1f]\n", e.Value, e.StdErr, e.Lower, e.Upper)
	// Output:
	// net ease 48, SE 7.55, [33.2, 62.8]
}

func ExampleCompare() {
	// Did the new self-service flow (A) change the CES against the old (B)?
	a := tallyOf(nil, "agree7", []int64{3, 5, 8, 20, 30, 25, 9})
	b := tallyOf(nil, "agree7", []int64{10, 12, 15, 20, 18, 15, 10})
	c, err := ces.Compare(a, b, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("A - B = %+.2f points [%.2f, %.2f], p = %.4f\n", c.Difference, c.Lower, c.Upper, c.P)
	// Output:
	// A - B = +0.71 points [0.26, 1.16], p = 0.0023
}
