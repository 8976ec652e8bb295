package pipeline

import (
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/churn"
	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/likert"
	"github.com/satmetrics/satmetrics/nps"
)

// All is the key of the results over every channel (or plan) together.
const All = "all"

// A Window is the event-time window [Start, End) of a result.
type Window struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// A Score is one survey metric of one key in one window: its responses per
// point of the scale and its estimates, by name:
//
//	metric  estimates
//	nps     "nps"   the Net Promoter Score (adjusted-Wald interval)
//	csat    "csat"  the percent satisfied (Wilson), "mean" the mean rating (t)
//	ces     "ces"   the mean rating (t), "easy" the percent easy (Wilson)
//
// An estimate that is undefined for the window (a mean of one response) is
// absent from Estimates and its reason is in Undefined.
type Score struct {
	Metric    string                         `json:"metric"`           // "nps", "csat" or "ces"
	Key       string                         `json:"key"`              // the channel, or All
	Window    *Window                        `json:"window,omitempty"` // nil when Config.Window is zero
	N         int64                          `json:"n"`                // responses
	Counts    []int64                        `json:"counts"`           // responses per point, from the scale's lowest
	Estimates map[string]satmetrics.Estimate `json:"estimates,omitempty"`
	Undefined map[string]string              `json:"undefined,omitempty"`
}

// Survival is the Kaplan-Meier analysis of the customers of one key: the
// curve of the time from a customer's first start to their first cancel,
// in Config.Unit, censored at Config.AsOf, and its median.
type Survival struct {
	Key       string            `json:"key"`              // the plan of the customer's first start, or All
	Subjects  int64             `json:"subjects"`         // customers
	Events    int64             `json:"events"`           // customers who cancelled by AsOf
	Median    *churn.Quantile   `json:"median,omitempty"` // nil where undefined (see Undefined)
	Curve     *churn.Curve      `json:"curve,omitempty"`
	Undefined map[string]string `json:"undefined,omitempty"`
}

// Reliability is the analysis of the instrument's answers of one key, over
// the whole input: Cronbach's alpha and the item analysis (psych::alpha's
// statistics, pairwise deletion) and the mean composite score.
type Reliability struct {
	Key       string                    `json:"key"`      // the channel, or All
	N         int64                     `json:"n"`        // respondents
	Complete  int64                     `json:"complete"` // respondents who answered every item
	Report    *likert.ReliabilityReport `json:"report,omitempty"`
	Composite *satmetrics.Estimate      `json:"composite,omitempty"`
	Undefined map[string]string         `json:"undefined,omitempty"`
}

// record puts e in s.Estimates under name, or the error in s.Undefined.
func (s *Score) record(name string, e satmetrics.Estimate, err error) {
	if err != nil {
		undefined(&s.Undefined, name, err)
		return
	}
	if s.Estimates == nil {
		s.Estimates = make(map[string]satmetrics.Estimate)
	}
	s.Estimates[name] = e
}

// undefined records in *m, made if nil, why the result name is undefined.
func undefined(m *map[string]string, name string, err error) {
	if *m == nil {
		*m = make(map[string]string)
	}
	(*m)[name] = err.Error()
}

// npsScore reads the results of an NPS tally.
func npsScore(t *nps.Tally, level float64) Score {
	s := Score{Metric: "nps", N: t.N(), Counts: make([]int64, nps.MaxScore+1)}
	for p := range s.Counts {
		s.Counts[p] = t.Count(nps.Score(p))
	}
	e, err := t.NPS(level)
	s.record("nps", e, err)
	return s
}

// csatScore reads the results of a CSAT tally.
func csatScore(t *csat.Tally, level float64) Score {
	sc := t.Scale()
	s := Score{Metric: "csat", N: t.N(), Counts: make([]int64, sc.Points())}
	for i := range s.Counts {
		s.Counts[i] = t.Count(csat.Rating(i + 1))
	}
	e, err := t.CSAT(level)
	s.record("csat", e, err)
	e, err = t.Mean(level)
	s.record("mean", e, err)
	return s
}

// cesScore reads the results of a CES tally.
func cesScore(t *ces.Tally, level float64) Score {
	sc := t.Scale()
	s := Score{Metric: "ces", N: t.N(), Counts: make([]int64, sc.Points())}
	for i := range s.Counts {
		s.Counts[i] = t.Count(ces.Rating(i + 1))
	}
	e, err := t.CES(level)
	s.record("ces", e, err)
	e, err = t.Easy(level)
	s.record("easy", e, err)
	return s
}

// survivalOf reads the results of an event table.
func survivalOf(t *churn.EventTable, level float64) Survival {
	s := Survival{Subjects: t.Subjects(), Events: t.Events()}
	c, err := churn.KaplanMeier(t, churn.CurveConfig{Level: level})
	if err != nil {
		undefined(&s.Undefined, "curve", err)
		return s
	}
	s.Curve = c
	if m, err := c.Median(); err != nil {
		undefined(&s.Undefined, "median", err)
	} else {
		s.Median = &m
	}
	return s
}

// reliabilityOf reads the results of an instrument's tally.
func reliabilityOf(t *likert.InstrumentTally, level float64) Reliability {
	r := Reliability{N: t.N(), Complete: t.Reliability().Complete()}
	if rep, err := t.Reliability().Report(likert.ReliabilityConfig{Level: level}); err != nil {
		undefined(&r.Undefined, "report", err)
	} else {
		r.Report = &rep
	}
	if c, err := t.Composite(level); err != nil {
		undefined(&r.Undefined, "composite", err)
	} else {
		r.Composite = &c
	}
	return r
}
