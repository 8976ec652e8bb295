package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/kpi"
)

// The support team works 08:00 to 18:00 on weekdays in Berlin, except on
// public holidays, and its SLA targets are in those business hours.
var (
	hours = kpi.ScheduleSpec{
		TimeZone: "Europe/Berlin",
		Hours:    []string{"Mon-Fri 08:00-18:00"},
		Holidays: []string{"2025-12-25", "2025-12-26", "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-10-03", "2026-12-25"},
	}
	firstReplyTargets = map[string]time.Duration{"urgent": time.Hour, "high": 2 * time.Hour, "normal": 8 * time.Hour, "low": 24 * time.Hour}
	resolutionTargets = map[string]time.Duration{"urgent": 8 * time.Hour, "high": 24 * time.Hour, "normal": 48 * time.Hour, "low": 96 * time.Hour}
)

func readTickets() ([]kpi.Ticket, error) {
	const file = "tickets.csv"
	rows, err := readCSV(file, "id", "channel", "priority", "created", "first_reply", "solved", "reopens", "agent_replies")
	if err != nil {
		return nil, err
	}
	parse := func(s string) (time.Time, error) {
		if s == "" {
			return time.Time{}, nil // has not happened yet
		}
		return time.Parse(time.RFC3339, s)
	}
	out := make([]kpi.Ticket, 0, len(rows))
	for i, r := range rows {
		t := kpi.Ticket{ID: r[0], Channel: r[1], Priority: r[2]}
		if t.Created, err = parse(r[3]); err != nil {
			return nil, lineError(file, i, err)
		}
		if t.FirstReply, err = parse(r[4]); err != nil {
			return nil, lineError(file, i, err)
		}
		solved, err := parse(r[5])
		if err != nil {
			return nil, lineError(file, i, err)
		}
		if !solved.IsZero() {
			// The export has the latest solve and the number of reopens.
			t.Solves = []time.Time{solved}
		}
		if t.ReopenCount, err = strconv.Atoi(r[6]); err != nil {
			return nil, lineError(file, i, err)
		}
		if t.AgentReplies, err = strconv.Atoi(r[7]); err != nil {
			return nil, lineError(file, i, err)
		}
		out = append(out, t)
	}
	return out, nil
}

func supportSection(w io.Writer) error {
	tickets, err := readTickets()
	if err != nil {
		return err
	}
	schedule, err := hours.Schedule()
	if err != nil {
		return err
	}
	policy := kpi.Policy{Schedule: schedule, FirstReplyTargets: firstReplyTargets, ResolutionTargets: resolutionTargets}
	var byChannel satmetrics.Groups[string, kpi.ServiceTally]
	var byMonth satmetrics.Groups[satmetrics.Period, kpi.ServiceTally]
	var emailByWeek satmetrics.Groups[satmetrics.Period, kpi.ServiceTally]
	for i := range tickets {
		t := &tickets[i]
		m, err := policy.Measure(t, dataEnd)
		if err != nil {
			return err
		}
		if err := byChannel.At(t.Channel).Add(m); err != nil {
			return err
		}
		if err := byMonth.At(month(t.Created)).Add(m); err != nil {
			return err
		}
		if t.Channel == "email" {
			week, err := satmetrics.PeriodOf(satmetrics.Week, t.Created, berlin)
			if err != nil {
				return err
			}
			if err := emailByWeek.At(week).Add(m); err != nil {
				return err
			}
		}
	}

	heading(w, fmt.Sprintf("Support KPIs by channel (%d tickets; times in business hours, Mon-Fri 08-18)", len(tickets)))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "channel\ttickets\tfirst reply median\tp90\tfull resolution median\tone-touch %\treopened %\tfirst-reply SLA %\t")
	for ch, s := range byChannel.All() {
		fr, err := s.FirstReplyTime()
		if err != nil {
			return err
		}
		res, err := s.FullResolutionTime()
		if err != nil {
			return err
		}
		fcr, err := s.FirstContactRate(level)
		if err != nil {
			return err
		}
		reopen, err := s.ReopenRate(level)
		if err != nil {
			return err
		}
		sla, err := s.SLAAttainment(true, "*", level)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t\n", ch, s.Tickets(), dur(fr.Median), dur(fr.P90), dur(res.Median), est(fcr, 1), est(reopen, 1), est(sla, 1))
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	// A p-chart of the monthly share of tickets that met their first-reply
	// target, and the trend of that share.
	var props []kpi.Proportion
	var series kpi.Series
	for p, s := range byMonth.All() {
		var achieved, total int64
		for _, c := range s.SLA(true) {
			achieved += c.Achieved
			total += c.Achieved + c.Breached
		}
		props = append(props, kpi.Proportion{Period: p, Count: achieved, N: total})
		e, err := s.SLAAttainment(true, "*", level)
		if err != nil {
			return err
		}
		series = append(series, kpi.Point{Period: p, Estimate: e})
	}
	chart, err := kpi.PChart(props)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nFirst-reply SLA attainment by month (p-chart, centre %.1f%%): ", 100*chart.Center)
	for _, pt := range chart.Points {
		fmt.Fprintf(w, "%s %.0f%%  ", pt.Period, 100*pt.Value)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Signals:%s\n", signals(chart.Signals))
	tr, err := kpi.AnalyzeTrend(series, satmetrics.HigherIsBetter, level)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Trend of the monthly SLA attainment: %s (Mann-Kendall p = %.3f, Sen's slope %+.2f points a month)\n", tr.Verdict, tr.Test.P, tr.Sen.Slope)

	// An XmR chart of the weekly median first reply to emails, in hours.
	var obs []kpi.Observation
	for week, s := range emailByWeek.All() {
		fr, err := s.FirstReplyTime()
		if err != nil {
			return err
		}
		obs = append(obs, kpi.Observation{Period: week, Value: fr.Median / 3600})
	}
	xmr, err := kpi.XmR(obs)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nWeekly median first reply to emails (XmR chart): centre %.2f h, limits %.2f to %.2f h\n", xmr.Center, xmr.Points[0].Lower, xmr.Points[0].Upper)
	fmt.Fprintf(w, "Signals:%s\n", signals(xmr.Signals))
	return nil
}

func signals(ss []kpi.Signal) string {
	if len(ss) == 0 {
		return " none"
	}
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = "\n  " + s.String()
	}
	return strings.Join(parts, "")
}

// dur formats seconds as hours and minutes.
func dur(seconds float64) string {
	d := time.Duration(seconds * float64(time.Second)).Round(time.Minute)
	if d < time.Minute {
		return fmt.Sprintf("%.0fs", seconds)
	}
	return strings.TrimSuffix(d.String(), "0s")
}
