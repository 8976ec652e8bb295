package main

import (
	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/nps"
)

// A cell holds the tallies of one segment in one period, or of any union of
// them. Its memory is fixed, whatever the number of rows added: the report's
// memory is the number of cells times this.
type cell struct {
	ready bool // the tallies are on the configured scales
	rows  int64
	nps   nps.Tally
	csat  csat.Tally
	ces   ces.Tally
}

// init puts a fresh cell's tallies on the configured scales.
func (c *cell) init(cs csat.Scale, es ces.Scale) {
	if c.ready {
		return
	}
	c.csat, c.ces, c.ready = mustCSAT(cs), mustCES(es), true
}

// add adds a good response. weighted says whether the export has weights.
func (c *cell) add(r *response, weighted bool) error {
	c.rows++
	if weighted {
		if r.hasNPS {
			if err := c.nps.AddWeighted(r.nps, r.weight); err != nil {
				return err
			}
		}
		if r.hasCSAT {
			if err := c.csat.AddWeighted(r.csat, r.weight); err != nil {
				return err
			}
		}
		if r.hasCES {
			return c.ces.AddWeighted(r.ces, r.weight)
		}
		return nil
	}
	if r.hasNPS {
		if err := c.nps.Add(r.nps); err != nil {
			return err
		}
	}
	if r.hasCSAT {
		if err := c.csat.Add(r.csat); err != nil {
			return err
		}
	}
	if r.hasCES {
		return c.ces.Add(r.ces)
	}
	return nil
}

// Merge adds u to c, as if every response added to u had been added to c.
func (c *cell) Merge(u *cell) error {
	if err := c.nps.Merge(&u.nps); err != nil {
		return err
	}
	if err := c.csat.Merge(&u.csat); err != nil {
		return err
	}
	if err := c.ces.Merge(&u.ces); err != nil {
		return err
	}
	c.rows += u.rows
	c.ready = c.ready || u.ready
	return nil
}

// unweighted returns a cell with the counts of c and every weight 1, for
// the unweighted figures beside the weighted ones.
func (c *cell) unweighted() *cell {
	u := &cell{ready: true, rows: c.rows, csat: mustCSAT(c.csat.Scale()), ces: mustCES(c.ces.Scale())}
	for s := nps.Score(0); s <= nps.MaxScore; s++ {
		_ = u.nps.AddN(s, c.nps.Count(s)) // counts are never negative
	}
	for r := csat.Rating(1); int(r) <= c.csat.Scale().Points(); r++ {
		_ = u.csat.AddN(r, c.csat.Count(r))
	}
	for r := ces.Rating(1); int(r) <= c.ces.Scale().Points(); r++ {
		_ = u.ces.AddN(r, c.ces.Count(r))
	}
	return u
}

// satisfied returns the unweighted number of satisfied CSAT answers.
func (c *cell) satisfied() int64 {
	var n int64
	s := c.csat.Scale()
	for r := csat.Rating(1); int(r) <= s.Points(); r++ {
		if s.Satisfied(r) {
			n += c.csat.Count(r)
		}
	}
	return n
}

func mustCSAT(s csat.Scale) csat.Tally {
	t, err := csat.NewTally(s)
	if err != nil {
		panic(err) // the scales were checked with the flags
	}
	return t
}

func mustCES(s ces.Scale) ces.Tally {
	t, err := ces.NewTally(s)
	if err != nil {
		panic(err)
	}
	return t
}
