package churn

import (
	"errors"
	"math"
	"testing"

	"github.com/satmetrics/satmetrics"
)

// TestCLVReference compares CLV with gen_reference.py: twelve months of
// 52/12 weeks at 1% a month, BG/NBD and Gamma-Gamma at the published
// CDNOW estimates, the conditional expectations from the printed closed
// form with mpmath's ₂F₁ (relative 1e-9).
func TestCLVReference(t *testing.T) {
	ref := mdlReference(t).CLV
	m := BGNBD{0.243, 4.414, 0.793, 2.426}
	s := GammaGamma{6.25, 3.74, 15.44}
	opts := CLVOptions{Periods: 12, PeriodLength: 52.0 / 12, DiscountRate: 0.01}
	var rows []RFM
	for _, r := range ref {
		c := RFM{Frequency: int64(r[0]), Recency: r[1], Age: r[2], Monetary: r[3]}
		rows = append(rows, c)
		got, err := CLV(m, s, c, opts)
		if err != nil || !mdlClose(got, r[4], 1e-9) {
			t.Errorf("CLV(%v) = %v, %v, want %v", r[:4], got, err, r[4])
		}
	}
	all, err := CLVs(m, s, rows, opts, nil)
	if err != nil || len(all) != len(ref) {
		t.Fatalf("CLVs = %v, %v", all, err)
	}
	for i := range all {
		if !mdlClose(all[i], ref[i][4], 1e-9) {
			t.Errorf("CLVs[%d] = %v, want %v", i, all[i], ref[i][4])
		}
	}
}

// TestCLVLaws: with no discounting, CLV is the expected spend times the
// expected purchases over the horizon; discounting lowers it.
func TestCLVLaws(t *testing.T) {
	m := ParetoNBD{0.553, 10.578, 0.606, 11.669}
	s := GammaGamma{6.25, 3.74, 15.44}
	c := RFM{Frequency: 4, Recency: 30, Age: 38, Monetary: 30}
	v0, err := CLV(m, s, c, CLVOptions{Periods: 6, PeriodLength: 13})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := m.ConditionalExpectedPurchases(c, 78)
	spend, _ := s.ConditionalExpectedSpend(c)
	if !mdlClose(v0, e*spend, 1e-12) {
		t.Errorf("undiscounted CLV = %v, want %v", v0, e*spend)
	}
	v1, _ := CLV(m, s, c, CLVOptions{Periods: 6, PeriodLength: 13, DiscountRate: 0.03})
	if !(v1 < v0 && v1 > 0) {
		t.Errorf("discounted CLV %v not in (0, %v)", v1, v0)
	}
}

func TestCLVErrors(t *testing.T) {
	m := BGNBD{0.243, 4.414, 0.793, 2.426}
	s := GammaGamma{6.25, 3.74, 15.44}
	good := RFM{Frequency: 1, Recency: 2, Age: 3, Monetary: 10}
	for _, o := range []CLVOptions{
		{}, {Periods: 12}, {Periods: 12, PeriodLength: -1}, {Periods: 12, PeriodLength: 1, DiscountRate: -0.1},
		{Periods: 12, PeriodLength: math.NaN()}, {Periods: 12, PeriodLength: 1, DiscountRate: math.Inf(1)},
	} {
		if _, err := CLV(m, s, good, o); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("CLV(%+v) error = %v, want ErrRange", o, err)
		}
	}
	opts := CLVOptions{Periods: 3, PeriodLength: 4}
	bad := RFM{Frequency: 1, Recency: 5, Age: 3, Monetary: 10}
	if _, err := CLV(m, s, bad, opts); !errors.Is(err, ErrModelData) {
		t.Errorf("CLV(recency > age) error = %v", err)
	}
	if _, err := CLV(BGNBD{}, s, good, opts); !errors.Is(err, ErrModelParams) {
		t.Errorf("CLV(zero model) error = %v", err)
	}
	out, err := CLVs(m, s, []RFM{good, bad}, opts, nil)
	if !errors.Is(err, ErrModelData) || len(out) != 1 {
		t.Errorf("CLVs(good, bad) = %v, %v", out, err)
	}
}

// TestScorePurchases checks the batch scorer against the per-customer
// methods, its reuse of dst, and its error on a bad history.
func TestScorePurchases(t *testing.T) {
	data := mdlCDNOWSummary(t)[:100]
	m := BGNBD{0.243, 4.414, 0.793, 2.426}
	buf := make([]PurchaseScore, 0, len(data))
	out, err := ScorePurchases(m, data, 39, buf)
	if err != nil || len(out) != len(data) || &out[0] != &buf[:1][0] {
		t.Fatalf("ScorePurchases = %d scores, %v", len(out), err)
	}
	for i, c := range data {
		p, _ := m.ProbAlive(c)
		e, _ := m.ConditionalExpectedPurchases(c, 39)
		if out[i] != (PurchaseScore{ID: c.ID, ProbAlive: p, ExpectedPurchases: e}) {
			t.Errorf("score %d = %+v, want %v, %v", i, out[i], p, e)
		}
	}
	good := out
	bad := append(data[:2:2], RFM{ID: "x", Frequency: -1})
	out, err = ScorePurchases(m, bad, 39, nil)
	if !errors.Is(err, ErrModelData) || len(out) != 2 {
		t.Errorf("ScorePurchases(bad third) = %d scores, %v", len(out), err)
	}
	if _, err := ScorePurchases(m, data[:1], -1, nil); !errors.Is(err, ErrModelData) {
		t.Errorf("ScorePurchases(t = -1) error = %v", err)
	}
	if _, err := ScorePurchases(m, data[:1], 1e300, nil); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("ScorePurchases(t = 1e300) error = %v, want ErrUndefined", err)
	}
	if _, err := ScorePurchases(BGNBD{}, data[:1], 1, nil); !errors.Is(err, ErrModelParams) {
		t.Errorf("ScorePurchases(zero model) error = %v, want ErrModelParams", err)
	}
	// A model from outside the package goes through the interface methods.
	type wrapped struct{ PurchaseModel }
	slow, err := ScorePurchases(wrapped{m}, data, 39, nil)
	if err != nil || len(slow) != len(data) {
		t.Fatalf("ScorePurchases(wrapped) = %d scores, %v", len(slow), err)
	}
	for i := range slow {
		if slow[i] != good[i] {
			t.Errorf("wrapped score %d = %+v, direct %+v", i, slow[i], good[i])
		}
	}
	if out, err := ScorePurchases(wrapped{m}, bad, 39, nil); !errors.Is(err, ErrModelData) || len(out) != 2 {
		t.Errorf("ScorePurchases(wrapped, bad third) = %d scores, %v", len(out), err)
	}
	if _, err := ScorePurchases(wrapped{m}, data[:1], -1, nil); !errors.Is(err, ErrModelData) {
		t.Errorf("ScorePurchases(wrapped, t = -1) error = %v", err)
	}
}
