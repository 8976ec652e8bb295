package kpi

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/satmetrics/satmetrics"
)

func TestMeasure(t *testing.T) {
	office := mustSchedule(t, ScheduleSpec{TimeZone: "UTC", Hours: []string{"Mon-Fri 09:00-17:00"}})
	p := &Policy{
		Schedule:          office,
		FirstReplyTargets: map[string]time.Duration{"urgent": time.Hour, "normal": 8 * time.Hour},
		ResolutionTargets: map[string]time.Duration{"urgent": 8 * time.Hour},
	}
	// Created Friday 16:00, replied Monday 10:00: 66 calendar hours, 2
	// business hours.
	fri := time.Date(2026, 11, 27, 16, 0, 0, 0, time.UTC)
	mon := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	x := Ticket{ID: "T-9", Channel: "email", Priority: "urgent", Created: fri, FirstReply: mon, AgentReplies: 1,
		Solves: []time.Time{mon.Add(time.Hour)}}
	m, err := p.Measure(&x, mon.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	want := Measures{ID: "T-9", Channel: "email", Priority: "urgent", Replied: true, FirstReply: 2 * time.Hour,
		EverSolved: true, FirstResolution: 3 * time.Hour, Solved: true, FullResolution: 3 * time.Hour,
		FirstContact: true, Rule: ZendeskOneTouch, FirstReplySLA: Breached, ResolutionSLA: Achieved}
	if diff := cmp.Diff(want, m); diff != "" {
		t.Errorf("Measure mismatch (-want +got):\n%s", diff)
	}
	// The same in calendar time.
	cal := &Policy{FirstReplyTargets: p.FirstReplyTargets, Rule: FreshdeskFCR}
	m, err = cal.Measure(&x, mon.Add(2*time.Hour))
	if err != nil || m.FirstReply != 66*time.Hour || m.ResolutionSLA != NoTarget || m.Rule != FreshdeskFCR || !m.FirstContact {
		t.Errorf("calendar Measure = %+v, %v", m, err)
	}
	// Unreplied: pending until the target passes, then breached.
	open := Ticket{ID: "T-10", Priority: "normal", Created: mon}
	for _, tc := range []struct {
		now  time.Time
		want Outcome
	}{{mon.Add(6 * time.Hour), Pending}, {mon.Add(24 * time.Hour), Pending}, {mon.Add(48 * time.Hour), Breached}} {
		m, err := p.Measure(&open, tc.now)
		if err != nil || m.FirstReplySLA != tc.want {
			t.Errorf("unreplied at %v: SLA = %v, %v, want %v", tc.now, m.FirstReplySLA, err, tc.want)
		}
	}
	if _, err := p.Measure(&open, mon.Add(-time.Hour)); !errors.Is(err, ErrOrder) {
		t.Errorf("Measure(now before creation) error = %v", err)
	}
	bad := Ticket{ID: "T-11", Created: mon, FirstReply: fri, AgentReplies: 1}
	var re *RecordError
	if _, err := p.Measure(&bad, mon); !errors.Is(err, ErrOrder) || !errors.As(err, &re) || re.ID != "T-11" {
		t.Errorf("Measure(reply before creation) error = %v", err)
	}
	if _, err := (&Policy{Rule: 9}).Measure(&x, mon.Add(5*time.Hour)); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Measure(rule 9) error = %v", err)
	}
	for o, s := range map[Outcome]string{NoTarget: "no target", Achieved: "achieved", Breached: "breached", Pending: "pending", 9: "%!Outcome(9)"} {
		if o.String() != s {
			t.Errorf("Outcome(%d) = %q", o, o.String())
		}
	}
	var o Outcome
	if err := o.UnmarshalText([]byte("breached")); err != nil || o != Breached {
		t.Errorf("UnmarshalText = %v, %v", o, err)
	}
	if err := o.UnmarshalText([]byte("late")); !errors.Is(err, satmetrics.ErrSyntax) {
		t.Errorf("UnmarshalText(late) error = %v", err)
	}
}

// randomMeasures returns the measures of a random plausible ticket.
func randomMeasures(r *rand.Rand) Measures {
	m := Measures{ID: "t", Priority: []string{"low", "normal", "urgent"}[r.IntN(3)], Rule: ZendeskOneTouch}
	if r.IntN(10) > 0 {
		m.Replied = true
		m.FirstReply = time.Duration(r.ExpFloat64() * float64(2*time.Hour))
	}
	if r.IntN(4) > 0 {
		m.EverSolved = true
		m.FirstResolution = m.FirstReply + time.Duration(r.ExpFloat64()*float64(10*time.Hour))
		m.Reopened = r.IntN(8) == 0
		if m.Reopened && r.IntN(2) == 0 { // a summary record: first solve unknown
			m.FirstResolutionUnknown = true
		}
		m.Solved = !m.Reopened || r.IntN(2) == 0
		if m.Solved {
			m.FullResolution = m.FirstResolution + time.Duration(r.IntN(3))*time.Hour
			m.FirstContact = r.IntN(3) == 0
		}
	}
	m.FirstReplySLA = Outcome(r.IntN(4))
	m.ResolutionSLA = Outcome(r.IntN(4))
	return m
}

func tallyOf(t testing.TB, ms []Measures) *ServiceTally {
	var s ServiceTally
	for _, m := range ms {
		if err := s.Add(m); err != nil {
			t.Fatal(err)
		}
	}
	return &s
}

func genMeasures() gopter.Gen {
	return gen.SliceOf(gen.UInt64()).Map(func(seeds []uint64) []Measures {
		ms := make([]Measures, len(seeds))
		for i, s := range seeds {
			ms[i] = randomMeasures(rand.New(rand.NewPCG(s, 1)))
		}
		return ms
	})
}

// sameTally compares two tallies by their binary encodings, which hold
// every count, bucket and SLA entry (and the sketches' sums, which agree to
// rounding: compare those through the mean).
func sameTally(a, b *ServiceTally) bool {
	if a.tickets != b.tickets || a.replied != b.replied || a.everSolved != b.everSolved || a.solved != b.solved ||
		a.reopened != b.reopened || a.firstContact != b.firstContact {
		return false
	}
	if !sameSketch(&a.firstReply, &b.firstReply) || !sameSketch(&a.firstResolution, &b.firstResolution) ||
		!sameSketch(&a.fullResolution, &b.fullResolution) {
		return false
	}
	return cmp.Equal(nonNil(a.firstReplySLA), nonNil(b.firstReplySLA)) && cmp.Equal(nonNil(a.resolutionSLA), nonNil(b.resolutionSLA))
}

func TestServiceTallyMergeLaws(t *testing.T) {
	props := gopter.NewProperties(nil)
	props.Property("merge laws", prop.ForAll(
		func(a, b, c []Measures) bool {
			whole := tallyOf(t, append(append(append([]Measures(nil), a...), b...), c...))
			left := tallyOf(t, a)
			_ = left.Merge(tallyOf(t, b))
			_ = left.Merge(tallyOf(t, c))
			bc := tallyOf(t, b)
			_ = bc.Merge(tallyOf(t, c))
			right := tallyOf(t, a)
			_ = right.Merge(bc)
			ba := tallyOf(t, b)
			_ = ba.Merge(tallyOf(t, a))
			ab := tallyOf(t, a)
			_ = ab.Merge(tallyOf(t, b))
			id := tallyOf(t, a)
			_ = id.Merge(&ServiceTally{})
			zero := &ServiceTally{}
			_ = zero.Merge(tallyOf(t, a))
			return sameTally(left, whole) && sameTally(right, whole) && sameTally(ab, ba) &&
				sameTally(id, tallyOf(t, a)) && sameTally(zero, tallyOf(t, a))
		},
		genMeasures(), genMeasures(), genMeasures(),
	))
	props.Property("encodings round trip", prop.ForAll(
		func(ms []Measures) bool {
			return roundTrips(t, tallyOf(t, ms))
		},
		genMeasures(),
	))
	props.TestingRun(t)
}

func TestServiceTallyResults(t *testing.T) {
	var s ServiceTally
	if _, err := s.FirstReplyTime(); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("FirstReplyTime(empty) error = %v", err)
	}
	if _, err := s.ReopenRate(0.95); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("ReopenRate(empty) error = %v", err)
	}
	add := func(m Measures) {
		if err := s.Add(m); err != nil {
			t.Fatal(err)
		}
	}
	add(Measures{Priority: "urgent", Replied: true, FirstReply: time.Minute, EverSolved: true, FirstResolution: time.Hour,
		Solved: true, FullResolution: time.Hour, FirstContact: true, FirstReplySLA: Achieved, ResolutionSLA: Achieved})
	add(Measures{Priority: "urgent", Replied: true, FirstReply: 3 * time.Minute, EverSolved: true, FirstResolution: 2 * time.Hour,
		Reopened: true, FirstReplySLA: Breached, ResolutionSLA: Pending})
	add(Measures{Priority: "low", Replied: true, FirstReply: 2 * time.Minute, FirstReplySLA: Achieved})
	add(Measures{Priority: "low"})
	if diff := cmp.Diff(ServiceCounts{Tickets: 4, Replied: 3, EverSolved: 2, Solved: 1, Reopened: 1, FirstContact: 1}, s.Counts()); diff != "" {
		t.Errorf("Counts mismatch (-want +got):\n%s", diff)
	}
	if s.Tickets() != 4 || s.Rule() != ZendeskOneTouch {
		t.Errorf("Tickets, Rule = %d, %v", s.Tickets(), s.Rule())
	}
	frt, err := s.FirstReplyTime()
	if err != nil || frt.N != 3 || !close(frt.Mean, 120, 1e-12) || !close(frt.Median, 120, 0.01) {
		t.Errorf("FirstReplyTime = %+v, %v", frt, err)
	}
	if d, err := s.FirstResolutionTime(); err != nil || d.N != 2 {
		t.Errorf("FirstResolutionTime = %+v, %v", d, err)
	}
	if d, err := s.FullResolutionTime(); err != nil || d.N != 1 || !close(d.Median, 3600, 1e-12) {
		t.Errorf("FullResolutionTime = %+v, %v", d, err)
	}
	if e, err := s.ReopenRate(0.95); err != nil || e.Value != 50 || e.N != 2 {
		t.Errorf("ReopenRate = %+v, %v", e, err)
	}
	if e, err := s.FirstContactRate(0.95); err != nil || e.Value != 100 || e.N != 1 {
		t.Errorf("FirstContactRate = %+v, %v", e, err)
	}
	if e, err := s.SLAAttainment(true, "*", 0.95); err != nil || !close(e.Value, 200.0/3, 1e-12) || e.N != 3 {
		t.Errorf("SLAAttainment(first reply, all) = %+v, %v", e, err)
	}
	if e, err := s.SLAAttainment(true, "urgent", 0.95); err != nil || e.Value != 50 {
		t.Errorf("SLAAttainment(first reply, urgent) = %+v, %v", e, err)
	}
	if e, err := s.SLAAttainment(false, "urgent", 0.95); err != nil || e.Value != 100 || e.N != 1 {
		t.Errorf("SLAAttainment(resolution, urgent) = %+v, %v", e, err)
	}
	want := []SLACount{{"low", 1, 0}, {"urgent", 1, 1}}
	if diff := cmp.Diff(want, s.SLA(true)); diff != "" {
		t.Errorf("SLA(first reply) mismatch (-want +got):\n%s", diff)
	}
	fr, _, _ := s.Sketches()
	if fr.Count() != 3 {
		t.Errorf("first reply sketch count = %d", fr.Count())
	}
	// Measures of another rule are refused, and so are negative durations.
	if err := s.Add(Measures{Rule: FreshdeskFCR}); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("Add(other rule) error = %v", err)
	}
	if err := s.Add(Measures{ID: "neg", Replied: true, FirstReply: -time.Second}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Add(negative) error = %v", err)
	}
	if err := s.Add(Measures{Rule: 5}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Add(rule 5) error = %v", err)
	}
	var f ServiceTally
	_ = f.Add(Measures{Rule: FreshdeskFCR})
	if err := s.Merge(&f); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("Merge(other rule) error = %v", err)
	}
	if err := s.Merge(&s); err != nil || s.Tickets() != 8 {
		t.Errorf("Merge(self) = %v, tickets %d", err, s.Tickets())
	}
}

func TestServiceTallyDecodeCorrupt(t *testing.T) {
	s := tallyOf(t, []Measures{{Priority: "p", Replied: true, FirstReply: time.Second, FirstReplySLA: Achieved}})
	good, _ := s.MarshalBinary()
	for i := 0; i < len(good); i++ {
		var u ServiceTally
		if err := u.UnmarshalBinary(good[:i]); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("UnmarshalBinary(truncated to %d) error = %v", i, err)
		}
	}
	for _, b := range [][]byte{append(append([]byte(nil), good...), 0), {1, 9}, {2, 1}} {
		var u ServiceTally
		if err := u.UnmarshalBinary(b); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("UnmarshalBinary(%x) error = %v", b, err)
		}
	}
	for _, j := range []string{
		`{"rule":"nope"}`, `{"rule":"zendesk-one-touch","tickets":1,"replied":2}`,
		`{"rule":"zendesk-one-touch","tickets":1,"replied":1}`,
		`{"rule":"zendesk-one-touch","tickets":-1}`,
		`{"rule":"zendesk-one-touch","tickets":1,"first_reply_sla":[{"priority":"a","achieved":2}]}`,
		`{"rule":"zendesk-one-touch","tickets":2,"first_reply_sla":[{"priority":"b","achieved":1},{"priority":"a","achieved":1}]}`,
		`[]`,
	} {
		var u ServiceTally
		if err := json.Unmarshal([]byte(j), &u); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("UnmarshalJSON(%s) error = %v", j, err)
		}
	}
}

func FuzzServiceTallyUnmarshalBinary(f *testing.F) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 5} {
		ms := make([]Measures, n)
		for i := range ms {
			ms[i] = randomMeasures(r)
		}
		b, _ := tallyOf(f, ms).MarshalBinary()
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var s ServiceTally
		if err := s.UnmarshalBinary(b); err != nil {
			return
		}
		b2, _ := s.MarshalBinary()
		var u ServiceTally
		if err := u.UnmarshalBinary(b2); err != nil {
			t.Fatalf("re-decoding: %v", err)
		}
		_, _ = s.FirstReplyTime()
		_, _ = s.SLAAttainment(true, "*", 0.9)
		if _, err := json.Marshal(&s); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzServiceTallyUnmarshalJSON(f *testing.F) {
	b, _ := json.Marshal(tallyOf(f, []Measures{randomMeasures(rand.New(rand.NewPCG(3, 3)))}))
	f.Add(b)
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var s ServiceTally
		if err := json.Unmarshal(b, &s); err != nil {
			return
		}
		if _, err := s.MarshalBinary(); err != nil {
			t.Fatal(err)
		}
		_, _ = s.ReopenRate(0.95)
	})
}

func BenchmarkServiceTallyAdd(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	ms := make([]Measures, 1024)
	var s ServiceTally
	for i := range ms {
		ms[i] = randomMeasures(r)
		_ = s.Add(ms[i])
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = s.Add(ms[i&1023])
	}
}

// BenchmarkMeasure is the per-ticket cost: validation, three durations in
// business hours across a DST change, and the SLAs.
func BenchmarkMeasure(b *testing.B) {
	s := mustSchedule(b, testSchedules[0])
	berlin := s.Location()
	p := &Policy{Schedule: s, FirstReplyTargets: map[string]time.Duration{"normal": 4 * time.Hour},
		ResolutionTargets: map[string]time.Duration{"normal": 24 * time.Hour}}
	c := time.Date(2026, 10, 20, 16, 30, 0, 0, berlin)
	x := Ticket{ID: "T", Priority: "normal", Created: c, FirstReply: c.Add(20 * time.Hour), AgentReplies: 3,
		Solves: []time.Time{c.Add(50 * time.Hour), c.Add(14 * 24 * time.Hour)}, Reopens: []time.Time{c.Add(6 * 24 * time.Hour)}}
	now := c.Add(20 * 24 * time.Hour)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := p.Measure(&x, now); err != nil {
			b.Fatal(err)
		}
	}
}

// roundTrips reports whether v encodes to the same bytes after a trip
// through its binary encoding and through its JSON encoding.
func roundTrips[T any, P interface {
	*T
	MarshalBinary() ([]byte, error)
	UnmarshalBinary([]byte) error
}](t *testing.T, v P) bool {
	b, _ := v.MarshalBinary()
	var u T
	if err := P(&u).UnmarshalBinary(b); err != nil {
		t.Log(err)
		return false
	}
	j, err := json.Marshal(v)
	if err != nil {
		return false
	}
	var w T
	if err := json.Unmarshal(j, &w); err != nil {
		t.Log(err)
		return false
	}
	b2, _ := P(&u).MarshalBinary()
	b3, _ := P(&w).MarshalBinary()
	return bytes.Equal(b, b2) && bytes.Equal(b, b3)
}
