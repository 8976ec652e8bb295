package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestRun runs the walk-through, which computes every quantity both by hand
// and with package csat and returns an error if any pair differs by more
// than a relative 1e-9. It also checks the key lines against independent
// values: CSAT 71.4 (the package documentation's example) and, from R
// (testdata/reference.R), prop.test(80, 112, correct = FALSE)'s Wilson
// interval [62.461, 78.975], binom.test's Clopper-Pearson interval [62.122,
// 79.567] and t.test's interval [3.751, 4.196] for the mean rating.
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatalf("run: %v\n%s", err, b.String())
	}
	out := b.String()
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^CSAT = 100 x/n = 71\.43, `),
		regexp.MustCompile(`(?m)^  wilson +\[ 62\.461,  78\.975\] +\[ 62\.461,  78\.975\]  agree$`),
		regexp.MustCompile(`(?m)^  clopper-pearson +\[ 62\.122,  79\.567\] +\[ 62\.122,  79\.567\]  agree$`),
		regexp.MustCompile(`(?m)^  t interval +\[  3\.751,   4\.196\] +\[  3\.751,   4\.196\]  agree$`),
		regexp.MustCompile(`(?m)^  n +323 +323  agree$`),
	} {
		if !want.MatchString(out) {
			t.Errorf("output lacks %v", want)
		}
	}
	checkOutput(t, out)
}

// checkOutput checks what every walk-through promises: a short output,
// no disagreement and no NaN or formatting error.
func checkOutput(t *testing.T, out string) {
	t.Helper()
	if n := strings.Count(out, "\n"); n > 60 {
		t.Errorf("output has %d lines, want at most 60", n)
	}
	if n := strings.Count(out, "agree\n"); n < 10 {
		t.Errorf("output compares %d quantities, want at least 10", n)
	}
	for _, bad := range []string{"DISAGREE", "NaN", "Inf", "%!"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q", bad)
		}
	}
	if t.Failed() {
		t.Log(out)
	}
}

// TestLedger checks that the ledger reports a disagreement, in a row or in
// either bound of an interval, so that run's nil error means something.
func TestLedger(t *testing.T) {
	var b bytes.Buffer
	l := &ledger{w: &b}
	l.row("same", 1.25, 1.25+1e-12)
	l.interval("same interval", 1, 2, 1, 2)
	if err := l.err(); err != nil {
		t.Errorf("after agreements, err() = %v, want nil", err)
	}
	l.row("different", 1.25, 1.2501)
	l.interval("i", 1, 2, 1.1, 2)
	l.interval("j", 1, 2, 1, 2.1)
	err := l.err()
	if err == nil || !strings.Contains(err.Error(), "different, i lower, j upper") {
		t.Errorf("after three disagreements, err() = %v, want one naming them", err)
	}
	if n := strings.Count(b.String(), "DISAGREE"); n != 3 {
		t.Errorf("ledger output flags %d disagreements, want 3:\n%s", n, b.String())
	}
}
