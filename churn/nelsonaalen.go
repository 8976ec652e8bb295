package churn

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
)

// A HazardPoint is one step of a Nelson-Aalen curve: the cumulative hazard
// just after Time and its standard error.
type HazardPoint struct {
	Time   float64 `json:"time"`
	AtRisk float64 `json:"at_risk"`
	Events float64 `json:"events"`
	Hazard float64 `json:"cumulative_hazard"` // H(Time)
	StdErr float64 `json:"std_err"`
}

// A Hazard is a Nelson-Aalen estimate of the cumulative hazard, with one
// point per distinct exit duration, as R's survfit reports it (cumhaz and
// std.chaz).
type Hazard struct {
	Points   []HazardPoint `json:"points"`
	Level    float64       `json:"level"`
	Subjects int64         `json:"subjects"`
}

// NelsonAalen returns the Nelson-Aalen estimate [11] of the cumulative
// hazard of the subjects of t,
//
//	H(t) = Σ_{t_j <= t} d_j / n_j,   Var H(t) = Σ_{t_j <= t} d_j / n_j²,
//
// with n_j at risk and d_j events at the distinct durations t_j (weighted
// sums when t is weighted; late entries as for KaplanMeier). exp(-H) is the
// Fleming-Harrington (Breslow) estimate of the survival function. level is
// the confidence level of the intervals that At returns (0 means
// satmetrics.DefaultLevel). It returns an error wrapping satmetrics.ErrNoData
// for an empty table or one with no weight at risk, and one wrapping
// satmetrics.ErrLevel for a bad level.
func NelsonAalen(t *EventTable, level float64) (*Hazard, error) {
	if level == 0 {
		level = satmetrics.DefaultLevel
	}
	if err := satmetrics.CheckLevel(level); err != nil {
		return nil, err
	}
	rows, err := t.Rows()
	if err != nil {
		return nil, err
	}
	h := &Hazard{Level: level, Subjects: t.Subjects()}
	var cum, v float64
	anyRisk := false
	for i, r := range rows {
		if t.d[i]+t.c[i] == 0 {
			continue // only late entries at this duration
		}
		if r.AtRisk > 0 {
			anyRisk = true
			cum += r.Events / r.AtRisk
			v += r.Events / (r.AtRisk * r.AtRisk)
		}
		h.Points = append(h.Points, HazardPoint{Time: r.Time, AtRisk: r.AtRisk, Events: r.Events, Hazard: cum, StdErr: math.Sqrt(v)})
	}
	if !anyRisk {
		return nil, fmt.Errorf("churn: Nelson-Aalen: no weight at risk: %w", satmetrics.ErrNoData)
	}
	return h, nil
}

// At returns the cumulative hazard at duration x with its standard error
// and a log-transformed interval, exp(log H ± z σ_H / H) (Wald on H where H
// is 0). It returns an error wrapping ErrNegative or ErrNotFinite for a bad
// x, and one wrapping satmetrics.ErrUndefined after the last exit.
func (h *Hazard) At(x float64) (satmetrics.Estimate, error) {
	if err := checkNonNegative("duration", x); err != nil {
		return satmetrics.Estimate{}, err
	}
	lo, hi := 0, len(h.Points)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if h.Points[m].Time <= x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	i := lo - 1
	if last := h.Points[len(h.Points)-1]; x > last.Time {
		return satmetrics.Estimate{}, fmt.Errorf("churn: cumulative hazard at %v: after the last exit at %v: %w", x, last.Time, satmetrics.ErrUndefined)
	}
	est := satmetrics.Estimate{N: h.Subjects, Interval: satmetrics.Interval{Level: h.Level, Method: "log"}}
	if i < 0 {
		return est, nil
	}
	p := h.Points[i]
	z, _ := satmetrics.ZCritical(h.Level)
	est.Value, est.StdErr = p.Hazard, p.StdErr
	if p.Hazard > 0 {
		w := math.Exp(z * p.StdErr / p.Hazard)
		est.Lower, est.Upper = p.Hazard/w, p.Hazard*w
	}
	return est, nil
}
