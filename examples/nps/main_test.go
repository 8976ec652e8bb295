package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestRun runs the walk-through, which computes every quantity both by hand
// and with package nps and returns an error if any pair differs by more than
// a relative 1e-9. It also checks the key lines against the values that the
// package documentation quotes from the R package NPS (NPS 33.3, Var 5/9,
// SE 30.4 for the answers 0, 7, 7, 9, 9, 9) and from its SampleSize example
// (938 responses).
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatalf("run: %v\n%s", err, b.String())
	}
	out := b.String()
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^NPS = 100 \(p₊ - p₋\) .*= 33\.33$`),
		regexp.MustCompile(`(?m)^Var = .*= 0\.5556$`),
		regexp.MustCompile(`(?m)^SE  = .*= 30\.43$`),
		regexp.MustCompile(`(?m)^  NPS +33\.3333 +33\.3333  agree$`),
		regexp.MustCompile(`(?m)^  Wald +\[-26\.306,  92\.973\] +\[-26\.306,  92\.973\]  agree$`),
		regexp.MustCompile(`(?m)^  adjusted Wald +\[-26\.743,  71\.188\] +\[-26\.743,  71\.188\]  agree$`),
		regexp.MustCompile(`(?m)^  P +0\.0370 +0\.0370  agree$`),
		regexp.MustCompile(`(?m)^  n +938 +938  agree$`),
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
