package churn

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/stable"
)

// An EventKind is what happened to a subscription. The zero EventKind is
// unset and not Valid.
type EventKind uint8

// The event kinds.
const (
	// Start begins a customer's paying subscription: the first start makes
	// them new, a later one (after a Cancel) reactivates them. Its Amount is
	// the customer's MRR from then on (0 for a free plan).
	Start EventKind = iota + 1
	// Cancel ends the customer's subscription: they churn, taking their MRR
	// with them. Its Amount must be 0.
	Cancel
	// Payment records a payment by an active customer. Its Amount is the
	// MRR the payment stands for (an annual payment divided by 12); a
	// change from the customer's MRR is an expansion or a contraction.
	Payment
)

var eventNames = [...]string{Start: "start", Cancel: "cancel", Payment: "payment"}

// Valid reports whether k is Start, Cancel or Payment.
func (k EventKind) Valid() bool { return k >= Start && k <= Payment }

// String returns "start", "cancel" or "payment", and "%!EventKind(n)" for
// other values.
func (k EventKind) String() string {
	if !k.Valid() {
		return "%!EventKind(" + strconv.Itoa(int(k)) + ")"
	}
	return eventNames[k]
}

// MarshalText implements encoding.TextMarshaler.
func (k EventKind) MarshalText() ([]byte, error) {
	if !k.Valid() {
		return nil, fmt.Errorf("churn: marshal %v: %w", k, satmetrics.ErrRange)
	}
	return []byte(k.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *EventKind) UnmarshalText(b []byte) error {
	for i := Start; i <= Payment; i++ {
		if eventNames[i] == string(b) {
			*k = i
			return nil
		}
	}
	return &satmetrics.ParseError{Func: "churn.EventKind.UnmarshalText", Input: string(b), Err: satmetrics.ErrSyntax}
}

// An Event is one raw record of a subscription ledger.
type Event struct {
	Customer string    `json:"customer"`
	Time     time.Time `json:"time"`
	Kind     EventKind `json:"kind"`
	Amount   float64   `json:"amount"` // MRR, for Start and Payment
}

// String describes e as `customer "c42" cancel at 2026-01-31T00:00:00Z`,
// with the amount for starts and payments.
func (e Event) String() string {
	s := "customer " + strconv.Quote(e.Customer) + " " + e.Kind.String() + " at " + formatTime(e.Time)
	if e.Kind != Cancel {
		s += " amount " + strconv.FormatFloat(e.Amount, 'g', -1, 64)
	}
	return s
}

// Validate checks the fields of e on their own: a customer, a time, a
// valid kind and a finite, non-negative amount (0 for a Cancel). It returns
// an error wrapping satmetrics.ErrRange (ErrNotFinite for a NaN amount).
func (e Event) Validate() error {
	switch {
	case e.Customer == "":
		return fmt.Errorf("churn: event without a customer: %w", satmetrics.ErrRange)
	case e.Time.IsZero():
		return fmt.Errorf("churn: event without a time: %w", satmetrics.ErrRange)
	case !e.Kind.Valid():
		return fmt.Errorf("churn: event kind %v: %w", e.Kind, satmetrics.ErrRange)
	}
	if err := checkNonNegative("amount", e.Amount); err != nil {
		return err
	}
	if e.Kind == Cancel && e.Amount != 0 {
		return fmt.Errorf("churn: cancel with amount %v: %w", e.Amount, satmetrics.ErrRange)
	}
	return nil
}

// A Ledger collects the raw events of subscriptions (starts, cancels and
// payments, per customer, in any order) and derives from them the
// per-period customer flows and MRR movements (Report), cohort tables
// (Cohorts) and the customers' lifetimes for survival analysis (Subjects),
// so that users need not pre-aggregate.
//
// Nothing is dropped silently. Add refuses an event whose fields are bad
// and counts it in Rejected; the derived tables refuse a history that is
// impossible (a cancel for a customer who never started, a payment by a
// cancelled customer) with a *RecordError naming the event; and every
// accepted event is counted in exactly one period of a Report or in its
// Later count.
//
// The zero Ledger is empty and ready to use. A Ledger keeps every event
// (memory grows with the events, unlike the package's accumulators); it is
// not safe for concurrent use.
type Ledger struct {
	events   []indexed // with their positions among the events offered
	rejected int64
}

// Add adds an event. An event that fails Event.Validate is not added; the
// error is a *RecordError whose Index is the number of events offered to
// the ledger before it, and the ledger counts it in Rejected.
func (l *Ledger) Add(e Event) error {
	if err := e.Validate(); err != nil {
		idx := len(l.events) + int(l.rejected)
		l.rejected++
		return recordErr(idx, e.String(), err)
	}
	l.events = append(l.events, indexed{e, len(l.events) + int(l.rejected)})
	return nil
}

// Len returns the number of events added.
func (l *Ledger) Len() int { return len(l.events) }

// Rejected returns the number of events Add refused; Len() + Rejected() is
// the number of events offered.
func (l *Ledger) Rejected() int64 { return l.rejected }

// Merge adds the events of m to l, as if each had been offered to l after
// those already offered to it: in errors, an event of m is then named by its
// position in m plus the number of events offered to l before the merge.
func (l *Ledger) Merge(m *Ledger) {
	off := len(l.events) + int(l.rejected)
	for _, e := range m.events {
		l.events = append(l.events, indexed{e.Event, e.i + off})
	}
	l.rejected += m.rejected
}

// ReportConfig says how a Ledger groups its events into periods. The zero
// value asks for calendar months in UTC through the month of the last
// event.
type ReportConfig struct {
	Kind     satmetrics.PeriodKind // period length; 0 means satmetrics.Month
	Location *time.Location        // time zone of the periods; nil means UTC
	// Through is the last instant reported: the periods run from the one
	// of the first event to the one that contains Through. Events after it
	// are counted in Report.Later. The zero time means the last event.
	Through time.Time
}

func (c ReportConfig) normalize(l *Ledger) (ReportConfig, error) {
	if c.Kind == 0 {
		c.Kind = satmetrics.Month
	}
	if c.Location == nil {
		c.Location = time.UTC
	}
	if !c.Kind.Valid() {
		return c, fmt.Errorf("churn: report: period kind %v: %w", c.Kind, satmetrics.ErrRange)
	}
	if len(l.events) == 0 {
		return c, fmt.Errorf("churn: report: ledger is empty: %w", satmetrics.ErrNoData)
	}
	if c.Through.IsZero() {
		for _, e := range l.events {
			if e.Time.After(c.Through) {
				c.Through = e.Time
			}
		}
	}
	return c, nil
}

// EventCounts counts events by kind.
type EventCounts struct {
	Starts   int64 `json:"starts"`
	Cancels  int64 `json:"cancels"`
	Payments int64 `json:"payments"`
}

// Total returns Starts + Cancels + Payments.
func (c EventCounts) Total() int64 { return c.Starts + c.Cancels + c.Payments }

func (c *EventCounts) count(k EventKind) {
	switch k {
	case Start:
		c.Starts++
	case Cancel:
		c.Cancels++
	default:
		c.Payments++
	}
}

// A PeriodReport holds one period's customer flow, MRR movements and
// events.
type PeriodReport struct {
	Period    satmetrics.Period `json:"period"`
	Customers Flow              `json:"customers"`
	MRR       MRR               `json:"mrr"`
	Events    EventCounts       `json:"events"`
}

// A Report is a Ledger's history period by period. Events.Total() + Later
// equals the Ledger's Len(), and Len() + Rejected the number of events
// offered to it.
type Report struct {
	Periods  []PeriodReport `json:"periods"`
	Events   EventCounts    `json:"events"`   // events in the reported periods
	Later    int64          `json:"later"`    // events after the last reported period
	Rejected int64          `json:"rejected"` // events the Ledger refused
}

// customer is the replay state of one customer.
type customer struct {
	active      bool
	started     bool // has had a start before the current event
	mrr         float64
	first       int // index of the period of the first start
	touched     int // last period with an event, or -1
	atStart     bool
	cancelledIn bool // cancelled in the touched period
	startedIn   bool // started in the touched period
	// for cohorts
	gross     float64 // running minimum of MRR at period ends, from the first start
	surviving bool    // never cancelled yet
	initial   float64 // MRR of the first start
}

// indexed is an event with its position among the events offered to the
// ledger.
type indexed struct {
	Event
	i int
}

// replay sorts the events by time (stably, so events of one instant keep
// the order they were added in), checks each customer's history and calls
// visit for every period from the first event's to the one containing
// through, after applying the period's events, with the customers touched
// in it and the state at its start.
type replayer struct {
	cfg       ReportConfig
	periods   []satmetrics.Period
	events    []indexed
	customers map[string]*customer
	order     []string // customers in order of first start
}

func (l *Ledger) replayer(cfg ReportConfig) (*replayer, error) {
	cfg, err := cfg.normalize(l)
	if err != nil {
		return nil, err
	}
	ev := append([]indexed(nil), l.events...)
	slices.SortStableFunc(ev, func(a, b indexed) int { return a.Time.Compare(b.Time) })
	periods, err := satmetrics.PeriodsBetween(cfg.Kind, ev[0].Time, cfg.Through, cfg.Location)
	if err != nil {
		return nil, fmt.Errorf("churn: report: %w", err)
	}
	// First start of every customer, to tell an unknown customer from an
	// event dated before the customer's start.
	firstStart := make(map[string]time.Time)
	for _, e := range ev {
		if _, ok := firstStart[e.Customer]; !ok && e.Kind == Start {
			firstStart[e.Customer] = e.Time
		}
	}
	for _, e := range ev {
		if e.Kind == Start {
			continue
		}
		fs, ok := firstStart[e.Customer]
		if !ok {
			return nil, recordErr(e.i, e.String(), fmt.Errorf("%v for a customer with no start: %w", e.Kind, ErrUnknownCustomer))
		}
		if e.Time.Before(fs) {
			return nil, recordErr(e.i, e.String(), fmt.Errorf("%v before the customer's first start at %s: %w", e.Kind, formatTime(fs), ErrSequence))
		}
	}
	return &replayer{cfg: cfg, periods: periods, events: ev, customers: make(map[string]*customer, len(firstStart))}, nil
}

// run replays the events. For each period it calls visit with the period's
// index, the customers with events in it, and its event counts, after
// applying its events; apply is called for every event with the customer's
// state before the event.
func (r *replayer) run(apply func(e indexed, c *customer, k int), visit func(k int, touched []*customer, n EventCounts)) (later int64, err error) {
	j := 0
	var touched []*customer
	for k, p := range r.periods {
		end := p.End()
		touched = touched[:0]
		var n EventCounts
		for ; j < len(r.events) && r.events[j].Time.Before(end); j++ {
			e := r.events[j]
			c := r.customers[e.Customer]
			if c == nil {
				c = &customer{touched: -1, first: k}
				r.customers[e.Customer] = c
				r.order = append(r.order, e.Customer)
			}
			if c.touched != k {
				c.touched, c.atStart, c.cancelledIn, c.startedIn = k, c.active, false, false
				touched = append(touched, c)
			}
			switch {
			case e.Kind == Start && c.active:
				return 0, recordErr(e.i, e.String(), fmt.Errorf("start of a customer who is already active: %w", ErrSequence))
			case e.Kind != Start && !c.active:
				return 0, recordErr(e.i, e.String(), fmt.Errorf("%v of a customer who cancelled: %w", e.Kind, ErrSequence))
			}
			apply(e, c, k)
			switch e.Kind {
			case Start:
				if !c.started {
					c.first, c.initial, c.gross, c.surviving = k, e.Amount, e.Amount, true
				}
				c.active, c.started, c.startedIn, c.mrr = true, true, true, e.Amount
			case Cancel:
				c.active, c.cancelledIn, c.mrr, c.surviving, c.gross = false, true, 0, false, 0
			default:
				c.mrr = e.Amount
			}
			n.count(e.Kind)
		}
		visit(k, touched, n)
	}
	return int64(len(r.events) - j), nil
}

// Report returns the ledger's history period by period: each period's
// customer Flow (classified by each customer's state at the period's start
// and end, see Flow), its MRR movements (event by event: a first start adds
// New MRR, a later start Reactivation, a payment that changes a customer's
// MRR Expansion or Contraction, and a cancel Churned the customer's MRR at
// that moment), and its event counts.
//
// It returns an error wrapping satmetrics.ErrNoData for an empty ledger,
// satmetrics.ErrRange for a bad configuration, and a *RecordError for the
// first impossible event in time order: a cancel or payment for a customer
// with no start (ErrUnknownCustomer), one dated before the customer's first
// start, a start of an active customer, or a cancel or payment of a customer
// who has cancelled (ErrSequence).
func (l *Ledger) Report(cfg ReportConfig) (*Report, error) {
	r, err := l.replayer(cfg)
	if err != nil {
		return nil, err
	}
	rep := &Report{Periods: make([]PeriodReport, len(r.periods)), Rejected: l.rejected}
	var active int64
	var mrr stable.Sum
	var cur MRR
	later, err := r.run(func(e indexed, c *customer, k int) {
		pr := &rep.Periods[k]
		switch e.Kind {
		case Start:
			if c.started {
				pr.MRR.Reactivation += e.Amount
			} else {
				pr.MRR.New += e.Amount
			}
			mrr.Add(e.Amount)
		case Cancel:
			pr.MRR.Churned += c.mrr
			mrr.Add(-c.mrr)
		default:
			if d := e.Amount - c.mrr; d > 0 {
				pr.MRR.Expansion += d
			} else {
				pr.MRR.Contraction -= d
			}
			mrr.Add(e.Amount - c.mrr)
		}
	}, func(k int, touched []*customer, n EventCounts) {
		pr := &rep.Periods[k]
		pr.Period = r.periods[k]
		pr.Events = n
		pr.MRR.Start = cur.Start
		f := &pr.Customers
		f.Start = active
		var touchedActive int64
		for _, c := range touched {
			if c.atStart {
				touchedActive++
			}
			switch {
			case c.atStart && c.active:
				f.Retained++
				if c.cancelledIn {
					f.ChurnedAndReactivated++
				}
			case c.atStart:
				f.Lost++
			case c.active && c.first == k:
				f.New++
			case c.active:
				f.Reactivated++
			case c.startedIn && c.first == k:
				f.JoinedAndChurned++
			case c.startedIn:
				f.ReturnedAndChurned++
			}
		}
		f.Retained += active - touchedActive
		f.End = f.Retained + f.New + f.Reactivated
		active = f.End
		cur.Start = clampTiny(mrr.Value())
		rep.Events.Starts += n.Starts
		rep.Events.Cancels += n.Cancels
		rep.Events.Payments += n.Payments
	})
	if err != nil {
		return nil, err
	}
	rep.Later = later
	return rep, nil
}

// clampTiny turns the rounding residue of a sum that should be 0 into 0.
func clampTiny(x float64) float64 {
	if x < 0 && x > -1e-9 {
		return 0
	}
	return x
}

// Subjects returns every customer's first subscription as a survival
// Subject, for KaplanMeier: the duration from the customer's first start to
// their first cancel (an event), or to through if they have not cancelled
// by then (censored), in units of unit (24*time.Hour for days). Customers
// who first start after through are left out, and counted in the second
// result, so that len(subjects) + after is the number of customers.
//
// It returns the errors of Report for an impossible history, and one
// wrapping satmetrics.ErrRange for a unit that is not positive or a zero
// through.
func (l *Ledger) Subjects(unit time.Duration, through time.Time) (subjects []Subject, after int, err error) {
	if unit <= 0 || through.IsZero() {
		return nil, 0, fmt.Errorf("churn: subjects: unit %v, through %v: %w", unit, through, satmetrics.ErrRange)
	}
	r, err := l.replayer(ReportConfig{Kind: satmetrics.Year, Through: latest(l, through)})
	if err != nil {
		return nil, 0, err
	}
	type life struct {
		start, end time.Time
		ended      bool
	}
	lives := make(map[string]*life)
	var order []string
	_, err = r.run(func(e indexed, c *customer, k int) {
		lf := lives[e.Customer]
		if lf == nil {
			lf = &life{start: e.Time}
			lives[e.Customer] = lf
			order = append(order, e.Customer)
		}
		if e.Kind == Cancel && !lf.ended {
			lf.end, lf.ended = e.Time, true
		}
	}, func(int, []*customer, EventCounts) {})
	if err != nil {
		return nil, 0, err
	}
	for _, id := range order {
		lf := lives[id]
		if lf.start.After(through) {
			after++
			continue
		}
		s := Subject{Exit: float64(through.Sub(lf.start)) / float64(unit)}
		if lf.ended && !lf.end.After(through) {
			s = Subject{Exit: float64(lf.end.Sub(lf.start)) / float64(unit), Event: true}
		}
		subjects = append(subjects, s)
	}
	return subjects, after, nil
}

// latest returns the later of t and the ledger's last event.
func latest(l *Ledger, t time.Time) time.Time {
	for _, e := range l.events {
		if e.Time.After(t) {
			t = e.Time
		}
	}
	return t
}
