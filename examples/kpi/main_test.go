package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestRun runs the walk-through, which computes every quantity both by hand
// and with package kpi and returns an error if any pair differs by more
// than a relative 1e-9. It also checks the key lines against independent
// values: the business hours of the ticket counted by hand (1 h on Friday
// and 1.5 h on Monday; 8 + 24 + 23 + 10.5 h on the 24/7 line, the Sunday
// of the change to summer time having 23 hours), R's cor.test for the
// Mann-Kendall statistic (testdata/reference.R: z = -2.7429, p = 0.006091)
// and the XmR limits 977/12 ± 2.66 × 33/11.
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatalf("run: %v\n%s", err, b.String())
	}
	out := b.String()
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^  Sun Mar 29 +0s +23h0m0s$`),
		regexp.MustCompile(`(?m)^  office hours \(h\) +2\.5000 +2\.5000  agree$`),
		regexp.MustCompile(`(?m)^  24/7 \(h\) +65\.5000 +65\.5000  agree$`),
		regexp.MustCompile(`(?m)^  rate per 1,000 +1\.4400 +1\.4400  agree$`),
		regexp.MustCompile(`(?m)^  S +-23\.0000 +-23\.0000  agree$`),
		regexp.MustCompile(`(?m)^  Z +-2\.7429 +-2\.7429  agree$`),
		regexp.MustCompile(`(?m)^  p +0\.0061 +0\.0061  agree$`),
		regexp.MustCompile(`(?m)^  limits +\[ 73\.437,  89\.397\] +\[ 73\.437,  89\.397\]  agree$`),
		regexp.MustCompile(`(?m)^  weeks beyond limits +\[10\] +\[10\]  agree$`),
		regexp.MustCompile(`(?m)^    2026-W10: 1 point beyond 3 sigma \(below\)$`),
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
