package kpi

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/satmetrics/satmetrics"
)

// A Policy says how to measure tickets: in business hours or calendar
// time, against which SLA targets, and by which first-contact rule. The
// zero Policy measures calendar time, has no SLA targets and counts
// Zendesk one-touch tickets.
type Policy struct {
	// Schedule measures durations in business hours; nil means calendar
	// time.
	Schedule *Schedule
	// FirstReplyTargets and ResolutionTargets are the SLA targets by
	// priority; a priority without a target has no SLA.
	FirstReplyTargets map[string]time.Duration
	ResolutionTargets map[string]time.Duration
	// Rule is the first-contact rule; zero means ZendeskOneTouch.
	Rule ResolutionRule
}

// An Outcome is a ticket's standing against an SLA target.
type Outcome int8

// The outcomes.
const (
	NoTarget Outcome = iota // the ticket's priority has no target
	Achieved                // the event happened within the target
	Breached                // it happened late, or has not happened and the target has passed
	Pending                 // it has not happened and the target has not passed yet
)

// String returns "no target", "achieved", "breached" or "pending".
func (o Outcome) String() string {
	switch o {
	case NoTarget:
		return "no target"
	case Achieved:
		return "achieved"
	case Breached:
		return "breached"
	case Pending:
		return "pending"
	}
	return fmt.Sprintf("%%!Outcome(%d)", int8(o))
}

// MarshalText implements encoding.TextMarshaler with String.
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *Outcome) UnmarshalText(b []byte) error {
	for v := NoTarget; v <= Pending; v++ {
		if v.String() == string(b) {
			*o = v
			return nil
		}
	}
	return &satmetrics.ParseError{Func: "kpi.Outcome.UnmarshalText", Input: string(b), Err: satmetrics.ErrSyntax}
}

// Measures are a ticket's KPIs under a Policy at a moment.
type Measures struct {
	ID       string `json:"id"`
	Channel  string `json:"channel"`
	Priority string `json:"priority"`

	Replied         bool          `json:"replied"`
	FirstReply      time.Duration `json:"first_reply"`      // creation to first public reply
	EverSolved      bool          `json:"ever_solved"`      // solved at least once
	FirstResolution time.Duration `json:"first_resolution"` // creation to first solve
	// FirstResolutionUnknown is set when the first solve's time is not
	// recorded (a summary record with ReopenCount > 0): FirstResolution is
	// then 0 and not counted.
	FirstResolutionUnknown bool           `json:"first_resolution_unknown,omitempty"`
	Solved                 bool           `json:"solved"`          // solved now
	FullResolution         time.Duration  `json:"full_resolution"` // creation to the last solve, when solved now
	Reopened               bool           `json:"reopened"`
	FirstContact           bool           `json:"first_contact"`  // solved at first contact under Rule
	Rule                   ResolutionRule `json:"rule,omitempty"` // the first-contact rule; zero means ZendeskOneTouch

	FirstReplySLA Outcome `json:"first_reply_sla"`
	ResolutionSLA Outcome `json:"resolution_sla"`
}

func (p *Policy) rule() ResolutionRule {
	if p.Rule == 0 {
		return ZendeskOneTouch
	}
	return p.Rule
}

// elapsed is the time from a to b in the policy's clock.
func (p *Policy) elapsed(a, b time.Time) (time.Duration, error) {
	if p.Schedule == nil {
		if b.Before(a) {
			return 0, fmt.Errorf("kpi: %v is before %v: %w", b, a, ErrOrder)
		}
		return b.Sub(a), nil
	}
	return p.Schedule.Duration(a, b)
}

// Measure computes a ticket's KPIs at the instant now (which only the SLAs
// of events that have not happened yet depend on): first reply, first and
// full resolution times in the policy's clock, whether it was reopened and
// resolved at the first contact, and its SLA outcomes. The first-reply SLA
// compares the first reply time with the target; the resolution SLA the
// full resolution time of a solved ticket, or the time open so far of one
// that is not.
//
// An invalid ticket is an error naming it (see Ticket.Validate), and so is
// a now before the ticket's creation or last event, and an unknown Rule.
func (p *Policy) Measure(t *Ticket, now time.Time) (Measures, error) {
	if err := t.Validate(); err != nil {
		return Measures{}, err
	}
	if r := p.rule(); r != ZendeskOneTouch && r != FreshdeskFCR {
		return Measures{}, fmt.Errorf("kpi: policy rule %v: %w", r, satmetrics.ErrRange)
	}
	last := t.Created
	for _, e := range [...]time.Time{t.FirstReply, t.Closed} {
		if e.After(last) {
			last = e
		}
	}
	if n := len(t.Solves); n > 0 && t.Solves[n-1].After(last) {
		last = t.Solves[n-1]
	}
	if n := len(t.Reopens); n > 0 && t.Reopens[n-1].After(last) {
		last = t.Reopens[n-1]
	}
	if now.Before(last) {
		return Measures{}, t.fail("now", fmt.Errorf("measured at %v, before its last event at %v: %w", now, last, ErrOrder))
	}
	m := Measures{
		ID: t.ID, Channel: t.Channel, Priority: t.Priority,
		Replied:      !t.FirstReply.IsZero(),
		EverSolved:   len(t.Solves) > 0 || t.ReopenCount > 0,
		Solved:       t.Solved(),
		Reopened:     t.Reopened() > 0,
		FirstContact: t.FirstContact(p.rule()),
		Rule:         p.rule(),
	}
	var err error
	if m.Replied {
		if m.FirstReply, err = p.elapsed(t.Created, t.FirstReply); err != nil {
			return Measures{}, t.fail("first_reply", err)
		}
	}
	if m.EverSolved {
		if t.ReopenCount > 0 {
			m.FirstResolutionUnknown = true
		} else if m.FirstResolution, err = p.elapsed(t.Created, t.Solves[0]); err != nil {
			return Measures{}, t.fail("solves", err)
		}
	}
	if m.Solved {
		if m.FullResolution, err = p.elapsed(t.Created, t.Solves[len(t.Solves)-1]); err != nil {
			return Measures{}, t.fail("solves", err)
		}
	}
	outcome := func(target time.Duration, ok bool, happened bool, took time.Duration) (Outcome, error) {
		if !ok {
			return NoTarget, nil
		}
		if happened {
			if took <= target {
				return Achieved, nil
			}
			return Breached, nil
		}
		so, err := p.elapsed(t.Created, now)
		if err != nil {
			return 0, err
		}
		if so > target {
			return Breached, nil
		}
		return Pending, nil
	}
	target, ok := p.FirstReplyTargets[t.Priority]
	if m.FirstReplySLA, err = outcome(target, ok, m.Replied, m.FirstReply); err != nil {
		return Measures{}, t.fail("now", err)
	}
	target, ok = p.ResolutionTargets[t.Priority]
	if m.ResolutionSLA, err = outcome(target, ok, m.Solved, m.FullResolution); err != nil {
		return Measures{}, t.fail("now", err)
	}
	return m, nil
}

// SLACount is the number of tickets of one priority that achieved and
// breached an SLA target.
type SLACount struct {
	Priority string `json:"priority"`
	Achieved int64  `json:"achieved"`
	Breached int64  `json:"breached"`
}

// A ServiceTally accumulates the measures of tickets, for one channel, team
// or period: counts for the rates, streaming Sketches of the first reply
// and resolution times (in seconds, within 1% for percentiles, with exact
// means), and SLA outcomes by priority. Memory is O(1) in the number of
// tickets (apart from one entry per priority).
//
// The zero value is an empty tally ready to use. Tallies of one grouping
// combine with Merge, for example in a satmetrics.Groups keyed by channel:
//
//	var g satmetrics.Groups[string, kpi.ServiceTally]
//	g.At(m.Channel).Add(m)
type ServiceTally struct {
	tickets, replied, everSolved, solved, reopened, firstContact int64
	rule                                                         ResolutionRule
	firstReply, firstResolution, fullResolution                  Sketch
	firstReplySLA, resolutionSLA                                 []SLACount
}

// Add adds one ticket's measures. A tally holds measures of one
// first-contact rule, set by the first ticket added: measures under another
// rule are an error wrapping satmetrics.ErrIncompatible, and negative
// durations one wrapping satmetrics.ErrRange naming the ticket. Add does
// not allocate once the sketches have warmed up and the priorities have
// been seen.
func (t *ServiceTally) Add(m Measures) error {
	r := m.Rule
	if r == 0 {
		r = ZendeskOneTouch
	}
	if r != ZendeskOneTouch && r != FreshdeskFCR {
		return &RecordError{Kind: "ticket", ID: m.ID, Field: "rule", Err: fmt.Errorf("%v: %w", r, satmetrics.ErrRange)}
	}
	if t.tickets > 0 && t.effRule() != r {
		return fmt.Errorf("kpi: add measures under %v to a tally under %v: %w", r, t.effRule(), satmetrics.ErrIncompatible)
	}
	if m.FirstReply < 0 || m.FirstResolution < 0 || m.FullResolution < 0 {
		return &RecordError{Kind: "ticket", ID: m.ID, Field: "measures", Err: fmt.Errorf("negative duration: %w", satmetrics.ErrRange)}
	}
	t.rule = r
	t.tickets++
	if m.Replied {
		t.replied++
		_ = t.firstReply.AddDuration(m.FirstReply)
	}
	if m.EverSolved {
		t.everSolved++
		if !m.FirstResolutionUnknown {
			_ = t.firstResolution.AddDuration(m.FirstResolution)
		}
		if m.Reopened {
			t.reopened++
		}
	}
	if m.Solved {
		t.solved++
		_ = t.fullResolution.AddDuration(m.FullResolution)
		if m.FirstContact {
			t.firstContact++
		}
	}
	t.firstReplySLA = addSLA(t.firstReplySLA, m.Priority, m.FirstReplySLA)
	t.resolutionSLA = addSLA(t.resolutionSLA, m.Priority, m.ResolutionSLA)
	return nil
}

func (t *ServiceTally) effRule() ResolutionRule {
	if t.rule == 0 {
		return ZendeskOneTouch
	}
	return t.rule
}

func addSLA(cs []SLACount, priority string, o Outcome) []SLACount {
	if o != Achieved && o != Breached {
		return cs
	}
	i := slices.IndexFunc(cs, func(c SLACount) bool { return c.Priority == priority })
	if i < 0 {
		cs = append(cs, SLACount{Priority: priority})
		slices.SortFunc(cs, func(a, b SLACount) int { return cmp.Compare(a.Priority, b.Priority) })
		i = slices.IndexFunc(cs, func(c SLACount) bool { return c.Priority == priority })
	}
	if o == Achieved {
		cs[i].Achieved++
	} else {
		cs[i].Breached++
	}
	return cs
}

// Merge folds u into t, as if every ticket added to u had been added to t.
// It is associative and commutative, with the zero tally as identity.
// Tallies under different first-contact rules are refused with an error
// wrapping satmetrics.ErrIncompatible.
func (t *ServiceTally) Merge(u *ServiceTally) error {
	if u.tickets == 0 {
		return nil
	}
	if t.tickets > 0 && t.effRule() != u.effRule() {
		return fmt.Errorf("kpi: merge tallies under %v and %v: %w", t.effRule(), u.effRule(), satmetrics.ErrIncompatible)
	}
	if t == u {
		c := u.clone()
		u = &c
	}
	if t.tickets == 0 {
		t.rule = u.rule
	}
	t.tickets += u.tickets
	t.replied += u.replied
	t.everSolved += u.everSolved
	t.solved += u.solved
	t.reopened += u.reopened
	t.firstContact += u.firstContact
	for _, p := range []struct{ dst, src *Sketch }{
		{&t.firstReply, &u.firstReply}, {&t.firstResolution, &u.firstResolution}, {&t.fullResolution, &u.fullResolution},
	} {
		if err := p.dst.Merge(p.src); err != nil {
			return err
		}
	}
	t.firstReplySLA = mergeSLA(t.firstReplySLA, u.firstReplySLA)
	t.resolutionSLA = mergeSLA(t.resolutionSLA, u.resolutionSLA)
	return nil
}

func (t *ServiceTally) clone() ServiceTally {
	c := *t
	for _, s := range []*Sketch{&c.firstReply, &c.firstResolution, &c.fullResolution} {
		s.counts = slices.Clone(s.counts)
	}
	c.firstReplySLA = slices.Clone(t.firstReplySLA)
	c.resolutionSLA = slices.Clone(t.resolutionSLA)
	return c
}

func mergeSLA(a, b []SLACount) []SLACount {
	for _, c := range b {
		i := slices.IndexFunc(a, func(x SLACount) bool { return x.Priority == c.Priority })
		if i < 0 {
			a = append(a, c)
			continue
		}
		a[i].Achieved += c.Achieved
		a[i].Breached += c.Breached
	}
	slices.SortFunc(a, func(x, y SLACount) int { return cmp.Compare(x.Priority, y.Priority) })
	return a
}

// ServiceCounts are a ServiceTally's ticket counts, for charts and custom
// rates: a p-chart of first-contact resolution by week charts
// FirstContact out of Solved.
type ServiceCounts struct {
	Tickets      int64 `json:"tickets"`
	Replied      int64 `json:"replied"`       // with a first reply
	EverSolved   int64 `json:"ever_solved"`   // solved at least once
	Solved       int64 `json:"solved"`        // solved now
	Reopened     int64 `json:"reopened"`      // ever solved and reopened
	FirstContact int64 `json:"first_contact"` // solved now, at the first contact
}

// Counts returns the tally's ticket counts.
func (t *ServiceTally) Counts() ServiceCounts {
	return ServiceCounts{t.tickets, t.replied, t.everSolved, t.solved, t.reopened, t.firstContact}
}

// Tickets returns the number of tickets added.
func (t *ServiceTally) Tickets() int64 { return t.tickets }

// Rule returns the tally's first-contact rule.
func (t *ServiceTally) Rule() ResolutionRule { return t.effRule() }

// A DurationStats summarizes durations from a Sketch, in seconds: the
// count, the exact mean, and the median and 90th and 95th percentiles
// within the sketch's 1%.
type DurationStats struct {
	N      int64   `json:"n"`
	Mean   float64 `json:"mean"`
	Median float64 `json:"median"`
	P90    float64 `json:"p90"`
	P95    float64 `json:"p95"`
}

func statsOf(s *Sketch, what string) (DurationStats, error) {
	if s.Count() == 0 {
		return DurationStats{}, fmt.Errorf("kpi: %s of no tickets: %w", what, satmetrics.ErrNoData)
	}
	d := DurationStats{N: s.Count()}
	d.Mean, _ = s.Mean()
	d.Median, _ = s.Quantile(0.5)
	d.P90, _ = s.Quantile(0.9)
	d.P95, _ = s.Quantile(0.95)
	return d, nil
}

// FirstReplyTime summarizes the first reply times of the replied tickets.
func (t *ServiceTally) FirstReplyTime() (DurationStats, error) {
	return statsOf(&t.firstReply, "first reply time")
}

// FirstResolutionTime summarizes the times to the first solve, of the
// tickets whose first solve is recorded.
func (t *ServiceTally) FirstResolutionTime() (DurationStats, error) {
	return statsOf(&t.firstResolution, "first resolution time")
}

// FullResolutionTime summarizes the times to the last solve of the tickets
// solved now.
func (t *ServiceTally) FullResolutionTime() (DurationStats, error) {
	return statsOf(&t.fullResolution, "full resolution time")
}

// Sketches returns the tally's sketches of first reply, first resolution
// and full resolution times (in seconds), for other quantiles. They are
// the tally's own: adding to them changes it.
func (t *ServiceTally) Sketches() (firstReply, firstResolution, fullResolution *Sketch) {
	return &t.firstReply, &t.firstResolution, &t.fullResolution
}

// FirstContactRate returns the share of solved tickets resolved at the
// first contact under the tally's rule, in percent with Wilson's interval.
func (t *ServiceTally) FirstContactRate(level float64) (satmetrics.Estimate, error) {
	return RateEstimate(t.firstContact, t.solved, level)
}

// ReopenRate returns the share of the tickets ever solved that were
// reopened, in percent with Wilson's interval.
func (t *ServiceTally) ReopenRate(level float64) (satmetrics.Estimate, error) {
	return RateEstimate(t.reopened, t.everSolved, level)
}

// SLA returns the SLA counts by priority, in priority order: first reply
// SLA if firstReply is set, resolution SLA otherwise.
func (t *ServiceTally) SLA(firstReply bool) []SLACount {
	if firstReply {
		return slices.Clone(t.firstReplySLA)
	}
	return slices.Clone(t.resolutionSLA)
}

// SLAAttainment returns achieved / (achieved + breached) in percent with
// Wilson's interval, for the first reply SLA (firstReply set) or the
// resolution SLA, for one priority, or over all priorities if priority is
// "*". Pending tickets and tickets without a target do not count. No
// ticket with an outcome is an error wrapping satmetrics.ErrNoData.
func (t *ServiceTally) SLAAttainment(firstReply bool, priority string, level float64) (satmetrics.Estimate, error) {
	var a, b int64
	for _, c := range t.SLA(firstReply) {
		if priority == "*" || c.Priority == priority {
			a += c.Achieved
			b += c.Breached
		}
	}
	return RateEstimate(a, a+b, level)
}

// serviceJSON is the JSON form of a ServiceTally.
type serviceJSON struct {
	Rule            string     `json:"rule"`
	Tickets         int64      `json:"tickets"`
	Replied         int64      `json:"replied"`
	EverSolved      int64      `json:"ever_solved"`
	Solved          int64      `json:"solved"`
	Reopened        int64      `json:"reopened"`
	FirstContact    int64      `json:"first_contact"`
	FirstReply      *Sketch    `json:"first_reply"`
	FirstResolution *Sketch    `json:"first_resolution"`
	FullResolution  *Sketch    `json:"full_resolution"`
	FirstReplySLA   []SLACount `json:"first_reply_sla"`
	ResolutionSLA   []SLACount `json:"resolution_sla"`
}

// MarshalJSON encodes the tally's counts, sketches and SLA counts.
func (t *ServiceTally) MarshalJSON() ([]byte, error) {
	return json.Marshal(serviceJSON{
		Rule: t.effRule().String(), Tickets: t.tickets, Replied: t.replied, EverSolved: t.everSolved,
		Solved: t.solved, Reopened: t.reopened, FirstContact: t.firstContact,
		FirstReply: &t.firstReply, FirstResolution: &t.firstResolution, FullResolution: &t.fullResolution,
		FirstReplySLA: nonNil(t.firstReplySLA), ResolutionSLA: nonNil(t.resolutionSLA),
	})
}

func nonNil(cs []SLACount) []SLACount {
	if cs == nil {
		return []SLACount{}
	}
	return cs
}

// UnmarshalJSON decodes what MarshalJSON encodes. Counts that contradict
// each other or the sketches are an error wrapping satmetrics.ErrCorrupt.
func (t *ServiceTally) UnmarshalJSON(b []byte) error {
	var j serviceJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("kpi: decode service tally: %v: %w", err, satmetrics.ErrCorrupt)
	}
	var u ServiceTally
	switch j.Rule {
	case ZendeskOneTouch.String():
		u.rule = ZendeskOneTouch
	case FreshdeskFCR.String():
		u.rule = FreshdeskFCR
	default:
		return fmt.Errorf("kpi: decode service tally: rule %q: %w", j.Rule, satmetrics.ErrCorrupt)
	}
	u.tickets, u.replied, u.everSolved, u.solved, u.reopened, u.firstContact = j.Tickets, j.Replied, j.EverSolved, j.Solved, j.Reopened, j.FirstContact
	for _, p := range []struct{ dst, src *Sketch }{
		{&u.firstReply, j.FirstReply}, {&u.firstResolution, j.FirstResolution}, {&u.fullResolution, j.FullResolution},
	} {
		if p.src != nil {
			*p.dst = *p.src
		}
	}
	u.firstReplySLA, u.resolutionSLA = j.FirstReplySLA, j.ResolutionSLA
	if err := u.check(); err != nil {
		return err
	}
	*t = u
	return nil
}

// check returns an error wrapping satmetrics.ErrCorrupt if the counts
// cannot come from adding tickets.
func (t *ServiceTally) check() error {
	corrupt := func(why string) error {
		return fmt.Errorf("kpi: decode service tally: %s: %w", why, satmetrics.ErrCorrupt)
	}
	switch {
	case t.tickets < 0 || t.replied < 0 || t.everSolved < 0 || t.solved < 0 || t.reopened < 0 || t.firstContact < 0:
		return corrupt("negative count")
	case t.replied > t.tickets || t.everSolved > t.tickets || t.solved > t.everSolved ||
		t.reopened > t.everSolved || t.firstContact > t.solved:
		return corrupt("counts contradict each other")
	case t.firstReply.Count() != t.replied || t.firstResolution.Count() > t.everSolved || t.fullResolution.Count() != t.solved:
		return corrupt("sketch counts differ from ticket counts")
	}
	for _, cs := range [][]SLACount{t.firstReplySLA, t.resolutionSLA} {
		var sum int64
		for i, c := range cs {
			if c.Achieved < 0 || c.Breached < 0 || (i > 0 && cs[i-1].Priority >= c.Priority) {
				return corrupt("bad SLA counts")
			}
			sum += c.Achieved + c.Breached
			if sum < 0 || sum > t.tickets {
				return corrupt("more SLA outcomes than tickets")
			}
		}
	}
	return nil
}

const serviceVersion = 1

// AppendBinary appends the binary encoding of t to b: a version byte of 1,
// the rule byte, the six counts as uvarints, the three sketches (each a
// uvarint length and the Sketch encoding), and the two SLA tables (a
// uvarint count, then per priority its uvarint-length-prefixed name and two
// uvarint counts).
func (t *ServiceTally) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, serviceVersion, byte(t.effRule()))
	for _, v := range []int64{t.tickets, t.replied, t.everSolved, t.solved, t.reopened, t.firstContact} {
		b = binary.AppendUvarint(b, uint64(v))
	}
	for _, s := range []*Sketch{&t.firstReply, &t.firstResolution, &t.fullResolution} {
		e, _ := s.MarshalBinary()
		b = binary.AppendUvarint(b, uint64(len(e)))
		b = append(b, e...)
	}
	for _, cs := range [][]SLACount{t.firstReplySLA, t.resolutionSLA} {
		b = binary.AppendUvarint(b, uint64(len(cs)))
		for _, c := range cs {
			b = binary.AppendUvarint(b, uint64(len(c.Priority)))
			b = append(b, c.Priority...)
			b = binary.AppendUvarint(b, uint64(c.Achieved))
			b = binary.AppendUvarint(b, uint64(c.Breached))
		}
	}
	return b, nil
}

// MarshalBinary implements encoding.BinaryMarshaler with the layout of
// AppendBinary.
func (t *ServiceTally) MarshalBinary() ([]byte, error) { return t.AppendBinary(nil) }

// UnmarshalBinary implements encoding.BinaryUnmarshaler. Truncated or
// trailing bytes, an unknown version or rule, and counts that contradict
// each other are errors wrapping satmetrics.ErrCorrupt.
func (t *ServiceTally) UnmarshalBinary(b []byte) error {
	corrupt := func(why string) error {
		return fmt.Errorf("kpi: decode service tally: %s: %w", why, satmetrics.ErrCorrupt)
	}
	if len(b) < 2 || b[0] != serviceVersion {
		return corrupt("bad header")
	}
	var u ServiceTally
	u.rule = ResolutionRule(b[1])
	if u.rule != ZendeskOneTouch && u.rule != FreshdeskFCR {
		return corrupt("unknown rule")
	}
	b = b[2:]
	uv := func() (int64, bool) {
		v, k := binary.Uvarint(b)
		if k <= 0 || v > 1<<62 {
			return 0, false
		}
		b = b[k:]
		return int64(v), true
	}
	for _, p := range []*int64{&u.tickets, &u.replied, &u.everSolved, &u.solved, &u.reopened, &u.firstContact} {
		v, ok := uv()
		if !ok {
			return corrupt("truncated counts")
		}
		*p = v
	}
	for _, s := range []*Sketch{&u.firstReply, &u.firstResolution, &u.fullResolution} {
		n, ok := uv()
		if !ok || n > int64(len(b)) {
			return corrupt("truncated sketch")
		}
		if err := s.UnmarshalBinary(b[:n]); err != nil {
			return err
		}
		b = b[n:]
	}
	for _, cs := range []*[]SLACount{&u.firstReplySLA, &u.resolutionSLA} {
		n, ok := uv()
		if !ok || n > int64(len(b)) {
			return corrupt("truncated SLA table")
		}
		for range n {
			l, ok := uv()
			if !ok || l > int64(len(b)) {
				return corrupt("truncated priority")
			}
			c := SLACount{Priority: string(b[:l])}
			b = b[l:]
			var ok1, ok2 bool
			c.Achieved, ok1 = uv()
			c.Breached, ok2 = uv()
			if !ok1 || !ok2 {
				return corrupt("truncated SLA counts")
			}
			*cs = append(*cs, c)
		}
	}
	if len(b) != 0 {
		return corrupt(fmt.Sprintf("%d trailing bytes", len(b)))
	}
	if err := u.check(); err != nil {
		return err
	}
	*t = u
	return nil
}
