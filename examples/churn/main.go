// Command churn works through churn, revenue retention, survival and the
// sBG retention model as the documentation of package churn defines them:
// it computes every quantity by hand from the formulas, prints it with its
// formula, and then checks that the library returns the same numbers.
//
//	go run ./examples/churn
//
// The data are a month's customer flow, ChartMogul's MRR example, ten
// customers' lifetimes in months, and the "high end" cohort of Fader and
// Hardie's "How to project customer retention". The program exits with an
// error if the hand calculation and the library disagree.
package main

import (
	"errors"
	"fmt"
	"io"
	"log"
	"math"
	"os"

	"github.com/satmetrics/satmetrics/churn"
	"github.com/satmetrics/satmetrics/examples/internal/handcheck"
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
	fmt.Fprintln(w, "Churn and retention, step by step (package churn)")
	for _, step := range []func(*handcheck.Ledger) error{flow, revenue, kaplanMeier, sbg} {
		if err := step(l); err != nil {
			return err
		}
	}
	return l.Err()
}

// flow computes a month's customer churn and retention rates.
func flow(l *handcheck.Ledger) error {
	w := l.W
	f := churn.Flow{Start: 200, Retained: 188, Lost: 12, New: 25, Reactivated: 3,
		JoinedAndChurned: 2, ChurnedAndReactivated: 1}
	f.End = f.Retained + f.New + f.Reactivated
	fmt.Fprintf(w, "\nOne month: S = %d active at the start, E = %d at the end; %d lost, %d new,\n", f.Start, f.End, f.Lost, f.New)
	fmt.Fprintf(w, "  %d reactivated, %d joined and churned, %d churned and came back within the month\n", f.Reactivated, f.JoinedAndChurned, f.ChurnedAndReactivated)
	s := float64(f.Start)
	b2b := float64(f.Lost) / s
	all := float64(f.Lost+f.JoinedAndChurned+f.ReturnedAndChurned+f.ChurnedAndReactivated) / s
	ret := float64(f.End-f.New-f.Reactivated) / s
	x := float64(f.Lost)
	centre, half := (x+z*z/2)/(s+z*z), z*math.Sqrt(x*(s-x)/s+z*z/4)/(s+z*z)
	fmt.Fprintf(w, "  churn (B2B) = lost / S = %d/%d = %.4f\n", f.Lost, f.Start, b2b)
	fmt.Fprintf(w, "    Wilson: (x + z²/2)/(n + z²) ± z √(x(n-x)/n + z²/4)/(n + z²) = %.4f ± %.4f\n", centre, half)
	fmt.Fprintf(w, "  churn (all) = (lost + joined&churned + churned&back) / S = %.4f\n", all)
	fmt.Fprintf(w, "  retention = (E - N) / S = (%d - %d)/%d = %.4f = 1 - churn (B2B)\n", f.End, f.New+f.Reactivated, f.Start, ret)
	annual, life := 1-math.Pow(1-b2b, 12), 1/b2b
	fmt.Fprintf(w, "  a year at this rate: 1 - (1 - c)¹² = %.4f; expected lifetime 1/c = %.2f months\n", annual, life)
	c, err1 := f.ChurnRate(churn.B2B, 0.95)
	ca, err2 := f.ChurnRate(churn.AllChurn, 0.95)
	r, err3 := f.RetentionRate(0.95)
	libAnnual, err4 := churn.CompoundRate(c.Value, 12)
	libLife, err5 := churn.ExpectedLifetime(c.Value)
	if err := errors.Join(err1, err2, err3, err4, err5); err != nil {
		return err
	}
	l.Header("churn.Flow")
	l.Row("churn (B2B)", b2b, c.Value)
	l.Interval("Wilson interval", centre-half, centre+half, c.Lower, c.Upper)
	l.Row("churn (AllChurn)", all, ca.Value)
	l.Row("retention", ret, r.Value)
	l.Row("CompoundRate(c, 12)", annual, libAnnual)
	l.Row("ExpectedLifetime(c)", life, libLife)
	return nil
}

// revenue is ChartMogul's worked example of MRR churn.
func revenue(l *handcheck.Ledger) error {
	w := l.W
	m := churn.MRR{Start: 100, Churned: 10, Contraction: 10, Expansion: 10}
	fmt.Fprintf(w, "\nMRR: %.0f at the start, %.0f churned, %.0f contraction, %.0f expansion\n", m.Start, m.Churned, m.Contraction, m.Expansion)
	gross := (m.Churned + m.Contraction) / m.Start
	net := (m.Churned + m.Contraction - m.Expansion - m.Reactivation) / m.Start
	quick := (m.New + m.Expansion + m.Reactivation) / (m.Churned + m.Contraction)
	fmt.Fprintf(w, "  gross MRR churn = (churned + contraction)/start = %.2f\n", gross)
	fmt.Fprintf(w, "  net MRR churn = (churned + contraction - expansion - reactivation)/start = %.2f\n", net)
	fmt.Fprintf(w, "  net revenue retention = 1 - net MRR churn = %.2f\n", 1-net)
	fmt.Fprintf(w, "  quick ratio = (new + expansion + reactivation)/(churned + contraction) = %.2f\n", quick)
	g, err1 := m.GrossChurn()
	n, err2 := m.NetChurn()
	nrr, err3 := m.NetRetention()
	q, err4 := m.QuickRatio()
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return err
	}
	l.Header("churn.MRR")
	l.Row("gross MRR churn", gross, g)
	l.Row("net MRR churn", net, n)
	l.Row("net revenue retention", 1-net, nrr)
	l.Row("quick ratio", quick, q)
	return nil
}

// kaplanMeier estimates a survival curve from ten customers' lifetimes.
func kaplanMeier(l *handcheck.Ledger) error {
	w := l.W
	exits := []float64{2, 3, 3, 5, 6, 6, 8, 9, 12, 12} // months
	events := []bool{true, true, false, true, true, true, false, true, false, false}
	fmt.Fprintln(w, "\nKaplan-Meier: ten customers' months to churn, + if still active (censored):")
	fmt.Fprint(w, " ")
	for i, t := range exits {
		fmt.Fprintf(w, " %.0f", t)
		if !events[i] {
			fmt.Fprint(w, "+")
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "  S(t) = Π (1 - d_j/n_j), σ² = Σ d_j/(n_j (n_j - d_j)), SE = S σ,")
	fmt.Fprintln(w, "  95% interval exp(log S ± z σ) cut at 1 (R's survfit default):")
	fmt.Fprintln(w, "     t   n_j  d_j     S(t)       σ²     SE(S)     interval")
	curve, err := churn.KaplanMeierOf(exits, events, churn.CurveConfig{})
	if err != nil {
		return err
	}
	s, sigma2, median := 1.0, 0.0, math.NaN()
	var hand [][4]float64 // S, SE, lower, upper at each distinct time
	for i := 0; i < len(exits); {
		t, n := exits[i], float64(len(exits)-i) // exits are sorted
		var d float64
		j := i
		for ; j < len(exits) && exits[j] == t; j++ {
			if events[j] {
				d++
			}
		}
		s *= 1 - d/n
		sigma2 += d / (n * (n - d))
		sigma := math.Sqrt(sigma2)
		lo, hi := math.Exp(math.Log(s)-z*sigma), min(1, math.Exp(math.Log(s)+z*sigma))
		fmt.Fprintf(w, "  %4.0f  %4.0f %4.0f   %.4f   %.4f   %.4f   [%.3f, %.3f]\n", t, n, d, s, sigma2, s*sigma, lo, hi)
		hand = append(hand, [4]float64{s, s * sigma, lo, hi})
		if math.IsNaN(median) && s <= 0.5 {
			median = t
		}
		i = j
	}
	if len(curve.Points) != len(hand) {
		return fmt.Errorf("the curve has %d points, the hand calculation %d", len(curve.Points), len(hand))
	}
	l.Header("churn.KaplanMeierOf")
	verdict := "agree"
	for i, p := range curve.Points {
		for k, lib := range []float64{p.Survival, p.StdErr, p.Lower, p.Upper} {
			name := fmt.Sprintf("%s at t = %.0f", []string{"S", "SE", "lower", "upper"}[k], p.Time)
			if v := l.Verdict(name, hand[i][k], lib); v != "agree" {
				verdict = v
			}
		}
	}
	fmt.Fprintf(w, "  %-60s  %s\n", fmt.Sprintf("S, SE and interval at all %d times", len(hand)), verdict)
	l.Row("S(6)", hand[3][0], curve.Points[3].Survival)
	med, err := curve.Median()
	if err != nil {
		return err
	}
	l.Row("median (S <= 0.5)", median, med.Time)
	return nil
}

// sbg projects a cohort's retention with the shifted-beta-geometric model.
func sbg(l *handcheck.Ledger) error {
	w := l.W
	cohort := []int64{1000, 869, 743, 653, 593, 551, 517, 491}
	m, info, err := churn.FitSBG([][]int64{cohort}, churn.FitOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nsBG on Fader and Hardie's high-end cohort %v:\n", cohort)
	fmt.Fprintf(w, "  FitSBG gives α = %.4f, β = %.4f; with them, by hand:\n", m.Alpha, m.Beta)
	fmt.Fprintln(w, "  r_t = (β+t-1)/(α+β+t-1), S(t) = S(t-1) r_t, P(T = t) = S(t-1) - S(t)")
	fmt.Fprintln(w, "  LL = Σ (n_{t-1} - n_t) ln P(T = t) + n_7 ln S(7)")
	a, b := m.Alpha, m.Beta
	surv := []float64{1}
	var ll float64
	for t := 1; t <= 12; t++ {
		st := surv[t-1] * (b + float64(t) - 1) / (a + b + float64(t) - 1)
		if t < len(cohort) {
			ll += float64(cohort[t-1]-cohort[t]) * math.Log(surv[t-1]-st)
		}
		surv = append(surv, st)
	}
	ll += float64(cohort[len(cohort)-1]) * math.Log(surv[len(cohort)-1])
	fmt.Fprint(w, "  projected survivors of 1000 after years 8-12:")
	for t := 8; t <= 12; t++ {
		fmt.Fprintf(w, " %.0f", 1000*surv[t])
	}
	fmt.Fprintln(w)
	fmt.Fprintf(l.W, "  %-22s %12s %24s\n", "", "the paper", "churn.FitSBG")
	l.Near("α (3 decimals)", 0.668, m.Alpha, 0.0005)
	l.Near("β (3 decimals)", 3.806, m.Beta, 0.0005)
	l.Header("churn.SBG")
	l.Row("LL", ll, info.LogLik)
	for _, t := range []int{7, 12} {
		lib, err := m.Survival(t)
		if err != nil {
			return err
		}
		l.Row(fmt.Sprintf("S(%d)", t), surv[t], lib)
	}
	r12, err := m.RetentionRate(12)
	if err != nil {
		return err
	}
	l.Row("r_12", surv[12]/surv[11], r12)
	return nil
}
