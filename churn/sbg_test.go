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

// The two cohorts of Fader and Hardie (2007), How to project customer
// retention: customers still active after each of seven years, of 1000.
var (
	mdlHighEnd = []int64{1000, 869, 743, 653, 593, 551, 517, 491}
	mdlRegular = []int64{1000, 631, 468, 382, 326, 289, 262, 241}
)

// TestFitSBGPublished reproduces the estimates of Fader and Hardie (2007):
// α = 0.668, β = 3.806 on the high-end cohort and α = 0.704, β = 1.182 on
// the regular one, to the published precision, and the SciPy fits of
// gen_reference.py to a relative 1e-6.
func TestFitSBGPublished(t *testing.T) {
	ref := mdlReference(t).Fits
	for _, c := range []struct {
		name        string
		data        []int64
		alpha, beta float64
	}{
		{"high_end", mdlHighEnd, 0.668, 3.806},
		{"regular", mdlRegular, 0.704, 1.182},
	} {
		m, info, err := FitSBG([][]int64{c.data}, FitOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(m.Alpha-c.alpha) > 0.0005 || math.Abs(m.Beta-c.beta) > 0.0005 {
			t.Errorf("FitSBG(%s) = %+v, want alpha %v, beta %v", c.name, m, c.alpha, c.beta)
		}
		r := ref["sbg_"+c.name]
		if !mdlClose(m.Alpha, r.Params[0], 1e-6) || !mdlClose(m.Beta, r.Params[1], 1e-6) || !mdlClose(info.LogLik, r.LogLik, 1e-10) {
			t.Errorf("FitSBG(%s) = %+v, LL %v; SciPy %v, LL %v", c.name, m, info.LogLik, r.Params, r.LogLik)
		}
		// Standard errors from statsmodels' numerical Hessian (relative tolerance 1e-3).
		for i, p := range info.Params {
			if math.Abs(p.StdErr-r.StdErr[i]) > 1e-3*r.StdErr[i] {
				t.Errorf("FitSBG(%s) standard error of %s = %v, statsmodels %v", c.name, p.Name, p.StdErr, r.StdErr[i])
			}
		}
		ll, err := m.LogLikelihood([][]int64{c.data})
		if err != nil || ll != info.LogLik || info.N != 1000 {
			t.Errorf("LogLikelihood = %v, %v; info %+v", ll, err, info)
		}
	}
}

// TestFitSBGCohortsOfDifferentAges checks the pooling of cohorts: the
// likelihood is the sum over cohorts, a duplicated cohort leaves the
// estimate unchanged, and three cohorts of different ages give the SciPy
// fit of gen_reference.py on the same counts (relative 1e-6).
func TestFitSBGCohortsOfDifferentAges(t *testing.T) {
	one, _, err := FitSBG([][]int64{mdlHighEnd}, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	two, _, err := FitSBG([][]int64{mdlHighEnd, mdlHighEnd}, FitOptions{})
	if err != nil || !mdlClose(one.Alpha, two.Alpha, 1e-6) || !mdlClose(one.Beta, two.Beta, 1e-6) {
		t.Errorf("FitSBG(cohort twice) = %+v, %v, once %+v", two, err, one)
	}
	cohorts := [][]int64{mdlHighEnd, {1000, 880, 770, 690}, {2000, 1750}}
	m, info, err := FitSBG(cohorts, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for _, c := range cohorts {
		v, _ := m.LogLikelihood([][]int64{c})
		sum += v
	}
	r := mdlReference(t).Fits["sbg_mixed"]
	if !mdlClose(info.LogLik, sum, 1e-12) || !mdlClose(m.Alpha, r.Params[0], 1e-6) || !mdlClose(m.Beta, r.Params[1], 1e-6) ||
		!mdlClose(info.LogLik, r.LogLik, 1e-10) || info.N != 4000 {
		t.Errorf("FitSBG(3 cohorts) = %+v, LL %v (sum of cohorts %v); SciPy %v, LL %v", m, info.LogLik, sum, r.Params, r.LogLik)
	}
}

// TestSBGReference compares survival and DERL with the formulas of Fader
// and Hardie (2007, 2010) evaluated by gen_reference.py (DERL with
// mpmath's ₂F₁).
func TestSBGReference(t *testing.T) {
	for _, ref := range mdlReference(t).SBG {
		m := SBG{ref.Params[0], ref.Params[1]}
		curve, err := m.SurvivalCurve(len(ref.Survival) - 1)
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range ref.Survival {
			got, err := m.Survival(i)
			if err != nil || !mdlClose(got, want, 1e-13) || !mdlClose(curve[i], want, 1e-13) {
				t.Errorf("%+v.Survival(%d) = %v, curve %v, want %v", m, i, got, curve[i], want)
			}
			if i > 0 {
				r, _ := m.RetentionRate(i)
				p, _ := m.ProbChurn(i)
				if !mdlClose(r, want/ref.Survival[i-1], 1e-13) || !mdlClose(p, ref.Survival[i-1]-want, 1e-12) {
					t.Errorf("%+v: RetentionRate(%d) = %v, ProbChurn = %v", m, i, r, p)
				}
			}
		}
		for _, d := range ref.DERL {
			got, err := m.DERL(d[0], int(d[1]))
			if err != nil || !mdlClose(got, d[2], 1e-12) {
				t.Errorf("%+v.DERL(%v, %v) = %v, %v, want %v", m, d[0], d[1], got, err, d[2])
			}
			v, err := m.ResidualValue(20, d[0], int(d[1]))
			if err != nil || !mdlClose(v, 20*d[2], 1e-12) {
				t.Errorf("%+v.ResidualValue(20, %v, %v) = %v, %v", m, d[0], d[1], v, err)
			}
		}
	}
	// The discounted expected lifetime of a new customer, 1 + DERL(d, 0)/(1+d),
	// against its closed form ₂F₁(1, β; α+β; 1/(1+d)) (Fader and Hardie 2010)
	// summed here term by term: S(t) = Π_{i<t} (β+i)/(α+β+i).
	for _, p := range [][2]float64{{0.668, 3.806}, {1.5, 3}} {
		m := SBG{p[0], p[1]}
		derl, _ := m.DERL(0.1, 0)
		var del float64
		s := 1.0
		for t := 0; t < 2000; t++ {
			del += s / math.Pow(1.1, float64(t))
			s *= (m.Beta + float64(t)) / (m.Alpha + m.Beta + float64(t))
		}
		if !mdlClose(1+derl/1.1, del, 1e-12) {
			t.Errorf("%+v: 1 + DERL(0.1, 0)/1.1 = %v, discounted expected lifetime %v", m, 1+derl/1.1, del)
		}
	}
	m := SBG{1.5, 3}
	if e, err := m.ExpectedLifetime(); err != nil || !mdlClose(e, 3.5/0.5, 1e-15) {
		t.Errorf("ExpectedLifetime = %v, %v, want 7", e, err)
	}
	if e, err := m.DERL(0, 2); err != nil || !mdlClose(e, (3+3-1)/0.5, 1e-15) {
		t.Errorf("DERL(0, 2) = %v, %v, want 10", e, err)
	}
}

// TestRetentionLaws checks for sBG and BdW: survival starts at 1 and never
// increases, probabilities are in [0, 1] and add up (P(T = t) = S(t−1) −
// S(t)), DERL falls as the discount rate rises, and a JSON round trip
// projects the same.
func TestRetentionLaws(t *testing.T) {
	props := gopter.NewProperties(nil)
	for name, mk := range map[string]func(p []float64) RetentionModel{
		"sbg": func(p []float64) RetentionModel { return SBG{p[0], p[1]} },
		"bdw": func(p []float64) RetentionModel { return BdW{p[0], p[1], math.Sqrt(p[2]) / 2} },
	} {
		props.Property(name+": projected survival non-increasing from 1", prop.ForAll(
			func(p []float64, n int) bool {
				m := mk(p)
				s, err := m.SurvivalCurve(n)
				if err != nil || s[0] != 1 {
					return false
				}
				for i := 1; i <= n; i++ {
					pc, err1 := m.ProbChurn(i)
					r, err2 := m.RetentionRate(i)
					if errors.Join(err1, err2) != nil || s[i] > s[i-1] || s[i] < 0 || !(pc >= 0 && pc <= 1) || !(r >= 0 && r <= 1) ||
						math.Abs(pc-(s[i-1]-s[i])) > 1e-12 {
						return false
					}
				}
				return true
			},
			mdlGenParams(3), gen.IntRange(0, 60)))
		props.Property(name+": DERL decreasing in the discount rate, JSON round trip", prop.ForAll(
			func(p []float64, d1, d2 float64, k int) bool {
				m := mk(p)
				lo, hi := math.Min(d1, d2), math.Max(d1, d2)
				a, err1 := m.DERL(lo, k)
				b, err2 := m.DERL(hi, k)
				out, err3 := json.Marshal(m)
				back, err4 := DecodeRetentionModel(out)
				if errors.Join(err1, err2, err3, err4) != nil {
					return false
				}
				c, err := back.DERL(lo, k)
				return err == nil && c == a && b <= a*(1+1e-12) && a >= 0
			},
			mdlGenParams(3), gen.Float64Range(0.01, 1), gen.Float64Range(0.01, 1), gen.IntRange(0, 20)))
	}
	props.TestingRun(t)
}

func TestSBGErrors(t *testing.T) {
	for name, c := range map[string][][]int64{
		"no cohorts":       nil,
		"one count":        {{1000}},
		"empty start":      {{0, 0, 0}},
		"increasing":       {{1000, 900, 950}},
		"negative":         {{1000, 900, -1}},
		"one period":       {{1000, 800}},
		"no churn":         {{1000, 1000, 1000, 1000}},
		"all churn at one": {{1000, 0, 0, 0}, {50, 0}},
	} {
		if _, _, err := FitSBG(c, FitOptions{}); !errors.Is(err, ErrModelData) {
			t.Errorf("FitSBG(%s) error = %v, want ErrModelData", name, err)
		}
		if _, _, err := FitBdW(c, FitOptions{}); !errors.Is(err, ErrModelData) {
			t.Errorf("FitBdW(%s) error = %v, want ErrModelData", name, err)
		}
	}
	if _, _, err := FitSBG(nil, FitOptions{}); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("FitSBG(nil) error = %v, want ErrNoData", err)
	}
	if _, _, err := FitBdW([][]int64{{1000, 800, 700}}, FitOptions{}); !errors.Is(err, ErrModelData) {
		t.Errorf("FitBdW(two periods) error = %v, want ErrModelData", err)
	}
	// Churn only in period one, none after: the likelihood is maximised at
	// the boundary (a mixture of θ = 0 and θ = 1), reported as such.
	if m, info, err := FitSBG([][]int64{{1000, 500, 500, 500, 500}}, FitOptions{}); !errors.Is(err, ErrFitNotConverged) || info.Converged {
		t.Errorf("FitSBG(churn only in period one) = %+v, %+v, %v, want not converged", m, info, err)
	}
	m := SBG{0.668, 3.806}
	for name, f := range map[string]func() error{
		"Survival(-1)":          func() error { _, err := m.Survival(-1); return err },
		"SurvivalCurve(-1)":     func() error { _, err := m.SurvivalCurve(-1); return err },
		"RetentionRate(0)":      func() error { _, err := m.RetentionRate(0); return err },
		"ProbChurn(0)":          func() error { _, err := m.ProbChurn(0); return err },
		"DERL(-0.1, 0)":         func() error { _, err := m.DERL(-0.1, 0); return err },
		"DERL(NaN, 0)":          func() error { _, err := m.DERL(math.NaN(), 0); return err },
		"DERL(0.1, -1)":         func() error { _, err := m.DERL(0.1, -1); return err },
		"ResidualValue(Inf, …)": func() error { _, err := m.ResidualValue(math.Inf(1), 0.1, 0); return err },
	} {
		if err := f(); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("%s error = %v, want ErrRange", name, err)
		}
	}
	// α ≤ 1: infinite expected lifetime.
	if _, err := m.ExpectedLifetime(); !errors.Is(err, ErrModelParams) || !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("ExpectedLifetime(alpha < 1) error = %v", err)
	}
	if _, err := m.DERL(0, 1); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("DERL(0, 1) with alpha < 1 error = %v", err)
	}
	bad := SBG{-1, 1}
	for name, f := range map[string]func() error{
		"Survival":         func() error { _, err := bad.Survival(1); return err },
		"SurvivalCurve":    func() error { _, err := bad.SurvivalCurve(1); return err },
		"RetentionRate":    func() error { _, err := bad.RetentionRate(1); return err },
		"ProbChurn":        func() error { _, err := bad.ProbChurn(1); return err },
		"ExpectedLifetime": func() error { _, err := bad.ExpectedLifetime(); return err },
		"DERL":             func() error { _, err := bad.DERL(0.1, 1); return err },
		"ResidualValue":    func() error { _, err := bad.ResidualValue(1, 0.1, 1); return err },
		"LogLikelihood":    func() error { _, err := bad.LogLikelihood([][]int64{mdlHighEnd}); return err },
	} {
		if err := f(); !errors.Is(err, ErrModelParams) {
			t.Errorf("SBG{-1, 1}.%s error = %v, want ErrModelParams", name, err)
		}
	}
	if _, err := m.LogLikelihood([][]int64{{5, 6}}); !errors.Is(err, ErrModelData) {
		t.Errorf("LogLikelihood(increasing) error = %v", err)
	}
}
