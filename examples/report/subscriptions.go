package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/churn"
)

// retention is the report's section on subscriptions, from the optional
// event log given with -subscriptions.
type retention struct {
	File     string             `json:"file"`
	Rows     int64              `json:"rows"`
	Accepted int64              `json:"accepted"`
	Rejected int64              `json:"rejected"`
	Unit     string             `json:"unit"` // unit of the survival durations
	Cohorts  *churn.CohortTable `json:"cohorts,omitempty"`
	Churn    []periodChurn      `json:"churn_by_period,omitempty"`
	Survival []survival         `json:"survival,omitempty"`

	curves []*churn.Curve // for the chart, in the order of Survival
}

type periodChurn struct {
	Period    satmetrics.Period    `json:"period"`
	Start     int64                `json:"start"` // customers active at the start of the period
	Lost      int64                `json:"lost"`
	New       int64                `json:"new"`
	ChurnRate *satmetrics.Estimate `json:"churn_rate,omitempty"` // percent
}

// survival is the summary of one Kaplan-Meier curve.
type survival struct {
	Group    string               `json:"group"` // "all" or a plan
	Subjects int64                `json:"subjects"`
	Events   float64              `json:"events"` // customers who cancelled
	Median   *churn.Quantile      `json:"median,omitempty"`
	At       []survivalAt         `json:"at"`
	RMST     *satmetrics.Estimate `json:"rmst,omitempty"` // restricted mean survival time up to the last At
}

type survivalAt struct {
	Time     float64             `json:"time"`
	Survival satmetrics.Estimate `json:"survival"`
}

// subEvent is an accepted row of the event log, with its line for the
// reject list should the ledger refuse it later.
type subEvent struct {
	churn.Event
	plan string
	line int
}

// units are the survival durations for each period kind.
// with the durations at which the report reads the survival curves.
var units = map[satmetrics.PeriodKind]struct {
	name string
	d    time.Duration
	at   []float64
}{
	satmetrics.Day:     {"days", 24 * time.Hour, []float64{7, 30, 90, 180, 365}},
	satmetrics.Week:    {"weeks", 7 * 24 * time.Hour, []float64{4, 13, 26, 52, 104}},
	satmetrics.Month:   {"months", time.Duration(30.436875 * 24 * float64(time.Hour)), []float64{1, 3, 6, 12, 24}},
	satmetrics.Quarter: {"quarters", time.Duration(3 * 30.436875 * 24 * float64(time.Hour)), []float64{1, 2, 4, 8}},
	satmetrics.Year:    {"years", time.Duration(365.2425 * 24 * float64(time.Hour)), []float64{1, 2, 3, 5}},
}

// readSubscriptions reads a subscription event log: a header with the
// columns customer, time and kind (start, cancel, payment, or change for a
// payment at a new MRR), and optionally plan and mrr. Unlike the survey, the
// log is held in memory, as the ledger that derives the cohorts needs every
// event.
func readSubscriptions(r io.Reader, name string, c *config, rej *rejectLog) (*retention, []subEvent, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, fmt.Errorf("%s: the file is empty: it needs a header row", name)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: header: %w", name, err)
	}
	header = slices.Clone(header) // the reader reuses its record
	col := map[string]int{"customer": -1, "time": -1, "kind": -1, "plan": -1, "mrr": -1}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if at, ok := col[h]; ok && at < 0 {
			col[h] = i
		}
	}
	for _, req := range []string{"customer", "time", "kind"} {
		if col[req] < 0 {
			return nil, nil, fmt.Errorf("%s: no column %q in the header %q: the subscription log needs customer, time and kind (start, cancel, payment or change), and may have plan and mrr", name, req, header)
		}
	}
	ret := &retention{File: name}
	var events []subEvent
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, nil, fmt.Errorf("%s: %w", name, err)
			}
			ret.Rows++
			rej.add(name, pe.StartLine, "", "", "malformed CSV: "+pe.Err.Error(), nil)
			continue
		}
		ret.Rows++
		bad := func(at int, why string) {
			line, _ := cr.FieldPos(max(at, 0))
			column, value := "", ""
			if at >= 0 {
				column, value = strings.TrimSpace(header[at]), rec[at]
			}
			rej.add(name, line, column, value, why, nil)
		}
		if len(rec) != len(header) {
			bad(-1, fmt.Sprintf("the row has %d fields where the header has %d", len(rec), len(header)))
			continue
		}
		e := subEvent{Event: churn.Event{Customer: strings.Clone(strings.TrimSpace(rec[col["customer"]]))}}
		e.line, _ = cr.FieldPos(0)
		if e.Customer == "" {
			bad(col["customer"], "empty customer")
			continue
		}
		ts := strings.TrimSpace(rec[col["time"]])
		if e.Time, err = time.ParseInLocation(c.dateLayout, ts, c.loc); err != nil || ts == "" {
			bad(col["time"], "not a time in the layout "+c.dateLayout+" (see -date-format)")
			continue
		}
		switch strings.ToLower(strings.TrimSpace(rec[col["kind"]])) {
		case "start":
			e.Kind = churn.Start
		case "cancel":
			e.Kind = churn.Cancel
		case "payment", "change":
			e.Kind = churn.Payment
		default:
			bad(col["kind"], "not an event kind: want start, cancel, payment or change")
			continue
		}
		if at := col["mrr"]; at >= 0 && e.Kind != churn.Cancel {
			s := strings.TrimSpace(rec[at])
			if s != "" {
				if e.Amount, err = strconv.ParseFloat(s, 64); err != nil || e.Amount < 0 || math.IsInf(e.Amount, 0) || math.IsNaN(e.Amount) {
					bad(at, "MRR must be a finite number, not negative")
					continue
				}
			}
		}
		if at := col["plan"]; at >= 0 {
			e.plan = strings.TrimSpace(rec[at])
		}
		if err := e.Validate(); err != nil {
			bad(-1, err.Error())
			continue
		}
		events = append(events, e)
	}
	return ret, events, nil
}

// ledgerOf builds a ledger of events.
func ledgerOf(events []subEvent, keep func(*subEvent) bool) *churn.Ledger {
	l := new(churn.Ledger)
	for i := range events {
		if keep == nil || keep(&events[i]) {
			_ = l.Add(events[i].Event) // validated when read
		}
	}
	return l
}

// maxHistoryRejects bounds the rounds of refusing impossible events.
const maxHistoryRejects = 100

// analyse computes the retention section from the accepted events. An event
// that makes a customer's history impossible (a cancel before any start, a
// payment after a cancel) is refused, with its line, and the rest analysed
// without it.
func (ret *retention) analyse(events []subEvent, c *config, rej *rejectLog, notes *[]string) error {
	slices.SortStableFunc(events, func(a, b subEvent) int { return a.Time.Compare(b.Time) })
	ret.Accepted, ret.Rejected = int64(len(events)), ret.Rows-int64(len(events))
	if len(events) == 0 {
		*notes = append(*notes, "the subscription log has no good events: no retention charts")
		return nil
	}
	through := events[len(events)-1].Time
	cfg := churn.ReportConfig{Kind: c.period, Location: c.loc, Through: through}
	var (
		ledger *churn.Ledger
		rep    *churn.Report
		err    error
	)
	for round := 0; ; round++ {
		ledger = ledgerOf(events, nil)
		rep, err = ledger.Report(cfg)
		var re *churn.RecordError
		if err == nil || !errors.As(err, &re) || re.Index < 0 || re.Index >= len(events) || round == maxHistoryRejects {
			break
		}
		e := events[re.Index]
		rej.add(ret.File, e.line, "", e.Kind.String(), "impossible history: "+reason(re.Err), nil)
		events = slices.Delete(events, re.Index, re.Index+1)
	}
	if err != nil {
		*notes = append(*notes, "no retention charts: "+err.Error())
		return nil
	}
	ret.Accepted = int64(len(events))
	ret.Rejected = ret.Rows - ret.Accepted
	for _, p := range rep.Periods {
		pc := periodChurn{Period: p.Period, Start: p.Customers.Start, Lost: p.Customers.Lost, New: p.Customers.New}
		if e, err := p.Customers.ChurnRate(churn.B2B, c.level); err == nil {
			pc.ChurnRate = &e
		}
		ret.Churn = append(ret.Churn, pc)
	}
	if ret.Cohorts, err = ledger.Cohorts(cfg); err != nil {
		return err
	}
	u := units[c.period]
	ret.Unit = u.name
	groups := []string{"all"}
	plans := map[string]string{} // customer to first plan
	for _, e := range events {
		if _, ok := plans[e.Customer]; !ok && e.Kind == churn.Start && e.plan != "" {
			plans[e.Customer] = e.plan
		}
	}
	for _, p := range plans {
		if !slices.Contains(groups, p) {
			groups = append(groups, p)
		}
	}
	slices.Sort(groups[1:])
	if len(groups) > 8 {
		*notes = append(*notes, fmt.Sprintf("survival curves for the first 7 of %d plans", len(groups)-1))
		groups = groups[:8]
	}
	for _, g := range groups {
		l := ledger
		if g != "all" {
			l = ledgerOf(events, func(e *subEvent) bool { return plans[e.Customer] == g })
		}
		subjects, _, err := l.Subjects(u.d, through)
		if err != nil {
			return err
		}
		var t churn.EventTable
		for _, s := range subjects {
			if err := t.AddSubject(s); err != nil {
				return err
			}
		}
		curve, err := churn.KaplanMeier(&t, churn.CurveConfig{Level: c.level})
		if err != nil {
			continue // no subjects in the group
		}
		sv := survival{Group: g, Subjects: curve.Subjects, Events: curve.Events, At: []survivalAt{}}
		if m, err := curve.Median(); err == nil {
			sv.Median = &m
		}
		last := 0.0
		for _, x := range u.at {
			if e, err := curve.At(x); err == nil {
				sv.At = append(sv.At, survivalAt{Time: x, Survival: e})
				last = x
			}
		}
		if last > 0 {
			if e, err := curve.RMST(last); err == nil {
				sv.RMST = &e
			}
		}
		ret.Survival = append(ret.Survival, sv)
		ret.curves = append(ret.curves, curve)
	}
	return nil
}
