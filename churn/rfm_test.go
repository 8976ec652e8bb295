package churn

import (
	"errors"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/satmetrics/satmetrics"
)

// TestSummarizeCDNOW checks Summarize against the published 39-week
// calibration summary of the CDNOW sample (the summary file printed with two
// decimals, so the tolerance is 0.005 plus rounding).
func TestSummarizeCDNOW(t *testing.T) {
	got, err := Summarize(mdlReadCDNOW(t, "CDNOW_sample.txt"), RFMOptions{CalibrationEnd: mdlCDNOWCalibrationEnd})
	if err != nil {
		t.Fatal(err)
	}
	want := mdlCDNOWSummary(t)
	if len(got) != len(want) {
		t.Fatalf("Summarize returned %d customers, want %d", len(got), len(want))
	}
	for i, g := range got {
		id, _ := strconv.Atoi(g.ID)
		w := want[id-1]
		if g.Frequency != w.Frequency || math.Abs(g.Recency-w.Recency) > 0.0051 ||
			math.Abs(g.Age-w.Age) > 0.0051 || math.Abs(g.Monetary-w.Monetary) > 0.0051 {
			t.Errorf("customer %d (row %d): got %+v, want %+v", id, i, g, w)
		}
	}
}

// TestSummarizeHoldout checks the holdout fields and same-day merging on
// a small log worked by hand.
func TestSummarizeHoldout(t *testing.T) {
	d := func(m time.Month, day, h int) time.Time { return time.Date(2024, m, day, h, 0, 0, 0, time.UTC) }
	txns := []Transaction{
		{"b", d(1, 8, 10), 5},
		{"a", d(1, 1, 9), 10},
		{"a", d(1, 15, 9), 20},
		{"a", d(1, 15, 18), 4}, // same day: one purchase of 24
		{"a", d(1, 29, 12), 30},
		{"a", d(2, 12, 12), 7},  // holdout
		{"a", d(2, 19, 12), 9},  // holdout
		{"a", d(3, 30, 12), 99}, // after the holdout: ignored
		{"c", d(2, 6, 12), 1},   // first purchase after calibration: not in the cohort
	}
	got, err := Summarize(txns, RFMOptions{CalibrationEnd: d(2, 5, 0), HoldoutEnd: d(3, 4, 0)})
	if err != nil {
		t.Fatal(err)
	}
	want := []RFM{
		{ID: "a", Frequency: 2, Recency: 4, Age: 5, Monetary: 27, HoldoutFrequency: 2, HoldoutMonetary: 8, HoldoutDuration: 4},
		{ID: "b", Frequency: 0, Recency: 0, Age: 4, HoldoutDuration: 4},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Summarize mismatch (-want +got):\n%s", diff)
	}
	// In days, merging by ISO week.
	got, err = Summarize(txns[:5], RFMOptions{CalibrationEnd: d(2, 5, 0), Unit: 24 * time.Hour, Merge: satmetrics.Week})
	if err != nil {
		t.Fatal(err)
	}
	want = []RFM{{ID: "a", Frequency: 2, Recency: 28, Age: 35, Monetary: 27}, {ID: "b", Age: 28}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Summarize(weeks) mismatch (-want +got):\n%s", diff)
	}
}

func TestSummarizeErrors(t *testing.T) {
	end := time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
	ok := []Transaction{{"a", end.Add(-time.Hour), 1}}
	for name, c := range map[string]struct {
		txns []Transaction
		opts RFMOptions
		want error
	}{
		"no end":        {ok, RFMOptions{}, satmetrics.ErrRange},
		"holdout early": {ok, RFMOptions{CalibrationEnd: end, HoldoutEnd: end.Add(-time.Hour)}, satmetrics.ErrRange},
		"negative unit": {ok, RFMOptions{CalibrationEnd: end, Unit: -1}, satmetrics.ErrRange},
		"bad merge":     {ok, RFMOptions{CalibrationEnd: end, Merge: 9}, satmetrics.ErrRange},
		"NaN amount":    {[]Transaction{{"a", end, math.NaN()}}, RFMOptions{CalibrationEnd: end}, satmetrics.ErrRange},
		"bad year":      {[]Transaction{{"a", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), 1}}, RFMOptions{CalibrationEnd: end}, satmetrics.ErrRange},
		"empty":         {nil, RFMOptions{CalibrationEnd: end}, satmetrics.ErrNoData},
		"all later":     {[]Transaction{{"a", end.Add(48 * time.Hour), 1}}, RFMOptions{CalibrationEnd: end}, satmetrics.ErrNoData},
	} {
		if _, err := Summarize(c.txns, c.opts); !errors.Is(err, c.want) {
			t.Errorf("Summarize(%s) error = %v, want %v", name, err, c.want)
		}
	}
}
