package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestRun runs the walk-through, which computes every quantity both by hand
// and with package ces and returns an error if any pair differs by more
// than a relative 1e-9. It also checks the key lines against R
// (testdata/reference.R): t.test on the twenty CES 2.0 answers gives
// [4.4169, 5.9831], prop.test(15, 20, correct = FALSE) the Wilson interval
// [53.130, 88.814], and t.test on the fifteen effort answers [1.5651,
// 2.8349]; the net ease 60 ± 1.96 × 16.43 follows from the documented
// formula.
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatalf("run: %v\n%s", err, b.String())
	}
	out := b.String()
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^  CES t interval +\[  4\.417,   5\.983\] +\[  4\.417,   5\.983\]  agree$`),
		regexp.MustCompile(`(?m)^  Easy Wilson +\[ 53\.130,  88\.814\] +\[ 53\.130,  88\.814\]  agree$`),
		regexp.MustCompile(`(?m)^  NetEase +60\.0000 +60\.0000  agree$`),
		regexp.MustCompile(`(?m)^  NetEase Wald +\[ 27\.795,  92\.205\] +\[ 27\.795,  92\.205\]  agree$`),
		regexp.MustCompile(`(?m)^  CES t interval +\[  1\.565,   2\.835\] +\[  1\.565,   2\.835\]  agree$`),
		regexp.MustCompile(`The mean effort is lower-is-better`),
		regexp.MustCompile(`(?m)^  Improvement +0\.3000 +0\.3000  agree$`),
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
