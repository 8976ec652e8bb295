package main

import (
	"fmt"
	"io"
	"math"
	"strings"
)

// A ledger prints the hand calculation and the library's result side by
// side, and remembers the quantities on which they disagree.
type ledger struct {
	w   io.Writer
	bad []string
}

// tolerance is the relative difference allowed between the hand calculation
// and the library: they evaluate the same formulas, in another order, and
// the table quantiles have 16 significant digits.
const tolerance = 1e-9

// header starts a table of hand and library values.
func (l *ledger) header(lib string) {
	fmt.Fprintf(l.w, "  %-22s %12s %24s\n", "", "by hand", lib)
}

// row prints a quantity computed by hand beside the library's.
func (l *ledger) row(name string, hand, lib float64) { l.rowf(name, hand, lib, 4) }

// rowf is row with the given number of decimals.
func (l *ledger) rowf(name string, hand, lib float64, decimals int) {
	fmt.Fprintf(l.w, "  %-22s %12.*f %24.*f  %s\n", name, decimals, hand, decimals, lib, l.verdict(name, hand, lib))
}

// interval prints an interval computed by hand beside the library's.
func (l *ledger) interval(name string, handLo, handHi, libLo, libHi float64) {
	lo, hi := l.verdict(name+" lower", handLo, libLo), l.verdict(name+" upper", handHi, libHi)
	v := lo
	if hi != "agree" {
		v = hi
	}
	fmt.Fprintf(l.w, "  %-16s [%7.3f, %7.3f]       [%7.3f, %7.3f]  %s\n", name, handLo, handHi, libLo, libHi, v)
}

// verdict compares a hand value with the library's.
func (l *ledger) verdict(name string, hand, lib float64) string {
	return l.match(name, math.Abs(hand-lib) <= tolerance*max(1, math.Abs(lib)))
}

// match returns the verdict on a comparison, remembering name if it failed.
func (l *ledger) match(name string, ok bool) string {
	if !ok {
		l.bad = append(l.bad, name)
		return "DISAGREE"
	}
	return "agree"
}

// err returns an error naming every quantity on which the hand calculation
// and the library disagreed, or nil.
func (l *ledger) err() error {
	if len(l.bad) > 0 {
		return fmt.Errorf("hand calculation and library disagree on %s", strings.Join(l.bad, ", "))
	}
	return nil
}
