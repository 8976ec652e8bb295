// Command weights works through survey weighting as the documentation of
// package satmetrics defines it: it computes every quantity by hand from
// the formulas, prints it with its formula, and then checks that the
// library returns the same numbers.
//
//	go run ./examples/weights
//
// Ten customers answered the NPS question; the enterprise plan, a tenth of
// the customer base, gave three of the ten answers. Post-stratification to
// the plan mix of the base (60% basic, 30% pro, 10% enterprise) corrects
// that, at a price that Kish's effective sample size measures. The program
// exits with an error if the hand calculation and the library disagree.
package main

import (
	"fmt"
	"io"
	"log"
	"math"
	"os"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/examples/internal/handcheck"
	"github.com/satmetrics/satmetrics/nps"
)

type respondent struct {
	plan  string
	score nps.Score
}

var respondents = []respondent{
	{"basic", 9}, {"basic", 6}, {"basic", 3},
	{"pro", 10}, {"pro", 9}, {"pro", 7}, {"pro", 4},
	{"enterprise", 10}, {"enterprise", 9}, {"enterprise", 9},
}

var (
	plans = []string{"basic", "pro", "enterprise"}
	mix   = map[string]float64{"basic": 0.60, "pro": 0.30, "enterprise": 0.10}
)

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer) error {
	l := &handcheck.Ledger{W: w}
	fmt.Fprintln(w, "Survey weights, step by step (package satmetrics)")
	n := float64(len(respondents))
	labels := make([]string, len(respondents))
	code := make([]float64, len(respondents)) // +100 promoter, 0 passive, -100 detractor
	count := map[string]float64{}
	fmt.Fprintln(w, "\nTen NPS answers by plan (code: +100 promoter, 0 passive, -100 detractor):")
	for i, r := range respondents {
		labels[i] = r.plan
		count[r.plan]++
		switch {
		case r.score >= 9:
			code[i] = 100
		case r.score <= 6:
			code[i] = -100
		}
	}
	for _, p := range plans {
		fmt.Fprintf(w, "  %-10s", p)
		for i, r := range respondents {
			if r.plan == p {
				fmt.Fprintf(w, "  %2d (%4s)", r.score, map[float64]string{100: "+100", 0: "0", -100: "-100"}[code[i]])
			}
		}
		fmt.Fprintln(w)
	}

	fmt.Fprintln(w, "\nPost-stratification to the plan mix, weights summing to n = 10:")
	fmt.Fprintln(w, "  w_i = N_h / n_h for respondent i in plan h, with N_h = n π_h")
	fmt.Fprintln(w, "  plan        n_h   sample   π_h     N_h    w_i")
	weight := map[string]float64{}
	for _, p := range plans {
		nh := mix[p] * n
		weight[p] = nh / count[p]
		fmt.Fprintf(w, "  %-10s %4.0f   %5.0f%%   %3.0f%%  %5.1f  %5.3f\n", p, count[p], 100*count[p]/n, 100*mix[p], nh, weight[p])
	}
	cal, err := satmetrics.PostStratify(satmetrics.Classification{Name: "plan", Labels: labels, Population: mix},
		nil, satmetrics.Calibration{Total: n})
	if err != nil {
		return err
	}
	l.Header("satmetrics.PostStratify")
	var sumW, sumW2 float64
	for i, r := range respondents {
		wi := weight[r.plan]
		sumW += wi
		sumW2 += wi * wi
		if i == 0 || respondents[i-1].plan != r.plan {
			l.Row("w_i, "+r.plan, wi, cal.Weights[i])
		}
		l.Verdict(fmt.Sprintf("weight %d", i+1), wi, cal.Weights[i])
	}

	neff, deff := sumW*sumW/sumW2, n*sumW2/(sumW*sumW)
	fmt.Fprintf(w, "\nKish: Σw = %.4f, Σw² = %.4f\n", sumW, sumW2)
	fmt.Fprintf(w, "  n_eff = (Σw)²/Σw² = %.4f, deff = n Σw²/(Σw)² = n/n_eff = %.4f\n", neff, deff)
	l.Header("Calibrated")
	l.Row("n_eff", neff, cal.EffectiveN)
	l.Row("deff", deff, cal.DesignEffect)
	l.Header("EffectiveN, DesignEffect")
	l.Row("n_eff from the sums", neff, satmetrics.EffectiveN(sumW, sumW2))
	l.Row("deff from the sums", deff, satmetrics.DesignEffect(int64(n), sumW, sumW2))

	var pro, det, wPro, wDet float64
	for i, r := range respondents {
		switch code[i] {
		case 100:
			pro, wPro = pro+1, wPro+weight[r.plan]
		case -100:
			det, wDet = det+1, wDet+weight[r.plan]
		}
	}
	raw, weighted := 100*(pro-det)/n, 100*(wPro-wDet)/sumW
	fmt.Fprintf(w, "\nNPS = 100 (p₊ - p₋): unweighted 100 (%.0f - %.0f)/%.0f = %.1f;\n", pro, det, n, raw)
	fmt.Fprintf(w, "  weighted, p₊ = Σw over promoters / Σw: 100 (%.3f - %.3f)/%.0f = %.1f\n", wPro, wDet, sumW, weighted)
	fmt.Fprintln(w, "  (the happy enterprise customers are 30% of the answers but 10% of the base)")
	var t nps.Tally
	for i, r := range respondents {
		if err := t.AddWeighted(r.score, cal.Weights[i]); err != nil {
			return err
		}
	}
	e, err := t.NPS(0.95)
	if err != nil {
		return err
	}
	l.Header("nps.Tally.AddWeighted")
	l.Row("weighted NPS", weighted, e.Value)
	l.Row("its n_eff", neff, e.EffectiveN)

	// The standard error of the post-stratified mean of the codes.
	mean := map[string]float64{}
	for i, r := range respondents {
		mean[r.plan] += code[i] / count[r.plan]
	}
	z := make([]float64, len(respondents))
	var zbar float64
	for i, r := range respondents {
		z[i] = weight[r.plan] * (code[i] - mean[r.plan]) / sumW
		zbar += z[i] / n
	}
	var ss float64
	for _, zi := range z {
		ss += (zi - zbar) * (zi - zbar)
	}
	se := math.Sqrt(n / (n - 1) * ss)
	fmt.Fprintln(w, "\nIts standard error, with the residuals from each plan's mean ȳ_h:")
	fmt.Fprintf(w, "  ȳ_h = %.2f (basic), %.2f (pro), %.2f (enterprise)\n", mean["basic"], mean["pro"], mean["enterprise"])
	fmt.Fprintln(w, "  z_i = w_i (y_i - ȳ_h)/Σw, se = √(n/(n-1) Σ (z_i - z̄)²)")
	fmt.Fprintf(w, "    = √(%.0f/%.0f × %.2f) = %.4f NPS points\n", n, n-1, ss, se)
	m, err := cal.Mean(code, 0.95)
	if err != nil {
		return err
	}
	l.Header("Calibrated.Mean")
	l.Row("mean of the codes", weighted, m.Value)
	l.Row("se", se, m.StdErr)
	return l.Err()
}
