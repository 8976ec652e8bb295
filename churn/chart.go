package churn

import (
	"fmt"
	"math"
	"strconv"

	"github.com/satmetrics/satmetrics/internal/chart"
)

// A CohortMeasure chooses what a cohort heatmap shows.
type CohortMeasure int8

// The measures of a cohort table.
const (
	CohortSurviving    CohortMeasure = iota // % of the cohort active without interruption through period k
	CohortActive                            // % of the cohort active at any time in period k
	CohortNetRevenue                        // net revenue retention: the cohort's MRR in period k over its first MRR
	CohortGrossRevenue                      // gross revenue retention, counting no expansion
)

// SVG returns the cohort table as an accessible SVG heatmap: one row per
// cohort, one column per period since it started, each cell the measure in
// percent, darker for higher, and blank cells for periods not reached yet.
func (t *CohortTable) SVG(m CohortMeasure) []byte {
	names := map[CohortMeasure]string{
		CohortSurviving:    "Customers still subscribed",
		CohortActive:       "Customers active",
		CohortNetRevenue:   "Net revenue retention",
		CohortGrossRevenue: "Gross revenue retention",
	}
	name, ok := names[m]
	if !ok {
		name, m = names[CohortSurviving], CohortSurviving
	}
	h := chart.Heatmap{
		Title:  name + " by cohort",
		Desc:   fmt.Sprintf("%s, in percent of each %s cohort, k %ss after it started; blank cells are periods not reached yet.", name, t.Kind, t.Kind),
		XLabel: t.Kind.String() + "s since start", YLabel: "cohort",
		Suffix: "%", Min: 0, Max: 100,
	}
	for k := 0; k < t.Periods; k++ {
		h.Cols = append(h.Cols, strconv.Itoa(k))
	}
	for i := range t.Rows {
		row := &t.Rows[i]
		h.Rows = append(h.Rows, row.Cohort.String())
		vals := make([]float64, t.Periods)
		for k := range vals {
			var v float64
			var err error
			switch m {
			case CohortActive:
				v, err = row.ActiveRate(k)
			case CohortNetRevenue:
				v, err = row.NetRevenueRetention(k)
			case CohortGrossRevenue:
				v, err = row.GrossRevenueRetention(k)
			default:
				v, err = row.SurvivingRate(k)
			}
			vals[k] = 100 * v
			if err != nil {
				vals[k] = math.NaN()
			}
		}
		h.Values = append(h.Values, vals)
	}
	if m == CohortNetRevenue {
		h.Max = 0 // net retention can exceed 100%: scale to the data
	}
	return h.SVG()
}

// SurvivalSVG returns survival curves as an accessible SVG chart: each
// curve a step function with its pointwise confidence band shaded and a tick
// at each time a subject was censored. names label the curves; unit names
// the time axis ("months").
func SurvivalSVG(title, unit string, names []string, curves []*Curve) []byte {
	sc := chart.StepChart{
		Title:  title,
		Desc:   "Kaplan-Meier estimate of the share still subscribed by time since start, with confidence bands; ticks mark censored customers.",
		XLabel: unit, YLabel: "share still subscribed",
	}
	for i, c := range curves {
		cv := chart.Curve{T: []float64{0}, Y: []float64{1}, Lower: []float64{1}, Upper: []float64{1}}
		if i < len(names) {
			cv.Name = names[i]
		}
		for _, p := range c.Points {
			if p.Events > 0 {
				cv.T = append(cv.T, p.Time)
				cv.Y = append(cv.Y, p.Survival)
				cv.Lower = append(cv.Lower, p.Lower)
				cv.Upper = append(cv.Upper, p.Upper)
			}
			if p.Censored > 0 {
				cv.Censored = append(cv.Censored, p.Time)
			}
		}
		sc.Curves = append(sc.Curves, cv)
	}
	return sc.SVG()
}
