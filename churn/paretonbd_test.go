package churn

import (
	"math"
	"testing"
)

// TestFitParetoNBDPublished reproduces the Pareto/NBD estimate on the CDNOW
// sample reported by Fader, Hardie and Lee (2005): r = 0.553, α = 10.578,
// s = 0.606, β = 11.669, LL = −9595.0, to the published precision.
func TestFitParetoNBDPublished(t *testing.T) {
	m, info, err := FitParetoNBD(mdlCDNOWExact(t), FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"r", m.R, 0.553}, {"alpha", m.Alpha, 10.578}, {"s", m.S, 0.606}, {"beta", m.Beta, 11.669},
	} {
		if math.Abs(c.got-c.want) > 0.0005 {
			t.Errorf("FitParetoNBD(CDNOW).%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if math.Abs(info.LogLik-(-9595.0)) > 0.05 {
		t.Errorf("FitParetoNBD(CDNOW) log-likelihood = %v, want -9595.0", info.LogLik)
	}
}

// TestParetoNBDReference compares the predictions with the closed forms of
// Schmittlein et al. (1987) and Fader and Hardie (2005) evaluated by
// gen_reference.py with mpmath's ₂F₁ (both branches, α < β and α > β), and
// P(X(t) = n) with mpmath's quadrature of its definition.
func TestParetoNBDReference(t *testing.T) {
	r := mdlReference(t)
	for _, ref := range r.ParetoNBD {
		p := ref.Params
		mdlCheckPurchaseRef(t, ParetoNBD{p[0], p[1], p[2], p[3]}, ref)
	}
	m := ParetoNBD{0.553, 10.578, 0.606, 11.669}
	for _, c := range r.ParetoNBDLnL {
		got, err := m.LogLikelihood([]RFM{{Frequency: int64(c[0]), Recency: c[1], Age: c[2]}})
		if err != nil || !mdlClose(got, c[3], 1e-10) {
			t.Errorf("LogLikelihood(%v) = %v, %v, want %v", c[:3], got, err, c[3])
		}
	}
}

// TestParetoNBDIntegral checks the closed form of the likelihood's
// integral against direct quadrature, on both sides of α = β and at it.
func TestParetoNBDIntegral(t *testing.T) {
	for _, m := range []ParetoNBD{{0.553, 10.578, 0.606, 11.669}, {0.55, 12, 1.4, 8}, {1, 5, 1, 5}} {
		for _, h := range [][3]float64{{0, 0, 30}, {3, 10, 30}, {12, 29, 30}, {1, 0.5, 100}} {
			x, tx, T := h[0], h[1], h[2]
			lb, _ := m.lnBracket(x, tx, T)
			in := mdlIntegrate(func(u float64) float64 {
				return math.Pow(m.Alpha+u, -(m.R+x)) * math.Pow(m.Beta+u, -(m.S+1))
			}, tx, T, 1e-13)
			want := math.Pow(m.Alpha+T, -(m.R+x))*math.Pow(m.Beta+T, -m.S) + m.S*in
			if !mdlClose(math.Exp(lb)/want, 1, 1e-11) {
				t.Errorf("%+v bracket(%v) = %v, quadrature %v", m, h, math.Exp(lb), want)
			}
		}
	}
}

func TestParetoNBDLaws(t *testing.T) {
	mdlPurchaseLaws(t, func(p []float64) PurchaseModel { return ParetoNBD{p[0], p[1], p[2], p[3]} })
}

func TestParetoNBDErrors(t *testing.T) {
	mdlCheckErrors(t, ParetoNBD{0.553, 10.578, 0.606, 11.669}, ParetoNBD{math.NaN(), 10.578, 0.606, 11.669})
	mdlCheckFitDegenerate(t, func(d []RFM, o FitOptions) (FitInfo, error) {
		_, info, err := FitParetoNBD(d, o)
		return info, err
	})
}
