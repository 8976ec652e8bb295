package churn

import (
	"math"
	"strconv"
	"testing"
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
