package ces

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
)

// Direction returns the direction of the tally's scale (see
// Scale.Direction): whether a higher mean rating is better.
func (t *Tally) Direction() satmetrics.Direction { return t.scale.Direction() }

// MeanStats returns the mean rating, its standard deviation and the
// (effective) number of responses, the summary that satmetrics.MeanInterval
// and satmetrics.CompareMeans take. For a weighted tally the mean is
// weighted, N is Kish's effective sample size n_eff, and the variance is
// Σw(r - mean)²/Σw · n_eff/(n_eff - 1), the usual n - 1 form when every
// weight is 1. It returns an error wrapping satmetrics.ErrNoData if the
// total weight is zero.
func (t *Tally) MeanStats() (satmetrics.MeanStats, error) {
	w, n, err := t.totals()
	if err != nil {
		return satmetrics.MeanStats{}, fmt.Errorf("ces: mean: %w", err)
	}
	mean, v := t.c.MeanVar(t.scale.Points(), 1, w)
	var sd float64
	if n > 1 {
		sd = math.Sqrt(v * n / (n - 1))
	}
	return satmetrics.MeanStats{Mean: mean, SD: sd, N: n}, nil
}

// CES returns the Customer Effort Score, the mean rating, with its standard
// error SD/√n and Student's t interval at the given level (see
// satmetrics.MeanInterval), on the scale's own points: from 1 to 7 on
// Agree7, where higher is easier, and from 1 to 5 on Effort5, where lower is
// easier (see Direction). For a weighted tally the mean is weighted and n is
// Kish's effective sample size (see MeanStats).
//
// It returns an error wrapping satmetrics.ErrNoData for a tally without
// responses and satmetrics.ErrUndefined when there are too few (n <= 1) for
// a standard deviation.
func (t *Tally) CES(level float64) (satmetrics.Estimate, error) {
	s, err := t.MeanStats()
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	iv, err := satmetrics.MeanInterval(s, level)
	if err != nil {
		return satmetrics.Estimate{}, fmt.Errorf("ces: %w", err)
	}
	e := satmetrics.Estimate{Value: s.Mean, StdErr: s.StdErr(), Interval: iv, N: t.N()}
	if t.Weighted() {
		e.EffectiveN = s.N
	}
	return e, e.Check()
}

// Mean is CES: the mean rating with its t interval. It exists so that the
// mean rating has the same name as in package csat.
func (t *Tally) Mean(level float64) (satmetrics.Estimate, error) { return t.CES(level) }

// Options configure the interval of the percent easy or difficult. The
// zero Options give a 95% Wilson interval.
type Options struct {
	Level  float64                     // confidence level in (0, 1); zero means satmetrics.DefaultLevel (0.95)
	Method satmetrics.ProportionMethod // interval method; zero means satmetrics.Wilson
}

func (o Options) resolve() (Options, error) {
	if o.Level == 0 {
		o.Level = satmetrics.DefaultLevel
	}
	if err := satmetrics.CheckLevel(o.Level); err != nil {
		return o, fmt.Errorf("ces: %w", err)
	}
	if !o.Method.Valid() {
		return o, fmt.Errorf("ces: method %v: %w", o.Method, satmetrics.ErrRange)
	}
	return o, nil
}

// shares returns the (effective) numbers of easy and difficult responses
// and the (effective) number of responses: counts for an unweighted tally,
// and for a weighted one the weighted shares times Kish's effective sample
// size n_eff, and n_eff.
func (t *Tally) shares() (easy, difficult, n float64, err error) {
	w, n, err := t.totals()
	if err != nil {
		return 0, 0, 0, err
	}
	for r := Rating(1); t.scale.Contains(r); r++ {
		x := t.c.W(int(r) - 1)
		if !t.Weighted() {
			x = float64(t.c.N(int(r) - 1))
		}
		if t.scale.Easy(r) {
			easy += x
		}
		if t.scale.Difficult(r) {
			difficult += x
		}
	}
	if t.Weighted() {
		easy, difficult = easy/w*n, difficult/w*n
	}
	return easy, difficult, n, nil
}

func (t *Tally) percent(x, n float64, o Options) (satmetrics.Estimate, error) {
	o, err := o.resolve()
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	e, err := satmetrics.Proportion(x, n, o.Level, o.Method)
	if err != nil {
		return satmetrics.Estimate{}, fmt.Errorf("ces: %w", err)
	}
	e = e.Scaled(100)
	e.N = t.N()
	if t.Weighted() {
		e.EffectiveN = n
	}
	return e, e.Check()
}

// Easy returns the percentage of responses that count as easy (5-7 on
// Agree7, 1-2 on Effort5) with its standard error and a Wilson interval at
// the given level: shorthand for EasyWith(Options{Level: level}).
func (t *Tally) Easy(level float64) (satmetrics.Estimate, error) {
	if err := satmetrics.CheckLevel(level); err != nil {
		return satmetrics.Estimate{}, fmt.Errorf("ces: %w", err)
	}
	return t.EasyWith(Options{Level: level})
}

// EasyWith returns the percentage of easy responses, 100 x/n, with its
// standard error 100 √(p(1-p)/n) and the interval that o asks for (see
// satmetrics.ProportionMethod). Weighted tallies give the weighted
// percentage with Kish's effective sample size for n. It returns an error
// wrapping satmetrics.ErrNoData for a tally without responses, and the
// errors of invalid Options.
func (t *Tally) EasyWith(o Options) (satmetrics.Estimate, error) {
	easy, _, n, err := t.shares()
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	return t.percent(easy, n, o)
}

// Difficult returns the percentage of responses that count as difficult
// (1-3 on Agree7, 4-5 on Effort5) with a Wilson interval at the given level:
// shorthand for DifficultWith(Options{Level: level}).
func (t *Tally) Difficult(level float64) (satmetrics.Estimate, error) {
	if err := satmetrics.CheckLevel(level); err != nil {
		return satmetrics.Estimate{}, fmt.Errorf("ces: %w", err)
	}
	return t.DifficultWith(Options{Level: level})
}

// DifficultWith returns the percentage of difficult responses with the
// interval that o asks for, as EasyWith does for easy ones.
func (t *Tally) DifficultWith(o Options) (satmetrics.Estimate, error) {
	_, difficult, n, err := t.shares()
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	return t.percent(difficult, n, o)
}

// NetEase returns the net ease, percent easy minus percent difficult, from
// -100 to 100 on every scale (higher is easier), with its standard error
// and Wald interval; see NetEaseFromCounts for the formula. Weighted tallies
// use the weighted shares and Kish's effective sample size for n.
func (t *Tally) NetEase(level float64) (satmetrics.Estimate, error) {
	easy, difficult, n, err := t.shares()
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	e, err := netEase(easy, difficult, n, level)
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	e.N = t.N()
	if t.Weighted() {
		e.EffectiveN = n
	}
	return e, e.Check()
}

// NetEaseFromCounts returns the net ease of a group with the given numbers
// of easy, neutral and difficult responses. With shares p_e and p_d of n,
//
//	NetEase = 100 (p_e - p_d)
//	SE      = 100 √(((p_e + p_d) - (p_e - p_d)²) / n)
//
// (the variance of a response scored +1 if easy, 0 if neutral and -1 if
// difficult, as for the Net Promoter Score), and the Wald interval
// NetEase ± z_{1-α/2} SE, clipped to [-100, 100].
//
// It returns an error wrapping satmetrics.ErrNoData when all counts are 0,
// satmetrics.ErrRange for a negative count, and satmetrics.ErrLevel for a
// level outside (0, 1).
func NetEaseFromCounts(easy, neutral, difficult int64, level float64) (satmetrics.Estimate, error) {
	if easy < 0 || neutral < 0 || difficult < 0 {
		return satmetrics.Estimate{}, fmt.Errorf("ces: counts %d, %d, %d: %w", easy, neutral, difficult, satmetrics.ErrRange)
	}
	n := easy + neutral + difficult
	e, err := netEase(float64(easy), float64(difficult), float64(n), level)
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	e.N = n
	return e, nil
}

func netEase(easy, difficult, n, level float64) (satmetrics.Estimate, error) {
	if n == 0 {
		return satmetrics.Estimate{}, fmt.Errorf("ces: net ease: %w", satmetrics.ErrNoData)
	}
	z, err := satmetrics.ZCritical(level)
	if err != nil {
		return satmetrics.Estimate{}, fmt.Errorf("ces: %w", err)
	}
	// Weighted sums computed in different orders can put a share a few
	// ulps beyond 0 or 1; clamp so that the estimate stays in its interval.
	pe, pd := min(easy/n, 1), min(difficult/n, 1)
	d := max(-1, min(1, pe-pd))
	se := math.Sqrt(math.Max(pe+pd-d*d, 0) / n)
	e := satmetrics.Estimate{
		Value:  100 * d,
		StdErr: 100 * se,
		Interval: satmetrics.Interval{
			Lower: 100 * max(d-z*se, -1), Upper: 100 * min(d+z*se, 1), Level: level, Method: "wald",
		},
	}
	return e, e.Check()
}
