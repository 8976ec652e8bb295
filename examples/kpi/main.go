// Command kpi works through service KPIs as the documentation of package kpi
// defines them: it computes every quantity by hand from the formulas,
// prints it with its formula, and then checks that the library returns the
// same numbers.
//
//	go run ./examples/kpi
//
// The data are a ticket open over a weekend on which the clocks went
// forward in Berlin, a month's complaints, eight months of median first-reply
// times and twelve weeks of CSAT scores. The program exits with an error if
// the hand calculation and the library disagree.
package main

import (
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"time"
	_ "time/tzdata" // the schedules are in Europe/Berlin on any machine

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/examples/internal/handcheck"
	"github.com/satmetrics/satmetrics/kpi"
)

// z is the two-sided 95% normal critical value Φ⁻¹(0.975), as a table (or R's
// qnorm(0.975)) gives it.
const z = 1.959963984540054

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer) error {
	l := &handcheck.Ledger{W: w}
	fmt.Fprintln(w, "Service KPIs, step by step (package kpi)")
	for _, step := range []func(*handcheck.Ledger) error{businessHours, complaints, mannKendall, xmr} {
		if err := step(l); err != nil {
			return err
		}
	}
	return l.Err()
}

// businessHours measures a ticket in office hours and on a 24/7 line.
func businessHours(l *handcheck.Ledger) error {
	w := l.W
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return err
	}
	from := time.Date(2026, 3, 27, 16, 0, 0, 0, berlin) // Friday, CET
	to := time.Date(2026, 3, 30, 10, 30, 0, 0, berlin)  // Monday, CEST
	fmt.Fprintf(w, "\nA ticket created %s and solved %s;\n", from.Format("Mon 2006-01-02 15:04 MST"), to.Format("Mon 2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "clocks went forward at 02:00 on Sunday 29 March, so that day had 23 hours.\n")
	fmt.Fprintln(w, "Business time is the real time elapsed while open, day by day in local time:")
	fmt.Fprintln(w, "  day         office Mon-Fri 09:00-17:00   24/7 line")
	var office, always time.Duration
	for d := from; d.Before(to); {
		local := func(hour int) time.Time { return time.Date(d.Year(), d.Month(), d.Day(), hour, 0, 0, 0, berlin) }
		day, next := local(0), local(24) // wall-clock times, whatever the length of the day
		o := time.Duration(0)
		if wd := day.Weekday(); wd != time.Saturday && wd != time.Sunday {
			o = overlap(from, to, local(9), local(17))
		}
		a := overlap(from, to, day, next)
		fmt.Fprintf(w, "  %s  %26v   %9v\n", day.Format("Mon Jan 02"), o, a)
		office += o
		always += a
		d = next
	}
	fmt.Fprintf(w, "  total       %26v   %9v (the wall clock says 66h30m)\n", office, always)
	var lib [2]time.Duration
	for i, hours := range []string{"Mon-Fri 09:00-17:00", "Mon-Sun 00:00-24:00"} {
		s, err := kpi.ScheduleSpec{TimeZone: "Europe/Berlin", Hours: []string{hours}}.Schedule()
		if err != nil {
			return err
		}
		if lib[i], err = s.Duration(from, to); err != nil {
			return err
		}
	}
	l.Header("Schedule.Duration")
	l.Row("office hours (h)", office.Hours(), lib[0].Hours())
	l.Row("24/7 (h)", always.Hours(), lib[1].Hours())
	return nil
}

// overlap returns the time that [from, to) and [open, close) share.
func overlap(from, to, open, close time.Time) time.Duration {
	if open.Before(from) {
		open = from
	}
	if close.After(to) {
		close = to
	}
	return max(0, close.Sub(open))
}

// complaints computes a complaint rate per 1,000 orders.
func complaints(l *handcheck.Ledger) error {
	w := l.W
	c, units, per := int64(18), int64(12500), 1000.0
	cf, uf := float64(c), float64(units)
	rate := cf / uf * per
	se := math.Sqrt(cf) / uf * per
	lo, hi := cf+z*z/2-z*math.Sqrt(cf+z*z/4), cf+z*z/2+z*math.Sqrt(cf+z*z/4)
	fmt.Fprintf(w, "\nComplaints: c = %d in %d orders\n", c, units)
	fmt.Fprintf(w, "  rate = c/units × 1000 = %.3f per 1,000, se = √c/units × 1000 = %.3f\n", rate, se)
	fmt.Fprintf(w, "  λ = c + z²/2 ± z √(c + z²/4) = [%.3f, %.3f], bounds λ/units × 1000\n", lo, hi)
	e, err := kpi.ComplaintRate(c, units, kpi.PerThousand, 0.95)
	if err != nil {
		return err
	}
	l.Header("kpi.ComplaintRate")
	l.Row("rate per 1,000", rate, e.Value)
	l.Row("se", se, e.StdErr)
	l.Interval("score interval", lo/uf*per, hi/uf*per, e.Lower, e.Upper)
	return nil
}

// mannKendall tests eight months of median first-reply hours for a trend.
func mannKendall(l *handcheck.Ledger) error {
	w := l.W
	y := []float64{5.2, 4.8, 5.0, 4.5, 4.6, 4.5, 4.3, 3.9}
	n := float64(len(y))
	fmt.Fprintf(w, "\nMann-Kendall test on eight months' median first-reply hours:\n  %v\n", y)
	var s, up, down float64
	for i := range y {
		for j := i + 1; j < len(y); j++ {
			switch {
			case y[j] > y[i]:
				s, up = s+1, up+1
			case y[j] < y[i]:
				s, down = s-1, down+1
			}
		}
	}
	ties := map[float64]float64{}
	for _, v := range y {
		ties[v]++
	}
	var tieTerm float64
	for _, t := range ties {
		tieTerm += t * (t - 1) * (2*t + 5)
	}
	v := (n*(n-1)*(2*n+5) - tieTerm) / 18
	zs := (s - math.Copysign(1, s)) / math.Sqrt(v)
	p := math.Erfc(math.Abs(zs) / math.Sqrt2)
	fmt.Fprintf(w, "  S = Σ_{i<j} sign(yⱼ - yᵢ) = %.0f rises - %.0f falls = %.0f (one tie: 4.5 twice)\n", up, down, s)
	fmt.Fprintf(w, "  Var(S) = [n(n-1)(2n+5) - Σ t(t-1)(2t+5)] / 18 = (%.0f - %.0f)/18 = %.4f\n", n*(n-1)*(2*n+5), tieTerm, v)
	fmt.Fprintf(w, "  Z = (S - sign(S))/√Var(S) = %.4f, p = 2 (1 - Φ(|Z|)) = %.4f: replies are getting faster\n", zs, p)
	mk, err := kpi.MannKendall(y)
	if err != nil {
		return err
	}
	l.Header("kpi.MannKendall")
	l.Row("S", s, float64(mk.S))
	l.Row("Var(S)", v, mk.VarS)
	l.Row("Z", zs, mk.Z)
	l.Row("p", p, mk.P)
	return nil
}

// xmr draws an individuals chart of twelve weeks of CSAT.
func xmr(l *handcheck.Ledger) error {
	w := l.W
	x := []float64{82, 83, 81, 82, 84, 82, 81, 83, 82, 72, 82, 83}
	n := float64(len(x))
	fmt.Fprintf(w, "\nXmR chart of weekly CSAT (2026-W01 to W12): %v\n", x)
	var sum, mrSum float64
	for i, v := range x {
		sum += v
		if i > 0 {
			mrSum += math.Abs(v - x[i-1])
		}
	}
	mean, mrBar := sum/n, mrSum/(n-1)
	lo, hi, mrHi := mean-2.66*mrBar, mean+2.66*mrBar, 3.268*mrBar
	fmt.Fprintf(w, "  x̄ = Σxᵢ/n = %.0f/%.0f = %.4f; M̄R = Σ|xᵢ - xᵢ₋₁|/(n - 1) = %.0f/%.0f = %.4f\n", sum, n, mean, mrSum, n-1, mrBar)
	fmt.Fprintf(w, "  limits x̄ ± 2.66 M̄R = [%.4f, %.4f]; moving ranges above 3.268 M̄R = %.4f signal\n", lo, hi, mrHi)
	var beyond, wide []int
	for i, v := range x {
		if v < lo || v > hi {
			beyond = append(beyond, i+1)
		}
		if i > 0 && math.Abs(v-x[i-1]) > mrHi {
			wide = append(wide, i+1)
		}
	}
	fmt.Fprintf(w, "  beyond the limits: week %v; moving range above its limit: weeks %v\n", beyond, wide)

	week, err := satmetrics.ParsePeriod("2026-W01", time.UTC)
	if err != nil {
		return err
	}
	obs := make([]kpi.Observation, len(x))
	for i, v := range x {
		obs[i] = kpi.Observation{Period: week, Value: v}
		week = week.Next()
	}
	c, err := kpi.XmR(obs)
	if err != nil {
		return err
	}
	l.Header("kpi.XmR")
	l.Row("centre line", mean, c.Center)
	l.Row("mean moving range", mrBar, c.RangeCenter)
	l.Interval("limits", lo, hi, c.Points[0].Lower, c.Points[0].Upper)
	l.Row("moving-range limit", mrHi, c.RangeUpper)
	lib := map[kpi.Rule][]int{} // the weeks at which each rule fired
	for _, s := range c.Signals {
		lib[s.Rule] = append(lib[s.Rule], s.Index+1)
	}
	l.List("weeks beyond limits", beyond, lib[kpi.RuleBeyond3Sigma])
	l.List("weeks of wide ranges", wide, lib[kpi.RuleMovingRange])
	fmt.Fprintln(w, "  the signals as the library reports them (four run rules and the moving range):")
	for _, s := range c.Signals {
		fmt.Fprintf(w, "    %v\n", s)
	}
	return nil
}
