package kpi

import (
	"fmt"
	"strconv"
	"time"

	"github.com/satmetrics/satmetrics"
)

// A Ticket is a support request as a help desk records it: when it was
// created, when an agent first replied publicly, each time it was solved
// and reopened, when it was closed, and how many public replies agents
// made. Channel and Priority group the KPIs and choose the SLA targets.
//
// The zero time means "has not happened". Events must be in order: the
// first reply, every solve and the closing at or after creation; solves and
// reopens alternate (solve, reopen, solve, ...), so the ticket is open
// after a reopen and solved after a solve; a ticket is closed only once
// solved. Validate checks this.
//
// Help-desk exports often give only the latest solve and the number of
// reopens (Zendesk's ticket metrics have solved_at and reopens). Record
// those as Solves = [latest solve] and ReopenCount = reopens: the reopens
// whose times are unknown are taken to precede the recorded solves, so the
// ticket counts as reopened and solved, its full resolution time is exact,
// and its first resolution time is unknown (not measured). A row with
// reopens and no solve time is a ticket solved at some point, reopened and
// open now.
type Ticket struct {
	ID           string      `json:"id"`
	Channel      string      `json:"channel,omitempty"`
	Priority     string      `json:"priority,omitempty"`
	Created      time.Time   `json:"created"`
	FirstReply   time.Time   `json:"first_reply,omitzero"`   // first public agent reply
	Solves       []time.Time `json:"solves,omitempty"`       // each time the ticket was set to solved, in order
	Reopens      []time.Time `json:"reopens,omitempty"`      // each time it was reopened after a solve
	ReopenCount  int         `json:"reopen_count,omitempty"` // further reopens whose times are unknown
	Closed       time.Time   `json:"closed,omitzero"`
	AgentReplies int         `json:"agent_replies"` // public agent replies
}

func (t *Ticket) fail(field string, err error) error {
	id := t.ID
	if id == "" {
		id = "(no id)"
	}
	return &RecordError{Kind: "ticket", ID: id, Field: field, Err: err}
}

// Validate returns nil if the ticket's events are possible, and otherwise a
// *RecordError naming the ticket and the field: a reply, solve, reopen or
// closing out of order wraps ErrOrder; an unset creation time, a negative
// reply count or one that contradicts the first reply (replies without a
// first reply, or a first reply with no replies) wraps satmetrics.ErrRange.
func (t *Ticket) Validate() error {
	if t.Created.IsZero() {
		return t.fail("created", fmt.Errorf("creation time is unset: %w", satmetrics.ErrRange))
	}
	if !t.FirstReply.IsZero() && t.FirstReply.Before(t.Created) {
		return t.fail("first_reply", fmt.Errorf("reply at %v before creation at %v: %w", t.FirstReply, t.Created, ErrOrder))
	}
	switch {
	case t.AgentReplies < 0:
		return t.fail("agent_replies", fmt.Errorf("%d: %w", t.AgentReplies, satmetrics.ErrRange))
	case t.AgentReplies == 0 && !t.FirstReply.IsZero():
		return t.fail("agent_replies", fmt.Errorf("0 with a first reply at %v: %w", t.FirstReply, satmetrics.ErrRange))
	case t.AgentReplies > 0 && t.FirstReply.IsZero():
		return t.fail("agent_replies", fmt.Errorf("%d without a first reply: %w", t.AgentReplies, satmetrics.ErrRange))
	}
	if t.ReopenCount < 0 {
		return t.fail("reopen_count", fmt.Errorf("%d: %w", t.ReopenCount, satmetrics.ErrRange))
	}
	if len(t.Reopens) > len(t.Solves) {
		return t.fail("reopens", fmt.Errorf("%d reopens after %d solves: %w", len(t.Reopens), len(t.Solves), ErrOrder))
	}
	// prev is the latest event so far; name builds its description only
	// for an error, so that validating a good ticket does not allocate.
	prev, kind, idx := t.Created, 0, 0
	name := func() string {
		switch kind {
		case 1:
			return "solve #" + strconv.Itoa(idx)
		case 2:
			return "reopen #" + strconv.Itoa(idx)
		}
		return "creation"
	}
	for i, s := range t.Solves {
		if s.IsZero() || s.Before(prev) {
			return t.fail("solves", fmt.Errorf("solve #%d at %v before %s at %v: %w", i+1, s, name(), prev, ErrOrder))
		}
		prev, kind, idx = s, 1, i+1
		if i < len(t.Reopens) {
			r := t.Reopens[i]
			if r.IsZero() || r.Before(prev) {
				return t.fail("reopens", fmt.Errorf("reopen #%d at %v before %s at %v: %w", i+1, r, name(), prev, ErrOrder))
			}
			prev, kind, idx = r, 2, i+1
		}
	}
	if !t.Closed.IsZero() {
		if !t.Solved() {
			return t.fail("closed", fmt.Errorf("closed at %v but not solved: %w", t.Closed, ErrOrder))
		}
		if t.Closed.Before(prev) {
			return t.fail("closed", fmt.Errorf("closed at %v before %s at %v: %w", t.Closed, name(), prev, ErrOrder))
		}
	}
	return nil
}

// Solved reports whether the ticket is solved now: it was solved and not
// reopened since.
func (t *Ticket) Solved() bool { return len(t.Solves) > len(t.Reopens) }

// Reopened returns the number of times the ticket was reopened,
// len(Reopens) + ReopenCount.
func (t *Ticket) Reopened() int { return len(t.Reopens) + t.ReopenCount }

// OpenAt reports whether the ticket was open at instant at: created at or
// before it and not solved (nor closed) at that moment. The backlog at a
// time is the number of tickets open then. Reopens known only by their
// count (ReopenCount) cannot be placed in time and are not seen here.
func (t *Ticket) OpenAt(at time.Time) bool {
	if at.Before(t.Created) || (!t.Closed.IsZero() && !at.Before(t.Closed)) {
		return false
	}
	solves, reopens := 0, 0
	for _, s := range t.Solves {
		if !s.After(at) {
			solves++
		}
	}
	for _, r := range t.Reopens {
		if !r.After(at) {
			reopens++
		}
	}
	return solves == reopens
}

// Backlog returns the number of tickets open at the instant at (see
// Ticket.OpenAt). An invalid ticket is an error naming it.
func Backlog(tickets []Ticket, at time.Time) (int, error) {
	n := 0
	for i := range tickets {
		if err := tickets[i].Validate(); err != nil {
			return 0, err
		}
		if tickets[i].OpenAt(at) {
			n++
		}
	}
	return n, nil
}

// A ResolutionRule chooses how a help desk counts tickets resolved at the
// first contact; the help desks define it differently. Both count among
// solved tickets only.
type ResolutionRule int8

// The rules, as the help desks define them.
const (
	// ZendeskOneTouch counts a solved ticket as one-touch when it had fewer
	// than 2 public agent replies (Zendesk's one-touch tickets).
	ZendeskOneTouch ResolutionRule = iota + 1

	// FreshdeskFCR counts a solved ticket as resolved at the first contact
	// when it was resolved at the first agent response: exactly one public
	// agent reply, and never reopened (Freshdesk's first contact
	// resolution).
	FreshdeskFCR
)

// String returns "zendesk-one-touch" or "freshdesk-fcr".
func (r ResolutionRule) String() string {
	switch r {
	case ZendeskOneTouch:
		return "zendesk-one-touch"
	case FreshdeskFCR:
		return "freshdesk-fcr"
	}
	return "%!ResolutionRule(" + strconv.Itoa(int(r)) + ")"
}

// MarshalText implements encoding.TextMarshaler with String.
func (r ResolutionRule) MarshalText() ([]byte, error) {
	if r != ZendeskOneTouch && r != FreshdeskFCR {
		return nil, fmt.Errorf("kpi: marshal %v: %w", r, satmetrics.ErrRange)
	}
	return []byte(r.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *ResolutionRule) UnmarshalText(b []byte) error {
	switch string(b) {
	case "zendesk-one-touch":
		*r = ZendeskOneTouch
	case "freshdesk-fcr":
		*r = FreshdeskFCR
	default:
		return &satmetrics.ParseError{Func: "kpi.ResolutionRule.UnmarshalText", Input: string(b), Err: satmetrics.ErrSyntax}
	}
	return nil
}

// FirstContact reports whether the ticket is solved and counts as resolved
// at the first contact under rule r.
func (t *Ticket) FirstContact(r ResolutionRule) bool {
	if !t.Solved() {
		return false
	}
	switch r {
	case ZendeskOneTouch:
		return t.AgentReplies < 2
	case FreshdeskFCR:
		return t.AgentReplies == 1 && t.Reopened() == 0
	}
	return false
}
