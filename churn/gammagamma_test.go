package churn

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

// TestFitGammaGammaPublished reproduces the estimate of Fader, Hardie and
// Lee (2005), RFM and CLV, on the 946 repeat buyers of the CDNOW sample:
// p = 6.25, q = 3.74, γ = 15.44, to the published precision.
func TestFitGammaGammaPublished(t *testing.T) {
	m, info, err := FitGammaGamma(mdlCDNOWExact(t), FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if info.N != 946 {
		t.Errorf("FitGammaGamma used %d repeat buyers, want 946", info.N)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"p", m.P, 6.25}, {"q", m.Q, 3.74}, {"gamma", m.Gamma, 15.44},
	} {
		if math.Abs(c.got-c.want) > 0.005 {
			t.Errorf("FitGammaGamma(CDNOW).%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	ll, err := m.LogLikelihood(mdlCDNOWExact(t))
	if err != nil || ll != info.LogLik {
		t.Errorf("LogLikelihood at the estimate = %v, %v, fit says %v", ll, err, info.LogLik)
	}
}

// TestGammaGammaReference compares the conditional expected spend with the
// formula of Fader, Hardie and Lee (2005) evaluated by gen_reference.py.
func TestGammaGammaReference(t *testing.T) {
	r := mdlReference(t).GammaGamma
	m := GammaGamma{r.Params[0], r.Params[1], r.Params[2]}
	for _, s := range r.Spend {
		c := RFM{Frequency: int64(s[0]), Monetary: s[1]}
		if c.Frequency > 0 {
			c.Recency, c.Age = 1, 2
		}
		got, err := m.ConditionalExpectedSpend(c)
		if err != nil || !mdlClose(got, s[2], 1e-12) {
			t.Errorf("ConditionalExpectedSpend(%v) = %v, %v, want %v", s[:2], got, err, s[2])
		}
	}
	mean, err := m.ExpectedSpend()
	if err != nil || !mdlClose(mean, 6.25*15.44/2.74, 1e-14) {
		t.Errorf("ExpectedSpend() = %v, %v", mean, err)
	}
}

// TestGammaGammaLaws: the conditional expectation lies between the
// population mean and the customer's own mean, and survives a JSON round
// trip.
func TestGammaGammaLaws(t *testing.T) {
	props := gopter.NewProperties(nil)
	props.Property("shrinkage between population and own mean", prop.ForAll(
		func(p []float64, x int64, mx float64) bool {
			m := GammaGamma{p[0], 1 + p[1], p[2]}
			pop, err1 := m.ExpectedSpend()
			got, err2 := m.ConditionalExpectedSpend(RFM{Frequency: x, Recency: 1, Age: 1, Monetary: mx})
			lo, hi := math.Min(pop, mx), math.Max(pop, mx)
			var d GammaGamma
			b, err3 := json.Marshal(m)
			err4 := json.Unmarshal(b, &d)
			return errors.Join(err1, err2, err3, err4) == nil && got >= lo*(1-1e-12) && got <= hi*(1+1e-12) && d == m
		},
		mdlGenParams(3), gen.Int64Range(1, 100), gen.Float64Range(0.01, 500)))
	props.TestingRun(t)
}

func TestGammaGammaErrors(t *testing.T) {
	if _, _, err := FitGammaGamma(nil, FitOptions{}); !errors.Is(err, ErrModelData) {
		t.Errorf("FitGammaGamma(nil) error = %v, want ErrModelData", err)
	}
	two := []RFM{{Frequency: 1, Recency: 1, Age: 2, Monetary: 10}, {Frequency: 2, Recency: 1, Age: 2, Monetary: 12}, {Age: 3}}
	if _, _, err := FitGammaGamma(two, FitOptions{}); !errors.Is(err, ErrModelData) {
		t.Errorf("FitGammaGamma(2 repeat buyers) error = %v, want ErrModelData", err)
	}
	zero := append(two, RFM{Frequency: 1, Recency: 1, Age: 2, Monetary: 0})
	if _, _, err := FitGammaGamma(zero, FitOptions{}); !errors.Is(err, ErrModelData) {
		t.Errorf("FitGammaGamma(zero spend) error = %v, want ErrModelData", err)
	}
	bad := []RFM{{Frequency: 1, Recency: 3, Age: 2, Monetary: 1}}
	if _, _, err := FitGammaGamma(bad, FitOptions{}); !errors.Is(err, ErrModelData) {
		t.Errorf("FitGammaGamma(recency > age) error = %v, want ErrModelData", err)
	}
	// Everyone spends the same: the spread parameters run to the boundary.
	same := make([]RFM, 20)
	for i := range same {
		same[i] = RFM{Frequency: int64(1 + i%3), Recency: 1, Age: 2, Monetary: 25}
	}
	if _, info, err := FitGammaGamma(same, FitOptions{}); !errors.Is(err, ErrFitNotConverged) || info.Converged {
		t.Errorf("FitGammaGamma(equal spends) = %+v, %v, want not converged", info, err)
	}
	m := GammaGamma{6.25, 3.74, 15.44}
	if _, err := m.ConditionalExpectedSpend(RFM{Frequency: 1, Recency: 1, Age: 1, Monetary: math.NaN()}); !errors.Is(err, ErrModelData) {
		t.Errorf("ConditionalExpectedSpend(NaN) error = %v", err)
	}
	if _, err := m.ConditionalExpectedSpend(RFM{Frequency: 1, Recency: 2, Age: 1}); !errors.Is(err, ErrModelData) {
		t.Errorf("ConditionalExpectedSpend(recency > age) error = %v", err)
	}
	heavy := GammaGamma{1, 0.5, 1}
	if _, err := heavy.ExpectedSpend(); !errors.Is(err, ErrModelParams) {
		t.Errorf("ExpectedSpend(q < 1) error = %v", err)
	}
	if _, err := heavy.ConditionalExpectedSpend(RFM{}); !errors.Is(err, ErrModelParams) {
		t.Errorf("ConditionalExpectedSpend(q < 1, x = 0) error = %v", err)
	}
	var g GammaGamma
	for name, f := range map[string]func() error{
		"ExpectedSpend":            func() error { _, err := g.ExpectedSpend(); return err },
		"ConditionalExpectedSpend": func() error { _, err := g.ConditionalExpectedSpend(RFM{}); return err },
		"LogLikelihood":            func() error { _, err := g.LogLikelihood(two); return err },
		"MarshalJSON":              func() error { _, err := g.MarshalJSON(); return err },
	} {
		if err := f(); !errors.Is(err, ErrModelParams) {
			t.Errorf("zero GammaGamma.%s error = %v, want ErrModelParams", name, err)
		}
	}
	if _, err := m.LogLikelihood(bad); !errors.Is(err, ErrModelData) {
		t.Errorf("LogLikelihood(bad) error = %v", err)
	}
}
