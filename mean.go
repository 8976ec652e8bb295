package satmetrics

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics/internal/dist"
)

// MeanStats summarises a sample for an interval or a test on its mean: the
// sample mean, the sample standard deviation (with the n - 1 denominator)
// and the number of responses. For weighted responses, Mean and SD are the
// weighted mean and standard deviation and N is Kish's effective sample size
// (see EffectiveN), which need not be an integer.
type MeanStats struct {
	Mean float64 `json:"mean"`
	SD   float64 `json:"sd"`
	N    float64 `json:"n"`
}

func (s MeanStats) check(fn string) error {
	switch {
	case s.N == 0:
		return fmt.Errorf("satmetrics: %s: %w", fn, ErrNoData)
	case math.IsNaN(s.N) || math.IsInf(s.N, 0) || s.N < 0:
		return fmt.Errorf("satmetrics: %s: n = %v: %w", fn, s.N, ErrRange)
	case s.N <= 1:
		return fmt.Errorf("satmetrics: %s: n = %v leaves no degrees of freedom: %w", fn, s.N, ErrUndefined)
	case math.IsNaN(s.Mean) || math.IsInf(s.Mean, 0):
		return fmt.Errorf("satmetrics: %s: mean %v: %w", fn, s.Mean, ErrRange)
	case !(s.SD >= 0) || math.IsInf(s.SD, 0):
		return fmt.Errorf("satmetrics: %s: standard deviation %v: %w", fn, s.SD, ErrRange)
	}
	return nil
}

// StdErr returns the standard error of the mean, SD / √N.
func (s MeanStats) StdErr() float64 {
	return s.SD / math.Sqrt(s.N)
}

// MeanInterval returns Student's t confidence interval for the mean,
//
//	mean ± t_{1-α/2, N-1} · SD / √N,
//
// with α = 1 - level. Its Method is "t". N may be a non-integer effective
// sample size; the degrees of freedom are then N - 1 as well.
//
// It returns an error wrapping ErrNoData when N is 0, ErrUndefined when
// N <= 1 (no degrees of freedom), ErrRange for a negative or non-finite
// field, and ErrLevel for a level outside (0, 1).
func MeanInterval(s MeanStats, level float64) (Interval, error) {
	if err := s.check("mean interval"); err != nil {
		return Interval{}, err
	}
	if err := CheckLevel(level); err != nil {
		return Interval{}, err
	}
	t := dist.StudentTQuantile(1-(1-level)/2, s.N-1)
	h := t * s.StdErr()
	iv := Interval{Lower: s.Mean - h, Upper: s.Mean + h, Level: level, Method: "t"}
	if math.IsNaN(h) || math.IsInf(h, 0) {
		return Interval{}, fmt.Errorf("satmetrics: mean interval: half-width %v: %w", h, ErrUndefined)
	}
	return iv, nil
}

// CompareMeans compares the means of two independent samples, A and B, by
// Welch's unequal-variances t test. With v_i = SD_i² / N_i,
//
//	d  = mean_A - mean_B
//	se = √(v_A + v_B)
//	ν  = (v_A + v_B)² / (v_A²/(N_A - 1) + v_B²/(N_B - 1))   (Welch-Satterthwaite)
//	t  = d / se
//	P  = 2 P(T_ν > |t|)
//
// and the interval d ± t_{1-α/2, ν} se. The Comparison's Statistic is t and
// its Method "welch". The sign of the difference is kept.
//
// It returns an error wrapping ErrUndefined when both standard deviations
// are zero (the statistic would divide by zero) or a sample has N <= 1, and
// the errors of MeanInterval for other invalid input.
//
// For more information, see B. L. Welch, "The generalization of 'Student's'
// problem when several different population variances are involved",
// Biometrika 34, 1947, pp. 28-35.
func CompareMeans(a, b MeanStats, level float64) (Comparison, error) {
	if err := a.check("compare means: A"); err != nil {
		return Comparison{}, err
	}
	if err := b.check("compare means: B"); err != nil {
		return Comparison{}, err
	}
	if err := CheckLevel(level); err != nil {
		return Comparison{}, err
	}
	va, vb := a.SD*a.SD/a.N, b.SD*b.SD/b.N
	v := va + vb
	if v == 0 {
		return Comparison{}, fmt.Errorf("satmetrics: compare means: both standard deviations are zero: %w", ErrUndefined)
	}
	se := math.Sqrt(v)
	df := v * v / (va*va/(a.N-1) + vb*vb/(b.N-1))
	d := a.Mean - b.Mean
	t := d / se
	q := dist.StudentTQuantile(1-(1-level)/2, df)
	c := Comparison{
		Difference: d,
		StdErr:     se,
		Interval:   Interval{Lower: d - q*se, Upper: d + q*se, Level: level, Method: "welch"},
		Statistic:  t,
		P:          2 * dist.StudentTSurvival(math.Abs(t), df),
	}
	for _, f := range []float64{c.Difference, c.StdErr, c.Lower, c.Upper, c.Statistic, c.P} {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return Comparison{}, fmt.Errorf("satmetrics: compare means %v and %v: %w", a.Mean, b.Mean, ErrUndefined)
		}
	}
	return c, nil
}
