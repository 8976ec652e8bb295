package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/likert"
	"github.com/satmetrics/satmetrics/nps"
)

// A response is one accepted row of the export. The parser reuses it from
// row to row, so that reading a row allocates nothing.
type response struct {
	time    time.Time
	period  satmetrics.Period
	segment string
	weight  float64 // 1 when unweighted

	hasNPS, hasCSAT, hasCES bool
	nps                     nps.Score
	csat                    csat.Rating
	ces                     ces.Rating
	items                   []int // likert.Missing for an item not answered
	answeredItems           int
}

// A problem is a bad cell of a row: its column (an index of the header, or -1
// for the row as a whole), the value and why it was refused.
type problem struct {
	col    int
	value  string
	reason string
}

// parser turns records into responses according to a layout.
type parser struct {
	l      *layout
	c      *config
	scales []likert.Scale // per item
}

func newParser(l *layout, c *config) *parser {
	p := &parser{l: l, c: c, scales: make([]likert.Scale, len(l.items))}
	for i := range p.scales {
		p.scales[i] = c.itemScale
	}
	return p
}

// notAnswered reports whether an answer cell holds no answer: empty (after
// trimming space), NA or N/A.
func notAnswered(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || strings.EqualFold(s, "NA") || strings.EqualFold(s, "N/A")
}

// parse reads one record into r. It returns the row's problems, in column
// order, appended to probs[:0]; the row is good if there are none. An empty
// answer cell is "not answered"; an empty time or segment cell, a value that
// does not parse and a record with the wrong number of fields are problems.
func (p *parser) parse(rec []string, r *response, probs []problem) []problem {
	probs = probs[:0]
	l, c := p.l, p.c
	if len(rec) != len(l.header) {
		return append(probs, problem{col: -1,
			reason: fmt.Sprintf("the row has %d fields where the header has %d", len(rec), len(l.header))})
	}
	bad := func(col int, reason string) {
		probs = append(probs, problem{col: col, value: rec[col], reason: reason})
	}

	ts := strings.TrimSpace(rec[l.time])
	if ts == "" {
		bad(l.time, "empty time")
	} else if t, err := time.ParseInLocation(c.dateLayout, ts, c.loc); err != nil {
		bad(l.time, "not a time in the layout "+c.dateLayout+" (see -date-format)")
	} else if per, err := satmetrics.PeriodOf(c.period, t, c.loc); err != nil {
		bad(l.time, "time outside the years 1 to 9999")
	} else {
		r.time, r.period = t, per
	}

	if l.segment >= 0 {
		r.segment = strings.TrimSpace(rec[l.segment])
		if r.segment == "" {
			bad(l.segment, "empty segment")
		}
	} else {
		r.segment = "all"
	}

	r.weight = 1
	if l.weight >= 0 {
		s := strings.TrimSpace(rec[l.weight])
		w, err := strconv.ParseFloat(s, 64)
		switch {
		case s == "":
			bad(l.weight, "empty weight")
		case err != nil:
			bad(l.weight, "not a number")
		case w < 0 || math.IsNaN(w) || math.IsInf(w, 0):
			bad(l.weight, "weight must be finite and not negative")
		default:
			r.weight = w
		}
	}

	r.hasNPS, r.hasCSAT, r.hasCES = false, false, false
	if l.nps >= 0 && !notAnswered(rec[l.nps]) {
		s, err := nps.ParseScore(rec[l.nps])
		if err != nil {
			bad(l.nps, reason(err))
		} else {
			r.nps, r.hasNPS = s, true
		}
	}
	if l.csat >= 0 && !notAnswered(rec[l.csat]) {
		cell := rec[l.csat]
		if v, ok := smallInt(cell); ok && c.csatScale.Contains(csat.Rating(v)) {
			r.csat, r.hasCSAT = csat.Rating(v), true
		} else if v, err := c.csatScale.Parse(cell); errors.Is(err, csat.ErrUnrated) {
			// "offered", "unrated": no rating, which help desks leave out
		} else if err != nil {
			bad(l.csat, reason(err))
		} else {
			r.csat, r.hasCSAT = v, true
		}
	}
	if l.ces >= 0 && !notAnswered(rec[l.ces]) {
		cell := rec[l.ces]
		if v, ok := smallInt(cell); ok && c.cesScale.Contains(ces.Rating(v)) {
			r.ces, r.hasCES = ces.Rating(v), true
		} else if v, err := c.cesScale.Parse(cell); err != nil {
			bad(l.ces, reason(err))
		} else {
			r.ces, r.hasCES = v, true
		}
	}

	r.items = r.items[:0]
	r.answeredItems = 0
	for i, col := range l.items {
		if notAnswered(rec[col]) {
			r.items = append(r.items, likert.Missing)
			continue
		}
		v, ok := smallInt(rec[col])
		var err error
		if !ok || !p.scales[i].Valid(v) {
			v, err = p.scales[i].Parse(rec[col])
		}
		if err != nil {
			bad(col, reason(err))
			r.items = append(r.items, likert.Missing)
			continue
		}
		r.items = append(r.items, v)
		r.answeredItems++
	}
	return probs
}

// smallInt returns the value of s if it is one or two ASCII digits, the
// common form of a rating. The parser accepts such a rating directly when it
// is on the scale, as the scale's Parse would, and leaves everything else
// (labels, spaces, "4.0", values off the scale) to Parse, which allocates
// (the csat and ces packages build their function name for a possible
// error on every call).
func smallInt(s string) (int, bool) {
	switch {
	case len(s) == 1 && s[0] >= '0' && s[0] <= '9':
		return int(s[0] - '0'), true
	case len(s) == 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9':
		return int(s[0]-'0')*10 + int(s[1]-'0'), true
	}
	return 0, false
}

// reason returns why a value did not parse, without the function name and
// the input that the reject list shows anyway.
func reason(err error) string {
	var pe *satmetrics.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
