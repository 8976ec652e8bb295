// Command report reads a survey export (a CSV file with one answer per row)
// and writes a self-contained HTML report with charts, the same figures as
// JSON, and the list of the rows it rejected:
//
//	go run ./examples/report -in survey.csv -out report
//
// It computes NPS, CSAT and CES with confidence intervals overall, per
// segment (a channel, a team) and per period, flags the significant changes
// from one period to the next, analyses a Likert questionnaire (item
// distributions and Cronbach's alpha), draws a p-chart of the share of
// satisfied answers and, given a subscription event log with
// -subscriptions, cohort retention and survival curves.
//
// Bad rows do not stop it: a row with a bad cell (a score of 11, an empty
// time, a date it cannot read, an unknown label) is left out and listed with
// its line, column, value and reason, and every good row is counted. The
// export streams through: memory depends on the number of segments and
// periods, not on the number of rows. See README.md for the column layout
// and the flags.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	_ "time/tzdata" // -tz works on machines without a zoneinfo database
)

// env is the program's surroundings, so that tests can run it.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	terminal       bool             // standard error is a terminal: show progress
	hook           func(rows int64) // called with the progress line, for tests
}

func main() {
	e := env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, terminal: isTerminal(os.Stderr)}
	if err := run(os.Args[1:], e); err != nil {
		if errors.Is(err, errUsage) {
			if msg := strings.TrimPrefix(err.Error(), errUsage.Error()+": "); msg != errUsage.Error() {
				fmt.Fprintln(os.Stderr, "report:", msg)
			}
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

// isTerminal reports whether f is a terminal (a character device), without
// a dependency on golang.org/x/term.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Output file names, in the -out folder.
const (
	htmlFile    = "report.html"
	jsonFile    = "report.json"
	rejectsFile = "rejects.csv"
)

// run is the program: it parses args, reads the export and writes the
// outputs.
func run(args []string, e env) error {
	start := time.Now()
	c, err := parseFlags(args, e.stderr)
	if err != nil {
		return err
	}
	var in io.Reader
	name := c.in
	if c.in == "-" {
		in, name = e.stdin, "standard input"
	} else {
		f, err := os.Open(c.in)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return err
	}
	rf, err := os.Create(filepath.Join(c.out, rejectsFile))
	if err != nil {
		return err
	}
	defer rf.Close()
	bw := bufio.NewWriter(rf)
	rej := newRejectLog(bw, c.maxRejects)
	prog := &progress{every: int64(c.progress), hook: e.hook}
	if e.terminal {
		prog.w = e.stderr
	}
	s, err := readSurvey(bufio.NewReaderSize(in, 1<<16), name, c, rej, prog)
	prog.done()
	if err != nil {
		// A header the report cannot use: no outputs.
		rf.Close()
		os.Remove(rf.Name())
		return err
	}
	if len(s.layout.ignored) > 0 {
		fmt.Fprintf(e.stderr, "report: ignoring columns %s\n", joinQuoted(s.layout.ignored))
	}
	for _, n := range s.layout.notes {
		fmt.Fprintln(e.stderr, "report:", n)
	}
	r, err := build(c, s)
	if err != nil {
		return err
	}
	if c.subscriptions != "" {
		if err := addRetention(r, c, rej); err != nil {
			return err
		}
	}
	charts := allCharts(r, s, c)
	if err := rej.flush(); err != nil {
		return fmt.Errorf("writing %s: %w", rejectsFile, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", rejectsFile, err)
	}
	if err := rf.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", rejectsFile, err)
	}
	r.Rejects = summarizeRejects(rej, rejectsFile)

	js, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding %s: %w", jsonFile, err)
	}
	if err := os.WriteFile(filepath.Join(c.out, jsonFile), append(js, '\n'), 0o644); err != nil {
		return err
	}
	var html strings.Builder
	if err := writeHTML(&html, r, charts); err != nil {
		return fmt.Errorf("writing %s: %w", htmlFile, err)
	}
	if err := os.WriteFile(filepath.Join(c.out, htmlFile), []byte(html.String()), 0o644); err != nil {
		return err
	}
	files := []string{htmlFile, jsonFile, rejectsFile}
	for _, ch := range charts {
		if err := os.WriteFile(filepath.Join(c.out, ch.File), ch.SVG, 0o644); err != nil {
			return err
		}
		files = append(files, ch.File)
	}
	fmt.Fprintf(e.stdout, "read %d rows of %s in %.2fs: %d accepted, %d rejected\n",
		s.rows, name, time.Since(start).Seconds(), s.accepted, s.rejected)
	if r.Retention != nil {
		fmt.Fprintf(e.stdout, "read %d subscription events of %s: %d accepted, %d rejected\n",
			r.Retention.Rows, r.Retention.File, r.Retention.Accepted, r.Retention.Rejected)
	}
	fmt.Fprintf(e.stdout, "wrote %s: %s\n", c.out, strings.Join(files, ", "))
	return nil
}

// addRetention reads the subscription log and adds its section to r.
func addRetention(r *Report, c *config, rej *rejectLog) error {
	f, err := os.Open(c.subscriptions)
	if err != nil {
		return err
	}
	defer f.Close()
	ret, events, err := readSubscriptions(bufio.NewReader(f), c.subscriptions, c, rej)
	if err != nil {
		return err
	}
	if err := ret.analyse(events, c, rej, &r.Notes); err != nil {
		return err
	}
	r.Retention = ret
	for _, k := range []string{"cohort", "survival", "churn_rate"} {
		r.Settings.Methods[k] = methods[k]
	}
	return nil
}

// summarizeRejects returns the report's section on rejected rows.
func summarizeRejects(rej *rejectLog, file string) rejectSummary {
	s := rejectSummary{Rows: rej.rows, File: file, ByFile: sorted(rej.byFile), ByColumn: sorted(rej.byColumn),
		ByReason: sorted(rej.byReason), First: rej.kept}
	if s.First == nil {
		s.First = []reject{}
	}
	return s
}
