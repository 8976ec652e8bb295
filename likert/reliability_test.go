package likert

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/satmetrics/satmetrics"
)

// psychRef holds the results of R's psych::alpha (version 2.2.9) on one of
// the data sets of testdata/gen_reliability.R.
type psychRef struct {
	Note         string    `json:"note"`
	Keys         []int     `json:"keys"`
	NObs         int       `json:"n_obs"`
	RawAlpha     float64   `json:"raw_alpha"`
	StdAlpha     float64   `json:"std_alpha"`
	G6           float64   `json:"g6"`
	AverageR     float64   `json:"average_r"`
	ASE          float64   `json:"ase"`
	FeldtLower   float64   `json:"feldt_lower"`
	FeldtUpper   float64   `json:"feldt_upper"`
	Feldt90Lower float64   `json:"feldt90_lower"`
	Feldt90Upper float64   `json:"feldt90_upper"`
	ItemN        []int64   `json:"item_n"`
	ItemMean     []float64 `json:"item_mean"`
	ItemSD       []float64 `json:"item_sd"`
	RDrop        []float64 `json:"r_drop"`
	DropRaw      []float64 `json:"drop_raw_alpha"`
	DropStd      []float64 `json:"drop_std_alpha"`
	DropG6       []float64 `json:"drop_g6"`
	DropAvgR     []float64 `json:"drop_average_r"`
}

// instrumentFor returns the instrument of a reference data set: items on
// scale s, reverse-keyed where psych's keys are -1.
func instrumentFor(t testing.TB, header []string, s Scale, keys []int) Instrument {
	t.Helper()
	in := Instrument{}
	for i, h := range header {
		in.Items = append(in.Items, Item{Name: h, Scale: s, Reverse: len(keys) > 0 && keys[i] < 0})
	}
	return in
}

// TestReliabilityPsych compares Report with psych::alpha on the data sets of
// testdata/gen_reliability.R (values in testdata/reliability_ref.json). The
// data go through an InstrumentTally, so reverse keying is the item's; the
// tolerance is 1e-12 relative to max(1, |want|) (jsonlite writes 15 significant digits).
func TestReliabilityPsych(t *testing.T) {
	var refs map[string]psychRef
	loadJSON(t, "testdata/reliability_ref.json", &refs)
	cases := []struct {
		name    string
		scale   Scale
		missing MissingPolicy
	}{
		{"six", Agree5, Pairwise},
		{"six", Agree5, Listwise}, // no missing answers: both policies agree
		{"missing", Agree7, Pairwise},
		{"missing_listwise", Agree7, Listwise},
		{"two", Agree5, Pairwise},
		{"twelve", Agree5, Pairwise},
	}
	const tol = 1e-12
	for _, c := range cases {
		ref, ok := refs[c.name]
		if !ok {
			t.Fatalf("no reference %q", c.name)
		}
		header, rows := readCSV(t, "testdata/reliability_"+c.name+".csv")
		tally, err := NewInstrumentTally(instrumentFor(t, header, c.scale, ref.Keys))
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			if err := tally.Add(codes(row)); err != nil {
				t.Fatal(err)
			}
		}
		rel := tally.Reliability()
		rep, err := rel.Report(ReliabilityConfig{Missing: c.missing})
		if err != nil {
			t.Fatalf("%s/%v: Report: %v", c.name, c.missing, err)
		}
		check := func(what string, got, want float64) {
			t.Helper()
			if !closeTo(got, want, tol) {
				t.Errorf("%s/%v: %s = %.15g, want %.15g (psych)", c.name, c.missing, what, got, want)
			}
		}
		check("raw_alpha", rep.Alpha.Value, ref.RawAlpha)
		check("std.alpha", rep.StdAlpha, ref.StdAlpha)
		check("G6(smc)", rep.G6, ref.G6)
		check("average_r", rep.AverageR, ref.AverageR)
		check("ase", rep.Alpha.StdErr, ref.ASE)
		// The Feldt bounds, through the F quantile: 1e-12 as well.
		if !closeTo(rep.Alpha.Lower, ref.FeldtLower, 1e-12) || !closeTo(rep.Alpha.Upper, ref.FeldtUpper, 1e-12) {
			t.Errorf("%s: Feldt interval [%.10g, %.10g], want [%.10g, %.10g] (psych alpha.ci)",
				c.name, rep.Alpha.Lower, rep.Alpha.Upper, ref.FeldtLower, ref.FeldtUpper)
		}
		if rep.Alpha.N != int64(ref.NObs) {
			t.Errorf("%s: N = %d, want %d", c.name, rep.Alpha.N, ref.NObs)
		}
		iv, err := FeldtInterval(ref.RawAlpha, float64(ref.NObs), len(header), 0.90)
		if err != nil {
			t.Fatal(err)
		}
		if !closeTo(iv.Lower, ref.Feldt90Lower, 1e-12) || !closeTo(iv.Upper, ref.Feldt90Upper, 1e-12) {
			t.Errorf("%s: 90%% Feldt interval [%.10g, %.10g], want [%.10g, %.10g] (R qf)",
				c.name, iv.Lower, iv.Upper, ref.Feldt90Lower, ref.Feldt90Upper)
		}
		for i, it := range rep.ItemStats {
			if it.N != ref.ItemN[i] {
				t.Errorf("%s: item %d: n = %d, want %d", c.name, i+1, it.N, ref.ItemN[i])
			}
			check("mean", it.Mean, ref.ItemMean[i])
			check("sd", it.SD, ref.ItemSD[i])
			check("r.drop", it.RDrop, ref.RDrop[i])
			if len(ref.DropRaw) == 0 {
				if it.Dropped != nil {
					t.Errorf("%s: item %d: Dropped = %+v for two items, want nil", c.name, i+1, *it.Dropped)
				}
				continue
			}
			check("alpha.drop raw_alpha", it.Dropped.Alpha, ref.DropRaw[i])
			check("alpha.drop std.alpha", it.Dropped.StdAlpha, ref.DropStd[i])
			check("alpha.drop G6(smc)", it.Dropped.G6, ref.DropG6[i])
			check("alpha.drop average_r", it.Dropped.AverageR, ref.DropAvgR[i])
		}
	}
}

// TestReliabilityListwiseOfMissing checks that Listwise on the data with
// missing answers equals psych on its complete rows.
func TestReliabilityListwiseOfMissing(t *testing.T) {
	var refs map[string]psychRef
	loadJSON(t, "testdata/reliability_ref.json", &refs)
	ref := refs["missing_listwise"]
	_, rows := readCSV(t, "testdata/reliability_missing.csv")
	var r Reliability
	for _, row := range rows {
		if err := r.Add(row); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := r.Report(ReliabilityConfig{Missing: Listwise})
	if err != nil {
		t.Fatal(err)
	}
	if !closeTo(rep.Alpha.Value, ref.RawAlpha, 1e-9) || rep.Alpha.N != int64(ref.NObs) {
		t.Errorf("listwise alpha = %.15g on %d rows, want %.15g on %d (psych on complete rows)",
			rep.Alpha.Value, rep.Alpha.N, ref.RawAlpha, ref.NObs)
	}
	if r.N() != int64(len(rows)) || r.Complete() != int64(ref.NObs) {
		t.Errorf("N, Complete = %d, %d, want %d, %d", r.N(), r.Complete(), len(rows), ref.NObs)
	}
}

// TestReliabilityOffset checks that a large common offset (1e9 added to
// every score) leaves the analysis unchanged: the Welford and Chan updates
// keep the covariances where raw sums of squares would lose every digit.
func TestReliabilityOffset(t *testing.T) {
	_, rows := readCSV(t, "testdata/reliability_missing.csv")
	var plain, shifted, a, b Reliability
	for i, row := range rows {
		s := make([]float64, len(row))
		for j, x := range row {
			s[j] = x + 1e9
		}
		plain.Add(row)
		shifted.Add(s)
		if i%3 == 0 {
			a.Add(s)
		} else {
			b.Add(s)
		}
	}
	if err := a.Merge(&b); err != nil {
		t.Fatal(err)
	}
	for _, m := range []MissingPolicy{Pairwise, Listwise} {
		want, err := plain.Report(ReliabilityConfig{Missing: m})
		if err != nil {
			t.Fatal(err)
		}
		for name, r := range map[string]*Reliability{"added": &shifted, "merged": &a} {
			got, err := r.Report(ReliabilityConfig{Missing: m})
			if err != nil {
				t.Fatal(err)
			}
			if !closeTo(got.Alpha.Value, want.Alpha.Value, 1e-6) || !closeTo(got.G6, want.G6, 1e-6) ||
				!closeTo(got.ItemStats[0].SD, want.ItemStats[0].SD, 1e-6) {
				t.Errorf("%s %v with offset 1e9: alpha %v, G6 %v, sd %v; want %v, %v, %v",
					name, m, got.Alpha.Value, got.G6, got.ItemStats[0].SD, want.Alpha.Value, want.G6, want.ItemStats[0].SD)
			}
		}
	}
}

func TestReliabilityErrors(t *testing.T) {
	var r Reliability
	if _, err := r.Report(ReliabilityConfig{}); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Report of empty = %v, want ErrNoData", err)
	}
	if err := r.Add([]float64{1}); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("Add of one item = %v, want ErrIncompatible", err)
	}
	if err := r.Add([]float64{1, math.Inf(1)}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Add(+Inf) = %v, want ErrRange", err)
	}
	if err := r.AddWeighted([]float64{1, 2}, -1); !errors.Is(err, satmetrics.ErrWeight) {
		t.Errorf("AddWeighted(-1) = %v, want ErrWeight", err)
	}
	if r.Items() != 0 {
		t.Errorf("Items after refused rows = %d, want 0", r.Items())
	}
	r.Add([]float64{1, 2})
	if err := r.Add([]float64{1, 2, 3}); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("Add of 3 scores to 2 items = %v, want ErrIncompatible", err)
	}
	if _, err := r.Report(ReliabilityConfig{}); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Report of one row = %v, want ErrNoData", err)
	}
	r.Add([]float64{1, 3})
	if _, err := r.Report(ReliabilityConfig{}); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("Report with a constant item = %v, want ErrUndefined", err)
	}
	if _, err := r.Report(ReliabilityConfig{Level: 1}); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("Report at level 1 = %v, want ErrLevel", err)
	}
	if _, err := r.Report(ReliabilityConfig{Missing: 7}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Report with policy 7 = %v, want ErrRange", err)
	}
	var u Reliability
	u.Add([]float64{1, 2, 3})
	if err := r.Merge(&u); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("Merge of 3 items into 2 = %v, want ErrIncompatible", err)
	}
	// Collinear items: the correlation matrix is singular.
	var c Reliability
	for _, row := range [][]float64{{1, 2, 3}, {2, 4, 3}, {3, 6, 5}, {4, 8, 4}} {
		c.Add(row)
	}
	if _, err := c.Report(ReliabilityConfig{}); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("Report with collinear items = %v, want ErrUndefined", err)
	}
	if _, err := FeldtInterval(0.8, 1, 5, 0.95); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("FeldtInterval(n = 1) = %v, want ErrUndefined", err)
	}
}

// TestReliabilityBlockPaths checks that the exact integer path and the
// two-pass path of a block agree: the same integer scores, and the same
// scores plus one half (which are not integers), give the same co-moments,
// and means half a point apart. Scores spanning more than 64 values also
// take the two-pass path.
func TestReliabilityBlockPaths(t *testing.T) {
	for _, span := range []int{5, 64, 100} {
		rng := rand.New(rand.NewPCG(uint64(span), 1))
		var exact, half Reliability
		for range 1000 {
			row := make([]float64, 6)
			h := make([]float64, 6)
			for j := range row {
				row[j] = float64(rng.IntN(span) - span/2)
				h[j] = row[j] + 0.5
			}
			exact.Add(row)
			half.Add(h)
		}
		exact.flush()
		half.flush()
		for i := range exact.com {
			if !closeTo(exact.com[i], half.com[i], 1e-12) {
				t.Errorf("span %d: co-moment %d: %v (integers), %v (halves)", span, i, exact.com[i], half.com[i])
			}
		}
		for j := range exact.mean {
			if !closeTo(exact.mean[j]+0.5, half.mean[j], 1e-13) {
				t.Errorf("span %d: mean %d: %v + 0.5 != %v", span, j, exact.mean[j], half.mean[j])
			}
		}
	}
	// The exact path against a direct two-pass computation of the whole;
	// in the second data set the last item is not integer, which sends the
	// blocks to the two-pass path only after the other columns passed.
	rows, _ := randRows(rand.New(rand.NewPCG(9, 9)), 700, 4, 0, 0, false)
	checkComoments(t, rows)
	for _, row := range rows {
		row[3] += 0.25
	}
	checkComoments(t, rows)
}

func checkComoments(t *testing.T, rows [][]float64) {
	t.Helper()
	var r Reliability
	for _, row := range rows {
		r.Add(row)
	}
	r.flush()
	k := 4
	mean := make([]float64, k)
	for _, row := range rows {
		for j, x := range row {
			mean[j] += x / float64(len(rows))
		}
	}
	for j := range mean {
		if !closeTo(r.mean[j], mean[j], 1e-13) {
			t.Errorf("mean %d = %v, want %v", j, r.mean[j], mean[j])
		}
	}
	for i := 0; i < k; i++ {
		for j := i; j < k; j++ {
			var c float64
			for _, row := range rows {
				c += (row[i] - mean[i]) * (row[j] - mean[j])
			}
			if got := r.com[cidx(i, j, k)]; !closeTo(got, c, 1e-12) {
				t.Errorf("co-moment (%d, %d) = %v, two-pass %v", i, j, got, c)
			}
		}
	}
}
