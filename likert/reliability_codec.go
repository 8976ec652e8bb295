package likert

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
)

// reliabilityVersion is the first byte of the binary encoding of a
// Reliability.
const reliabilityVersion = 1

// AppendBinary appends the binary encoding of r to b. The layout is
//
//	version   1 byte, 1
//	k         uvarint, the number of items (0 for an empty accumulator,
//	          which ends here)
//	rows      uvarint count, float64 weight and squared weight of the rows
//	          with any answer
//	complete  the same for the complete rows, then k float64 means and
//	          k(k+1)/2 float64 co-moments, upper triangle row by row
//	missing   1 byte: 1 if rows with missing answers follow, else 0; then
//	          k item moments (uvarint count, float64 weight, squared
//	          weight, mean, M2) and k(k-1)/2 pair moments (uvarint count,
//	          float64 weight, squared weight, mean i, mean j, co-moment)
//
// with every float64 little-endian.
func (r *Reliability) AppendBinary(b []byte) ([]byte, error) {
	r.flush()
	b = append(b, reliabilityVersion)
	b = appendUvarint(b, uint64(r.k))
	if r.k == 0 {
		return b, nil
	}
	b = appendRowCount(b, r.rows)
	b = appendRowCount(b, r.full)
	for _, f := range r.mean {
		b = appendFloat(b, f)
	}
	for _, f := range r.com {
		b = appendFloat(b, f)
	}
	if r.item == nil {
		return append(b, 0), nil
	}
	b = append(b, 1)
	for _, m := range r.item {
		b = appendMoments(b, m)
	}
	for _, p := range r.pair {
		b = appendRowCount(b, p.rowCount)
		b = appendFloat(b, p.mi)
		b = appendFloat(b, p.mj)
		b = appendFloat(b, p.c)
	}
	return b, nil
}

func appendRowCount(b []byte, c rowCount) []byte {
	b = appendUvarint(b, uint64(c.n))
	b = appendFloat(b, c.w)
	return appendFloat(b, c.w2)
}

func readRowCount(b []byte) (rowCount, []byte, error) {
	var c rowCount
	var err error
	if c.n, b, err = readCount(b); err != nil {
		return c, nil, err
	}
	if c.w, b, err = readFloat(b); err != nil {
		return c, nil, err
	}
	if c.w2, b, err = readFloat(b); err != nil {
		return c, nil, err
	}
	return c, b, c.check()
}

// check rejects negative or inconsistent counts and weights.
func (c rowCount) check() error {
	if c.n < 0 || c.w < 0 || c.w2 < 0 || (c.n == 0) != (c.w == 0) || (c.w == 0) != (c.w2 == 0) {
		return fmt.Errorf("rows %d with weight %v and squared weight %v: %w", c.n, c.w, c.w2, satmetrics.ErrCorrupt)
	}
	return nil
}

// MarshalBinary returns the binary encoding of r (see AppendBinary).
func (r *Reliability) MarshalBinary() ([]byte, error) { return r.AppendBinary(nil) }

// UnmarshalBinary replaces r with the accumulator encoded in b. Truncated
// or trailing bytes, an unknown version and impossible states are errors
// wrapping satmetrics.ErrCorrupt; r is then unchanged.
func (r *Reliability) UnmarshalBinary(b []byte) error {
	u, err := decodeReliability(b)
	if err != nil {
		return fmt.Errorf("likert: decode reliability: %w", err)
	}
	*r = u
	return nil
}

func decodeReliability(b []byte) (Reliability, error) {
	if len(b) < 1 {
		return Reliability{}, errTruncated
	}
	if b[0] != reliabilityVersion {
		return Reliability{}, fmt.Errorf("unknown version %d: %w", b[0], satmetrics.ErrCorrupt)
	}
	k64, b, err := readUvarint(b[1:])
	if err != nil {
		return Reliability{}, err
	}
	if k64 == 0 {
		if len(b) != 0 {
			return Reliability{}, fmt.Errorf("%d trailing bytes: %w", len(b), satmetrics.ErrCorrupt)
		}
		return Reliability{}, nil
	}
	if k64 < 2 || k64 > MaxItems {
		return Reliability{}, fmt.Errorf("%d items: %w", k64, satmetrics.ErrCorrupt)
	}
	k := int(k64)
	// Refuse to allocate for input too short to hold the state.
	if len(b) < 2*17+8*(k+k*(k+1)/2)+1 {
		return Reliability{}, errTruncated
	}
	var r Reliability
	r.init(k)
	if r.rows, b, err = readRowCount(b); err != nil {
		return Reliability{}, err
	}
	if r.full, b, err = readRowCount(b); err != nil {
		return Reliability{}, err
	}
	for i := range r.mean {
		if r.mean[i], b, err = readFloat(b); err != nil {
			return Reliability{}, err
		}
	}
	for i := range r.com {
		if r.com[i], b, err = readFloat(b); err != nil {
			return Reliability{}, err
		}
	}
	if len(b) < 1 {
		return Reliability{}, errTruncated
	}
	flag := b[0]
	b = b[1:]
	switch flag {
	case 0:
	case 1:
		if len(b) < k*33+k*(k-1)/2*41 {
			return Reliability{}, errTruncated
		}
		r.initMissing()
		for i := range r.item {
			if r.item[i], b, err = readMoments(b); err != nil {
				return Reliability{}, err
			}
		}
		for i := range r.pair {
			p := &r.pair[i]
			if p.rowCount, b, err = readRowCount(b); err != nil {
				return Reliability{}, err
			}
			for _, f := range []*float64{&p.mi, &p.mj, &p.c} {
				if *f, b, err = readFloat(b); err != nil {
					return Reliability{}, err
				}
			}
		}
	default:
		return Reliability{}, fmt.Errorf("missing-data flag %d: %w", flag, satmetrics.ErrCorrupt)
	}
	if len(b) != 0 {
		return Reliability{}, fmt.Errorf("%d trailing bytes: %w", len(b), satmetrics.ErrCorrupt)
	}
	if err := r.check(); err != nil {
		return Reliability{}, err
	}
	return r, nil
}

// check rejects states no sequence of rows produces: more complete rows
// than rows, negative variances, statistics without rows.
func (r *Reliability) check() error {
	if r.full.n > r.rows.n {
		return fmt.Errorf("%d complete rows of %d: %w", r.full.n, r.rows.n, satmetrics.ErrCorrupt)
	}
	k := r.k
	for i := 0; i < k; i++ {
		if r.com[cidx(i, i, k)] < 0 {
			return fmt.Errorf("negative variance of item %d: %w", i+1, satmetrics.ErrCorrupt)
		}
	}
	if r.full.n == 0 {
		for _, f := range r.mean {
			if f != 0 {
				return fmt.Errorf("means without complete rows: %w", satmetrics.ErrCorrupt)
			}
		}
		for _, f := range r.com {
			if f != 0 {
				return fmt.Errorf("co-moments without complete rows: %w", satmetrics.ErrCorrupt)
			}
		}
	}
	for i, p := range r.pair {
		if err := p.rowCount.check(); err != nil {
			return err
		}
		if p.n == 0 && (p.mi != 0 || p.mj != 0 || p.c != 0) {
			return fmt.Errorf("pair %d: moments without rows: %w", i, satmetrics.ErrCorrupt)
		}
	}
	return nil
}

// reliabilityJSON is the JSON form of a Reliability.
type reliabilityJSON struct {
	Items    int           `json:"items"`
	Rows     *rowCountJSON `json:"rows,omitempty"`
	Complete *completeJSON `json:"complete,omitempty"`
	Missing  *missingJSON  `json:"missing,omitempty"`
}

type rowCountJSON struct {
	N  int64   `json:"n"`
	W  float64 `json:"w"`
	W2 float64 `json:"w2"`
}

type completeJSON struct {
	rowCountJSON
	Means     []float64 `json:"means"`
	Comoments []float64 `json:"comoments"` // upper triangle, row by row
}

type missingJSON struct {
	Items []momentsJSON `json:"items"`
	Pairs []pairJSON    `json:"pairs"` // (1,2), (1,3), ..., (2,3), ...
}

type pairJSON struct {
	rowCountJSON
	MeanI    float64 `json:"mean_i"`
	MeanJ    float64 `json:"mean_j"`
	Comoment float64 `json:"comoment"`
}

func toRowCountJSON(c rowCount) rowCountJSON { return rowCountJSON{c.n, c.w, c.w2} }

func (j rowCountJSON) rowCount() (rowCount, error) {
	c := rowCount{j.N, j.W, j.W2}
	for _, f := range [...]float64{j.W, j.W2} {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return c, fmt.Errorf("non-finite weight: %w", satmetrics.ErrCorrupt)
		}
	}
	return c, c.check()
}

// MarshalJSON encodes the state of r:
// {"items":k,"rows":{...},"complete":{...},"missing":{...}}.
func (r *Reliability) MarshalJSON() ([]byte, error) {
	r.flush()
	j := reliabilityJSON{Items: r.k}
	if r.k > 0 {
		rc := toRowCountJSON(r.rows)
		j.Rows = &rc
		j.Complete = &completeJSON{rowCountJSON: toRowCountJSON(r.full), Means: r.mean, Comoments: r.com}
		if r.item != nil {
			m := &missingJSON{Items: make([]momentsJSON, r.k), Pairs: make([]pairJSON, len(r.pair))}
			for i, it := range r.item {
				m.Items[i] = toMomentsJSON(it)
			}
			for i, p := range r.pair {
				m.Pairs[i] = pairJSON{toRowCountJSON(p.rowCount), p.mi, p.mj, p.c}
			}
			j.Missing = m
		}
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes the form MarshalJSON writes. Wrong lengths and
// impossible states are errors wrapping satmetrics.ErrCorrupt; r is then
// unchanged.
func (r *Reliability) UnmarshalJSON(b []byte) error {
	u, err := decodeReliabilityJSON(b)
	if err != nil {
		return fmt.Errorf("likert: decode reliability: %w", err)
	}
	*r = u
	return nil
}

func decodeReliabilityJSON(b []byte) (Reliability, error) {
	var j reliabilityJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return Reliability{}, fmt.Errorf("%v: %w", err, satmetrics.ErrCorrupt)
	}
	if j.Items == 0 {
		if j.Rows != nil || j.Complete != nil || j.Missing != nil {
			return Reliability{}, fmt.Errorf("state without items: %w", satmetrics.ErrCorrupt)
		}
		return Reliability{}, nil
	}
	k := j.Items
	if k < 2 || k > MaxItems || j.Rows == nil || j.Complete == nil ||
		len(j.Complete.Means) != k || len(j.Complete.Comoments) != k*(k+1)/2 {
		return Reliability{}, fmt.Errorf("%d items with missing or misshapen state: %w", k, satmetrics.ErrCorrupt)
	}
	var r Reliability
	r.init(k)
	var err error
	if r.rows, err = j.Rows.rowCount(); err != nil {
		return Reliability{}, err
	}
	if r.full, err = j.Complete.rowCountJSON.rowCount(); err != nil {
		return Reliability{}, err
	}
	copy(r.mean, j.Complete.Means)
	copy(r.com, j.Complete.Comoments)
	if m := j.Missing; m != nil {
		if len(m.Items) != k || len(m.Pairs) != k*(k-1)/2 {
			return Reliability{}, fmt.Errorf("missing-data state of the wrong shape: %w", satmetrics.ErrCorrupt)
		}
		r.initMissing()
		for i, it := range m.Items {
			if r.item[i], err = it.moments(); err != nil {
				return Reliability{}, err
			}
		}
		for i, p := range m.Pairs {
			rc, err := p.rowCountJSON.rowCount()
			if err != nil {
				return Reliability{}, err
			}
			r.pair[i] = pairMoments{rowCount: rc, mi: p.MeanI, mj: p.MeanJ, c: p.Comoment}
		}
	}
	if err := r.check(); err != nil {
		return Reliability{}, err
	}
	return r, nil
}

// near reports whether a and b agree to a relative (or, near zero,
// absolute) tolerance tol.
func near(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}
