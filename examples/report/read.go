package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/likert"
)

// survey is everything the report keeps of an export: tallies per segment
// and period, the questionnaire's tally and the counts of rows. Its size
// depends on the number of segments, periods and items, not on the number of
// rows.
type survey struct {
	file     string
	layout   *layout
	weighted bool
	cells    satmetrics.Groups[satmetrics.SegmentPeriod, cell]
	items    *likert.InstrumentTally // nil without item columns

	rows     int64 // data rows: records after the header, good or bad
	accepted int64
	rejected int64
	noAnswer int64 // accepted rows without any answer
	first    time.Time
	last     time.Time
}

// progress writes a progress line to a terminal every so many rows, and
// calls a hook (for tests) at the same moments.
type progress struct {
	w     io.Writer // nil for no progress line
	every int64
	hook  func(rows int64)
	start time.Time
	shown bool
}

func (p *progress) tick(rows, rejected int64) {
	if p.every <= 0 || rows%p.every != 0 {
		return
	}
	if p.hook != nil {
		p.hook(rows)
	}
	if p.w == nil {
		return
	}
	rate := float64(rows) / time.Since(p.start).Seconds()
	fmt.Fprintf(p.w, "\rread %d rows (%.0f rows/s), %d rejected ", rows, rate, rejected)
	p.shown = true
}

// done ends the progress line.
func (p *progress) done() {
	if p.shown {
		fmt.Fprintln(p.w)
	}
}

// readSurvey reads an export from r, adding every good row to the tallies
// and recording every bad one in rej. It stops with an error only for a
// header it cannot use or a failure to read; bad rows never stop it.
func readSurvey(r io.Reader, name string, c *config, rej *rejectLog, prog *progress) (*survey, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1 // the parser checks the number of fields, to reject the row and go on
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: the file is empty: it needs a header row", name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", name, err)
	}
	l, err := resolve(header, c)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s := &survey{file: name, layout: l, weighted: l.weight >= 0}
	if len(l.items) > 0 {
		in := likert.Instrument{}
		for i, n := range l.itemNames {
			in.Items = append(in.Items, likert.Item{Name: n, Scale: c.itemScale, Reverse: l.reverse[i]})
		}
		if s.items, err = likert.NewInstrumentTally(in); err != nil {
			return nil, fmt.Errorf("%s: items: %w", name, err)
		}
	}
	p := newParser(l, c)
	var (
		resp  response
		probs []problem
		other []string
	)
	if prog.start.IsZero() {
		prog.start = time.Now()
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			// A malformed record (a stray quote): the reader has skipped it.
			s.rows++
			s.rejected++
			rej.add(name, pe.StartLine, "", "", "malformed CSV: "+pe.Err.Error(), nil)
			prog.tick(s.rows, s.rejected)
			continue
		}
		s.rows++
		probs = p.parse(rec, &resp, probs)
		if len(probs) > 0 {
			s.rejected++
			first := probs[0]
			col := max(first.col, 0)
			line, _ := cr.FieldPos(col)
			other = other[:0]
			for _, q := range probs[1:] {
				other = append(other, l.name(q.col))
			}
			rej.add(name, line, l.name(first.col), first.value, first.reason, other)
			prog.tick(s.rows, s.rejected)
			continue
		}
		if err := s.add(&resp, c); err != nil {
			// Unreachable: the parser checked every value against its scale.
			line, _ := cr.FieldPos(0)
			return nil, fmt.Errorf("%s line %d: %w", name, line, err)
		}
		prog.tick(s.rows, s.rejected)
	}
	return s, nil
}

// add adds a good response to the tallies.
func (s *survey) add(r *response, c *config) error {
	s.accepted++
	if !r.hasNPS && !r.hasCSAT && !r.hasCES && r.answeredItems == 0 {
		s.noAnswer++
	}
	if s.first.IsZero() || r.time.Before(s.first) {
		s.first = r.time
	}
	if r.time.After(s.last) {
		s.last = r.time
	}
	key := satmetrics.SegmentPeriod{Segment: r.segment, Period: r.period}
	cl, ok := s.cells.Get(key)
	if !ok {
		// The segment is a slice of the record's line: copy it, so that
		// the key does not keep the line alive.
		key.Segment = strings.Clone(key.Segment)
		cl = s.cells.At(key)
		cl.init(c.csatScale, c.cesScale)
	}
	if err := cl.add(r, s.weighted); err != nil {
		return err
	}
	if s.items != nil && r.answeredItems > 0 {
		if s.weighted {
			return s.items.AddWeighted(r.items, r.weight)
		}
		return s.items.Add(r.items)
	}
	return nil
}
