package churn_test

import (
	"math"
	"time"

	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/churn"
)

// genHistory generates a valid ledger: up to 30 customers, each with a
// sequence of events at increasing times in 2026 (start, then payments,
// cancels and restarts), shuffled by the order of customers.
func genHistory() gopter.Gen {
	return gen.SliceOf(gen.SliceOfN(12, gen.IntRange(0, 1000))).Map(func(rows [][]int) []churn.Event {
		var ev []churn.Event
		t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		for c, r := range rows {
			id := string(rune('a'+c%26)) + string(rune('0'+c/26))
			t := t0.Add(time.Duration(r[0]) * 6 * time.Hour)
			ev = append(ev, churn.Event{Customer: id, Time: t, Kind: churn.Start, Amount: float64(r[1] % 100)})
			active := true
			for _, x := range r[2:] {
				t = t.Add(time.Duration(1+x%400) * time.Hour)
				switch {
				case active && x%3 == 0:
					ev = append(ev, churn.Event{Customer: id, Time: t, Kind: churn.Cancel})
					active = false
				case !active && x%2 == 0:
					ev = append(ev, churn.Event{Customer: id, Time: t, Kind: churn.Start, Amount: float64(x % 50)})
					active = true
				case active:
					ev = append(ev, churn.Event{Customer: id, Time: t, Kind: churn.Payment, Amount: float64(x % 70)})
				}
			}
		}
		return ev
	})
}

// TestLedgerProperties checks the identities the documentation states for
// reports and cohort tables on random valid histories.
func TestLedgerProperties(t *testing.T) {
	props := gopter.NewProperties(params(200))
	props.Property("flows and MRR chain from period to period; every event is counted", prop.ForAll(func(ev []churn.Event, kind uint8) bool {
		var l churn.Ledger
		for _, e := range ev {
			if l.Add(e) != nil {
				return false
			}
		}
		cfg := churn.ReportConfig{Kind: satmetrics.PeriodKind(1 + kind%5)}
		rep, err := l.Report(cfg)
		if len(ev) == 0 {
			return err != nil
		}
		if err != nil {
			return false
		}
		var prev *churn.PeriodReport
		for i := range rep.Periods {
			p := &rep.Periods[i]
			if p.Customers.Validate() != nil || p.MRR.Validate() != nil {
				return false
			}
			if prev != nil && (prev.Customers.End != p.Customers.Start || math.Abs(prev.MRR.End()-p.MRR.Start) > 1e-9) {
				return false
			}
			if c, err := p.Customers.ChurnRate(churn.B2B, 0.9); err == nil {
				r, err := p.Customers.RetentionRate(0.9)
				if err != nil || math.Abs(c.Value+r.Value-1) > 1e-12 {
					return false
				}
			}
			prev = p
		}
		if rep.Events.Total()+rep.Later != int64(l.Len()) || rep.Later != 0 {
			return false
		}
		tab, err := l.Cohorts(cfg)
		if err != nil {
			return false
		}
		var customers int64
		for _, r := range tab.Rows {
			customers += r.Customers
			for k := 0; k < r.Reached(); k++ {
				if r.Active[k] > r.Customers || r.Surviving[k] > r.Active[k] ||
					(k > 0 && (r.Surviving[k] > r.Surviving[k-1] || r.GrossMRR[k] > r.GrossMRR[k-1]+1e-9)) ||
					r.GrossMRR[k] > r.MRR+1e-9 || r.GrossMRR[k] > r.NetMRR[k]+1e-9 {
					return false
				}
			}
			if r.Active[0] != r.Customers {
				return false
			}
		}
		subjects, after, err := l.Subjects(time.Hour, ev[len(ev)-1].Time.AddDate(1, 0, 0))
		return err == nil && after == 0 && int64(len(subjects)) == customers
	}, genHistory(), gen.UInt8()))
	props.TestingRun(t)
}
