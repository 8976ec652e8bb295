package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"unicode/utf8"
)

// A reject is one refused row: where it is, the first bad cell and why.
type reject struct {
	File   string `json:"file"`
	Line   int    `json:"line"`   // line of the bad cell in the file, counting the header as 1
	Column string `json:"column"` // header name of the bad cell; "" for the row as a whole
	Value  string `json:"value"`
	Reason string `json:"reason"`
}

// rejectLog records refused rows: every one goes to rejects.csv as it
// comes, and the first max of them are also kept for the report, so that
// memory does not grow with the number of rejects. Counts by column and
// by reason are kept for all of them.
type rejectLog struct {
	w        *csv.Writer // nil for none
	max      int
	kept     []reject
	rows     int64
	byFile   map[string]int64
	byColumn map[string]int64
	byReason map[string]int64
	err      error // the first error writing rejects.csv
}

// maxReasons bounds the number of distinct reasons counted; the rest are
// counted as "other".
const maxReasons = 200

// maxValue is the longest value, in bytes, kept in memory for the report.
const maxValue = 200

func newRejectLog(w io.Writer, max int) *rejectLog {
	r := &rejectLog{max: max, byFile: map[string]int64{}, byColumn: map[string]int64{}, byReason: map[string]int64{}}
	if w != nil {
		r.w = csv.NewWriter(w)
		r.write([]string{"file", "line", "column", "value", "reason"})
	}
	return r
}

func (r *rejectLog) write(rec []string) {
	if r.w == nil || r.err != nil {
		return
	}
	if err := r.w.Write(rec); err != nil {
		r.err = err
	}
}

// add records one refused row, given its problems (at least one): the first
// names the row in the list and the others are mentioned in its reason.
func (r *rejectLog) add(file string, line int, column, value, reason string, others []string) {
	r.rows++
	r.byFile[file]++
	if column == "" {
		r.byColumn["(whole row)"]++
	} else {
		r.byColumn[column]++
	}
	if _, ok := r.byReason[reason]; ok || len(r.byReason) < maxReasons {
		r.byReason[reason]++
	} else {
		r.byReason["other"]++
	}
	if len(others) > 0 {
		reason += "; also bad: " + joinQuoted(others)
	}
	r.write([]string{file, fmt.Sprint(line), column, value, reason})
	if len(r.kept) < r.max {
		r.kept = append(r.kept, reject{File: file, Line: line, Column: column, Value: truncate(value, maxValue), Reason: reason})
	}
}

// flush writes out what is buffered and returns the first write error.
func (r *rejectLog) flush() error {
	if r.w != nil && r.err == nil {
		r.w.Flush()
		r.err = r.w.Error()
	}
	return r.err
}

// A count is a number of rejects with something in common.
type count struct {
	Name  string `json:"name"`
	Count int64  `json:"count"`
}

// sorted returns the counts of m, largest first, then by name.
func sorted(m map[string]int64) []count {
	out := make([]count, 0, len(m))
	for k, v := range m {
		out = append(out, count{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func joinQuoted(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%q", x)
	}
	return out
}

// truncate cuts s to at most n bytes at a rune boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
