package churn

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/satmetrics/satmetrics"
)

// TestFitBGBBPublished reproduces the BG/BB estimate of Fader, Hardie and
// Shang (2010) on the donations data: α = 1.204, β = 0.750, γ = 0.657,
// δ = 2.783, to the published precision; and the log-likelihood there as
// computed by gen_reference.py (−33,225.6).
func TestFitBGBBPublished(t *testing.T) {
	data := mdlDonations(t)
	m, info, err := FitBGBB(data, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"alpha", m.Alpha, 1.204}, {"beta", m.Beta, 0.750}, {"gamma", m.Gamma, 0.657}, {"delta", m.Delta, 2.783},
	} {
		if math.Abs(c.got-c.want) > 0.0005 {
			t.Errorf("FitBGBB(donations).%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if info.N != 11104 || math.Abs(info.LogLik-(-33225.6)) > 0.05 {
		t.Errorf("FitBGBB(donations) info = %+v", info)
	}
	ref := mdlReference(t).BGBB
	pub := BGBB{ref.Params[0], ref.Params[1], ref.Params[2], ref.Params[3]}
	ll, err := pub.LogLikelihood(data)
	if err != nil || !mdlClose(ll, ref.LnL, 1e-11) {
		t.Errorf("LogLikelihood(published) = %v, %v, want %v", ll, err, ref.LnL)
	}
}

// TestBGBBReference compares the predictions with the closed forms of
// Fader, Hardie and Shang (2010), with gamma and beta functions, evaluated
// by gen_reference.py at the published estimate.
func TestBGBBReference(t *testing.T) {
	ref := mdlReference(t).BGBB
	m := BGBB{ref.Params[0], ref.Params[1], ref.Params[2], ref.Params[3]}
	const tol = 1e-11
	for _, e := range ref.Expected {
		got, err := m.ExpectedTransactions(int64(e[0]))
		if err != nil || !mdlClose(got, e[1], tol) {
			t.Errorf("ExpectedTransactions(%v) = %v, %v, want %v", e[0], got, err, e[1])
		}
	}
	for _, a := range ref.Alive {
		h := DiscreteRFM{Frequency: int64(a[0]), Recency: int64(a[1]), Periods: int64(a[2])}
		got, err := m.ProbAlive(h)
		if err != nil || !mdlClose(got, a[3], tol) {
			t.Errorf("ProbAlive(%+v) = %v, %v, want %v", h, got, err, a[3])
		}
	}
	for _, c := range ref.Conditional {
		h := DiscreteRFM{Frequency: int64(c[0]), Recency: int64(c[1]), Periods: int64(c[2])}
		got, err := m.ConditionalExpectedTransactions(h, int64(c[3]))
		if err != nil || !mdlClose(got, c[4], tol) {
			t.Errorf("ConditionalExpectedTransactions(%+v, %v) = %v, %v, want %v", h, c[3], got, err, c[4])
		}
	}
	for _, p := range ref.PMF {
		got, err := m.ProbTransactions(int64(p[0]), int64(p[1]))
		if err != nil || !mdlClose(got, p[2], tol) {
			t.Errorf("ProbTransactions(%v, %v) = %v, %v, want %v", p[0], p[1], got, err, p[2])
		}
	}
}

func TestBGBBLaws(t *testing.T) {
	props := gopter.NewProperties(nil)
	hist := gopter.CombineGens(gen.Int64Range(0, 30), gen.Int64Range(0, 30), gen.Int64Range(0, 30)).
		Map(func(v []any) DiscreteRFM {
			n := v[0].(int64)
			tx := min(v[1].(int64), n)
			x := min(v[2].(int64), tx)
			if x == 0 {
				tx = 0
			}
			return DiscreteRFM{Frequency: x, Recency: tx, Periods: n}
		})
	props.Property("probabilities in [0,1], P(X(n)=x) sums to 1 with mean E[X(n)]", prop.ForAll(
		func(p []float64, h DiscreteRFM) bool {
			m := BGBB{p[0], p[1], p[2], p[3]}
			pa, err := m.ProbAlive(h)
			if err != nil || !(pa >= 0 && pa <= 1) {
				return false
			}
			var sum, mean float64
			for x := int64(0); x <= h.Periods; x++ {
				q, err := m.ProbTransactions(x, h.Periods)
				if err != nil || !(q >= 0 && q <= 1+1e-12) {
					return false
				}
				sum += q
				mean += float64(x) * q
			}
			e, err := m.ExpectedTransactions(h.Periods)
			c, err2 := m.ConditionalExpectedTransactions(h, 5)
			return err == nil && err2 == nil && c >= 0 && math.Abs(sum-1) < 1e-9 && mdlClose(mean, e, 1e-9)
		},
		mdlGenParams(4), hist))
	props.Property("JSON round trip", prop.ForAll(
		func(p []float64) bool {
			m := BGBB{p[0], p[1], p[2], p[3]}
			var d BGBB
			b, err := json.Marshal(m)
			return err == nil && json.Unmarshal(b, &d) == nil && d == m
		},
		mdlGenParams(4)))
	props.TestingRun(t)
}

func TestBGBBErrors(t *testing.T) {
	m := BGBB{1.204, 0.750, 0.657, 2.783}
	for _, h := range []DiscreteRFM{
		{Periods: -1}, {Frequency: 3, Recency: 3, Periods: 2}, {Frequency: 2, Recency: 1, Periods: 5},
		{Frequency: 0, Recency: 2, Periods: 5}, {Frequency: 1, Recency: 1, Periods: 5, Count: -1},
	} {
		if _, err := m.ProbAlive(h); !errors.Is(err, ErrModelData) {
			t.Errorf("ProbAlive(%+v) error = %v, want ErrModelData", h, err)
		}
		if _, err := m.ConditionalExpectedTransactions(h, 1); !errors.Is(err, ErrModelData) {
			t.Errorf("ConditionalExpectedTransactions(%+v) error = %v, want ErrModelData", h, err)
		}
		if _, err := m.LogLikelihood([]DiscreteRFM{h}); !errors.Is(err, ErrModelData) {
			t.Errorf("LogLikelihood(%+v) error = %v, want ErrModelData", h, err)
		}
		if _, _, err := FitBGBB([]DiscreteRFM{h, {Periods: 3, Count: 10}}, FitOptions{}); !errors.Is(err, ErrModelData) {
			t.Errorf("FitBGBB(%+v) error = %v, want ErrModelData", h, err)
		}
	}
	if _, err := m.LogLikelihood(nil); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("LogLikelihood(nil) error = %v", err)
	}
	for name, f := range map[string]func() error{
		"ExpectedTransactions(-1)":            func() error { _, err := m.ExpectedTransactions(-1); return err },
		"ConditionalExpectedTransactions(-1)": func() error { _, err := m.ConditionalExpectedTransactions(DiscreteRFM{Periods: 2}, -1); return err },
		"ProbTransactions(3, 2)":              func() error { _, err := m.ProbTransactions(3, 2); return err },
	} {
		if err := f(); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("%s error = %v, want ErrRange", name, err)
		}
	}
	bad := BGBB{1, 1, 1, math.Inf(1)}
	for name, f := range map[string]func() error{
		"ExpectedTransactions":            func() error { _, err := bad.ExpectedTransactions(1); return err },
		"ProbAlive":                       func() error { _, err := bad.ProbAlive(DiscreteRFM{Periods: 1}); return err },
		"ConditionalExpectedTransactions": func() error { _, err := bad.ConditionalExpectedTransactions(DiscreteRFM{Periods: 1}, 1); return err },
		"ProbTransactions":                func() error { _, err := bad.ProbTransactions(0, 1); return err },
		"LogLikelihood":                   func() error { _, err := bad.LogLikelihood([]DiscreteRFM{{Periods: 1}}); return err },
	} {
		if err := f(); !errors.Is(err, ErrModelParams) {
			t.Errorf("%s error = %v, want ErrModelParams", name, err)
		}
	}
	// Degenerate data: nobody, three donors, nobody came back.
	for name, d := range map[string][]DiscreteRFM{
		"none":      nil,
		"three":     {{Frequency: 1, Recency: 2, Periods: 4, Count: 3}},
		"no repeat": {{Periods: 6, Count: 500}},
	} {
		if _, _, err := FitBGBB(d, FitOptions{}); !errors.Is(err, ErrModelData) {
			t.Errorf("FitBGBB(%s) error = %v, want ErrModelData", name, err)
		}
	}
}
