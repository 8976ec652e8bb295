// Package handcheck prints a calculation done by hand beside the library's
// result, for the step-by-step example programs, and remembers every
// quantity on which the two disagree.
package handcheck

import (
	"fmt"
	"io"
	"math"
	"strings"
)

// Tolerance is the relative difference allowed between a hand calculation
// and the library: they evaluate the same formulas in another order, and the
// quantiles typed in from R have 16 significant digits.
const Tolerance = 1e-9

// A Ledger writes hand and library values side by side to W. The zero value
// (with W set) is ready.
type Ledger struct {
	W   io.Writer
	bad []string
}

// Header starts a table of hand and library values; lib names the library
// column.
func (l *Ledger) Header(lib string) {
	fmt.Fprintf(l.W, "  %-22s %12s %24s\n", "", "by hand", lib)
}

// Row prints a quantity computed by hand beside the library's, to 4
// decimals.
func (l *Ledger) Row(name string, hand, lib float64) { l.Rowf(name, hand, lib, 4) }

// Rowf is Row with the given number of decimals.
func (l *Ledger) Rowf(name string, hand, lib float64, decimals int) {
	fmt.Fprintf(l.W, "  %-22s %12.*f %24.*f  %s\n", name, decimals, hand, decimals, lib, l.Verdict(name, hand, lib))
}

// Interval prints an interval computed by hand beside the library's.
func (l *Ledger) Interval(name string, handLo, handHi, libLo, libHi float64) {
	l.two(name, "[%7.3f, %7.3f]", " lower", " upper", handLo, handHi, libLo, libHi)
}

// Pair prints two quantities computed by hand beside the library's.
func (l *Ledger) Pair(name string, hand1, hand2, lib1, lib2 float64) {
	l.two(name, "(%7.3f, %7.3f)", " (first)", " (second)", hand1, hand2, lib1, lib2)
}

func (l *Ledger) two(name, format, suffix1, suffix2 string, h1, h2, l1, l2 float64) {
	v := l.Verdict(name+suffix1, h1, l1)
	if v2 := l.Verdict(name+suffix2, h2, l2); v2 != "agree" {
		v = v2
	}
	fmt.Fprintf(l.W, "  %-16s "+format+"       "+format+"  %s\n", name, h1, h2, l1, l2, v)
}

// Near prints a published value beside the library's, which agree if they
// differ by at most tol (the rounding of the publication).
func (l *Ledger) Near(name string, published, lib, tol float64) {
	fmt.Fprintf(l.W, "  %-22s %12.3f %24.4f  %s\n", name, published, lib, l.Match(name, math.Abs(published-lib) <= tol))
}

// List prints a list found by hand beside the library's.
func (l *Ledger) List(name string, hand, lib []int) {
	h, lb := fmt.Sprint(hand), fmt.Sprint(lib)
	fmt.Fprintf(l.W, "  %-22s %12s %24s  %s\n", name, h, lb, l.Match(name, h == lb))
}

// Verdict compares a hand value with the library's within Tolerance and
// returns "agree" or "DISAGREE", remembering name if they disagree.
func (l *Ledger) Verdict(name string, hand, lib float64) string {
	return l.Match(name, math.Abs(hand-lib) <= Tolerance*max(1, math.Abs(lib)))
}

// Match returns the verdict on a comparison, remembering name if it failed.
func (l *Ledger) Match(name string, ok bool) string {
	if !ok {
		l.Fail(name)
		return "DISAGREE"
	}
	return "agree"
}

// Fail records a disagreement on name.
func (l *Ledger) Fail(name string) { l.bad = append(l.bad, name) }

// Err returns an error naming every quantity on which the hand calculation
// and the library disagreed, or nil.
func (l *Ledger) Err() error {
	if len(l.bad) > 0 {
		return fmt.Errorf("hand calculation and library disagree on %s", strings.Join(l.bad, ", "))
	}
	return nil
}
