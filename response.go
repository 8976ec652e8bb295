package satmetrics

import (
	"fmt"
	"math"
)

// ResponseRate returns the share of the people invited to a survey who
// answered it, from 0 to 1,
//
//	RR = respondents / invited.
//
// Counting every eligible invitee in invited (including those never reached)
// gives AAPOR's response rate 1, the most conservative of its definitions
// [1]. A low rate does not by itself bias a score, but it leaves room for
// the people who answered to differ from those who did not; see
// Representativeness, and PostStratify and Rake to correct for it.
//
// ResponseRate returns an error wrapping ErrNoData if invited is zero or
// less, and ErrRange if respondents is negative or more than invited.
//
// For more information, see [1] The American Association for Public Opinion
// Research, Standard Definitions: Final Dispositions of Case Codes and
// Outcome Rates for Surveys, 10th edition, 2023.
func ResponseRate(respondents, invited int64) (float64, error) {
	if invited <= 0 {
		return 0, fmt.Errorf("satmetrics: response rate of %d invited: %w", invited, ErrNoData)
	}
	if respondents < 0 || respondents > invited {
		return 0, fmt.Errorf("satmetrics: response rate of %d respondents out of %d invited: %w", respondents, invited, ErrRange)
	}
	return float64(respondents) / float64(invited), nil
}

// MarginOfError returns the half-width of the normal confidence interval of
// a proportion p estimated from n responses drawn without replacement from a
// population of size N, with the finite population correction,
//
//	MOE = z √(p (1 - p) / n) √((N - n) / (N - 1)),
//
// where z is the two-sided normal critical value of level (1.96 for 0.95)
// [1]. A population of 0 stands for an infinite one and drops the
// correction, which matters once the sample is a noticeable share of the
// population: 1,000 answers out of 10,000 customers have a margin of 2.9
// points at p = 0.5 where an infinite population gives 3.1. With p = 0.5
// the result is the largest margin for any proportion, the one survey
// reports quote. For weighted responses pass Kish's effective sample size
// as n (it need not be a whole number).
//
// MarginOfError returns an error wrapping ErrRange if p is not in [0, 1], n
// is not positive and finite, or population is negative, not finite or
// smaller than n, and ErrLevel for a bad level.
//
// For more information, see [1] W. G. Cochran, Sampling Techniques, 3rd
// edition, Wiley, 1977, sections 3.2 to 3.4.
func MarginOfError(p, n, population, level float64) (float64, error) {
	if !(p >= 0 && p <= 1) {
		return 0, fmt.Errorf("satmetrics: margin of error of proportion %v: %w", p, ErrRange)
	}
	if !(n > 0 && n <= math.MaxFloat64) {
		return 0, fmt.Errorf("satmetrics: margin of error for sample size %v: %w", n, ErrRange)
	}
	if !(population == 0 || population >= n && population <= math.MaxFloat64) {
		return 0, fmt.Errorf("satmetrics: margin of error for sample size %v of population %v: %w", n, population, ErrRange)
	}
	z, err := ZCritical(level)
	if err != nil {
		return 0, err
	}
	fpc := 1.0
	if population > 0 {
		if population <= 1 {
			// A population of one, answered: nothing left to estimate.
			return 0, nil
		}
		fpc = math.Sqrt((population - n) / (population - 1))
	}
	return z * math.Sqrt(p*(1-p)/n) * fpc, nil
}
