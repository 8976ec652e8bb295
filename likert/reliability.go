package likert

import (
	"fmt"
	"math"
	"strconv"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/dist"
)

// MaxItems is the largest number of items a Reliability accumulates.
const MaxItems = 1000

// A Reliability accumulates the sufficient statistics of a respondent by
// item table of scores, from which Report computes Cronbach's alpha,
// Guttman's lambda 6 and the item analysis: for the complete rows, the
// count, weights, item means and the matrix of co-moments Σ w (x_i - x̄_i)
// (x_j - x̄_j); for the rows with missing answers, the same per item and per
// pair of items over the rows that answered them. Memory is O(k²) for k
// items and does not grow with the number of rows.
//
// Rows are folded in with Welford's update and accumulators merged with the
// pairwise update of Chan, Golub and LeVeque (see internal/stable), so that
// scores with a large common offset keep their covariances and partial
// accumulators computed in parallel merge into the accumulator of the whole.
//
// The zero value is empty and ready to use; the first row fixes the number
// of items. A Reliability is not safe for concurrent use.
type Reliability struct {
	k    int
	rows rowCount // rows with at least one answer

	// Complete rows.
	full rowCount
	mean []float64 // k item means
	com  []float64 // packed upper triangle of co-moments, row by row, k(k+1)/2

	// Rows with missing answers, per item and per pair i < j (nil until the
	// first such row).
	item []moments
	pair []pairMoments

	// Complete rows not yet folded in, column by column: column j holds
	// blk[j*bcap : j*bcap+nb], with the rows' weights in blkW.
	blk, blkW   []float64
	nb, bcap    int
	blkWeighted bool      // a pending row has a weight other than 1
	wc, bcom    []float64 // scratch: weighted or packed columns, block co-moments

	d, e []float64 // scratch
}

// rowCount counts rows and sums their weights and squared weights.
type rowCount struct {
	n     int64
	w, w2 float64
}

func (c *rowCount) add(w float64) {
	c.n++
	c.w += w
	c.w2 += w * w
}

func (c *rowCount) merge(u rowCount) {
	c.n += u.n
	c.w += u.w
	c.w2 += u.w2
}

// pairMoments are the weighted means of two items and their co-moment over
// the rows that answered both.
type pairMoments struct {
	rowCount
	mi, mj, c float64
}

func (p *pairMoments) add(xi, xj, w float64) {
	p.rowCount.add(w)
	di := xi - p.mi
	f := w / p.w
	p.mi += di * f
	p.mj += (xj - p.mj) * f
	p.c += w * di * (xj - p.mj)
}

// merge folds u into p (Chan, Golub and LeVeque).
func (p *pairMoments) merge(u pairMoments) {
	if u.w == 0 {
		return
	}
	if p.w == 0 {
		*p = u
		return
	}
	w := p.w + u.w
	di, dj := u.mi-p.mi, u.mj-p.mj
	p.c += u.c + di*dj*p.w*u.w/w
	p.mi += di * (u.w / w)
	p.mj += dj * (u.w / w)
	p.rowCount.merge(u.rowCount)
}

// pidx returns the index of the pair i < j among k items.
func pidx(i, j, k int) int { return i*(2*k-i-1)/2 + j - i - 1 }

// cidx returns the index of (i, j), i <= j, in the packed upper triangle.
func cidx(i, j, k int) int { return i*(2*k-i+1)/2 + j - i }

// Items returns the number of items, 0 before the first row.
func (r *Reliability) Items() int { return r.k }

// N returns the number of rows with at least one answer and non-zero weight.
func (r *Reliability) N() int64 { return r.rows.n }

// Complete returns the number of rows that answered every item.
func (r *Reliability) Complete() int64 { return r.full.n + int64(r.nb) }

func (r *Reliability) init(k int) {
	r.k = k
	r.mean = make([]float64, k)
	r.com = make([]float64, k*(k+1)/2)
	r.scratch()
}

func (r *Reliability) scratch() {
	if len(r.d) != r.k {
		r.d = make([]float64, r.k)
		r.e = make([]float64, r.k)
	}
}

func (r *Reliability) initMissing() {
	if r.item == nil {
		r.item = make([]moments, r.k)
		r.pair = make([]pairMoments, r.k*(r.k-1)/2)
	}
}

// Add adds one respondent's scores with weight 1, one per item in a fixed
// order; NaN marks an unanswered item. See AddWeighted.
func (r *Reliability) Add(row []float64) error { return r.AddWeighted(row, 1) }

// AddWeighted adds one respondent's scores with weight w. The first row
// fixes the number of items, at least 2 and at most MaxItems; a row of
// another length is an error wrapping satmetrics.ErrIncompatible, an
// infinite score one wrapping satmetrics.ErrRange and a bad weight one
// wrapping satmetrics.ErrWeight, and r is then unchanged. A row without
// answers, or with weight zero, changes nothing. Adding a row allocates
// nothing beyond the accumulator's fixed-size buffers, made on first use
// (the first row, the first full block, the first row with a missing
// answer).
func (r *Reliability) AddWeighted(row []float64, w float64) error {
	if r.k == 0 {
		if len(row) < 2 || len(row) > MaxItems {
			return fmt.Errorf("likert: reliability of %d items: want 2 to %d: %w", len(row), MaxItems, satmetrics.ErrIncompatible)
		}
	} else if len(row) != r.k {
		return fmt.Errorf("likert: row of %d scores for %d items: %w", len(row), r.k, satmetrics.ErrIncompatible)
	}
	if err := satmetrics.CheckWeight(w); err != nil {
		return err
	}
	answered := 0
	for i, x := range row {
		if math.IsInf(x, 0) {
			return fmt.Errorf("likert: score %v of item %d: %w", x, i+1, satmetrics.ErrRange)
		}
		if x == x {
			answered++
		}
	}
	if answered == 0 || w == 0 {
		return nil
	}
	if r.k == 0 {
		r.init(len(row))
	}
	r.scratch()
	r.rows.add(w)
	if answered == r.k {
		r.addComplete(row, w)
		return nil
	}
	r.initMissing()
	k := r.k
	for i, xi := range row {
		if xi != xi {
			continue
		}
		r.item[i].add(xi, w)
		p := r.pair[pidx(i, i+1, k) : pidx(i, i+1, k)+k-i-1]
		for j, xj := range row[i+1:] {
			if xj == xj {
				p[j].add(xi, xj, w)
			}
		}
	}
	return nil
}

// addComplete adds a complete row to the pending block, folding the block
// in when it is full.
func (r *Reliability) addComplete(x []float64, w float64) {
	if r.blk == nil {
		r.bcap = max(16, min(256, 4096/r.k))
		r.blk = make([]float64, r.k*r.bcap)
		r.blkW = make([]float64, r.bcap)
	}
	b := r.blk[r.nb:]
	for j, xj := range x[:r.k] {
		b[j*r.bcap] = xj
	}
	r.blkW[r.nb] = w
	if w != 1 {
		r.blkWeighted = true
	}
	r.nb++
	if r.nb == r.bcap {
		r.flush()
	}
}

// flush folds the pending block into the listwise statistics. The block's
// means and co-moments M_ij = Σ w (x_i - x̄_i)(x_j - x̄_j) come from
// blockExact when the block is unweighted and holds small integers (codes,
// the common case), exactly, and otherwise from blockTwoPass; they join the
// running statistics by the pairwise update of Chan, Golub and LeVeque: with
// δ the difference of the means and g = W_a W_b / (W_a + W_b),
//
//	M_ij += M_block,ij + δ_i δ_j g,   mean += δ W_b / (W_a + W_b).
func (r *Reliability) flush() {
	n := r.nb
	if n == 0 {
		return
	}
	k := r.k
	if r.bcom == nil {
		r.bcom = make([]float64, k*(k+1)/2)
		r.wc = make([]float64, k*r.bcap)
	}
	var blk rowCount
	for _, w := range r.blkW[:n] {
		blk.add(w)
	}
	mean := r.e[:k]
	if r.blkWeighted || !r.blockExact(mean) {
		r.blockTwoPass(mean, blk.w)
	}
	if r.full.w == 0 {
		copy(r.mean, mean)
		copy(r.com, r.bcom)
	} else {
		g := r.full.w * blk.w / (r.full.w + blk.w)
		f := blk.w / (r.full.w + blk.w)
		delta := r.d[:k]
		for j := range delta {
			delta[j] = mean[j] - r.mean[j]
		}
		c := 0
		for i := 0; i < k; i++ {
			di := delta[i] * g
			for j := i; j < k; j++ {
				r.com[c] += r.bcom[c] + di*delta[j]
				c++
			}
			r.mean[i] += delta[i] * f
		}
	}
	r.full.merge(blk)
	r.nb = 0
	r.blkWeighted = false
}

// blockTwoPass computes the weighted means and co-moments of the pending
// block by the corrected two-pass algorithm (Chan, Golub and LeVeque 1983,
// eq. 1.7): with c = x - m over the block's rows (m the first-pass mean)
// and s = Σ w c, which is zero but for rounding,
//
//	mean = m + s/W,  M_ij = Σ w c_i c_j - s_i s_j / W.
func (r *Reliability) blockTwoPass(mean []float64, w float64) {
	n, k, bc := r.nb, r.k, r.bcap
	ws := r.blkW[:n]
	corr := r.d[:k]
	for j := 0; j < k; j++ {
		col := r.blk[j*bc : j*bc+n]
		var sum float64
		for b, v := range col {
			sum += ws[b] * v
		}
		m := sum / w
		var c float64
		for b := range col {
			col[b] -= m
			c += ws[b] * col[b]
		}
		corr[j] = c
		mean[j] = m + c/w
	}
	for j := 0; j < k; j++ {
		col, wc := r.blk[j*bc:j*bc+n], r.wc[j*bc:j*bc+n]
		for b, v := range col {
			wc[b] = ws[b] * v
		}
	}
	c := 0
	for i := 0; i < k; i++ {
		ci := r.wc[i*bc : i*bc+n]
		for j := i; j < k; j++ {
			r.bcom[c] = dot(ci, r.blk[j*bc:j*bc+n]) - corr[i]*corr[j]/w
			c++
		}
	}
}

// blockExact computes the means and co-moments of an unweighted pending
// block whose scores are integers spanning at most 64 values per item, and
// reports whether it could. With y = x - min (integers 0 to R) it needs the
// sums T_i = Σ y_i and the cross-products S_ij = Σ y_i y_j, all integers
// below 2⁵³ and so exact in float64; then
//
//	mean_i = min_i + T_i/n,  M_ij = S_ij - T_i T_j / n.
//
// The cross-products are computed several at a time: L columns y_j, each
// below 2^bits per lane sum, are packed into one float64 as Σ_t y_{qL+t}
// 2^(bits·t), so that one dot product with y_i yields L cross-products
// exactly, lane by lane. A block of 204 five-point answers packs four lanes
// of 12 bits, cutting the multiplications by nearly four.
func (r *Reliability) blockExact(mean []float64) bool {
	n, k, bc := r.nb, r.k, r.bcap
	// Check every column before changing any: on failure the block goes to
	// blockTwoPass as it was. mean holds each column's minimum meanwhile.
	tot := r.d[:k]
	span := 0.0
	for j := 0; j < k; j++ {
		col := r.blk[j*bc : j*bc+n]
		lo, hi := col[0], col[0]
		for _, v := range col {
			// Integers of magnitude below 2⁴⁰ (NaN fails the range test).
			if !(v >= -1<<40 && v <= 1<<40) || v != float64(int64(v)) {
				return false
			}
			if v < lo {
				lo = v
			} else if v > hi {
				hi = v
			}
		}
		if hi-lo > 63 {
			return false
		}
		span = max(span, hi-lo)
		mean[j] = lo
	}
	for j := 0; j < k; j++ {
		col := r.blk[j*bc : j*bc+n]
		lo := mean[j]
		var t float64
		for b, v := range col {
			col[b] = v - lo
			t += col[b]
		}
		tot[j] = t
		mean[j] = lo + t/float64(n)
	}
	// Lane width: every lane sum is at most span²·n.
	bits := 1
	for lim := span * span * float64(n); float64(uint64(1)<<bits) <= lim; bits++ {
	}
	// span ≤ 63 and n ≤ 256 keep bits ≤ 20, so at least two lanes fit.
	lanes := min(4, 53/bits)
	fn := float64(n)
	groups := (k + lanes - 1) / lanes
	scale := float64(uint64(1) << bits)
	for q := 0; q < groups; q++ {
		p := r.wc[q*bc : q*bc+n]
		clear(p)
		f := 1.0
		for t := 0; t < lanes && q*lanes+t < k; t++ {
			col := r.blk[(q*lanes+t)*bc : (q*lanes+t)*bc+n]
			for b, v := range col {
				p[b] += v * f
			}
			f *= scale
		}
	}
	mask := uint64(1)<<bits - 1
	for i := 0; i < k; i++ {
		ci := r.blk[i*bc : i*bc+n]
		row := cidx(i, i, k) - i // index of (i, j) is row + j
		for q := i / lanes; q < groups; q++ {
			d := uint64(dot(ci, r.wc[q*bc:q*bc+n]))
			for t := 0; t < lanes; t++ {
				j := q*lanes + t
				if j >= i && j < k {
					r.bcom[row+j] = float64(d&mask) - tot[i]*tot[j]/fn
				}
				d >>= bits
			}
		}
	}
	return true
}

// dot returns Σ a_i b_i with four partial sums.
func dot(a, b []float64) float64 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(a); i += 4 {
		a4, b4 := a[i:i+4:i+4], b[i:i+4:i+4]
		s0 += a4[0] * b4[0]
		s1 += a4[1] * b4[1]
		s2 += a4[2] * b4[2]
		s3 += a4[3] * b4[3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// Merge adds u to r, as if every row added to u had been added to r. It is
// associative and commutative up to rounding, and the zero Reliability is
// its identity. Accumulators of different numbers of items are refused with
// an error wrapping satmetrics.ErrIncompatible, leaving r unchanged.
func (r *Reliability) Merge(u *Reliability) error {
	if u.k == 0 {
		return nil
	}
	u.flush()
	if r.k == 0 {
		r.init(u.k)
	} else if r.k != u.k {
		return fmt.Errorf("likert: merge reliability of %d items into one of %d: %w", u.k, r.k, satmetrics.ErrIncompatible)
	}
	r.scratch()
	r.flush()
	r.rows.merge(u.rows)
	if u.full.w > 0 {
		if r.full.w == 0 {
			copy(r.mean, u.mean)
			copy(r.com, u.com)
			r.full = u.full
		} else {
			k := r.k
			w := r.full.w + u.full.w
			g := r.full.w * u.full.w / w
			d := r.d
			for i := range d {
				d[i] = u.mean[i] - r.mean[i]
			}
			for i := 0; i < k; i++ {
				for j := i; j < k; j++ {
					c := cidx(i, j, k)
					r.com[c] += u.com[c] + d[i]*d[j]*g
				}
				r.mean[i] += d[i] * (u.full.w / w)
			}
			r.full.merge(u.full)
		}
	}
	if u.item != nil {
		r.initMissing()
		for i := range r.item {
			r.item[i].merge(u.item[i])
		}
		for p := range r.pair {
			r.pair[p].merge(u.pair[p])
		}
	}
	return nil
}

// A MissingPolicy says how Report treats unanswered items.
type MissingPolicy int8

// The missing-data policies.
const (
	// Pairwise, the zero value and psych::alpha's default (use =
	// "pairwise"), estimates each item's variance from every row that
	// answered it and each covariance from every row that answered both
	// items, with the means of those rows; the correlations are those
	// covariances over the square roots of the item variances. Those
	// covariances come from different rows and, with few rows or much
	// missing, can imply a correlation beyond ±1; Report then returns an
	// error wrapping satmetrics.ErrUndefined rather than an alpha above 1.
	Pairwise MissingPolicy = iota
	// Listwise uses only the rows that answered every item.
	Listwise
)

// String returns "pairwise" or "listwise".
func (m MissingPolicy) String() string {
	switch m {
	case Pairwise:
		return "pairwise"
	case Listwise:
		return "listwise"
	}
	return "%!MissingPolicy(" + strconv.Itoa(int(m)) + ")"
}

// MarshalText implements encoding.TextMarshaler.
func (m MissingPolicy) MarshalText() ([]byte, error) {
	if m != Pairwise && m != Listwise {
		return nil, fmt.Errorf("likert: marshal %v: %w", m, satmetrics.ErrRange)
	}
	return []byte(m.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *MissingPolicy) UnmarshalText(b []byte) error {
	switch string(b) {
	case "pairwise":
		*m = Pairwise
	case "listwise":
		*m = Listwise
	default:
		return &satmetrics.ParseError{Func: "likert.MissingPolicy.UnmarshalText", Input: string(b), Err: satmetrics.ErrSyntax}
	}
	return nil
}

// ReliabilityConfig configures Reliability.Report. The zero value uses
// pairwise deletion and a 95% interval.
type ReliabilityConfig struct {
	Missing MissingPolicy
	Level   float64 // confidence level of Feldt's interval; 0 means satmetrics.DefaultLevel
}

// A ReliabilityReport is the reliability analysis of a set of items, with
// the statistics of R's psych::alpha under the same names.
type ReliabilityReport struct {
	Items   int           `json:"items"`
	Missing MissingPolicy `json:"missing"`
	// Alpha is Cronbach's raw alpha (raw_alpha) with psych's asymptotic
	// standard error (ase) and Feldt's interval. Its N is the number of rows
	// used: complete rows for Listwise, rows with any answer for Pairwise.
	Alpha     satmetrics.Estimate `json:"alpha"`
	StdAlpha  float64             `json:"std_alpha"` // alpha of the standardised items (std.alpha)
	G6        float64             `json:"g6"`        // Guttman's lambda 6 from squared multiple correlations (G6(smc))
	AverageR  float64             `json:"average_r"` // mean inter-item correlation (average_r)
	ItemStats []ItemReliability   `json:"item_stats"`
}

// ItemReliability is the analysis of one item: its mean and standard
// deviation, its corrected item-total correlation (the item against the sum
// of the others, r.drop) and, with three or more items, the statistics of
// the scale without it (psych's alpha.drop).
type ItemReliability struct {
	N       int64    `json:"n"` // rows that answered the item (and every item, for Listwise)
	Mean    float64  `json:"mean"`
	SD      float64  `json:"sd"`
	RDrop   float64  `json:"r_drop"`
	Dropped *Dropped `json:"dropped,omitempty"`
}

// Dropped holds the reliability of a scale with one item left out.
type Dropped struct {
	Alpha    float64 `json:"alpha"`     // raw alpha
	StdAlpha float64 `json:"std_alpha"` // standardised alpha
	G6       float64 `json:"g6"`        // Guttman's lambda 6 (smc)
	AverageR float64 `json:"average_r"` // average inter-item correlation
}

// covariances returns the covariance matrix (k×k, row-major), the item
// means, the number of answers per item and the number and effective number
// of rows, under policy m.
func (r *Reliability) covariances(m MissingPolicy) (cov, mean []float64, itemN []int64, n int64, neff float64, err error) {
	k := r.k
	if k == 0 {
		return nil, nil, nil, 0, 0, fmt.Errorf("likert: reliability of no rows: %w", satmetrics.ErrNoData)
	}
	r.flush()
	cov = make([]float64, k*k)
	mean = make([]float64, k)
	itemN = make([]int64, k)
	div := func(c rowCount, what string) (float64, error) {
		if c.n < 2 || c.w == 0 {
			return 0, fmt.Errorf("likert: %s answered by %d rows: %w", what, c.n, satmetrics.ErrNoData)
		}
		d := c.w - c.w2/c.w
		if !(d > 0) {
			return 0, fmt.Errorf("likert: %s: weights leave no degrees of freedom: %w", what, satmetrics.ErrUndefined)
		}
		return d, nil
	}
	switch m {
	case Listwise:
		d, err := div(r.full, "every item")
		if err != nil {
			return nil, nil, nil, 0, 0, err
		}
		for i := 0; i < k; i++ {
			mean[i] = r.mean[i]
			itemN[i] = r.full.n
			for j := i; j < k; j++ {
				v := r.com[cidx(i, j, k)] / d
				cov[i*k+j], cov[j*k+i] = v, v
			}
		}
		n, neff = r.full.n, satmetrics.EffectiveN(r.full.w, r.full.w2)
	case Pairwise:
		for i := 0; i < k; i++ {
			mi := moments{n: r.full.n, w: r.full.w, w2: r.full.w2, mean: r.mean[i], m2: r.com[cidx(i, i, k)]}
			if r.item != nil {
				mi.merge(r.item[i])
			}
			nn, w, w2, mu, m2 := mi.n, mi.w, mi.w2, mi.mean, mi.m2
			d, err := div(rowCount{nn, w, w2}, "item "+strconv.Itoa(i+1))
			if err != nil {
				return nil, nil, nil, 0, 0, err
			}
			mean[i], itemN[i] = mu, nn
			cov[i*k+i] = m2 / d
			for j := i + 1; j < k; j++ {
				p := pairMoments{rowCount: r.full, mi: r.mean[i], mj: r.mean[j], c: r.com[cidx(i, j, k)]}
				if r.pair != nil {
					p.merge(r.pair[pidx(i, j, k)])
				}
				d, err := div(p.rowCount, "items "+strconv.Itoa(i+1)+" and "+strconv.Itoa(j+1))
				if err != nil {
					return nil, nil, nil, 0, 0, err
				}
				v := p.c / d
				cov[i*k+j], cov[j*k+i] = v, v
			}
		}
		n, neff = r.rows.n, satmetrics.EffectiveN(r.rows.w, r.rows.w2)
	default:
		return nil, nil, nil, 0, 0, fmt.Errorf("likert: missing-data policy %v: %w", m, satmetrics.ErrRange)
	}
	for i := 0; i < k; i++ {
		if !(cov[i*k+i] > 0) {
			return nil, nil, nil, 0, 0, fmt.Errorf("likert: item %d has no variance: %w", i+1, satmetrics.ErrUndefined)
		}
	}
	// Pairwise covariances from different sets of rows need not form a
	// covariance matrix: a correlation beyond ±1 makes every statistic
	// meaningless (alpha above 1, an inverted Feldt interval).
	for i := 0; i < k; i++ {
		for j := i + 1; j < k; j++ {
			if r := cov[i*k+j] / math.Sqrt(cov[i*k+i]*cov[j*k+j]); !(math.Abs(r) <= 1+1e-12) {
				return nil, nil, nil, 0, 0, fmt.Errorf("likert: pairwise correlation of items %d and %d is %v: too few rows answered both; use Listwise: %w", i+1, j+1, r, satmetrics.ErrUndefined)
			}
		}
	}
	return cov, mean, itemN, n, neff, nil
}

// alphaStats are the statistics psych's alpha.1 computes from a covariance
// matrix.
type alphaStats struct {
	raw, std, g6, avr, q float64
}

// alphaOf computes raw and standardised alpha, lambda 6, the average
// correlation and the ase term Q from the covariance matrix c of the items
// listed in idx (k×k row-major over all items).
func alphaOf(c []float64, k int, idx []int) (alphaStats, error) {
	n := float64(len(idx))
	var trC, sumC, trCC, sumCC, sumR float64
	r := make([]float64, len(idx)*len(idx))
	for a, i := range idx {
		trC += c[i*k+i]
		var col float64
		for b, j := range idx {
			v := c[i*k+j]
			sumC += v
			col += v
			trCC += v * v
			r[a*len(idx)+b] = v / math.Sqrt(c[i*k+i]*c[j*k+j])
			sumR += r[a*len(idx)+b]
		}
		sumCC += col * col
	}
	if !(sumC > 0) {
		return alphaStats{}, fmt.Errorf("likert: variance of the total %v is not positive: %w", sumC, satmetrics.ErrUndefined)
	}
	smc, err := smcOf(r, len(idx))
	if err != nil {
		return alphaStats{}, err
	}
	var s alphaStats
	s.raw = (1 - trC/sumC) * n / (n - 1)
	s.std = (1 - n/sumR) * n / (n - 1)
	s.g6 = 1 - (n-smc)/sumR
	s.avr = (sumR - n) / (n * (n - 1))
	s.q = 2 * n * n / ((n - 1) * (n - 1) * sumC * sumC * sumC) * (sumC*(trCC+trC*trC) - 2*trC*sumCC)
	return s, nil
}

// smcOf returns the sum of the squared multiple correlations of the items,
// smc_i = 1 - 1/(R⁻¹)_ii, each clamped to [0, 1] as psych::smc does. R is
// inverted by Gauss-Jordan elimination with partial pivoting; a singular
// matrix (an item that is a linear combination of others) is an error
// wrapping satmetrics.ErrUndefined.
func smcOf(r []float64, n int) (float64, error) {
	inv, ok := invert(r, n)
	if !ok {
		return 0, fmt.Errorf("likert: the correlation matrix is singular: %w", satmetrics.ErrUndefined)
	}
	var s float64
	for i := 0; i < n; i++ {
		s += min(1, max(0, 1-1/inv[i*n+i]))
	}
	return s, nil
}

// invert returns the inverse of the n×n row-major matrix a.
func invert(a []float64, n int) ([]float64, bool) {
	m := append([]float64(nil), a...)
	inv := make([]float64, n*n)
	for i := 0; i < n; i++ {
		inv[i*n+i] = 1
	}
	for col := 0; col < n; col++ {
		p := col
		for i := col + 1; i < n; i++ {
			if math.Abs(m[i*n+col]) > math.Abs(m[p*n+col]) {
				p = i
			}
		}
		if !(math.Abs(m[p*n+col]) > 1e-12) {
			return nil, false
		}
		if p != col {
			for j := 0; j < n; j++ {
				m[p*n+j], m[col*n+j] = m[col*n+j], m[p*n+j]
				inv[p*n+j], inv[col*n+j] = inv[col*n+j], inv[p*n+j]
			}
		}
		f := 1 / m[col*n+col]
		for j := 0; j < n; j++ {
			m[col*n+j] *= f
			inv[col*n+j] *= f
		}
		for i := 0; i < n; i++ {
			if i == col || m[i*n+col] == 0 {
				continue
			}
			g := m[i*n+col]
			for j := 0; j < n; j++ {
				m[i*n+j] -= g * m[col*n+j]
				inv[i*n+j] -= g * inv[col*n+j]
			}
		}
	}
	return inv, true
}

// Report returns the reliability analysis of the rows added so far under
// cfg. See the package documentation for the formulas. It returns an error
// wrapping satmetrics.ErrNoData if no rows were added or an item (or pair,
// for Pairwise) has fewer than two answers, satmetrics.ErrUndefined if an
// item has no variance, the total has none or the correlation matrix is
// singular, and satmetrics.ErrLevel for a bad level.
func (r *Reliability) Report(cfg ReliabilityConfig) (ReliabilityReport, error) {
	level := cfg.Level
	if level == 0 {
		level = satmetrics.DefaultLevel
	}
	if err := satmetrics.CheckLevel(level); err != nil {
		return ReliabilityReport{}, err
	}
	c, mean, itemN, n, neff, err := r.covariances(cfg.Missing)
	if err != nil {
		return ReliabilityReport{}, err
	}
	k := r.k
	idx := make([]int, k)
	for i := range idx {
		idx[i] = i
	}
	all, err := alphaOf(c, k, idx)
	if err != nil {
		return ReliabilityReport{}, err
	}
	rep := ReliabilityReport{
		Items:     k,
		Missing:   cfg.Missing,
		StdAlpha:  all.std,
		G6:        all.g6,
		AverageR:  all.avr,
		ItemStats: make([]ItemReliability, k),
	}
	nn := float64(n)
	if neff > 0 && neff != nn {
		nn = neff
		rep.Alpha.EffectiveN = neff
	}
	rep.Alpha.Value = all.raw
	rep.Alpha.N = n
	rep.Alpha.StdErr = math.Sqrt(max(0, all.q) / nn)
	rep.Alpha.Interval, err = FeldtInterval(all.raw, nn, k, level)
	if err != nil {
		return ReliabilityReport{}, err
	}
	var sumC float64
	for _, v := range c {
		sumC += v
	}
	sub := make([]int, 0, k)
	for i := 0; i < k; i++ {
		var col float64
		for j := 0; j < k; j++ {
			col += c[i*k+j]
		}
		cii := c[i*k+i]
		it := ItemReliability{N: itemN[i], Mean: mean[i], SD: math.Sqrt(cii)}
		it.RDrop = (col - cii) / math.Sqrt(cii*(sumC-2*col+cii))
		if k > 2 {
			sub = sub[:0]
			for j := 0; j < k; j++ {
				if j != i {
					sub = append(sub, j)
				}
			}
			s, err := alphaOf(c, k, sub)
			if err != nil {
				return ReliabilityReport{}, fmt.Errorf("without item %d: %w", i+1, err)
			}
			it.Dropped = &Dropped{Alpha: s.raw, StdAlpha: s.std, G6: s.g6, AverageR: s.avr}
		}
		rep.ItemStats[i] = it
	}
	if err := rep.check(); err != nil {
		return ReliabilityReport{}, err
	}
	return rep, nil
}

// check returns an error wrapping ErrUndefined if any number in rep is not
// finite, which only corrupt or degenerate data produce.
func (rep *ReliabilityReport) check() error {
	fs := []float64{rep.StdAlpha, rep.G6, rep.AverageR}
	for _, it := range rep.ItemStats {
		fs = append(fs, it.Mean, it.SD, it.RDrop)
		if d := it.Dropped; d != nil {
			fs = append(fs, d.Alpha, d.StdAlpha, d.G6, d.AverageR)
		}
	}
	for _, f := range fs {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("likert: reliability statistic is %v: %w", f, satmetrics.ErrUndefined)
		}
	}
	return rep.Alpha.Check()
}

// Alpha returns Cronbach's raw alpha with its standard error and Feldt's
// interval, the Alpha of Report(cfg).
func (r *Reliability) Alpha(cfg ReliabilityConfig) (satmetrics.Estimate, error) {
	rep, err := r.Report(cfg)
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	return rep.Alpha, nil
}

// FeldtInterval returns Feldt's confidence interval for a coefficient alpha
// computed from n respondents and k items,
//
//	[1 - (1 - α) F_{1-γ/2}(n-1, (n-1)(k-1)),  1 - (1 - α) F_{γ/2}(n-1, (n-1)(k-1))]
//
// where γ = 1 - level and F_p is the p quantile of the F distribution, which
// follows from (1 - α)/(1 - α̂) having an F distribution (Feldt 1965; Feldt,
// Woodruff and Salih 1987). n may be an effective sample size. It returns an
// error wrapping satmetrics.ErrLevel for a bad level and one wrapping
// satmetrics.ErrUndefined unless n > 1, k >= 2 and alpha is finite.
func FeldtInterval(alpha, n float64, k int, level float64) (satmetrics.Interval, error) {
	if err := satmetrics.CheckLevel(level); err != nil {
		return satmetrics.Interval{}, err
	}
	if !(n > 1) || math.IsInf(n, 0) || k < 2 || math.IsNaN(alpha) || math.IsInf(alpha, 0) {
		return satmetrics.Interval{}, fmt.Errorf("likert: Feldt interval for alpha %v of %v respondents and %d items: %w", alpha, n, k, satmetrics.ErrUndefined)
	}
	g := 1 - level
	d1 := n - 1
	d2 := d1 * float64(k-1)
	return satmetrics.Interval{
		Lower:  1 - (1-alpha)*dist.FQuantile(1-g/2, d1, d2),
		Upper:  1 - (1-alpha)*dist.FQuantile(g/2, d1, d2),
		Level:  level,
		Method: "feldt",
	}, nil
}
