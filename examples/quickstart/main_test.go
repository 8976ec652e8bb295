package main

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
)

// TestReport runs the quickstart and checks that the report finds what the
// sample data were made to show (see gen/main.go): the drop in chat's NPS
// after the bot arrived in June 2026, the December dip, the enterprise
// plan's over-representation, the reverse-keyed item, and the
// short-staffed September in support.
func TestReport(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^2026-06 .* -1\d\.\d \(p = 0\.0\d\d\)`),                  // June's fall flagged
		regexp.MustCompile(`(?m)^2026-01 .* \+1\d\.\d \(p = 0\.0\d\d\)`),                 // recovery from December flagged
		regexp.MustCompile(`(?m)^chat .*-3\d\.\d \[-\d\d\.\d, -\d\d\.\d\].*significant`), // chat before/after
		regexp.MustCompile(`(?m)^phone .* 0\.\d{4}\s*$`),                                 // phone: no significant change
		regexp.MustCompile(`under-represented: \[basic\]`),
		regexp.MustCompile(`NPS post-stratified to 60/30/10 plans: -1\d\.\d`),
		regexp.MustCompile(`I had to explain my problem twice \(reversed\)`),
		regexp.MustCompile(`Cronbach's alpha 0\.8\d\d \[0\.8\d\d, 0\.8\d\d\]`),
		regexp.MustCompile(`(?m)^ +2026-11 +56 +100`), // the last cohort has only its first month
		regexp.MustCompile(`Fitted to \d+ monthly cohorts: alpha = 0\.\d+, beta = \d\.\d+`),
		regexp.MustCompile(`(?m)^P\d{5} +\d+ `), // customers ranked by value
		regexp.MustCompile(`(?m)^email +1261 `),
		regexp.MustCompile(`2026-W3[789]: 1 point beyond 3 sigma \(above\)`), // September's slow replies
	} {
		if !want.MatchString(out) {
			t.Errorf("report lacks %v", want)
		}
	}
	for _, bad := range []string{"NaN", "Inf", "%!"} {
		if strings.Contains(out, bad) {
			t.Errorf("report contains %q", bad)
		}
	}
	if t.Failed() {
		t.Log(out)
	}
}

func BenchmarkReport(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := run(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
