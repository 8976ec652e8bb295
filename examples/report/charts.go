package main

import (
	"fmt"
	"strings"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/churn"
)

// A chartFile is one chart of the report: written to its own SVG file and
// inlined in the HTML.
type chartFile struct {
	Key  string // what the HTML template calls it: nps, csat, ces, items, pchart, cohorts, survival
	File string // file name in the output folder
	SVG  []byte
}

// maxSeries is the most lines a trend chart draws: the colour palette has
// eight colours that stay distinct with colour-vision deficiencies.
const maxSeries = 8

// metricChart describes the trend chart of one metric.
type metricChart struct {
	key, name, yLabel, format string
	value                     func(*figures) *satmetrics.Estimate
}

func metricCharts(c *config) []metricChart {
	cesLabel := "CES, mean on 1-7 (higher is easier)"
	if c.cesScale == ces.Effort5 {
		cesLabel = "CES, mean on 1-5 (lower is easier)"
	}
	return []metricChart{
		{"nps", "NPS", "NPS (-100 to 100)", "%+.1f", func(f *figures) *satmetrics.Estimate { return f.NPS }},
		{"csat", "CSAT", fmt.Sprintf("CSAT, %% satisfied (scale %v)", c.csatScale), "%+.1f", func(f *figures) *satmetrics.Estimate { return f.CSAT }},
		{"ces", "CES", cesLabel, "%+.2f", func(f *figures) *satmetrics.Estimate { return f.CES }},
	}
}

// slug makes a column name safe for a file name.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "segment"
	}
	return out
}

// trendCharts draws each metric over time: one line per segment (the
// largest maxSeries of them), or one for all answers when the export has no
// segments, with the significant changes flagged.
func trendCharts(r *Report, c *config) []chartFile {
	segmented := r.Input.Columns["segment"] != ""
	var out []chartFile
	for _, m := range metricCharts(c) {
		if _, ok := r.Input.Columns[m.key]; !ok {
			continue
		}
		flags := map[string]map[satmetrics.Period]string{}
		for _, ch := range r.Changes {
			if ch.Metric == m.key && ch.Significant {
				if flags[ch.Segment] == nil {
					flags[ch.Segment] = map[satmetrics.Period]string{}
				}
				flags[ch.Segment][ch.To] = fmt.Sprintf(m.format, ch.Difference)
			}
		}
		tc := satmetrics.TrendChart{YLabel: m.yLabel}
		per := r.Settings.Period.String()
		file := m.key + "-over-time.svg"
		if segmented {
			segCol := r.Input.Columns["segment"]
			file = m.key + "-by-" + slug(segCol) + ".svg"
			tc.Title = fmt.Sprintf("%s by %s and %s", m.name, segCol, per)
			segs := topSegments(r, maxSeries)
			for _, seg := range segs {
				s := satmetrics.TrendSeries{Name: seg}
				for _, f := range r.BySegmentPeriod {
					if e := m.value(&f.figures); f.Segment == seg && e != nil {
						s.Points = append(s.Points, satmetrics.PeriodEstimate{Period: f.Period, Estimate: *e, Flag: flags[seg][f.Period]})
					}
				}
				if len(s.Points) > 0 {
					tc.Series = append(tc.Series, s)
				}
			}
			tc.Description = fmt.Sprintf("%s per %s for each %s, with %g%% confidence intervals as shaded bands; circled points changed significantly from the %s before, by the amount shown.",
				m.name, per, segCol, 100*c.level, per)
			if n := len(r.BySegment); n > len(segs) {
				tc.Description += fmt.Sprintf(" The %d largest of %d segments are drawn.", len(segs), n)
			}
		} else {
			tc.Title = fmt.Sprintf("%s by %s", m.name, per)
			s := satmetrics.TrendSeries{Name: "all answers"}
			for _, f := range r.ByPeriod {
				if e := m.value(&f.figures); e != nil {
					s.Points = append(s.Points, satmetrics.PeriodEstimate{Period: f.Period, Estimate: *e, Flag: flags[""][f.Period]})
				}
			}
			if len(s.Points) > 0 {
				tc.Series = append(tc.Series, s)
			}
			tc.Description = fmt.Sprintf("%s per %s with %g%% confidence intervals as a shaded band; circled points changed significantly from the %s before, by the amount shown.",
				m.name, per, 100*c.level, per)
		}
		if len(tc.Series) == 0 {
			continue
		}
		out = append(out, chartFile{Key: m.key, File: file, SVG: tc.SVG()})
	}
	return out
}

// allCharts returns every chart the report has data for.
func allCharts(r *Report, s *survey, c *config) []chartFile {
	out := trendCharts(r, c)
	if s.items != nil && s.items.N() > 0 {
		svg, err := s.items.SVG(fmt.Sprintf("Questionnaire items (%s)", c.itemScale))
		if err == nil {
			out = append(out, chartFile{Key: "items", File: "likert-items.svg", SVG: svg})
		} else {
			r.Notes = append(r.Notes, "no chart of the questionnaire items: "+err.Error())
		}
	}
	if r.ControlChart != nil {
		per := r.Settings.Period.String()
		out = append(out, chartFile{Key: "pchart", File: "csat-p-chart.svg",
			SVG: r.ControlChart.ControlChart.SVG(fmt.Sprintf("CSAT: share satisfied per %s (p-chart)", per), "% satisfied")})
	}
	if ret := r.Retention; ret != nil {
		if ret.Cohorts != nil && len(ret.Cohorts.Rows) > 0 {
			out = append(out, chartFile{Key: "cohorts", File: "cohorts.svg", SVG: ret.Cohorts.SVG(churn.CohortSurviving)})
		}
		if len(ret.curves) > 0 {
			names := make([]string, len(ret.Survival))
			for i, sv := range ret.Survival {
				names[i] = sv.Group
			}
			out = append(out, chartFile{Key: "survival", File: "survival.svg",
				SVG: churn.SurvivalSVG("Subscription survival (Kaplan-Meier)", ret.Unit, names, ret.curves)})
		}
	}
	return out
}
