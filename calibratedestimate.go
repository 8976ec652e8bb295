package satmetrics

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics/internal/stable"
)

// Mean returns the mean of y, one value per respondent, under the calibrated
// weights, with a standard error that accounts for the calibration, as R's
// svymean does on a post-stratified or raked design:
//
//	ȳ = Σ w_i y_i / Σ w_i
//	e_i = y_i - ȳ - Σ_k m_{k,h(i)}                 residuals after the calibration
//	z_i = w_i e_i / Σ w_i
//	var(ȳ) = n/(n-1) Σ_i (z_i - z̄)²,  se = √var(ȳ)
//
// where the m_{k,h} remove, by backfitting to convergence, the part of y
// that the calibrated classifications explain (for one classification, e_i
// = y_i - ȳ_h, the deviation from the weighted mean of the respondent's
// category; the means are weighted by the initial weights). Knowing the
// margins makes the mean more precise the more y depends on the
// classifications. The interval is the normal (Wald) interval ȳ ± z se at
// the given level. The Estimate carries n and Kish's effective sample size.
//
// The variance is the with-replacement linearization of a single-stage
// design (each respondent its own sampling unit), as survey::svydesign(ids =
// ~1, weights = ...) gives; R's rake stops its backfitting after ten sweeps,
// so for raking the two agree closely rather than exactly.
//
// Mean returns an error wrapping ErrIncompatible if y does not have one value
// per respondent or c was not returned by PostStratify or Rake, ErrRange for
// a NaN or infinite value (naming it), ErrLevel for a bad level and
// ErrUndefined for fewer than two respondents.
//
// For more information, see J.-C. Deville and C.-E. Särndal, "Calibration
// estimators in survey sampling", JASA 87(418), 1992, and T. Lumley, Complex
// Surveys: A Guide to Analysis Using R, Wiley, 2010, section 7.
func (c Calibrated) Mean(y []float64, level float64) (Estimate, error) {
	if err := c.check(len(y), level); err != nil {
		return Estimate{}, err
	}
	for i, v := range y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return Estimate{}, fmt.Errorf("satmetrics: mean: respondent %d: value %v: %w", i, v, ErrRange)
		}
	}
	mean, se := c.meanSE(y)
	iv, err := NormalInterval(mean, se, level, "wald")
	if err != nil {
		return Estimate{}, err
	}
	e := Estimate{Value: mean, StdErr: se, Interval: iv, N: c.N, EffectiveN: c.EffectiveN}
	return e, e.Check()
}

// Proportion returns the proportion (from 0 to 1) of respondents for whom x
// is true under the calibrated weights, with the standard error of Mean and
// the logit interval of R's svyciprop,
//
//	logit(p̂) ± z se / (p̂ (1 - p̂)),  mapped back by p = 1 / (1 + e^-t),
//
// which stays within [0, 1]. When p̂ is 0 or 1 the logit is infinite and
// the interval is instead the Clopper-Pearson bound for the effective
// sample size n_eff: [0, 1 - (α/2)^(1/n_eff)] or [(α/2)^(1/n_eff), 1], with
// α = 1 - level.
//
// Proportion returns the errors of Mean.
//
// For more information, see T. Lumley, survey: analysis of complex survey
// samples, R package, function svyciprop.
func (c Calibrated) Proportion(x []bool, level float64) (Estimate, error) {
	if err := c.check(len(x), level); err != nil {
		return Estimate{}, err
	}
	y := make([]float64, len(x))
	for i, b := range x {
		if b {
			y[i] = 1
		}
	}
	p, se := c.meanSE(y)
	z, err := ZCritical(level)
	if err != nil {
		return Estimate{}, err
	}
	iv := Interval{Level: level, Method: "logit"}
	alpha := 1 - level
	switch {
	case p <= 0:
		p = 0
		iv.Method, iv.Upper = "clopper-pearson", 1-math.Pow(alpha/2, 1/c.EffectiveN)
	case p >= 1:
		p = 1
		iv.Method, iv.Lower, iv.Upper = "clopper-pearson", math.Pow(alpha/2, 1/c.EffectiveN), 1
	default:
		t, h := math.Log(p/(1-p)), z*se/(p*(1-p))
		iv.Lower, iv.Upper = expit(t-h), expit(t+h)
	}
	e := Estimate{Value: p, StdErr: se, Interval: iv, N: c.N, EffectiveN: c.EffectiveN}
	return e, e.Check()
}

func expit(t float64) float64 { return 1 / (1 + math.Exp(-t)) }

func (c Calibrated) check(n int, level float64) error {
	if c.design == nil || len(c.Weights) != c.design.n {
		return fmt.Errorf("satmetrics: weights were not returned by PostStratify or Rake: %w", ErrIncompatible)
	}
	if n != c.design.n {
		return fmt.Errorf("satmetrics: %d values for %d respondents: %w", n, c.design.n, ErrIncompatible)
	}
	if n < 2 {
		return fmt.Errorf("satmetrics: standard error of %d respondent: %w", n, ErrUndefined)
	}
	return CheckLevel(level)
}

// maxBackfit bounds the sweeps of backfitting in meanSE. Each sweep
// removes the category means of one classification after another; with
// crossed classifications the residuals converge geometrically.
const maxBackfit = 500

// meanSE returns the weighted mean of y and its linearization standard
// error under the calibration.
func (c Calibrated) meanSE(y []float64) (mean, se float64) {
	d, w := c.design, c.Weights
	var sw, swy stable.Sum
	for i, v := range y {
		sw.Add(w[i])
		swy.Add(w[i] * v)
	}
	total := sw.Value()
	mean = swy.Value() / total

	// Residuals of y on the calibration classifications, by backfitting
	// with the initial weights d_i.
	e := make([]float64, len(y))
	scale := 0.0
	for i, v := range y {
		e[i] = v - mean
		scale = math.Max(scale, math.Abs(e[i]))
	}
	d.backfit(e, 1e-12*scale)

	var sz stable.Sum
	for i := range e {
		e[i] *= w[i] / total
		sz.Add(e[i])
	}
	zbar := sz.Value() / float64(len(e))
	var ss stable.Sum
	for _, z := range e {
		ss.Add((z - zbar) * (z - zbar))
	}
	n := float64(len(e))
	return mean, math.Sqrt(n / (n - 1) * ss.Value())
}

// backfit replaces e by its residuals from the additive model of the
// calibration classifications, fitted with the initial weights d_i: it
// subtracts from e the d-weighted mean of e in each category of one
// classification after another, and repeats until no mean exceeds tol.
// Each step is one pass over the respondents, which also sums e by the
// categories of the next classification.
func (d *design) backfit(e []float64, tol float64) {
	den := d.sums(d.base, nil) // Σ d_i per category
	num := d.sums(nil, nil)    // Σ d_i e_i per category
	means := d.sums(nil, nil)
	last := len(d.codes) - 1
	d.subtractSum(e, nil, nil, d.codes[0], num[0])
	for sweep := 0; sweep < maxBackfit; sweep++ {
		moved := 0.0
		for k, codes := range d.codes {
			m := means[k]
			for h := range m {
				m[h] = 0
				if den[k][h] > 0 {
					m[h] = num[k][h] / den[k][h]
				}
				moved = math.Max(moved, math.Abs(m[h]))
			}
			next := k + 1
			if k == last {
				next = 0
			}
			d.subtractSum(e, m, codes, d.codes[next], num[next])
		}
		if moved <= tol {
			return
		}
	}
}

// subtractSum subtracts sub[codes[i]] from every e[i] (unless sub is nil)
// and sets sum to the sums of d_i e_i by the categories of into.
func (d *design) subtractSum(e, sub []float64, codes, into []int32, sum []float64) {
	clear(sum)
	into = into[:len(e)]
	switch {
	case sub == nil && d.base == nil:
		for i, x := range e {
			sum[into[i]] += x
		}
	case sub == nil:
		base := d.base[:len(e)]
		for i, x := range e {
			sum[into[i]] += base[i] * x
		}
	case d.base == nil:
		codes = codes[:len(e)]
		for i, h := range codes {
			x := e[i] - sub[h]
			e[i] = x
			sum[into[i]] += x
		}
	default:
		codes, base := codes[:len(e)], d.base[:len(e)]
		for i, h := range codes {
			x := e[i] - sub[h]
			e[i] = x
			sum[into[i]] += base[i] * x
		}
	}
}
