package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/churn"
)

// averageMonth is the unit of the survival analysis: durations in months.
const averageMonth = time.Duration(30.436875 * 24 * float64(time.Hour))

// readLedgers reads subscriptions.csv into one ledger of every customer and
// one per starting plan. A "change" row (an upgrade or a downgrade) is a
// payment at the new MRR, which the ledger counts as expansion or
// contraction.
func readLedgers() (all *churn.Ledger, byPlan map[string]*churn.Ledger, err error) {
	const file = "subscriptions.csv"
	rows, err := readCSV(file, "customer", "time", "kind", "plan", "mrr")
	if err != nil {
		return nil, nil, err
	}
	all, byPlan = new(churn.Ledger), map[string]*churn.Ledger{}
	firstPlan := map[string]string{}
	for i, r := range rows {
		t, err := time.Parse(time.RFC3339, r[1])
		if err != nil {
			return nil, nil, lineError(file, i, err)
		}
		mrr, err := strconv.ParseFloat(r[4], 64)
		if err != nil {
			return nil, nil, lineError(file, i, err)
		}
		e := churn.Event{Customer: r[0], Time: t, Amount: mrr}
		switch r[2] {
		case "start":
			e.Kind = churn.Start
			if _, ok := firstPlan[r[0]]; !ok {
				firstPlan[r[0]] = r[3]
			}
		case "change":
			e.Kind = churn.Payment
		case "cancel":
			e.Kind = churn.Cancel
		default:
			return nil, nil, lineError(file, i, fmt.Errorf("unknown kind %q", r[2]))
		}
		if err := all.Add(e); err != nil {
			return nil, nil, lineError(file, i, err)
		}
		plan := firstPlan[r[0]]
		if byPlan[plan] == nil {
			byPlan[plan] = new(churn.Ledger)
		}
		if err := byPlan[plan].Add(e); err != nil {
			return nil, nil, lineError(file, i, err)
		}
	}
	return all, byPlan, nil
}

func retentionSection(w io.Writer) error {
	ledger, byPlan, err := readLedgers()
	if err != nil {
		return err
	}
	through := dataEnd.Add(-time.Second)
	cfg := churn.ReportConfig{Kind: satmetrics.Month, Location: berlin, Through: through}
	rep, err := ledger.Report(cfg)
	if err != nil {
		return err
	}
	heading(w, fmt.Sprintf("Subscriptions: the last three months (%d events, %d rejected)", rep.Events.Total(), rep.Rejected))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "month\tcustomers\tnew\tchurned\tchurn rate %\tMRR\tgross MRR churn %\tnet MRR churn %\tquick ratio\t")
	for _, p := range rep.Periods[len(rep.Periods)-3:] {
		cr, err := p.Customers.ChurnRate(churn.B2B, level)
		if err != nil {
			return err
		}
		gross, err := p.MRR.GrossChurn()
		if err != nil {
			return err
		}
		net, err := p.MRR.NetChurn()
		if err != nil {
			return err
		}
		quick, err := p.MRR.QuickRatio()
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.1f [%.1f, %.1f]\t%.0f\t%.1f\t%.1f\t%.2f\t\n", p.Period, p.Customers.End, p.Customers.New, p.Customers.Churned(churn.B2B),
			100*cr.Value, 100*cr.Lower, 100*cr.Upper, p.MRR.End(), 100*gross, 100*net, quick)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	table, err := ledger.Cohorts(cfg)
	if err != nil {
		return err
	}
	heading(w, "Cohorts: % of each month's new customers still subscribed k months later")
	tw = tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight)
	const cols = 9
	fmt.Fprint(tw, "cohort\tcustomers\t")
	for k := 0; k < cols; k++ {
		fmt.Fprintf(tw, "k=%d\t", k)
	}
	fmt.Fprintln(tw, "NRR k=6\t")
	var sbgData [][]int64
	for i, row := range table.Rows {
		if row.Reached() >= 3 {
			// sBG takes the cohort's size and the customers left after each
			// complete renewal period.
			sbgData = append(sbgData, append([]int64{row.Customers}, row.Surviving[1:row.Reached()]...))
		}
		if i < len(table.Rows)-12 {
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t", row.Cohort, row.Customers)
		for k := 0; k < cols; k++ {
			if k >= row.Reached() {
				fmt.Fprint(tw, "\t")
				continue
			}
			r, err := row.SurvivingRate(k)
			if err != nil {
				return err
			}
			fmt.Fprintf(tw, "%.0f\t", 100*r)
		}
		if nrr, err := row.NetRevenueRetention(6); err == nil {
			fmt.Fprintf(tw, "%.0f%%\t", 100*nrr)
		} else {
			fmt.Fprint(tw, "\t")
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	// Survival: how long customers stay, by starting plan.
	heading(w, "Survival of subscriptions (Kaplan-Meier, months)")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "plan\tcustomers\tchurned\tS(6)\tS(12)\tmedian\tmean over 24 months\t")
	var groups []*churn.EventTable
	for _, plan := range []string{"basic", "pro", "enterprise", "all"} {
		l := ledger
		if plan != "all" {
			l = byPlan[plan]
		}
		subjects, _, err := l.Subjects(averageMonth, through)
		if err != nil {
			return err
		}
		var t churn.EventTable
		for _, s := range subjects {
			if err := t.AddSubject(s); err != nil {
				return err
			}
		}
		if plan != "all" {
			groups = append(groups, &t)
		}
		curve, err := churn.KaplanMeier(&t, churn.CurveConfig{Level: level})
		if err != nil {
			return err
		}
		s6, err := curve.At(6)
		if err != nil {
			return err
		}
		s12, err := curve.At(12)
		if err != nil {
			return err
		}
		median := "not reached"
		if med, err := curve.Median(); err == nil {
			median = quantile(med)
		} else if !errors.Is(err, satmetrics.ErrUndefined) {
			return err
		}
		rmst, err := curve.RMST(24)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%d\t%.0f\t%.2f [%.2f, %.2f]\t%.2f [%.2f, %.2f]\t%s\t%.1f [%.1f, %.1f]\t\n", plan, curve.Subjects, curve.Events,
			s6.Value, s6.Lower, s6.Upper, s12.Value, s12.Lower, s12.Upper, median, rmst.Value, rmst.Lower, rmst.Upper)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	lr, err := churn.LogRank(groups, churn.LogRankConfig{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Log-rank test of equal survival across plans: chi-square %.2f on %d df, p = %.3f\n", lr.Statistic, lr.DF, lr.P)

	// Projection: the sBG model fitted to every cohort's survivors.
	m, info, err := churn.FitSBG(sbgData, churn.FitOptions{})
	if err != nil {
		return err
	}
	heading(w, "Retention projected by the shifted-beta-geometric model")
	fmt.Fprintf(w, "Fitted to %d monthly cohorts: alpha = %.3f, beta = %.3f (log-likelihood %.1f)\n", len(sbgData), m.Alpha, m.Beta, info.LogLik)
	curve, err := m.SurvivalCurve(24)
	if err != nil {
		return err
	}
	fmt.Fprint(w, "Projected share of a new cohort still subscribed after k months:\n ")
	for _, k := range []int{1, 3, 6, 12, 18, 24} {
		fmt.Fprintf(w, "  k=%d: %.2f", k, curve[k])
	}
	fmt.Fprintln(w)
	r12, err := m.RetentionRate(12)
	if err != nil {
		return err
	}
	derl, err := m.DERL(0.01, 0)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Retention rate at the 12th renewal: %.1f%% (it rises with tenure: the customers likely to leave have left)\n", 100*r12)
	fmt.Fprintf(w, "Discounted lifetime of a new customer at 1%% a month: %.1f payments; at 99 a month that is worth %.0f\n", 1+derl/1.01, 99*(1+derl/1.01))
	return nil
}

func quantile(q churn.Quantile) string {
	bound := func(b *float64) string {
		if b == nil {
			return "NA"
		}
		return fmt.Sprintf("%.1f", *b)
	}
	return fmt.Sprintf("%.1f [%s, %s]", q.Time, bound(q.Lower), bound(q.Upper))
}
