package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/kpi"
	"github.com/satmetrics/satmetrics/likert"
	"github.com/satmetrics/satmetrics/nps"
)

// Report is what report.json holds, and what report.html shows.
type Report struct {
	Title    string   `json:"title"`
	Input    input    `json:"input"`
	Settings settings `json:"settings"`

	// Overall holds the figures of every accepted row; BySegment of each
	// segment over the whole time range; ByPeriod of every segment together
	// in each period; BySegmentPeriod of each segment in each period.
	Overall         figures           `json:"overall"`
	BySegment       []segmentFigures  `json:"by_segment"`
	ByPeriod        []periodFigures   `json:"by_period"`
	BySegmentPeriod []segPeriodFigure `json:"by_segment_period"`

	// Changes compares each period with the one before it (the previous
	// period with answers), for every segment and for all of them.
	Changes []change `json:"changes"`

	Items        *itemsReport  `json:"items,omitempty"`
	ControlChart *controlChart `json:"csat_control_chart,omitempty"`
	Retention    *retention    `json:"retention,omitempty"`
	Rejects      rejectSummary `json:"rejects"`
	Notes        []string      `json:"notes,omitempty"`
}

type input struct {
	File     string            `json:"file"`
	Columns  map[string]string `json:"columns"` // role (time, segment, nps, ...) to header name
	Items    []string          `json:"items,omitempty"`
	Reverse  []string          `json:"reverse,omitempty"`
	Ignored  []string          `json:"ignored_columns,omitempty"`
	Rows     int64             `json:"rows"`     // data rows after the header
	Accepted int64             `json:"accepted"` // rows in the figures
	Rejected int64             `json:"rejected"` // rows refused; Accepted + Rejected = Rows
	NoAnswer int64             `json:"no_answer"`
	First    time.Time         `json:"first,omitzero"` // earliest accepted answer
	Last     time.Time         `json:"last,omitzero"`
}

type settings struct {
	Period       satmetrics.PeriodKind `json:"period"`
	TimeZone     string                `json:"time_zone"`
	Level        float64               `json:"level"`
	CSATScale    csat.Scale            `json:"csat_scale"`
	CESScale     ces.Scale             `json:"ces_scale"`
	CESDirection satmetrics.Direction  `json:"ces_direction"`
	ItemScale    string                `json:"item_scale,omitempty"`
	Weighted     bool                  `json:"weighted"`
	Methods      map[string]string     `json:"methods"`
}

// methods describes how each figure is computed, for the reader of the
// JSON and of the HTML.
var methods = map[string]string{
	"nps":        "NPS = % promoters (9-10) - % detractors (0-6), -100 to 100; adjusted-Wald interval; changes by the adjusted-Wald two-sample test",
	"csat":       "CSAT = % satisfied (top boxes of the scale); Wilson interval; changes by Newcombe's interval and the pooled two-proportion z test",
	"csat_mean":  "mean CSAT rating; Student t interval",
	"ces":        "CES = mean effort rating on its scale; Student t interval; changes by Welch's t test",
	"ces_easy":   "% of CES answers that count as easy; Wilson interval",
	"items":      "Likert items: distribution, mean and top-2-box; Cronbach's alpha with Feldt's interval (pairwise deletion)",
	"p_chart":    "p-chart of the share of satisfied CSAT answers per period (unweighted), limits p̄ ± 3σ, Western Electric rules",
	"weights":    "weighted figures use weighted shares and Kish's effective sample size n_eff = (Σw)²/Σw²",
	"changes":    "a change is significant when its two-sided p-value is below 1 - level; with many comparisons some flags are expected by chance",
	"survival":   "Kaplan-Meier survival of subscriptions from each customer's first start to their first cancel, with a log-transformed pointwise band; S(t) is the share still subscribed after t periods",
	"cohort":     "share of each start cohort still subscribed without interruption, per period since the start",
	"churn_rate": "churn rate per period: customers active at its start who are not at its end, over those active at its start",
}

// figures are the headline numbers of one group of answers. A figure that
// the group's answers do not define (no answers, or too few for a standard
// deviation) is left out.
type figures struct {
	Rows          int64                `json:"rows"` // accepted rows in the group
	NPS           *satmetrics.Estimate `json:"nps,omitempty"`
	NPSCategories *nps.Categories      `json:"nps_categories,omitempty"`
	CSAT          *satmetrics.Estimate `json:"csat,omitempty"`
	CSATMean      *satmetrics.Estimate `json:"csat_mean,omitempty"`
	CES           *satmetrics.Estimate `json:"ces,omitempty"`
	CESEasy       *satmetrics.Estimate `json:"ces_easy,omitempty"`
	// Unweighted holds the same figures with every weight 1, when the
	// export is weighted.
	Unweighted *figures `json:"unweighted,omitempty"`
}

type segmentFigures struct {
	Segment string `json:"segment"`
	figures
}

type periodFigures struct {
	Period satmetrics.Period `json:"period"`
	figures
}

type segPeriodFigure struct {
	Segment string            `json:"segment"`
	Period  satmetrics.Period `json:"period"`
	figures
}

// A change is the difference of a metric between a period and the one
// before it, To minus From.
type change struct {
	Segment string            `json:"segment,omitempty"` // empty for all segments together
	Metric  string            `json:"metric"`            // nps, csat or ces
	From    satmetrics.Period `json:"from"`
	To      satmetrics.Period `json:"to"`
	satmetrics.Comparison
	Significant bool `json:"significant"`
	Improvement bool `json:"improvement"` // the change is for the better, significant or not
}

type itemsReport struct {
	Scale       string                    `json:"scale"`
	Rows        int64                     `json:"rows"` // rows that answered at least one item
	Items       []itemFigures             `json:"items"`
	Reliability *likert.ReliabilityReport `json:"reliability,omitempty"`
	Composite   *satmetrics.Estimate      `json:"composite,omitempty"` // mean of a row's scored items
}

type itemFigures struct {
	Name    string          `json:"name"`
	Reverse bool            `json:"reverse,omitempty"`
	Summary *likert.Summary `json:"summary,omitempty"`
}

type rejectSummary struct {
	Rows     int64    `json:"rows"`
	File     string   `json:"file"` // the list of every reject
	ByFile   []count  `json:"by_file"`
	ByColumn []count  `json:"by_column"`
	ByReason []count  `json:"by_reason"`
	First    []reject `json:"first"` // the first ones, up to -max-rejects
}

// builder computes a Report, keeping the first unexpected error so that the
// many figures need no error plumbing of their own. Undefined figures
// (satmetrics.ErrNoData, ErrUndefined) are not errors: they are left out.
type builder struct {
	c   *config
	s   *survey
	err error
}

func (b *builder) est(e satmetrics.Estimate, err error) *satmetrics.Estimate {
	switch {
	case err == nil:
		return &e
	case errors.Is(err, satmetrics.ErrNoData), errors.Is(err, satmetrics.ErrUndefined):
		return nil
	}
	if b.err == nil {
		b.err = err
	}
	return nil
}

// figures computes the figures of a cell.
func (b *builder) figures(c *cell) figures {
	f := b.plainFigures(c)
	if b.s.weighted {
		u := b.plainFigures(c.unweighted())
		f.Unweighted = &u
	}
	return f
}

func (b *builder) plainFigures(c *cell) figures {
	lv := b.c.level
	f := figures{Rows: c.rows}
	f.NPS = b.est(c.nps.NPS(lv))
	if f.NPS != nil {
		if cats, err := c.nps.Categories(); err == nil {
			f.NPSCategories = &cats
		}
	}
	f.CSAT = b.est(c.csat.CSAT(lv))
	f.CSATMean = b.est(c.csat.Mean(lv))
	f.CES = b.est(c.ces.CES(lv))
	f.CESEasy = b.est(c.ces.Easy(lv))
	return f
}

// compare compares the metric of two cells, to minus from. ok is false
// when the comparison is not defined (an empty cell, no spread).
func (b *builder) compare(metric string, to, from *cell) (cmp satmetrics.Comparison, better bool, ok bool) {
	var err error
	dir := satmetrics.HigherIsBetter
	switch metric {
	case "nps":
		cmp, err = nps.Compare(&to.nps, &from.nps, b.c.level)
	case "csat":
		cmp, err = csat.Compare(&to.csat, &from.csat, b.c.level)
	case "ces":
		cmp, err = ces.Compare(&to.ces, &from.ces, b.c.level)
		dir = b.c.cesScale.Direction()
	}
	if err != nil {
		if !errors.Is(err, satmetrics.ErrNoData) && !errors.Is(err, satmetrics.ErrUndefined) && b.err == nil {
			b.err = err
		}
		return cmp, false, false
	}
	return cmp, dir.Improvement(0, cmp.Difference) > 0, true
}

// metrics lists the metrics the export has, in report order.
func (b *builder) metrics() []string {
	var m []string
	l := b.s.layout
	if l.nps >= 0 {
		m = append(m, "nps")
	}
	if l.csat >= 0 {
		m = append(m, "csat")
	}
	if l.ces >= 0 {
		m = append(m, "ces")
	}
	return m
}

// has reports whether a cell has answers for a metric.
func has(c *cell, metric string) bool {
	switch metric {
	case "nps":
		return c.nps.N() > 0
	case "csat":
		return c.csat.N() > 0
	default:
		return c.ces.N() > 0
	}
}

// changes compares each period of a series with the previous one that has
// answers for the metric.
func (b *builder) changes(segment string, periods []satmetrics.Period, cells []*cell) []change {
	var out []change
	for _, m := range b.metrics() {
		prev := -1
		for i, c := range cells {
			if !has(c, m) {
				continue
			}
			if prev >= 0 {
				if cmp, better, ok := b.compare(m, c, cells[prev]); ok {
					out = append(out, change{Segment: segment, Metric: m, From: periods[prev], To: periods[i],
						Comparison: cmp, Significant: cmp.Significant(b.c.level), Improvement: better})
				}
			}
			prev = i
		}
	}
	return out
}

// build computes the report of a survey.
func build(c *config, s *survey) (*Report, error) {
	b := &builder{c: c, s: s}
	l := s.layout
	r := &Report{
		Title: c.title,
		Input: input{File: s.file, Columns: map[string]string{"time": l.name(l.time)}, Items: l.itemNames,
			Ignored: l.ignored, Rows: s.rows, Accepted: s.accepted, Rejected: s.rejected, NoAnswer: s.noAnswer,
			First: s.first, Last: s.last},
		Settings: settings{Period: c.period, TimeZone: c.loc.String(), Level: c.level, CSATScale: c.csatScale,
			CESScale: c.cesScale, CESDirection: c.cesScale.Direction(), Weighted: s.weighted, Methods: map[string]string{}},
		Notes: slices.Clone(l.notes),
	}
	for role, at := range map[string]int{"segment": l.segment, "nps": l.nps, "csat": l.csat, "ces": l.ces, "weight": l.weight} {
		if at >= 0 {
			r.Input.Columns[role] = l.name(at)
		}
	}
	for i, rev := range l.reverse {
		if rev {
			r.Input.Reverse = append(r.Input.Reverse, l.itemNames[i])
		}
	}
	if len(l.items) > 0 {
		r.Settings.ItemScale = c.itemScale.String()
	}
	if len(l.ignored) > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("ignored %d columns the report does not use: %s", len(l.ignored), joinQuoted(l.ignored)))
	}

	figureKeys := map[string][]string{"nps": {"nps"}, "csat": {"csat", "csat_mean"}, "ces": {"ces", "ces_easy"}}
	for _, m := range b.metrics() {
		for _, k := range figureKeys[m] {
			r.Settings.Methods[k] = methods[k]
		}
	}
	r.Settings.Methods["changes"] = methods["changes"]
	if s.weighted {
		r.Settings.Methods["weights"] = methods["weights"]
	}
	if len(l.items) > 0 {
		r.Settings.Methods["items"] = methods["items"]
	}

	// Merge the cells into segments, periods and the whole.
	var (
		overall   cell
		bySegment satmetrics.Groups[string, cell]
		byPeriod  satmetrics.Groups[satmetrics.Period, cell]
	)
	overall.init(c.csatScale, c.cesScale)
	for k, cl := range s.cells.All() {
		for _, dst := range []*cell{&overall, bySegment.At(k.Segment), byPeriod.At(k.Period)} {
			dst.init(c.csatScale, c.cesScale)
			if err := dst.Merge(cl); err != nil {
				return nil, err
			}
		}
		r.BySegmentPeriod = append(r.BySegmentPeriod, segPeriodFigure{Segment: k.Segment, Period: k.Period, figures: b.figures(cl)})
	}
	r.Overall = b.figures(&overall)
	for seg, cl := range bySegment.All() {
		r.BySegment = append(r.BySegment, segmentFigures{Segment: seg, figures: b.figures(cl)})
	}
	var periods []satmetrics.Period
	var cells []*cell
	for p, cl := range byPeriod.All() {
		r.ByPeriod = append(r.ByPeriod, periodFigures{Period: p, figures: b.figures(cl)})
		periods, cells = append(periods, p), append(cells, cl)
	}
	r.Changes = b.changes("", periods, cells)
	if l.segment >= 0 {
		for seg := range bySegment.All() {
			periods, cells = periods[:0], cells[:0]
			for k, cl := range s.cells.All() {
				if k.Segment == seg {
					periods, cells = append(periods, k.Period), append(cells, cl)
				}
			}
			r.Changes = append(r.Changes, b.changes(seg, periods, cells)...)
		}
	}

	if s.items != nil {
		r.Items = b.items(s.items)
	}
	if l.csat >= 0 {
		if r.ControlChart = b.pChart(&byPeriod, &r.Notes); r.ControlChart != nil {
			r.Settings.Methods["p_chart"] = methods["p_chart"]
		}
	}

	if s.accepted == 0 {
		r.Notes = append(r.Notes, "no row was accepted, so the report has no figures: see the rejected rows")
	}
	if s.noAnswer > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("%d accepted rows have no answer at all (every answer cell empty)", s.noAnswer))
	}
	if b.err != nil {
		return nil, b.err
	}
	return r, nil
}

func (b *builder) items(t *likert.InstrumentTally) *itemsReport {
	in := t.Instrument()
	ir := &itemsReport{Scale: b.c.itemScale.String(), Rows: t.N()}
	for i, it := range in.Items {
		f := itemFigures{Name: it.Name, Reverse: it.Reverse}
		if s, err := t.Item(i).Summary(b.c.level); err == nil {
			f.Summary = &s
		} else if !errors.Is(err, satmetrics.ErrNoData) && !errors.Is(err, satmetrics.ErrUndefined) && b.err == nil {
			b.err = err
		}
		ir.Items = append(ir.Items, f)
	}
	if len(in.Items) >= 2 {
		rep, err := t.Reliability().Report(likert.ReliabilityConfig{Level: b.c.level})
		if err == nil {
			ir.Reliability = &rep
		}
	}
	ir.Composite = b.est(t.Composite(b.c.level))
	return ir
}

// pChart draws the control chart of the share of satisfied answers per
// period, all segments together.
func (b *builder) pChart(byPeriod *satmetrics.Groups[satmetrics.Period, cell], notes *[]string) *controlChart {
	var ps []kpi.Proportion
	for p, cl := range byPeriod.All() {
		if n := cl.csat.N(); n > 0 {
			ps = append(ps, kpi.Proportion{Period: p, Count: cl.satisfied(), N: n})
		}
	}
	if len(ps) < 2 {
		return nil
	}
	ch, err := kpi.PChart(ps)
	if err != nil {
		*notes = append(*notes, "no CSAT control chart: "+err.Error())
		return nil
	}
	cc := &controlChart{ControlChart: ch, Signals: []signal{}}
	for _, s := range ch.Signals {
		rule, _ := s.Rule.MarshalText()
		cc.Signals = append(cc.Signals, signal{Rule: string(rule), Period: s.Period, Side: s.Side, Description: s.String()})
	}
	return cc
}

// controlChart is a kpi.ControlChart whose signals are described in words,
// so that report.json reads back without the kpi package.
type controlChart struct {
	kpi.ControlChart
	Signals []signal `json:"signals"`
}

type signal struct {
	Rule        string            `json:"rule"`
	Period      satmetrics.Period `json:"period"`
	Side        int               `json:"side"` // +1 above the centre line, -1 below
	Description string            `json:"description"`
}

// topSegments returns the names of at most n segments with the most rows,
// in name order.
func topSegments(r *Report, n int) []string {
	segs := slices.Clone(r.BySegment)
	slices.SortStableFunc(segs, func(a, b segmentFigures) int { return cmp.Compare(b.Rows, a.Rows) })
	segs = segs[:min(n, len(segs))]
	names := make([]string, len(segs))
	for i, s := range segs {
		names[i] = s.Segment
	}
	slices.Sort(names)
	return names
}
