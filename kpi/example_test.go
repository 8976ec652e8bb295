package kpi_test

import (
	"fmt"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/kpi"
)

// A ticket created late on a Friday and answered on Monday morning waited
// two and a half days, but only 90 minutes of business hours.
func ExampleSchedule_Duration() {
	s, err := kpi.ScheduleSpec{
		TimeZone: "Europe/Berlin",
		Hours:    []string{"Mon-Fri 09:00-17:00"},
		Holidays: []string{"2026-12-25"},
	}.Schedule()
	if err != nil {
		fmt.Println(err)
		return
	}
	berlin := s.Location()
	created := time.Date(2026, 11, 27, 16, 30, 0, 0, berlin) // Friday
	replied := time.Date(2026, 11, 30, 10, 0, 0, 0, berlin)  // Monday
	d, _ := s.Duration(created, replied)
	fmt.Println("calendar:", replied.Sub(created))
	fmt.Println("business:", d)
	// Output:
	// calendar: 65h30m0s
	// business: 1h30m0s
}

// Overlapping opening hours are refused, naming the range.
func ExampleScheduleSpec_Schedule_overlap() {
	_, err := kpi.ScheduleSpec{TimeZone: "UTC", Hours: []string{"Mon-Fri 09:00-17:00", "Wed 12:00-18:00"}}.Schedule()
	fmt.Println(err)
	// Output:
	// kpi: schedule "Wed 12:00-18:00": hours: overlaps "Wed 09:00-17:00": kpi: overlapping ranges
}

// Support KPIs per channel: measure each ticket under a policy (business
// hours, SLA targets, first-contact rule) and tally the measures per
// channel.
func ExampleServiceTally() {
	policy := &kpi.Policy{
		FirstReplyTargets: map[string]time.Duration{"normal": 4 * time.Hour},
		Rule:              kpi.FreshdeskFCR,
	}
	day := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	h := func(x float64) time.Time { return day.Add(time.Duration(x * float64(time.Hour))) }
	tickets := []kpi.Ticket{
		{ID: "1", Channel: "email", Priority: "normal", Created: h(0), FirstReply: h(2), AgentReplies: 1, Solves: []time.Time{h(3)}},
		{ID: "2", Channel: "email", Priority: "normal", Created: h(1), FirstReply: h(6), AgentReplies: 3, Solves: []time.Time{h(8)}},
		{ID: "3", Channel: "chat", Priority: "normal", Created: h(0), FirstReply: h(0.05), AgentReplies: 1, Solves: []time.Time{h(0.2)}},
		{ID: "4", Channel: "chat", Priority: "normal", Created: h(2), FirstReply: h(2.1), AgentReplies: 2,
			Solves: []time.Time{h(3), h(5)}, Reopens: []time.Time{h(4)}},
	}
	var byChannel satmetrics.Groups[string, kpi.ServiceTally]
	for i := range tickets {
		m, err := policy.Measure(&tickets[i], h(24))
		if err != nil {
			fmt.Println(err)
			return
		}
		if err := byChannel.At(m.Channel).Add(m); err != nil {
			fmt.Println(err)
			return
		}
	}
	for channel, t := range byChannel.All() {
		frt, _ := t.FirstReplyTime()
		fcr, _ := t.FirstContactRate(0.95)
		sla, _ := t.SLAAttainment(true, "*", 0.95)
		fmt.Printf("%-5s first reply median %5.0fs  FCR %3.0f%%  SLA %3.0f%%\n", channel, frt.Median, fcr.Value, sla.Value)
	}
	// Output:
	// chat  first reply median   180s  FCR  50%  SLA 100%
	// email first reply median  7200s  FCR  50%  SLA  50%
}

// A ticket whose reply is recorded before its creation is an error that
// names it.
func ExampleTicket_Validate() {
	t := kpi.Ticket{
		ID:           "T-1042",
		Created:      time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC),
		FirstReply:   time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC),
		AgentReplies: 1,
	}
	fmt.Println(t.Validate())
	// Output:
	// kpi: ticket "T-1042": first_reply: reply at 2026-11-23 09:00:00 +0000 UTC before creation at 2026-11-23 10:00:00 +0000 UTC: kpi: events out of order
}

// Weekly first-contact resolution on a p-chart: the limits widen in the
// quiet week, and the week that breaks a rule is named.
func ExamplePChart() {
	week, _ := satmetrics.PeriodOf(satmetrics.Week, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), time.UTC)
	counts := [][2]int64{{412, 540}, {398, 520}, {120, 160}, {405, 530}, {300, 515}, {420, 545}}
	var ps []kpi.Proportion
	for _, c := range counts {
		ps = append(ps, kpi.Proportion{Period: week, Count: c[0], N: c[1]})
		week = week.Next()
	}
	chart, err := kpi.PChart(ps)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("centre %.3f\n", chart.Center)
	for _, p := range chart.Points[:3] {
		fmt.Printf("%v %.3f [%.3f, %.3f]\n", p.Period, p.Value, p.Lower, p.Upper)
	}
	for _, s := range chart.Signals {
		fmt.Println(s)
	}
	// Output:
	// centre 0.731
	// 2026-W02 0.763 [0.674, 0.789]
	// 2026-W03 0.765 [0.673, 0.790]
	// 2026-W04 0.750 [0.626, 0.836]
	// 2026-W06: 1 point beyond 3 sigma (below)
}

// An individuals (XmR) chart of a weekly CSAT score: the collapse in week
// 13 is beyond the limits, its moving ranges too, and the weeks before it
// sit above a centre line that the collapse pulled down.
func ExampleXmR() {
	week, _ := satmetrics.PeriodOf(satmetrics.Week, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), time.UTC)
	var obs []kpi.Observation
	for _, v := range []float64{82, 84, 81, 83, 82, 85, 83, 82, 84, 83, 82, 66, 83, 84} {
		obs = append(obs, kpi.Observation{Period: week, Value: v})
		week = week.Next()
	}
	chart, _ := kpi.XmR(obs)
	p := chart.Points[0]
	fmt.Printf("centre %.1f, limits [%.1f, %.1f], moving range limit %.1f\n", p.Center, p.Lower, p.Upper, chart.RangeUpper)
	for _, s := range chart.Signals {
		fmt.Println(s)
	}
	// Output:
	// centre 81.7, limits [71.1, 92.4], moving range limit 13.1
	// 2026-W12: 8 points in a row on one side (above)
	// 2026-W13: 1 point beyond 3 sigma (below)
	// 2026-W13: moving range above its limit (above)
	// 2026-W14: moving range above its limit (above)
}

// Is CSAT getting better? Mann-Kendall, Sen's slope and the verdict for a
// higher-is-better metric.
func ExampleAnalyzeTrend() {
	month, _ := satmetrics.PeriodOf(satmetrics.Month, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.UTC)
	var s kpi.Series
	for _, v := range []float64{78.2, 79.1, 77.5, 80.3, 81.0, 79.8, 82.4, 83.1, 82.0, 84.5, 85.2, 84.9} {
		s = append(s, kpi.Point{Period: month, Estimate: satmetrics.Estimate{Value: v}})
		month = month.Next()
	}
	r, err := kpi.AnalyzeTrend(s, satmetrics.HigherIsBetter, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("S = %d, p = %.4f\n", r.Test.S, r.Test.P)
	fmt.Printf("Sen's slope %.2f points a month [%.2f, %.2f]\n", r.Sen.Slope, r.Sen.Lower, r.Sen.Upper)
	fmt.Println(r.Verdict)
	// Output:
	// S = 52, p = 0.0005
	// Sen's slope 0.70 points a month [0.58, 0.73]
	// improving
}

// A streaming summary of response times: percentiles within 1% in
// bounded memory, mergeable across workers.
func ExampleSketch() {
	var a, b kpi.Sketch
	for i := 1; i <= 1000; i++ {
		_ = a.AddDuration(time.Duration(i) * time.Second)
		_ = b.AddDuration(time.Duration(i+1000) * time.Second)
	}
	if err := a.Merge(&b); err != nil {
		fmt.Println(err)
		return
	}
	p50, _ := a.Quantile(0.5)
	p90, _ := a.Quantile(0.9)
	fmt.Printf("n = %d, median ≈ %.0fs, p90 ≈ %.0fs\n", a.Count(), p50, p90)
	// Output:
	// n = 2000, median ≈ 999s, p90 ≈ 1792s
}

func ExampleQuantiles() {
	minutes := []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}
	q7, _ := kpi.Quantiles(minutes, []float64{0.25, 0.5, 0.9}, kpi.Type7)
	q6, _ := kpi.Quantiles(minutes, []float64{0.25, 0.5, 0.9}, kpi.Type6)
	fmt.Printf("type 7: %.3g\n", q7)
	fmt.Printf("type 6: %.3g\n", q6)
	// Output:
	// type 7: [2.5 4 6]
	// type 6: [2 4 8.4]
}

func ExampleTarget_Assess() {
	target := kpi.Target{Value: 85, Direction: satmetrics.HigherIsBetter, Tolerance: 2}
	csat := satmetrics.Estimate{Value: 83.6, Interval: satmetrics.Interval{Lower: 81.9, Upper: 85.3, Level: 0.95}}
	a, _ := target.Assess(csat)
	fmt.Printf("%v, gap %+.1f\n", a.Status, a.Gap)
	band, _ := kpi.ACSIBands().Classify(csat.Value)
	fmt.Println("ACSI band:", band.Label)
	// Output:
	// at risk, gap -1.4
	// ACSI band: good
}

func ExampleComplaintRate() {
	e, _ := kpi.ComplaintRate(37, 52000, kpi.PerThousand, 0.95)
	fmt.Printf("%.2f complaints per 1,000 units [%.2f, %.2f]\n", e.Value, e.Lower, e.Upper)
	// Output:
	// 0.71 complaints per 1,000 units [0.52, 0.98]
}

func ExampleTopShare() {
	complaints := map[string]int64{"acme": 31, "globex": 12, "initech": 4, "umbrella": 2, "hooli": 1,
		"stark": 0, "wayne": 0, "wonka": 0, "tyrell": 0, "cyberdyne": 0}
	share, _ := kpi.TopShare(complaints, 0.2)
	fmt.Printf("the top 20%% of customers make %.0f%% of complaints\n", 100*share)
	// Output:
	// the top 20% of customers make 86% of complaints
}

func ExamplePurchases() {
	var p kpi.Purchases
	for _, o := range []kpi.Order{
		{ID: "1", Customer: "ann", Amount: 20}, {ID: "2", Customer: "ann", Amount: 30},
		{ID: "3", Customer: "bob", Amount: 50}, {ID: "4", Customer: "cat", Amount: 10},
	} {
		if err := p.Add(o); err != nil {
			fmt.Println(err)
			return
		}
	}
	rpr, _ := p.RepeatPurchaseRate(0.95)
	freq, _ := p.PurchaseFrequency()
	aov, _ := p.AverageOrderValue(0.95)
	arpu, _ := p.RevenuePerCustomer(0)
	fmt.Printf("repeat %.0f%%, frequency %.2f, AOV %.2f, ARPU %.2f\n", rpr.Value, freq, aov.Value, arpu)
	fmt.Println(p.Add(kpi.Order{ID: "5", Customer: "dan", Amount: -3}))
	// Output:
	// repeat 33%, frequency 1.33, AOV 27.50, ARPU 36.67
	// kpi: order "5": amount: -3: value out of range
}

// A weekly support report per channel: tally each week's tickets per
// channel, chart first-contact resolution on a p-chart, and test the weekly
// median first reply time for a trend (lower is better).
func Example_supportReport() {
	loc := time.UTC
	start := time.Date(2026, 1, 5, 8, 0, 0, 0, loc) // a Monday
	policy := &kpi.Policy{Rule: kpi.ZendeskOneTouch}
	var weekly satmetrics.Groups[satmetrics.SegmentPeriod, kpi.ServiceTally]
	// Synthetic tickets: chat answers in minutes and slows down over the
	// weeks; email answers in hours; in the ninth week (2026-W10) email's
	// first-contact resolution collapses, which the p-chart flags, along
	// with the run of weeks above the centre line that the collapse pulled
	// down.
	for i := 0; i < 12*7*40; i++ {
		created := start.Add(time.Duration(i) * 36 * time.Minute)
		week := i / (7 * 40)
		channel, wait, replies := "chat", time.Duration(3+week)*time.Minute, 1+i%3/2
		if i%2 == 1 {
			channel, wait, replies = "email", time.Duration(120+(i*7+week*13)%180)*time.Minute, 1+i%4/3
			if week == 8 {
				replies = 2 + i%3
			}
		}
		t := kpi.Ticket{ID: fmt.Sprint(i), Channel: channel, Priority: "normal", Created: created,
			FirstReply: created.Add(wait), AgentReplies: replies, Solves: []time.Time{created.Add(wait + time.Hour)}}
		m, err := policy.Measure(&t, t.Solves[0])
		if err != nil {
			fmt.Println(err)
			return
		}
		p, _ := satmetrics.PeriodOf(satmetrics.Week, created, loc)
		if err := weekly.At(satmetrics.SegmentPeriod{Segment: channel, Period: p}).Add(m); err != nil {
			fmt.Println(err)
			return
		}
	}
	for _, channel := range []string{"chat", "email"} {
		var fcr []kpi.Proportion
		var frt kpi.Series
		for key, tally := range weekly.All() {
			if key.Segment != channel {
				continue
			}
			c := tally.Counts()
			fcr = append(fcr, kpi.Proportion{Period: key.Period, Count: c.FirstContact, N: c.Solved})
			d, _ := tally.FirstReplyTime()
			frt = append(frt, kpi.Point{Period: key.Period, Estimate: satmetrics.Estimate{Value: d.Median / 60, N: d.N}})
		}
		chart, err := kpi.PChart(fcr)
		if err != nil {
			fmt.Println(err)
			return
		}
		trend, err := kpi.AnalyzeTrend(frt, satmetrics.LowerIsBetter, 0.95)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: one-touch %.0f%%, first reply %s (%+.2f min/week)\n",
			channel, 100*chart.Center, trend.Verdict, trend.Sen.Slope)
		for _, s := range chart.Signals {
			fmt.Println("  ", s)
		}
	}
	// Output:
	// chat: one-touch 67%, first reply worsening (+1.00 min/week)
	// email: one-touch 46%, first reply no significant trend (+0.00 min/week)
	//    2026-W09: 8 points in a row on one side (above)
	//    2026-W10: 1 point beyond 3 sigma (below)
}
