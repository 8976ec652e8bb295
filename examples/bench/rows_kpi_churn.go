package main

import (
	"math"

	"github.com/satmetrics/satmetrics/churn"
	"github.com/satmetrics/satmetrics/kpi"
)

func init() {
	rows = append(rows,
		row{
			name: "km", what: "Kaplan-Meier, 1,000,000 subjects",
			prepare: prepareKM,
			others: []other{
				{"python", "km", "statsmodels SurvfuncRight"},
				{"R", "km", "R survival::survfit"},
			},
			target: "≥ 3× statsmodels, ≥ 30× R",
		},
		row{
			name: "mk", what: "Mann-Kendall test, 100,000 points",
			prepare: prepareMK(100_000, false),
			others:  []other{{"python", "kendall", "SciPy kendalltau"}},
			target:  "≤ 100 ms",
		},
		row{
			name: "sen", what: "Sen's slope and interval, 10,000 points",
			prepare: prepareMK(10_000, true),
			others:  []other{{"python", "theil", "SciPy theilslopes"}},
		},
		row{
			name: "sen100k", what: "Sen's slope and interval, 100,000 points",
			prepare: prepareMK(100_000, true),
			target:  "≤ 1 s (SciPy's theilslopes lists all n²/2 slopes: about 160 GB here)",
		},
	)
}

// prepareKM generates subscription durations in days (gamma-mixed
// exponential, so that hazards differ across customers, and rounded to whole
// days, so that there are many ties as in real data) with about 30%
// right-censored.
func prepareKM(dir string) (func() (float64, error), error) {
	const n = 1_000_000
	r := newRand(1)
	exits := make([]float64, n)
	events := make([]bool, n)
	ev := make([]int8, n)
	for i := range exits {
		rate := (r.ExpFloat64() + r.ExpFloat64()) / 600 // gamma(2) mixing: mean lifetime 300 days
		life := math.Ceil(r.ExpFloat64() / rate)
		cens := math.Ceil(r.Float64() * 1500)
		exits[i] = math.Min(life, cens)
		events[i] = life <= cens
		if events[i] {
			ev[i] = 1
		}
	}
	if err := writeRaw(dir, "km_time.f64", exits); err != nil {
		return nil, err
	}
	if err := writeRaw(dir, "km_event.i8", ev); err != nil {
		return nil, err
	}
	return func() (float64, error) {
		c, err := churn.KaplanMeierOf(exits, events, churn.CurveConfig{})
		if err != nil {
			return 0, err
		}
		return c.Points[len(c.Points)-1].Survival, nil
	}, nil
}

// prepareMK generates a series with a weak trend and autocorrelated noise.
func prepareMK(n int, sen bool) func(dir string) (func() (float64, error), error) {
	return func(dir string) (func() (float64, error), error) {
		r := newRand(2)
		y := make([]float64, n)
		e := 0.0
		for i := range y {
			e = 0.3*e + r.NormFloat64()
			y[i] = 1e-4*float64(i) + e
		}
		if err := writeRaw(dir, "mk_series.f64", y); err != nil {
			return nil, err
		}
		if sen {
			return func() (float64, error) {
				s, err := kpi.SensSlope(y, 0.95)
				return s.Slope, err
			}, nil
		}
		return func() (float64, error) {
			t, err := kpi.MannKendall(y)
			return t.Tau, err
		}, nil
	}
}
