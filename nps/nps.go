package nps

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/satmetrics/satmetrics"
)

// A Method names a confidence interval for the NPS. The zero value is
// AdjustedWald, the default.
type Method uint8

// The interval methods; the package documentation gives their formulas.
const (
	// AdjustedWald adds 3/4 of a promoter, 3/2 of a passive and 3/4 of a
	// detractor before the Wald interval (Rocks 2016), which keeps coverage
	// near the nominal level for small samples and extreme scores.
	AdjustedWald Method = iota
	// Wald is the normal-approximation interval NPS ± z·se.
	Wald
	// Bootstrap is the percentile interval of NPS over resamples drawn from
	// the observed category shares, with a seeded, deterministic generator.
	Bootstrap
)

var methodNames = [...]string{AdjustedWald: "adjusted-wald", Wald: "wald", Bootstrap: "bootstrap"}

// Valid reports whether m is one of the defined methods.
func (m Method) Valid() bool { return int(m) < len(methodNames) }

// String returns "adjusted-wald", "wald" or "bootstrap", the names that
// appear in Interval.Method, and "%!Method(n)" for any other value.
func (m Method) String() string {
	if !m.Valid() {
		return "%!Method(" + strconv.Itoa(int(m)) + ")"
	}
	return methodNames[m]
}

// DefaultResamples is the number of bootstrap resamples when
// Options.Resamples is zero.
const DefaultResamples = 2000

// Options configure an NPS interval. The zero Options give a 95%
// adjusted-Wald interval.
type Options struct {
	Level     float64 // confidence level in (0, 1); zero means satmetrics.DefaultLevel (0.95)
	Method    Method  // interval method; zero means AdjustedWald
	Resamples int     // bootstrap resamples; zero means DefaultResamples
	Seed      uint64  // bootstrap seed: the same seed gives the same interval
}

func (o Options) resolve() (Options, error) {
	if o.Level == 0 {
		o.Level = satmetrics.DefaultLevel
	}
	if err := satmetrics.CheckLevel(o.Level); err != nil {
		return o, err
	}
	if !o.Method.Valid() {
		return o, fmt.Errorf("nps: method %v: %w", o.Method, satmetrics.ErrRange)
	}
	if o.Resamples == 0 {
		o.Resamples = DefaultResamples
	}
	if o.Resamples < 0 || o.Resamples > 1e7 {
		return o, fmt.Errorf("nps: %d bootstrap resamples: %w", o.Resamples, satmetrics.ErrRange)
	}
	return o, nil
}

// Variance returns the variance of one response's contribution to the NPS
// on the -1 to 1 scale (a promoter counts +1, a passive 0 and a detractor
// -1), from the shares of promoters and of detractors (from 0 to 1):
//
//	Var = (p₊ + p₋) - (p₊ - p₋)²
//
// The standard error of an NPS from n responses is √(Var/n) on that scale,
// and 100 times it in NPS points. For the answers 0, 7, 7, 9, 9, 9
// (p₊ = 1/2, p₋ = 1/6) it is 5/9.
func Variance(promoters, detractors float64) float64 {
	d := promoters - detractors
	return promoters + detractors - d*d
}

// FromCounts returns the NPS of a group with the given numbers of
// promoters, passives and detractors, with its standard error and the
// interval that o asks for (see the package documentation for the
// formulas). The value is on the -100 to 100 scale.
//
// It returns an error wrapping satmetrics.ErrNoData when all counts are 0,
// satmetrics.ErrRange for a negative count, and the errors of invalid
// Options.
func FromCounts(promoters, passives, detractors int64, o Options) (satmetrics.Estimate, error) {
	if promoters < 0 || passives < 0 || detractors < 0 {
		return satmetrics.Estimate{}, fmt.Errorf("nps: counts %d, %d, %d: %w", promoters, passives, detractors, satmetrics.ErrRange)
	}
	e, err := estimate(float64(promoters), float64(passives), float64(detractors), o)
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	e.N = promoters + passives + detractors
	return e, nil
}

// NPS returns the Net Promoter Score of t with its standard error and an
// adjusted-Wald confidence interval at the given level: shorthand for
// NPSWith(Options{Level: level}).
func (t *Tally) NPS(level float64) (satmetrics.Estimate, error) {
	if err := satmetrics.CheckLevel(level); err != nil {
		return satmetrics.Estimate{}, fmt.Errorf("nps: %w", err)
	}
	return t.NPSWith(Options{Level: level})
}

// NPSWith returns the Net Promoter Score of t, from -100 to 100, with its
// standard error and the confidence interval that o asks for. N is the
// number of responses. For a weighted tally the shares are weighted, and
// the standard error and interval use Kish's effective sample size, which
// EffectiveN reports.
//
// It returns an error wrapping satmetrics.ErrNoData for a tally without
// responses (or whose weights are all zero), and the errors of invalid
// Options.
func (t *Tally) NPSWith(o Options) (satmetrics.Estimate, error) {
	det, pas, pro, err := t.effective()
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	e, err := estimate(pro, pas, det, o)
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	e.N = t.N()
	if t.Weighted() {
		e.EffectiveN = t.EffectiveN()
	}
	return e, e.Check()
}

// estimate computes the NPS estimate from (effective) category counts.
func estimate(pro, pas, det float64, o Options) (satmetrics.Estimate, error) {
	o, err := o.resolve()
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	n := pro + pas + det
	if n == 0 {
		return satmetrics.Estimate{}, fmt.Errorf("nps: %w", satmetrics.ErrNoData)
	}
	v := (pro - det) / n
	se := math.Sqrt(Variance(pro/n, det/n) / n)
	var lo, hi float64
	switch o.Method {
	case Wald:
		lo, hi, err = wald(pro, det, n, o.Level)
	case AdjustedWald:
		lo, hi, err = wald(pro+0.75, det+0.75, n+3, o.Level)
	case Bootstrap:
		lo, hi = bootstrap(pro/n, det/n, n, o)
	}
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	e := satmetrics.Estimate{
		Value:  100 * v,
		StdErr: 100 * math.Max(se, 0),
		Interval: satmetrics.Interval{
			Lower: 100 * lo, Upper: 100 * hi, Level: o.Level, Method: o.Method.String(),
		},
	}
	return e, e.Check()
}

// wald returns the Wald interval on the -1 to 1 scale, clipped to it.
func wald(pro, det, n, level float64) (lo, hi float64, err error) {
	z, err := satmetrics.ZCritical(level)
	if err != nil {
		return 0, 0, err
	}
	v := (pro - det) / n
	h := z * math.Sqrt(math.Max(Variance(pro/n, det/n), 0)/n)
	return max(v-h, -1), min(v+h, 1), nil
}

// bootstrapN returns the number of responses each resample draws: n, or for
// weighted data the effective sample size, rounded and at least 1.
func bootstrapN(n float64) int64 {
	return max(1, int64(math.Round(n)))
}

// bootstrap returns the percentile interval of the NPS over o.Resamples
// multinomial resamples of size n from the shares pPro, pDet.
func bootstrap(pPro, pDet, n float64, o Options) (lo, hi float64) {
	r := rand.New(rand.NewPCG(o.Seed, 0x5EED_0F_B007))
	m := bootstrapN(n)
	xs := make([]float64, o.Resamples)
	for i := range xs {
		xs[i] = resample(r, m, pPro, pDet)
	}
	return percentiles(xs, o.Level)
}

// resample draws one multinomial sample of m responses and returns its NPS
// on the -1 to 1 scale: promoters ~ Bin(m, p₊), then detractors among the
// rest ~ Bin(m - promoters, p₋/(1 - p₊)).
func resample(r *rand.Rand, m int64, pPro, pDet float64) float64 {
	k := binomial(r, m, pPro)
	var d int64
	if rest := 1 - pPro; rest > 0 {
		d = binomial(r, m-k, min(pDet/rest, 1))
	}
	return float64(k-d) / float64(m)
}

// percentiles returns the (1-level)/2 and (1+level)/2 sample quantiles of
// xs, interpolated between order statistics (R's type 7). It sorts xs.
func percentiles(xs []float64, level float64) (lo, hi float64) {
	slices.Sort(xs)
	q := func(p float64) float64 {
		h := p * float64(len(xs)-1)
		i := int(h)
		if i+1 >= len(xs) {
			return xs[len(xs)-1]
		}
		return xs[i] + (h-float64(i))*(xs[i+1]-xs[i])
	}
	return q((1 - level) / 2), q((1 + level) / 2)
}
