package main

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"

	"github.com/satmetrics/satmetrics"
)

//go:embed report.tmpl
var reportTemplate string

// maxHTMLRejects is the most rejected rows listed in the HTML page;
// rejects.csv has them all.
const maxHTMLRejects = 200

// page is what the HTML template shows.
type page struct {
	R          *Report
	Charts     map[string]template.HTML
	ChartFiles map[string]string
	Segmented  bool
	SegmentCol string
	Rejects    []reject // listed in the page
	Unlisted   int64    // rejects not listed in the page
	Changes    []change // the significant ones
	HasTrends  bool
}

var funcs = template.FuncMap{
	// est formats an estimate and its interval with the given decimals.
	"est": func(e *satmetrics.Estimate, dec int) string {
		if e == nil {
			return "–"
		}
		return fmt.Sprintf("%.*f [%.*f, %.*f]", dec, e.Value, dec, e.Lower, dec, e.Upper)
	},
	// value formats an estimate's value alone.
	"value": func(e *satmetrics.Estimate, dec int) string {
		if e == nil {
			return "–"
		}
		return fmt.Sprintf("%.*f", dec, e.Value)
	},
	// interval formats an estimate's interval alone.
	"interval": func(e *satmetrics.Estimate, dec int) string {
		if e == nil {
			return ""
		}
		return fmt.Sprintf("%s%% CI %.*f to %.*f", strconv.FormatFloat(100*e.Level, 'f', -1, 64), dec, e.Lower, dec, e.Upper)
	},
	// n formats the number of answers of an estimate, with the effective
	// number when weighted.
	"n": func(e *satmetrics.Estimate) string {
		switch {
		case e == nil:
			return "0"
		case e.EffectiveN > 0 && math.Abs(e.EffectiveN-float64(e.N)) > 1e-9:
			return fmt.Sprintf("%d (n_eff %.1f)", e.N, e.EffectiveN)
		}
		return fmt.Sprint(e.N)
	},
	"pct1":   func(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) },
	"list":   func(s ...string) []string { return s },
	"signed": func(x float64, dec int) string { return fmt.Sprintf("%+.*f", dec, x) },
	"fixed":  func(x float64, dec int) string { return fmt.Sprintf("%.*f", dec, x) },
	"pvalue": func(p float64) string {
		if p < 0.001 {
			return "< 0.001"
		}
		return fmt.Sprintf("%.3f", p)
	},
	// percent formats a share in percent with at most one decimal.
	"percent": func(x float64) string { return strconv.FormatFloat(math.Round(1000*x)/10, 'f', -1, 64) + "%" },
	"metric": func(m string) string {
		switch m {
		case "nps":
			return "NPS"
		case "csat":
			return "CSAT"
		case "ces":
			return "CES"
		}
		return m
	},
	"decimals": func(m string) int {
		if m == "ces" {
			return 2
		}
		return 1
	},
	"quantile": func(q *float64) string {
		if q == nil {
			return "–"
		}
		return fmt.Sprintf("%.1f", *q)
	},
}

var pageTemplate = template.Must(template.New("report").Funcs(funcs).Parse(reportTemplate))

// writeHTML writes the self-contained HTML page of a report: inline CSS and
// SVG, no script, no external resource.
func writeHTML(w io.Writer, r *Report, charts []chartFile) error {
	p := page{
		R: r, Charts: map[string]template.HTML{}, ChartFiles: map[string]string{},
		Segmented: r.Input.Columns["segment"] != "", SegmentCol: r.Input.Columns["segment"],
	}
	for _, c := range charts {
		// The charts come from the library's SVG writers, which escape
		// every text they draw.
		p.Charts[c.Key] = template.HTML(inline(c.SVG, "chart-"+c.Key)) //nolint:gosec
		p.ChartFiles[c.Key] = c.File
		p.HasTrends = p.HasTrends || c.Key == "nps" || c.Key == "csat" || c.Key == "ces"
	}
	p.Rejects = r.Rejects.First[:min(len(r.Rejects.First), maxHTMLRejects)]
	p.Unlisted = r.Rejects.Rows - int64(len(p.Rejects))
	for _, ch := range r.Changes {
		if ch.Significant {
			p.Changes = append(p.Changes, ch)
		}
	}
	return pageTemplate.Execute(w, p)
}
