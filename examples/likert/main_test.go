package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestRun runs the walk-through, which computes every quantity both by hand
// and with package likert and returns an error if any pair differs by more
// than a relative 1e-9. It also checks the key lines against R
// (testdata/reference.R): psych::alpha gives raw_alpha 0.8328 and, without
// each item, 0.6773, 0.9398, 0.7678 and 0.7018; wilcox.test gives W = 58.5
// and p = 0.0286 (normal approximation with continuity correction).
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatalf("run: %v\n%s", err, b.String())
	}
	out := b.String()
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^  Q3 I had to explain my problem twice \(R\) +\[2 1 4 2 4 2 3 3 2 1\] scored \[4 5 2 4 2 4 3 3 4 5\]$`),
		regexp.MustCompile(`(?m)^  alpha +0\.8328 +0\.8328  agree$`),
		regexp.MustCompile(`(?m)^  Feldt interval +\[  0\.560,   0\.953\] +\[  0\.560,   0\.953\]  agree$`),
		regexp.MustCompile(`(?m)^  alpha without Q1 +0\.6773 +0\.6773  agree$`),
		regexp.MustCompile(`(?m)^  alpha without Q2 +0\.9398 +0\.9398  agree$`),
		regexp.MustCompile(`(?m)^  alpha without Q3 +0\.7678 +0\.7678  agree$`),
		regexp.MustCompile(`(?m)^  alpha without Q4 +0\.7018 +0\.7018  agree$`),
		regexp.MustCompile(`(?m)^  U +58\.5000 +58\.5000  agree$`),
		regexp.MustCompile(`(?m)^  p +0\.0286 +0\.0286  agree$`),
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
