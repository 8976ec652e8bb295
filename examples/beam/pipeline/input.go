package pipeline

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/churn"
	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/likert"
	"github.com/satmetrics/satmetrics/nps"
)

// SurveyHeader names the leading columns of a survey export, in order; the
// answers to the instrument's items follow them, one column per item
// (q1 to q5 in the sample data).
const SurveyHeader = "id,time,channel,plan,customer,nps,csat,ces"

// surveyColumns is the number of columns in SurveyHeader.
const surveyColumns = 8

// SubscriptionHeader names the columns of a subscription export, in order.
const SubscriptionHeader = "customer,time,kind,plan,mrr"

// A Response is one survey answer, parsed. Unanswered questions are left at
// their zero value (HasNPS false, CSAT and CES zero, an item Missing).
type Response struct {
	ID      string      `json:"id"`
	Time    time.Time   `json:"time"`
	Channel string      `json:"channel"`
	Plan    string      `json:"plan"`
	NPS     nps.Score   `json:"nps"`
	HasNPS  bool        `json:"has_nps"`
	CSAT    csat.Rating `json:"csat"`
	CES     ces.Rating  `json:"ces"`
	Items   []int       `json:"items"` // codes of the instrument's items, likert.Missing where unanswered
}

// A Subscription is one line of a subscription export: a churn.Event (a
// start, a cancel, or a plan change recorded as a payment at the new MRR) and
// the plan it concerns.
type Subscription struct {
	Event churn.Event `json:"event"`
	Plan  string      `json:"plan"`
}

// A Reject is an input line that could not be used, with the reason.
type Reject struct {
	Source string `json:"source"` // "survey" or "subscriptions"
	Input  string `json:"input"`  // the line, or the customer for a history that is impossible
	Reason string `json:"reason"`
}

// DefaultInstrument returns the instrument of the sample data: five items
// q1 to q5 on the five-point agreement scale, of which q5 ("I had to explain
// my problem more than once") is reverse-keyed.
func DefaultInstrument() likert.Instrument {
	return likert.Instrument{Items: []likert.Item{
		{Name: "q1", Scale: likert.Agree5},
		{Name: "q2", Scale: likert.Agree5},
		{Name: "q3", Scale: likert.Agree5},
		{Name: "q4", Scale: likert.Agree5},
		{Name: "q5", Scale: likert.Agree5, Reverse: true},
	}}
}

// IsSurveyHeader reports whether line is the header of a survey export
// for the instrument in: SurveyHeader followed by the item names.
func IsSurveyHeader(line string, in likert.Instrument) bool {
	want := SurveyHeader
	for _, it := range in.Items {
		want += "," + it.Name
	}
	return strings.TrimSpace(line) == want
}

// IsSubscriptionHeader reports whether line is the header of a subscription
// export.
func IsSubscriptionHeader(line string) bool {
	return strings.TrimSpace(line) == SubscriptionHeader
}

// splitCSV splits one CSV record of want fields.
func splitCSV(line string, want int) ([]string, error) {
	r := csv.NewReader(strings.NewReader(line))
	r.FieldsPerRecord = want
	fields, err := r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%w: %w", err, satmetrics.ErrSyntax)
	}
	return fields, nil
}

// ParseSurveyLine parses one line of a survey export (see SurveyHeader),
// with the CSAT and CES answers on the given scales and the items of in.
// An empty cell is an unanswered question. A line with the wrong number of
// fields, a time that is not RFC 3339, an empty channel or an answer that does
// not parse is an error naming the column and the value.
func ParseSurveyLine(line string, cs csat.Scale, es ces.Scale, in likert.Instrument) (Response, error) {
	fields, err := splitCSV(line, surveyColumns+len(in.Items))
	if err != nil {
		return Response{}, err
	}
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	r := Response{ID: fields[0], Channel: fields[2], Plan: fields[3]}
	if r.ID == "" {
		return Response{}, fmt.Errorf("id: empty: %w", satmetrics.ErrSyntax)
	}
	if r.Channel == "" {
		return Response{}, fmt.Errorf("channel: empty: %w", satmetrics.ErrSyntax)
	}
	if r.Time, err = time.Parse(time.RFC3339, fields[1]); err != nil {
		return Response{}, fmt.Errorf("time: %q: %w", fields[1], satmetrics.ErrSyntax)
	}
	if f := fields[5]; f != "" {
		if r.NPS, err = nps.ParseScore(f); err != nil {
			return Response{}, fmt.Errorf("nps: %w", err)
		}
		r.HasNPS = true
	}
	if f := fields[6]; f != "" {
		if r.CSAT, err = cs.Parse(f); err != nil {
			return Response{}, fmt.Errorf("csat: %w", err)
		}
	}
	if f := fields[7]; f != "" {
		if r.CES, err = es.Parse(f); err != nil {
			return Response{}, fmt.Errorf("ces: %w", err)
		}
	}
	if r.Items, err = in.ParseRow(fields[surveyColumns:], nil); err != nil {
		return Response{}, err
	}
	return r, nil
}

// ParseSubscriptionLine parses one line of a subscription export (see
// SubscriptionHeader). Its kind is "start", "cancel" or "change"; a change
// of plan is recorded as a churn.Payment at the new MRR. A bad field is an
// error naming the column and the value.
func ParseSubscriptionLine(line string) (Subscription, error) {
	fields, err := splitCSV(line, strings.Count(SubscriptionHeader, ",")+1)
	if err != nil {
		return Subscription{}, err
	}
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	var s Subscription
	s.Event.Customer, s.Plan = fields[0], fields[3]
	if s.Event.Time, err = time.Parse(time.RFC3339, fields[1]); err != nil {
		return Subscription{}, fmt.Errorf("time: %q: %w", fields[1], satmetrics.ErrSyntax)
	}
	switch fields[2] {
	case "start":
		s.Event.Kind = churn.Start
	case "cancel":
		s.Event.Kind = churn.Cancel
	case "change":
		s.Event.Kind = churn.Payment
	default:
		return Subscription{}, fmt.Errorf("kind: %q: %w", fields[2], satmetrics.ErrSyntax)
	}
	if s.Event.Amount, err = strconv.ParseFloat(fields[4], 64); err != nil {
		return Subscription{}, fmt.Errorf("mrr: %q: %w", fields[4], satmetrics.ErrSyntax)
	}
	if err := s.Event.Validate(); err != nil {
		return Subscription{}, err
	}
	return s, nil
}
