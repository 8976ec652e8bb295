package churn

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/prop"
)

// TestFitBGNBDPublished reproduces the BG/NBD estimate of Fader, Hardie and
// Lee (2005), Counting your customers the easy way, on the CDNOW sample:
// r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4, to the
// published precision (half a unit in the last printed digit).
func TestFitBGNBDPublished(t *testing.T) {
	data := mdlCDNOWExact(t)
	m, info, err := FitBGNBD(data, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"r", m.R, 0.243}, {"alpha", m.Alpha, 4.414}, {"a", m.A, 0.793}, {"b", m.B, 2.426},
	} {
		if math.Abs(c.got-c.want) > 0.0005 {
			t.Errorf("FitBGNBD(CDNOW).%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if math.Abs(info.LogLik-(-9582.4)) > 0.05 {
		t.Errorf("FitBGNBD(CDNOW) log-likelihood = %v, want -9582.4", info.LogLik)
	}
	if !info.Converged || info.N != 2357 {
		t.Errorf("FitBGNBD(CDNOW) info = %+v", info)
	}
	// The SciPy fit of gen_reference.py on its own summary of the raw data.
	ref := mdlReference(t).Fits["bgnbd_cdnow_sample"]
	for i, got := range []float64{m.R, m.Alpha, m.A, m.B} {
		if !mdlClose(got, ref.Params[i], 1e-5) {
			t.Errorf("FitBGNBD(CDNOW) parameter %d = %v, SciPy %v", i, got, ref.Params[i])
		}
	}
	if !mdlClose(info.LogLik, ref.LogLik, 1e-9) {
		t.Errorf("FitBGNBD(CDNOW) log-likelihood = %v, SciPy %v", info.LogLik, ref.LogLik)
	}
	// Standard errors: statsmodels' numerical Hessian at the SciPy
	// estimate; both are finite differences, so the tolerance is a relative 1e-3.
	for i, p := range info.Params {
		if math.Abs(p.StdErr-ref.StdErr[i]) > 1e-3*ref.StdErr[i] {
			t.Errorf("FitBGNBD(CDNOW) standard error of %s = %v, statsmodels %v", p.Name, p.StdErr, ref.StdErr[i])
		}
	}
	if b, err := json.Marshal(info); err != nil || !strings.Contains(string(b), `"model":"bg/nbd"`) {
		t.Errorf("json.Marshal(info) = %s, %v", b, err)
	}
	// Standard errors are positive and the log-Wald interval covers the estimate.
	for _, p := range info.Params {
		e, err := info.Estimate(p.Name, 0.95)
		if err != nil || !e.Contains(p.Value) || !(p.StdErr > 0) {
			t.Errorf("Estimate(%s) = %v, %v", p.Name, e, err)
		}
	}
}

// TestBGNBDLogLikelihoodPublished checks the log-likelihood at the
// published estimate (−9582.4 in the paper, printed to one decimal).
func TestBGNBDLogLikelihoodPublished(t *testing.T) {
	for name, data := range map[string][]RFM{"exact": mdlCDNOWExact(t), "published summary": mdlCDNOWSummary(t)} {
		ll, err := BGNBD{0.243, 4.414, 0.793, 2.426}.LogLikelihood(data)
		if err != nil || math.Abs(ll-(-9582.4)) > 0.05 {
			t.Errorf("LogLikelihood(%s) = %v, %v, want -9582.4", name, ll, err)
		}
	}
}

// TestBGNBDReference compares the predictions with the closed forms of
// Fader, Hardie and Lee (2005) evaluated by gen_reference.py, for the
// published parameters, a parameter set with a > 1 and one with
// a + b < 1 (where the printed formula needs ₂F₁ with c < 0).
func TestBGNBDReference(t *testing.T) {
	for _, ref := range mdlReference(t).BGNBD {
		p := ref.Params
		mdlCheckPurchaseRef(t, BGNBD{p[0], p[1], p[2], p[3]}, ref)
	}
}

func TestBGNBDLaws(t *testing.T) {
	mdlPurchaseLaws(t, func(p []float64) PurchaseModel { return BGNBD{p[0], p[1], p[2], p[3]} })
	props := gopter.NewProperties(nil)
	props.Property("P(alive) = 1 without repeat purchases", prop.ForAll(
		func(p []float64, T float64) bool {
			pa, err := BGNBD{p[0], p[1], p[2], p[3]}.ProbAlive(RFM{Age: T})
			return err == nil && pa == 1
		},
		mdlGenParams(4), mdlGenHistory().Map(func(c RFM) float64 { return c.Age })))
	props.TestingRun(t)
}

// TestBGNBDAtAEqualOne checks the removable singularities at a = 1 and
// a + b = 1: the prediction there is the average of its neighbours.
func TestBGNBDAtAEqualOne(t *testing.T) {
	c := RFM{Frequency: 3, Recency: 20, Age: 30}
	at := func(a float64) (float64, float64) {
		m := BGNBD{0.5, 5, a, 2}
		e, _ := m.ExpectedPurchases(30)
		ce, _ := m.ConditionalExpectedPurchases(c, 30)
		return e, ce
	}
	e0, c0 := at(1)
	el, cl := at(1 - 1e-4)
	eh, ch := at(1 + 1e-4)
	if !mdlClose(e0, (el+eh)/2, 1e-8) || !mdlClose(c0, (cl+ch)/2, 1e-8) {
		t.Errorf("at a = 1: %v, %v; neighbours average %v, %v", e0, c0, (el+eh)/2, (cl+ch)/2)
	}
	// and at a + b = 1, where ₂F₁(r, b; a+b−1; z) has c = 0.
	atB := func(b float64) float64 {
		e, _ := BGNBD{0.5, 5, 0.4, b}.ExpectedPurchases(30)
		return e
	}
	if e0, el, eh := atB(0.6), atB(0.6-1e-4), atB(0.6+1e-4); !mdlClose(e0, (el+eh)/2, 1e-8) {
		t.Errorf("at a + b = 1: %v; neighbours average %v", e0, (el+eh)/2)
	}
}

func TestBGNBDErrors(t *testing.T) {
	mdlCheckErrors(t, BGNBD{0.243, 4.414, 0.793, 2.426}, BGNBD{0.243, 4.414, 0, 2.426})
	mdlCheckFitDegenerate(t, func(d []RFM, o FitOptions) (FitInfo, error) {
		_, info, err := FitBGNBD(d, o)
		return info, err
	})
	// An extremely long horizon exhausts the series: an error, not garbage.
	if v, err := (BGNBD{0.243, 4.414, 0.793, 2.426}).ExpectedPurchases(1e300); err == nil {
		t.Errorf("ExpectedPurchases(1e300) = %v, want an error", v)
	}
}

// TestFitBGNBDPenalty checks that an L2 penalty shrinks the parameters
// and keeps a fit on few customers finite.
func TestFitBGNBDPenalty(t *testing.T) {
	data := mdlCDNOWSummary(t)
	m0, _, err := FitBGNBD(data, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m1, info, err := FitBGNBD(data, FitOptions{Penalty: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	if !(m1.Alpha < m0.Alpha && m1.B < m0.B) || info.Penalty != 0.01 {
		t.Errorf("penalised fit %+v not shrunk from %+v", m1, m0)
	}
	few := data[:8]
	if _, info, err := FitBGNBD(few, FitOptions{Penalty: 0.1}); err != nil && !errors.Is(err, ErrFitNotConverged) {
		t.Errorf("penalised fit on 8 customers: %+v, %v", info, err)
	}
}
