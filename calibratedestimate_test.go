package satmetrics_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

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

// TestCalibratedEstimatesEdges covers proportions of 0 and 1, whose
// interval is the Clopper-Pearson bound for the effective sample size, a
// value that the calibration explains exactly (standard error 0), and the
// errors.
func TestCalibratedEstimatesEdges(t *testing.T) {
	c := satmetrics.Classification{Name: "tier", Labels: []string{"a", "a", "b", "b", "b"}, Population: map[string]float64{"a": 50, "b": 50}}
	cal, err := satmetrics.PostStratify(c, nil, satmetrics.Calibration{})
	if err != nil {
		t.Fatal(err)
	}
	// Weights 25, 25, 50/3 × 3: n_eff = 100² / (2·625 + 3·2500/9).
	neff := 10000 / (1250 + 7500.0/9)
	none, err := cal.Proportion(make([]bool, 5), 0.95)
	if err != nil {
		t.Fatal(err)
	}
	want := satmetrics.Estimate{
		Interval: satmetrics.Interval{Upper: 1 - math.Pow(0.025, 1/neff), Level: 0.95, Method: "clopper-pearson"},
		N:        5, EffectiveN: neff,
	}
	if d := cmp.Diff(want, none, cmpopts.EquateApprox(1e-14, 0)); d != "" {
		t.Errorf("Proportion of none (-want +got):\n%s", d)
	}
	all, err := cal.Proportion([]bool{true, true, true, true, true}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	want.Value, want.Lower, want.Upper = 1, math.Pow(0.025, 1/neff), 1
	if d := cmp.Diff(want, all, cmpopts.EquateApprox(1e-14, 0)); d != "" {
		t.Errorf("Proportion of all (-want +got):\n%s", d)
	}
	// Being in tier a is known exactly once the weights are calibrated.
	exact, err := cal.Proportion([]bool{true, true, false, false, false}, 0.9)
	if err != nil {
		t.Fatal(err)
	}
	if !wrefClose(exact.Value, 0.5, 1e-15) || exact.StdErr > 1e-15 || !wrefClose(exact.Lower, 0.5, 1e-14) || !wrefClose(exact.Upper, 0.5, 1e-14) {
		t.Errorf("Proportion of tier a = %+v, want 0.5 with no error", exact)
	}
	if _, err := json.Marshal([]satmetrics.Estimate{none, all, exact}); err != nil {
		t.Errorf("json.Marshal: %v", err)
	}

	for _, e := range []struct {
		name string
		err  func() error
		want error
		says string
	}{
		{"wrong length", func() error { _, err := cal.Mean([]float64{1, 2}, 0.95); return err }, satmetrics.ErrIncompatible, "2 values for 5"},
		{"NaN value", func() error { _, err := cal.Mean([]float64{1, 2, math.NaN(), 4, 5}, 0.95); return err }, satmetrics.ErrRange, "respondent 2"},
		{"bad level", func() error { _, err := cal.Mean([]float64{1, 2, 3, 4, 5}, 0); return err }, satmetrics.ErrLevel, "level 0"},
		{"bad level, proportion", func() error { _, err := cal.Proportion(make([]bool, 5), 1); return err }, satmetrics.ErrLevel, "level 1"},
		{"not calibrated", func() error {
			_, err := satmetrics.Calibrated{Weights: []float64{1, 1}}.Mean([]float64{1, 2}, 0.95)
			return err
		}, satmetrics.ErrIncompatible, "PostStratify or Rake"},
		{"one respondent", func() error {
			one, err := satmetrics.PostStratify(satmetrics.Classification{Name: "x", Labels: []string{"a"}, Population: map[string]float64{"a": 1}}, nil, satmetrics.Calibration{})
			if err != nil {
				return err
			}
			_, err = one.Mean([]float64{3}, 0.95)
			return err
		}, satmetrics.ErrUndefined, "1 respondent"},
	} {
		err := e.err()
		if !errors.Is(err, e.want) || !strings.Contains(fmt.Sprint(err), e.says) {
			t.Errorf("%s: error %v, want one wrapping %v that says %q", e.name, err, e.want, e.says)
		}
	}
}

// TestCalibratedEstimatesProperties checks that the interval of the mean is
// symmetric about it and that of the proportion contains it within [0, 1],
// on random raked designs.
func TestCalibratedEstimatesProperties(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.Rng.Seed(7)
	props := gopter.NewProperties(params)
	props.Property("intervals contain the estimate", prop.ForAll(
		func(seed int64) string {
			classes, base := wrefRandom(seed, 2)
			cal, err := satmetrics.Rake(classes, base, satmetrics.Calibration{MaxIter: 1000})
			if err != nil {
				return err.Error()
			}
			rng := rand.New(rand.NewPCG(uint64(seed), 2))
			y := make([]float64, len(base))
			x := make([]bool, len(base))
			for i := range y {
				y[i] = rng.NormFloat64()*3 + 5
				x[i] = rng.IntN(4) == 0
			}
			m, err := cal.Mean(y, 0.95)
			if err != nil {
				return err.Error()
			}
			p, err := cal.Proportion(x, 0.95)
			if err != nil {
				return err.Error()
			}
			if !m.Contains(m.Value) || !wrefClose(m.Value-m.Lower, m.Upper-m.Value, 1e-9) || !(m.StdErr >= 0) {
				return fmt.Sprintf("mean %+v", m)
			}
			if !p.Contains(p.Value) || p.Lower < 0 || p.Upper > 1 {
				return fmt.Sprintf("proportion %+v", p)
			}
			return ""
		},
		gen.Int64(),
	))
	props.TestingRun(t)
}

// BenchmarkCalibratedMean computes the mean and its calibration-aware
// standard error for n respondents raked on three classifications of 20
// categories.
func BenchmarkCalibratedMean(b *testing.B) {
	for _, n := range []int{1000, 100000, 1000000} {
		cal, err := satmetrics.Rake(wrefBench(n), nil, satmetrics.Calibration{})
		if err != nil {
			b.Fatal(err)
		}
		y := make([]float64, n)
		for i := range y {
			y[i] = float64(i % 11)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cal.Mean(y, 0.95); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
