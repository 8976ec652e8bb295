// Command likert works through the analysis of a small Likert instrument as
// the documentation of package likert defines it: it computes every
// quantity by hand from the formulas, prints it with its formula, and then
// checks that the library returns the same numbers.
//
//	go run ./examples/likert
//
// The instrument has four items on the five-point agreement scale, one of
// them reverse-keyed, answered by ten customers; a Mann-Whitney test then
// compares two channels' answers to one question. The program exits with an
// error if the hand calculation and the library disagree.
package main

import (
	"fmt"
	"io"
	"log"
	"math"
	"os"

	"github.com/satmetrics/satmetrics/examples/internal/handcheck"
	"github.com/satmetrics/satmetrics/likert"
)

// F quantiles for Feldt's interval with n = 10 respondents and k = 4 items,
// on (n-1, (n-1)(k-1)) = (9, 27) degrees of freedom, as a table (or R's
// qf) gives them, so that the hand calculation does not rely on the
// library's own distribution functions.
const (
	f975 = 2.6308555879228082 // qf(0.975, 9, 27)
	f025 = 0.2789826512480549 // qf(0.025, 9, 27)
)

var items = []likert.Item{
	{Name: "The agent understood my problem", Scale: likert.Agree5},
	{Name: "I got an answer quickly", Scale: likert.Agree5},
	{Name: "I had to explain my problem twice", Scale: likert.Agree5, Reverse: true},
	{Name: "I would contact support again", Scale: likert.Agree5},
}

// answers[i] are the ten respondents' answers to item i, as given.
var answers = [][]int{
	{4, 5, 3, 4, 2, 5, 4, 3, 4, 5},
	{3, 4, 4, 2, 3, 5, 4, 2, 5, 3},
	{2, 1, 4, 2, 4, 2, 3, 3, 2, 1},
	{5, 5, 3, 4, 1, 5, 4, 3, 4, 4},
}

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer) error {
	l := &handcheck.Ledger{W: w}
	fmt.Fprintln(w, "A Likert instrument, step by step (package likert)")
	for _, step := range []func(*handcheck.Ledger) error{instrument, mannWhitney} {
		if err := step(l); err != nil {
			return err
		}
	}
	return l.Err()
}

func instrument(l *handcheck.Ledger) error {
	w := l.W
	k, n := len(items), len(answers[0])
	fmt.Fprintf(w, "\n%d items on Agree5 (1 strongly disagree ... 5 strongly agree), %d respondents;\n", k, n)
	fmt.Fprintln(w, "the reverse-keyed item (R) is scored p' = low + high - p = 6 - p:")
	x, mean := make([][]float64, k), make([]float64, k) // scored answers and their means
	for i, it := range items {
		x[i] = make([]float64, n)
		for r, a := range answers[i] {
			x[i][r] = float64(a)
			if it.Reverse {
				x[i][r] = 6 - float64(a)
			}
			mean[i] += x[i][r] / float64(n)
		}
		name := it.Name
		if it.Reverse {
			name += " (R)"
		}
		fmt.Fprintf(w, "  Q%d %-38s %v", i+1, name, answers[i])
		if it.Reverse {
			fmt.Fprintf(w, " scored %v", x[i])
		}
		fmt.Fprintln(w)
	}

	tally, err := likert.NewInstrumentTally(likert.Instrument{Items: items})
	if err != nil {
		return err
	}
	row := make([]int, k)
	for r := range n {
		for i := range k {
			row[i] = answers[i][r]
		}
		if err := tally.Add(row); err != nil {
			return err
		}
	}
	rep, err := tally.Reliability().Report(likert.ReliabilityConfig{})
	if err != nil {
		return err
	}

	fmt.Fprintln(w, "\nItem summaries of the scored answers: x̄ᵢ = Σx/n, sᵢ = √(Σ(x - x̄ᵢ)²/(n - 1))")
	c := make([][]float64, k) // covariance matrix
	for i := range k {
		c[i] = make([]float64, k)
		for j := range k {
			for r := range n {
				c[i][j] += (x[i][r] - mean[i]) * (x[j][r] - mean[j])
			}
			c[i][j] /= float64(n - 1)
		}
	}
	l.Header("ReliabilityReport")
	for i := range k {
		s := rep.ItemStats[i]
		l.Pair(fmt.Sprintf("Q%d mean, sd", i+1), mean[i], math.Sqrt(c[i][i]), s.Mean, s.SD)
	}
	raw, err := tally.Item(2).Mean(0.95)
	if err != nil {
		return err
	}
	l.Header("Item(2).Mean")
	l.Row("Q3 as answered, 6 - m", 6-mean[2], raw.Value)

	fmt.Fprintln(w, "\nCovariances C_ij = Σ (x_i - x̄_i)(x_j - x̄_j)/(n - 1):")
	fmt.Fprintln(w, "            Q1      Q2      Q3      Q4")
	for i := range k {
		fmt.Fprintf(w, "  Q%d  ", i+1)
		for j := range k {
			fmt.Fprintf(w, "%8.4f", c[i][j])
		}
		fmt.Fprintln(w)
	}
	alpha, trace, total := cronbach(c, -1)
	fmt.Fprintf(w, "Σσᵢ² = tr C = %.4f; σ_X² = Σ_ij C_ij = %.4f, the variance of the total score\n", trace, total)
	fmt.Fprintf(w, "α = k/(k-1) (1 - Σσᵢ²/σ_X²) = %d/%d × (1 - %.4f/%.4f) = %.4f\n", k, k-1, trace, total, alpha)
	lo, hi := 1-(1-alpha)*f975, 1-(1-alpha)*f025
	fmt.Fprintf(w, "Feldt 95%%: [1 - (1 - α) F_0.975(9, 27), 1 - (1 - α) F_0.025(9, 27)]\n")
	fmt.Fprintf(w, "         = [1 - %.4f × %.4f, 1 - %.4f × %.4f] = [%.4f, %.4f]\n", 1-alpha, f975, 1-alpha, f025, lo, hi)
	fmt.Fprintln(w, "Alpha if dropped: the same formula on the other three items' 3×3 matrix")
	l.Header("ReliabilityReport")
	l.Row("alpha", alpha, rep.Alpha.Value)
	l.Interval("Feldt interval", lo, hi, rep.Alpha.Lower, rep.Alpha.Upper)
	for d := range k {
		dropped, _, _ := cronbach(c, d)
		l.Row(fmt.Sprintf("alpha without Q%d", d+1), dropped, rep.ItemStats[d].Dropped.Alpha)
	}
	fmt.Fprintln(w, "Without Q2 alpha rises: it is the item that measures something else (speed).")
	return nil
}

// cronbach returns Cronbach's alpha k/(k-1) (1 - Σσᵢ²/σ_X²) of the items
// whose covariance matrix is c, leaving out item drop (none if -1), with
// Σσᵢ² = tr C and σ_X² = Σ_ij C_ij.
func cronbach(c [][]float64, drop int) (alpha, trace, total float64) {
	k := float64(len(c))
	if drop >= 0 {
		k--
	}
	for i := range c {
		for j := range c {
			if i != drop && j != drop {
				total += c[i][j]
			}
		}
		if i != drop {
			trace += c[i][i]
		}
	}
	return k / (k - 1) * (1 - trace/total), trace, total
}

// mannWhitney compares two channels' answers to one question.
func mannWhitney(l *handcheck.Ledger) error {
	w := l.W
	chat := []float64{5, 4, 4, 3, 5, 4, 2, 4, 5}
	phone := []float64{3, 2, 4, 3, 1, 3, 4, 2}
	fmt.Fprintf(w, "\nMann-Whitney test of \"I would contact support again\" by channel:\n")
	fmt.Fprintf(w, "  chat %v, phone %v\n", chat, phone)
	all := append(append([]float64{}, chat...), phone...)
	count := map[float64]float64{} // the size t of each group of tied values
	for _, v := range all {
		count[v]++
	}
	var r1, ties float64
	for _, t := range count {
		ties += t*t*t - t
	}
	for _, v := range chat {
		var below float64
		for _, u := range all {
			if u < v {
				below++
			}
		}
		r1 += below + (count[v]+1)/2 // the midrank of v
	}
	n1, n2 := float64(len(chat)), float64(len(phone))
	nn := n1 + n2
	u := r1 - n1*(n1+1)/2
	sigma := math.Sqrt(n1 * n2 / 12 * ((nn + 1) - ties/(nn*(nn-1))))
	dev := u - n1*n2/2
	zs := (dev - math.Copysign(0.5, dev)) / sigma
	p := math.Erfc(math.Abs(zs) / math.Sqrt2)
	fmt.Fprintf(w, "  midranks of the %0.f values: R₁ (chat) = %.1f; Σ(t³ - t) over tied groups = %.0f\n", nn, r1, ties)
	fmt.Fprintf(w, "  U = R₁ - n₁(n₁+1)/2 = %.1f, σ² = n₁n₂/12 ((N+1) - Σ(t³-t)/(N(N-1))) = %.4f\n", u, sigma*sigma)
	fmt.Fprintf(w, "  z = (U - n₁n₂/2 - ½ sign) / σ = %.4f, p = 2 (1 - Φ(|z|)) = %.4f\n", zs, p)
	fmt.Fprintln(w, "  (with ties R's wilcox.test, and the library, use this normal approximation)")
	res, err := likert.MannWhitney{}.Test(chat, phone)
	if err != nil {
		return err
	}
	l.Header("MannWhitney.Test")
	l.Row("U", u, res.U)
	l.Row("z", zs, res.Z)
	l.Row("p", p, res.P)
	l.Row("r = 2U/(n₁n₂) - 1", 2*u/(n1*n2)-1, res.RankBiserial)
	if res.Method != "normal" {
		l.Fail("Mann-Whitney method " + res.Method)
	}
	return nil
}
