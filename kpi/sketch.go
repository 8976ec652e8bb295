package kpi

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/stable"
)

// DefaultAccuracy is the relative accuracy of a zero Sketch: every quantile
// it returns is within 1% of the exact one.
const DefaultAccuracy = 0.01

// MinAccuracy is the finest relative accuracy a Sketch accepts. Buckets
// grow as 1/α, so finer sketches would cost megabytes per value range.
const MinAccuracy = 1e-4

// minPositive is the smallest normal float64; smaller values (zero and the
// subnormals) are counted in the sketch's zero bucket.
const minPositive = 2.2250738585072014e-308

// A Sketch is a mergeable streaming summary of non-negative values (response
// and resolution times, order amounts) that answers quantile queries within
// a stated relative error, for services that cannot keep every value.
//
// It is the logarithmic-bucket sketch of Masson, Rim and Lee (DDSketch)
// with their linearly interpolated mapping, which replaces the logarithm by
// the bits of the floating-point number to make Add cheap. Writing a value
// x > 0 as x = 2^e (1 + s) with 0 <= s < 1 (its exponent and mantissa),
//
//	f(x) = e + s                     (log₂ x, interpolated linearly between powers of 2)
//	i    = ⌈f(x) / ln γ⌉,  γ = (1 + α)/(1 - α),
//
// puts x in bucket i, whose count is kept exactly. Since d(ln x)/df =
// 1/(1 + s) <= 1, the values of one bucket, from lo to hi, span a ratio
// hi/lo <= γ, so the bucket's representative 2 lo hi/(lo + hi) is within a
// factor 1 ± α of each of them. The q-quantile is read off the bucket that
// holds the value of rank ⌊q (n - 1)⌋ (0-based) among the n values added.
// So the result x̃ of Quantile(q) satisfies, up to floating-point rounding,
//
//	|x̃ - x₍ₖ₎| <= α x₍ₖ₎,  k = ⌊q (n - 1)⌋ + 1,
//
// where x₍ₖ₎ is the exact order statistic (NumPy's "lower" quantile). The
// exact minimum and maximum are kept: Quantile(0) and Quantile(1) return
// them, and other quantiles are clamped to them. Values
// below 2.2e-308 (zero and subnormals) are counted as zero and reported as
// 0.
//
// The zero value is an empty sketch with relative accuracy DefaultAccuracy
// (1%), ready to use. Add does not allocate once the sketch has seen the
// range of values it will see; memory grows with the logarithm of the ratio
// of the largest to the smallest positive value (about 1,000 buckets of 8
// bytes per factor 10^6 at 1%, some 44% more than exact logarithms would
// need), not with the number of values.
//
// A Sketch is not safe for concurrent use; give each goroutine its own and
// Merge them.
//
// For more information, see C. Masson, J. E. Rim and H. K. Lee, "DDSketch:
// A Fast and Fully-Mergeable Quantile Sketch with Relative-Error
// Guarantees", PVLDB 12(12), 2019, pp. 2195-2205.
type Sketch struct {
	alpha  float64 // relative accuracy; 0 means DefaultAccuracy
	mult   float64 // 1/ln γ, set on first use
	n      uint64  // values added
	zero   uint64  // values below minPositive
	offset int     // bucket index of counts[0]
	counts []uint64
	min    float64
	max    float64
	sum    stable.Sum
}

// NewSketch returns an empty sketch with relative accuracy alpha, which must
// lie in [MinAccuracy, 1). Smaller alpha means more buckets: the number
// grows as 1/alpha. It returns an error wrapping satmetrics.ErrRange
// otherwise.
func NewSketch(alpha float64) (*Sketch, error) {
	if !(alpha >= MinAccuracy && alpha < 1) {
		return nil, fmt.Errorf("kpi: sketch relative accuracy %v: must be in [%v, 1): %w", alpha, MinAccuracy, satmetrics.ErrRange)
	}
	s := &Sketch{alpha: alpha}
	s.init()
	return s, nil
}

func (s *Sketch) init() {
	if s.alpha == 0 {
		s.alpha = DefaultAccuracy
	}
	s.mult = 1 / math.Log((1+s.alpha)/(1-s.alpha))
}

// logIndex returns f(x)·mult, f(x) = e + s for x = 2^e (1 + s), for a
// normal positive x.
func logIndex(x, mult float64) float64 {
	const mantMask = 1<<52 - 1
	bits := math.Float64bits(x)
	e := int64(bits>>52) - 1023
	m := math.Float64frombits(bits&mantMask | 1023<<52) // 1 + s
	return (float64(e) + m - 1) * mult
}

// bucketValue returns the representative 2 lo hi/(lo + hi) of bucket i.
func bucketValue(i int, mult float64) float64 {
	lo := invLogIndex(float64(i-1) / mult)
	hi := invLogIndex(float64(i) / mult)
	return 2 * lo * hi / (lo + hi)
}

// invLogIndex returns the x with f(x) = y.
func invLogIndex(y float64) float64 {
	e := math.Floor(y)
	return math.Ldexp(1+(y-e), int(e))
}

// RelativeAccuracy returns α, the bound on the relative error of the
// quantiles.
func (s *Sketch) RelativeAccuracy() float64 {
	if s.alpha == 0 {
		return DefaultAccuracy
	}
	return s.alpha
}

// Add adds a value. A negative, NaN or infinite value is an error wrapping
// satmetrics.ErrRange, and the sketch is left unchanged. Add does not
// allocate unless x falls outside the range of buckets seen so far.
func (s *Sketch) Add(x float64) error {
	if !(x >= 0) || x > math.MaxFloat64 {
		return fmt.Errorf("kpi: sketch value %v: must be finite and non-negative: %w", x, satmetrics.ErrRange)
	}
	s.add(x, 1)
	return nil
}

// AddDuration adds a duration in seconds, the unit of the duration
// summaries of package kpi. A negative duration is an error wrapping
// satmetrics.ErrRange.
func (s *Sketch) AddDuration(d time.Duration) error {
	if d < 0 {
		return fmt.Errorf("kpi: sketch duration %v: must not be negative: %w", d, satmetrics.ErrRange)
	}
	s.add(seconds(d), 1)
	return nil
}

func (s *Sketch) add(x float64, k uint64) {
	switch {
	case s.n == 0:
		if s.mult == 0 {
			s.init()
		}
		s.min, s.max = x, x
	case x < s.min:
		s.min = x
	case x > s.max:
		s.max = x
	}
	s.n += k
	if k == 1 {
		s.sum.Add(x)
	} else {
		s.sum.Add(x * float64(k))
	}
	if x < minPositive {
		s.zero += k
		return
	}
	i := int(math.Ceil(logIndex(x, s.mult)))
	j := i - s.offset
	if uint(j) >= uint(len(s.counts)) {
		s.grow(i, i)
		j = i - s.offset
	}
	s.counts[j] += k
}

// grow widens the bucket range to hold the indices lo to hi, with spare
// room on the side that grew so that a drifting stream does not reallocate
// at every new bucket.
func (s *Sketch) grow(lo, hi int) {
	if len(s.counts) == 0 {
		const spare = 64
		s.offset = lo - spare
		s.counts = make([]uint64, hi-lo+1+2*spare)
		return
	}
	curLo, curHi := s.offset, s.offset+len(s.counts)-1
	newLo, newHi := min(lo, curLo), max(hi, curHi)
	extra := (newHi - newLo + 1) / 2
	if newLo < curLo {
		newLo -= extra
	}
	if newHi > curHi {
		newHi += extra
	}
	c := make([]uint64, newHi-newLo+1)
	copy(c[curLo-newLo:], s.counts)
	s.counts = c
	s.offset = newLo
}

// Count returns the number of values added.
func (s *Sketch) Count() int64 { return int64(s.n) }

// Min returns the smallest value added, exactly, or an error wrapping
// satmetrics.ErrNoData for an empty sketch.
func (s *Sketch) Min() (float64, error) {
	if s.n == 0 {
		return 0, fmt.Errorf("kpi: min of an empty sketch: %w", satmetrics.ErrNoData)
	}
	return s.min, nil
}

// Max returns the largest value added, exactly, or an error wrapping
// satmetrics.ErrNoData for an empty sketch.
func (s *Sketch) Max() (float64, error) {
	if s.n == 0 {
		return 0, fmt.Errorf("kpi: max of an empty sketch: %w", satmetrics.ErrNoData)
	}
	return s.max, nil
}

// Mean returns the mean of the values added, from a compensated sum (not
// from the buckets, so it carries no sketch error), or an error wrapping
// satmetrics.ErrNoData for an empty sketch, and one wrapping
// satmetrics.ErrUndefined if the values were so large (near 1e308) that
// their sum overflowed.
func (s *Sketch) Mean() (float64, error) {
	if s.n == 0 {
		return 0, fmt.Errorf("kpi: mean of an empty sketch: %w", satmetrics.ErrNoData)
	}
	m := s.sum.Value() / float64(s.n)
	if math.IsInf(m, 0) || math.IsNaN(m) {
		return 0, fmt.Errorf("kpi: mean of a sketch: the sum overflowed: %w", satmetrics.ErrUndefined)
	}
	return m, nil
}

// Quantile returns the q-quantile, within the relative error stated at
// Sketch. It returns an error wrapping satmetrics.ErrNoData for an empty
// sketch and one wrapping satmetrics.ErrRange for q outside [0, 1].
func (s *Sketch) Quantile(q float64) (float64, error) {
	if !(q >= 0 && q <= 1) {
		return 0, fmt.Errorf("kpi: sketch quantile %v: %w", q, satmetrics.ErrRange)
	}
	if s.n == 0 {
		return 0, fmt.Errorf("kpi: quantile of an empty sketch: %w", satmetrics.ErrNoData)
	}
	rank := uint64(q * float64(s.n-1)) // the value of 0-based rank ⌊q(n-1)⌋
	switch {
	case rank == 0:
		return s.min, nil
	case rank >= s.n-1:
		return s.max, nil
	case rank < s.zero:
		return 0, nil
	}
	cum := s.zero
	for j, c := range s.counts {
		cum += c
		if cum > rank {
			v := bucketValue(s.offset+j, s.mult)
			return min(max(v, s.min), s.max), nil
		}
	}
	return s.max, nil // not reached: the counts add up to n
}

// Merge folds u into s, as if every value added to u had been added to s.
// The result encodes the values that were added to both. Merge is
// associative and commutative, exactly for the counts, extremes and
// quantiles (the compensated sum behind Mean up to rounding), and the zero
// Sketch is its identity. Sketches of different relative accuracy are
// refused with an error wrapping satmetrics.ErrIncompatible.
func (s *Sketch) Merge(u *Sketch) error {
	if s.RelativeAccuracy() != u.RelativeAccuracy() {
		return fmt.Errorf("kpi: merge sketches of relative accuracy %v and %v: %w", s.RelativeAccuracy(), u.RelativeAccuracy(), satmetrics.ErrIncompatible)
	}
	if u.n == 0 {
		return nil
	}
	if s == u {
		c := *u
		c.counts = append([]uint64(nil), u.counts...)
		u = &c
	}
	if s.mult == 0 {
		s.init()
	}
	if s.n == 0 || u.min < s.min {
		s.min = u.min
	}
	if s.n == 0 || u.max > s.max {
		s.max = u.max
	}
	s.n += u.n
	s.zero += u.zero
	s.sum.Merge(u.sum)
	lo, hi, ok := u.bounds()
	if !ok {
		return nil
	}
	if len(s.counts) == 0 || lo < s.offset || hi >= s.offset+len(s.counts) {
		s.grow(lo, hi)
	}
	for i := lo; i <= hi; i++ {
		s.counts[i-s.offset] += u.counts[i-u.offset]
	}
	return nil
}

// bounds returns the lowest and highest bucket index with a non-zero count.
func (s *Sketch) bounds() (lo, hi int, ok bool) {
	first, last := -1, -1
	for j, c := range s.counts {
		if c != 0 {
			if first < 0 {
				first = j
			}
			last = j
		}
	}
	if first < 0 {
		return 0, 0, false
	}
	return s.offset + first, s.offset + last, true
}

// Reset empties s, keeping its relative accuracy and its buckets' memory.
func (s *Sketch) Reset() {
	clear(s.counts)
	s.n, s.zero, s.min, s.max = 0, 0, 0, 0
	s.sum = stable.Sum{}
}

// sketchVersion is the first byte of the binary encoding.
const sketchVersion = 1

// AppendBinary appends the binary encoding of s to b and returns the
// extended buffer. The layout, after a version byte of 1, is
//
//	relative accuracy   8 bytes, IEEE 754 little-endian
//	count, zero count   uvarint each
//	min, max            8 bytes each
//	sum, compensation   8 bytes each (the compensated sum behind Mean)
//	first bucket index  zigzag varint
//	number of buckets   uvarint
//	bucket counts       uvarint each
//
// holding only the buckets from the first to the last non-empty one.
func (s *Sketch) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, sketchVersion)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(s.RelativeAccuracy()))
	b = binary.AppendUvarint(b, s.n)
	b = binary.AppendUvarint(b, s.zero)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(s.min))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(s.max))
	sum, comp := s.sum.Parts()
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(sum))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(comp))
	lo, hi, ok := s.bounds()
	if !ok {
		b = binary.AppendVarint(b, 0)
		return binary.AppendUvarint(b, 0), nil
	}
	b = binary.AppendVarint(b, int64(lo))
	b = binary.AppendUvarint(b, uint64(hi-lo+1))
	for i := lo; i <= hi; i++ {
		b = binary.AppendUvarint(b, s.counts[i-s.offset])
	}
	return b, nil
}

// MarshalBinary implements encoding.BinaryMarshaler with the layout of
// AppendBinary.
func (s *Sketch) MarshalBinary() ([]byte, error) {
	return s.AppendBinary(nil)
}

// UnmarshalBinary implements encoding.BinaryUnmarshaler. Truncated or
// trailing bytes, an unknown version and an impossible state (counts that do
// not add up, a minimum above the maximum, a bucket outside the range of
// float64) are errors wrapping satmetrics.ErrCorrupt, and leave s unchanged.
func (s *Sketch) UnmarshalBinary(b []byte) error {
	corrupt := func(why string) error {
		return fmt.Errorf("kpi: decode sketch: %s: %w", why, satmetrics.ErrCorrupt)
	}
	if len(b) < 1 {
		return corrupt("empty input")
	}
	if b[0] != sketchVersion {
		return corrupt(fmt.Sprintf("unknown version %d", b[0]))
	}
	b = b[1:]
	f64 := func() (float64, bool) {
		if len(b) < 8 {
			return 0, false
		}
		v := math.Float64frombits(binary.LittleEndian.Uint64(b))
		b = b[8:]
		return v, true
	}
	uv := func() (uint64, bool) {
		v, k := binary.Uvarint(b)
		if k <= 0 {
			return 0, false
		}
		b = b[k:]
		return v, true
	}
	var st sketchState
	var ok1, ok2, ok3, ok4, ok5, ok6, ok7 bool
	st.Alpha, ok1 = f64()
	st.Count, ok2 = uv()
	st.Zero, ok3 = uv()
	st.Min, ok4 = f64()
	st.Max, ok5 = f64()
	st.Sum, ok6 = f64()
	st.Compensation, ok7 = f64()
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7) {
		return corrupt("truncated header")
	}
	off, k := binary.Varint(b)
	if k <= 0 {
		return corrupt("truncated bucket index")
	}
	b = b[k:]
	nb, ok := uv()
	if !ok {
		return corrupt("truncated bucket count")
	}
	if nb > uint64(len(b)) { // every count takes at least one byte
		return corrupt("truncated buckets")
	}
	st.Offset = off
	st.Counts = make([]uint64, nb)
	for i := range st.Counts {
		if st.Counts[i], ok = uv(); !ok {
			return corrupt("truncated buckets")
		}
	}
	if len(b) != 0 {
		return corrupt(fmt.Sprintf("%d trailing bytes", len(b)))
	}
	return s.setState(st)
}

// sketchState is the JSON form of a Sketch and the checked state that both
// decoders build.
type sketchState struct {
	Alpha        float64  `json:"relative_accuracy"`
	Count        uint64   `json:"count"`
	Zero         uint64   `json:"zero_count"`
	Min          float64  `json:"min"`
	Max          float64  `json:"max"`
	Sum          float64  `json:"sum"`
	Compensation float64  `json:"sum_compensation"`
	Offset       int64    `json:"first_bucket"`
	Counts       []uint64 `json:"buckets"`
}

// setState checks st and, if it describes a possible sketch, makes s hold
// it.
func (s *Sketch) setState(st sketchState) error {
	corrupt := func(why string) error {
		return fmt.Errorf("kpi: decode sketch: %s: %w", why, satmetrics.ErrCorrupt)
	}
	if !(st.Alpha >= MinAccuracy && st.Alpha < 1) {
		return corrupt(fmt.Sprintf("relative accuracy %v", st.Alpha))
	}
	for _, f := range []float64{st.Min, st.Max, st.Sum, st.Compensation} {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return corrupt("a value is not finite")
		}
	}
	mult := 1 / math.Log((1+st.Alpha)/(1-st.Alpha))
	// The bucket indices that float64 values can reach: f runs from -1022
	// to 1024.
	minIdx := int64(math.Floor(-1022*mult)) - 1
	maxIdx := int64(math.Ceil(1024*mult)) + 1
	if len(st.Counts) > 0 && (st.Offset < minIdx || st.Offset > maxIdx || int64(len(st.Counts)) > maxIdx-st.Offset+1) {
		return corrupt(fmt.Sprintf("buckets %d to %d outside the range of float64", st.Offset, st.Offset+int64(len(st.Counts))-1))
	}
	total := st.Zero
	for _, c := range st.Counts {
		if total+c < total {
			return corrupt("counts overflow")
		}
		total += c
	}
	if total != st.Count {
		return corrupt(fmt.Sprintf("bucket counts add up to %d, not %d", total, st.Count))
	}
	if st.Count == 0 {
		if st.Min != 0 || st.Max != 0 || st.Sum != 0 || st.Compensation != 0 {
			return corrupt("an empty sketch with values")
		}
	} else if st.Min < 0 || st.Min > st.Max {
		return corrupt(fmt.Sprintf("min %v and max %v", st.Min, st.Max))
	}
	*s = Sketch{
		alpha:  st.Alpha,
		mult:   mult,
		n:      st.Count,
		zero:   st.Zero,
		offset: int(st.Offset),
		counts: st.Counts,
		min:    st.Min,
		max:    st.Max,
		sum:    stable.FromParts(st.Sum, st.Compensation),
	}
	if len(s.counts) == 0 {
		s.counts = nil
	}
	return nil
}

// MarshalJSON encodes s as an object with its relative accuracy, counts,
// extremes, compensated sum, first bucket index and the bucket counts from
// the first to the last non-empty bucket.
func (s *Sketch) MarshalJSON() ([]byte, error) {
	sum, comp := s.sum.Parts()
	st := sketchState{
		Alpha: s.RelativeAccuracy(), Count: s.n, Zero: s.zero,
		Min: s.min, Max: s.max, Sum: sum, Compensation: comp,
		Counts: []uint64{},
	}
	if lo, hi, ok := s.bounds(); ok {
		st.Offset = int64(lo)
		st.Counts = s.counts[lo-s.offset : hi-s.offset+1]
	}
	return json.Marshal(st)
}

// UnmarshalJSON decodes what MarshalJSON encodes, with the checks of
// UnmarshalBinary.
func (s *Sketch) UnmarshalJSON(b []byte) error {
	var st sketchState
	if err := json.Unmarshal(b, &st); err != nil {
		return fmt.Errorf("kpi: decode sketch: %v: %w", err, satmetrics.ErrCorrupt)
	}
	return s.setState(st)
}
