package likert

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/satmetrics/satmetrics"
)

// testsRef is testdata/tests_ref.json, written by testdata/gen_tests.R.
type testsRef struct {
	Tallies []struct {
		Counts    []int64   `json:"counts"`
		Weights   []float64 `json:"weights"`
		Mean      float64   `json:"mean"`
		SD        float64   `json:"sd"`
		T95       []float64 `json:"t95"`
		Percent   []float64 `json:"percent"`
		Q25       int       `json:"q25"`
		Q50       int       `json:"q50"`
		Q75       int       `json:"q75"`
		TopBox    float64   `json:"top_box"`
		TopWilson []float64 `json:"top_box_wilson95"`
		Bot2W90   []float64 `json:"bottom2_wilson90"`
		NEff      float64   `json:"neff"`
	} `json:"tallies"`
	MannWhitney []struct {
		Note  string    `json:"note"`
		X     []float64 `json:"x"`
		Y     []float64 `json:"y"`
		Exact bool      `json:"exact"`
		W     float64   `json:"w"`
		P     float64   `json:"p"`
	} `json:"mannwhitney"`
	Kruskal []struct {
		Note   string      `json:"note"`
		Groups [][]float64 `json:"groups"`
		H      float64     `json:"h"`
		DF     int         `json:"df"`
		P      float64     `json:"p"`
	} `json:"kruskal"`
	ChiSquare []struct {
		Note      string    `json:"note"`
		Table     [][]int64 `json:"table"`
		Statistic float64   `json:"statistic"`
		DF        int       `json:"df"`
		P         float64   `json:"p"`
		CramersV  float64   `json:"cramers_v"`
	} `json:"chisquare"`
}

func scaleOf(t testing.TB, points int) Scale {
	t.Helper()
	s, err := NewScale(1, points)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestTallyR compares the descriptive statistics of tallies with R (mean,
// sd, t.test's interval, quantile type 1, prop.test's Wilson interval
// without continuity correction, cov.wt's unbiased weighted variance), in
// testdata/tests_ref.json; tolerance 1e-12 relative to max(1, |want|).
func TestTallyR(t *testing.T) {
	var ref testsRef
	loadJSON(t, "testdata/tests_ref.json", &ref)
	for ci, c := range ref.Tallies {
		s := scaleOf(t, len(c.Counts))
		tally := NewTally(s)
		for i, n := range c.Counts {
			for range n {
				var err error
				if c.Weights != nil {
					err = tally.AddWeighted(s.Low()+i, c.Weights[i])
				} else {
					err = tally.Add(s.Low() + i)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		mean, err := tally.Mean(0.95)
		if err != nil {
			t.Fatalf("case %d: Mean: %v", ci, err)
		}
		sd, _ := tally.SD()
		if !closeTo(mean.Value, c.Mean, 1e-12) || !closeTo(sd, c.SD, 1e-12) {
			t.Errorf("case %d: mean, sd = %v, %v, want %v, %v", ci, mean.Value, sd, c.Mean, c.SD)
		}
		pct, _ := tally.Percentages()
		if diff := cmp.Diff(c.Percent, pct, cmpopts.EquateApprox(1e-12, 1e-12)); diff != "" {
			t.Errorf("case %d: Percentages mismatch (-R +got):\n%s", ci, diff)
		}
		if c.Weights != nil {
			if !closeTo(tally.EffectiveN(), c.NEff, 1e-12) || !closeTo(mean.EffectiveN, c.NEff, 1e-12) {
				t.Errorf("case %d: effective n = %v, want %v", ci, tally.EffectiveN(), c.NEff)
			}
			continue
		}
		if !closeTo(mean.Lower, c.T95[0], 1e-12) || !closeTo(mean.Upper, c.T95[1], 1e-12) {
			t.Errorf("case %d: t interval [%v, %v], want %v (t.test)", ci, mean.Lower, mean.Upper, c.T95)
		}
		q := [3]int{}
		for i, p := range []float64{0.25, 0.5, 0.75} {
			q[i], _ = tally.Quantile(p)
		}
		if q != [3]int{c.Q25, c.Q50, c.Q75} {
			t.Errorf("case %d: quartiles %v, want %v (quantile type 1)", ci, q, [3]int{c.Q25, c.Q50, c.Q75})
		}
		if s.Points() < 3 {
			continue
		}
		top, err := tally.TopBox(1, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if !closeTo(top.Value, c.TopBox, 1e-12) || !closeTo(top.Lower, c.TopWilson[0], 1e-9) || !closeTo(top.Upper, c.TopWilson[1], 1e-9) {
			t.Errorf("case %d: top box %v [%v, %v], want %v %v (prop.test)", ci, top.Value, top.Lower, top.Upper, c.TopBox, c.TopWilson)
		}
		bot, err := tally.BottomBox(2, 0.90)
		if err != nil {
			t.Fatal(err)
		}
		if !closeTo(bot.Lower, c.Bot2W90[0], 1e-9) || !closeTo(bot.Upper, c.Bot2W90[1], 1e-9) {
			t.Errorf("case %d: bottom-2 90%% interval [%v, %v], want %v (prop.test)", ci, bot.Lower, bot.Upper, c.Bot2W90)
		}
	}
}

// TestTallyHand checks the statistics R does not report directly against
// hand computation on counts 12, 25, 31, 48, 34 (n = 150) on Agree5.
func TestTallyHand(t *testing.T) {
	tally, err := TallyFromCounts(Agree5, []int64{12, 25, 31, 48, 34})
	if err != nil {
		t.Fatal(err)
	}
	// Cumulative counts 12, 37, 68, 116, 150; half is 75, reached at point 4.
	// Interpolated median: 4 - 0.5 + (75 - 68)/48 = 3.5 + 7/48.
	im, _ := tally.InterpolatedMedian()
	if want := 3.5 + 7.0/48; !closeTo(im, want, 1e-15) {
		t.Errorf("InterpolatedMedian = %v, want %v", im, want)
	}
	if m, _ := tally.Median(); m != 4 {
		t.Errorf("Median = %d, want 4", m)
	}
	if m, _ := tally.Mode(); m != 4 {
		t.Errorf("Mode = %d, want 4 (48 answers)", m)
	}
	// Quartiles: 25% of 150 is 37.5, reached at point 3 (68); 75% is 112.5,
	// reached at point 4 (116): IQR 1.
	if iqr, _ := tally.IQR(); iqr != 1 {
		t.Errorf("IQR = %d, want 1", iqr)
	}
	// Split: low (12 + 25)/150, neutral 31/150, high (48 + 34)/150.
	sp, _ := tally.Split()
	want := Split{Low: 100 * 37.0 / 150, Neutral: 100 * 31.0 / 150, High: 100 * 82.0 / 150}
	if diff := cmp.Diff(want, sp, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("Split mismatch (-want +got):\n%s", diff)
	}
	// Net top-2 minus bottom-2: (82 - 37)/150 = 0.3; se = √((0.5467 + 0.2467 - 0.09)/150).
	net, _ := tally.Net(2, 0.95)
	pt, pb := 82.0/150, 37.0/150
	se := math.Sqrt((pt + pb - 0.09) / 150)
	if !closeTo(net.Value, 30, 1e-12) || !closeTo(net.StdErr, 100*se, 1e-12) ||
		!closeTo(net.Lower, 100*(0.3-1.959963984540054*se), 1e-12) {
		t.Errorf("Net(2) = %+v, want 30 ± 1.96·%v", net, 100*se)
	}
	// Even scale: no neutral point; the lower half is points 1-2.
	even, _ := TallyFromCounts(scaleOf(t, 4), []int64{5, 15, 20, 10})
	sp, _ = even.Split()
	if want := (Split{Low: 40, Neutral: 0, High: 60}); sp != want {
		t.Errorf("Split of even scale = %+v, want %+v", sp, want)
	}
	// Cumulative share exactly 50% at point 2: the median is 2 and the
	// interpolated median the upper class boundary 2.5.
	half, _ := TallyFromCounts(scaleOf(t, 4), []int64{5, 20, 15, 10})
	im, _ = half.InterpolatedMedian()
	if m, _ := half.Median(); m != 2 || im != 2.5 {
		t.Errorf("Median, InterpolatedMedian = %d, %v, want 2, 2.5", m, im)
	}
	// Ties for the mode go to the lower point.
	tie, _ := TallyFromCounts(Agree5, []int64{0, 4, 1, 4, 0})
	if m, _ := tie.Mode(); m != 2 {
		t.Errorf("Mode with a tie = %d, want 2", m)
	}
	if q, _ := tie.Quantile(0); q != 2 {
		t.Errorf("Quantile(0) = %d, want 2, the lowest point answered", q)
	}
	if q, _ := tie.Quantile(1); q != 4 {
		t.Errorf("Quantile(1) = %d, want 4, the highest point answered", q)
	}
}

func TestTallySummary(t *testing.T) {
	tally, _ := TallyFromCounts(Agree5, []int64{12, 25, 31, 48, 34})
	s, err := tally.Summary(0.95)
	if err != nil {
		t.Fatal(err)
	}
	top2, _ := tally.TopBox(2, 0.95)
	mean, _ := tally.Mean(0.95)
	if s.TopTwoBox != top2 || s.Mean != mean || s.Median != 4 || s.N != 150 || s.EffectiveN != 0 {
		t.Errorf("Summary = %+v", s)
	}
	if _, err := json.Marshal(s); err != nil {
		t.Errorf("Summary does not encode: %v", err)
	}
	// A 3-point scale uses one-point boxes.
	three, _ := TallyFromCounts(scaleOf(t, 3), []int64{2, 3, 5})
	s, err = three.Summary(0.95)
	if err != nil {
		t.Fatal(err)
	}
	if s.TopTwoBox.Value != 50 || s.BottomTwoBox.Value != 20 || s.Net.Value != 30 {
		t.Errorf("3-point Summary boxes = %v, %v, %v, want 50, 20, 30", s.TopTwoBox.Value, s.BottomTwoBox.Value, s.Net.Value)
	}
	w := NewTally(Agree5)
	w.AddWeighted(1, 2)
	w.AddWeighted(5, 1)
	w.AddWeighted(4, 1)
	if s, err := w.Summary(0.9); err != nil || s.EffectiveN != 16.0/6 {
		t.Errorf("weighted Summary = %+v, %v; want effective n 16/6", s, err)
	}
}

func TestTallyErrors(t *testing.T) {
	var tally Tally
	if tally.Scale() != Agree5 {
		t.Errorf("zero Tally scale = %v, want agree5", tally.Scale())
	}
	for _, f := range []func() error{
		func() error { _, err := tally.Percentages(); return err },
		func() error { _, err := tally.Mean(0.95); return err },
		func() error { _, err := tally.SD(); return err },
		func() error { _, err := tally.Median(); return err },
		func() error { _, err := tally.InterpolatedMedian(); return err },
		func() error { _, err := tally.Mode(); return err },
		func() error { _, err := tally.IQR(); return err },
		func() error { _, err := tally.TopBox(1, 0.95); return err },
		func() error { _, err := tally.BottomBox(2, 0.95); return err },
		func() error { _, err := tally.Net(2, 0.95); return err },
		func() error { _, err := tally.Split(); return err },
		func() error { _, err := tally.Summary(0.95); return err },
	} {
		if err := f(); !errors.Is(err, satmetrics.ErrNoData) {
			t.Errorf("on an empty tally: %v, want ErrNoData", err)
		}
	}
	if err := tally.Add(6); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Add(6) on agree5 = %v, want ErrRange", err)
	}
	if err := tally.AddWeighted(0, 1); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("AddWeighted(0) on agree5 = %v, want ErrRange", err)
	}
	if err := tally.AddWeighted(3, math.NaN()); !errors.Is(err, satmetrics.ErrWeight) {
		t.Errorf("AddWeighted(3, NaN) = %v, want ErrWeight", err)
	}
	if tally.N() != 0 {
		t.Errorf("N after refused answers = %d", tally.N())
	}
	tally.Add(3)
	if _, err := tally.Mean(0.95); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("Mean of one answer = %v, want ErrUndefined", err)
	}
	if _, err := tally.Summary(0.95); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("Summary of one answer = %v, want ErrUndefined", err)
	}
	tally.Add(4)
	if _, err := tally.Mean(1.5); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("Mean(1.5) = %v, want ErrLevel", err)
	}
	for _, k := range []int{0, 5} {
		if _, err := tally.TopBox(k, 0.95); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("TopBox(%d) = %v, want ErrRange", k, err)
		}
	}
	if _, err := tally.Net(3, 0.95); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Net(3) on 5 points = %v, want ErrRange", err)
	}
	if _, err := tally.TopBox(1, 0); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("TopBox at level 0 = %v, want ErrLevel", err)
	}
	if _, err := tally.Net(1, 2); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("Net at level 2 = %v, want ErrLevel", err)
	}
	if _, err := tally.Quantile(1.1); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Quantile(1.1) = %v, want ErrRange", err)
	}
	// Only zero weights: answers counted, no share defined.
	z := NewTally(Agree5)
	z.AddWeighted(2, 0)
	if _, err := z.Percentages(); !errors.Is(err, satmetrics.ErrNoData) || z.N() != 1 {
		t.Errorf("Percentages with zero total weight = %v (N %d), want ErrNoData", err, z.N())
	}
	if _, err := TallyFromCounts(Agree5, []int64{1, 2}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("TallyFromCounts with 2 counts for 5 points = %v, want ErrRange", err)
	}
	if _, err := TallyFromCounts(Agree5, []int64{1, 2, -3, 4, 5}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("TallyFromCounts with a negative count = %v, want ErrRange", err)
	}
	if tally.Count(9) != 0 || tally.Weight(9) != 0 || tally.Count(3) != 1 || tally.Weight(4) != 1 {
		t.Errorf("Count/Weight wrong")
	}
}

func TestTallyMerge(t *testing.T) {
	a := NewTally(Agree7)
	a.Add(7)
	b := NewTally(Agree5)
	b.Add(1)
	if err := a.Merge(&b); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("Merge agree5 into agree7 = %v, want ErrIncompatible", err)
	}
	if a.N() != 1 {
		t.Errorf("refused Merge changed the tally")
	}
	var zero Tally
	if err := a.Merge(&zero); err != nil || a.N() != 1 {
		t.Errorf("Merge of the zero tally = %v", err)
	}
	if err := zero.Merge(&a); err != nil || zero.Scale() != Agree7 || !zero.Equal(&a) {
		t.Errorf("Merge into the zero tally = %v, scale %v", err, zero.Scale())
	}
	// An empty tally on another scale is not the identity.
	empty7 := NewTally(Agree7)
	if err := b.Merge(&empty7); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("Merge of an empty agree7 tally into agree5 = %v, want ErrIncompatible", err)
	}
}
