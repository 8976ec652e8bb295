package handcheck

import (
	"bytes"
	"strings"
	"testing"
)

// TestLedger checks that agreements pass and that every kind of row reports
// a disagreement, so that the example programs' checks can fail.
func TestLedger(t *testing.T) {
	var b bytes.Buffer
	l := &Ledger{W: &b}
	l.Header("library")
	l.Row("same", 1.25, 1.25+1e-12)
	l.Interval("same interval", 1, 2, 1, 2)
	l.Pair("same pair", 1, 2, 1, 2)
	l.Near("published", 0.668, 0.66812, 0.0005)
	l.List("weeks", []int{3, 5}, []int{3, 5})
	if err := l.Err(); err != nil {
		t.Errorf("after agreements, Err() = %v, want nil", err)
	}
	l.Rowf("different", 1.25, 1.2501, 2)
	l.Interval("i", 1, 2, 1.1, 2)
	l.Interval("j", 1, 2, 1, 2.1)
	l.Pair("p", 1, 2, 1, 3)
	l.Near("n", 0.668, 0.67, 0.0005)
	l.List("w", []int{3}, []int{4})
	l.Fail("by hand")
	err := l.Err()
	want := "different, i lower, j upper, p (second), n, w, by hand"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("after disagreements, Err() = %v, want one naming %s", err, want)
	}
	if n := strings.Count(b.String(), "DISAGREE"); n != 6 {
		t.Errorf("output flags %d disagreements, want 6:\n%s", n, b.String())
	}
}
