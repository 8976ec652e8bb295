package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestRun runs the walk-through, which computes every quantity both by hand
// and with the library and returns an error if any pair differs by more
// than a relative 1e-9. It also checks the key lines against R's survey
// package (testdata/reference.R): postStratify gives the weights 2, 0.75
// and 1/3, and svymean the weighted NPS -2.5 with standard error 36.838.
// Kish's n_eff = 10²/14.5833 = 6.857 follows from those weights.
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatalf("run: %v\n%s", err, b.String())
	}
	out := b.String()
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^  w_i, basic +2\.0000 +2\.0000  agree$`),
		regexp.MustCompile(`(?m)^  w_i, pro +0\.7500 +0\.7500  agree$`),
		regexp.MustCompile(`(?m)^  w_i, enterprise +0\.3333 +0\.3333  agree$`),
		regexp.MustCompile(`(?m)^  n_eff +6\.8571 +6\.8571  agree$`),
		regexp.MustCompile(`(?m)^  deff +1\.4583 +1\.4583  agree$`),
		regexp.MustCompile(`(?m)^  weighted NPS +-2\.5000 +-2\.5000  agree$`),
		regexp.MustCompile(`(?m)^  se +36\.838\d +36\.838\d  agree$`),
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
