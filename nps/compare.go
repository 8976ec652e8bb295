package nps

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/satmetrics/satmetrics"
)

// Compare compares the NPS of two tallies, A minus B, keeping the sign:
// shorthand for CompareWith(a, b, Options{Level: level}), an adjusted-Wald
// comparison.
func Compare(a, b *Tally, level float64) (satmetrics.Comparison, error) {
	if err := satmetrics.CheckLevel(level); err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("nps: %w", err)
	}
	return CompareWith(a, b, Options{Level: level})
}

// CompareWith compares the NPS of two independent groups, A and B, by the
// method of o. The Difference is NPS_A - NPS_B in NPS points, with its sign.
//
// Wald: with each group's variance Var and size n (see Variance),
//
//	d  = NPS_A - NPS_B
//	se = √(Var_A/n_A + Var_B/n_B)
//	z  = d / se,  P = 2 (1 - Φ(|z|)),  interval d ± z_{1-α/2} se.
//
// AdjustedWald: the same after adding 3/4 promoter, 3/2 passive and 3/4
// detractor to each group; Statistic, StdErr, P and the interval come from
// the adjusted groups, Difference is the observed one.
//
// Bootstrap: o.Resamples pairs of multinomial resamples, one from each
// group's shares; the interval is the percentile interval of the resampled
// differences, StdErr their standard deviation, Statistic d / StdErr, and P
// twice the smaller share of resampled differences on either side of 0
// (at least 1/Resamples).
//
// Intervals are clipped to [-200, 200]. Weighted tallies use their
// weighted shares and Kish effective sample sizes. The tallies must have the
// same breaks (an error wrapping satmetrics.ErrIncompatible otherwise); an
// empty tally is an error wrapping satmetrics.ErrNoData, and a Wald
// comparison of two groups without spread (both all promoters, say) one
// wrapping satmetrics.ErrUndefined.
func CompareWith(a, b *Tally, o Options) (satmetrics.Comparison, error) {
	if a.breaks != b.breaks && !a.empty() && !b.empty() {
		return satmetrics.Comparison{}, fmt.Errorf("nps: compare tallies with breaks %v and %v: %w", a.Breaks(), b.Breaks(), satmetrics.ErrIncompatible)
	}
	o, err := o.resolve()
	if err != nil {
		return satmetrics.Comparison{}, err
	}
	detA, pasA, proA, err := a.effective()
	if err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("nps: compare: A: %w", err)
	}
	detB, pasB, proB, err := b.effective()
	if err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("nps: compare: B: %w", err)
	}
	nA, nB := proA+pasA+detA, proB+pasB+detB
	d := (proA-detA)/nA - (proB-detB)/nB
	var c satmetrics.Comparison
	switch o.Method {
	case Wald:
		c, err = zCompare(d, proA, detA, nA, proB, detB, nB, o.Level, Wald)
	case AdjustedWald:
		c, err = zCompare(d, proA+0.75, detA+0.75, nA+3, proB+0.75, detB+0.75, nB+3, o.Level, AdjustedWald)
	case Bootstrap:
		c, err = bootCompare(d, proA/nA, detA/nA, nA, proB/nB, detB/nB, nB, o)
	}
	if err != nil {
		return satmetrics.Comparison{}, err
	}
	c.Difference *= 100
	c.StdErr *= 100
	c.Lower = max(100*c.Lower, -200)
	c.Upper = min(100*c.Upper, 200)
	return c, nil
}

// zCompare compares on the -1 to 1 scale from (possibly adjusted) counts;
// d is the observed difference, reported as is.
func zCompare(d, proA, detA, nA, proB, detB, nB, level float64, m Method) (satmetrics.Comparison, error) {
	se := math.Sqrt(Variance(proA/nA, detA/nA)/nA + Variance(proB/nB, detB/nB)/nB)
	dAdj := (proA-detA)/nA - (proB-detB)/nB
	c, err := satmetrics.ZComparison(dAdj, se, level, m.String())
	if err != nil {
		return satmetrics.Comparison{}, fmt.Errorf("nps: compare: %w", err)
	}
	c.Difference = d
	return c, nil
}

func bootCompare(d, pProA, pDetA, nA, pProB, pDetB, nB float64, o Options) (satmetrics.Comparison, error) {
	r := rand.New(rand.NewPCG(o.Seed, 0x5EED_0F_C0DE))
	mA, mB := bootstrapN(nA), bootstrapN(nB)
	xs := make([]float64, o.Resamples)
	var below, above int
	var sum, sum2 float64
	for i := range xs {
		x := resample(r, mA, pProA, pDetA) - resample(r, mB, pProB, pDetB)
		xs[i] = x
		sum += x
		if x <= 0 {
			below++
		}
		if x >= 0 {
			above++
		}
	}
	mean := sum / float64(len(xs))
	for _, x := range xs {
		sum2 += (x - mean) * (x - mean)
	}
	sd := math.Sqrt(sum2 / float64(max(len(xs)-1, 1)))
	if sd == 0 {
		return satmetrics.Comparison{}, fmt.Errorf("nps: compare: bootstrap differences have no spread: %w", satmetrics.ErrUndefined)
	}
	lo, hi := percentiles(xs, o.Level)
	p := min(1, max(2*float64(min(below, above))/float64(len(xs)), 1/float64(len(xs))))
	return satmetrics.Comparison{
		Difference: d,
		StdErr:     sd,
		Interval:   satmetrics.Interval{Lower: lo, Upper: hi, Level: o.Level, Method: Bootstrap.String()},
		Statistic:  d / sd,
		P:          p,
	}, nil
}
