package satmetrics_test

import (
	"errors"
	"fmt"

	"github.com/satmetrics/satmetrics"
)

// Half the customers are on the basic plan, but most of the people who
// answered the survey are on pro: post-stratification weights each plan
// back to its share.
func ExamplePostStratify() {
	tier := satmetrics.Classification{
		Name:       "tier",
		Labels:     []string{"pro", "pro", "pro", "pro", "pro", "basic", "basic", "enterprise"},
		Population: map[string]float64{"basic": 0.5, "pro": 0.4, "enterprise": 0.1},
	}
	// Total: 8 gives weights that average one.
	cal, err := satmetrics.PostStratify(tier, nil, satmetrics.Calibration{Total: 8})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("weights: %.2f\n", cal.Weights)
	for _, c := range cal.Margins[0].Categories {
		fmt.Printf("%-10s %d respondents, weight %.1f -> %.1f (target %.1f)\n", c.Category, c.Respondents, c.Initial, c.Achieved, c.Target)
	}
	fmt.Printf("effective n %.1f of %d (design effect %.2f)\n", cal.EffectiveN, cal.N, cal.DesignEffect)
	// Output:
	// weights: [0.64 0.64 0.64 0.64 0.64 2.00 2.00 0.80]
	// basic      2 respondents, weight 2.0 -> 4.0 (target 4.0)
	// enterprise 1 respondents, weight 1.0 -> 0.8 (target 0.8)
	// pro        5 respondents, weight 5.0 -> 3.2 (target 3.2)
	// effective n 6.0 of 8 (design effect 1.34)
}

// Raking fits two margins at once, region and plan, known from the customer
// database, without needing their cross-table.
func ExampleRake() {
	classes := []satmetrics.Classification{
		{
			Name:       "region",
			Labels:     []string{"north", "north", "north", "south", "south", "north", "south", "north"},
			Population: map[string]float64{"north": 6000, "south": 4000},
		},
		{
			Name:       "tier",
			Labels:     []string{"pro", "pro", "basic", "pro", "basic", "pro", "pro", "basic"},
			Population: map[string]float64{"basic": 5000, "pro": 5000},
		},
	}
	cal, err := satmetrics.Rake(classes, nil, satmetrics.Calibration{Tolerance: 1e-9})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("converged: %v\n", cal.Converged)
	fmt.Printf("weights: %.0f\n", cal.Weights)
	for _, m := range cal.Margins {
		for _, c := range m.Categories {
			fmt.Printf("%s=%s: %.0f of %.0f\n", m.Classification, c.Category, c.Achieved, c.Target)
		}
	}
	// Output:
	// converged: true
	// weights: [943 943 1586 1086 1828 943 1086 1586]
	// region=north: 6000 of 6000
	// region=south: 4000 of 4000
	// tier=basic: 5000 of 5000
	// tier=pro: 5000 of 5000
}

// After raking, one respondent weighs ten times the others; trimming caps
// the weights at three times the mean and shares the excess among the rest.
func ExampleTrim() {
	t, err := satmetrics.Trim([]float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 10}, satmetrics.Bounds{Upper: 3, Relative: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("cap %.2f, %d trimmed in %d round(s)\n", t.Upper, t.Trimmed, t.Rounds)
	fmt.Printf("weights: %.2f\n", t.Weights)
	// Output:
	// cap 5.70, 1 trimmed in 1 round(s)
	// weights: [1.48 1.48 1.48 1.48 1.48 1.48 1.48 1.48 1.48 5.70]
}

// Calibrated estimates take the calibration into account: the share of
// promoters among the respondents of the post-stratification example.
func ExampleCalibrated_Proportion() {
	tier := satmetrics.Classification{
		Name:       "tier",
		Labels:     []string{"pro", "pro", "pro", "pro", "pro", "basic", "basic", "enterprise", "basic", "pro"},
		Population: map[string]float64{"basic": 0.5, "pro": 0.4, "enterprise": 0.1},
	}
	promoter := []bool{true, true, false, true, true, false, false, true, true, false}
	cal, err := satmetrics.PostStratify(tier, nil, satmetrics.Calibration{Total: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := cal.Proportion(promoter, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("unweighted 0.60, weighted %.3f [%.3f, %.3f] by %s, effective n %.1f\n", p.Value, p.Lower, p.Upper, p.Method, p.EffectiveN)
	// Output:
	// unweighted 0.60, weighted 0.533 [0.238, 0.807] by logit, effective n 8.3
}

// Are the people who answered like the customer base? Their regions are
// compared with the population's.
func ExampleRepresentativeness() {
	var labels []string
	for region, n := range map[string]int{"north": 60, "south": 180, "east": 110, "west": 50} {
		for range n {
			labels = append(labels, region)
		}
	}
	r, err := satmetrics.Representativeness(satmetrics.Classification{
		Name:       "region",
		Labels:     labels,
		Population: map[string]float64{"north": 25000, "south": 30000, "east": 25000, "west": 20000},
	}, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("X² = %.1f on %d df, p = %.2g, representative: %v\n", r.ChiSquare, r.DF, r.PValue, r.Representative)
	fmt.Println("under-represented:", r.UnderRepresented)
	fmt.Println("over-represented:", r.OverRepresented)
	for _, c := range r.Categories {
		fmt.Printf("%-5s %3d answers, %.0f expected, ratio %.2f\n", c.Category, c.Respondents, c.Expected, c.Ratio)
	}
	// Output:
	// X² = 58.2 on 3 df, p = 1.4e-12, representative: false
	// under-represented: [north west]
	// over-represented: [south]
	// east  110 answers, 100 expected, ratio 1.10
	// north  60 answers, 100 expected, ratio 0.60
	// south 180 answers, 120 expected, ratio 1.50
	// west   50 answers, 80 expected, ratio 0.62
}

// 1,000 answers from a base of 10,000 customers: the finite population
// correction narrows the margin of error.
func ExampleMarginOfError() {
	infinite, _ := satmetrics.MarginOfError(0.5, 1000, 0, 0.95)
	finite, _ := satmetrics.MarginOfError(0.5, 1000, 10000, 0.95)
	fmt.Printf("±%.1f points, ±%.1f with the correction\n", 100*infinite, 100*finite)
	// Output:
	// ±3.1 points, ±2.9 with the correction
}

func ExampleResponseRate() {
	rr, err := satmetrics.ResponseRate(312, 4200)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.1f%%\n", 100*rr)
	// Output:
	// 7.4%
}

// The effective sample size of weighted responses is what their interval
// rests on.
func ExampleEffectiveN() {
	weights := []float64{0.5, 0.5, 1, 1, 1, 2, 3}
	var sumW, sumW2 float64
	for _, w := range weights {
		sumW += w
		sumW2 += w * w
	}
	fmt.Printf("n = %d, effective n = %.2f, design effect = %.2f\n", len(weights),
		satmetrics.EffectiveN(sumW, sumW2), satmetrics.DesignEffect(int64(len(weights)), sumW, sumW2))
	// Output:
	// n = 7, effective n = 4.91, design effect = 1.43
}

// A population category without respondents cannot be given its share:
// the error names it, and errors.Is tells its kind.
func ExampleRake_emptyCategory() {
	_, err := satmetrics.Rake([]satmetrics.Classification{{
		Name:       "tier",
		Labels:     []string{"pro", "basic", "pro"},
		Population: map[string]float64{"basic": 5000, "pro": 4000, "enterprise": 1000},
	}}, nil, satmetrics.Calibration{})
	fmt.Println(err)
	fmt.Println(errors.Is(err, satmetrics.ErrEmptyCategory))
	// Output:
	// satmetrics: classification "tier": category "enterprise" has population 1000 but no respondent of positive weight: satmetrics: population category has no respondents
	// true
}
