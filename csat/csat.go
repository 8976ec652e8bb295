package csat

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
)

// Options configure the interval of the percent satisfied. The zero Options
// give a 95% Wilson interval.
type Options struct {
	Level  float64                     // confidence level in (0, 1); zero means satmetrics.DefaultLevel (0.95)
	Method satmetrics.ProportionMethod // interval method; zero means satmetrics.Wilson
}

func (o Options) resolve() (Options, error) {
	if o.Level == 0 {
		o.Level = satmetrics.DefaultLevel
	}
	if err := satmetrics.CheckLevel(o.Level); err != nil {
		return o, fmt.Errorf("csat: %w", err)
	}
	if !o.Method.Valid() {
		return o, fmt.Errorf("csat: method %v: %w", o.Method, satmetrics.ErrRange)
	}
	return o, nil
}

// percent returns the estimate of a proportion x of n (effective counts) in
// percent.
func percent(x, n float64, o Options) (satmetrics.Estimate, error) {
	o, err := o.resolve()
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	e, err := satmetrics.Proportion(x, n, o.Level, o.Method)
	if err != nil {
		return satmetrics.Estimate{}, fmt.Errorf("csat: %w", err)
	}
	return e.Scaled(100), nil
}

// FromCounts returns the CSAT, the percentage of satisfied responses
// 100·satisfied/total, with its standard error 100·√(p(1-p)/n) and the
// confidence interval that o asks for (see satmetrics.ProportionMethod for
// the formulas).
//
// It returns an error wrapping satmetrics.ErrNoData when total is 0,
// satmetrics.ErrRange for a negative count or satisfied > total, and the
// errors of invalid Options.
func FromCounts(satisfied, total int64, o Options) (satmetrics.Estimate, error) {
	if satisfied < 0 || total < 0 || satisfied > total {
		return satmetrics.Estimate{}, fmt.Errorf("csat: %d satisfied of %d: %w", satisfied, total, satmetrics.ErrRange)
	}
	e, err := percent(float64(satisfied), float64(total), o)
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	e.N = total
	return e, nil
}

// satisfied returns the (effective) number of satisfied responses and the
// (effective) number of responses: the counts for an unweighted tally, and
// for a weighted one the weighted share times Kish's effective sample size,
// and that size.
func (t *Tally) satisfied() (x, n float64, err error) {
	w, n, err := t.totals()
	if err != nil {
		return 0, 0, err
	}
	var sat, satW float64
	for r := t.scale.SatisfiedFrom(); t.scale.Contains(r); r++ {
		sat += float64(t.c.N(int(r) - 1))
		satW += t.c.W(int(r) - 1)
	}
	if !t.Weighted() {
		return sat, n, nil
	}
	return satW / w * n, n, nil
}

// CSAT returns the percentage of satisfied responses (those rated at or
// above the scale's SatisfiedFrom) with its standard error and a Wilson
// confidence interval at the given level: shorthand for
// CSATWith(Options{Level: level}).
func (t *Tally) CSAT(level float64) (satmetrics.Estimate, error) {
	if err := satmetrics.CheckLevel(level); err != nil {
		return satmetrics.Estimate{}, fmt.Errorf("csat: %w", err)
	}
	return t.CSATWith(Options{Level: level})
}

// CSATWith returns the percentage of satisfied responses, from 0 to 100,
// with its standard error and the confidence interval that o asks for. N is
// the number of responses. For a weighted tally the percentage is weighted,
// and the standard error and interval use Kish's effective sample size,
// which EffectiveN reports.
//
// It returns an error wrapping satmetrics.ErrNoData for a tally without
// responses (or whose weights are all zero), and the errors of invalid
// Options.
func (t *Tally) CSATWith(o Options) (satmetrics.Estimate, error) {
	x, n, err := t.satisfied()
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	e, err := percent(x, n, o)
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	e.N = t.N()
	if t.Weighted() {
		e.EffectiveN = n
	}
	return e, e.Check()
}

// MeanStats returns the mean rating, its standard deviation and the
// (effective) number of responses, the summary that satmetrics.MeanInterval
// and satmetrics.CompareMeans take. For a weighted tally the mean is
// weighted, N is Kish's effective sample size n_eff, and the variance is
// Σw(r - mean)²/Σw · n_eff/(n_eff - 1), which is the usual n - 1 form when
// every weight is 1. It returns an error wrapping satmetrics.ErrNoData if
// the total weight is zero.
func (t *Tally) MeanStats() (satmetrics.MeanStats, error) {
	w, n, err := t.totals()
	if err != nil {
		return satmetrics.MeanStats{}, fmt.Errorf("csat: mean: %w", err)
	}
	mean, v := t.c.MeanVar(t.scale.Points(), 1, w)
	var sd float64
	if n > 1 {
		sd = math.Sqrt(v * n / (n - 1))
	}
	return satmetrics.MeanStats{Mean: mean, SD: sd, N: n}, nil
}

// Mean returns the mean rating with its standard error SD/√n and Student's
// t interval at the given level (see satmetrics.MeanInterval), on the
// scale's own points (1 to 5 on Five). For a weighted tally the mean is
// weighted and n is Kish's effective sample size (see MeanStats).
//
// It returns an error wrapping satmetrics.ErrNoData for a tally without
// responses and satmetrics.ErrUndefined when there are too few (n <= 1) for
// a standard deviation.
func (t *Tally) Mean(level float64) (satmetrics.Estimate, error) {
	s, err := t.MeanStats()
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	iv, err := satmetrics.MeanInterval(s, level)
	if err != nil {
		return satmetrics.Estimate{}, fmt.Errorf("csat: mean: %w", err)
	}
	e := satmetrics.Estimate{Value: s.Mean, StdErr: s.StdErr(), Interval: iv, N: t.N()}
	if t.Weighted() {
		e.EffectiveN = s.N
	}
	return e, e.Check()
}
