// Command csat works through Customer Satisfaction as the documentation of
// package csat defines it: it computes every quantity by hand from the
// formulas, prints it with its formula, and then checks that the library
// returns the same numbers.
//
//	go run ./examples/csat
//
// The data are the documentation's example, 112 answers on the 1-5 scale of
// which 30 are 4 and 50 are 5, with the other 32 spread over 1 to 3. The
// program exits with an error if the hand calculation and the library
// disagree.
package main

import (
	"fmt"
	"io"
	"log"
	"math"
	"os"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/examples/internal/handcheck"
)

// Quantiles for the hand calculation, as a table (or R) gives them, so that
// it does not rely on the library's own distribution functions.
const (
	z    = 1.959963984540054 // Φ⁻¹(0.975): qnorm(0.975)
	t111 = 1.981566757074901 // t_{0.975, 111}: qt(0.975, 111)

	// Beta quantiles for x = 80 satisfied of n = 112 at 95%.
	cpLower = 0.6212225256847147 // B(0.025; x, n-x+1): qbeta(0.025, 80, 33)
	cpUpper = 0.7956702712090475 // B(0.975; x+1, n-x): qbeta(0.975, 81, 32)
	jLower  = 0.6259513540630790 // B(0.025; x+½, n-x+½): qbeta(0.025, 80.5, 32.5)
	jUpper  = 0.7917074128968706 // B(0.975; x+½, n-x+½): qbeta(0.975, 80.5, 32.5)
)

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer) error {
	l := &handcheck.Ledger{W: w}
	fmt.Fprintln(w, "Customer Satisfaction, step by step (package csat)")
	// The number of answers of each rating from 1 to 5.
	counts := [6]int64{1: 6, 2: 9, 3: 17, 4: 30, 5: 50}
	var t csat.Tally // the zero Tally is on the Five scale
	for r := csat.Rating(1); r <= 5; r++ {
		if err := t.AddN(r, counts[r]); err != nil {
			return err
		}
	}

	fmt.Fprintln(w, "\nAnswers on the 1-5 scale (satisfied: 4 and 5, the top two boxes)")
	var n, x, sum float64
	for r := 1; r <= 5; r++ {
		c := float64(counts[r])
		fmt.Fprintf(w, "  %d %-35s %3.0f\n", r, csat.Five.Label(csat.Rating(r)), c)
		n += c
		sum += c * float64(r)
		if r >= 4 {
			x += c
		}
	}
	p, q := x/n, 1-x/n
	score, se := 100*p, 100*math.Sqrt(p*q/n)
	fmt.Fprintf(w, "x = %.0f satisfied of n = %.0f, p = x/n = %.4f\n", x, n, p)
	fmt.Fprintf(w, "CSAT = 100 x/n = %.2f, SE = 100 √(p (1 - p)/n) = %.2f\n", score, se)

	e, err := t.CSAT(0.95)
	if err != nil {
		return err
	}
	l.Header("csat.Tally.CSAT")
	l.Row("CSAT", score, e.Value)
	l.Row("SE", se, e.StdErr)

	fmt.Fprintf(w, "\n95%% intervals for the percent satisfied, z = %.6f (in percent below):\n", z)
	den := 1 + z*z/n
	centre := (p + z*z/(2*n)) / den
	half := z * math.Sqrt(p*q/n+z*z/(4*n*n)) / den
	fmt.Fprintf(w, "  Wilson: (p + z²/2n ± z √(pq/n + z²/4n²)) / (1 + z²/n) = %.4f ± %.4f\n", centre, half)
	nt := n + z*z
	pt := (x + z*z/2) / nt
	acHalf := z * math.Sqrt(pt*(1-pt)/nt)
	fmt.Fprintf(w, "  Agresti-Coull: ñ = n + z² = %.3f, p̃ = (x + z²/2)/ñ = %.4f, p̃ ± z √(p̃(1-p̃)/ñ)\n", nt, pt)
	fmt.Fprintln(w, "  Clopper-Pearson, Jeffreys: beta quantiles from a table (R's qbeta)")
	fmt.Fprintln(w, "  Wald: p ± z √(pq/n)")
	waldHalf := z * math.Sqrt(p*q/n)
	hand := map[satmetrics.ProportionMethod][2]float64{
		satmetrics.Wilson:         {centre - half, centre + half},
		satmetrics.AgrestiCoull:   {pt - acHalf, pt + acHalf},
		satmetrics.ClopperPearson: {cpLower, cpUpper},
		satmetrics.Jeffreys:       {jLower, jUpper},
		satmetrics.Wald:           {p - waldHalf, p + waldHalf},
	}
	l.Header("csat.Tally.CSATWith")
	for _, m := range []satmetrics.ProportionMethod{satmetrics.Wilson, satmetrics.AgrestiCoull, satmetrics.ClopperPearson, satmetrics.Jeffreys, satmetrics.Wald} {
		e, err := t.CSATWith(csat.Options{Method: m})
		if err != nil {
			return err
		}
		h := hand[m]
		l.Interval(m.String(), 100*h[0], 100*h[1], e.Lower, e.Upper)
	}

	fmt.Fprintln(w, "\nMean rating and its t interval:")
	mean := sum / n
	var ss float64
	for r := 1; r <= 5; r++ {
		d := float64(r) - mean
		ss += float64(counts[r]) * d * d
	}
	sd := math.Sqrt(ss / (n - 1))
	tHalf := t111 * sd / math.Sqrt(n)
	fmt.Fprintf(w, "  r̄ = Σr/n = %.0f/%.0f = %.4f, s = √(Σ(r - r̄)²/(n - 1)) = √(%.4f/%.0f) = %.4f\n", sum, n, mean, ss, n-1, sd)
	fmt.Fprintf(w, "  r̄ ± t_{0.975, %.0f} s/√n = %.4f ± %.4f × %.4f = [%.4f, %.4f]\n", n-1, mean, t111, sd/math.Sqrt(n), mean-tHalf, mean+tHalf)
	m, err := t.Mean(0.95)
	if err != nil {
		return err
	}
	l.Header("csat.Tally.Mean")
	l.Row("mean", mean, m.Value)
	l.Row("SE = s/√n", sd/math.Sqrt(n), m.StdErr)
	l.Interval("t interval", mean-tHalf, mean+tHalf, m.Lower, m.Upper)

	fmt.Fprintln(w, "\nSample size for ±5 points at 95% around an expected 70%:")
	need := math.Ceil(z * z * 0.7 * 0.3 / (0.05 * 0.05))
	fmt.Fprintf(w, "  n = ⌈z² p(1-p)/E²⌉ = ⌈%.2f⌉ = %.0f\n", z*z*0.7*0.3/(0.05*0.05), need)
	lib, err := csat.SampleSize(70, 5, 0.95)
	if err != nil {
		return err
	}
	l.Header("csat.SampleSize")
	l.Rowf("n", need, float64(lib), 0)
	return l.Err()
}
