package likert_test

import (
	"errors"
	"fmt"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/likert"
)

// Answers arrive as text in many forms; Parse turns them into codes and
// names what it cannot read.
func ExampleScale_Parse() {
	for _, in := range []string{"4", "strongly agree", "2 - Disagree", "6", "Sort of"} {
		code, err := likert.Agree5.Parse(in)
		switch {
		case errors.Is(err, satmetrics.ErrRange):
			fmt.Printf("%q: off the scale\n", in)
		case err != nil:
			fmt.Printf("%q: %v\n", in, err)
		default:
			fmt.Printf("%q: %d %s\n", in, code, likert.Agree5.Label(code))
		}
	}
	// Output:
	// "4": 4 Agree
	// "strongly agree": 5 Strongly agree
	// "2 - Disagree": 2 Disagree
	// "6": off the scale
	// "Sort of": likert.Scale.Parse: parsing "Sort of": invalid syntax
}

// One item's answers: the distribution, mean with its interval, median,
// top-2-box and the low / neutral / high split.
func ExampleTally() {
	t := likert.NewTally(likert.Agree5)
	for code, n := range map[int]int{1: 12, 2: 25, 3: 31, 4: 48, 5: 34} {
		for range n {
			t.Add(code)
		}
	}
	s, err := t.Summary(0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("n:", s.N, "counts:", s.Counts)
	fmt.Printf("mean %.2f [%.2f, %.2f], sd %.2f\n", s.Mean.Value, s.Mean.Lower, s.Mean.Upper, s.SD)
	fmt.Printf("median %d (interpolated %.2f), mode %d, IQR %d\n", s.Median, s.InterpolatedMedian, s.Mode, s.IQR)
	fmt.Printf("top-2-box %.1f%% [%.1f, %.1f] (%s)\n", s.TopTwoBox.Value, s.TopTwoBox.Lower, s.TopTwoBox.Upper, s.TopTwoBox.Method)
	fmt.Printf("net %.1f points\n", s.Net.Value)
	fmt.Printf("low %.1f%%, neutral %.1f%%, high %.1f%%\n", s.Split.Low, s.Split.Neutral, s.Split.High)
	// Output:
	// n: 150 counts: [12 25 31 48 34]
	// mean 3.45 [3.25, 3.65], sd 1.23
	// median 4 (interpolated 3.65), mode 4, IQR 1
	// top-2-box 54.7% [46.7, 62.4] (wilson)
	// net 30.0 points
	// low 24.7%, neutral 20.7%, high 54.7%
}

// An instrument of four items, one worded negatively, answered by ten
// respondents (one skipped an item): the item summaries and the
// reliability of the scale. (R's psych::alpha(x, keys = c(1, 1, -1, 1))
// gives the same alpha, G6, r.drop and Feldt interval.)
func ExampleInstrumentTally() {
	in := likert.Instrument{Items: []likert.Item{
		{Name: "helpful", Scale: likert.Agree5},
		{Name: "knowledgeable", Scale: likert.Agree5},
		{Name: "slow", Scale: likert.Agree5, Reverse: true},
		{Name: "would return", Scale: likert.Agree5},
	}}
	t, err := likert.NewInstrumentTally(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	rows := [][]string{
		{"5", "4", "1", "5"},
		{"4", "3", "2", "4"},
		{"Agree", "Strongly agree", "Disagree", "4"},
		{"2", "3", "4", "1"},
		{"3", "2", "3", "3"},
		{"4", "5", "3", "4"},
		{"1", "2", "5", "2"},
		{"5", "4", "", "3"},
		{"3", "4", "3", "5"},
		{"2", "1", "4", "3"},
	}
	var row []int
	for _, fields := range rows {
		if row, err = in.ParseRow(fields, row); err == nil {
			err = t.Add(row)
		}
		if err != nil {
			fmt.Println(err)
			return
		}
	}
	for i, it := range in.Items {
		mean, _ := t.Item(i).Mean(0.95)
		top2, _ := t.Item(i).TopBox(2, 0.95)
		fmt.Printf("%-14s n=%d mean %.2f top-2-box %3.0f%%\n", it.Name, t.Item(i).N(), mean.Value, top2.Value)
	}
	rep, err := t.Reliability().Report(likert.ReliabilityConfig{Missing: likert.Pairwise})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("alpha %.3f, 95%% Feldt interval [%.3f, %.3f]\n", rep.Alpha.Value, rep.Alpha.Lower, rep.Alpha.Upper)
	fmt.Printf("standardised %.3f, G6 %.3f, average r %.3f\n", rep.StdAlpha, rep.G6, rep.AverageR)
	for i, s := range rep.ItemStats {
		fmt.Printf("%-14s r.drop %.3f, alpha without it %.3f\n", in.Items[i].Name, s.RDrop, s.Dropped.Alpha)
	}
	comp, _ := t.Composite(0.95)
	fmt.Printf("composite %.2f [%.2f, %.2f]\n", comp.Value, comp.Lower, comp.Upper)
	// Output:
	// helpful        n=10 mean 3.30 top-2-box  50%
	// knowledgeable  n=10 mean 3.30 top-2-box  50%
	// slow           n=9 mean 3.00 top-2-box  33%
	// would return   n=10 mean 3.40 top-2-box  50%
	// alpha 0.900, 95% Feldt interval [0.737, 0.972]
	// standardised 0.902, G6 0.923, average r 0.696
	// helpful        r.drop 0.857, alpha without it 0.841
	// knowledgeable  r.drop 0.654, alpha without it 0.916
	// slow           r.drop 0.901, alpha without it 0.828
	// would return   r.drop 0.716, alpha without it 0.893
	// composite 3.28 [2.47, 4.08]
}

// Reliability works on any numeric scores and merges: here two offices
// count their rows separately and the head office merges them.
func ExampleReliability_Merge() {
	east := [][]float64{{4, 5, 4}, {2, 2, 3}, {5, 4, 5}, {3, 3, 2}}
	west := [][]float64{{1, 2, 1}, {4, 4, 5}, {3, 2, 3}}
	var a, b, all likert.Reliability
	for _, r := range east {
		a.Add(r)
	}
	for _, r := range west {
		b.Add(r)
	}
	all.Merge(&a)
	all.Merge(&b)
	alpha, err := all.Alpha(likert.ReliabilityConfig{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("alpha %.3f from %d respondents\n", alpha.Value, alpha.N)
	// Output:
	// alpha 0.920 from 7 respondents
}

// Feldt's interval for a published alpha: 0.82 from 150 respondents on 10
// items.
func ExampleFeldtInterval() {
	iv, err := likert.FeldtInterval(0.82, 150, 10, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("[%.3f, %.3f] (%s)\n", iv.Lower, iv.Upper, iv.Method)
	// Output:
	// [0.774, 0.860] (feldt)
}

// Do customers who called rate the service differently from those who
// chatted? The Mann-Whitney test on the two tallies (R's wilcox.test on the
// expanded answers gives W = 5852.5, p = 0.03212).
func ExampleMannWhitney_Tallies() {
	phone, _ := likert.TallyFromCounts(likert.Satisfied5, []int64{8, 12, 20, 35, 25})
	chat, _ := likert.TallyFromCounts(likert.Satisfied5, []int64{12, 18, 25, 28, 17})
	r, err := likert.MannWhitney{}.Tallies(&phone, &chat)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("U = %.1f, p = %.4f (%s), rank-biserial %.3f\n", r.U, r.P, r.Method, r.RankBiserial)
	// Output:
	// U = 5852.5, p = 0.0321 (normal), rank-biserial 0.171
}

// Three channels compared at once, by ranks and by the distribution of
// answers (as R's kruskal.test and chisq.test).
func ExampleKruskalWallisTallies() {
	phone, _ := likert.TallyFromCounts(likert.Satisfied5, []int64{8, 12, 20, 35, 25})
	chat, _ := likert.TallyFromCounts(likert.Satisfied5, []int64{12, 18, 25, 28, 17})
	email, _ := likert.TallyFromCounts(likert.Satisfied5, []int64{15, 20, 30, 20, 15})
	kw, _ := likert.KruskalWallisTallies(&phone, &chat, &email)
	cs, _ := likert.ChiSquareTallies(&phone, &chat, &email)
	fmt.Printf("Kruskal-Wallis H = %.2f, df %d, p = %.4f\n", kw.H, kw.DF, kw.P)
	fmt.Printf("chi-square X² = %.2f, df %d, p = %.4f, Cramér's V %.3f\n", cs.Statistic, cs.DF, cs.P, cs.CramersV)
	// Output:
	// Kruskal-Wallis H = 11.01, df 2, p = 0.0041
	// chi-square X² = 13.21, df 8, p = 0.1047, Cramér's V 0.148
}

// A feature's Kano category and its satisfaction coefficients.
func ExampleKanoTally() {
	var k likert.KanoTally
	pairs := []struct {
		functional, dysfunctional string
		n                         int
	}{
		{"I like it that way", "I dislike it that way", 5},
		{"like", "neutral", 4},
		{"neutral", "dislike", 6},
		{"neutral", "neutral", 3},
		{"dislike", "like", 1},
	}
	for _, p := range pairs {
		f, _ := likert.ParseKanoAnswer(p.functional)
		d, _ := likert.ParseKanoAnswer(p.dysfunctional)
		for range p.n {
			k.Add(f, d)
		}
	}
	cat, _ := k.Category()
	better, worse, _ := k.Coefficients()
	fmt.Printf("%v: better %.2f, worse %.2f\n", cat, better, worse)
	// Output:
	// must-be: better 0.50, worse -0.61
}

// Importance-performance analysis of four attributes, with the crosshair at
// the grand means.
func ExampleIPA_Place() {
	res, err := likert.IPA{}.Place([]likert.Attribute{
		{Name: "waiting time", Importance: 4.5, Performance: 3.0},
		{Name: "staff courtesy", Importance: 4.2, Performance: 4.4},
		{Name: "parking", Importance: 3.0, Performance: 2.8},
		{Name: "decor", Importance: 3.1, Performance: 4.6},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("crosshair (%.2f, %.2f)\n", res.Crosshair.Importance, res.Crosshair.Performance)
	for _, a := range res.Attributes {
		fmt.Printf("%-15s %v\n", a.Name, a.Quadrant)
	}
	// Output:
	// crosshair (3.70, 3.70)
	// waiting time    concentrate-here
	// staff courtesy  keep-up
	// parking         low-priority
	// decor           possible-overkill
}

// Gap scores on the six service characteristics: perception minus
// expectation, negative where the service falls short.
func ExampleGapTally() {
	g, err := likert.NewGapTally(likert.ServiceCharacteristics())
	if err != nil {
		fmt.Println(err)
		return
	}
	answers := [][2][]int{
		{{6, 5, 6, 4, 5, 6}, {7, 7, 7, 6, 6, 6}},
		{{5, 4, 6, 5, 5, 5}, {7, 6, 7, 6, 5, 6}},
		{{7, 6, 7, 3, 6, 7}, {7, 7, 7, 6, 6, 6}},
	}
	for _, a := range answers {
		if err := g.Add(a[0], a[1]); err != nil {
			fmt.Println(err)
			return
		}
	}
	rep, err := g.Report(0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range rep.Dimensions {
		fmt.Printf("%-15s %+.2f\n", d.Name, d.Gap.Value)
	}
	fmt.Printf("overall         %+.2f\n", rep.Overall.Value)
	// Output:
	// reliability     -1.00
	// responsiveness  -1.67
	// trust           -0.67
	// accessibility   -2.00
	// communication   -0.33
	// attentiveness   +0.00
	// overall         -0.94
}
