package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/likert"
	"github.com/satmetrics/satmetrics/nps"
)

var fuzzHeader = []string{"time", "channel", "nps", "csat", "ces", "q1", "q2", "w"}

// FuzzParseRow parses arbitrary records: the parser must not panic, a good
// row must hold only values on their scales, read as the library's Parse
// reads them, and a bad row must name real cells.
func FuzzParseRow(f *testing.F) {
	for _, s := range []string{
		"2026-01-05T10:00:00Z,chat,9,5,6,4,5,1",
		"2026-01-05T10:00:00Z,chat,11,5,6,4,5,1",
		",chat,Extremely likely,Very satisfied,Strongly agree,Agree,agree,0.5",
		"2026-01-05T10:00:00+01:00, web ,10 - Extremely likely,★★★★☆,6.0,NA,,2",
		"2026-13-45T10:00:00Z,,x,offered,8,9,0,-1",
		"2026-01-05T10:00:00Z,chat,05,07,00,05,1,1e308",
		"0001-01-01T00:00:00+01:00,a,1,1,1,1,1,NaN",
		"a,b",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, line string, alt bool) {
		cr := csv.NewReader(strings.NewReader(line))
		cr.FieldsPerRecord = -1
		rec, err := cr.Read()
		if err != nil {
			return
		}
		args := []string{"-in", "x", "-weight", "w", "-reverse", "q2"}
		if alt {
			args = append(args, "-csat-scale", "binary", "-ces-scale", "effort5", "-item-scale", "0-10", "-tz", "Europe/Berlin", "-period", "week")
		}
		c, err := parseFlags(args, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		l, err := resolve(fuzzHeader, c)
		if err != nil {
			t.Fatal(err)
		}
		p := newParser(l, c)
		var r response
		probs := p.parse(rec, &r, nil)
		for _, q := range probs {
			if q.col < -1 || q.col >= len(rec) || q.reason == "" || (q.col >= 0 && q.value != rec[q.col]) {
				t.Fatalf("problem %+v of %q", q, rec)
			}
		}
		if len(probs) > 0 {
			return
		}
		if len(rec) != len(fuzzHeader) || strings.TrimSpace(rec[1]) == "" || r.segment != strings.TrimSpace(rec[1]) {
			t.Fatalf("accepted %q with segment %q", rec, r.segment)
		}
		if !r.period.Contains(r.time) || r.weight < 0 {
			t.Fatalf("accepted %q: time %v not in %v, or weight %v", rec, r.time, r.period, r.weight)
		}
		if r.hasNPS {
			if s, err := nps.ParseScore(rec[2]); err != nil || s != r.nps || !r.nps.Valid() {
				t.Fatalf("nps %q read as %v; nps.ParseScore gives %v, %v", rec[2], r.nps, s, err)
			}
		}
		if r.hasCSAT {
			if v, err := c.csatScale.Parse(rec[3]); err != nil || v != r.csat {
				t.Fatalf("csat %q read as %v; Parse gives %v, %v", rec[3], r.csat, v, err)
			}
		} else if !notAnswered(rec[3]) {
			if _, err := c.csatScale.Parse(rec[3]); !errors.Is(err, csat.ErrUnrated) {
				t.Fatalf("csat %q left out, but Parse gives %v", rec[3], err)
			}
		}
		if r.hasCES {
			if v, err := c.cesScale.Parse(rec[4]); err != nil || v != r.ces {
				t.Fatalf("ces %q read as %v; Parse gives %v, %v", rec[4], r.ces, v, err)
			}
		} else if !notAnswered(rec[4]) {
			t.Fatalf("ces %q neither read nor refused", rec[4])
		}
		answered := 0
		for i, col := range l.items {
			v := r.items[i]
			if v == likert.Missing {
				if !notAnswered(rec[col]) {
					t.Fatalf("item %q neither read nor refused", rec[col])
				}
				continue
			}
			answered++
			if w, err := c.itemScale.Parse(rec[col]); err != nil || w != v {
				t.Fatalf("item %q read as %d; Parse gives %d, %v", rec[col], v, w, err)
			}
		}
		if answered != r.answeredItems {
			t.Fatalf("answered %d, counted %d", answered, r.answeredItems)
		}
	})
}

// FuzzReadSurvey reads arbitrary bytes after a good header: the reader must
// not fail, and every data row is either accepted or rejected.
func FuzzReadSurvey(f *testing.F) {
	f.Add([]byte("2026-01-05T10:00:00Z,chat,9,5,6,4,5,1\n"))
	f.Add([]byte("2026-01-05T10:00:00Z,\"chat\n\",9,5,6,4,5,1\n\"x,y\n"))
	f.Add([]byte("2026-01-05T10:00:00Z,ch\"at,9,5,6,4,5,1\n,,,,\n\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := parseFlags([]string{"-in", "x", "-weight", "w"}, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		in := append([]byte(strings.Join(fuzzHeader, ",")+"\n"), data...)
		var out bytes.Buffer
		rej := newRejectLog(&out, 5)
		s, err := readSurvey(bytes.NewReader(in), "x", c, rej, &progress{})
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		if s.accepted+s.rejected != s.rows || rej.rows != s.rejected || int64(len(rej.kept)) != min(s.rejected, 5) {
			t.Fatalf("rows %d, accepted %d, rejected %d, logged %d, kept %d", s.rows, s.accepted, s.rejected, rej.rows, len(rej.kept))
		}
		var cells int64
		for _, cl := range s.cells.All() {
			cells += cl.rows
		}
		if cells != s.accepted {
			t.Fatalf("cells hold %d rows, accepted %d", cells, s.accepted)
		}
		if err := rej.flush(); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&out).ReadAll()
		if err != nil || int64(len(recs)) != s.rejected+1 {
			t.Fatalf("rejects.csv: %d records, %v; want %d", len(recs), err, s.rejected+1)
		}
	})
}
