package satmetrics

import (
	"fmt"
	"math"
	"slices"
)

// Bounds limits survey weights to [Lower, Upper], so that no respondent
// counts for too many (or too few) others. Its zero value sets no bounds.
//
// Lower and Upper are weights, or, if Relative is set, multiples of the mean
// weight: {Lower: 0.3, Upper: 3, Relative: true} keeps every weight between
// 0.3 and 3 times the mean, whatever the scale of the weights. A Lower of
// zero sets no lower bound and an Upper of zero no upper bound.
type Bounds struct {
	Lower    float64 `json:"lower,omitempty"`
	Upper    float64 `json:"upper,omitempty"`
	Relative bool    `json:"relative,omitempty"`
}

func (b Bounds) isZero() bool { return b.Lower == 0 && b.Upper == 0 }

func (b Bounds) check() error {
	if !(b.Lower >= 0 && b.Lower <= math.MaxFloat64 && b.Upper >= 0 && b.Upper <= math.MaxFloat64) ||
		b.Upper > 0 && b.Lower > b.Upper {
		return fmt.Errorf("satmetrics: weight bounds [%v, %v]: %w", b.Lower, b.Upper, ErrRange)
	}
	return nil
}

// absolute returns the bounds as weights, for n positive weights summing to
// total.
func (b Bounds) absolute(total float64, n int) (lower, upper float64) {
	if !b.Relative {
		return b.Lower, b.Upper
	}
	mean := total / float64(n)
	return b.Lower * mean, b.Upper * mean
}

// feasible returns an error unless n positive weights summing to total can
// all lie within [lower, upper].
func feasible(total float64, n int, lower, upper float64) error {
	if float64(n)*lower > total || upper > 0 && float64(n)*upper < total {
		return fmt.Errorf("satmetrics: weight bounds [%v, %v] cannot hold %d weights summing to %v (mean %v): %w",
			lower, upper, n, total, total/float64(n), ErrRange)
	}
	return nil
}

// Trimmed is the result of Trim.
type Trimmed struct {
	Weights    []float64 `json:"weights"`
	Lower      float64   `json:"lower"`   // the lower bound, as a weight
	Upper      float64   `json:"upper"`   // the upper bound, as a weight; 0 if none
	Trimmed    int64     `json:"trimmed"` // number of weights that were moved to a bound
	Rounds     int       `json:"rounds"`  // number of rounds of trimming
	EffectiveN float64   `json:"effective_n"`
}

// maxTrimRounds bounds the rounds of trimming. Each round shrinks the
// excess by the ratio of the number of weights at a bound to the number of
// the others, so it only runs long when most weights end at a bound.
const maxTrimRounds = 1000

// Trim returns weights limited to the bounds b, with the total weight kept.
// It is the strict form of trimWeights of R's survey package: every weight
// outside the bounds is set to the bound it crossed, and the weight so
// removed (or added) is shared out equally among the weights that were
// within the bounds,
//
//	w'_i = min(max(w_i, L), U)                        if w_i < L or w_i > U,
//	w'_i = w_i + Σ_j (w_j - min(max(w_j, L), U)) / m  otherwise,
//
// with m the number of weights within the bounds; the rounds repeat until no
// weight is outside the bounds, as a share can push a weight across one.
// Unlike R, weights of zero (respondents left out) stay zero and are not
// counted in m or in the mean weight of relative bounds.
//
// Each round shrinks the excess by about the ratio of the number of weights
// at a bound to the number within, so the rounds end quickly when few
// weights are trimmed and may not end when half or more of them are; Trim
// then reports ErrNotConverged, and wider bounds are the cure.
//
// Trimming moves the weighted margins away from their targets; Calibration's
// Bounds alternates trimming and calibration until the weights meet both.
//
// Trim returns an error that wraps ErrWeight if a weight is negative, NaN or
// infinite, ErrNoData if no weight is positive, ErrRange if the bounds are
// invalid or cannot hold the total weight (n L > Σ w or n U < Σ w), and
// ErrNotConverged if the rounds do not end.
//
// For more information, see T. Lumley, survey: analysis of complex survey
// samples, R package, function trimWeights, and D. Izrael, M. P. Battaglia
// and M. R. Frankel, "Extreme survey weight adjustment as a component of
// sample balancing (a.k.a. raking)", SAS Global Forum, paper 247, 2009.
func Trim(weights []float64, b Bounds) (Trimmed, error) {
	if err := checkWeights(weights); err != nil {
		return Trimmed{}, err
	}
	if err := b.check(); err != nil {
		return Trimmed{}, err
	}
	var total float64
	n := 0
	for _, w := range weights {
		if w > 0 {
			total += w
			n++
		}
	}
	if n == 0 {
		return Trimmed{}, fmt.Errorf("satmetrics: no positive weight to trim: %w", ErrNoData)
	}
	lower, upper := b.absolute(total, n)
	if err := feasible(total, n, lower, upper); err != nil {
		return Trimmed{}, err
	}
	w := slices.Clone(weights)
	hit := make([]bool, len(w))
	rounds, err := trimMarked(w, lower, upper, hit)
	t := Trimmed{Weights: w, Lower: lower, Upper: upper, Rounds: rounds}
	for _, h := range hit {
		if h {
			t.Trimmed++
		}
	}
	var sumW, sumW2 float64
	for _, x := range w {
		sumW += x
		sumW2 += x * x
	}
	t.EffectiveN = EffectiveN(sumW, sumW2)
	return t, err
}

// trim trims w in place, as Trim does, and returns the number of rounds.
func trim(w []float64, lower, upper float64) (int, error) {
	return trimMarked(w, lower, upper, nil)
}

// trimMarked trims w in place and, if hit is not nil, sets hit[i] for every
// weight moved to a bound.
func trimMarked(w []float64, lower, upper float64, hit []bool) (int, error) {
	if upper == 0 {
		upper = math.Inf(1)
	}
	type moved struct {
		i     int
		bound float64
	}
	var out []moved // weights outside the bounds in this round
	for round := 0; round < maxTrimRounds; round++ {
		out = out[:0]
		var excess float64
		positive := 0
		for i, x := range w {
			if x == 0 {
				continue
			}
			positive++
			switch {
			case x > upper:
				excess += x - upper
				out = append(out, moved{i, upper})
			case x < lower:
				excess += x - lower
				out = append(out, moved{i, lower})
			}
		}
		if len(out) == 0 {
			return round, nil
		}
		m := positive - len(out)
		if m == 0 {
			return round, fmt.Errorf("satmetrics: trimming to [%v, %v] leaves no weight within the bounds to take the excess: %w", lower, upper, ErrNotConverged)
		}
		share := excess / float64(m)
		for i, x := range w {
			if x != 0 {
				w[i] = x + share
			}
		}
		for _, o := range out {
			w[o.i] = o.bound
			if hit != nil {
				hit[o.i] = true
			}
		}
	}
	return maxTrimRounds, fmt.Errorf("satmetrics: trimming to [%v, %v] did not end after %d rounds: %w", lower, upper, maxTrimRounds, ErrNotConverged)
}
