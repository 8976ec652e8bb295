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
func (l *ledger) row(name string, hand, lib float64) {
	fmt.Fprintf(l.w, "  %-22s %12.4f %24.4f  %s\n", name, hand, lib, l.verdict(name, hand, lib))
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

// near prints a published value beside the library's, which agree if they
// differ by at most tol (the rounding of the publication).
func (l *ledger) near(name string, published, lib, tol float64) {
	fmt.Fprintf(l.w, "  %-22s %12.3f %24.4f  %s\n", name, published, lib, l.match(name, math.Abs(published-lib) <= tol))
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
