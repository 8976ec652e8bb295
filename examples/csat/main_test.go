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
