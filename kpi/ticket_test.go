package kpi

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/satmetrics/satmetrics"
)

var t0 = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) // a Monday

func at(h float64) time.Time { return t0.Add(time.Duration(h * float64(time.Hour))) }

func TestTicketValidate(t *testing.T) {
	ok := Ticket{ID: "T-1", Created: at(0), FirstReply: at(1), AgentReplies: 2,
		Solves: []time.Time{at(2), at(5)}, Reopens: []time.Time{at(3)}, Closed: at(6)}
	if err := ok.Validate(); err != nil {
		t.Fatalf("Validate(valid) = %v", err)
	}
	for _, tc := range []struct {
		name  string
		edit  func(*Ticket)
		want  error
		field string
	}{
		{"reply before creation", func(x *Ticket) { x.FirstReply = at(-1) }, ErrOrder, "first_reply"},
		{"no creation", func(x *Ticket) { x.Created = time.Time{} }, satmetrics.ErrRange, "created"},
		{"negative replies", func(x *Ticket) { x.AgentReplies = -1 }, satmetrics.ErrRange, "agent_replies"},
		{"reply without count", func(x *Ticket) { x.AgentReplies = 0 }, satmetrics.ErrRange, "agent_replies"},
		{"count without reply", func(x *Ticket) { x.FirstReply = time.Time{} }, satmetrics.ErrRange, "agent_replies"},
		{"solve before creation", func(x *Ticket) { x.Solves[0] = at(-2) }, ErrOrder, "solves"},
		{"reopen before solve", func(x *Ticket) { x.Reopens[0] = at(1.5) }, ErrOrder, "reopens"},
		{"solve before reopen", func(x *Ticket) { x.Solves[1] = at(2.5) }, ErrOrder, "solves"},
		{"too many reopens", func(x *Ticket) { x.Reopens = append(x.Reopens, at(5.5), at(5.6)) }, ErrOrder, "reopens"},
		{"closed while open", func(x *Ticket) { x.Reopens = append(x.Reopens, at(5.5)) }, ErrOrder, "closed"},
		{"closed before solve", func(x *Ticket) { x.Closed = at(4) }, ErrOrder, "closed"},
	} {
		x := ok
		x.Solves = append([]time.Time(nil), ok.Solves...)
		x.Reopens = append([]time.Time(nil), ok.Reopens...)
		tc.edit(&x)
		err := x.Validate()
		var re *RecordError
		if !errors.Is(err, tc.want) || !errors.As(err, &re) || re.ID != "T-1" || re.Field != tc.field {
			t.Errorf("%s: Validate() = %v, want %v naming T-1 and %s", tc.name, err, tc.want, tc.field)
		}
		if err != nil && !strings.Contains(err.Error(), `ticket "T-1"`) {
			t.Errorf("%s: message %q does not name the ticket", tc.name, err)
		}
	}
	noID := Ticket{Created: at(0), FirstReply: at(-1), AgentReplies: 1}
	if err := noID.Validate(); err == nil || !strings.Contains(err.Error(), "(no id)") {
		t.Errorf("Validate(no id) = %v", err)
	}
}

func TestOpenAtAndBacklog(t *testing.T) {
	x := Ticket{ID: "T", Created: at(0), Solves: []time.Time{at(2), at(5)}, Reopens: []time.Time{at(3)}, Closed: at(6)}
	for h, want := range map[float64]bool{-1: false, 0: true, 1: true, 2: false, 2.5: false, 3: true, 4: true, 5: false, 6: false, 7: false} {
		if got := x.OpenAt(at(h)); got != want {
			t.Errorf("OpenAt(%vh) = %v, want %v", h, got, want)
		}
	}
	tickets := []Ticket{
		x,
		{ID: "U", Created: at(1)}, // never solved
		{ID: "V", Created: at(0), Solves: []time.Time{at(1)}}, // solved early
	}
	n, err := Backlog(tickets, at(4))
	if err != nil || n != 2 {
		t.Errorf("Backlog(4h) = %d, %v, want 2", n, err)
	}
	tickets = append(tickets, Ticket{ID: "W"})
	if _, err := Backlog(tickets, at(4)); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Backlog(invalid) error = %v", err)
	}
}

// TestFirstContactRules checks the two help desks' definitions: Zendesk's
// one-touch ("fewer than 2 agent replies") and Freshdesk's FCR ("resolved
// at the first agent response": one reply, never reopened).
func TestFirstContactRules(t *testing.T) {
	solved := []time.Time{at(2)}
	for _, tc := range []struct {
		name               string
		x                  Ticket
		zendesk, freshdesk bool
	}{
		{"one reply", Ticket{Created: at(0), FirstReply: at(1), AgentReplies: 1, Solves: solved}, true, true},
		{"no reply", Ticket{Created: at(0), Solves: solved}, true, false},
		{"two replies", Ticket{Created: at(0), FirstReply: at(1), AgentReplies: 2, Solves: solved}, false, false},
		{"reopened, one reply", Ticket{Created: at(0), FirstReply: at(1), AgentReplies: 1,
			Solves: []time.Time{at(2), at(4)}, Reopens: []time.Time{at(3)}}, true, false},
		{"open", Ticket{Created: at(0), FirstReply: at(1), AgentReplies: 1}, false, false},
	} {
		if got := tc.x.FirstContact(ZendeskOneTouch); got != tc.zendesk {
			t.Errorf("%s: Zendesk one-touch = %v, want %v", tc.name, got, tc.zendesk)
		}
		if got := tc.x.FirstContact(FreshdeskFCR); got != tc.freshdesk {
			t.Errorf("%s: Freshdesk FCR = %v, want %v", tc.name, got, tc.freshdesk)
		}
		if tc.x.FirstContact(0) {
			t.Errorf("%s: rule 0 counted", tc.name)
		}
	}
	for r, want := range map[ResolutionRule]string{ZendeskOneTouch: "zendesk-one-touch", FreshdeskFCR: "freshdesk-fcr", 7: "%!ResolutionRule(7)"} {
		if got := r.String(); got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
		var back ResolutionRule
		b, err := r.MarshalText()
		if r == 7 {
			if err == nil {
				t.Error("MarshalText(7) succeeded")
			}
			continue
		}
		if err != nil || back.UnmarshalText(b) != nil || back != r {
			t.Errorf("text round trip of %v: %v", r, err)
		}
	}
	var r ResolutionRule
	if err := r.UnmarshalText([]byte("hubspot")); !errors.Is(err, satmetrics.ErrSyntax) {
		t.Errorf("UnmarshalText(hubspot) error = %v", err)
	}
}

// TestSummaryRecord: a help-desk export row with the latest solve and a
// reopen count.
func TestSummaryRecord(t *testing.T) {
	x := Ticket{ID: "Z-7", Channel: "email", Created: at(0), FirstReply: at(1), AgentReplies: 1,
		Solves: []time.Time{at(30)}, ReopenCount: 2}
	if err := x.Validate(); err != nil {
		t.Fatal(err)
	}
	if !x.Solved() || x.Reopened() != 2 || x.FirstContact(FreshdeskFCR) || !x.FirstContact(ZendeskOneTouch) {
		t.Errorf("Solved %v, Reopened %d, FCR %v, one-touch %v", x.Solved(), x.Reopened(), x.FirstContact(FreshdeskFCR), x.FirstContact(ZendeskOneTouch))
	}
	m, err := (&Policy{}).Measure(&x, at(40))
	if err != nil {
		t.Fatal(err)
	}
	if !m.Reopened || !m.Solved || !m.EverSolved || !m.FirstResolutionUnknown || m.FullResolution != 30*time.Hour || m.FirstResolution != 0 {
		t.Errorf("Measure = %+v", m)
	}
	var s ServiceTally
	if err := s.Add(m); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FirstResolutionTime(); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("FirstResolutionTime error = %v, want no data", err)
	}
	if e, _ := s.ReopenRate(0.95); e.Value != 100 {
		t.Errorf("ReopenRate = %v", e.Value)
	}
	b, _ := s.MarshalBinary()
	var u ServiceTally
	if err := u.UnmarshalBinary(b); err != nil {
		t.Errorf("round trip of a tally with an unknown first resolution: %v", err)
	}
	bad := Ticket{ID: "Z-8", Created: at(0), ReopenCount: -1}
	var re *RecordError
	if err := bad.Validate(); !errors.As(err, &re) || re.Field != "reopen_count" {
		t.Errorf("Validate(%+v) = %v", bad, err)
	}
	// Reopened and open now, its solve times unknown.
	open := Ticket{ID: "Z-9", Created: at(0), ReopenCount: 1}
	m, err = (&Policy{}).Measure(&open, at(5))
	if err != nil || !m.EverSolved || m.Solved || !m.Reopened || !m.FirstResolutionUnknown || open.Solved() {
		t.Errorf("Measure(reopened, open) = %+v, %v", m, err)
	}
}
