package churn

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/stable"
)

const tableVersion = 1

// AppendBinary appends the binary encoding of t to b and returns the
// extended buffer (encoding.BinaryAppender). The layout, version 1, is
//
//	version  1 byte, 1
//	flags    1 byte: bit 0 set if weighted
//	base     uvarint: subjects at risk from the origin
//	rejected uvarint: records refused
//	rows     uvarint: number of distinct durations
//	per row  float64 duration (little-endian bits), then uvarints events,
//	         censored, entered
//	weights  if weighted: the origin weight and then, per row, the event,
//	         censoring and entry weights, each as two little-endian float64
//	         (compensated sum and its compensation term)
//
// Durations are strictly increasing. t is compacted first.
func (t *EventTable) AppendBinary(b []byte) ([]byte, error) {
	t.compact()
	var flags byte
	if t.weighted {
		flags = 1
	}
	b = append(b, tableVersion, flags)
	b = binary.AppendUvarint(b, uint64(t.base))
	b = binary.AppendUvarint(b, uint64(t.rejected))
	b = binary.AppendUvarint(b, uint64(len(t.t)))
	for i, x := range t.t {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
		b = binary.AppendUvarint(b, uint64(t.d[i]))
		b = binary.AppendUvarint(b, uint64(t.c[i]))
		b = binary.AppendUvarint(b, uint64(t.e[i]))
	}
	if t.weighted {
		b = appendSum(b, t.baseW)
		for i := range t.t {
			b = appendSum(appendSum(appendSum(b, t.wd[i]), t.wc[i]), t.we[i])
		}
	}
	return b, nil
}

func appendSum(b []byte, s stable.Sum) []byte {
	v, c := s.Parts()
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(c))
}

// MarshalBinary implements encoding.BinaryMarshaler; see AppendBinary for
// the layout.
func (t *EventTable) MarshalBinary() ([]byte, error) { return t.AppendBinary(nil) }

// UnmarshalBinary implements encoding.BinaryUnmarshaler, replacing t with
// the table that MarshalBinary encoded. Truncated or trailing bytes, an
// unknown version or flag, durations that are not finite, non-negative and
// strictly increasing, counts that overflow, rows with no subjects, weights
// that are negative or not finite, and tables that no set of subjects could
// produce (more exits than subjects at some duration) are errors wrapping
// satmetrics.ErrCorrupt; t is then unchanged.
func (t *EventTable) UnmarshalBinary(b []byte) error {
	corrupt := func(format string, a ...any) error {
		return fmt.Errorf("churn: decode event table: "+format+": %w", append(a, satmetrics.ErrCorrupt)...)
	}
	if len(b) < 2 {
		return corrupt("%d bytes", len(b))
	}
	if b[0] != tableVersion {
		return corrupt("version %d", b[0])
	}
	if b[1]&^1 != 0 {
		return corrupt("flags %#x", b[1])
	}
	var u EventTable
	u.weighted = b[1]&1 != 0
	b = b[2:]
	uv := func(what string) (int64, error) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, corrupt("%s truncated", what)
		}
		if v > math.MaxInt64/4 {
			return 0, corrupt("%s %d overflows", what, v)
		}
		b = b[n:]
		return int64(v), nil
	}
	var err error
	if u.base, err = uv("base"); err != nil {
		return err
	}
	if u.rejected, err = uv("rejected"); err != nil {
		return err
	}
	n, err := uv("rows")
	if err != nil {
		return err
	}
	if n > int64(len(b))/11 { // each row takes at least 11 bytes
		return corrupt("%d rows in %d bytes", n, len(b))
	}
	u.t = make([]float64, n)
	u.d, u.c, u.e = make([]int64, n), make([]int64, n), make([]int64, n)
	for i := range u.t {
		if len(b) < 8 {
			return corrupt("row %d truncated", i)
		}
		u.t[i] = math.Float64frombits(binary.LittleEndian.Uint64(b))
		b = b[8:]
		if u.d[i], err = uv("events"); err != nil {
			return err
		}
		if u.c[i], err = uv("censored"); err != nil {
			return err
		}
		if u.e[i], err = uv("entered"); err != nil {
			return err
		}
	}
	if u.weighted {
		if int64(len(b)) != 16*(1+3*n) {
			return corrupt("%d bytes of weights for %d rows", len(b), n)
		}
		sum := func() stable.Sum {
			s := stable.FromParts(math.Float64frombits(binary.LittleEndian.Uint64(b)), math.Float64frombits(binary.LittleEndian.Uint64(b[8:])))
			b = b[16:]
			return s
		}
		u.baseW = sum()
		u.wd, u.wc, u.we = make([]stable.Sum, n), make([]stable.Sum, n), make([]stable.Sum, n)
		for i := range u.t {
			u.wd[i], u.wc[i], u.we[i] = sum(), sum(), sum()
		}
	}
	if len(b) != 0 {
		return corrupt("%d trailing bytes", len(b))
	}
	if err := u.validate(); err != nil {
		return err
	}
	*t = u
	return nil
}

// validate checks a decoded table for a state that no subjects produce.
func (t *EventTable) validate() error {
	corrupt := func(format string, a ...any) error {
		return fmt.Errorf("churn: decode event table: "+format+": %w", append(a, satmetrics.ErrCorrupt)...)
	}
	risk := t.base
	total := t.base
	for i, x := range t.t {
		if !(x >= 0) || x > maxFloat || (i > 0 && !(x > t.t[i-1])) {
			return corrupt("duration %v at row %d", x, i)
		}
		d, c, e := t.d[i], t.c[i], t.e[i]
		const lim = math.MaxInt64 / 4
		if d < 0 || c < 0 || e < 0 || d > lim || c > lim || e > lim || d+c+e <= 0 {
			return corrupt("row %d counts %d, %d, %d", i, d, c, e)
		}
		if d+c > risk {
			return corrupt("row %d: %d exits with %d at risk", i, d+c, risk)
		}
		risk += e - d - c
		total += e
		if total > math.MaxInt64/4 {
			return corrupt("row %d: too many subjects", i)
		}
	}
	if risk != 0 {
		return corrupt("%d subjects never exit", risk)
	}
	if t.weighted {
		ok := func(s stable.Sum) bool {
			v, c := s.Parts()
			x := s.Value()
			return x >= 0 && x <= maxFloat && !math.IsNaN(c) && !math.IsInf(c, 0) && !math.IsInf(v, 0)
		}
		if !ok(t.baseW) {
			return corrupt("origin weight %v", t.baseW.Value())
		}
		for i := range t.t {
			if !ok(t.wd[i]) || !ok(t.wc[i]) || !ok(t.we[i]) {
				return corrupt("row %d weights", i)
			}
			// A weight without subjects is impossible.
			if (t.d[i] == 0 && t.wd[i].Value() != 0) || (t.c[i] == 0 && t.wc[i].Value() != 0) || (t.e[i] == 0 && t.we[i].Value() != 0) {
				return corrupt("row %d has weight without subjects", i)
			}
		}
		if t.base == 0 && t.baseW.Value() != 0 {
			return corrupt("origin weight %v without subjects", t.baseW.Value())
		}
	}
	return nil
}

// tableJSON is the JSON form of an EventTable.
type tableJSON struct {
	Version  int          `json:"version"`
	Base     int64        `json:"base"`
	Rejected int64        `json:"rejected"`
	Times    []float64    `json:"times"`
	Events   []int64      `json:"events"`
	Censored []int64      `json:"censored"`
	Entered  []int64      `json:"entered"`
	Weights  *weightsJSON `json:"weights,omitempty"`
}

type weightsJSON struct {
	Base     float64   `json:"base"`
	Events   []float64 `json:"events"`
	Censored []float64 `json:"censored"`
	Entered  []float64 `json:"entered"`
}

// MarshalJSON encodes t as an object with the version (1), the subjects
// at risk from the origin ("base"), the rejected records, parallel arrays
// "times", "events", "censored" and "entered", and, when weighted, a
// "weights" object with the origin weight and the per-row weights. t is
// compacted first.
func (t *EventTable) MarshalJSON() ([]byte, error) {
	t.compact()
	j := tableJSON{Version: tableVersion, Base: t.base, Rejected: t.rejected,
		Times: nonNil(t.t), Events: nonNil(t.d), Censored: nonNil(t.c), Entered: nonNil(t.e)}
	if t.weighted {
		w := &weightsJSON{Base: t.baseW.Value(), Events: values(t.wd), Censored: values(t.wc), Entered: values(t.we)}
		j.Weights = w
	}
	return json.Marshal(j)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func values(s []stable.Sum) []float64 {
	v := make([]float64, len(s))
	for i := range s {
		v[i] = s[i].Value()
	}
	return v
}

// UnmarshalJSON decodes what MarshalJSON encodes, replacing t. It refuses,
// with an error wrapping satmetrics.ErrCorrupt, what UnmarshalBinary
// refuses, and arrays of different lengths; t is then unchanged.
func (t *EventTable) UnmarshalJSON(b []byte) error {
	var j tableJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("churn: decode event table: %v: %w", err, satmetrics.ErrCorrupt)
	}
	n := len(j.Times)
	if j.Version != tableVersion || j.Base < 0 || j.Rejected < 0 || len(j.Events) != n || len(j.Censored) != n || len(j.Entered) != n {
		return fmt.Errorf("churn: decode event table: version %d, base %d, rejected %d, array lengths %d, %d, %d, %d: %w",
			j.Version, j.Base, j.Rejected, n, len(j.Events), len(j.Censored), len(j.Entered), satmetrics.ErrCorrupt)
	}
	u := EventTable{base: j.Base, rejected: j.Rejected, t: j.Times, d: j.Events, c: j.Censored, e: j.Entered}
	if j.Weights != nil {
		w := j.Weights
		if len(w.Events) != n || len(w.Censored) != n || len(w.Entered) != n {
			return fmt.Errorf("churn: decode event table: weight arrays of lengths %d, %d, %d for %d rows: %w",
				len(w.Events), len(w.Censored), len(w.Entered), n, satmetrics.ErrCorrupt)
		}
		u.weighted = true
		u.baseW = stable.FromParts(w.Base, 0)
		u.wd, u.wc, u.we = sums(w.Events), sums(w.Censored), sums(w.Entered)
	}
	if err := u.validate(); err != nil {
		return err
	}
	*t = u
	return nil
}

func sums(v []float64) []stable.Sum {
	s := make([]stable.Sum, len(v))
	for i, x := range v {
		s[i] = stable.FromParts(x, 0)
	}
	return s
}
