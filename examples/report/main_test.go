package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const sampleExport = "../quickstart/data/survey.csv"
const sampleSubscriptions = "../quickstart/data/subscriptions.csv"

// result is what a run of the program left behind.
type result struct {
	dir            string
	stdout, stderr string
	report         Report
	rejects        [][]string // rejects.csv, header first
}

// runReport runs the program with args and -out set to a fresh folder,
// and reads back its outputs. It fails the test if the run fails.
func runReport(t *testing.T, args ...string) result {
	t.Helper()
	r, err := tryReport(t, nil, args...)
	if err != nil {
		t.Fatalf("run %q: %v\nstderr: %s", args, err, r.stderr)
	}
	return r
}

func tryReport(t *testing.T, stdin io.Reader, args ...string) (result, error) {
	t.Helper()
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	err := run(append(args, "-out", dir), env{stdin: stdin, stdout: &stdout, stderr: &stderr})
	r := result{dir: dir, stdout: stdout.String(), stderr: stderr.String()}
	if err != nil {
		return r, err
	}
	js, err := os.ReadFile(filepath.Join(dir, jsonFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(js, &r.report); err != nil {
		t.Fatalf("report.json does not decode: %v", err)
	}
	f, err := os.Open(filepath.Join(dir, rejectsFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if r.rejects, err = csv.NewReader(f).ReadAll(); err != nil {
		t.Fatalf("rejects.csv: %v", err)
	}
	return r, nil
}

// writeFile writes a test input and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// tally is an independent count of what a CSV holds, for checking the
// report: the test computes it from the rows it generated, without the
// library.
type tally struct {
	rows                              int
	promoters, passives, detractors   int
	csatN, satisfied                  int
	cesN, cesSum                      int
	perSegment                        map[string]int
	weightSum, weightSq, weightedProm float64
	weightedDet, weightedNPS          float64
}

// genExport writes n rows of a synthetic export in the default layout,
// answers given as numbers or labels, some left empty, and returns the
// independent tally of them.
func genExport(w io.Writer, n int, seed uint64) tally {
	rng := rand.New(rand.NewPCG(seed, 1))
	channels := []string{"chat", "email", "phone", "web shop"}
	npsLabels := map[int]string{0: "Not at all likely", 10: "Extremely likely"}
	csatLabels := []string{"", "Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"}
	agree := []string{"", "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"}
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "time", "channel", "nps", "csat", "ces", "q1", "q2", "q3", "weight"})
	tl := tally{perSegment: map[string]int{}}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		ch := channels[rng.IntN(len(channels))]
		ts := start.Add(time.Duration(rng.Int64N(int64(365 * 24 * time.Hour)))).Format(time.RFC3339)
		rec := []string{strconv.Itoa(i + 1), ts, ch, "", "", "", "", "", "", ""}
		s := rng.IntN(11)
		if lab, ok := npsLabels[s]; ok && rng.IntN(2) == 0 {
			rec[3] = lab
		} else {
			rec[3] = strconv.Itoa(s)
		}
		wgt := 0.5 + rng.Float64()
		rec[9] = strconv.FormatFloat(wgt, 'g', -1, 64)
		switch {
		case s >= 9:
			tl.promoters++
			tl.weightedProm += wgt
		case s >= 7:
			tl.passives++
		default:
			tl.detractors++
			tl.weightedDet += wgt
		}
		tl.weightSum += wgt
		tl.weightSq += wgt * wgt
		c := 1 + rng.IntN(5)
		if rng.IntN(3) == 0 {
			rec[4] = csatLabels[c]
		} else {
			rec[4] = strconv.Itoa(c)
		}
		tl.csatN++
		if c >= 4 {
			tl.satisfied++
		}
		if rng.IntN(10) > 0 { // CES is skipped by one in ten
			e := 1 + rng.IntN(7)
			rec[5] = strconv.Itoa(e)
			tl.cesN++
			tl.cesSum += e
		}
		for q := 6; q <= 8; q++ {
			if rng.IntN(20) == 0 {
				continue
			}
			a := 1 + rng.IntN(5)
			if rng.IntN(2) == 0 {
				rec[q] = agree[a]
			} else {
				rec[q] = strconv.Itoa(a)
			}
		}
		_ = cw.Write(rec)
		tl.rows++
		tl.perSegment[ch]++
	}
	cw.Flush()
	tl.weightedNPS = 100 * (tl.weightedProm - tl.weightedDet) / tl.weightSum
	return tl
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// TestGenerated runs the program on a generated export and checks every
// headline figure against the test's own count of the rows.
func TestGenerated(t *testing.T) {
	var buf bytes.Buffer
	want := genExport(&buf, 2000, 1)
	in := writeFile(t, "export.csv", buf.String())
	r := runReport(t, "-in", in)
	rep := r.report
	if rep.Input.Rows != int64(want.rows) || rep.Input.Accepted != int64(want.rows) || rep.Input.Rejected != 0 {
		t.Fatalf("rows %d accepted %d rejected %d, want %d, %d, 0", rep.Input.Rows, rep.Input.Accepted, rep.Input.Rejected, want.rows, want.rows)
	}
	if rep.Input.Accepted+rep.Input.Rejected != rep.Input.Rows {
		t.Errorf("accepted %d + rejected %d != rows %d", rep.Input.Accepted, rep.Input.Rejected, rep.Input.Rows)
	}
	o := rep.Overall
	nps := 100 * float64(want.promoters-want.detractors) / float64(want.rows)
	if o.NPS == nil || !near(o.NPS.Value, nps, 1e-9) || o.NPS.N != int64(want.rows) {
		t.Errorf("overall NPS = %+v, want %v on %d", o.NPS, nps, want.rows)
	}
	csat := 100 * float64(want.satisfied) / float64(want.csatN)
	if o.CSAT == nil || !near(o.CSAT.Value, csat, 1e-9) || o.CSAT.N != int64(want.csatN) {
		t.Errorf("overall CSAT = %+v, want %v on %d", o.CSAT, csat, want.csatN)
	}
	ces := float64(want.cesSum) / float64(want.cesN)
	if o.CES == nil || !near(o.CES.Value, ces, 1e-9) || o.CES.N != int64(want.cesN) {
		t.Errorf("overall CES = %+v, want %v on %d", o.CES, ces, want.cesN)
	}
	got := map[string]int{}
	var sum int64
	for _, s := range rep.BySegment {
		got[s.Segment] = int(s.Rows)
		sum += s.Rows
	}
	if d := cmp.Diff(want.perSegment, got); d != "" {
		t.Errorf("rows per segment (-want +got):\n%s", d)
	}
	var periodRows, cellRows int64
	for _, p := range rep.ByPeriod {
		periodRows += p.Rows
	}
	for _, c := range rep.BySegmentPeriod {
		cellRows += c.Rows
	}
	if sum != rep.Input.Accepted || periodRows != rep.Input.Accepted || cellRows != rep.Input.Accepted {
		t.Errorf("rows by segment %d, by period %d, by segment and period %d; want %d each", sum, periodRows, cellRows, rep.Input.Accepted)
	}
	if len(rep.ByPeriod) != 12 || rep.ByPeriod[0].Period.String() != "2025-01" {
		t.Errorf("periods %v, want the 12 months of 2025", rep.ByPeriod)
	}
	if rep.Items == nil || len(rep.Items.Items) != 3 || rep.Items.Reliability == nil {
		t.Fatalf("items %+v, want q1 to q3 with their reliability", rep.Items)
	}
	if len(r.rejects) != 1 {
		t.Errorf("rejects.csv has %d lines, want the header only", len(r.rejects))
	}
	if !strings.Contains(r.stderr, `ignoring columns "id", "weight"`) {
		t.Errorf("stderr %q does not name the ignored columns", r.stderr)
	}

	// The same export, weighted: the NPS is the weighted one and reports
	// Kish's effective n, with the unweighted figures beside it.
	w := runReport(t, "-in", in, "-weight", "weight")
	wo := w.report.Overall
	neff := want.weightSum * want.weightSum / want.weightSq
	if !w.report.Settings.Weighted || wo.NPS == nil || !near(wo.NPS.Value, want.weightedNPS, 1e-9) || !near(wo.NPS.EffectiveN, neff, 1e-6) {
		t.Errorf("weighted NPS = %+v, want %v with n_eff %v", wo.NPS, want.weightedNPS, neff)
	}
	if wo.Unweighted == nil || wo.Unweighted.NPS == nil || !near(wo.Unweighted.NPS.Value, nps, 1e-9) {
		t.Errorf("unweighted NPS beside the weighted = %+v, want %v", wo.Unweighted, nps)
	}
	html, err := os.ReadFile(filepath.Join(w.dir, htmlFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(html, []byte("n_eff")) {
		t.Error("the weighted HTML report does not show n_eff")
	}
}

// TestSample runs the acceptance command on the sample export.
func TestSample(t *testing.T) {
	r := runReport(t, "-in", sampleExport, "-reverse", "q5", "-tz", "Europe/Berlin", "-subscriptions", sampleSubscriptions)
	rep := r.report
	// Count the sample's data rows independently of the program.
	f, err := os.Open(sampleExport)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if n := int64(len(recs) - 1); rep.Input.Rows != n || rep.Input.Accepted != n || rep.Input.Rejected != 0 {
		t.Errorf("rows %d, accepted %d, rejected %d; want %d, %d, 0", rep.Input.Rows, rep.Input.Accepted, rep.Input.Rejected, n, n)
	}
	for _, f := range []string{htmlFile, jsonFile, rejectsFile, "nps-by-channel.svg", "csat-by-channel.svg", "ces-by-channel.svg",
		"likert-items.svg", "csat-p-chart.svg", "cohorts.svg", "survival.svg"} {
		if _, err := os.Stat(filepath.Join(r.dir, f)); err != nil {
			t.Errorf("output %s: %v", f, err)
		}
	}
	if len(rep.BySegment) != 4 || len(rep.ByPeriod) != 12 {
		t.Errorf("%d segments and %d periods, want 4 channels and 12 months", len(rep.BySegment), len(rep.ByPeriod))
	}
	// The sample has a real change: chat's NPS falls when the chat bot
	// arrives in June 2026.
	found := false
	for _, c := range rep.Changes {
		if c.Segment == "chat" && c.Metric == "nps" && c.To.String() == "2026-06" {
			found = c.Significant && !c.Improvement && c.Difference < -20
		}
	}
	if !found {
		t.Error("the significant fall of chat's NPS in 2026-06 is not among the changes")
	}
	if a := rep.Items.Reliability.Alpha.Value; a < 0.8 {
		t.Errorf("alpha %v with q5 reversed, want the sample's > 0.8", a)
	}
	if rep.Retention == nil || rep.Retention.Accepted != int64(2894) || len(rep.Retention.Survival) != 4 {
		t.Errorf("retention %+v, want the 2894 events and curves for all and 3 plans", rep.Retention)
	}
	if !strings.Contains(r.stdout, "3957 accepted, 0 rejected") {
		t.Errorf("stdout %q", r.stdout)
	}
}

// malformed is an export with one bad row of each kind, good rows between
// them, and a quoted segment that spans two lines, so that line numbers are
// those of the file, not of the records.
const malformed = `time,channel,nps,csat,ces,q1,q2
2026-01-05T10:00:00Z,chat,9,5,6,4,5
2026-01-06T10:00:00Z,chat,11,4,6,4,4
,email,7,4,5,3,3
2026-13-45T10:00:00Z,email,8,4,5,3,3
2026-01-07T10:00:00Z,phone,10,Meh,7,5,5
2026-01-08T10:00:00Z,phone,8,3,,2,
2026-01-09T10:00:00Z,web,6,3,4,2
2026-01-10T10:00:00Z,,6,3,4,2,2
2026-01-11T10:00:00Z,"web
shop",Extremely likely,Very satisfied,Strongly agree,Agree,agree
2026-01-12T10:00:00Z,web,9,5,8,5,5
2026-01-12T11:00:00Z,we"b,9,5,7,5,5
2026-02-01T10:00:00Z,chat,NA,,N/A,,
2026-02-02T10:00:00Z,chat,3,12,x,9,5
2026-02-03T10:00:00Z,email,0,1,1,1,1
`

// TestMalformed checks that each bad row is rejected with its line, column
// and value, and that every good row is in the figures.
func TestMalformed(t *testing.T) {
	in := writeFile(t, "bad.csv", malformed)
	r := runReport(t, "-in", in)
	rep := r.report
	type rej struct {
		Line          int
		Column, Value string
	}
	want := []rej{
		{3, "nps", "11"},
		{4, "time", ""},
		{5, "time", "2026-13-45T10:00:00Z"},
		{6, "csat", "Meh"},
		{8, "", ""},
		{9, "channel", ""},
		{12, "ces", "8"},
		{13, "", ""}, // a bare quote: malformed CSV
		{15, "csat", "12"},
	}
	var got []rej
	for _, x := range rep.Rejects.First {
		got = append(got, rej{x.Line, x.Column, x.Value})
		if x.Reason == "" || x.File != in {
			t.Errorf("reject %+v lacks its reason or file", x)
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("rejects (-want +got):\n%s", d)
	}
	// rejects.csv lists the same rows.
	if len(r.rejects) != len(want)+1 {
		t.Fatalf("rejects.csv has %d rows, want %d and the header", len(r.rejects)-1, len(want))
	}
	for i, w := range want {
		rec := r.rejects[i+1]
		if rec[1] != strconv.Itoa(w.Line) || rec[2] != w.Column || rec[3] != w.Value {
			t.Errorf("rejects.csv row %d = %q, want line %d column %q value %q", i+1, rec, w.Line, w.Column, w.Value)
		}
	}
	// Row 15 has three bad cells; its reason names the others.
	if last := rep.Rejects.First[len(rep.Rejects.First)-1]; !strings.Contains(last.Reason, `also bad: "ces", "q1"`) {
		t.Errorf("reason %q does not name the other bad cells", last.Reason)
	}
	if !strings.Contains(rep.Rejects.First[0].Reason, "0 to 10") {
		t.Errorf("reason for a score of 11 is %q", rep.Rejects.First[0].Reason)
	}

	// The good rows, counted by hand: lines 2, 7, 10-11 (one record), 14
	// and 16; line 14 answers nothing.
	const good = 5
	if rep.Input.Accepted != good || rep.Input.Rejected != int64(len(want)) || rep.Input.Rows != good+int64(len(want)) {
		t.Errorf("rows %d, accepted %d, rejected %d; want %d, %d, %d", rep.Input.Rows, rep.Input.Accepted, rep.Input.Rejected, good+len(want), good, len(want))
	}
	if rep.Input.NoAnswer != 1 {
		t.Errorf("no_answer = %d, want 1 (line 14)", rep.Input.NoAnswer)
	}
	// NPS answers of the good rows: 9, 8, 10 (a label), 0: two promoters,
	// a passive and a detractor.
	if o := rep.Overall.NPS; o == nil || o.N != 4 || !near(o.Value, 25, 1e-9) {
		t.Errorf("NPS of the good rows = %+v, want 25 on 4", o)
	}
	// CSAT: 5, 3, 5 (a label), 1: two of four satisfied.
	if o := rep.Overall.CSAT; o == nil || o.N != 4 || !near(o.Value, 50, 1e-9) {
		t.Errorf("CSAT of the good rows = %+v, want 50 on 4", o)
	}
	// CES: 6, (empty), 7 (a label), 1.
	if o := rep.Overall.CES; o == nil || o.N != 3 || !near(o.Value, 14.0/3, 1e-9) {
		t.Errorf("CES of the good rows = %+v, want 14/3 on 3", o)
	}
	segs := map[string]int64{}
	for _, s := range rep.BySegment {
		segs[s.Segment] = s.Rows
	}
	if d := cmp.Diff(map[string]int64{"chat": 2, "phone": 1, "web\nshop": 1, "email": 1}, segs); d != "" {
		t.Errorf("rows per segment (-want +got):\n%s", d)
	}
	if rep.Rejects.Rows != int64(len(want)) {
		t.Errorf("rejects.rows = %d, want %d", rep.Rejects.Rows, len(want))
	}
}

// TestHeaderMapping reads an export with other column names, answers as
// labels and another date layout through the flags, and checks the errors
// for a header that lacks a column.
func TestHeaderMapping(t *testing.T) {
	const export = "\ufeffWhen;Team;LTR;Sat;Effort;Extra\n" +
		"2026-03-01;Team A;9;Good;2;x\n" +
		"2026-03-02;Team A;3;Bad;4;x\n" +
		"2026-04-01;Team B;10;Good;1;x\n"
	in := writeFile(t, "mapped.csv", strings.ReplaceAll(export, ";", ","))
	r := runReport(t, "-in", in, "-time", "when", "-segment", "Team", "-nps", "LTR", "-csat", "Sat", "-csat-scale", "binary",
		"-ces", "Effort", "-ces-scale", "effort5", "-date-format", "date", "-period", "quarter", "-items", "")
	rep := r.report
	if rep.Input.Accepted != 3 || rep.Input.Rejected != 0 {
		t.Fatalf("accepted %d, rejected %d, want 3, 0; rejects %+v", rep.Input.Accepted, rep.Input.Rejected, rep.Rejects.First)
	}
	if len(rep.ByPeriod) != 2 || rep.ByPeriod[0].Period.String() != "2026-Q1" {
		t.Errorf("periods %+v, want 2026-Q1 and 2026-Q2", rep.ByPeriod)
	}
	if o := rep.Overall.CSAT; o == nil || !near(o.Value, 200.0/3, 1e-9) {
		t.Errorf("CSAT = %+v, want 2 of 3 good", o)
	}
	if rep.Settings.CESDirection.String() != "lower-is-better" {
		t.Errorf("CES direction %v on effort5", rep.Settings.CESDirection)
	}
	if d := cmp.Diff([]string{"Extra"}, rep.Input.Ignored); d != "" {
		t.Errorf("ignored columns (-want +got):\n%s", d)
	}

	// Without the flags, the header lacks the time column: a fatal error
	// that lists the header and names the flag.
	fatal, err := tryReport(t, nil, "-in", in)
	if err == nil || !strings.Contains(err.Error(), `"When", "Team", "LTR"`) || !strings.Contains(err.Error(), "-time") {
		t.Errorf("error %v, want one that lists the header and names -time", err)
	}
	if _, err := os.Stat(filepath.Join(fatal.dir, rejectsFile)); !os.IsNotExist(err) {
		t.Errorf("a fatal header error left %s behind (%v)", rejectsFile, err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-time", "When"}, "-segment"},
		{[]string{"-time", "When", "-segment", "Team", "-nps", "Score"}, "-nps"},
		{[]string{"-time", "When", "-segment", "Team", "-weight", "w"}, "-weight"},
		{[]string{"-time", "When", "-segment", "Team", "-items", "q1"}, "-items"},
		{[]string{"-time", "When", "-segment", "Team", "-items", "LTR,LTR"}, "twice"},
		{[]string{"-time", "When", "-segment", "Team", "-items", "LTR", "-reverse", "Sat"}, "-reverse"},
		{[]string{"-time", "When", "-segment", ""}, "no answer column"},
	} {
		_, err := tryReport(t, nil, append([]string{"-in", in}, tc.args...)...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want one that mentions %s", tc.args, err, tc.want)
		}
	}
	dup := writeFile(t, "dup.csv", "time,channel,nps,NPS\n2026-01-01T00:00:00Z,a,1,2\n")
	if _, err := tryReport(t, nil, "-in", dup); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("duplicate column: error %v", err)
	}
}

// TestNoSegments reads an export without a segment column from standard
// input, with weights, and a time layout with a zone-less time.
func TestNoSegments(t *testing.T) {
	const export = "time,nps,w\n" +
		"2026-01-01 10:00:00,9,1\n" +
		"2026-01-01 23:30:00,10,2\n" +
		"2026-01-02 00:30:00,0,1\n" +
		"2026-01-02 08:00:00,5,-1\n" +
		"2026-01-02 09:00:00,5,\n" +
		"2026-01-02 09:30:00,5,heavy\n"
	r, err := tryReport(t, strings.NewReader(export), "-in", "-", "-segment", "", "-weight", "w", "-date-format", "datetime",
		"-tz", "Europe/Berlin", "-period", "day")
	if err != nil {
		t.Fatal(err)
	}
	rep := r.report
	if rep.Input.File != "standard input" || rep.Input.Accepted != 3 || rep.Input.Rejected != 3 {
		t.Fatalf("input %+v, want 3 good rows and 3 bad weights from standard input", rep.Input)
	}
	for _, x := range rep.Rejects.First {
		if x.Column != "w" {
			t.Errorf("reject %+v, want the weight column", x)
		}
	}
	// Berlin days: 10:00 and 23:30 on Jan 1 are both on Jan 1 in Berlin
	// (the times are Berlin times), 00:30 on Jan 2.
	if len(rep.ByPeriod) != 2 || rep.ByPeriod[0].Rows != 2 {
		t.Errorf("days %+v, want 2 then 1", rep.ByPeriod)
	}
	if len(rep.BySegment) != 1 || rep.BySegment[0].Segment != "all" {
		t.Errorf("segments %+v, want one, all", rep.BySegment)
	}
	if o := rep.Overall.NPS; o == nil || !near(o.Value, 100*(3.0-1)/4, 1e-9) || !near(o.EffectiveN, 16.0/6, 1e-9) {
		t.Errorf("weighted NPS = %+v, want 50 with n_eff 16/6", o)
	}
	if _, err := os.Stat(filepath.Join(r.dir, "nps-over-time.svg")); err != nil {
		t.Error(err)
	}
}

func TestFlags(t *testing.T) {
	in := writeFile(t, "x.csv", "time,channel,nps\n2026-01-01T00:00:00Z,a,1\n")
	for _, tc := range []struct {
		args  []string
		want  string
		usage bool
	}{
		{[]string{}, "-in is required", true},
		{[]string{"-in", in, "extra"}, "unexpected argument", true},
		{[]string{"-in", in, "-nosuchflag"}, "nosuchflag", true},
		{[]string{"-h"}, "usage", true},
		{[]string{"-in", in, "-time", ""}, "-time", true},
		{[]string{"-in", in, "-csat-scale", "1-6"}, "-csat-scale", false},
		{[]string{"-in", in, "-ces-scale", "x"}, "-ces-scale", false},
		{[]string{"-in", in, "-item-scale", "x"}, "-item-scale", false},
		{[]string{"-in", in, "-item-scale", "5-1"}, "-item-scale", false},
		{[]string{"-in", in, "-period", "decade"}, "-period", false},
		{[]string{"-in", in, "-tz", "Mars/Olympus"}, "-tz", false},
		{[]string{"-in", in, "-level", "1.5"}, "-level", false},
		{[]string{"-in", in, "-date-format", "dd.mm.yyyy"}, "-date-format", false},
		{[]string{"-in", in, "-max-rejects", "-1"}, "-max-rejects", false},
		{[]string{"-in", in, "-progress", "0"}, "-progress", false},
		{[]string{"-in", filepath.Join(t.TempDir(), "missing.csv")}, "no such file", false},
		{[]string{"-in", writeFile(t, "empty.csv", "")}, "empty", false},
		{[]string{"-in", in, "-subscriptions", writeFile(t, "s.csv", "customer,when\n")}, "kind", false},
	} {
		_, err := tryReport(t, nil, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) || errors.Is(err, errUsage) != tc.usage {
			t.Errorf("%q: error %v, want one that mentions %q (usage error: %v)", tc.args, err, tc.want, tc.usage)
		}
	}
	// Flags that are fine.
	for _, args := range [][]string{
		{"-item-scale", "0-10"}, {"-item-scale", "satisfied7"}, {"-ces-scale", "1-5"}, {"-ces-scale", "1-7"},
		{"-date-format", "2006-01-02T15:04:05Z07:00"}, {"-csat-scale", "1-10"}, {"-tz", "Local"},
	} {
		if _, err := tryReport(t, nil, append([]string{"-in", in}, args...)...); err != nil {
			t.Errorf("%q: %v", args, err)
		}
	}
}

// TestProgress checks the progress line on a terminal.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	genExport(&buf, 250, 2)
	in := writeFile(t, "p.csv", buf.String())
	var stderr bytes.Buffer
	var ticks []int64
	err := run([]string{"-in", in, "-out", t.TempDir(), "-progress", "100"},
		env{stdout: io.Discard, stderr: &stderr, terminal: true, hook: func(n int64) { ticks = append(ticks, n) }})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]int64{100, 200}, ticks); d != "" {
		t.Errorf("progress ticks (-want +got):\n%s", d)
	}
	if got := stderr.String(); !strings.Contains(got, "\rread 200 rows (") || !strings.Contains(got, "0 rejected") {
		t.Errorf("stderr %q, want a progress line", got)
	}
}

// TestSubscriptionRejects checks the subscription log's own rejects,
// including an event that makes a history impossible.
func TestSubscriptionRejects(t *testing.T) {
	in := writeFile(t, "s.csv", "time,channel,nps\n2026-01-01T00:00:00Z,a,9\n2026-02-01T00:00:00Z,a,3\n")
	subs := writeFile(t, "subs.csv", strings.Join([]string{
		"customer,time,kind,plan,mrr",
		"c1,2026-01-01T00:00:00Z,start,basic,10",
		"c2,2026-01-03T00:00:00Z,start,pro,20",
		"c1,2026-02-01T00:00:00Z,cancel,basic,0",
		"c3,2026-02-02T00:00:00Z,cancel,pro,0", // impossible: never started
		",2026-02-02T00:00:00Z,start,pro,10",
		"c4,yesterday,start,pro,10",
		"c4,2026-02-02T00:00:00Z,pause,pro,10",
		"c4,2026-02-02T00:00:00Z,start,pro,-5",
		"c4,2026-02-02T00:00:00Z,start,pro",
		"c5,2026-03-01T00:00:00Z,start,basic,10",
		"c2,2026-03-15T00:00:00Z,payment,pro,30",
	}, "\n")+"\n")
	r := runReport(t, "-in", in, "-subscriptions", subs)
	ret := r.report.Retention
	if ret == nil {
		t.Fatal("no retention section")
	}
	if ret.Rows != 11 || ret.Accepted != 5 || ret.Rejected != 6 {
		t.Errorf("subscription rows %d, accepted %d, rejected %d; want 11, 5, 6", ret.Rows, ret.Accepted, ret.Rejected)
	}
	lines := map[int]string{}
	for _, x := range r.report.Rejects.First {
		if x.File == subs {
			lines[x.Line] = x.Column
		}
	}
	want := map[int]string{5: "", 6: "customer", 7: "time", 8: "kind", 9: "mrr", 10: ""}
	if d := cmp.Diff(want, lines); d != "" {
		t.Errorf("subscription rejects by line (-want +got):\n%s", d)
	}
	if len(ret.Survival) != 3 || ret.Cohorts == nil {
		t.Errorf("survival %+v, cohorts %v: want all, basic and pro, and a cohort table", ret.Survival, ret.Cohorts)
	}
	if r.report.Rejects.Rows != 6 || r.report.Input.Rejected != 0 {
		t.Errorf("rejects %d (survey %d), want the 6 of the subscription log", r.report.Rejects.Rows, r.report.Input.Rejected)
	}
}

// TestManyRejects checks that only -max-rejects rejects are kept in memory
// while rejects.csv has them all.
func TestManyRejects(t *testing.T) {
	var b strings.Builder
	b.WriteString("time,channel,nps\n")
	for i := range 50 {
		fmt.Fprintf(&b, "2026-01-01T00:00:00Z,a,%d\n", 5+i%2*10) // 5 or 15
	}
	r := runReport(t, "-in", writeFile(t, "m.csv", b.String()), "-max-rejects", "10")
	if r.report.Input.Rejected != 25 || len(r.report.Rejects.First) != 10 || len(r.rejects) != 26 {
		t.Errorf("rejected %d, kept %d, in rejects.csv %d; want 25, 10, 25", r.report.Input.Rejected, len(r.report.Rejects.First), len(r.rejects)-1)
	}
	if r.report.Overall.NPS == nil || r.report.Overall.NPS.N != 25 {
		t.Errorf("NPS %+v, want 25 good rows", r.report.Overall.NPS)
	}
}

// TestNoGoodRows checks the report of an export with no data rows and of
// one whose rows are all bad: outputs are written, without figures.
func TestNoGoodRows(t *testing.T) {
	for name, export := range map[string]string{
		"empty":  "time,channel,nps,csat,ces\n",
		"allbad": "time,channel,nps,csat,ces\n,a,1,1,1\n2026-01-01T00:00:00Z,b,12,1,1\n",
	} {
		r := runReport(t, "-in", writeFile(t, name+".csv", export))
		rep := r.report
		if rep.Input.Accepted != 0 || rep.Input.Rejected != rep.Input.Rows || rep.Overall.NPS != nil || len(rep.ByPeriod) != 0 {
			t.Errorf("%s: input %+v, overall %+v", name, rep.Input, rep.Overall)
		}
		if !strings.Contains(strings.Join(rep.Notes, "\n"), "no row was accepted") {
			t.Errorf("%s: notes %q", name, rep.Notes)
		}
		b, err := os.ReadFile(filepath.Join(r.dir, htmlFile))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := checkPage(b); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestManySegments checks an export with ten segments and only NPS: the
// trend chart draws the eight largest, and the tables have NPS columns
// only.
func TestManySegments(t *testing.T) {
	var b strings.Builder
	b.WriteString("time,team,nps\n")
	for i := range 10 {
		for j := range 3 + i { // team i has 3 + i answers in each of two months
			fmt.Fprintf(&b, "2026-01-%02dT10:00:00Z,team %d,%d\n", 1+j, i, j%11)
			fmt.Fprintf(&b, "2026-02-%02dT10:00:00Z,team %d,%d\n", 1+j, i, (j+5)%11)
		}
	}
	r := runReport(t, "-in", writeFile(t, "teams.csv", b.String()), "-segment", "team")
	if len(r.report.BySegment) != 10 || r.report.Input.Accepted != 2*(3*10+45) {
		t.Fatalf("%d segments, %d rows", len(r.report.BySegment), r.report.Input.Accepted)
	}
	svg, err := os.ReadFile(filepath.Join(r.dir, "nps-by-team.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(svg, []byte("The 8 largest of 10 segments are drawn")) {
		t.Error("the chart's description does not say that it draws 8 of 10 segments")
	}
	for i := range 10 {
		drawn := bytes.Contains(svg, []byte(fmt.Sprintf(">team %d<", i)))
		if want := i >= 2; drawn != want {
			t.Errorf("team %d drawn: %v, want %v", i, drawn, want)
		}
	}
	html, err := os.ReadFile(filepath.Join(r.dir, htmlFile))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(html, []byte("CSAT %")) || bytes.Contains(html, []byte("CES easy")) || !bytes.Contains(html, []byte("<th>NPS</th>")) {
		t.Error("the tables of an NPS-only export have CSAT or CES columns, or no NPS column")
	}
	if !strings.Contains(strings.Join(r.report.Notes, "\n"), `no column "csat"`) {
		t.Errorf("notes %q do not say that CSAT is left out", r.report.Notes)
	}
}
