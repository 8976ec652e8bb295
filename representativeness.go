package satmetrics

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics/internal/dist"
)

// Representation compares the respondents of a survey with the population
// on one classification: a chi-square test of goodness of fit, and which
// categories have too few or too many respondents. It is the result of
// Representativeness.
type Representation struct {
	Classification string  `json:"classification"`
	Respondents    int64   `json:"respondents"`
	ChiSquare      float64 `json:"chi_square"` // Pearson's statistic
	DF             int     `json:"df"`         // degrees of freedom, categories - 1
	PValue         float64 `json:"p_value"`
	Level          float64 `json:"level"`

	// Representative reports whether the test does not reject, at Level,
	// that the respondents are distributed as the population.
	Representative bool `json:"representative"`

	// SmallExpected reports whether an expected count is below 5, where the
	// chi-square approximation to the p-value is doubtful.
	SmallExpected bool `json:"small_expected"`

	// UnderRepresented and OverRepresented name the categories whose
	// standardized residual is below -z or above z, z the two-sided normal
	// critical value at Level, in the order of Categories.
	UnderRepresented []string `json:"under_represented"`
	OverRepresented  []string `json:"over_represented"`

	Categories []CategoryRepresentation `json:"categories"` // in the order of their names
}

// CategoryRepresentation compares the respondents of one category with the
// population.
type CategoryRepresentation struct {
	Category        string  `json:"category"`
	Respondents     int64   `json:"respondents"`      // observed count O
	Expected        float64 `json:"expected"`         // E = n π
	Share           float64 `json:"share"`            // O / n
	PopulationShare float64 `json:"population_share"` // π
	Ratio           float64 `json:"ratio"`            // Share / PopulationShare; below 1 means too few
	Residual        float64 `json:"residual"`         // standardized residual (O - E) / √(E (1 - π))
}

// Representativeness tests whether the respondents are distributed over
// the categories of one classification as the population is, by Pearson's
// chi-square test of goodness of fit,
//
//	E_h = n π_h,   X² = Σ_h (O_h - E_h)² / E_h,   p = P(χ²_{k-1} > X²),
//
// where O_h is the number of respondents in category h, π_h the population
// share of h (its count over the total), n the number of respondents and k
// the number of categories with a positive share. It names the categories
// that are under- or over-represented by their standardized residuals,
//
//	r_h = (O_h - E_h) / √(E_h (1 - π_h)),
//
// which are approximately standard normal when the respondents are a random
// sample of the population [1]: a residual below -z (z = 1.96 at level
// 0.95) marks a category with fewer respondents than chance explains. The
// values are those of R's chisq.test(O, p = π) and its stdres. Call it for
// each classification; the weights that correct what it finds come from
// PostStratify or Rake.
//
// Population categories of share 0 take no part in the test. The test
// treats respondents as unweighted; with few respondents (an expected count
// below 5) its p-value is approximate, as SmallExpected reports.
//
// Representativeness returns an error wrapping ErrNoData if there are no
// respondents or the population total is zero, ErrUnknownCategory for a
// respondent's category that the population does not list (or lists as 0),
// naming it, ErrRange for a negative or non-finite population, and ErrLevel
// for a bad level.
//
// For more information, see [1] A. Agresti, Categorical Data Analysis, 3rd
// edition, Wiley, 2013, sections 1.5 and 2.4.5.
func Representativeness(c Classification, level float64) (Representation, error) {
	z, err := ZCritical(level)
	if err != nil {
		return Representation{}, err
	}
	cats, pop, total, err := population(c)
	if err != nil {
		return Representation{}, err
	}
	n := int64(len(c.Labels))
	if n == 0 {
		return Representation{}, fmt.Errorf("satmetrics: representativeness of classification %q: no respondents: %w", c.Name, ErrNoData)
	}
	_, counts, err := encode(c, cats)
	if err != nil {
		return Representation{}, err
	}
	r := Representation{
		Classification: c.Name, Respondents: n, Level: level,
		// Lists, not nulls, in JSON.
		UnderRepresented: []string{}, OverRepresented: []string{},
	}
	for h, cat := range cats {
		if pop[h] == 0 {
			if counts[h] > 0 {
				return Representation{}, fmt.Errorf("satmetrics: classification %q: category %q has %d respondents but population 0: %w",
					c.Name, cat, counts[h], ErrUnknownCategory)
			}
			continue
		}
		pi := pop[h] / total
		o, e := float64(counts[h]), float64(n)*pi
		cr := CategoryRepresentation{
			Category:        cat,
			Respondents:     counts[h],
			Expected:        e,
			Share:           o / float64(n),
			PopulationShare: pi,
			Ratio:           o / float64(n) / pi,
		}
		if pi < 1 {
			cr.Residual = (o - e) / math.Sqrt(e*(1-pi))
		}
		r.ChiSquare += (o - e) * (o - e) / e
		if e < 5 {
			r.SmallExpected = true
		}
		switch {
		case cr.Residual < -z:
			r.UnderRepresented = append(r.UnderRepresented, cat)
		case cr.Residual > z:
			r.OverRepresented = append(r.OverRepresented, cat)
		}
		r.Categories = append(r.Categories, cr)
	}
	r.DF = len(r.Categories) - 1
	r.PValue = 1
	if r.DF > 0 {
		r.PValue = dist.ChiSquareSurvival(r.ChiSquare, float64(r.DF))
	}
	r.Representative = r.PValue >= 1-level
	return r, nil
}
