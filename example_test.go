package satmetrics_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/nps"
)

// Is this month's NPS really lower than last month's? Compare two
// independent estimates by the normal approximation, keeping the sign.
func ExampleCompare() {
	november := satmetrics.Estimate{Value: 31, StdErr: 3.2}
	october := satmetrics.Estimate{Value: 38, StdErr: 3.0}
	c, err := satmetrics.Compare(november, october, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("difference %+.1f [%+.1f, %+.1f], z = %.2f, p = %.4f, significant: %v\n",
		c.Difference, c.Lower, c.Upper, c.Statistic, c.P, c.Significant(0.95))
	// Output:
	// difference -7.0 [-15.6, +1.6], z = -1.60, p = 0.1105, significant: false
}

// The periods that contain an instant, in the time zone of the business:
// late on Sunday 29 March 2026 in Berlin is already Monday in Tokyo.
func ExamplePeriodOf() {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	t := time.Date(2026, 3, 29, 22, 30, 0, 0, berlin)
	for _, loc := range []*time.Location{berlin, tokyo} {
		var labels []string
		for _, k := range []satmetrics.PeriodKind{satmetrics.Day, satmetrics.Week, satmetrics.Month, satmetrics.Quarter} {
			p, err := satmetrics.PeriodOf(k, t, loc)
			if err != nil {
				fmt.Println(err)
				return
			}
			labels = append(labels, p.String())
		}
		fmt.Println(strings.Join(labels, " "))
	}
	// 29 March 2026 is the day Berlin moves its clocks forward: 23 hours.
	day, _ := satmetrics.PeriodOf(satmetrics.Day, t, berlin)
	fmt.Println(day.End().Sub(day.Start()))
	// Output:
	// 2026-03-29 2026-W13 2026-03 2026-Q1
	// 2026-03-30 2026-W14 2026-03 2026-Q1
	// 23h0m0s
}

// A trend needs every period, also those without data.
func ExamplePeriodsBetween() {
	from := time.Date(2025, 11, 15, 0, 0, 0, 0, time.UTC)
	to := time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC)
	ps, err := satmetrics.PeriodsBetween(satmetrics.Month, from, to, time.UTC)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ps)
	p, err := satmetrics.ParsePeriod("2026-W01", time.UTC)
	fmt.Println(p.Start().Format("Mon 2006-01-02"), p.Prev(), err)
	// Output:
	// [2025-11 2025-12 2026-01 2026-02]
	// Mon 2025-12-29 2025-W52 <nil>
}

// NPS per channel per month: a grouping of tallies keyed by segment and
// period, iterated in order.
func ExampleGroups() {
	type answer struct {
		time    time.Time
		channel string
		score   nps.Score
	}
	d := func(m time.Month, day int) time.Time { return time.Date(2026, m, day, 10, 0, 0, 0, time.UTC) }
	answers := []answer{
		{d(10, 3), "chat", 9}, {d(10, 9), "chat", 10}, {d(10, 20), "chat", 6},
		{d(10, 4), "email", 8}, {d(10, 28), "email", 9},
		{d(11, 2), "chat", 3}, {d(11, 5), "chat", 9}, {d(11, 17), "email", 10},
	}
	var g satmetrics.Groups[satmetrics.SegmentPeriod, nps.Tally]
	for _, a := range answers {
		month, err := satmetrics.PeriodOf(satmetrics.Month, a.time, time.UTC)
		if err != nil {
			fmt.Println(err)
			return
		}
		if err := g.At(satmetrics.SegmentPeriod{Segment: a.channel, Period: month}).Add(a.score); err != nil {
			fmt.Println(err)
			return
		}
	}
	for k, t := range g.All() {
		e, err := t.NPSWith(nps.Options{Level: 0.95, Method: nps.Wald})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-5s %s  n = %d  NPS %+.0f\n", k.Segment, k.Period, e.N, e.Value)
	}
	// Output:
	// chat  2026-10  n = 3  NPS +33
	// chat  2026-11  n = 2  NPS +0
	// email 2026-10  n = 2  NPS +50
	// email 2026-11  n = 1  NPS +100
}

// A Direction tells trends and targets what "better" means: a lower effort
// score on the old 1-5 scale is an improvement.
func ExampleDirection() {
	effort := satmetrics.LowerIsBetter
	fmt.Printf("%v %v %.1f\n", effort, effort.Better(2.1, 2.4), effort.Improvement(2.4, 2.1))
	// Output:
	// lower-is-better true 0.3
}
