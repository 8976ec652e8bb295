package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestRun runs the walk-through, which computes every quantity both by hand
// and with package churn and returns an error if any pair differs by more
// than a relative 1e-9 (and the fitted sBG parameters from the published
// ones by more than their rounding). It also checks the key lines against
// independent values: ChartMogul's MRR example (20% gross and 10% net MRR
// churn), R's survfit on the ten lifetimes (testdata/reference.R: S(6) =
// 0.4571, SE 0.1662, interval [0.224, 0.932]; S(9) = 0.3048, [0.104,
// 0.890]; median 6) and Fader and Hardie's α = 0.668, β = 3.806.
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatalf("run: %v\n%s", err, b.String())
	}
	out := b.String()
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^  churn \(B2B\) +0\.0600 +0\.0600  agree$`),
		regexp.MustCompile(`(?m)^  gross MRR churn +0\.2000 +0\.2000  agree$`),
		regexp.MustCompile(`(?m)^  net MRR churn +0\.1000 +0\.1000  agree$`),
		regexp.MustCompile(`(?m)^ +6 +6 +2 +0\.4571 +0\.1321 +0\.1662 +\[0\.224, 0\.932\]$`),
		regexp.MustCompile(`(?m)^ +9 +3 +1 +0\.3048 +0\.2988 +0\.1666 +\[0\.104, 0\.890\]$`),
		regexp.MustCompile(`(?m)^  S, SE and interval at all 7 times +agree$`),
		regexp.MustCompile(`(?m)^  median \(S <= 0\.5\) +6\.0000 +6\.0000  agree$`),
		regexp.MustCompile(`(?m)^  α \(3 decimals\) +0\.668 +0\.668\d  agree$`),
		regexp.MustCompile(`(?m)^  β \(3 decimals\) +3\.806 +3\.806\d  agree$`),
		regexp.MustCompile(`(?m)^  LL +-1611\.\d+ +-1611\.\d+  agree$`),
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
