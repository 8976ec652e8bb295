package likert

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
)

// Helpers for the binary encodings. Every decoder reads from the front of a
// byte slice and returns the rest; truncated or impossible input is an error
// wrapping satmetrics.ErrCorrupt.

func appendUvarint(b []byte, v uint64) []byte { return binary.AppendUvarint(b, v) }

func appendVarint(b []byte, v int64) []byte { return binary.AppendVarint(b, v) }

func appendFloat(b []byte, f float64) []byte {
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
}

func readUvarint(b []byte) (uint64, []byte, error) {
	v, n := binary.Uvarint(b)
	if n <= 0 {
		return 0, nil, errTruncated
	}
	return v, b[n:], nil
}

func readVarint(b []byte) (int64, []byte, error) {
	v, n := binary.Varint(b)
	if n <= 0 {
		return 0, nil, errTruncated
	}
	return v, b[n:], nil
}

// readCount reads a uvarint that must fit in an int64.
func readCount(b []byte) (int64, []byte, error) {
	v, b, err := readUvarint(b)
	if err != nil {
		return 0, nil, err
	}
	if v > math.MaxInt64 {
		return 0, nil, fmt.Errorf("count %d overflows: %w", v, satmetrics.ErrCorrupt)
	}
	return int64(v), b, nil
}

// readFloat reads a little-endian float64 that must be finite.
func readFloat(b []byte) (float64, []byte, error) {
	if len(b) < 8 {
		return 0, nil, errTruncated
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(b))
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, nil, fmt.Errorf("non-finite number %v: %w", f, satmetrics.ErrCorrupt)
	}
	return f, b[8:], nil
}

// appendMoments appends the state of m: the count as a uvarint, then weight,
// squared weights, mean and M2 as float64.
func appendMoments(b []byte, m moments) []byte {
	b = appendUvarint(b, uint64(m.n))
	for _, f := range [...]float64{m.w, m.w2, m.mean, m.m2} {
		b = appendFloat(b, f)
	}
	return b
}

// readMoments reads what appendMoments wrote and checks it.
func readMoments(b []byte) (moments, []byte, error) {
	n, b, err := readCount(b)
	if err != nil {
		return moments{}, nil, err
	}
	var f [4]float64
	for i := range f {
		if f[i], b, err = readFloat(b); err != nil {
			return moments{}, nil, err
		}
	}
	j := momentsJSON{N: n, W: f[0], W2: f[1], Mean: f[2], M2: f[3]}
	m, err := j.moments()
	return m, b, err
}

// momentsJSON is the JSON form of a moments.
type momentsJSON struct {
	N    int64   `json:"n"`
	W    float64 `json:"w"`
	W2   float64 `json:"w2"`
	Mean float64 `json:"mean"`
	M2   float64 `json:"m2"`
}

func toMomentsJSON(m moments) momentsJSON {
	return momentsJSON{N: m.n, W: m.w, W2: m.w2, Mean: m.mean, M2: m.m2}
}

// moments checks j and returns its Moments: a non-negative count, weights
// and M2 that are finite and non-negative, and an empty state when the
// count is zero.
func (j momentsJSON) moments() (moments, error) {
	for _, f := range [...]float64{j.W, j.W2, j.Mean, j.M2} {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return moments{}, fmt.Errorf("moments: non-finite %v: %w", f, satmetrics.ErrCorrupt)
		}
	}
	switch {
	case j.N < 0 || j.W < 0 || j.W2 < 0 || j.M2 < 0:
		return moments{}, fmt.Errorf("moments: negative count, weight or M2: %w", satmetrics.ErrCorrupt)
	case j.N == 0 && (j.W != 0 || j.W2 != 0 || j.Mean != 0 || j.M2 != 0):
		return moments{}, fmt.Errorf("moments: empty with non-zero state: %w", satmetrics.ErrCorrupt)
	case j.N > 0 && (j.W == 0 || j.W2 == 0):
		return moments{}, fmt.Errorf("moments: %d values with zero weight: %w", j.N, satmetrics.ErrCorrupt)
	}
	return moments{n: j.N, w: j.W, w2: j.W2, mean: j.Mean, m2: j.M2}, nil
}
