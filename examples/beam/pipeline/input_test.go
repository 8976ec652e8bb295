package pipeline

import (
	"errors"
	"math"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/churn"
	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/likert"
	"github.com/satmetrics/satmetrics/nps"
)

func TestParseSurveyLine(t *testing.T) {
	in := DefaultInstrument()
	at := time.Date(2025, 12, 29, 15, 53, 26, 0, time.FixedZone("", 3600))
	for _, tc := range []struct {
		line string
		want Response
		err  error // nil: no error
	}{
		// The first line of the quickstart's survey.csv.
		{"1,2025-12-29T15:53:26+01:00,email,basic,C02713,6,4,5,4,3,3,4,2",
			Response{ID: "1", Time: at, Channel: "email", Plan: "basic", NPS: 6, HasNPS: true, CSAT: 4, CES: 5, Items: []int{4, 3, 3, 4, 2}}, nil},
		// Blanks are unanswered questions; labels and spaces are accepted.
		{"2,2025-12-29T15:53:26+01:00, chat ,,,,,, Agree,,,,",
			Response{ID: "2", Time: at, Channel: "chat", Items: []int{4, likert.Missing, likert.Missing, likert.Missing, likert.Missing}}, nil},
		{"3,2025-12-29T15:53:26+01:00,web,pro,C1,10 - Extremely likely,Very satisfied,7,5,5,5,5,1",
			Response{ID: "3", Time: at, Channel: "web", Plan: "pro", NPS: 10, HasNPS: true, CSAT: 5, CES: 7, Items: []int{5, 5, 5, 5, 1}}, nil},
		{`4,2025-12-29T15:53:26+01:00,"phone",pro,C1,0,1,1,1,1,1,1,1`,
			Response{ID: "4", Time: at, Channel: "phone", Plan: "pro", NPS: 0, HasNPS: true, CSAT: 1, CES: 1, Items: []int{1, 1, 1, 1, 1}}, nil},
		{"5,2025-12-29T15:53:26+01:00,web,pro,C1,11,4,5,4,3,3,4,2", Response{}, satmetrics.ErrRange},
		{"5,2025-12-29T15:53:26+01:00,web,pro,C1,9.5,4,5,4,3,3,4,2", Response{}, satmetrics.ErrSyntax},
		{"5,2025-12-29T15:53:26+01:00,web,pro,C1,9,0,5,4,3,3,4,2", Response{}, satmetrics.ErrRange},
		{"5,2025-12-29T15:53:26+01:00,web,pro,C1,9,4,8,4,3,3,4,2", Response{}, satmetrics.ErrRange},
		{"5,2025-12-29T15:53:26+01:00,web,pro,C1,9,4,5,4,3,3,4,6", Response{}, satmetrics.ErrRange},
		{"5,2025-12-29,web,pro,C1,9,4,5,4,3,3,4,2", Response{}, satmetrics.ErrSyntax},
		{"5,2025-12-29T15:53:26+01:00,,pro,C1,9,4,5,4,3,3,4,2", Response{}, satmetrics.ErrSyntax},
		{",2025-12-29T15:53:26+01:00,web,pro,C1,9,4,5,4,3,3,4,2", Response{}, satmetrics.ErrSyntax},
		{"5,2025-12-29T15:53:26+01:00,web,pro,C1,9,4,5,4,3,3,4", Response{}, satmetrics.ErrSyntax},
		{"5,2025-12-29T15:53:26+01:00,web,pro,C1,9,4,5,4,3,3,4,2,1", Response{}, satmetrics.ErrSyntax},
		{`5,2025-12-29T15:53:26+01:00,"web,pro,C1,9,4,5,4,3,3,4,2`, Response{}, satmetrics.ErrSyntax},
		{"", Response{}, satmetrics.ErrSyntax},
	} {
		got, err := ParseSurveyLine(tc.line, csat.Five, ces.Agree7, in)
		if tc.err != nil {
			if !errors.Is(err, tc.err) {
				t.Errorf("ParseSurveyLine(%q) error = %v, want one wrapping %v", tc.line, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseSurveyLine(%q) error = %v", tc.line, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("ParseSurveyLine(%q) (-want +got):\n%s", tc.line, diff)
		}
	}
	// Other scales.
	r, err := ParseSurveyLine("1,2025-12-29T15:53:26+01:00,web,pro,C1,9,2,5,4,3,3,4,2", csat.Binary, ces.Effort5, in)
	if err != nil || r.CSAT != csat.Good || r.CES != 5 {
		t.Errorf("on Binary and Effort5: %+v, %v; want CSAT Good and CES 5", r, err)
	}
}

func TestHeaders(t *testing.T) {
	in := DefaultInstrument()
	for _, tc := range []struct {
		line          string
		survey, subsc bool
	}{
		{"id,time,channel,plan,customer,nps,csat,ces,q1,q2,q3,q4,q5", true, false},
		{"id,time,channel,plan,customer,nps,csat,ces,q1,q2,q3,q4,q5\r", true, false},
		{"id,time,channel,plan,customer,nps,csat,ces,q1,q2,q3,q4", false, false},
		{"customer,time,kind,plan,mrr", false, true},
		{"1,2025-12-29T15:53:26+01:00,email,basic,C02713,6,4,5,4,3,3,4,2", false, false},
	} {
		if got := IsSurveyHeader(tc.line, in); got != tc.survey {
			t.Errorf("IsSurveyHeader(%q) = %v, want %v", tc.line, got, tc.survey)
		}
		if got := IsSubscriptionHeader(tc.line); got != tc.subsc {
			t.Errorf("IsSubscriptionHeader(%q) = %v, want %v", tc.line, got, tc.subsc)
		}
	}
}

func TestParseSubscriptionLine(t *testing.T) {
	at := time.Date(2024, 12, 5, 12, 19, 28, 0, time.FixedZone("", 3600))
	for _, tc := range []struct {
		line string
		want Subscription
		err  error
	}{
		// Lines of the quickstart's subscriptions.csv.
		{"S00001,2024-12-05T12:19:28+01:00,start,basic,29", Subscription{churn.Event{Customer: "S00001", Time: at, Kind: churn.Start, Amount: 29}, "basic"}, nil},
		{"S00001,2024-12-05T12:19:28+01:00,cancel,basic,0", Subscription{churn.Event{Customer: "S00001", Time: at, Kind: churn.Cancel}, "basic"}, nil},
		{"S00001,2024-12-05T12:19:28+01:00,change,pro,99", Subscription{churn.Event{Customer: "S00001", Time: at, Kind: churn.Payment, Amount: 99}, "pro"}, nil},
		{"S00001,2024-12-05T12:19:28+01:00,pause,basic,0", Subscription{}, satmetrics.ErrSyntax},
		{"S00001,2024-12-05,start,basic,29", Subscription{}, satmetrics.ErrSyntax},
		{"S00001,2024-12-05T12:19:28+01:00,start,basic,x", Subscription{}, satmetrics.ErrSyntax},
		{"S00001,2024-12-05T12:19:28+01:00,start,basic,-1", Subscription{}, satmetrics.ErrRange},
		{"S00001,2024-12-05T12:19:28+01:00,cancel,basic,5", Subscription{}, satmetrics.ErrRange},
		{",2024-12-05T12:19:28+01:00,start,basic,29", Subscription{}, satmetrics.ErrRange},
		{"S00001,2024-12-05T12:19:28+01:00,start,basic", Subscription{}, satmetrics.ErrSyntax},
	} {
		got, err := ParseSubscriptionLine(tc.line)
		if tc.err != nil {
			if !errors.Is(err, tc.err) {
				t.Errorf("ParseSubscriptionLine(%q) error = %v, want one wrapping %v", tc.line, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseSubscriptionLine(%q) error = %v", tc.line, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("ParseSubscriptionLine(%q) (-want +got):\n%s", tc.line, diff)
		}
	}
}

// TestLifetimeMatchesLedger checks Lifetime, which the pipeline applies to
// each customer after grouping by customer, against one churn.Ledger of all
// the customers' events: the subjects are the same.
func TestLifetimeMatchesLedger(t *testing.T) {
	var (
		all   churn.Ledger
		byC   = map[string][]Subscription{}
		plans = map[string]int{}
	)
	for _, line := range genSubscriptions(7, 600)[1:] {
		s, err := ParseSubscriptionLine(line)
		if err != nil || strings.HasPrefix(s.Event.Customer, "X") {
			continue // the bad lines, and the impossible history
		}
		mustDo(t, all.Add(s.Event))
		byC[s.Event.Customer] = append(byC[s.Event.Customer], s)
	}
	want, after, err := all.Subjects(24*time.Hour, genAsOf)
	mustDo(t, err)
	var got []churn.Subject
	var gotAfter int
	for _, events := range byC {
		s, plan, ok, err := Lifetime(events, genAsOf, 24*time.Hour)
		mustDo(t, err)
		if !ok {
			gotAfter++
			continue
		}
		got = append(got, s)
		plans[plan]++
	}
	bySubject := func(ss []churn.Subject) func(i, j int) bool {
		return func(i, j int) bool {
			if ss[i].Exit != ss[j].Exit {
				return ss[i].Exit < ss[j].Exit
			}
			return !ss[i].Event && ss[j].Event
		}
	}
	sort.Slice(want, bySubject(want))
	sort.Slice(got, bySubject(got))
	if diff := cmp.Diff(want, got); diff != "" || after != gotAfter {
		t.Errorf("per-customer lifetimes differ from the ledger's (-want +got):\n%s\nafter AsOf: %d, want %d", diff, gotAfter, after)
	}
	if len(plans) != 3 || after == 0 {
		t.Errorf("plans %v, %d customers after AsOf: the data should reach every plan and some late starts", plans, after)
	}

	// A customer whose first start was on another plan than their last.
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	events := []Subscription{
		{churn.Event{Customer: "a", Time: at.AddDate(0, 2, 0), Kind: churn.Cancel}, "pro"},
		{churn.Event{Customer: "a", Time: at.AddDate(0, 1, 0), Kind: churn.Payment, Amount: 99}, "pro"},
		{churn.Event{Customer: "a", Time: at, Kind: churn.Start, Amount: 29}, "basic"},
	}
	s, plan, ok, err := Lifetime(events, at.AddDate(1, 0, 0), 24*time.Hour)
	if err != nil || !ok || plan != "basic" || !s.Event || s.Exit != 59 {
		t.Errorf("Lifetime = %v, %q, %v, %v; want an event at 59 days on basic", s, plan, ok, err)
	}
	// Impossible: a cancel without a start.
	if _, _, _, err := Lifetime(events[:1], at.AddDate(1, 0, 0), 24*time.Hour); err == nil {
		t.Error("Lifetime of a cancel without a start: no error")
	}
	// A bad event.
	if _, _, _, err := Lifetime([]Subscription{{Event: churn.Event{Customer: "a", Time: at, Kind: churn.Start, Amount: math.NaN()}}}, at, time.Hour); err == nil {
		t.Error("Lifetime of a NaN amount: no error")
	}
}

func FuzzParseSurveyLine(f *testing.F) {
	for _, line := range genSurvey(9, 20) {
		f.Add(line)
	}
	in := DefaultInstrument()
	f.Fuzz(func(t *testing.T, line string) {
		r, err := ParseSurveyLine(line, csat.Five, ces.Agree7, in)
		if err != nil {
			if !errors.Is(err, satmetrics.ErrSyntax) && !errors.Is(err, satmetrics.ErrRange) && !errors.Is(err, satmetrics.ErrIncompatible) {
				t.Errorf("ParseSurveyLine(%q) error %v wraps no sentinel", line, err)
			}
			return
		}
		if r.ID == "" || r.Channel == "" || r.Time.IsZero() || len(r.Items) != len(in.Items) ||
			r.HasNPS && r.NPS > nps.MaxScore || r.CSAT != 0 && !csat.Five.Contains(r.CSAT) || r.CES != 0 && !ces.Agree7.Contains(r.CES) {
			t.Errorf("ParseSurveyLine(%q) = %+v: a field out of bounds", line, r)
		}
		for i, c := range r.Items {
			if c != likert.Missing && !in.Items[i].Scale.Valid(c) {
				t.Errorf("ParseSurveyLine(%q): item %d = %d", line, i, c)
			}
		}
	})
}

func FuzzParseSubscriptionLine(f *testing.F) {
	for _, line := range genSubscriptions(9, 10) {
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		s, err := ParseSubscriptionLine(line)
		if err != nil {
			if !errors.Is(err, satmetrics.ErrSyntax) && !errors.Is(err, satmetrics.ErrRange) {
				t.Errorf("ParseSubscriptionLine(%q) error %v wraps no sentinel", line, err)
			}
			return
		}
		if err := s.Event.Validate(); err != nil {
			t.Errorf("ParseSubscriptionLine(%q) = %+v, invalid: %v", line, s, err)
		}
	})
}

func BenchmarkParseSurveyLine(b *testing.B) {
	in := DefaultInstrument()
	line := "1,2025-12-29T15:53:26+01:00,email,basic,C02713,6,4,5,4,3,3,4,2"
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseSurveyLine(line, csat.Five, ces.Agree7, in); err != nil {
			b.Fatal(err)
		}
	}
}
