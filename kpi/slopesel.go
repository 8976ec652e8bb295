package kpi

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
)

// This file selects order statistics of the n(n-1)/2 pairwise slopes
// (yⱼ - yᵢ)/(xⱼ - xᵢ) of n points without listing them all, by the
// randomized interval-shrinking algorithm of Matoušek (1991) and of
// Dillencourt, Mount and Netanyahu (1992):
//
//  1. Sort the points by (x, y). For a slope s, order them by
//     z = y - s·x; a pair i < j (xᵢ < xⱼ) has slope <= s exactly when the
//     pair is inverted in that order, so the number of slopes <= s is an
//     inversion count, O(n log n) by merge sort.
//  2. Keep an interval (lo, hi] known to hold the wanted slope. The slopes
//     inside are the pairs whose order differs between the lo-order and the
//     hi-order; sample K of them uniformly (a Fenwick tree finds the t-th
//     inversion of an element), and move lo and hi to the sample's order
//     statistics around the wanted rank, checking each with a count.
//  3. Once the interval holds O(n) slopes, list them (merge sort again) and
//     select.
//
// Each round shrinks the interval by a factor of about √K, so a few rounds
// of O(n log n) work suffice: expected O(n log n) time and O(n) memory.
// Ties in z are broken so that the counts are exact for slopes equal to s:
// "<= s" puts the point with the larger x first, "< s" the smaller one.
// Pairs with equal x have no slope and are never counted.
//
// The counts compare z values, the final selection computed slopes; the two
// agree except for slopes equal in exact arithmetic that rounding scatters
// by a few ulps, whose order can then differ, so such near-ties may be
// selected to within that rounding.

// slopeSelector holds points sorted by (x, y) and scratch space.
type slopeSelector struct {
	x, y    []float64
	n       int
	total   int64 // pairs with distinct x
	keys    []zkey
	tmpKeys []zkey
	a       []int32 // scratch order
	tmp     []int32
	pos     []int32
	bit     []int32
	rng     *rand.Rand
}

type zkey struct {
	z float64
	i int32
}

func newSlopeSelector(x, y []float64) *slopeSelector {
	n := len(x)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(i, j int) int {
		if x[i] != x[j] {
			return cmp.Compare(x[i], x[j])
		}
		return cmp.Compare(y[i], y[j])
	})
	s := &slopeSelector{
		x: make([]float64, n), y: make([]float64, n), n: n,
		keys: make([]zkey, n), tmpKeys: make([]zkey, n),
		a: make([]int32, n), tmp: make([]int32, n),
		pos: make([]int32, n), bit: make([]int32, n+1),
		rng: rand.New(rand.NewPCG(uint64(n), 0x5eed)),
	}
	for k, i := range idx {
		s.x[k], s.y[k] = x[i], y[i]
	}
	s.total = int64(n) * int64(n-1) / 2
	for k := 0; k < n; {
		j := k
		for j < n && s.x[j] == s.x[k] {
			j++
		}
		t := int64(j - k)
		s.total -= t * (t - 1) / 2
		k = j
	}
	return s
}

// count returns the number of slopes <= slope (strict = false) or < slope
// (strict = true), and the order of the points by z = y - slope·x (ties
// broken as the count needs), a new slice. One bottom-up merge sort of the
// z values, in the (x, y) order of the points, both sorts and counts: a
// pair i < j is a slope <= slope when the merge puts j first.
func (s *slopeSelector) count(slope float64, strict bool) (int64, []int32) {
	ord := make([]int32, s.n)
	if math.IsInf(slope, -1) {
		for i := range ord {
			ord[i] = int32(i)
		}
		return 0, ord
	}
	keys, tmp := s.keys, s.tmpKeys
	for i := range keys {
		z := s.y[i] - slope*s.x[i]
		if math.IsInf(slope, 1) {
			z = -s.x[i]
		}
		keys[i] = zkey{z: z, i: int32(i)}
	}
	var inv int64
	n := len(keys)
	for width := 1; width < n; width *= 2 {
		for lo := 0; lo < n-width; lo += 2 * width {
			mid, hi := lo+width, min(lo+2*width, n)
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				l, r := &keys[i], &keys[j]
				// Does r go first? Every left point precedes every right
				// one in (x, y) order, so x_r >= x_l.
				first := r.z < l.z || (r.z == l.z && !strict && s.x[r.i] > s.x[l.i])
				if first {
					tmp[k] = *r
					inv += int64(mid - i)
					j++
				} else {
					tmp[k] = *l
					i++
				}
				k++
			}
			k += copy(tmp[k:], keys[i:mid])
			copy(tmp[k:], keys[j:hi])
			copy(keys[lo:hi], tmp[lo:hi])
		}
	}
	for k, kk := range keys {
		ord[k] = kk.i
	}
	return inv, ord
}

// inversions returns the number of pairs k < l with a[k] > a[l], sorting a,
// by a bottom-up merge sort that counts, at each merge, the elements of the
// left run that a smaller element of the right run passes: O(n log n).
// tmp is scratch space of len(a).
func inversions[T cmp.Ordered](a, tmp []T) int64 {
	n := len(a)
	var inv int64
	for width := 1; width < n; width *= 2 {
		for lo := 0; lo < n-width; lo += 2 * width {
			mid, hi := lo+width, min(lo+2*width, n)
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if a[i] <= a[j] {
					tmp[k] = a[i]
					i++
				} else {
					tmp[k] = a[j]
					inv += int64(mid - i)
					j++
				}
				k++
			}
			k += copy(tmp[k:], a[i:mid])
			copy(tmp[k:], a[j:hi])
			copy(a[lo:hi], tmp[lo:hi])
		}
	}
	return inv
}

// slope returns the slope of the pair of points i and j.
func (s *slopeSelector) slope(i, j int32) float64 {
	if s.x[i] > s.x[j] {
		i, j = j, i
	}
	return (s.y[j] - s.y[i]) / (s.x[j] - s.x[i])
}

// between returns q with q[k] the position in hiOrd of the point at
// position k of loOrd, and sets hiAt[v] to the point at position v of
// hiOrd. The slopes in (lo, hi] are the inversions of q.
func (s *slopeSelector) between(loOrd, hiOrd []int32) (q, hiAt []int32) {
	for k, p := range hiOrd {
		s.pos[p] = int32(k)
	}
	q = s.a
	for k, p := range loOrd {
		q[k] = s.pos[p]
	}
	return q, hiOrd
}

// list returns the m slopes of the pairs in (lo, hi], given the orders
// at lo and hi.
func (s *slopeSelector) list(loOrd, hiOrd []int32, m int64) []float64 {
	vals, hiOrder := s.between(loOrd, hiOrd)
	out := make([]float64, 0, m)
	tmp := s.tmp
	n := len(vals)
	for width := 1; width < n; width *= 2 {
		for lo := 0; lo < n-width; lo += 2 * width {
			mid, hi := lo+width, min(lo+2*width, n)
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if vals[i] <= vals[j] {
					tmp[k] = vals[i]
					i++
				} else {
					for l := i; l < mid; l++ {
						out = append(out, s.slope(hiOrder[vals[l]], hiOrder[vals[j]]))
					}
					tmp[k] = vals[j]
					j++
				}
				k++
			}
			k += copy(tmp[k:], vals[i:mid])
			copy(tmp[k:], vals[j:hi])
			copy(vals[lo:hi], tmp[lo:hi])
		}
	}
	return out
}

// sample returns k slopes drawn uniformly, with replacement, from the
// pairs in (lo, hi], given the orders at lo and hi, and the number m of
// such pairs.
func (s *slopeSelector) sample(loOrd, hiOrd []int32, k int) ([]float64, int64) {
	q, hiOrder := s.between(loOrd, hiOrd)
	n := s.n
	// c[l] = #{k < l : q[k] > q[l]}, as prefix sums in cum.
	cum := make([]int64, n+1)
	clear(s.bit)
	for l, v := range q {
		below := bitSum(s.bit, int(v)+1) // inserted values <= v
		cum[l+1] = cum[l] + int64(l) - int64(below)
		bitAdd(s.bit, int(v)+1)
	}
	m := cum[n]
	if m == 0 {
		return nil, 0
	}
	// k sorted uniform draws from [0, m), from the normalized partial sums
	// of exponential spacings, which avoids sorting them.
	draws := make([]int64, k)
	spacing := make([]float64, k)
	var acc float64
	for i := range spacing {
		acc += s.rng.ExpFloat64()
		spacing[i] = acc
	}
	scale := float64(m) / (acc + s.rng.ExpFloat64())
	for i, v := range spacing {
		draws[i] = min(int64(v*scale), m-1)
	}
	out := make([]float64, 0, k)
	clear(s.bit)
	d := 0
	for l, v := range q {
		for d < k && draws[d] < cum[l+1] {
			t := draws[d] - cum[l] // 0-based among the larger earlier values
			below := bitSum(s.bit, int(v)+1)
			w := bitFind(s.bit, below+int32(t)+1) // the value of that rank
			out = append(out, s.slope(hiOrder[w], hiOrder[v]))
			d++
		}
		bitAdd(s.bit, int(v)+1)
	}
	return out, m
}

func bitAdd(bit []int32, i int) {
	for ; i < len(bit); i += i & -i {
		bit[i]++
	}
}

func bitSum(bit []int32, i int) int32 {
	var s int32
	for ; i > 0; i -= i & -i {
		s += bit[i]
	}
	return s
}

// bitFind returns the 0-based value whose cumulative count first reaches
// k (k >= 1).
func bitFind(bit []int32, k int32) int32 {
	pos := 0
	step := 1
	for step*2 < len(bit) {
		step *= 2
	}
	for ; step > 0; step /= 2 {
		if pos+step < len(bit) && bit[pos+step] < k {
			pos += step
			k -= bit[pos]
		}
	}
	return int32(pos) // 1-based pos+1 holds it, so the value is pos
}

// selectRanks returns the slopes of the given 0-based ranks among all the
// slopes in increasing order, each in [0, s.total). Ranks whose intervals
// coincide share their samples, counts and the final listing.
func (s *slopeSelector) selectRanks(ranks []int64) []float64 {
	type state struct {
		r            int64
		lo, hi       float64
		cLo, cHi     int64 // slopes <= lo, <= hi
		loOrd, hiOrd []int32
		done         bool
		val          float64
		rounds       int
	}
	_, loOrd := s.count(math.Inf(-1), false)
	_, hiOrd := s.count(math.Inf(1), false)
	st := make([]*state, len(ranks))
	for i, r := range ranks {
		st[i] = &state{r: r, lo: math.Inf(-1), hi: math.Inf(1), cHi: s.total, loOrd: loOrd, hiOrd: hiOrd}
	}
	limit := int64(16*s.n + 64)
	k := 2*s.n + 64
	for {
		var g *state
		for _, t := range st {
			if !t.done {
				g = t
				break
			}
		}
		if g == nil {
			break
		}
		var group []*state
		for _, t := range st {
			if !t.done && t.lo == g.lo && t.hi == g.hi {
				group = append(group, t)
			}
		}
		m := g.cHi - g.cLo
		if m <= limit || g.rounds >= 40 {
			sl := s.list(g.loOrd, g.hiOrd, m)
			for _, t := range group {
				t.done = true
				t.val = t.hi
				if len(sl) > 0 {
					t.val = selectKth(sl, int(min(max(t.r-t.cLo, 0), int64(len(sl)-1))))
				}
			}
			continue
		}
		smp, m := s.sample(g.loOrd, g.hiOrd, k)
		if m == 0 {
			for _, t := range group {
				t.done, t.val = true, t.hi
			}
			continue
		}
		delta := 3 * math.Sqrt(float64(k))
		var cands []float64
		for _, t := range group {
			at := float64(k) * float64(t.r-t.cLo) / float64(m)
			for _, i := range []int{int(at - delta), int(at+delta) + 1} {
				if i >= 0 && i < len(smp) {
					cands = append(cands, selectKth(smp, i))
				}
			}
		}
		slices.Sort(cands)
		cands = slices.Compact(cands)
		prevM := g.cHi - g.cLo
		gLo, gHi := g.lo, g.hi // g's own bounds move in the loop
		for _, c := range cands {
			if !(c > gLo && c < gHi) {
				continue
			}
			n, ord := s.count(c, false)
			for _, t := range group {
				if n <= t.r {
					t.lo, t.cLo, t.loOrd = c, n, ord
				} else if c < t.hi {
					t.hi, t.cHi, t.hiOrd = c, n, ord
				}
			}
		}
		for _, t := range group {
			t.rounds++
			if t.cHi-t.cLo > prevM/2 && !math.IsInf(t.hi, 1) {
				// Little progress: many slopes may equal hi. If the
				// wanted one is among them, hi is the answer.
				if n, _ := s.count(t.hi, true); n <= t.r {
					t.done, t.val = true, t.hi
				}
			}
		}
	}
	out := make([]float64, len(st))
	for i, t := range st {
		out[i] = t.val
	}
	return out
}

// selectRank returns the slope of 0-based rank r, as selectRanks.
func (s *slopeSelector) selectRank(r int64) float64 {
	return s.selectRanks([]int64{r})[0]
}

// selectKth returns the k-th smallest (0-based) of xs, reordering xs, by
// quickselect with median-of-three pivots.
func selectKth(xs []float64, k int) float64 {
	lo, hi := 0, len(xs)-1
	for hi > lo {
		if hi-lo < 16 {
			slices.Sort(xs[lo : hi+1])
			break
		}
		mid := lo + (hi-lo)/2
		a, b, c := xs[lo], xs[mid], xs[hi]
		p := max(min(a, b), min(max(a, b), c))
		i, j := lo, hi
		for i <= j {
			for xs[i] < p {
				i++
			}
			for xs[j] > p {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return xs[k]
		}
	}
	return xs[k]
}
