package satmetrics_test

import (
	"testing"

	"github.com/satmetrics/satmetrics"
)

// TestCalibratedEstimatesR compares the mean rating and the share of
// promoters on the post-stratified and raked reference designs with R's
// svymean and svyciprop (logit interval, df = Inf) on the same designs
// (testdata/weights/estimates.csv, written by gen_reference.R).
// Tolerances: 1e-10 relative for the post-stratified design; for the raked
// design 1e-10 for the mean and 1e-8 for standard errors and bounds,
// since R's rake stops its backfitting of the residuals after ten sweeps
// (the differences seen are near 1e-9).
// svyciprop's point estimate comes from a logistic fit by iteratively
// reweighted least squares, which stops at a relative change of 1e-8, so the
// proportions are compared to 1e-8.
func TestCalibratedEstimatesR(t *testing.T) {
	r := wrefLoad(t)
	ps, err := satmetrics.PostStratify(r.classes("tier")[0], r.w0, satmetrics.Calibration{})
	if err != nil {
		t.Fatal(err)
	}
	rk, err := satmetrics.Rake(r.classes("region", "tier", "tenure"), nil, satmetrics.Calibration{Tolerance: 1e-12, MaxIter: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		prefix     string
		cal        satmetrics.Calibrated
		point, tol float64
	}{{"poststratify", ps, 1e-10, 1e-10}, {"rake", rk, 1e-10, 1e-8}} {
		mean, err := c.cal.Mean(r.rating, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		prop, err := c.cal.Proportion(r.promoter, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []struct {
			name      string
			got, want float64
			tol       float64
		}{
			{"mean", mean.Value, r.est[c.prefix+".mean"], c.point},
			{"mean.se", mean.StdErr, r.est[c.prefix+".mean.se"], c.tol},
			{"prop", prop.Value, r.est[c.prefix+".prop"], 1e-8},
			{"prop.se", prop.StdErr, r.est[c.prefix+".prop.se"], c.tol},
			{"prop.lower", prop.Lower, r.est[c.prefix+".prop.lower"], c.tol},
			{"prop.upper", prop.Upper, r.est[c.prefix+".prop.upper"], c.tol},
		} {
			t.Logf("%s.%s: relative difference %.2g", c.prefix, v.name, (v.got-v.want)/v.want)
			if !wrefClose(v.got, v.want, v.tol) {
				t.Errorf("%s.%s = %.15g, want %.15g (tolerance %g)", c.prefix, v.name, v.got, v.want, v.tol)
			}
		}
		if mean.N != 600 || mean.EffectiveN != c.cal.EffectiveN || prop.Method != "logit" {
			t.Errorf("%s: n %d, effective n %v, method %q; want 600, %v, logit", c.prefix, mean.N, mean.EffectiveN, prop.Method, c.cal.EffectiveN)
		}
	}
}
