// Command nps works through the Net Promoter Score as the documentation of
// package nps defines it: it computes every quantity by hand from the
// formulas, prints it with its formula, and then checks that the library
// returns the same numbers.
//
//	go run ./examples/nps
//
// The first data set is the six answers 0, 7, 7, 9, 9, 9 of the R package
// NPS's example; the second compares two support channels; the last plans a
// sample size. The program exits with an error if the hand calculation and
// the library disagree.
package main

import (
	"errors"
	"fmt"
	"io"
	"log"
	"math"
	"os"

	"github.com/satmetrics/satmetrics/examples/internal/handcheck"
	"github.com/satmetrics/satmetrics/nps"
)

// z is the two-sided 95% normal critical value Φ⁻¹(0.975), as a table (or R's
// qnorm(0.975)) gives it. The hand calculation takes it from here rather than
// from the library.
const z = 1.959963984540054

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer) error {
	l := &handcheck.Ledger{W: w}
	fmt.Fprintln(w, "Net Promoter Score, step by step (package nps)")
	answers := []nps.Score{0, 7, 7, 9, 9, 9}
	if err := oneGroup(l, answers); err != nil {
		return err
	}
	if err := twoGroups(l); err != nil {
		return err
	}
	if err := sampleSize(l); err != nil {
		return err
	}
	return l.Err()
}

// oneGroup computes the NPS of a handful of answers, its standard error and
// its Wald and adjusted-Wald intervals.
func oneGroup(l *handcheck.Ledger, answers []nps.Score) error {
	w := l.W
	var nMinus, nZero, nPlus float64
	for _, s := range answers {
		switch {
		case s <= 6:
			nMinus++
		case s <= 8:
			nZero++
		default:
			nPlus++
		}
	}
	n := nMinus + nZero + nPlus
	pPlus, pMinus := nPlus/n, nMinus/n
	fmt.Fprintf(w, "\nAnswers: %v, n = %.0f\n", answers, n)
	fmt.Fprintf(w, "  detractors (0-6)  n₋ = %.0f   p₋ = n₋/n = %.4f\n", nMinus, pMinus)
	fmt.Fprintf(w, "  passives (7-8)    n₀ = %.0f\n", nZero)
	fmt.Fprintf(w, "  promoters (9-10)  n₊ = %.0f   p₊ = n₊/n = %.4f\n", nPlus, pPlus)

	d := pPlus - pMinus
	score := 100 * d
	v := (pPlus + pMinus) - d*d
	se := 100 * math.Sqrt(v/n)
	fmt.Fprintf(w, "NPS = 100 (p₊ - p₋)            = 100 (%.4f - %.4f) = %.2f\n", pPlus, pMinus, score)
	fmt.Fprintf(w, "Var = (p₊ + p₋) - (p₊ - p₋)²   = %.4f - %.4f = %.4f\n", pPlus+pMinus, d*d, v)
	fmt.Fprintf(w, "SE  = 100 √(Var/n)             = 100 √(%.4f/%.0f) = %.2f\n", v, n, se)

	fmt.Fprintf(w, "95%% intervals, z = Φ⁻¹(0.975) = %.6f, clipped to [-100, 100]:\n", z)
	waldLo, waldHi := clip(score-z*se), clip(score+z*se)
	fmt.Fprintf(w, "  Wald:          100 (d ± z √(Var/n)) = %.2f ± %.2f = [%.2f, %.2f]\n", score, z*se, waldLo, waldHi)
	n2 := n + 3
	pPlus2, pMinus2 := (nPlus+0.75)/n2, (nMinus+0.75)/n2
	d2 := pPlus2 - pMinus2
	v2 := (pPlus2 + pMinus2) - d2*d2
	half2 := 100 * z * math.Sqrt(v2/n2)
	adjLo, adjHi := clip(100*d2-half2), clip(100*d2+half2)
	fmt.Fprintf(w, "  adjusted Wald: n' = n + 3 = %.0f, with 3/4 promoter, 3/2 passive, 3/4 detractor added:\n", n2)
	fmt.Fprintf(w, "                 p₊' = (n₊ + 3/4)/n' = %.4f, p₋' = (n₋ + 3/4)/n' = %.4f\n", pPlus2, pMinus2)
	fmt.Fprintf(w, "                 d' = %.4f, Var' = (p₊' + p₋') - d'² = %.4f\n", d2, v2)
	fmt.Fprintf(w, "                 100 (d' ± z √(Var'/n')) = %.2f ± %.2f = [%.2f, %.2f]\n", 100*d2, half2, adjLo, adjHi)

	var t nps.Tally
	if err := t.AddAll(answers); err != nil {
		return err
	}
	cats, err1 := t.Categories()
	wald, err2 := t.NPSWith(nps.Options{Method: nps.Wald})
	adj, err3 := t.NPS(0.95) // the default method, adjusted Wald
	if err := errors.Join(err1, err2, err3); err != nil {
		return err
	}
	l.Header("nps.Tally")
	l.Row("promoters %", 100*pPlus, cats.Promoters.Percent)
	l.Row("detractors %", 100*pMinus, cats.Detractors.Percent)
	l.Row("NPS", score, adj.Value)
	l.Row("Var", v, nps.Variance(cats.Promoters.Percent/100, cats.Detractors.Percent/100))
	l.Row("SE", se, adj.StdErr)
	l.Interval("Wald", waldLo, waldHi, wald.Lower, wald.Upper)
	l.Interval("adjusted Wald", adjLo, adjHi, adj.Lower, adj.Upper)
	return nil
}

// twoGroups compares the NPS of two channels by the Wald method.
func twoGroups(l *handcheck.Ledger) error {
	w := l.W
	type group struct {
		name                      string
		promoters, passives, dets int64
	}
	a, b := group{"email", 54, 40, 26}, group{"chat", 30, 30, 30}
	fmt.Fprintf(w, "\nTwo channels, A = %s (%d promoters, %d passives, %d detractors)\n", a.name, a.promoters, a.passives, a.dets)
	fmt.Fprintf(w, "         and B = %s (%d, %d, %d):\n", b.name, b.promoters, b.passives, b.dets)
	var nps2, vn [2]float64
	for i, g := range []group{a, b} {
		n := float64(g.promoters + g.passives + g.dets)
		pp, pm := float64(g.promoters)/n, float64(g.dets)/n
		nps2[i] = pp - pm
		vn[i] = ((pp + pm) - (pp-pm)*(pp-pm)) / n
		fmt.Fprintf(w, "  %-5s n = %3.0f  NPS = %6.2f  Var/n = %.6f\n", g.name, n, 100*nps2[i], vn[i])
	}
	diff := 100 * (nps2[0] - nps2[1])
	se := 100 * math.Sqrt(vn[0]+vn[1])
	zs := diff / se
	p := math.Erfc(math.Abs(zs) / math.Sqrt2) // 2 (1 - Φ(|z|))
	fmt.Fprintf(w, "d = NPS_A - NPS_B = %.2f, se = 100 √(Var_A/n_A + Var_B/n_B) = %.2f\n", diff, se)
	fmt.Fprintf(w, "z = d/se = %.3f, P = 2 (1 - Φ(|z|)) = %.4f, interval d ± z se = [%.2f, %.2f]\n", zs, p, diff-z*se, diff+z*se)

	ta, err1 := tally(a.promoters, a.passives, a.dets)
	tb, err2 := tally(b.promoters, b.passives, b.dets)
	c, err3 := nps.CompareWith(&ta, &tb, nps.Options{Method: nps.Wald})
	if err := errors.Join(err1, err2, err3); err != nil {
		return err
	}
	l.Header("nps.CompareWith")
	l.Row("difference", diff, c.Difference)
	l.Row("se", se, c.StdErr)
	l.Row("z", zs, c.Statistic)
	l.Row("P", p, c.P)
	l.Interval("interval", diff-z*se, diff+z*se, c.Lower, c.Upper)
	return nil
}

// sampleSize plans a survey for a margin of error of ±5 points.
func sampleSize(l *handcheck.Ledger) error {
	w := l.W
	pPlus, pMinus, margin := 0.50, 0.20, 5.0
	v := (pPlus + pMinus) - (pPlus-pMinus)*(pPlus-pMinus)
	exact := z * z * v / (margin / 100 * margin / 100)
	n := math.Ceil(exact)
	fmt.Fprintf(w, "\nSample size for ±%.0f points at 95%% with 50%% promoters and 20%% detractors:\n", margin)
	fmt.Fprintf(w, "  Var = %.2f - %.2f = %.2f, n = ⌈z² Var / E²⌉ = ⌈%.2f⌉ = %.0f\n", pPlus+pMinus, (pPlus-pMinus)*(pPlus-pMinus), v, exact, n)
	lib, err := nps.SampleSize(100*pPlus, 100*pMinus, margin, 0.95)
	if err != nil {
		return err
	}
	l.Header("nps.SampleSize")
	l.Rowf("n", n, float64(lib), 0)
	return nil
}

// tally returns a tally of the given numbers of promoters (scored 10),
// passives (8) and detractors (3).
func tally(promoters, passives, detractors int64) (nps.Tally, error) {
	var t nps.Tally
	for _, c := range []struct {
		s nps.Score
		n int64
	}{{10, promoters}, {8, passives}, {3, detractors}} {
		if err := t.AddN(c.s, c.n); err != nil {
			return t, err
		}
	}
	return t, nil
}

func clip(x float64) float64 { return max(-100, min(100, x)) }
