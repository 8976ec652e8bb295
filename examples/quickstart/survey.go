package main

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/kpi"
	"github.com/satmetrics/satmetrics/likert"
	"github.com/satmetrics/satmetrics/nps"
)

// An answer is one row of survey.csv.
type answer struct {
	time    time.Time
	channel string
	plan    string
	nps     nps.Score
	csat    csat.Rating
	ces     ces.Rating // 0 when the question was skipped
	items   []int      // the five questionnaire items, likert.Missing when skipped
}

// scores holds the tallies of one group of answers. Its zero value is ready
// and it merges, so it can be a satmetrics.Groups accumulator.
type scores struct {
	nps  nps.Tally
	csat csat.Tally // the default 1-5 scale: satisfied = 4 or 5
	ces  ces.Tally  // the default CES 2.0 scale: 1-7, higher is easier
}

func (s *scores) add(a answer) error {
	if err := s.nps.Add(a.nps); err != nil {
		return err
	}
	if err := s.csat.Add(a.csat); err != nil {
		return err
	}
	if a.ces != 0 {
		return s.ces.Add(a.ces)
	}
	return nil
}

func (s *scores) Merge(u *scores) error {
	if err := s.nps.Merge(&u.nps); err != nil {
		return err
	}
	if err := s.csat.Merge(&u.csat); err != nil {
		return err
	}
	return s.ces.Merge(&u.ces)
}

var questionnaire = likert.Instrument{
	Items: []likert.Item{
		{Name: "The agent understood my problem", Scale: likert.Agree5},
		{Name: "My problem was solved quickly", Scale: likert.Agree5},
		{Name: "The agent was friendly", Scale: likert.Agree5},
		{Name: "I trust the answer I got", Scale: likert.Agree5},
		{Name: "I had to explain my problem twice", Scale: likert.Agree5, Reverse: true},
	},
	MinAnswered: 3,
}

func readAnswers() ([]answer, error) {
	const file = "survey.csv"
	rows, err := readCSV(file, "id", "time", "channel", "plan", "customer", "nps", "csat", "ces", "q1", "q2", "q3", "q4", "q5")
	if err != nil {
		return nil, err
	}
	out := make([]answer, 0, len(rows))
	for i, r := range rows {
		var a answer
		if a.time, err = time.Parse(time.RFC3339, r[1]); err != nil {
			return nil, lineError(file, i, err)
		}
		a.channel, a.plan = r[2], r[3]
		if a.nps, err = nps.ParseScore(r[5]); err != nil {
			return nil, lineError(file, i, err)
		}
		if a.csat, err = csat.Five.Parse(r[6]); err != nil {
			return nil, lineError(file, i, err)
		}
		if r[7] != "" {
			if a.ces, err = ces.Agree7.Parse(r[7]); err != nil {
				return nil, lineError(file, i, err)
			}
		}
		if a.items, err = questionnaire.ParseRow(r[8:13], nil); err != nil {
			return nil, lineError(file, i, err)
		}
		out = append(out, a)
	}
	return out, nil
}

func month(t time.Time) satmetrics.Period {
	p, err := satmetrics.PeriodOf(satmetrics.Month, t, berlin)
	if err != nil {
		panic(err) // the sample's times are all in range
	}
	return p
}

func surveySection(w io.Writer) error {
	answers, err := readAnswers()
	if err != nil {
		return err
	}
	var byMonth satmetrics.Groups[satmetrics.Period, scores]
	var byChannelMonth satmetrics.Groups[satmetrics.SegmentPeriod, scores]
	for _, a := range answers {
		m := month(a.time)
		if err := byMonth.At(m).add(a); err != nil {
			return err
		}
		if err := byChannelMonth.At(satmetrics.SegmentPeriod{Segment: a.channel, Period: m}).add(a); err != nil {
			return err
		}
	}
	first, last := month(answers[0].time), month(dataEnd.Add(-time.Second))

	heading(w, fmt.Sprintf("Survey scores by month (%d answers)", len(answers)))
	fmt.Fprintln(w, "NPS -100..100 with adjusted-Wald intervals; CSAT = % satisfied (4-5 of 5), Wilson;")
	fmt.Fprintln(w, "CES = mean on the CES 2.0 scale (1-7, higher is easier), t interval.")
	fmt.Fprintln(w, "The last column flags NPS changes from the month before that are significant at 5%.")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "month\tn\tNPS\tCSAT %\tCES\tchange in NPS\t")
	var prev *scores
	for p, s := range satmetrics.Series(&byMonth, first, last) {
		n, err := s.nps.NPS(level)
		if err != nil {
			return err
		}
		c, err := s.csat.CSAT(level)
		if err != nil {
			return err
		}
		e, err := s.ces.Mean(level)
		if err != nil {
			return err
		}
		flag := ""
		if prev != nil {
			cmp, err := nps.Compare(&s.nps, &prev.nps, level)
			if err != nil {
				return err
			}
			if cmp.Significant(level) {
				flag = fmt.Sprintf("%+.1f (p = %.3f)", cmp.Difference, cmp.P)
			}
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t\n", p, n.N, est(n, 1), est(c, 1), est(e, 2), flag)
		prev = s
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	heading(w, "Survey scores by channel, the whole year")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "channel\tn\tNPS\tCSAT %\tCES\tCES easy %\t")
	var byChannel satmetrics.Groups[string, scores]
	for k, s := range byChannelMonth.All() {
		if err := byChannel.At(k.Segment).Merge(s); err != nil {
			return err
		}
	}
	for ch, s := range byChannel.All() {
		n, err := s.nps.NPS(level)
		if err != nil {
			return err
		}
		c, err := s.csat.CSAT(level)
		if err != nil {
			return err
		}
		e, err := s.ces.Mean(level)
		if err != nil {
			return err
		}
		easy, err := s.ces.Easy(level)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t\n", ch, n.N, est(n, 1), est(c, 1), est(e, 2), est(easy, 1))
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	heading(w, "NPS by channel, before and after the chat bot (June 2026)")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "channel\tDec-May\tJun-Nov\tdifference\tp\t")
	var channels satmetrics.Groups[string, [2]nps.Tally]
	bot := time.Date(2026, 6, 1, 0, 0, 0, 0, berlin)
	for k, s := range byChannelMonth.All() {
		half := 0
		if !k.Period.Start().Before(bot) {
			half = 1
		}
		if err := channels.At(k.Segment)[half].Merge(&s.nps); err != nil {
			return err
		}
	}
	for ch, halves := range channels.All() {
		before, err := halves[0].NPS(level)
		if err != nil {
			return err
		}
		after, err := halves[1].NPS(level)
		if err != nil {
			return err
		}
		cmp, err := nps.Compare(&halves[1], &halves[0], level)
		if err != nil {
			return err
		}
		mark := ""
		if cmp.Significant(level) {
			mark = "  significant"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%+.1f [%+.1f, %+.1f]\t%.4f%s\t\n", ch, est(before, 1), est(after, 1), cmp.Difference, cmp.Lower, cmp.Upper, cmp.P, mark)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	// The trend of chat's monthly NPS.
	var series kpi.Series
	for k, s := range byChannelMonth.All() {
		if k.Segment != "chat" {
			continue
		}
		e, err := s.nps.NPS(level)
		if err != nil {
			return err
		}
		series = append(series, kpi.Point{Period: k.Period, Estimate: e})
	}
	tr, err := kpi.AnalyzeTrend(series, satmetrics.HigherIsBetter, level)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nTrend of chat's monthly NPS: %s (Mann-Kendall S = %d, p = %.4f; Sen's slope %+.1f points a month [%+.1f, %+.1f])\n",
		tr.Verdict, tr.Test.S, tr.Test.P, tr.Sen.Slope, tr.Sen.Lower, tr.Sen.Upper)

	return weightingSection(w, answers)
}

// weightingSection reweights the answers to the plan mix of the customer
// base: enterprise customers answer surveys more often than the others.
func weightingSection(w io.Writer, answers []answer) error {
	heading(w, "Weighting: respondents over-represent the enterprise plan")
	plans := satmetrics.Classification{
		Name:       "plan",
		Labels:     make([]string, len(answers)),
		Population: map[string]float64{"basic": 0.60, "pro": 0.30, "enterprise": 0.10},
	}
	for i, a := range answers {
		plans.Labels[i] = a.plan
	}
	rep, err := satmetrics.Representativeness(plans, level)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Respondents against the customer base: chi-square %.1f on %d df, p = %.2g; under-represented: %v\n",
		rep.ChiSquare, rep.DF, rep.PValue, rep.UnderRepresented)
	cal, err := satmetrics.PostStratify(plans, nil, satmetrics.Calibration{Total: float64(len(answers))})
	if err != nil {
		return err
	}
	var plain, weighted nps.Tally
	for i, a := range answers {
		if err := plain.Add(a.nps); err != nil {
			return err
		}
		if err := weighted.AddWeighted(a.nps, cal.Weights[i]); err != nil {
			return err
		}
	}
	u, err := plain.NPS(level)
	if err != nil {
		return err
	}
	v, err := weighted.NPS(level)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "NPS unweighted:                       %s  (n = %d)\n", est(u, 1), u.N)
	fmt.Fprintf(w, "NPS post-stratified to 60/30/10 plans: %s  (effective n = %.0f, design effect %.2f)\n", est(v, 1), v.EffectiveN, cal.DesignEffect)
	return nil
}

// est formats an estimate as "value [lower, upper]".
func est(e satmetrics.Estimate, decimals int) string {
	f := "%." + strconv.Itoa(decimals) + "f"
	return fmt.Sprintf(f+" ["+f+", "+f+"]", e.Value, e.Lower, e.Upper)
}
