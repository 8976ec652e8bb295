package likert

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func BenchmarkTallyAdd(b *testing.B) {
	t := NewTally(Agree7)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		t.Add(1 + i%7)
	}
}

func BenchmarkTallyAddWeighted(b *testing.B) {
	t := NewTally(Agree7)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		t.AddWeighted(1+i%7, 0.5+float64(i%3))
	}
}

func BenchmarkScaleParse(b *testing.B) {
	for _, in := range []string{"4", "Agree", "4 - Agree"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Agree5.Parse(in)
			}
		})
	}
}

// benchRows returns n rows of k codes 1 to 5 from one factor, every fifth
// item worded in reverse (benchInstrument reverse-keys it).
func benchRows(n, k int, seed uint64) [][]int {
	rng := rand.New(rand.NewPCG(seed, 7))
	rows := make([][]int, n)
	for i := range rows {
		f := rng.NormFloat64()
		row := make([]int, k)
		for j := range row {
			z := 0.6*f + 0.8*rng.NormFloat64()
			if j%5 == 4 {
				z = -z
			}
			row[j] = max(1, min(5, int(3.5+1.2*z)))
		}
		rows[i] = row
	}
	return rows
}

func benchInstrument(k int) Instrument {
	in := Instrument{}
	for j := range k {
		in.Items = append(in.Items, Item{Name: fmt.Sprint("q", j+1), Scale: Agree5, Reverse: j%5 == 4})
	}
	return in
}

// BenchmarkInstrumentAdd adds one respondent's row: item tallies,
// reliability statistics and composite. It allocates nothing.
func BenchmarkInstrumentAdd(b *testing.B) {
	for _, k := range []int{5, 20, 50} {
		for _, miss := range []bool{false, true} {
			b.Run(fmt.Sprintf("items=%d/missing=%v", k, miss), func(b *testing.B) {
				rows := benchRows(1024, k, 1)
				if miss {
					for i, row := range rows {
						row[i%k] = Missing
					}
				}
				t, _ := NewInstrumentTally(benchInstrument(k))
				b.ReportAllocs()
				for i := 0; b.Loop(); i++ {
					if err := t.Add(rows[i%len(rows)]); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkReliabilityAdd(b *testing.B) {
	for _, k := range []int{5, 20, 50} {
		b.Run(fmt.Sprintf("items=%d", k), func(b *testing.B) {
			rows, _ := randRows(rand.New(rand.NewPCG(2, 3)), 1024, k, 0, 0, false)
			var r Reliability
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				r.Add(rows[i%len(rows)])
			}
		})
	}
}

// BenchmarkAlpha100kx20 computes the full reliability report of 100,000
// respondents by 20 five-point items (every fifth reverse-keyed) from the
// raw rows of scores, as psych::alpha does from its data matrix: every row
// folded into the sufficient statistics, then the report (alpha,
// standardised alpha, G6, average r, alpha and r.drop without each item,
// Feldt interval). The rows are scored outside the timer, as R reads its
// matrix before calling alpha.
func BenchmarkAlpha100kx20(b *testing.B) {
	codes := benchRows(100_000, 20, 2026)
	in := benchInstrument(20)
	rows := make([][]float64, len(codes))
	for i, c := range codes {
		rows[i] = make([]float64, 20)
		in.Scores(c, rows[i])
	}
	b.ReportAllocs()
	for b.Loop() {
		var r Reliability
		for _, row := range rows {
			r.Add(row)
		}
		if _, err := r.Report(ReliabilityConfig{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInstrumentAlpha100kx20 does the same from the rows of codes
// through an InstrumentTally, which also scores the reverse-keyed items and
// keeps the item tallies and the composite.
func BenchmarkInstrumentAlpha100kx20(b *testing.B) {
	rows := benchRows(100_000, 20, 2026)
	in := benchInstrument(20)
	b.ReportAllocs()
	for b.Loop() {
		t, _ := NewInstrumentTally(in)
		for _, row := range rows {
			t.Add(row)
		}
		if _, err := t.Reliability().Report(ReliabilityConfig{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReliabilityReport(b *testing.B) {
	for _, k := range []int{5, 20, 50} {
		b.Run(fmt.Sprintf("items=%d", k), func(b *testing.B) {
			rows, _ := randRows(rand.New(rand.NewPCG(4, 5)), 500, k, 0, 0, false)
			r := fill(rows, nil)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.Report(ReliabilityConfig{Missing: Listwise}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkReliabilityMerge(b *testing.B) {
	rows, _ := randRows(rand.New(rand.NewPCG(6, 7)), 200, 20, 0.05, 0, false)
	u := fill(rows, nil)
	var r Reliability
	b.ReportAllocs()
	for b.Loop() {
		r.Merge(u)
	}
}

func BenchmarkMannWhitney(b *testing.B) {
	for _, n := range []int{10, 49, 1000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(8, 9))
			x, y := make([]float64, n), make([]float64, n)
			for i := range x {
				x[i], y[i] = rng.NormFloat64(), rng.NormFloat64()+0.3
			}
			b.ReportAllocs()
			for b.Loop() {
				MannWhitney{}.Test(x, y)
			}
		})
	}
}

func BenchmarkKruskalWallisTallies(b *testing.B) {
	rng := rand.New(rand.NewPCG(10, 11))
	ts := make([]*Tally, 4)
	for i := range ts {
		t := randTally(rng, Agree7, 10000, false)
		ts[i] = &t
	}
	b.ReportAllocs()
	for b.Loop() {
		KruskalWallisTallies(ts...)
	}
}

func BenchmarkKanoAdd(b *testing.B) {
	var k KanoTally
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		k.Add(KanoAnswer(1+i%5), KanoAnswer(1+(i/5)%5))
	}
}

func BenchmarkGapAdd(b *testing.B) {
	g, _ := NewGapTally(SERVQUAL())
	rng := rand.New(rand.NewPCG(12, 13))
	p, e := make([]int, 22), make([]int, 22)
	for i := range p {
		p[i], e[i] = 1+rng.IntN(7), 1+rng.IntN(7)
	}
	b.ReportAllocs()
	for b.Loop() {
		g.Add(p, e)
	}
}
