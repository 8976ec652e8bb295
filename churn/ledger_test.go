package churn_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/churn"
)

func day(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }

// exampleLedger is a small history whose monthly flows, MRR movements and
// cohorts were worked out by hand (see TestLedgerReport).
//
//	A  starts Jan 5 at 100, pays 150 from Feb 5, cancels Mar 10
//	B  starts Jan 10 at 50, cancels Jan 20            (joined and churned)
//	C  starts Jan 1 at 80, cancels Feb 3, returns Feb 20 at 60
//	D  starts Feb 1 at 40, pays 30 from Mar 1          (contraction)
//	E  starts Jan 2 at 20, cancels Feb 15, returns Mar 3 at 20
func exampleLedger(t testing.TB) *churn.Ledger {
	var l churn.Ledger
	for _, e := range []churn.Event{
		{"A", day(3, 10), churn.Cancel, 0}, // out of order on purpose
		{"A", day(1, 5), churn.Start, 100},
		{"A", day(2, 5), churn.Payment, 150},
		{"B", day(1, 10), churn.Start, 50},
		{"B", day(1, 20), churn.Cancel, 0},
		{"C", day(1, 1), churn.Start, 80},
		{"C", day(2, 3), churn.Cancel, 0},
		{"C", day(2, 20), churn.Start, 60},
		{"D", day(2, 1), churn.Start, 40},
		{"D", day(3, 1), churn.Payment, 30},
		{"E", day(1, 2), churn.Start, 20},
		{"E", day(2, 15), churn.Cancel, 0},
		{"E", day(3, 3), churn.Start, 20},
	} {
		if err := l.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	return &l
}

func month(m time.Month) satmetrics.Period {
	p, _ := satmetrics.PeriodOf(satmetrics.Month, day(m, 1), time.UTC)
	return p
}

// TestLedgerReport checks the monthly report of exampleLedger against the
// flows and movements worked out by hand.
func TestLedgerReport(t *testing.T) {
	l := exampleLedger(t)
	rep, err := l.Report(churn.ReportConfig{})
	if err != nil {
		t.Fatal(err)
	}
	want := &churn.Report{
		Periods: []churn.PeriodReport{
			{
				Period:    month(1),
				Customers: churn.Flow{Start: 0, New: 3, JoinedAndChurned: 1, End: 3},
				MRR:       churn.MRR{Start: 0, New: 250, Churned: 50},
				Events:    churn.EventCounts{Starts: 4, Cancels: 1},
			},
			{
				Period:    month(2),
				Customers: churn.Flow{Start: 3, Retained: 2, Lost: 1, New: 1, ChurnedAndReactivated: 1, End: 3},
				MRR:       churn.MRR{Start: 200, New: 40, Expansion: 50, Churned: 100, Reactivation: 60},
				Events:    churn.EventCounts{Starts: 2, Cancels: 2, Payments: 1},
			},
			{
				Period:    month(3),
				Customers: churn.Flow{Start: 3, Retained: 2, Lost: 1, Reactivated: 1, End: 3},
				MRR:       churn.MRR{Start: 250, Contraction: 10, Churned: 150, Reactivation: 20},
				Events:    churn.EventCounts{Starts: 1, Cancels: 1, Payments: 1},
			},
		},
		Events: churn.EventCounts{Starts: 7, Cancels: 4, Payments: 2},
	}
	if diff := cmp.Diff(want, rep, cmp.Comparer(func(a, b satmetrics.Period) bool { return a == b })); diff != "" {
		t.Fatalf("Report mismatch (-want +got):\n%s", diff)
	}
	// Every event is accounted for.
	if got := rep.Events.Total() + rep.Later; got != int64(l.Len()) {
		t.Errorf("events in report %d + later %d != ledger %d", rep.Events.Total(), rep.Later, l.Len())
	}
	for _, p := range rep.Periods {
		if err := p.Customers.Validate(); err != nil {
			t.Errorf("%v: %v", p.Period, err)
		}
		if i := len(rep.Periods) - 1; p.Period != rep.Periods[i].Period {
			continue
		}
		if got := p.MRR.End(); got != 110 {
			t.Errorf("MRR at the end of March = %v, want 110", got)
		}
	}
	feb := rep.Periods[1]
	if c, _ := feb.Customers.ChurnRate(churn.B2B, 0.95); math.Abs(c.Value-1.0/3) > 1e-15 {
		t.Errorf("February churn = %v, want 1/3", c.Value)
	}
	if c, _ := feb.Customers.ChurnRate(churn.AllChurn, 0.95); math.Abs(c.Value-2.0/3) > 1e-15 {
		t.Errorf("February churn, all churn counted = %v, want 2/3", c.Value)
	}
	if g, _ := feb.MRR.GrossChurn(); math.Abs(g-0.5) > 1e-15 {
		t.Errorf("February gross MRR churn = %v, want 0.5", g)
	}

	// Through an earlier instant: March's events are counted as later.
	rep, err = l.Report(churn.ReportConfig{Through: day(2, 28)})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Periods) != 2 || rep.Later != 3 || rep.Events.Total() != 10 {
		t.Errorf("report through Feb 28: %d periods, %d later, %d events; want 2, 3, 10", len(rep.Periods), rep.Later, rep.Events.Total())
	}
	// Quarterly, in another zone: one period holds everything.
	rep, err = l.Report(churn.ReportConfig{Kind: satmetrics.Quarter, Location: time.FixedZone("X", 3600)})
	if err != nil {
		t.Fatal(err)
	}
	q := rep.Periods[0]
	// C, D and E are new and active at the end; A and B joined and churned.
	if len(rep.Periods) != 1 || q.Customers.New != 3 || q.Customers.JoinedAndChurned != 2 || q.Customers.End != 3 {
		t.Errorf("quarterly report: %+v", rep.Periods)
	}
}

// TestLedgerCohorts checks the monthly cohorts of exampleLedger against
// the table worked out by hand, and its JSON form.
func TestLedgerCohorts(t *testing.T) {
	tab, err := exampleLedger(t).Cohorts(churn.ReportConfig{})
	if err != nil {
		t.Fatal(err)
	}
	want := &churn.CohortTable{Kind: satmetrics.Month, Periods: 3, Rows: []churn.CohortRow{
		{Cohort: month(1), Customers: 4, MRR: 250,
			Active: []int64{4, 3, 3}, Surviving: []int64{3, 1, 0},
			NetMRR: []float64{200, 210, 80}, GrossMRR: []float64{200, 100, 0}},
		{Cohort: month(2), Customers: 1, MRR: 40,
			Active: []int64{1, 1}, Surviving: []int64{1, 1},
			NetMRR: []float64{40, 30}, GrossMRR: []float64{40, 30}},
	}}
	if diff := cmp.Diff(want, tab, cmp.Comparer(func(a, b satmetrics.Period) bool { return a == b })); diff != "" {
		t.Fatalf("Cohorts mismatch (-want +got):\n%s", diff)
	}
	r := &tab.Rows[0]
	for _, tc := range []struct {
		name string
		f    func(int) (float64, error)
		k    int
		want float64
	}{
		{"active rate", r.ActiveRate, 1, 0.75},
		{"surviving rate", r.SurvivingRate, 1, 0.25},
		{"net revenue retention", r.NetRevenueRetention, 1, 210.0 / 250},
		{"gross revenue retention", r.GrossRevenueRetention, 1, 0.4},
	} {
		if got, err := tc.f(tc.k); err != nil || math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("%s(%d) = %v, %v; want %v", tc.name, tc.k, got, err, tc.want)
		}
	}
	if _, err := tab.Rows[1].ActiveRate(2); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("ActiveRate of a period not reached: error %v, want ErrRange", err)
	}
	b, err := json.Marshal(tab)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Kind    string `json:"kind"`
		Periods int    `json:"periods"`
		Rows    []struct {
			Cohort    string     `json:"cohort"`
			Active    []*int64   `json:"active"`
			Retention []*float64 `json:"net_mrr_retention"`
		} `json:"rows"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Kind != "month" || got.Periods != 3 || got.Rows[1].Cohort != "2026-02" || len(got.Rows[1].Active) != 3 ||
		got.Rows[1].Active[2] != nil || got.Rows[1].Active[1] == nil || *got.Rows[1].Retention[1] != 0.75 {
		t.Errorf("JSON form: %s", b)
	}
	if !strings.Contains(string(b), `"active":[1,1,null]`) {
		t.Errorf("JSON form lacks the padded row: %s", b)
	}
}

func TestCohortFreePlan(t *testing.T) {
	var l churn.Ledger
	_ = l.Add(churn.Event{"F", day(1, 3), churn.Start, 0})
	tab, err := l.Cohorts(churn.ReportConfig{Through: day(2, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tab.Rows[0].NetRevenueRetention(0); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("revenue retention of a free cohort: error %v, want ErrUndefined", err)
	}
	b, _ := json.Marshal(tab)
	if !strings.Contains(string(b), `"net_mrr_retention":[null,null]`) {
		t.Errorf("JSON of a free cohort: %s", b)
	}
}

// TestLedgerSubjects checks the customers' first lifetimes in days.
func TestLedgerSubjects(t *testing.T) {
	subj, after, err := exampleLedger(t).Subjects(24*time.Hour, day(3, 31))
	if err != nil {
		t.Fatal(err)
	}
	want := []churn.Subject{
		{Exit: 33, Event: true},  // C: Jan 1 to Feb 3
		{Exit: 44, Event: true},  // E: Jan 2 to Feb 15
		{Exit: 64, Event: true},  // A: Jan 5 to Mar 10
		{Exit: 10, Event: true},  // B: Jan 10 to Jan 20
		{Exit: 58, Event: false}, // D: Feb 1, still active on Mar 31
	}
	if diff := cmp.Diff(want, subj); diff != "" || after != 0 {
		t.Errorf("Subjects mismatch (-want +got), %d after:\n%s", after, diff)
	}
	subj, after, err = exampleLedger(t).Subjects(24*time.Hour, day(1, 31))
	if err != nil || after != 1 || len(subj) != 4 || subj[2] != (churn.Subject{Exit: 26}) {
		t.Errorf("Subjects through Jan 31: %v, %d after, %v", subj, after, err)
	}
	if _, _, err := exampleLedger(t).Subjects(0, day(1, 31)); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Subjects with unit 0: error %v, want ErrRange", err)
	}
}

// TestLedgerBadInput checks that bad records are refused with errors that
// name them, and that every record is counted.
func TestLedgerBadInput(t *testing.T) {
	var l churn.Ledger
	bad := []struct {
		e    churn.Event
		want error
	}{
		{churn.Event{"A", day(1, 1), churn.Start, math.NaN()}, churn.ErrNotFinite},
		{churn.Event{"A", day(1, 1), churn.Start, -5}, churn.ErrNegative},
		{churn.Event{"", day(1, 1), churn.Start, 5}, satmetrics.ErrRange},
		{churn.Event{"A", time.Time{}, churn.Start, 5}, satmetrics.ErrRange},
		{churn.Event{"A", day(1, 1), 0, 5}, satmetrics.ErrRange},
		{churn.Event{"A", day(1, 1), churn.Cancel, 5}, satmetrics.ErrRange},
	}
	for i, tc := range bad {
		err := l.Add(tc.e)
		var re *churn.RecordError
		if !errors.Is(err, tc.want) || !errors.As(err, &re) || re.Index != i {
			t.Errorf("Add(%v) = %v, want a RecordError at %d wrapping %v", tc.e, err, i, tc.want)
		}
	}
	if l.Rejected() != int64(len(bad)) || l.Len() != 0 {
		t.Errorf("Rejected() = %d, Len() = %d; want %d, 0", l.Rejected(), l.Len(), len(bad))
	}
	if _, err := l.Report(churn.ReportConfig{}); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Report of an empty ledger: error %v, want ErrNoData", err)
	}
	if !strings.Contains(bad0(t), `customer "A" start at 2026-01-01T00:00:00Z amount NaN`) {
		t.Errorf("error does not name the record: %s", bad0(t))
	}

	for _, tc := range []struct {
		name   string
		events []churn.Event
		index  int
		want   error
	}{
		{"cancel for an unknown customer", []churn.Event{
			{"A", day(1, 1), churn.Start, 10}, {"Z", day(1, 5), churn.Cancel, 0}}, 1, churn.ErrUnknownCustomer},
		{"payment for an unknown customer", []churn.Event{
			{"A", day(1, 1), churn.Start, 10}, {"Z", day(1, 5), churn.Payment, 3}}, 1, churn.ErrUnknownCustomer},
		{"cancel before the start", []churn.Event{
			{"A", day(2, 1), churn.Start, 10}, {"A", day(1, 5), churn.Cancel, 0}}, 1, churn.ErrSequence},
		{"start of an active customer", []churn.Event{
			{"A", day(1, 1), churn.Start, 10}, {"A", day(1, 5), churn.Start, 10}}, 1, churn.ErrSequence},
		{"payment after a cancel", []churn.Event{
			{"A", day(1, 1), churn.Start, 10}, {"A", day(1, 5), churn.Cancel, 0}, {"A", day(1, 9), churn.Payment, 10}}, 2, churn.ErrSequence},
		{"cancel after a cancel", []churn.Event{
			{"A", day(1, 1), churn.Start, 10}, {"A", day(1, 5), churn.Cancel, 0}, {"A", day(1, 9), churn.Cancel, 0}}, 2, churn.ErrSequence},
	} {
		var l churn.Ledger
		for _, e := range tc.events {
			if err := l.Add(e); err != nil {
				t.Fatal(err)
			}
		}
		_, err1 := l.Report(churn.ReportConfig{})
		_, err2 := l.Cohorts(churn.ReportConfig{})
		_, _, err3 := l.Subjects(time.Hour, day(3, 1))
		for _, err := range []error{err1, err2, err3} {
			var re *churn.RecordError
			if !errors.Is(err, tc.want) || !errors.Is(err, satmetrics.ErrRange) || !errors.As(err, &re) || re.Index != tc.index {
				t.Errorf("%s: error %v, want a RecordError at %d wrapping %v", tc.name, err, tc.index, tc.want)
			}
		}
	}
	if _, err := exampleLedger(t).Report(churn.ReportConfig{Kind: 9}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Report with kind 9: error %v, want ErrRange", err)
	}
}

func bad0(t *testing.T) string {
	var l churn.Ledger
	return l.Add(churn.Event{"A", day(1, 1), churn.Start, math.NaN()}).Error()
}

func TestLedgerMerge(t *testing.T) {
	a, b := exampleLedger(t), exampleLedger(t)
	_ = b.Add(churn.Event{Kind: churn.Start}) // rejected
	var c churn.Ledger
	c.Merge(a)
	if c.Len() != a.Len() {
		t.Fatalf("Len() = %d after merge, want %d", c.Len(), a.Len())
	}
	c.Merge(b)
	if c.Len() != 2*a.Len() || c.Rejected() != 1 {
		t.Errorf("Len() = %d, Rejected() = %d; want %d, 1", c.Len(), c.Rejected(), 2*a.Len())
	}
	// Merging a ledger with itself duplicates every start: impossible. The
	// first duplicate, in time order, is C's start on Jan 1, the 6th event
	// offered to b, which was offered to c after 13 events.
	_, err := c.Report(churn.ReportConfig{})
	var re *churn.RecordError
	if !errors.Is(err, churn.ErrSequence) || !errors.As(err, &re) || re.Index != 13+5 {
		t.Errorf("report of a doubled ledger: error %v, want ErrSequence at record 18", err)
	}
	// Positions count rejected events too.
	var d churn.Ledger
	_ = d.Add(churn.Event{Kind: churn.Start})
	_ = d.Add(churn.Event{Customer: "x", Time: day(1, 2), Kind: churn.Cancel})
	if _, err := d.Report(churn.ReportConfig{}); !errors.As(err, &re) || re.Index != 1 {
		t.Errorf("error after a rejected event: %v, want record 1", err)
	}
}

func TestEventKindText(t *testing.T) {
	for _, k := range []churn.EventKind{churn.Start, churn.Cancel, churn.Payment} {
		b, err := k.MarshalText()
		var back churn.EventKind
		if err != nil || back.UnmarshalText(b) != nil || back != k {
			t.Errorf("%v: round trip %q, %v, %v", k, b, err, back)
		}
	}
	if _, err := churn.EventKind(7).MarshalText(); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("MarshalText(7): %v", err)
	}
	var k churn.EventKind
	if err := k.UnmarshalText([]byte("refund")); !errors.Is(err, satmetrics.ErrSyntax) {
		t.Errorf("UnmarshalText(refund): %v", err)
	}
	if s := churn.EventKind(7).String(); s != "%!EventKind(7)" {
		t.Errorf("String() = %q", s)
	}
	e := churn.Event{"c1", day(1, 1), churn.Cancel, 0}
	b, _ := json.Marshal(e)
	var back churn.Event
	if err := json.Unmarshal(b, &back); err != nil || !back.Time.Equal(e.Time) || back.Kind != e.Kind {
		t.Errorf("event JSON round trip: %s, %v, %+v", b, err, back)
	}
}
