package churn

import (
	"errors"
	"math"
	"testing"

	"github.com/satmetrics/satmetrics"
)

// TestFitBdWReference compares the BdW fits on the two cohorts of Fader and
// Hardie (2007) with the SciPy maximum-likelihood fits of gen_reference.py
// (relative 1e-5 in the parameters, 1e-10 in the log-likelihood), since
// the published BdW estimates could not be checked here.
func TestFitBdWReference(t *testing.T) {
	ref := mdlReference(t).Fits
	for name, data := range map[string][]int64{"high_end": mdlHighEnd, "regular": mdlRegular} {
		m, info, err := FitBdW([][]int64{data}, FitOptions{})
		if err != nil {
			t.Fatal(err)
		}
		r := ref["bdw_"+name]
		for i, got := range []float64{m.Alpha, m.Beta, m.C} {
			if !mdlClose(got, r.Params[i], 1e-5) {
				t.Errorf("FitBdW(%s) parameter %d = %v, SciPy %v", name, i, got, r.Params[i])
			}
		}
		if !mdlClose(info.LogLik, r.LogLik, 1e-10) {
			t.Errorf("FitBdW(%s) log-likelihood = %v, SciPy %v", name, info.LogLik, r.LogLik)
		}
		// BdW nests sBG (c = 1): its likelihood is at least as high.
		s, sinfo, _ := FitSBG([][]int64{data}, FitOptions{})
		if info.LogLik < sinfo.LogLik {
			t.Errorf("FitBdW(%s) LL %v below sBG's %v (%+v)", name, info.LogLik, sinfo.LogLik, s)
		}
	}
}

// TestBdWReference compares survival, DERL (mpmath nsum) and the expected
// lifetime (mpmath Euler-Maclaurin summation) with gen_reference.py.
func TestBdWReference(t *testing.T) {
	for _, ref := range mdlReference(t).BdW {
		m := BdW{ref.Params[0], ref.Params[1], ref.Params[2]}
		for i, want := range ref.Survival {
			got, err := m.Survival(i)
			if err != nil || !mdlClose(got, want, 1e-13) {
				t.Errorf("%+v.Survival(%d) = %v, %v, want %v", m, i, got, err, want)
			}
		}
		for _, d := range ref.DERL {
			got, err := m.DERL(d[0], int(d[1]))
			if err != nil || !mdlClose(got, d[2], 1e-11) {
				t.Errorf("%+v.DERL(%v, %v) = %v, %v, want %v", m, d[0], d[1], got, err, d[2])
			}
		}
		if ref.Lifetime != nil {
			got, err := m.ExpectedLifetime()
			if err != nil || !mdlClose(got, *ref.Lifetime, 1e-9) {
				t.Errorf("%+v.ExpectedLifetime() = %v, %v, want %v", m, got, err, *ref.Lifetime)
			}
		} else if _, err := m.ExpectedLifetime(); !errors.Is(err, satmetrics.ErrUndefined) {
			t.Errorf("%+v.ExpectedLifetime() error = %v, want ErrUndefined (c·α ≤ 1)", m, err)
		}
	}
}

// TestBdWNestsSBG checks that BdW with c = 1 is sBG, closed forms against
// sums: survival, retention, churn probabilities, expected lifetime and
// DERL, also undiscounted, where BdW sums 4000 terms and estimates the
// rest by Euler-Maclaurin.
func TestBdWNestsSBG(t *testing.T) {
	for _, p := range [][2]float64{{1.5, 3}, {0.668, 3.806}, {3, 0.5}, {1.05, 2}} {
		s, b := SBG{p[0], p[1]}, BdW{p[0], p[1], 1}
		for i := 1; i < 30; i++ {
			s1, _ := s.Survival(i)
			b1, _ := b.Survival(i)
			s2, _ := s.RetentionRate(i)
			b2, _ := b.RetentionRate(i)
			s3, _ := s.ProbChurn(i)
			b3, _ := b.ProbChurn(i)
			if !mdlClose(s1, b1, 1e-13) || !mdlClose(s2, b2, 1e-13) || !mdlClose(s3, b3, 1e-12) {
				t.Errorf("%v at %d: sBG %v %v %v, BdW %v %v %v", p, i, s1, s2, s3, b1, b2, b3)
			}
		}
		curve, _ := b.SurvivalCurve(5)
		want, _ := s.SurvivalCurve(5)
		for i := range curve {
			if !mdlClose(curve[i], want[i], 1e-13) {
				t.Errorf("%v: BdW curve %v, sBG %v", p, curve, want)
			}
		}
		for _, d := range []float64{0.2, 0.01, 1e-4} {
			for _, k := range []int{0, 3} {
				x, _ := s.DERL(d, k)
				y, err := b.DERL(d, k)
				if err != nil || !mdlClose(x, y, 1e-9) {
					t.Errorf("%v DERL(%v, %v): sBG %v, BdW %v, %v", p, d, k, x, y, err)
				}
				xv, _ := s.ResidualValue(10, d, k)
				yv, _ := b.ResidualValue(10, d, k)
				if !mdlClose(xv, yv, 1e-9) {
					t.Errorf("%v ResidualValue(10, %v, %v): sBG %v, BdW %v", p, d, k, xv, yv)
				}
			}
		}
		if p[0] > 1 {
			x, _ := s.ExpectedLifetime()
			y, err := b.ExpectedLifetime()
			x2, _ := s.DERL(0, 2)
			y2, err2 := b.DERL(0, 2)
			if err != nil || err2 != nil || !mdlClose(x, y, 1e-8) || !mdlClose(x2, y2, 1e-8) {
				t.Errorf("%v: E[T] sBG %v, BdW %v, %v; DERL(0, 2) %v, %v, %v", p, x, y, err, x2, y2, err2)
			}
		}
	}
}

func TestBdWErrors(t *testing.T) {
	m := BdW{0.214, 1.427, 1.724}
	for name, f := range map[string]func() error{
		"Survival(-1)":      func() error { _, err := m.Survival(-1); return err },
		"SurvivalCurve(-1)": func() error { _, err := m.SurvivalCurve(-1); return err },
		"RetentionRate(0)":  func() error { _, err := m.RetentionRate(0); return err },
		"ProbChurn(0)":      func() error { _, err := m.ProbChurn(0); return err },
		"DERL(-1, 0)":       func() error { _, err := m.DERL(-1, 0); return err },
	} {
		if err := f(); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("%s error = %v, want ErrRange", name, err)
		}
	}
	if _, err := m.DERL(0, 0); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("DERL(0, 0) with c·alpha < 1 error = %v, want ErrUndefined", err)
	}
	bad := BdW{1, 1, 0}
	for name, f := range map[string]func() error{
		"Survival":         func() error { _, err := bad.Survival(1); return err },
		"SurvivalCurve":    func() error { _, err := bad.SurvivalCurve(1); return err },
		"RetentionRate":    func() error { _, err := bad.RetentionRate(1); return err },
		"ProbChurn":        func() error { _, err := bad.ProbChurn(1); return err },
		"ExpectedLifetime": func() error { _, err := bad.ExpectedLifetime(); return err },
		"DERL":             func() error { _, err := bad.DERL(0.1, 1); return err },
		"LogLikelihood":    func() error { _, err := bad.LogLikelihood([][]int64{mdlHighEnd}); return err },
		"MarshalJSON":      func() error { _, err := bad.MarshalJSON(); return err },
	} {
		if err := f(); !errors.Is(err, ErrModelParams) {
			t.Errorf("BdW{1, 1, 0}.%s error = %v, want ErrModelParams", name, err)
		}
	}
	if _, err := m.LogLikelihood(nil); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("LogLikelihood(nil) error = %v", err)
	}
	if v, err := m.LogLikelihood([][]int64{mdlHighEnd}); err != nil || math.IsNaN(v) {
		t.Errorf("LogLikelihood = %v, %v", v, err)
	}
}

// TestBdWExtremeTenure checks that tenures where t^c overflows give the
// limits (survival 0, churn probability 0) or an error, not NaN.
func TestBdWExtremeTenure(t *testing.T) {
	m := BdW{1, 1, 30}
	const big = math.MaxInt64
	if s, err := m.Survival(big); err != nil || s != 0 {
		t.Errorf("Survival(MaxInt64) = %v, %v, want 0", s, err)
	}
	if p, err := m.ProbChurn(big); err != nil || p != 0 {
		t.Errorf("ProbChurn(MaxInt64) = %v, %v, want 0", p, err)
	}
	if r, err := m.RetentionRate(big); err == nil && !(r >= 0 && r <= 1) {
		t.Errorf("RetentionRate(MaxInt64) = %v, %v", r, err)
	}
}

// TestFitRetentionOneCustomer: a cohort of one customer who churned in
// period two puts the maximum of the likelihood at the boundary (θ fixed
// at 1/2 for everyone: α, β → ∞), reported as not converged.
func TestFitRetentionOneCustomer(t *testing.T) {
	if _, info, err := FitSBG([][]int64{{1, 1, 0}}, FitOptions{}); !errors.Is(err, ErrFitNotConverged) || info.Converged {
		t.Errorf("FitSBG(one customer) = %+v, %v, want not converged", info, err)
	}
	if _, _, err := FitSBG([][]int64{{1, 0}}, FitOptions{}); !errors.Is(err, ErrModelData) {
		t.Errorf("FitSBG(one customer, churned at once) error = %v, want ErrModelData", err)
	}
}
