package points

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
)

// This file holds what every rating tally does the same way whatever its
// configuration (a scale, NPS breaks): merging, the totals its scores start
// from, its distribution and decoding its binary encoding. The name of the
// tally's package, pkg, prefixes the errors, as in "nps: distribution: ...".

// Merge adds the tally with counts u and configuration ucfg to the one with
// counts c and configuration cfg, as if every response added to u had been
// added to c. Tallies with different configurations do not merge: Merge then
// returns incompatible() and leaves c and cfg unchanged. An empty tally with
// the zero (default) configuration is the exception in both places: merging
// it changes nothing, and merging into it gives it ucfg. u may be c.
func Merge[C comparable](c *Counts, cfg *C, u *Counts, ucfg C, incompatible func() error) error {
	var def C
	switch {
	case ucfg == def && u.Total() == 0:
		return nil
	case *cfg == def && c.Total() == 0:
		*cfg = ucfg
	case *cfg != ucfg:
		return incompatible()
	}
	uc := *u // u may be c
	c.Merge(&uc)
	return nil
}

// Totals returns the total weight of c and Kish's effective sample size,
// the n of a tally's estimates. A total weight of zero is an error wrapping
// satmetrics.ErrNoData, and weights so extreme that these are not finite
// (their squares overflow or underflow) one wrapping satmetrics.ErrUndefined.
func (c *Counts) Totals(pkg string) (w, neff float64, err error) {
	w, neff = c.TotalW(), c.EffectiveN()
	switch {
	case w == 0:
		return 0, 0, fmt.Errorf("%s: %w", pkg, satmetrics.ErrNoData)
	case math.IsInf(w, 0) || !(neff > 0) || math.IsInf(neff, 0):
		return 0, 0, fmt.Errorf("%s: weights too extreme (total %v, effective n %v): %w", pkg, w, neff, satmetrics.ErrUndefined)
	}
	return w, neff, nil
}

// Distribution returns point(i, count, weight, percent) for each of the
// first k point indexes i of c, where percent is 100 weight / total weight.
// It returns the error of Totals, prefixed "pkg: distribution", if the
// total weight is zero or the weights are too extreme.
func Distribution[P any](c *Counts, pkg string, k int, point func(i int, n int64, w, percent float64) P) ([]P, error) {
	total, _, err := c.Totals(pkg)
	if err != nil {
		return nil, fmt.Errorf("%s: distribution: %w", pkg, err)
	}
	ps := make([]P, k)
	for i := range ps {
		w := c.W(i)
		ps[i] = point(i, c.N(i), w, 100*w/total)
	}
	return ps, nil
}

// Corrupt returns the error with which a tally of package pkg refuses to
// decode: "pkg: decode tally: err", wrapping satmetrics.ErrCorrupt (and not
// err, whose text it only quotes).
func Corrupt(pkg string, err error) error {
	return fmt.Errorf("%s: decode tally: %v: %w", pkg, err, satmetrics.ErrCorrupt)
}

// DecodeTally decodes the whole of data as the binary encoding of a tally
// of package pkg: a header written by AppendHeader with the given tag and n
// configuration bytes, then counts written by Counts.AppendBinary for the
// number of points that size returns for the configuration, and returns
// the counts. size, which the caller uses to read the configuration, returns
// an error naming it if it is not valid. Every error is a Corrupt one, and
// trailing bytes are an error.
func DecodeTally(data []byte, pkg string, tag byte, n int, size func(config []byte) (int, error)) (Counts, error) {
	var c Counts
	config, rest, err := ReadHeader(data, tag, n)
	if err != nil {
		return Counts{}, Corrupt(pkg, err)
	}
	k, err := size(config)
	if err != nil {
		return Counts{}, Corrupt(pkg, err)
	}
	if rest, err = c.DecodeBinary(rest, k); err != nil {
		return Counts{}, Corrupt(pkg, err)
	}
	if len(rest) != 0 {
		return Counts{}, Corrupt(pkg, fmt.Errorf("%d trailing bytes", len(rest)))
	}
	return c, nil
}
