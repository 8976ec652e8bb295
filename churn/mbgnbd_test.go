package churn

import (
	"testing"
)

// TestFitMBGNBDReference compares the MBG/NBD fit on the CDNOW sample with
// the SciPy maximum-likelihood fit of gen_reference.py (the same likelihood
// written independently, fitted by Nelder-Mead then BFGS on its own pandas
// summary of the raw transactions), to a relative 1e-5 in the parameters
// and 1e-9 in the log-likelihood. The paper fits other data.
func TestFitMBGNBDReference(t *testing.T) {
	m, info, err := FitMBGNBD(mdlCDNOWExact(t), FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ref := mdlReference(t).Fits["mbgnbd_cdnow_sample"]
	for i, got := range []float64{m.R, m.Alpha, m.A, m.B} {
		if !mdlClose(got, ref.Params[i], 1e-5) {
			t.Errorf("FitMBGNBD(CDNOW) parameter %d = %v, SciPy %v", i, got, ref.Params[i])
		}
	}
	if !mdlClose(info.LogLik, ref.LogLik, 1e-9) {
		t.Errorf("FitMBGNBD(CDNOW) log-likelihood = %v, SciPy %v", info.LogLik, ref.LogLik)
	}
}

// TestMBGNBDReference compares the predictions with the closed forms (as
// in Batislam et al. 2007 and the Python package lifetimes) evaluated by
// gen_reference.py.
func TestMBGNBDReference(t *testing.T) {
	for _, ref := range mdlReference(t).MBGNBD {
		p := ref.Params
		mdlCheckPurchaseRef(t, MBGNBD{p[0], p[1], p[2], p[3]}, ref)
	}
}

func TestMBGNBDLaws(t *testing.T) {
	mdlPurchaseLaws(t, func(p []float64) PurchaseModel { return MBGNBD{p[0], p[1], p[2], p[3]} })
}

// TestMBGNBDNotCertainlyAlive checks the point of the modification: a
// customer without repeat purchases is alive with probability b/(a+b)
// adjusted for the time since, below 1.
func TestMBGNBDNotCertainlyAlive(t *testing.T) {
	m := MBGNBD{0.525, 6.183, 0.891, 1.614}
	got, err := m.ProbAlive(RFM{Age: 0})
	want := 1 / (1 + m.A/m.B)
	if err != nil || !mdlClose(got, want, 1e-14) {
		t.Errorf("ProbAlive(new customer) = %v, %v, want b/(a+b) = %v", got, err, want)
	}
}

func TestMBGNBDErrors(t *testing.T) {
	mdlCheckErrors(t, MBGNBD{0.5, 6, 0.9, 1.6}, MBGNBD{0.5, 6, 0.9, -1})
	mdlCheckFitDegenerate(t, func(d []RFM, o FitOptions) (FitInfo, error) {
		_, info, err := FitMBGNBD(d, o)
		return info, err
	})
}
