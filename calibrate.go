package satmetrics

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Errors of weight calibration. Each error returned by PostStratify, Rake,
// Trim and Representativeness names the classification, category or value at
// fault and wraps one of these (or ErrWeight, ErrRange, ErrNoData), so that
// errors.Is works.
var (
	// ErrEmptyCategory reports a population category with a positive count
	// or share but no respondent of positive weight: no weighting can give
	// it its share.
	ErrEmptyCategory = errors.New("satmetrics: population category has no respondents")

	// ErrUnknownCategory reports a respondent in a category that the
	// population does not list, or lists with a count of zero.
	ErrUnknownCategory = errors.New("satmetrics: category unknown to the population")

	// ErrMarginTotals reports population margins whose totals differ, which
	// no set of weights can meet at once.
	ErrMarginTotals = errors.New("satmetrics: margins have different totals")

	// ErrNotConverged reports a calibration that did not meet its tolerance
	// within its iteration limit, for example because respondents are
	// missing from cells that the margins need.
	ErrNotConverged = errors.New("satmetrics: calibration did not converge")
)

// DefaultTolerance and DefaultMaxIter are the tolerance and iteration limit
// of a Calibration that leaves them at zero.
const (
	DefaultTolerance = 1e-6
	DefaultMaxIter   = 100
)

// A Classification is one way of dividing people into categories, such as
// region, plan tier or tenure band, for which the distribution of the
// population is known. It holds the category of every respondent, in
// respondent order, and the population count or share of every category.
//
// Labels[i] is the category of respondent i; every classification given to
// one calibration must have one label per respondent. Population maps each
// category to its count or share: counts (12000 customers on the Pro plan) or
// shares (0.12), as long as the classifications calibrated together have the
// same total. A category may have a population of zero if no respondent is in
// it.
type Classification struct {
	Name       string             `json:"name"`
	Labels     []string           `json:"labels"`
	Population map[string]float64 `json:"population"`
}

// Calibration configures PostStratify and Rake. Its zero value is the
// default: weights that sum to the population total, a relative tolerance of
// DefaultTolerance, at most DefaultMaxIter iterations and no bounds.
type Calibration struct {
	// Tolerance is the largest relative distance |achieved - target| / target
	// allowed for any category of any margin, and the relative difference
	// allowed between the totals of the margins. Zero means
	// DefaultTolerance.
	Tolerance float64 `json:"tolerance,omitempty"`

	// MaxIter is the largest number of raking sweeps (one adjustment to
	// every margin), and the largest number of rounds of trimming and
	// recalibration. Zero means DefaultMaxIter.
	MaxIter int `json:"max_iter,omitempty"`

	// Total is the sum of the calibrated weights: the targets of every
	// margin are scaled to it. Zero means the total of the population
	// margins, so that population counts give weights that sum to the
	// population size; set it to the number of respondents for weights that
	// average one.
	Total float64 `json:"total,omitempty"`

	// Bounds, if set, keeps every weight within bounds: after calibration
	// the weights are trimmed (see Trim) and calibrated again, in rounds,
	// until they meet both the margins and the bounds.
	Bounds Bounds `json:"bounds,omitzero"`
}

// Calibrated is the result of PostStratify or Rake: the calibrated weights,
// in respondent order, and a report of how they meet each margin. When the
// calibration fails to converge, PostStratify and Rake return it with
// Converged false, the weights of the last iteration and an error, so that
// the report shows which margin is out of reach.
//
// It encodes to JSON without NaN or infinities. Its Mean and Proportion
// methods estimate on the calibrated design, which they keep out of the
// encoding: a Calibrated decoded from JSON has the weights and report only.
type Calibrated struct {
	Weights    []float64 `json:"weights"`
	Method     string    `json:"method"` // "post-stratification" or "raking"
	Converged  bool      `json:"converged"`
	Iterations int       `json:"iterations"` // raking sweeps, summed over the rounds of trimming
	TrimRounds int       `json:"trim_rounds,omitempty"`
	Lower      float64   `json:"lower,omitempty"` // bounds applied, as weights
	Upper      float64   `json:"upper,omitempty"`

	Total        float64        `json:"total"`         // sum of the targets, which the weights meet
	N            int64          `json:"n"`             // number of respondents
	EffectiveN   float64        `json:"effective_n"`   // Kish's effective sample size of Weights
	DesignEffect float64        `json:"design_effect"` // Kish's design effect of the positive Weights
	Margins      []MarginReport `json:"margins"`       // one per classification, in their order

	design *design // what Mean and Proportion need
}

// A MarginReport tells how far the calibrated weights are from the
// population margin of one classification.
type MarginReport struct {
	Classification string `json:"classification"`

	// MaxRelativeDifference is the largest |Achieved - Target| / Target
	// over the categories with a positive target.
	MaxRelativeDifference float64          `json:"max_relative_difference"`
	Categories            []CategoryReport `json:"categories"` // in the order of their names
}

// A CategoryReport compares the weight of one category with its target.
// Initial and Achieved are both on the scale of Target (the sum of the
// calibrated weights), so that they read as shares of the same whole.
type CategoryReport struct {
	Category    string  `json:"category"`
	Respondents int64   `json:"respondents"` // number of respondents in the category
	Target      float64 `json:"target"`      // population count or share, scaled to the total
	Initial     float64 `json:"initial"`     // share of the initial weights, scaled to the total
	Achieved    float64 `json:"achieved"`    // sum of the calibrated weights
	Difference  float64 `json:"difference"`  // Achieved - Target
}

// design is a calibration problem after validation: the respondents'
// categories as integer codes and the targets scaled to the total.
type design struct {
	n       int
	names   []string    // classification names
	cats    [][]string  // categories of each classification, sorted
	codes   [][]int32   // codes[k][i]: category of respondent i in classification k
	targets [][]float64 // targets[k][c], scaled to total
	counts  [][]int64   // respondents per category
	base    []float64   // initial weights; nil means all ones
	total   float64
}

// settings are a Calibration with its defaults applied.
type settings struct {
	tol     float64
	maxIter int
	total   float64
	bounds  Bounds
}

func (c Calibration) settings() (settings, error) {
	s := settings{tol: c.Tolerance, maxIter: c.MaxIter, total: c.Total, bounds: c.Bounds}
	if !(s.tol >= 0 && s.tol < 1) {
		return s, fmt.Errorf("satmetrics: calibration tolerance %v: %w", c.Tolerance, ErrRange)
	}
	if s.tol == 0 {
		s.tol = DefaultTolerance
	}
	if s.maxIter < 0 {
		return s, fmt.Errorf("satmetrics: calibration iteration limit %d: %w", c.MaxIter, ErrRange)
	}
	if s.maxIter == 0 {
		s.maxIter = DefaultMaxIter
	}
	if !(s.total >= 0 && s.total <= math.MaxFloat64) {
		return s, fmt.Errorf("satmetrics: calibration total %v: %w", c.Total, ErrRange)
	}
	if err := c.Bounds.check(); err != nil {
		return s, err
	}
	return s, nil
}

// checkWeights returns an error naming the first invalid weight.
func checkWeights(weights []float64) error {
	for i, w := range weights {
		if err := CheckWeight(w); err != nil {
			return fmt.Errorf("satmetrics: respondent %d: %w", i, err)
		}
	}
	return nil
}

// newDesign validates the classifications and initial weights and encodes
// the respondents' categories.
func newDesign(classes []Classification, weights []float64, s settings) (*design, error) {
	if len(classes) == 0 {
		return nil, fmt.Errorf("satmetrics: no classification to calibrate to: %w", ErrNoData)
	}
	n := len(classes[0].Labels)
	for _, c := range classes[1:] {
		if len(c.Labels) != n {
			return nil, fmt.Errorf("satmetrics: classification %q has %d labels and %q has %d: %w",
				classes[0].Name, n, c.Name, len(c.Labels), ErrIncompatible)
		}
	}
	if weights != nil && len(weights) != n {
		return nil, fmt.Errorf("satmetrics: %d weights for %d respondents: %w", len(weights), n, ErrIncompatible)
	}
	if n == 0 {
		return nil, fmt.Errorf("satmetrics: no respondents: %w", ErrNoData)
	}
	if err := checkWeights(weights); err != nil {
		return nil, err
	}
	d := &design{
		n:       n,
		names:   make([]string, len(classes)),
		cats:    make([][]string, len(classes)),
		codes:   make([][]int32, len(classes)),
		targets: make([][]float64, len(classes)),
		counts:  make([][]int64, len(classes)),
	}
	if weights != nil {
		d.base = slices.Clone(weights)
	}
	totals := make([]float64, len(classes))
	for k, c := range classes {
		d.names[k] = c.Name
		cats, pop, total, err := population(c)
		if err != nil {
			return nil, err
		}
		d.cats[k], d.targets[k], totals[k] = cats, pop, total
	}
	// Margins must agree on the total: no weights can meet two margins
	// that disagree on the sum of all the weights.
	for k := 1; k < len(totals); k++ {
		if math.Abs(totals[k]-totals[0]) > s.tol*math.Max(totals[0], totals[k]) {
			return nil, fmt.Errorf("satmetrics: classification %q totals %v and %q totals %v: %w",
				d.names[0], totals[0], d.names[k], totals[k], ErrMarginTotals)
		}
	}
	d.total = s.total
	if d.total == 0 {
		d.total = totals[0]
	}
	for k := range d.targets {
		scale := d.total / totals[k]
		for c := range d.targets[k] {
			d.targets[k][c] *= scale
		}
	}
	for k, c := range classes {
		codes, counts, err := encode(c, d.cats[k])
		if err != nil {
			return nil, err
		}
		d.codes[k], d.counts[k] = codes, counts
	}
	// Every category with a positive target needs weight to scale up, and
	// every category with weight needs a positive target.
	sums := d.sums(d.base, nil)
	for k := range d.targets {
		for c, t := range d.targets[k] {
			switch {
			case t > 0 && sums[k][c] == 0:
				return nil, fmt.Errorf("satmetrics: classification %q: category %q has population %v but no respondent of positive weight: %w",
					d.names[k], d.cats[k][c], classes[k].Population[d.cats[k][c]], ErrEmptyCategory)
			case t == 0 && sums[k][c] > 0:
				return nil, fmt.Errorf("satmetrics: classification %q: category %q has %d respondents but population 0: %w",
					d.names[k], d.cats[k][c], d.counts[k][c], ErrUnknownCategory)
			}
		}
	}
	return d, nil
}

// population returns the sorted categories of c, their population counts
// or shares in that order, and their total.
func population(c Classification) ([]string, []float64, float64, error) {
	if len(c.Population) == 0 {
		return nil, nil, 0, fmt.Errorf("satmetrics: classification %q has no population categories: %w", c.Name, ErrNoData)
	}
	cats := make([]string, 0, len(c.Population))
	for cat := range c.Population {
		cats = append(cats, cat)
	}
	slices.Sort(cats)
	pop := make([]float64, len(cats))
	total := 0.0
	for i, cat := range cats {
		p := c.Population[cat]
		if !(p >= 0 && p <= math.MaxFloat64) {
			return nil, nil, 0, fmt.Errorf("satmetrics: classification %q: category %q has population %v: %w", c.Name, cat, p, ErrRange)
		}
		pop[i] = p
		total += p
	}
	if total == 0 {
		return nil, nil, 0, fmt.Errorf("satmetrics: classification %q has a population total of 0: %w", c.Name, ErrNoData)
	}
	if math.IsInf(total, 0) {
		return nil, nil, 0, fmt.Errorf("satmetrics: classification %q has a population total of %v: %w", c.Name, total, ErrRange)
	}
	return cats, pop, total, nil
}

// encode returns the category code of every respondent of c, and the number
// of respondents in each category.
func encode(c Classification, cats []string) ([]int32, []int64, error) {
	index := make(map[string]int32, len(cats))
	for i, cat := range cats {
		index[cat] = int32(i)
	}
	codes := make([]int32, len(c.Labels))
	counts := make([]int64, len(cats))
	prev, prevCode := "", int32(-1)
	for i, label := range c.Labels {
		// Survey exports are often sorted, so runs of one label are common.
		if label != prev || prevCode < 0 {
			code, ok := index[label]
			if !ok {
				return nil, nil, fmt.Errorf("satmetrics: classification %q: respondent %d: category %q: %w", c.Name, i, label, ErrUnknownCategory)
			}
			prev, prevCode = label, code
		}
		codes[i] = prevCode
		counts[prevCode]++
	}
	return codes, counts, nil
}

// sums returns the sum of the weights w (all ones if w is nil) in every
// category of every classification, reusing dst if it has the right shape.
func (d *design) sums(w []float64, dst [][]float64) [][]float64 {
	if dst == nil {
		dst = make([][]float64, len(d.cats))
		for k := range dst {
			dst[k] = make([]float64, len(d.cats[k]))
		}
	}
	for k, codes := range d.codes {
		s := dst[k]
		clear(s)
		if w == nil {
			for _, c := range codes {
				s[c]++
			}
			continue
		}
		for i, c := range codes {
			s[c] += w[i]
		}
	}
	return dst
}

// within reports whether every category sum is within the relative
// tolerance tol of its target.
func (d *design) within(sums [][]float64, tol float64) bool {
	for k, t := range d.targets {
		for c, target := range t {
			if !(math.Abs(sums[k][c]-target) <= tol*target) {
				return false
			}
		}
	}
	return true
}

// initial returns the starting weights: a copy of the base weights, or ones.
func (d *design) initial() []float64 {
	if d.base != nil {
		return slices.Clone(d.base)
	}
	w := make([]float64, d.n)
	for i := range w {
		w[i] = 1
	}
	return w
}

// result builds the report of weights w.
func (d *design) result(method string, w []float64) Calibrated {
	var sumW, sumW2 float64
	var positive int64
	for _, x := range w {
		sumW += x
		sumW2 += x * x
		if x > 0 {
			positive++
		}
	}
	r := Calibrated{
		Weights:      w,
		Method:       method,
		Total:        d.total,
		N:            int64(d.n),
		EffectiveN:   EffectiveN(sumW, sumW2),
		DesignEffect: DesignEffect(positive, sumW, sumW2),
		Margins:      make([]MarginReport, len(d.cats)),
		design:       d,
	}
	before := d.sums(d.base, nil)
	after := d.sums(w, nil)
	for k := range d.cats {
		var b float64
		for _, x := range before[k] {
			b += x
		}
		m := MarginReport{Classification: d.names[k], Categories: make([]CategoryReport, len(d.cats[k]))}
		for c, cat := range d.cats[k] {
			t := d.targets[k][c]
			cr := CategoryReport{
				Category:    cat,
				Respondents: d.counts[k][c],
				Target:      t,
				Initial:     before[k][c] * d.total / b,
				Achieved:    after[k][c],
				Difference:  after[k][c] - t,
			}
			if t > 0 {
				m.MaxRelativeDifference = math.Max(m.MaxRelativeDifference, math.Abs(cr.Difference)/t)
			}
			m.Categories[c] = cr
		}
		r.Margins[k] = m
	}
	return r
}

// calibrate runs step (post-stratification or raking of w in place, which
// returns its number of sweeps and whether it met the tolerance), then, if
// s has bounds, alternates trimming and step until the weights meet both.
func (d *design) calibrate(method string, s settings, step func(w []float64) (int, bool)) (Calibrated, error) {
	w := d.initial()
	iters, ok := step(w)
	if s.bounds.isZero() {
		r := d.result(method, w)
		r.Iterations, r.Converged = iters, ok
		if !ok {
			return r, d.notConverged(r, s)
		}
		return r, nil
	}
	lower, upper := s.bounds.absolute(d.total, d.positive())
	if err := feasible(d.total, d.positive(), lower, upper); err != nil {
		return Calibrated{}, err
	}
	rounds := 0
	// A raking that fails without bounds will not succeed with them: stop
	// at the first failure of step.
	for ok && !inBounds(w, lower, upper, s.tol) && rounds < s.maxIter {
		rounds++
		if _, err := trim(w, lower, upper); err != nil {
			// The bounds are feasible, so only a stalled redistribution
			// gets here: report it as non-convergence below.
			ok = false
			break
		}
		var n int
		n, ok = step(w)
		iters += n
	}
	r := d.result(method, w)
	r.Iterations, r.TrimRounds, r.Lower, r.Upper = iters, rounds, lower, upper
	r.Converged = ok && inBounds(w, lower, upper, s.tol)
	if !r.Converged {
		return r, d.notConverged(r, s)
	}
	return r, nil
}

// positive returns the number of respondents with a positive initial
// weight.
func (d *design) positive() int {
	if d.base == nil {
		return d.n
	}
	n := 0
	for _, w := range d.base {
		if w > 0 {
			n++
		}
	}
	return n
}

func (d *design) notConverged(r Calibrated, s settings) error {
	worst, worstK := 0.0, 0
	for k, m := range r.Margins {
		if m.MaxRelativeDifference > worst {
			worst, worstK = m.MaxRelativeDifference, k
		}
	}
	if r.Upper > 0 || r.Lower > 0 {
		return fmt.Errorf("satmetrics: %s within bounds [%v, %v] after %d rounds: classification %q is %.3g from its target (tolerance %v): %w",
			r.Method, r.Lower, r.Upper, r.TrimRounds, d.names[worstK], worst, s.tol, ErrNotConverged)
	}
	return fmt.Errorf("satmetrics: %s after %d iterations: classification %q is %.3g from its target (tolerance %v): %w",
		r.Method, r.Iterations, d.names[worstK], worst, s.tol, ErrNotConverged)
}

// inBounds reports whether every positive weight is within [lower, upper],
// up to the relative tolerance tol.
func inBounds(w []float64, lower, upper, tol float64) bool {
	lo, hi := lower*(1-tol), upper*(1+tol)
	for _, x := range w {
		if x == 0 {
			continue
		}
		if x < lo || upper > 0 && x > hi {
			return false
		}
	}
	return true
}
