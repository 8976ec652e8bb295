package likert

import (
	"errors"
	"math"
	"testing"

	"github.com/satmetrics/satmetrics"
)

// TestMannWhitneyR compares with R's wilcox.test (exact = TRUE, or exact =
// FALSE with correct = TRUE) in testdata/tests_ref.json: U equal to W
// exactly, p within 1e-12 relative (R writes 15 significant digits).
func TestMannWhitneyR(t *testing.T) {
	var ref testsRef
	loadJSON(t, "testdata/tests_ref.json", &ref)
	for _, c := range ref.MannWhitney {
		m := MannWhitney{Method: PNormal}
		if c.Exact {
			m.Method = PExact
		}
		got, err := m.Test(c.X, c.Y)
		if err != nil {
			t.Fatalf("%s: %v", c.Note, err)
		}
		if got.U != c.W || !relClose(got.P, c.P, 1e-12) {
			t.Errorf("%s: U, p = %v, %.15g, want %v, %.15g (wilcox.test)", c.Note, got.U, got.P, c.W, c.P)
		}
		want := "normal"
		if c.Exact {
			want = "exact"
		}
		if got.Method != want {
			t.Errorf("%s: Method = %q, want %q", c.Note, got.Method, want)
		}
		// PAuto chooses what wilcox.test's default chooses.
		auto, _ := MannWhitney{}.Test(c.X, c.Y)
		small := len(c.X) < 50 && len(c.Y) < 50
		if ties := hasTies(c.X, c.Y); (auto.Method == "exact") != (small && !ties) {
			t.Errorf("%s: PAuto chose %q for sizes %d, %d, ties %v", c.Note, auto.Method, len(c.X), len(c.Y), ties)
		}
		// Swapping the samples gives U' = n1 n2 - U and the same p.
		sw, err := m.Test(c.Y, c.X)
		if err != nil {
			t.Fatal(err)
		}
		if sw.U != float64(len(c.X)*len(c.Y))-got.U || !closeTo(sw.P, got.P, 1e-12) || !closeTo(sw.RankBiserial, -got.RankBiserial, 1e-14) {
			t.Errorf("%s: swapped U, p, r = %v, %v, %v", c.Note, sw.U, sw.P, sw.RankBiserial)
		}
	}
}

func hasTies(x, y []float64) bool {
	seen := map[float64]bool{}
	for _, v := range append(append([]float64(nil), x...), y...) {
		if seen[v] {
			return true
		}
		seen[v] = true
	}
	return false
}

// TestMannWhitneyHand checks U, the rank-biserial correlation and the exact
// distribution on a case small enough to count by hand: x = {1, 4}, y = {2,
// 3, 5}. Pairs with x > y: (4, 2), (4, 3): U = 2 of n1 n2 = 6, r = 2·2/6 - 1
// = -1/3. The C(5, 2) = 10 rank pairs of x give U = 0, 1, 2, 2, 3, 3, 4, 4,
// 5, 6, so P(U <= 2) = 4/10 and p = 0.8.
func TestMannWhitneyHand(t *testing.T) {
	got, err := MannWhitney{}.Test([]float64{1, 4}, []float64{2, 3, 5})
	if err != nil {
		t.Fatal(err)
	}
	if got.U != 2 || !closeTo(got.RankBiserial, -1.0/3, 1e-15) || !closeTo(got.P, 0.8, 1e-15) || got.Method != "exact" {
		t.Errorf("MannWhitney = %+v, want U 2, r -1/3, p 0.8, exact", got)
	}
	cdf := mannWhitneyCDF(2, 3)
	want := []float64{1, 2, 4, 6, 8, 9, 10}
	for u := range want {
		if !closeTo(cdf[u], want[u]/10, 1e-15) {
			t.Errorf("P(U <= %d) = %v, want %v/10", u, cdf[u], want[u])
		}
	}
}

// TestMannWhitneyTallies checks that the test on tallies equals the test on
// the expanded answers.
func TestMannWhitneyTallies(t *testing.T) {
	var ref testsRef
	loadJSON(t, "testdata/tests_ref.json", &ref)
	for _, c := range ref.MannWhitney {
		if !hasTies(c.X, c.Y) || c.Exact {
			continue
		}
		s, _ := NewScale(1, 7)
		a, b := NewTally(s), NewTally(s)
		for _, x := range c.X {
			a.Add(int(x))
		}
		for _, y := range c.Y {
			b.Add(int(y))
		}
		got, err := MannWhitney{}.Tallies(&a, &b)
		if err != nil {
			t.Fatal(err)
		}
		if got.U != c.W || !relClose(got.P, c.P, 1e-12) {
			t.Errorf("%s: from tallies U, p = %v, %v, want %v, %v (wilcox.test)", c.Note, got.U, got.P, c.W, c.P)
		}
	}
}

func TestMannWhitneyErrors(t *testing.T) {
	for _, c := range []struct {
		m    MannWhitney
		x, y []float64
		want error
	}{
		{MannWhitney{}, nil, []float64{1}, satmetrics.ErrNoData},
		{MannWhitney{}, []float64{math.NaN()}, []float64{1}, satmetrics.ErrRange},
		{MannWhitney{Method: PExact}, []float64{1, 2}, []float64{2, 3}, satmetrics.ErrUndefined},
		{MannWhitney{Method: PExact}, make101(), make101(), satmetrics.ErrUndefined},
		{MannWhitney{}, []float64{3, 3}, []float64{3}, satmetrics.ErrUndefined},
		{MannWhitney{Method: 9}, []float64{1}, []float64{2}, satmetrics.ErrRange},
	} {
		if _, err := c.m.Test(c.x, c.y); !errors.Is(err, c.want) {
			t.Errorf("%v.Test(%v, %v) = %v, want %v", c.m.Method, len(c.x), len(c.y), err, c.want)
		}
	}
	a, b := NewTally(Agree5), NewTally(Agree7)
	a.Add(1)
	b.Add(1)
	if _, err := (MannWhitney{}).Tallies(&a, &b); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("Tallies on two scales = %v, want ErrIncompatible", err)
	}
	if PAuto.String() != "auto" || PExact.String() != "exact" || PNormal.String() != "normal" || PMethod(9).String() != "%!PMethod(9)" {
		t.Errorf("PMethod strings wrong")
	}
}

func make101() []float64 {
	x := make([]float64, 101)
	for i := range x {
		x[i] = float64(i) + 0.5*float64(i%2)
	}
	return x
}

// TestKruskalWallisR compares with R's kruskal.test in
// testdata/tests_ref.json: H and p within 1e-12 relative.
func TestKruskalWallisR(t *testing.T) {
	var ref testsRef
	loadJSON(t, "testdata/tests_ref.json", &ref)
	for _, c := range ref.Kruskal {
		got, err := KruskalWallis(c.Groups...)
		if err != nil {
			t.Fatalf("%s: %v", c.Note, err)
		}
		if !closeTo(got.H, c.H, 1e-12) || got.DF != c.DF || !relClose(got.P, c.P, 1e-12) {
			t.Errorf("%s: H, df, p = %.15g, %d, %.15g, want %.15g, %d, %.15g (kruskal.test)", c.Note, got.H, got.DF, got.P, c.H, c.DF, c.P)
		}
	}
	// From tallies: the 5-point case.
	c := ref.Kruskal[0]
	ts := make([]*Tally, len(c.Groups))
	for g, xs := range c.Groups {
		tl := NewTally(Agree5)
		for _, x := range xs {
			tl.Add(int(x))
		}
		ts[g] = &tl
	}
	got, err := KruskalWallisTallies(ts...)
	if err != nil {
		t.Fatal(err)
	}
	if !closeTo(got.H, c.H, 1e-12) || !relClose(got.P, c.P, 1e-12) || got.N != 90 {
		t.Errorf("from tallies: H, p, N = %v, %v, %d, want %v, %v, 90", got.H, got.P, got.N, c.H, c.P)
	}
}

func TestKruskalWallisErrors(t *testing.T) {
	if _, err := KruskalWallis([]float64{1, 2}); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("one group = %v, want ErrNoData", err)
	}
	if _, err := KruskalWallis([]float64{1, 2}, nil); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("an empty group = %v, want ErrNoData", err)
	}
	if _, err := KruskalWallis([]float64{2, 2}, []float64{2}); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("all tied = %v, want ErrUndefined", err)
	}
	a := NewTally(Agree5)
	if _, err := KruskalWallisTallies(&a); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("one tally = %v, want ErrNoData", err)
	}
	b := NewTally(Agree5)
	b.Add(2)
	if _, err := KruskalWallisTallies(&b, &a); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("an empty tally = %v, want ErrNoData", err)
	}
	c := NewTally(Agree7)
	c.Add(1)
	if _, err := KruskalWallisTallies(&b, &c); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("two scales = %v, want ErrIncompatible", err)
	}
	// Equal rank means: H is 0, not -1e-16.
	got, err := KruskalWallis([]float64{1, 4}, []float64{2, 3})
	if err != nil || got.H != 0 || got.P != 1 {
		t.Errorf("equal rank means: %+v, %v; want H 0, p 1", got, err)
	}
}

// TestChiSquareR compares with R's chisq.test(correct = FALSE) in
// testdata/tests_ref.json: statistic and p within 1e-12 relative,
// Cramér's V by its formula in R.
func TestChiSquareR(t *testing.T) {
	var ref testsRef
	loadJSON(t, "testdata/tests_ref.json", &ref)
	for _, c := range ref.ChiSquare {
		got, err := ChiSquare(c.Table)
		if err != nil {
			t.Fatalf("%s: %v", c.Note, err)
		}
		if !closeTo(got.Statistic, c.Statistic, 1e-12) || got.DF != c.DF || !relClose(got.P, c.P, 1e-12) || !closeTo(got.CramersV, c.CramersV, 1e-12) {
			t.Errorf("%s: X², df, p, V = %.15g, %d, %.15g, %.15g, want %.15g, %d, %.15g, %.15g (chisq.test)",
				c.Note, got.Statistic, got.DF, got.P, got.CramersV, c.Statistic, c.DF, c.P, c.CramersV)
		}
		// An all-zero column and row change nothing.
		padded := [][]int64{}
		for _, row := range c.Table {
			padded = append(padded, append(append([]int64(nil), row...), 0))
		}
		padded = append(padded, make([]int64, len(padded[0])))
		if p, err := ChiSquare(padded); err != nil || p != got {
			t.Errorf("%s: with an empty row and column: %+v, %v; want %+v", c.Note, p, err, got)
		}
	}
	c := ref.ChiSquare[0]
	ts := make([]*Tally, len(c.Table))
	for i, row := range c.Table {
		tl, _ := TallyFromCounts(Agree5, row)
		ts[i] = &tl
	}
	got, err := ChiSquareTallies(ts...)
	if err != nil || !closeTo(got.Statistic, c.Statistic, 1e-12) {
		t.Errorf("ChiSquareTallies = %+v, %v; want statistic %v", got, err, c.Statistic)
	}
}

func TestChiSquareErrors(t *testing.T) {
	for _, c := range []struct {
		table [][]int64
		want  error
	}{
		{nil, satmetrics.ErrNoData},
		{[][]int64{{1, 2}}, satmetrics.ErrNoData},
		{[][]int64{{1, 0}, {2, 0}}, satmetrics.ErrNoData},
		{[][]int64{{1, 2}, {3}}, satmetrics.ErrRange},
		{[][]int64{{1, 2}, {3, -4}}, satmetrics.ErrRange},
	} {
		if _, err := ChiSquare(c.table); !errors.Is(err, c.want) {
			t.Errorf("ChiSquare(%v) = %v, want %v", c.table, err, c.want)
		}
	}
	a, b := NewTally(Agree5), NewTally(Agree7)
	if _, err := ChiSquareTallies(&a, &b); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("ChiSquareTallies on two scales = %v, want ErrIncompatible", err)
	}
}
