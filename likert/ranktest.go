package likert

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/dist"
)

// ranked is a set of groups of ordinal values in the form the rank tests
// need: the distinct values in increasing order as columns and, per group,
// the number of its values in each column.
type ranked struct {
	counts [][]int64 // counts[g][v]
	n      []int64   // size of each group
	total  int64
}

// rankSums returns the sum of the midranks of each group and the tie term
// Σ (t³ - t) over the columns, t the number of values in a column.
func (r *ranked) rankSums() (sums []float64, ties float64) {
	sums = make([]float64, len(r.counts))
	var below int64
	for v := range r.counts[0] {
		var t int64
		for g := range r.counts {
			t += r.counts[g][v]
		}
		if t == 0 {
			continue
		}
		mid := float64(below) + float64(t+1)/2
		for g := range r.counts {
			sums[g] += float64(r.counts[g][v]) * mid
		}
		ft := float64(t)
		ties += ft*ft*ft - ft
		below += t
	}
	return sums, ties
}

// rankSamples builds the ranked form of groups of samples. NaN is an error
// wrapping satmetrics.ErrRange; an empty group one wrapping
// satmetrics.ErrNoData.
func rankSamples(groups [][]float64) (ranked, error) {
	var all []float64
	for g, xs := range groups {
		if len(xs) == 0 {
			return ranked{}, fmt.Errorf("likert: group %d is empty: %w", g+1, satmetrics.ErrNoData)
		}
		for _, x := range xs {
			if x != x {
				return ranked{}, fmt.Errorf("likert: group %d: value NaN: %w", g+1, satmetrics.ErrRange)
			}
		}
		all = append(all, xs...)
	}
	slices.Sort(all)
	distinct := slices.Compact(all)
	r := ranked{counts: make([][]int64, len(groups)), n: make([]int64, len(groups))}
	for g, xs := range groups {
		r.counts[g] = make([]int64, len(distinct))
		for _, x := range xs {
			i, _ := slices.BinarySearch(distinct, x)
			r.counts[g][i]++
		}
		r.n[g] = int64(len(xs))
		r.total += r.n[g]
	}
	return r, nil
}

// rankTallies builds the ranked form of tallies on one scale, from their
// counts (weights play no part in rank tests).
func rankTallies(ts []*Tally) (ranked, error) {
	r := ranked{counts: make([][]int64, len(ts)), n: make([]int64, len(ts))}
	for g, t := range ts {
		if t.scale != ts[0].scale {
			return ranked{}, fmt.Errorf("likert: tally %d is on %v, tally 1 on %v: %w", g+1, t.scale, ts[0].scale, satmetrics.ErrIncompatible)
		}
		if t.N() == 0 {
			return ranked{}, fmt.Errorf("likert: tally %d is empty: %w", g+1, satmetrics.ErrNoData)
		}
		r.counts[g] = t.Counts()
		r.n[g] = t.N()
		r.total += r.n[g]
	}
	return r, nil
}

// A PMethod selects how a rank test computes its p-value.
type PMethod int8

// The p-value methods.
const (
	// PAuto, the zero value, uses the exact distribution when it applies
	// and the normal approximation otherwise (see MannWhitney).
	PAuto PMethod = iota
	// PExact requires the exact null distribution.
	PExact
	// PNormal uses the normal approximation with the continuity and tie
	// corrections.
	PNormal
)

// String returns "auto", "exact" or "normal".
func (m PMethod) String() string {
	switch m {
	case PAuto:
		return "auto"
	case PExact:
		return "exact"
	case PNormal:
		return "normal"
	}
	return "%!PMethod(" + strconv.Itoa(int(m)) + ")"
}

// MaxExactProduct is the largest n₁·n₂ for which MannWhitney computes the
// exact null distribution on request; its cost grows as (n₁ + n₂)·n₁·n₂·min(n₁, n₂).
const MaxExactProduct = 10000

// MannWhitney configures the Mann-Whitney U test (the Wilcoxon rank-sum
// test) of whether values in one group tend to be higher than in another.
// The zero value is R's wilcox.test default: the exact p-value when both
// groups have fewer than 50 values and there are no ties, the normal
// approximation with the continuity correction otherwise.
type MannWhitney struct {
	Method PMethod
}

// A MannWhitneyResult is the outcome of a Mann-Whitney U test of a first
// group against a second.
type MannWhitneyResult struct {
	// U is the statistic of the first group, the number of pairs (x, y) with
	// x > y plus half the pairs with x = y; R's wilcox.test calls it W.
	U float64 `json:"u"`
	// Z is the normal-approximation statistic with the tie and continuity
	// corrections, whichever method gave P.
	Z float64 `json:"z"`
	// P is the two-sided p-value.
	P float64 `json:"p"`
	// Method is "exact" or "normal".
	Method string `json:"method"`
	// RankBiserial is the rank-biserial correlation 2U/(n₁n₂) - 1, in
	// [-1, 1]: positive when the first group tends to be higher.
	RankBiserial float64 `json:"rank_biserial"`
	N1           int64   `json:"n1"`
	N2           int64   `json:"n2"`
}

// Test compares two samples of ordinal values. NaN is an error wrapping
// satmetrics.ErrRange and an empty sample one wrapping satmetrics.ErrNoData.
// See Tallies for the other errors.
func (m MannWhitney) Test(x, y []float64) (MannWhitneyResult, error) {
	r, err := rankSamples([][]float64{x, y})
	if err != nil {
		return MannWhitneyResult{}, err
	}
	return m.test(r)
}

// Tallies compares the answers of two tallies on the same scale (their
// counts; weights are ignored). Tallies on different scales are an error
// wrapping satmetrics.ErrIncompatible and an empty tally one wrapping
// satmetrics.ErrNoData. PExact with ties, or with n₁·n₂ above
// MaxExactProduct, is an error wrapping satmetrics.ErrUndefined; so is the
// normal approximation when every value is tied.
func (m MannWhitney) Tallies(a, b *Tally) (MannWhitneyResult, error) {
	r, err := rankTallies([]*Tally{a, b})
	if err != nil {
		return MannWhitneyResult{}, err
	}
	return m.test(r)
}

func (m MannWhitney) test(r ranked) (MannWhitneyResult, error) {
	sums, ties := r.rankSums()
	n1, n2 := r.n[0], r.n[1]
	f1, f2 := float64(n1), float64(n2)
	u := sums[0] - f1*(f1+1)/2
	res := MannWhitneyResult{U: u, N1: n1, N2: n2, RankBiserial: 2*u/(f1*f2) - 1}
	nn := f1 + f2
	sigma := math.Sqrt(f1 * f2 / 12 * ((nn + 1) - ties/(nn*(nn-1))))
	d := u - f1*f2/2
	if sigma > 0 {
		res.Z = (d - math.Copysign(0.5, d)*b2f(d != 0)) / sigma
	}
	exact := false
	switch m.Method {
	case PAuto:
		exact = n1 < 50 && n2 < 50 && ties == 0
	case PExact:
		if ties != 0 {
			return MannWhitneyResult{}, fmt.Errorf("likert: exact Mann-Whitney p-value with ties: %w", satmetrics.ErrUndefined)
		}
		if n1*n2 > MaxExactProduct {
			return MannWhitneyResult{}, fmt.Errorf("likert: exact Mann-Whitney p-value for %d×%d values, above %d: %w", n1, n2, MaxExactProduct, satmetrics.ErrUndefined)
		}
		exact = true
	case PNormal:
	default:
		return MannWhitneyResult{}, fmt.Errorf("likert: p-value method %v: %w", m.Method, satmetrics.ErrRange)
	}
	if exact {
		res.Method = "exact"
		cdf := mannWhitneyCDF(int(n1), int(n2))
		ui := int(math.Round(u))
		var p float64
		if u > f1*f2/2 {
			p = 1 - cdf[ui-1]
		} else {
			p = cdf[ui]
		}
		res.P = min(1, 2*p)
		return res, nil
	}
	if !(sigma > 0) {
		return MannWhitneyResult{}, fmt.Errorf("likert: Mann-Whitney test with every value tied: %w", satmetrics.ErrUndefined)
	}
	res.Method = "normal"
	res.P = min(1, 2*dist.NormalSurvival(math.Abs(res.Z)))
	return res, nil
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// mannWhitneyCDF returns P(U <= u) for u = 0..n1·n2 under the null
// hypothesis, for samples of n1 and n2 distinct values. It counts the ways
// of choosing the ranks of the smaller sample by dynamic programming: when
// rank r joins a choice of j - 1 ranks among the r - 1 below it, U (the
// rank sum minus j(j+1)/2) grows by r - j, so
//
//	f_r(j, u) = f_{r-1}(j, u) + f_{r-1}(j - 1, u - (r - j)),
//
// and the null distribution is f_N(m, ·) / C(N, m) with m = min(n1, n2).
// U has the same distribution for (n1, n2) and (n2, n1). The counts are
// kept in float64, exact up to 2⁵³ and accurate to rounding beyond.
func mannWhitneyCDF(n1, n2 int) []float64 {
	m := min(n1, n2)
	umax := n1 * n2
	f := make([][]float64, m+1)
	for j := range f {
		f[j] = make([]float64, umax+1)
	}
	f[0][0] = 1
	for r := 1; r <= n1+n2; r++ {
		for j := min(m, r); j >= 1; j-- {
			shift := r - j
			if shift > umax {
				continue
			}
			src, dst := f[j-1], f[j]
			for u := umax - shift; u >= 0; u-- {
				if src[u] != 0 {
					dst[u+shift] += src[u]
				}
			}
		}
	}
	cdf := f[m]
	var total float64
	for _, c := range cdf {
		total += c
	}
	var cum float64
	for u, c := range cdf {
		cum += c
		cdf[u] = cum / total
	}
	return cdf
}

// A KruskalWallisResult is the outcome of a Kruskal-Wallis test.
type KruskalWallisResult struct {
	H  float64 `json:"h"`  // the statistic, corrected for ties
	DF int     `json:"df"` // degrees of freedom, the number of groups minus 1
	P  float64 `json:"p"`  // upper tail of the chi-square distribution with DF degrees of freedom
	N  int64   `json:"n"`  // number of values
}

// KruskalWallis tests whether several groups of ordinal values come from
// the same distribution, with the statistic
//
//	H = [12/(N(N+1)) Σ R_g²/n_g - 3(N+1)] / [1 - Σ(t³ - t)/(N³ - N)]
//
// (R_g the sum of the midranks of group g, t the size of each group of tied
// values) referred to the chi-square distribution on (groups - 1) degrees of
// freedom. It needs at least two groups, none empty (satmetrics.ErrNoData);
// NaN is an error wrapping satmetrics.ErrRange, and data that are all tied
// one wrapping satmetrics.ErrUndefined.
func KruskalWallis(groups ...[]float64) (KruskalWallisResult, error) {
	if len(groups) < 2 {
		return KruskalWallisResult{}, fmt.Errorf("likert: Kruskal-Wallis test of %d groups: %w", len(groups), satmetrics.ErrNoData)
	}
	r, err := rankSamples(groups)
	if err != nil {
		return KruskalWallisResult{}, err
	}
	return kruskalWallis(r)
}

// KruskalWallisTallies is KruskalWallis on the answers of tallies on one
// scale (their counts; weights are ignored). Tallies on different scales
// are an error wrapping satmetrics.ErrIncompatible.
func KruskalWallisTallies(ts ...*Tally) (KruskalWallisResult, error) {
	if len(ts) < 2 {
		return KruskalWallisResult{}, fmt.Errorf("likert: Kruskal-Wallis test of %d groups: %w", len(ts), satmetrics.ErrNoData)
	}
	r, err := rankTallies(ts)
	if err != nil {
		return KruskalWallisResult{}, err
	}
	return kruskalWallis(r)
}

func kruskalWallis(r ranked) (KruskalWallisResult, error) {
	sums, ties := r.rankSums()
	n := float64(r.total)
	den := 1 - ties/(n*n*n-n)
	if !(den > 0) {
		return KruskalWallisResult{}, fmt.Errorf("likert: Kruskal-Wallis test with every value tied: %w", satmetrics.ErrUndefined)
	}
	var s float64
	for g, rs := range sums {
		s += rs * rs / float64(r.n[g])
	}
	h := (12*s/(n*(n+1)) - 3*(n+1)) / den
	h = max(h, 0) // rounding can leave -0 or -1e-16 when the rank means are equal
	df := len(sums) - 1
	return KruskalWallisResult{H: h, DF: df, P: dist.ChiSquareSurvival(h, float64(df)), N: r.total}, nil
}
