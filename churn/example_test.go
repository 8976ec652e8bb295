package churn_test

import (
	"fmt"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/churn"
)

// A month starts with 100 of MRR; 10 churn, 10 are lost to downgrades and
// 10 gained from upgrades.
func ExampleMRR() {
	m := churn.MRR{Start: 100, Churned: 10, Contraction: 10, Expansion: 10}
	gross, _ := m.GrossChurn()
	net, _ := m.NetChurn()
	nrr, _ := m.NetRetention()
	fmt.Printf("gross MRR churn %.0f%%, net MRR churn %.0f%%, NRR %.0f%%, end MRR %.0f\n", 100*gross, 100*net, 100*nrr, m.End())
	// Output:
	// gross MRR churn 20%, net MRR churn 10%, NRR 90%, end MRR 90
}

// ChartMogul's example: 100 customers at the start of the month; 12
// churned, one of whom came back and one of whom had joined that month.
func ExampleFlow_ChurnRate() {
	f := churn.Flow{
		Start: 100, Retained: 90, Lost: 10, ChurnedAndReactivated: 1,
		New: 5, JoinedAndChurned: 1, End: 95,
	}
	b2b, _ := f.ChurnRate(churn.B2B, 0.95)
	all, _ := f.ChurnRate(churn.AllChurn, 0.95)
	ret, _ := f.RetentionRate(0.95)
	fmt.Printf("churn (B2B) %.2f, 95%% Wilson interval [%.3f, %.3f]\n", b2b.Value, b2b.Lower, b2b.Upper)
	fmt.Printf("churn counting every cancel %.2f\n", all.Value)
	fmt.Printf("retention %.2f\n", ret.Value)
	// Output:
	// churn (B2B) 0.10, 95% Wilson interval [0.055, 0.174]
	// churn counting every cancel 0.12
	// retention 0.90
}

func ExampleConvertRate() {
	annual, _ := churn.ConvertRate(0.05, satmetrics.Month, satmetrics.Year)
	monthly, _ := churn.ConvertRate(annual, satmetrics.Year, satmetrics.Month)
	life, _ := churn.ExpectedLifetime(0.05)
	fmt.Printf("5%% a month is %.1f%% a year and back %.3f; expected lifetime %.0f months\n", 100*annual, monthly, life)
	// Output:
	// 5% a month is 46.0% a year and back 0.050; expected lifetime 20 months
}

func ExampleLTV() {
	ltv, _ := churn.LTV(100, 0.8, 0.05)                  // ARPA 100 a month, 80% margin, 5% monthly churn
	disc, _ := churn.DiscountedLTV(100, 0.8, 0.05, 0.01) // 1% a month cost of capital
	ratio, _ := churn.LTVToCAC(ltv, 400)
	payback, _ := churn.CACPayback(400, 100, 0.8)
	_, err := churn.LTV(100, 0.8, 0)
	fmt.Printf("LTV %.0f, discounted %.0f, LTV:CAC %.0f, payback %.0f months\n", ltv, disc, ratio, payback)
	fmt.Println(err)
	// Output:
	// LTV 1600, discounted 1347, LTV:CAC 4, payback 5 months
	// churn: LTV: churn rate is 0: satmetrics: undefined result
}

// The 6-MP arm of Freireich's leukaemia trial, in weeks of remission; the
// censored patients were still in remission when last seen.
func ExampleKaplanMeier() {
	weeks := []float64{6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35}
	relapse := []bool{true, true, true, false, true, false, true, false, false, true, true, false, false, false, true, true, false, false, false, false, false}
	var t churn.EventTable
	for i := range weeks {
		if err := t.Add(weeks[i], relapse[i]); err != nil {
			panic(err)
		}
	}
	c, err := churn.KaplanMeier(&t, churn.CurveConfig{}) // 95%, log intervals as R
	if err != nil {
		panic(err)
	}
	for _, at := range []float64{6, 23} {
		s, _ := c.At(at)
		fmt.Printf("S(%v) = %.3f (SE %.3f), 95%% CI [%.3f, %.3f]\n", at, s.Value, s.StdErr, s.Lower, s.Upper)
	}
	m, _ := c.Median()
	fmt.Printf("median %v weeks, lower limit %v, upper limit %v\n", m.Time, *m.Lower, m.Upper)
	r, _ := c.RMST(25)
	fmt.Printf("restricted mean over 25 weeks: %.2f (SE %.2f)\n", r.Value, r.StdErr)
	// Output:
	// S(6) = 0.857 (SE 0.076), 95% CI [0.720, 1.000]
	// S(23) = 0.448 (SE 0.135), 95% CI [0.249, 0.807]
	// median 23 weeks, lower limit 16, upper limit <nil>
	// restricted mean over 25 weeks: 18.81 (SE 1.73)
}

// Does the 6-MP arm stay in remission longer than placebo?
func ExampleLogRank() {
	drug, _ := churn.TableOf(
		[]float64{6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35},
		[]bool{true, true, true, false, true, false, true, false, false, true, true, false, false, false, true, true, false, false, false, false, false})
	placebo := &churn.EventTable{}
	for _, w := range []float64{1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23} {
		_ = placebo.Add(w, true)
	}
	for _, cfg := range []churn.LogRankConfig{{}, {Weights: churn.FlemingHarrington, Rho: 1}} {
		r, err := churn.LogRank([]*churn.EventTable{drug, placebo}, cfg)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s: chi² %.2f on %d df, p = %.1e; observed %.1f vs expected %.1f relapses on 6-MP\n",
			r.Method, r.Statistic, r.DF, r.P, r.Groups[0].Observed, r.Groups[0].Expected)
	}
	// Output:
	// log-rank: chi² 16.79 on 1 df, p = 4.2e-05; observed 9.0 vs expected 19.3 relapses on 6-MP
	// fleming-harrington(1,0): chi² 14.46 on 1 df, p = 1.4e-04; observed 5.1 vs expected 12.0 relapses on 6-MP
}

// Event tables built from parts of the data (per worker, per day) merge
// into the table of the whole.
func ExampleEventTable_Merge() {
	var monday, tuesday churn.EventTable
	_ = monday.Add(3, true)
	_ = monday.Add(5, false)
	_ = tuesday.Add(3, true)
	_ = tuesday.AddSubject(churn.Subject{Entry: 1, Exit: 8, Event: true}) // joined the data at tenure 1
	var all churn.EventTable
	all.Merge(&monday)
	all.Merge(&tuesday)
	rows, _ := all.Rows()
	for _, r := range rows {
		fmt.Printf("t=%v at risk %v: %v churned, %v censored, %v entered\n", r.Time, r.AtRisk, r.Events, r.Censored, r.Entered)
	}
	// Output:
	// t=1 at risk 3: 0 churned, 0 censored, 1 entered
	// t=3 at risk 4: 2 churned, 0 censored, 0 entered
	// t=5 at risk 2: 0 churned, 1 censored, 0 entered
	// t=8 at risk 1: 1 churned, 0 censored, 0 entered
}

// A subscription ledger, in any order, gives monthly flows and MRR
// movements without pre-aggregation.
func ExampleLedger_Report() {
	d := func(m time.Month, day int) time.Time { return time.Date(2026, m, day, 0, 0, 0, 0, time.UTC) }
	var l churn.Ledger
	for _, e := range []churn.Event{
		{Customer: "acme", Time: d(1, 5), Kind: churn.Start, Amount: 100},
		{Customer: "bolt", Time: d(1, 9), Kind: churn.Start, Amount: 50},
		{Customer: "acme", Time: d(2, 5), Kind: churn.Payment, Amount: 150},
		{Customer: "bolt", Time: d(2, 20), Kind: churn.Cancel},
		{Customer: "cray", Time: d(2, 21), Kind: churn.Start, Amount: 30},
		{Customer: "bolt", Time: d(3, 2), Kind: churn.Start, Amount: 50},
	} {
		if err := l.Add(e); err != nil {
			panic(err)
		}
	}
	rep, err := l.Report(churn.ReportConfig{Kind: satmetrics.Month})
	if err != nil {
		panic(err)
	}
	for _, p := range rep.Periods {
		f, m := p.Customers, p.MRR
		fmt.Printf("%v: start %d, new %d, lost %d, reactivated %d, end %d; MRR %v +%v new +%v exp -%v churn +%v react = %v\n",
			p.Period, f.Start, f.New, f.Lost, f.Reactivated, f.End, m.Start, m.New, m.Expansion, m.Churned, m.Reactivation, m.End())
	}
	fmt.Printf("%d events reported, %d later, %d rejected\n", rep.Events.Total(), rep.Later, rep.Rejected)
	// Output:
	// 2026-01: start 0, new 2, lost 0, reactivated 0, end 2; MRR 0 +150 new +0 exp -0 churn +0 react = 150
	// 2026-02: start 2, new 1, lost 1, reactivated 0, end 2; MRR 150 +30 new +50 exp -50 churn +0 react = 180
	// 2026-03: start 2, new 0, lost 0, reactivated 1, end 3; MRR 180 +0 new +0 exp -0 churn +50 react = 230
	// 6 events reported, 0 later, 0 rejected
}

// Cohorts by month of first start, and the share of each still active k
// months later.
func ExampleLedger_Cohorts() {
	d := func(m time.Month, day int) time.Time { return time.Date(2026, m, day, 0, 0, 0, 0, time.UTC) }
	var l churn.Ledger
	for i, start := range []time.Time{d(1, 3), d(1, 8), d(1, 20), d(1, 25), d(2, 2), d(2, 14)} {
		id := fmt.Sprint("c", i)
		_ = l.Add(churn.Event{Customer: id, Time: start, Kind: churn.Start, Amount: 20})
		if i%2 == 0 {
			_ = l.Add(churn.Event{Customer: id, Time: start.AddDate(0, 1, 10), Kind: churn.Cancel})
		}
	}
	tab, err := l.Cohorts(churn.ReportConfig{Through: d(4, 30)})
	if err != nil {
		panic(err)
	}
	for _, r := range tab.Rows {
		fmt.Printf("%v (%d customers):", r.Cohort, r.Customers)
		for k := 0; k < r.Reached(); k++ {
			s, _ := r.SurvivingRate(k)
			fmt.Printf(" %3.0f%%", 100*s)
		}
		fmt.Println()
	}
	// Output:
	// 2026-01 (4 customers): 100%  75%  50%  50%
	// 2026-02 (2 customers): 100%  50%  50%
}

// From a ledger to a survival curve: each customer's first subscription,
// in days, censored at the end of the data for those still active.
func ExampleLedger_Subjects() {
	d := func(m time.Month, day int) time.Time { return time.Date(2026, m, day, 0, 0, 0, 0, time.UTC) }
	var l churn.Ledger
	starts := []time.Time{d(1, 1), d(1, 1), d(1, 11), d(1, 21), d(2, 1), d(2, 1)}
	lives := []int{30, 60, 90, -1, 45, -1} // days to cancel; -1 still active
	for i, s := range starts {
		id := fmt.Sprint("c", i)
		_ = l.Add(churn.Event{Customer: id, Time: s, Kind: churn.Start, Amount: 20})
		if lives[i] > 0 {
			_ = l.Add(churn.Event{Customer: id, Time: s.AddDate(0, 0, lives[i]), Kind: churn.Cancel})
		}
	}
	subjects, _, err := l.Subjects(24*time.Hour, d(6, 30))
	if err != nil {
		panic(err)
	}
	var t churn.EventTable
	for _, s := range subjects {
		_ = t.AddSubject(s)
	}
	c, _ := churn.KaplanMeier(&t, churn.CurveConfig{})
	s60, _ := c.At(60)
	m, _ := c.Median() // S is exactly 0.5 from day 60 to day 90: R's rule takes the midpoint
	fmt.Printf("%d customers; %.0f%% still subscribed after 60 days; median lifetime %v days\n", len(subjects), 100*s60.Value, m.Time)
	// Output:
	// 6 customers; 50% still subscribed after 60 days; median lifetime 75 days
}
