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

	// The tables of figures, with a column for each metric the export has.
	BySegment, ByPeriod, BySegmentPeriod table
}

// A table is a table of text cells whose first Text columns are labels
// (aligned left) and the others numbers.
type table struct {
	Head []string
	Rows [][]string
	Foot []string // a last row in bold, or nil
	Text int
}

// figureColumns returns the heads and cells of the figures of the metrics
// an export has; full adds the secondary figures and the numbers of answers.
func figureColumns(r *Report, full bool) (head []string, cells func(*figures) []string) {
	est, n := funcs["est"].(func(*satmetrics.Estimate, int) string), funcs["n"].(func(*satmetrics.Estimate) string)
	type col struct {
		metric, head string
		cell         func(*figures) string
		full         bool
	}
	cols := []col{
		{"nps", "NPS", func(f *figures) string { return est(f.NPS, 1) }, false},
		{"nps", "n", func(f *figures) string { return n(f.NPS) }, true},
		{"csat", "CSAT %", func(f *figures) string { return est(f.CSAT, 1) }, false},
		{"csat", "CSAT mean", func(f *figures) string { return est(f.CSATMean, 2) }, true},
		{"csat", "n", func(f *figures) string { return n(f.CSAT) }, true},
		{"ces", "CES", func(f *figures) string { return est(f.CES, 2) }, false},
		{"ces", "CES easy %", func(f *figures) string { return est(f.CESEasy, 1) }, true},
		{"ces", "n", func(f *figures) string { return n(f.CES) }, true},
	}
	var use []col
	for _, c := range cols {
		if _, ok := r.Input.Columns[c.metric]; ok && (full || !c.full) {
			use = append(use, c)
			head = append(head, c.head)
		}
	}
	return head, func(f *figures) []string {
		out := make([]string, len(use))
		for i, c := range use {
			out[i] = c.cell(f)
		}
		return out
	}
}

// tables fills the page's tables of figures.
func (p *page) tables() {
	r := p.R
	per := r.Settings.Period.String()
	head, cells := figureColumns(r, true)
	p.BySegment = table{Head: append([]string{p.SegmentCol, "rows"}, head...), Text: 1}
	for _, s := range r.BySegment {
		p.BySegment.Rows = append(p.BySegment.Rows, append([]string{s.Segment, fmt.Sprint(s.Rows)}, cells(&s.figures)...))
	}
	p.BySegment.Foot = append([]string{"all", fmt.Sprint(r.Overall.Rows)}, cells(&r.Overall)...)
	head, cells = figureColumns(r, false)
	p.ByPeriod = table{Head: append([]string{per, "rows"}, head...), Text: 1}
	for _, f := range r.ByPeriod {
		p.ByPeriod.Rows = append(p.ByPeriod.Rows, append([]string{f.Period.String(), fmt.Sprint(f.Rows)}, cells(&f.figures)...))
	}
	p.BySegmentPeriod = table{Head: append([]string{p.SegmentCol, per, "rows"}, head...), Text: 2}
	for _, f := range r.BySegmentPeriod {
		p.BySegmentPeriod.Rows = append(p.BySegmentPeriod.Rows, append([]string{f.Segment, f.Period.String(), fmt.Sprint(f.Rows)}, cells(&f.figures)...))
	}
}

var funcs = template.FuncMap{
	// est formats an estimate and its interval with the given decimals,
	// with a no-break space in the interval so that a narrow column breaks
	// the line before it, not inside it.
	"est": func(e *satmetrics.Estimate, dec int) string {
		if e == nil {
			return "–"
		}
		return fmt.Sprintf("%.*f [%.*f,\u00a0%.*f]", dec, e.Value, dec, e.Lower, dec, e.Upper)
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
	"istext": func(i, n int) bool { return i < n },
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
	p.tables()
	p.Rejects = r.Rejects.First[:min(len(r.Rejects.First), maxHTMLRejects)]
	p.Unlisted = r.Rejects.Rows - int64(len(p.Rejects))
	for _, ch := range r.Changes {
		if ch.Significant {
			p.Changes = append(p.Changes, ch)
		}
	}
	return pageTemplate.Execute(w, p)
}
