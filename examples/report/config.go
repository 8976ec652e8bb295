package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/likert"
)

// config is what the command line asks for.
type config struct {
	in            string // the survey export, "-" for standard input
	out           string // the folder the outputs go to
	subscriptions string // an optional subscription event log
	title         string

	// Column names; "" for a column the report does without.
	time, segment, nps, csat, ces, weight string
	// set records the column flags given on the command line: a column
	// named there must exist, while a metric column of the default layout
	// that the export lacks is left out with a note.
	set map[string]bool

	items      []string // item columns; nil means every column named q1, q2, ...
	reverse    []string // reverse-keyed items
	itemScale  likert.Scale
	csatScale  csat.Scale
	cesScale   ces.Scale
	period     satmetrics.PeriodKind
	loc        *time.Location
	level      float64
	dateLayout string
	maxRejects int // rejects kept in memory for the report; all go to rejects.csv
	progress   int // rows between two progress lines on a terminal
}

// Date layouts known by name to -date-format.
var dateLayouts = map[string]string{
	"RFC3339":  time.RFC3339,
	"rfc3339":  time.RFC3339,
	"date":     time.DateOnly,
	"datetime": time.DateTime,
}

// errUsage reports a bad command line; the message has been printed.
var errUsage = errors.New("usage")

// parseFlags reads the command line into a config. Errors name the flag and
// the bad value; -h prints the usage and returns errUsage (as flag.ErrHelp).
func parseFlags(args []string, stderr io.Writer) (*config, error) {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	c := &config{set: map[string]bool{}}
	fs.StringVar(&c.in, "in", "", "survey export `file` (CSV with a header row; - for standard input)")
	fs.StringVar(&c.out, "out", "report", "`folder` for report.html, report.json, rejects.csv and the charts")
	fs.StringVar(&c.subscriptions, "subscriptions", "", "optional subscription event log `file` (customer,time,kind[,plan][,mrr]) for the retention charts")
	fs.StringVar(&c.title, "title", "Customer survey report", "title of the report")
	fs.StringVar(&c.time, "time", "time", "`column` of the answer's time")
	fs.StringVar(&c.segment, "segment", "channel", "`column` of the segment (channel, team, plan); empty for none")
	fs.StringVar(&c.nps, "nps", "nps", "`column` of the 0-10 likelihood to recommend; empty for none")
	fs.StringVar(&c.csat, "csat", "csat", "`column` of the satisfaction rating; empty for none")
	fs.StringVar(&c.ces, "ces", "ces", "`column` of the customer effort rating; empty for none")
	fs.StringVar(&c.weight, "weight", "", "`column` of survey weights; empty for unweighted")
	items := fs.String("items", "", "comma-separated item `columns` of a Likert questionnaire (default: every column named q1, q2, ...)")
	reverse := fs.String("reverse", "", "comma-separated reverse-keyed item `columns`")
	itemScale := fs.String("item-scale", "agree5", "`scale` of the items: agree5, agree7, satisfied5, satisfied7, frequency5, importance5, likelihood5, quality5, or low-high such as 0-10")
	csatScale := fs.String("csat-scale", "1-5", "CSAT `scale`: 1-5, 1-3, 1-7, 1-10 or binary")
	cesScale := fs.String("ces-scale", "agree7", "CES `scale`: agree7 (CES 2.0, 1-7, higher is easier) or effort5 (1-5, lower is easier)")
	period := fs.String("period", "month", "`period` of the trends: day, week, month, quarter or year")
	tz := fs.String("tz", "UTC", "time `zone` of the periods (an IANA name such as Europe/Berlin, or Local)")
	fs.Float64Var(&c.level, "level", satmetrics.DefaultLevel, "confidence `level` of the intervals and tests")
	dateFormat := fs.String("date-format", "RFC3339", "`layout` of the time column: RFC3339, date (2006-01-02), datetime (2006-01-02 15:04:05) or a Go time layout")
	fs.IntVar(&c.maxRejects, "max-rejects", 1000, "rejected rows listed in the report (rejects.csv lists them `all`)")
	fs.IntVar(&c.progress, "progress", 100000, "`rows` between progress lines when standard error is a terminal")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, errUsage
		}
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("%w: unexpected argument %q (the export is given with -in)", errUsage, fs.Arg(0))
	}
	fs.Visit(func(f *flag.Flag) { c.set[f.Name] = true })
	if c.in == "" {
		return nil, fmt.Errorf("%w: -in is required: the survey export to read", errUsage)
	}
	if c.out == "" {
		return nil, fmt.Errorf("%w: -out must name a folder", errUsage)
	}
	if c.time == "" {
		return nil, fmt.Errorf("%w: -time must name the time column", errUsage)
	}
	if c.set["items"] {
		// An explicit list, possibly empty for no items at all.
		c.items = append([]string{}, splitList(*items)...)
	}
	c.reverse = splitList(*reverse)
	var err error
	if c.itemScale, err = parseItemScale(*itemScale); err != nil {
		return nil, err
	}
	if c.csatScale, err = csat.ParseScale(*csatScale); err != nil {
		return nil, fmt.Errorf("-csat-scale %q: want 1-5, 1-3, 1-7, 1-10 or binary", *csatScale)
	}
	if c.cesScale, err = parseCESScale(*cesScale); err != nil {
		return nil, err
	}
	if c.period, err = satmetrics.ParsePeriodKind(*period); err != nil {
		return nil, fmt.Errorf("-period %q: want day, week, month, quarter or year", *period)
	}
	if c.loc, err = time.LoadLocation(*tz); err != nil {
		return nil, fmt.Errorf("-tz %q: %v", *tz, err)
	}
	if err := satmetrics.CheckLevel(c.level); err != nil {
		return nil, fmt.Errorf("-level %v: %w", c.level, err)
	}
	if c.dateLayout, err = parseDateLayout(*dateFormat); err != nil {
		return nil, err
	}
	if c.maxRejects < 0 {
		return nil, fmt.Errorf("-max-rejects %d: must be 0 or more", c.maxRejects)
	}
	if c.progress <= 0 {
		return nil, fmt.Errorf("-progress %d: must be positive", c.progress)
	}
	return c, nil
}

const usageText = `report reads a survey export (CSV) and writes an HTML report with charts,
the same figures as JSON, and the list of rejected rows.

Usage:

	report -in survey.csv [-out report] [flags]

The default layout has the columns time, channel, nps, csat and ces, and
Likert items q1, q2, ...; flags map other names. See examples/report/README.md.

Flags:
`

// splitList splits a comma-separated list, trimming spaces and dropping
// empty entries.
func splitList(s string) []string {
	var out []string
	for f := range strings.SplitSeq(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// parseItemScale reads a likert preset's name or a range low-high.
func parseItemScale(s string) (likert.Scale, error) {
	if sc, err := likert.ParseScaleName(s); err == nil {
		return sc, nil
	}
	if lo, hi, ok := strings.Cut(s, "-"); ok {
		l, err1 := strconv.Atoi(strings.TrimSpace(lo))
		h, err2 := strconv.Atoi(strings.TrimSpace(hi))
		if err1 == nil && err2 == nil {
			sc, err := likert.NewScale(l, h)
			if err != nil {
				return likert.Scale{}, fmt.Errorf("-item-scale %q: %v", s, err)
			}
			return sc, nil
		}
	}
	return likert.Scale{}, fmt.Errorf("-item-scale %q: want a preset such as agree5 or a range such as 1-7", s)
}

// parseCESScale reads a CES scale's name, or its range.
func parseCESScale(s string) (ces.Scale, error) {
	switch s {
	case "1-7":
		return ces.Agree7, nil
	case "1-5":
		return ces.Effort5, nil
	}
	sc, err := ces.ParseScale(s)
	if err != nil {
		return 0, fmt.Errorf("-ces-scale %q: want agree7 or effort5", s)
	}
	return sc, nil
}

// parseDateLayout reads -date-format: a name of dateLayouts or a Go layout,
// which must at least hold a year.
func parseDateLayout(s string) (string, error) {
	if l, ok := dateLayouts[s]; ok {
		return l, nil
	}
	if strings.Contains(s, "2006") || strings.Contains(s, "06") {
		return s, nil
	}
	return "", fmt.Errorf("-date-format %q: want RFC3339, date, datetime or a Go time layout such as 02.01.2006", s)
}
