package kpi

import (
	"cmp"
	"fmt"
	"math"
	"math/cmplx"
	"slices"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/dist"
)

// A TrendTest is the result of a Mann-Kendall test for a monotonic trend in
// a series: Kendall's S, its variance under the null hypothesis of no trend,
// the normal score with continuity correction and the two-sided p-value.
type TrendTest struct {
	Method string  `json:"method"` // "mann-kendall", "hamed-rao" or "seasonal-mann-kendall"
	N      int     `json:"n"`      // number of values
	S      int64   `json:"s"`      // Kendall's S: concordant minus discordant pairs
	VarS   float64 `json:"var_s"`  // variance of S under no trend, tie-corrected (and autocorrelation-corrected for Hamed-Rao)
	Z      float64 `json:"z"`      // (S - sign(S)) / √VarS
	P      float64 `json:"p"`      // two-sided p-value, 2 (1 - Φ(|Z|))
	Tau    float64 `json:"tau"`    // Kendall's tau-b between time and value
	// Correction is Hamed and Rao's variance inflation n/n*; 1 for the
	// other methods.
	Correction float64 `json:"correction"`
}

// A Trend is the verdict of a trend test: increasing, decreasing or no
// significant trend.
type Trend int8

// The trend verdicts.
const (
	NoTrend    Trend = 0
	Increasing Trend = 1
	Decreasing Trend = -1
)

// String returns "increasing", "decreasing" or "no trend".
func (t Trend) String() string {
	switch t {
	case Increasing:
		return "increasing"
	case Decreasing:
		return "decreasing"
	case NoTrend:
		return "no trend"
	}
	return fmt.Sprintf("%%!Trend(%d)", int8(t))
}

// Trend returns Increasing or Decreasing if the test is significant at the
// level (P < 1 - level), by the sign of S, and NoTrend otherwise.
func (t TrendTest) Trend(level float64) Trend {
	switch {
	case t.P >= 1-level || t.S == 0:
		return NoTrend
	case t.S > 0:
		return Increasing
	}
	return Decreasing
}

// A Verdict says what a trend means for a metric with a direction.
type Verdict string

// The verdicts.
const (
	Improving Verdict = "improving"
	Worsening Verdict = "worsening"
	Stable    Verdict = "no significant trend"
)

// Verdict returns Improving or Worsening for a significant trend at the
// level, given whether higher or lower values of the metric are better, and
// Stable otherwise (also for an invalid direction).
func (t TrendTest) Verdict(d satmetrics.Direction, level float64) Verdict {
	tr := t.Trend(level)
	if tr == NoTrend || !d.Valid() {
		return Stable
	}
	if d.Better(float64(tr), 0) {
		return Improving
	}
	return Worsening
}

// kendallS returns S = Σ_{i<j} sign(y_j - y_i) for the series y, the
// number of tie-corrected terms Σ t(t-1)(2t+5) over groups of equal values,
// and the number of tied pairs Σ t(t-1)/2, in O(n log n): S is the number
// of pairs minus the tied pairs minus twice the strict inversions, counted
// by merge sort. It sorts a copy of y.
func kendallS(y []float64) (s int64, tieTerm float64, tiedPairs int64) {
	n := len(y)
	a := slices.Clone(y)
	inv := inversions(a, make([]float64, n))
	for i := 0; i < n; {
		j := i
		for j < n && a[j] == a[i] {
			j++
		}
		t := float64(j - i)
		tieTerm += t * (t - 1) * (2*t + 5)
		tiedPairs += int64(j-i) * int64(j-i-1) / 2
		i = j
	}
	pairs := int64(n) * int64(n-1) / 2
	return pairs - tiedPairs - 2*inv, tieTerm, tiedPairs
}

// checkSeries returns an error for a series shorter than min or holding a
// value that is NaN or infinite.
func checkSeries(y []float64, minN int, what string) error {
	if len(y) < minN {
		return fmt.Errorf("kpi: %s of %d values needs at least %d: %w", what, len(y), minN, satmetrics.ErrNoData)
	}
	for i, v := range y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("kpi: %s: value #%d is %v: %w", what, i, v, satmetrics.ErrRange)
		}
	}
	return nil
}

// zScore returns the continuity-corrected score (S - sign(S))/√var.
func zScore(s int64, v float64) float64 {
	switch {
	case s > 0:
		return float64(s-1) / math.Sqrt(v)
	case s < 0:
		return float64(s+1) / math.Sqrt(v)
	}
	return 0
}

// MannKendall tests the series y, in time order at equal spacing, for a
// monotonic trend:
//
//	S      = Σ_{i<j} sign(yⱼ - yᵢ)
//	Var(S) = [n(n-1)(2n+5) - Σ t(t-1)(2t+5)] / 18
//	Z      = (S - sign(S)) / √Var(S)
//	p      = 2 (1 - Φ(|Z|))
//
// where the sum in Var(S) runs over groups of t equal values (the tie
// correction). S is computed in O(n log n) by counting inversions with a
// merge sort, not over the n²/2 pairs. Tau is Kendall's tau-b between time
// and value, S / √(n₀ (n₀ - n₁)) with n₀ = n(n-1)/2 and n₁ the tied pairs.
//
// It needs at least 3 values (fewer is an error wrapping
// satmetrics.ErrNoData); a NaN or infinite value is an error wrapping
// satmetrics.ErrRange naming its position, and a constant series, whose S
// has no variance, one wrapping satmetrics.ErrUndefined.
//
// For more information, see H. B. Mann, "Nonparametric tests against
// trend", Econometrica 13, 1945, pp. 245-259, and M. G. Kendall, Rank
// Correlation Methods, Griffin, 1975.
func MannKendall(y []float64) (TrendTest, error) {
	if err := checkSeries(y, 3, "Mann-Kendall test"); err != nil {
		return TrendTest{}, err
	}
	s, tie, tied := kendallS(y)
	n := float64(len(y))
	v := (n*(n-1)*(2*n+5) - tie) / 18
	if !(v > 0) {
		return TrendTest{}, fmt.Errorf("kpi: Mann-Kendall test of a constant series: %w", satmetrics.ErrUndefined)
	}
	return finishTest("mann-kendall", len(y), s, v, tau(len(y), s, tied), 1), nil
}

func tau(n int, s, tied int64) float64 {
	n0 := float64(n) * float64(n-1) / 2
	return float64(s) / math.Sqrt(n0*(n0-float64(tied)))
}

func finishTest(method string, n int, s int64, v, tau, corr float64) TrendTest {
	z := zScore(s, v)
	return TrendTest{
		Method: method, N: n, S: s, VarS: v, Z: z,
		P:   2 * dist.NormalSurvival(math.Abs(z)),
		Tau: tau, Correction: corr,
	}
}

// MannKendallHamedRao is the Mann-Kendall test with Hamed and Rao's
// correction of Var(S) for autocorrelation, which plain Mann-Kendall
// mistakes for trend. The series is detrended with Sen's slope β,
// yᵢ - β·i, and ranked (average ranks for ties); ρ(k) is the lag-k
// autocorrelation of the ranks, and only the lags significant at 5%
// (|ρ(k)| > 1.96/√n) enter the correction
//
//	n/n* = 1 + 2/(n(n-1)(n-2)) Σ_{k=1}^{L} (n-k)(n-k-1)(n-k-2) ρ(k)
//	Var*(S) = Var(S) · n/n*
//
// with L = maxLag, or n - 1 when maxLag is 0 or larger. The
// autocorrelations of all n - 1 lags are computed by FFT in O(n log n).
// Errors are those of MannKendall; a correction that is not positive is an
// error wrapping satmetrics.ErrUndefined.
//
// For more information, see K. H. Hamed and A. R. Rao, "A modified
// Mann-Kendall trend test for autocorrelated data", Journal of Hydrology
// 204, 1998, pp. 182-196.
func MannKendallHamedRao(y []float64, maxLag int) (TrendTest, error) {
	t, err := MannKendall(y)
	if err != nil {
		return TrendTest{}, err
	}
	n := len(y)
	if maxLag <= 0 || maxLag > n-1 {
		maxLag = n - 1
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(i)
	}
	sel := newSlopeSelector(x, y)
	beta := median2(sel, sel.total)
	detr := make([]float64, n)
	for i, v := range y {
		detr[i] = v - beta*float64(i+1)
	}
	r := averageRanks(detr)
	rho := autocorrelation(r, maxLag)
	bound := dist.NormalQuantile(0.975) / math.Sqrt(float64(n))
	fn := float64(n)
	var sum float64
	for k := 1; k <= maxLag; k++ {
		if math.Abs(rho[k]) <= bound {
			continue
		}
		fk := float64(k)
		sum += (fn - fk) * (fn - fk - 1) * (fn - fk - 2) * rho[k]
	}
	corr := 1 + 2/(fn*(fn-1)*(fn-2))*sum
	if !(corr > 0) {
		return TrendTest{}, fmt.Errorf("kpi: Hamed-Rao correction %v is not positive: %w", corr, satmetrics.ErrUndefined)
	}
	_, _, tied := kendallS(y)
	return finishTest("hamed-rao", n, t.S, t.VarS*corr, tau(n, t.S, tied), corr), nil
}

// median2 returns the median of the selector's slopes (the mean of the two
// middle ones for an even count).
func median2(sel *slopeSelector, total int64) float64 {
	if total%2 == 1 {
		return sel.selectRank(total / 2)
	}
	v := sel.selectRanks([]int64{total/2 - 1, total / 2})
	return (v[0] + v[1]) / 2
}

// averageRanks returns the 1-based ranks of xs, ties given their average
// rank.
func averageRanks(xs []float64) []float64 {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(xs[a], xs[b]) })
	r := make([]float64, len(xs))
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && xs[idx[j]] == xs[idx[i]] {
			j++
		}
		avg := float64(i+j+1) / 2 // mean of ranks i+1..j
		for k := i; k < j; k++ {
			r[idx[k]] = avg
		}
		i = j
	}
	return r
}

// autocorrelation returns ρ(0..maxLag) of xs,
//
//	ρ(k) = Σ_{t<n-k} (x_t - x̄)(x_{t+k} - x̄) / Σ (x_t - x̄)²,
//
// directly for short series and by FFT (zero-padded, O(n log n)) for long
// ones. A constant series has ρ(k) = 0 for k >= 1.
func autocorrelation(xs []float64, maxLag int) []float64 {
	n := len(xs)
	mean := 0.0
	for _, v := range xs {
		mean += v
	}
	mean /= float64(n)
	d := make([]float64, n)
	for i, v := range xs {
		d[i] = v - mean
	}
	acov := make([]float64, maxLag+1)
	if n*(maxLag+1) <= 1<<20 {
		for k := 0; k <= maxLag; k++ {
			var s float64
			for t := 0; t+k < n; t++ {
				s += d[t] * d[t+k]
			}
			acov[k] = s
		}
	} else {
		m := 1
		for m < 2*n {
			m *= 2
		}
		f := make([]complex128, m)
		for i, v := range d {
			f[i] = complex(v, 0)
		}
		fft(f, false)
		for i, c := range f {
			f[i] = complex(real(c)*real(c)+imag(c)*imag(c), 0)
		}
		fft(f, true)
		for k := 0; k <= maxLag; k++ {
			acov[k] = real(f[k]) / float64(m)
		}
	}
	rho := make([]float64, maxLag+1)
	if acov[0] == 0 {
		return rho
	}
	for k := range rho {
		rho[k] = acov[k] / acov[0]
	}
	return rho
}

// fft transforms a in place (length a power of two), the inverse without
// the 1/n factor when inverse is set: iterative radix-2 Cooley-Tukey.
func fft(a []complex128, inverse bool) {
	n := len(a)
	for i, j := 1, 0; i < n; i++ {
		bit := n >> 1
		for ; j&bit != 0; bit >>= 1 {
			j ^= bit
		}
		j ^= bit
		if i < j {
			a[i], a[j] = a[j], a[i]
		}
	}
	for size := 2; size <= n; size <<= 1 {
		ang := 2 * math.Pi / float64(size)
		if !inverse {
			ang = -ang
		}
		w := cmplx.Rect(1, ang)
		for start := 0; start < n; start += size {
			wk := complex(1, 0)
			for k := 0; k < size/2; k++ {
				u := a[start+k]
				v := a[start+k+size/2] * wk
				a[start+k] = u + v
				a[start+k+size/2] = u - v
				wk *= w
			}
		}
	}
}

// SeasonalMannKendall is the seasonal Kendall test of Hirsch, Slack and
// Smith for series with a seasonal cycle (months of the year, days of the
// week): the Mann-Kendall statistic of each season's values, in time order,
// summed over the seasons,
//
//	S = Σ_g S_g,  Var(S) = Σ_g Var(S_g),  Z = (S - sign(S)) / √Var(S),
//
// with each Var(S_g) tie-corrected. Seasons may have different lengths
// (missing periods are simply left out); seasons with fewer than 2 values
// contribute nothing. Tau is S over the number of within-season pairs. See
// Seasons for splitting a regular series. It returns an error wrapping
// satmetrics.ErrNoData if no season has 2 values, one naming a NaN or
// infinite value, and one wrapping satmetrics.ErrUndefined if every season
// is constant.
//
// For more information, see R. M. Hirsch, J. R. Slack and R. A. Smith,
// "Techniques of trend analysis for monthly water quality data", Water
// Resources Research 18(1), 1982, pp. 107-121.
func SeasonalMannKendall(seasons [][]float64) (TrendTest, error) {
	var s int64
	var v, pairs float64
	n := 0
	for g, y := range seasons {
		if err := checkSeries(y, 0, fmt.Sprintf("seasonal Mann-Kendall test, season %d", g)); err != nil {
			return TrendTest{}, err
		}
		n += len(y)
		if len(y) < 2 {
			continue
		}
		sg, tie, _ := kendallS(y)
		fn := float64(len(y))
		s += sg
		v += (fn*(fn-1)*(2*fn+5) - tie) / 18
		pairs += fn * (fn - 1) / 2
	}
	if pairs == 0 {
		return TrendTest{}, fmt.Errorf("kpi: seasonal Mann-Kendall test: no season has 2 values: %w", satmetrics.ErrNoData)
	}
	if !(v > 0) {
		return TrendTest{}, fmt.Errorf("kpi: seasonal Mann-Kendall test of constant seasons: %w", satmetrics.ErrUndefined)
	}
	return finishTest("seasonal-mann-kendall", n, s, v, float64(s)/pairs, 1), nil
}

// Seasons splits a regular series into its seasons: season g holds
// y[g], y[g+period], y[g+2·period], ... So Seasons(monthly, 12) gives the
// twelve calendar months of a series that starts in January. It panics if
// period < 1.
func Seasons(y []float64, period int) [][]float64 {
	if period < 1 {
		panic("kpi: Seasons: period < 1")
	}
	out := make([][]float64, min(period, len(y)))
	for i, v := range y {
		out[i%period] = append(out[i%period], v)
	}
	return out
}
