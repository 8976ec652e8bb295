package likert

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

func params() *gopter.TestParameters {
	p := gopter.DefaultTestParameters()
	p.MinSuccessfulTests = 200
	return p
}

// scales the properties draw from.
var propScales = func() []Scale {
	s10, _ := NewScale(0, 10)
	s2, _ := NewScale(1, 2, "No", "Yes")
	s4, _ := NewScale(-2, 1)
	return []Scale{Agree5, Agree7, Quality5, s10, s2, s4}
}()

// randTally returns a tally of n random answers on s, weighted if w.
func randTally(rng *rand.Rand, s Scale, n int, weighted bool) Tally {
	t := NewTally(s)
	for range n {
		c := s.Low() + rng.IntN(s.Points())
		if weighted {
			t.AddWeighted(c, rng.Float64()*3)
		} else {
			t.Add(c)
		}
	}
	return t
}

func merged(ts ...Tally) Tally {
	var out Tally
	for i := range ts {
		if err := out.Merge(&ts[i]); err != nil {
			panic(err)
		}
	}
	return out
}

func TestTallyProperties(t *testing.T) {
	p := gopter.NewProperties(params())
	args := []gopter.Gen{gen.UInt64(), gen.IntRange(0, len(propScales)-1), gen.IntRange(0, 40), gen.Bool()}
	p.Property("merge is associative and commutative, with the zero tally as identity", prop.ForAll(
		func(seed uint64, si, n int, weighted bool) bool {
			rng := rand.New(rand.NewPCG(seed, 1))
			s := propScales[si]
			a, b, c := randTally(rng, s, n, weighted), randTally(rng, s, n/2, false), randTally(rng, s, n/3, weighted)
			ab := merged(a, b)
			abc1 := merged(ab, c)
			bc := merged(b, c)
			abc2 := merged(a, bc)
			ba := merged(b, a)
			var zero Tally
			za := merged(zero, a)
			az := a
			az.Merge(&zero)
			return abc1.Equal(&abc2) && ab.Equal(&ba) && za.Equal(&a) && az.Equal(&a)
		}, args...))
	p.Property("merging three parts gives the tally of the whole", prop.ForAll(
		func(seed uint64, si, n int, weighted bool) bool {
			rng := rand.New(rand.NewPCG(seed, 2))
			s := propScales[si]
			whole := NewTally(s)
			parts := []Tally{NewTally(s), NewTally(s), NewTally(s)}
			for i := range n {
				c := s.Low() + rng.IntN(s.Points())
				w := 1.0
				if weighted {
					w = rng.Float64()
					whole.AddWeighted(c, w)
					parts[i%3].AddWeighted(c, w)
				} else {
					whole.Add(c)
					parts[i%3].Add(c)
				}
			}
			m := merged(parts[2], parts[0], parts[1])
			// Parts without a weighted answer stay unweighted: compare counts
			// and total weights.
			if !weighted {
				return m.Equal(&whole)
			}
			return cmpCounts(m.Counts(), whole.Counts()) && closeTo(m.c.TotalW(), whole.c.TotalW(), 1e-12)
		}, args...))
	p.Property("reverse coding twice is the identity", prop.ForAll(
		func(seed uint64, si, n int, weighted bool) bool {
			rng := rand.New(rand.NewPCG(seed, 3))
			s := propScales[si]
			a := randTally(rng, s, n, weighted)
			r := a.Reversed()
			rr := r.Reversed()
			for c := s.Low(); c <= s.High(); c++ {
				if s.Reverse(s.Reverse(c)) != c || r.Count(s.Reverse(c)) != a.Count(c) {
					return false
				}
			}
			return rr.Equal(&a)
		}, args...))
	p.Property("percentages add to 100 and results stay in bounds", prop.ForAll(
		func(seed uint64, si, n int, weighted bool) bool {
			rng := rand.New(rand.NewPCG(seed, 4))
			s := propScales[si]
			a := randTally(rng, s, n+2, weighted)
			pct, err := a.Percentages()
			if err != nil {
				return a.c.TotalW() == 0
			}
			var sum float64
			for _, x := range pct {
				if x < 0 || x > 100 {
					return false
				}
				sum += x
			}
			if math.Abs(sum-100) > 1e-9 {
				return false
			}
			sp, _ := a.Split()
			if math.Abs(sp.Low+sp.Neutral+sp.High-100) > 1e-9 {
				return false
			}
			med, _ := a.Median()
			im, _ := a.InterpolatedMedian()
			mode, _ := a.Mode()
			if !s.Valid(med) || !s.Valid(mode) || im < float64(med)-0.5 || im > float64(med)+0.5 {
				return false
			}
			top, err := a.TopBox(1, 0.9)
			if err != nil || top.Value < 0 || top.Value > 100 || !top.Contains(top.Value) {
				return false
			}
			if s.Points() >= 2 {
				net, err := a.Net(1, 0.9)
				if err != nil || net.Value < -100 || net.Value > 100 || !net.Contains(net.Value) {
					return false
				}
			}
			mean, err := a.Mean(0.95)
			if err != nil {
				return true // a single weighted answer, or all weight on one answer
			}
			return mean.Value >= float64(s.Low()) && mean.Value <= float64(s.High()) && mean.Contains(mean.Value)
		}, args...))
	p.Property("integer weights equal repeated answers", prop.ForAll(
		func(seed uint64, si, n int) bool {
			rng := rand.New(rand.NewPCG(seed, 5))
			s := propScales[si]
			w, rep := NewTally(s), NewTally(s)
			for range n + 2 {
				c := s.Low() + rng.IntN(s.Points())
				k := 1 + rng.IntN(4)
				w.AddWeighted(c, float64(k))
				for range k {
					rep.Add(c)
				}
			}
			mw, _, _, _, _ := w.moments()
			mr, _, _, _, _ := rep.moments()
			pw, _ := w.Percentages()
			pr, _ := rep.Percentages()
			qw, _ := w.Quantile(0.3)
			qr, _ := rep.Quantile(0.3)
			for i := range pw {
				if !closeTo(pw[i], pr[i], 1e-12) {
					return false
				}
			}
			return closeTo(mw, mr, 1e-12) && qw == qr
		}, gen.UInt64(), gen.IntRange(0, len(propScales)-1), gen.IntRange(0, 30)))
	p.TestingRun(t)
}

func cmpCounts(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// randRows returns n rows of k scores from one latent factor, coded 1 to
// 7, with answers missing with probability miss, offset added, and weights
// if weighted (else nil).
func randRows(rng *rand.Rand, n, k int, miss, offset float64, weighted bool) ([][]float64, []float64) {
	rows := make([][]float64, n)
	var ws []float64
	for i := range rows {
		f := rng.NormFloat64()
		row := make([]float64, k)
		for j := range row {
			z := 0.7*f + 0.7*rng.NormFloat64()
			row[j] = offset + math.Max(1, math.Min(7, math.Round(4+1.5*z)))
			if rng.Float64() < miss {
				row[j] = math.NaN()
			}
		}
		rows[i] = row
		if weighted {
			ws = append(ws, 0.2+2*rng.Float64())
		}
	}
	return rows, ws
}

func fill(rows [][]float64, ws []float64) *Reliability {
	var r Reliability
	for i, row := range rows {
		w := 1.0
		if ws != nil {
			w = ws[i]
		}
		if err := r.AddWeighted(row, w); err != nil {
			panic(err)
		}
	}
	return &r
}

// relNear reports whether two accumulators hold the same state up to a
// relative tol.
func relNear(a, b *Reliability, tol float64) bool {
	a.flush()
	b.flush()
	if a.k != b.k || a.rows.n != b.rows.n || a.full.n != b.full.n || (a.item == nil) != (b.item == nil) {
		return false
	}
	rc := func(x, y rowCount) bool { return x.n == y.n && near(x.w, y.w, tol) && near(x.w2, y.w2, tol) }
	if !rc(a.rows, b.rows) || !rc(a.full, b.full) {
		return false
	}
	for i := range a.mean {
		if !near(a.mean[i], b.mean[i], tol) {
			return false
		}
	}
	for i := range a.com {
		if !near(a.com[i], b.com[i], tol*(1+math.Abs(a.com[i]))) {
			return false
		}
	}
	for i := range a.item {
		if !equalMoments(a.item[i], b.item[i], tol) {
			return false
		}
	}
	for i := range a.pair {
		p, q := a.pair[i], b.pair[i]
		if !rc(p.rowCount, q.rowCount) || !near(p.mi, q.mi, tol) || !near(p.mj, q.mj, tol) || !near(p.c, q.c, tol*(1+math.Abs(p.c))) {
			return false
		}
	}
	return true
}

func reportNear(a, b ReliabilityReport, tol float64) bool {
	if !closeTo(a.Alpha.Value, b.Alpha.Value, tol) || !closeTo(a.StdAlpha, b.StdAlpha, tol) ||
		!closeTo(a.G6, b.G6, tol) || !closeTo(a.AverageR, b.AverageR, tol) || a.Alpha.N != b.Alpha.N {
		return false
	}
	for i := range a.ItemStats {
		x, y := a.ItemStats[i], b.ItemStats[i]
		if x.N != y.N || !closeTo(x.RDrop, y.RDrop, tol) || !closeTo(x.SD, y.SD, tol) {
			return false
		}
		if x.Dropped != nil && (!closeTo(x.Dropped.Alpha, y.Dropped.Alpha, tol) || !closeTo(x.Dropped.G6, y.Dropped.G6, tol)) {
			return false
		}
	}
	return true
}

func TestReliabilityProperties(t *testing.T) {
	p := gopter.NewProperties(params())
	args := []gopter.Gen{gen.UInt64(), gen.IntRange(2, 7), gen.IntRange(0, 60), gen.Float64Range(0, 0.25), gen.Bool()}
	p.Property("merge is associative and commutative, with the zero accumulator as identity, and three parts give the whole", prop.ForAll(
		func(seed uint64, k, n int, miss float64, weighted bool) bool {
			rng := rand.New(rand.NewPCG(seed, 6))
			offset := 0.0
			if seed%3 == 0 {
				offset = 1e6
			}
			rows, ws := randRows(rng, n, k, miss, offset, weighted)
			whole := fill(rows, ws)
			cut1, cut2 := n/3, 2*n/3
			part := func(lo, hi int) *Reliability {
				var w []float64
				if ws != nil {
					w = ws[lo:hi]
				}
				return fill(rows[lo:hi], w)
			}
			a, b, c := part(0, cut1), part(cut1, cut2), part(cut2, n)
			var ab, abc1, bc, abc2, cba, za Reliability
			ab.Merge(a)
			ab.Merge(b)
			abc1 = ab
			abc1.Merge(c)
			bc.Merge(b)
			bc.Merge(c)
			abc2.Merge(a)
			abc2.Merge(&bc)
			cba.Merge(c)
			cba.Merge(b)
			cba.Merge(a)
			za.Merge(whole)
			var zero Reliability
			wz := *whole
			wz.Merge(&zero)
			// Scores near 1e6 carry 1e-10 of rounding each, which sums into
			// the co-moments: a looser tolerance there.
			tol := 1e-9
			if offset != 0 {
				tol = 1e-7
			}
			return relNear(&abc1, whole, tol) && relNear(&abc2, whole, tol) && relNear(&cba, whole, tol) &&
				relNear(&za, whole, 0) && relNear(&wz, whole, 0)
		}, args...))
	p.Property("alpha is unchanged by reordering items or respondents", prop.ForAll(
		func(seed uint64, k, n int, miss float64, weighted bool) bool {
			rng := rand.New(rand.NewPCG(seed, 7))
			rows, ws := randRows(rng, n+10, k, miss, 0, weighted)
			perm := rng.Perm(k)
			prows := make([][]float64, len(rows))
			for i, row := range rows {
				prows[i] = make([]float64, k)
				for j := range row {
					prows[i][j] = row[perm[j]]
				}
			}
			order := rng.Perm(len(rows))
			srows := make([][]float64, len(rows))
			var sws []float64
			for i, o := range order {
				srows[i] = rows[o]
				if ws != nil {
					sws = append(sws, ws[o])
				}
			}
			for _, m := range []MissingPolicy{Pairwise, Listwise} {
				cfg := ReliabilityConfig{Missing: m}
				want, err := fill(rows, ws).Report(cfg)
				pr, perr := fill(prows, ws).Report(cfg)
				sr, serr := fill(srows, sws).Report(cfg)
				if (err == nil) != (perr == nil) || (err == nil) != (serr == nil) {
					return false
				}
				if err != nil {
					continue
				}
				if !reportNear(want, sr, 1e-9) {
					return false
				}
				// Items permuted: the totals agree and item j of the
				// permuted set is item perm[j] of the original.
				if !closeTo(pr.Alpha.Value, want.Alpha.Value, 1e-9) || !closeTo(pr.G6, want.G6, 1e-9) ||
					!closeTo(pr.StdAlpha, want.StdAlpha, 1e-9) || !closeTo(pr.AverageR, want.AverageR, 1e-9) {
					return false
				}
				for j := range k {
					if !closeTo(pr.ItemStats[j].RDrop, want.ItemStats[perm[j]].RDrop, 1e-9) {
						return false
					}
				}
				if want.Alpha.Value > 1+1e-12 || !want.Alpha.Contains(want.Alpha.Value) || want.G6 > 1+1e-12 {
					return false
				}
			}
			return true
		}, args...))
	p.Property("integer weights equal repeated rows (listwise)", prop.ForAll(
		func(seed uint64, k, n int) bool {
			rng := rand.New(rand.NewPCG(seed, 8))
			rows, _ := randRows(rng, n+5, k, 0, 0, false)
			var w, rep Reliability
			for _, row := range rows {
				m := 1 + rng.IntN(3)
				w.AddWeighted(row, float64(m))
				for range m {
					rep.Add(row)
				}
			}
			a, err1 := w.Report(ReliabilityConfig{Missing: Listwise})
			b, err2 := rep.Report(ReliabilityConfig{Missing: Listwise})
			if err1 != nil || err2 != nil {
				return (err1 == nil) == (err2 == nil)
			}
			// Alpha is a ratio of covariances: the divisor cancels.
			return closeTo(a.Alpha.Value, b.Alpha.Value, 1e-9) && closeTo(a.G6, b.G6, 1e-9)
		}, gen.UInt64(), gen.IntRange(2, 6), gen.IntRange(0, 40)))
	p.TestingRun(t)
}

func TestKanoProperties(t *testing.T) {
	p := gopter.NewProperties(params())
	randKano := func(rng *rand.Rand, n int, weighted bool) KanoTally {
		var k KanoTally
		for range n {
			f, d := KanoAnswer(1+rng.IntN(5)), KanoAnswer(1+rng.IntN(5))
			if weighted {
				k.AddWeighted(f, d, rng.Float64())
			} else {
				k.Add(f, d)
			}
		}
		return k
	}
	p.Property("merge laws and coefficient bounds", prop.ForAll(
		func(seed uint64, n int, weighted bool) bool {
			rng := rand.New(rand.NewPCG(seed, 9))
			a, b, c := randKano(rng, n, weighted), randKano(rng, n/2, false), randKano(rng, n, weighted)
			ab := a
			ab.Merge(&b)
			abc1 := ab
			abc1.Merge(&c)
			bc := b
			bc.Merge(&c)
			abc2 := a
			abc2.Merge(&bc)
			ba := b
			ba.Merge(&a)
			var z KanoTally
			z.Merge(&a)
			if !abc1.Equal(&abc2) || !ab.Equal(&ba) || !z.Equal(&a) {
				return false
			}
			better, worse, err := abc1.Coefficients()
			if err != nil {
				return true
			}
			return better >= 0 && better <= 1 && worse >= -1 && worse <= 0
		}, gen.UInt64(), gen.IntRange(0, 50), gen.Bool()))
	p.TestingRun(t)
}

func TestGapProperties(t *testing.T) {
	p := gopter.NewProperties(params())
	model := ServiceCharacteristics()
	randGap := func(rng *rand.Rand, n int) *GapTally {
		g, _ := NewGapTally(model)
		for range n {
			pr, ex := make([]int, 6), make([]int, 6)
			for i := range pr {
				pr[i], ex[i] = 1+rng.IntN(7), 1+rng.IntN(7)
				if rng.IntN(10) == 0 {
					pr[i] = Missing
				}
			}
			g.AddWeighted(pr, ex, 0.5+rng.Float64())
		}
		return g
	}
	p.Property("merge laws", prop.ForAll(
		func(seed uint64, n int) bool {
			rng := rand.New(rand.NewPCG(seed, 10))
			a, b, c := randGap(rng, n), randGap(rng, n/2), randGap(rng, n+1)
			var ab, abc1, bc, abc2, cab GapTally
			ab.Merge(a)
			ab.Merge(b)
			abc1 = ab
			abc1.Merge(c)
			bc.Merge(b)
			bc.Merge(c)
			abc2.Merge(a)
			abc2.Merge(&bc)
			cab.Merge(c)
			cab.Merge(a)
			cab.Merge(b)
			x, y, z := abc1.all(), abc2.all(), cab.all()
			for i := range x {
				if !equalMoments(*x[i], *y[i], 1e-9) || !equalMoments(*x[i], *z[i], 1e-9) {
					return false
				}
			}
			return abc1.N() == a.N()+b.N()+c.N()
		}, gen.UInt64(), gen.IntRange(0, 30)))
	p.TestingRun(t)
}

func TestInstrumentTallyProperties(t *testing.T) {
	p := gopter.NewProperties(params())
	randInst := func(rng *rand.Rand, n int) *InstrumentTally {
		tl, _ := NewInstrumentTally(threeItems())
		for range n {
			row := []int{1 + rng.IntN(5), 1 + rng.IntN(5), 1 + rng.IntN(5)}
			if rng.IntN(8) == 0 {
				row[rng.IntN(3)] = Missing
			}
			tl.Add(row)
		}
		return tl
	}
	p.Property("merge laws", prop.ForAll(
		func(seed uint64, n int) bool {
			rng := rand.New(rand.NewPCG(seed, 11))
			a, b, c := randInst(rng, n), randInst(rng, n/2), randInst(rng, n+3)
			var abc1, bc, abc2 InstrumentTally
			abc1.Merge(a)
			abc1.Merge(b)
			abc1.Merge(c)
			bc.Merge(c)
			bc.Merge(b)
			abc2.Merge(&bc)
			abc2.Merge(a)
			for i := range abc1.items {
				if !abc1.items[i].Equal(&abc2.items[i]) {
					return false
				}
			}
			return abc1.N() == abc2.N() && relNear(&abc1.rel, &abc2.rel, 1e-9) && equalMoments(abc1.composite, abc2.composite, 1e-9)
		}, gen.UInt64(), gen.IntRange(0, 30)))
	p.TestingRun(t)
}

// TestMannWhitneyCDFBrute compares the exact distribution with brute-force
// enumeration of every choice of ranks for small samples.
func TestMannWhitneyCDFBrute(t *testing.T) {
	for n1 := 1; n1 <= 6; n1++ {
		for n2 := 1; n2 <= 6; n2++ {
			n := n1 + n2
			counts := make([]float64, n1*n2+1)
			var total float64
			for mask := 0; mask < 1<<n; mask++ {
				if popcount(mask) != n1 {
					continue
				}
				rs := 0
				for r := range n {
					if mask&(1<<r) != 0 {
						rs += r + 1
					}
				}
				counts[rs-n1*(n1+1)/2]++
				total++
			}
			cdf := mannWhitneyCDF(n1, n2)
			var cum float64
			for u := range counts {
				cum += counts[u]
				if !closeTo(cdf[u], cum/total, 1e-14) {
					t.Errorf("n1=%d n2=%d: P(U <= %d) = %v, want %v", n1, n2, u, cdf[u], cum/total)
				}
			}
		}
	}
}

func popcount(x int) int {
	c := 0
	for ; x != 0; x &= x - 1 {
		c++
	}
	return c
}
