// Command ces works through the Customer Effort Score as the documentation
// of package ces defines it: it computes every quantity by hand from the
// formulas, prints it with its formula, and then checks that the library
// returns the same numbers.
//
//	go run ./examples/ces
//
// The data are twenty CES 2.0 answers ("The company made it easy for me to
// handle my issue", 1 strongly disagree to 7 strongly agree) and fifteen
// answers on the older 1-5 effort scale, where lower is easier. The program
// exits with an error if the hand calculation and the library disagree.
package main

import (
	"errors"
	"fmt"
	"io"
	"log"
	"math"
	"os"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/examples/internal/handcheck"
)

// Quantiles for the hand calculation, as a table (or R) gives them, so that
// it does not rely on the library's own distribution functions.
const (
	z   = 1.959963984540054 // Φ⁻¹(0.975): qnorm(0.975)
	t19 = 2.093024054408309 // t_{0.975, 19}: qt(0.975, 19)
	t14 = 2.144786687917804 // t_{0.975, 14}: qt(0.975, 14)
)

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer) error {
	l := &handcheck.Ledger{W: w}
	fmt.Fprintln(w, "Customer Effort Score, step by step (package ces)")
	if err := agree7(l); err != nil {
		return err
	}
	if err := effort5(l); err != nil {
		return err
	}
	return l.Err()
}

// agree7 scores twenty CES 2.0 answers.
func agree7(l *handcheck.Ledger) error {
	w := l.W
	answers := []ces.Rating{7, 6, 6, 5, 7, 4, 6, 5, 3, 7, 6, 2, 5, 6, 7, 4, 5, 6, 1, 6}
	fmt.Fprintf(w, "\nCES 2.0 (Agree7, higher is easier): %v\n", answers)
	mean, sd, n := meanSD(answers)
	half := t19 * sd / math.Sqrt(n)
	fmt.Fprintf(w, "  CES = r̄ = Σr/n = %.4f, s = √(Σ(r - r̄)²/(n - 1)) = %.4f, n = %.0f\n", mean, sd, n)
	fmt.Fprintf(w, "  r̄ ± t_{0.975, 19} s/√n = %.4f ± %.4f × %.4f = [%.4f, %.4f]\n", mean, t19, sd/math.Sqrt(n), mean-half, mean+half)

	var easy, neutral, difficult float64
	for _, r := range answers {
		switch {
		case r >= 5:
			easy++
		case r == 4:
			neutral++
		default:
			difficult++
		}
	}
	pe, pd := easy/n, difficult/n
	fmt.Fprintf(w, "  easy (5-7) %.0f, neutral (4) %.0f, difficult (1-3) %.0f: p_e = %.2f, p_d = %.2f\n", easy, neutral, difficult, pe, pd)
	den := 1 + z*z/n
	centre := (pe + z*z/(2*n)) / den
	wh := z * math.Sqrt(pe*(1-pe)/n+z*z/(4*n*n)) / den
	fmt.Fprintf(w, "  Easy = 100 p_e = %.1f, Wilson: (p + z²/2n ± z √(pq/n + z²/4n²)) / (1 + z²/n) = [%.2f, %.2f]\n", 100*pe, 100*(centre-wh), 100*(centre+wh))
	fmt.Fprintf(w, "  Difficult = 100 p_d = %.1f\n", 100*pd)
	d := pe - pd
	se := 100 * math.Sqrt(((pe+pd)-d*d)/n)
	net := 100 * d
	fmt.Fprintf(w, "  NetEase = 100 (p_e - p_d) = %.1f, SE = 100 √(((p_e + p_d) - (p_e - p_d)²)/n) = %.2f\n", net, se)
	fmt.Fprintf(w, "  Wald: NetEase ± z SE = [%.2f, %.2f]\n", max(-100, net-z*se), min(100, net+z*se))

	var t ces.Tally // the zero Tally is on the Agree7 scale
	if err := t.AddAll(answers); err != nil {
		return err
	}
	c, err1 := t.CES(0.95)
	e, err2 := t.Easy(0.95)
	df, err3 := t.Difficult(0.95)
	ne, err4 := t.NetEase(0.95)
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return err
	}
	l.Header("ces.Tally")
	l.Row("CES", mean, c.Value)
	l.Interval("CES t interval", mean-half, mean+half, c.Lower, c.Upper)
	l.Row("Easy", 100*pe, e.Value)
	l.Interval("Easy Wilson", 100*(centre-wh), 100*(centre+wh), e.Lower, e.Upper)
	l.Row("Difficult", 100*pd, df.Value)
	l.Row("NetEase", net, ne.Value)
	l.Row("NetEase SE", se, ne.StdErr)
	l.Interval("NetEase Wald", max(-100, net-z*se), min(100, net+z*se), ne.Lower, ne.Upper)
	return nil
}

// effort5 scores fifteen answers on the original effort scale and shows
// what its Direction means.
func effort5(l *handcheck.Ledger) error {
	w := l.W
	answers := []ces.Rating{1, 2, 2, 1, 3, 2, 4, 1, 2, 5, 2, 3, 1, 2, 2}
	fmt.Fprintf(w, "\nOriginal CES (Effort5, 1 very low to 5 very high effort): %v\n", answers)
	mean, sd, n := meanSD(answers)
	half := t14 * sd / math.Sqrt(n)
	fmt.Fprintf(w, "  CES = r̄ = %.4f, s = %.4f, r̄ ± t_{0.975, 14} s/√n = [%.4f, %.4f]\n", mean, sd, mean-half, mean+half)
	var easy float64
	for _, r := range answers {
		if r <= 2 {
			easy++
		}
	}
	fmt.Fprintf(w, "  easy (1-2) = %.0f of %.0f: Easy = %.1f%% (percent easy is higher-is-better on every scale)\n", easy, n, 100*easy/n)

	t, err := ces.NewTally(ces.Effort5)
	if err != nil {
		return err
	}
	if err := t.AddAll(answers); err != nil {
		return err
	}
	c, err1 := t.CES(0.95)
	e, err2 := t.Easy(0.95)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	l.Header("ces.Tally")
	l.Row("CES", mean, c.Value)
	l.Interval("CES t interval", mean-half, mean+half, c.Lower, c.Upper)
	l.Row("Easy", 100*easy/n, e.Value)

	dir := t.Direction()
	last := 2.5 // last quarter's mean effort
	fmt.Fprintf(w, "  The mean effort is %v: from last quarter's %.2f to %.2f the\n", dir, last, mean)
	fmt.Fprintf(w, "  improvement is from - to = %.2f (positive is better), and Better(%.2f, %.2f) = %v\n",
		last-mean, mean, last, dir.Better(c.Value, last))
	l.Header("satmetrics.Direction")
	l.Row("Improvement", last-mean, dir.Improvement(last, c.Value))
	if dir != satmetrics.LowerIsBetter || !dir.Better(c.Value, last) {
		l.Fail("Effort5 direction")
	}
	return nil
}

// meanSD returns the mean, the standard deviation (n - 1 denominator) and
// the number of ratings.
func meanSD(rs []ces.Rating) (mean, sd, n float64) {
	n = float64(len(rs))
	for _, r := range rs {
		mean += float64(r)
	}
	mean /= n
	var ss float64
	for _, r := range rs {
		ss += (float64(r) - mean) * (float64(r) - mean)
	}
	return mean, math.Sqrt(ss / (n - 1)), n
}
