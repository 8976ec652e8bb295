package satmetrics_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/satmetrics/satmetrics"
)

// TestRakeR compares raking on region, tier and tenure with R's
// survey::rake (testdata/weights/weights.csv, written by gen_reference.R
// with maxit = 1000 and epsilon = 1e-13), from equal weights (column rake)
// and from unequal base weights (column rake_w0). Both converge to the same
// fixed point; tolerance 1e-9 relative.
func TestRakeR(t *testing.T) {
	r := wrefLoad(t)
	cfg := satmetrics.Calibration{Tolerance: 1e-12, MaxIter: 1000}
	classes := r.classes("region", "tier", "tenure")
	for _, c := range []struct {
		column  string
		weights []float64
	}{{"rake", nil}, {"rake_w0", r.w0}} {
		got, err := satmetrics.Rake(classes, c.weights, cfg)
		if err != nil {
			t.Fatalf("%s: %v", c.column, err)
		}
		wrefCompare(t, c.column, got.Weights, r.weights[c.column], 1e-9)
		if !got.Converged || got.Iterations < 2 {
			t.Errorf("%s: converged %v after %d sweeps, want true after several", c.column, got.Converged, got.Iterations)
		}
		for _, m := range got.Margins {
			if m.MaxRelativeDifference > 1e-12 {
				t.Errorf("%s: margin %q is %g from its target, want at most 1e-12", c.column, m.Classification, m.MaxRelativeDifference)
			}
		}
	}
}

// TestRakeBoundsR compares raking within bounds of 0.2 and 5 times the mean
// weight with R's survey::rake and trimWeights(strict = TRUE) applied in
// rounds until the raked weights are within the bounds up to a relative
// 1e-9 (column rake_trim, and the number of rounds, of gen_reference.R).
// Each round's raking stops at a relative 1e-9 here and much closer in R,
// so the weights agree to 1e-6 relative.
func TestRakeBoundsR(t *testing.T) {
	r := wrefLoad(t)
	cfg := satmetrics.Calibration{
		Tolerance: 1e-9,
		MaxIter:   1000,
		Bounds:    satmetrics.Bounds{Lower: 0.2, Upper: 5, Relative: true},
	}
	got, err := satmetrics.Rake(r.classes("region", "tier", "tenure"), nil, cfg)
	if err != nil {
		t.Fatal(err)
	}
	wrefCompare(t, "rake_trim", got.Weights, r.weights["rake_trim"], 1e-6)
	if want := int(r.est["rake_trim.rounds"]); got.TrimRounds != want {
		t.Errorf("Rake with bounds: %d rounds, want %d", got.TrimRounds, want)
	}
	mean := 100000.0 / 600
	if !wrefClose(got.Lower, 0.2*mean, 1e-15) || !wrefClose(got.Upper, 5*mean, 1e-15) {
		t.Errorf("Rake with bounds: bounds [%v, %v], want [%v, %v]", got.Lower, got.Upper, 0.2*mean, 5*mean)
	}
}

// wrefRandom builds a random calibration problem from seed: k
// classifications of 1 to 5 categories each, respondents that cover every
// cell of their cross-classification at least once (so that the margins can
// be met) plus up to 200 more, random population counts, and random base
// weights in (0.2, 5).
func wrefRandom(seed int64, k int) ([]satmetrics.Classification, []float64) {
	rng := rand.New(rand.NewPCG(uint64(seed), 8))
	sizes := make([]int, k)
	cells := 1
	for j := range sizes {
		sizes[j] = 1 + rng.IntN(5)
		cells *= sizes[j]
	}
	n := cells + rng.IntN(201)
	classes := make([]satmetrics.Classification, k)
	total := 1000 + rng.Float64()*1e6
	for j := range classes {
		classes[j] = satmetrics.Classification{Name: fmt.Sprintf("c%d", j), Labels: make([]string, n), Population: map[string]float64{}}
		shares := make([]float64, sizes[j])
		var sum float64
		for h := range shares {
			shares[h] = 0.05 + rng.Float64()
			sum += shares[h]
		}
		for h := range shares {
			classes[j].Population[fmt.Sprintf("cat%d", h)] = total * shares[h] / sum
		}
	}
	for i := 0; i < n; i++ {
		cell := i
		for j := range classes {
			h := rng.IntN(sizes[j])
			if i < cells {
				h = cell % sizes[j]
				cell /= sizes[j]
			}
			classes[j].Labels[i] = fmt.Sprintf("cat%d", h)
		}
	}
	weights := make([]float64, n)
	for i := range weights {
		weights[i] = 0.2 + 4.8*rng.Float64()
	}
	return classes, weights
}

// wrefMargins sums weights by the labels of c, independently of the code
// under test.
func wrefMargins(c satmetrics.Classification, weights []float64) map[string]float64 {
	m := map[string]float64{}
	for i, l := range c.Labels {
		m[l] += weights[i]
	}
	return m
}

// TestRakeProperties checks, on random problems whose margins can be met,
// that raking converges, that the weights reproduce every margin within the
// tolerance and stay positive, that raking on one classification equals
// post-stratification, and that scaling the base weights does not change the
// result.
func TestRakeProperties(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.Rng.Seed(88)
	props := gopter.NewProperties(params)
	const tol = 1e-9
	cfg := satmetrics.Calibration{Tolerance: tol, MaxIter: 10000}

	props.Property("calibrated weights meet every margin and stay positive", prop.ForAll(
		func(seed int64, k int) string {
			classes, base := wrefRandom(seed, k)
			got, err := satmetrics.Rake(classes, base, cfg)
			if err != nil {
				return err.Error()
			}
			for i, w := range got.Weights {
				if !(w > 0) {
					return fmt.Sprintf("weight %d = %v", i, w)
				}
			}
			for _, c := range classes {
				m := wrefMargins(c, got.Weights)
				for cat, target := range c.Population {
					// The independent sums may round differently.
					if math.Abs(m[cat]-target) > tol*target*(1+1e-6) {
						return fmt.Sprintf("%s/%s: %v, want %v", c.Name, cat, m[cat], target)
					}
				}
			}
			return ""
		},
		gen.Int64(), gen.IntRange(1, 4),
	))

	props.Property("raking on one classification equals post-stratification", prop.ForAll(
		func(seed int64) string {
			classes, base := wrefRandom(seed, 1)
			rk, err := satmetrics.Rake(classes, base, cfg)
			if err != nil {
				return err.Error()
			}
			ps, err := satmetrics.PostStratify(classes[0], base, cfg)
			if err != nil {
				return err.Error()
			}
			for i := range rk.Weights {
				if !wrefClose(rk.Weights[i], ps.Weights[i], 1e-12) {
					return fmt.Sprintf("weight %d: rake %v, post-stratify %v", i, rk.Weights[i], ps.Weights[i])
				}
			}
			return ""
		},
		gen.Int64(),
	))

	props.Property("scaling the base weights changes nothing", prop.ForAll(
		func(seed int64, scale float64) string {
			classes, base := wrefRandom(seed, 3)
			a, err := satmetrics.Rake(classes, base, cfg)
			if err != nil {
				return err.Error()
			}
			scaled := make([]float64, len(base))
			for i := range base {
				scaled[i] = base[i] * scale
			}
			b, err := satmetrics.Rake(classes, scaled, cfg)
			if err != nil {
				return err.Error()
			}
			for i := range a.Weights {
				if !wrefClose(a.Weights[i], b.Weights[i], 1e-6) {
					return fmt.Sprintf("weight %d: %v and %v", i, a.Weights[i], b.Weights[i])
				}
			}
			return ""
		},
		gen.Int64(), gen.Float64Range(1e-3, 1e3),
	))

	props.Property("within bounds, weights meet the margins and the bounds", prop.ForAll(
		func(seed int64) string {
			classes, base := wrefRandom(seed, 2)
			b := satmetrics.Bounds{Lower: 0.3, Upper: 3, Relative: true}
			got, err := satmetrics.Rake(classes, base, satmetrics.Calibration{Tolerance: tol, MaxIter: 1000, Bounds: b})
			if errors.Is(err, satmetrics.ErrNotConverged) || errors.Is(err, satmetrics.ErrRange) {
				return "" // margins and bounds cannot always be met together
			}
			if err != nil {
				return err.Error()
			}
			mean := got.Total / float64(len(got.Weights))
			for i, w := range got.Weights {
				if w < 0.3*mean*(1-tol) || w > 3*mean*(1+tol) {
					return fmt.Sprintf("weight %d = %v outside [%v, %v]", i, w, 0.3*mean, 3*mean)
				}
			}
			for _, c := range classes {
				m := wrefMargins(c, got.Weights)
				for cat, target := range c.Population {
					if math.Abs(m[cat]-target) > tol*target*(1+1e-6) {
						return fmt.Sprintf("%s/%s: %v, want %v", c.Name, cat, m[cat], target)
					}
				}
			}
			return ""
		},
		gen.Int64(),
	))
	props.TestingRun(t)
}

// TestRakeNotConverged gives margins that no weights can meet: every
// respondent of region "north" is on the basic plan, which has 40% of the
// population, but north has 60%.
func TestRakeNotConverged(t *testing.T) {
	classes := []satmetrics.Classification{
		{Name: "region", Labels: []string{"north", "north", "south", "south"}, Population: map[string]float64{"north": 60, "south": 40}},
		{Name: "tier", Labels: []string{"basic", "basic", "basic", "pro"}, Population: map[string]float64{"basic": 40, "pro": 60}},
	}
	got, err := satmetrics.Rake(classes, nil, satmetrics.Calibration{MaxIter: 50})
	if !errors.Is(err, satmetrics.ErrNotConverged) {
		t.Fatalf("Rake: error %v, want ErrNotConverged", err)
	}
	for _, s := range []string{"50 iterations", `"region"`} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("Rake: error %q does not say %s", err, s)
		}
	}
	if got.Converged || got.Iterations != 50 || len(got.Weights) != 4 || got.Margins[0].MaxRelativeDifference < 0.1 {
		t.Errorf("Rake: converged %v after %d sweeps, %d weights, region %v from target; want false, 50, 4, > 0.1",
			got.Converged, got.Iterations, len(got.Weights), got.Margins[0].MaxRelativeDifference)
	}
	if _, err := json.Marshal(got); err != nil {
		t.Errorf("json.Marshal: %v", err)
	}
}

// TestRakeReport checks the report of a small raking by hand: 4
// respondents, equal initial weights, margins that post-stratification on
// region alone meets.
func TestRakeReport(t *testing.T) {
	classes := []satmetrics.Classification{
		{Name: "region", Labels: []string{"north", "north", "north", "south"}, Population: map[string]float64{"north": 0.5, "south": 0.5}},
		{Name: "tier", Labels: []string{"basic", "pro", "basic", "pro"}, Population: map[string]float64{"basic": 1.0 / 3, "pro": 2.0 / 3}},
	}
	got, err := satmetrics.Rake(classes, nil, satmetrics.Calibration{Total: 4, Tolerance: 1e-12, MaxIter: 1000})
	if err != nil {
		t.Fatal(err)
	}
	// Solution by hand: north basic a, north pro b, south pro c with
	// 2a + b = 2, c = 2, b + c = 8/3, so b = 2/3 and a = 2/3.
	want := []float64{2.0 / 3, 2.0 / 3, 2.0 / 3, 2}
	wrefCompare(t, "Rake", got.Weights, want, 1e-10)
	north := got.Margins[0].Categories[0]
	if north.Category != "north" || north.Respondents != 3 || !wrefClose(north.Initial, 3, 1e-15) || !wrefClose(north.Target, 2, 1e-15) || !wrefClose(north.Achieved, 2, 1e-10) {
		t.Errorf("Rake: report of north %+v, want 3 respondents, initial 3, target 2, achieved 2", north)
	}
	if !wrefClose(got.EffectiveN, 16/(3*4.0/9+4), 1e-10) || !wrefClose(got.DesignEffect, 4/got.EffectiveN, 1e-12) {
		t.Errorf("Rake: effective n %v, design effect %v", got.EffectiveN, got.DesignEffect)
	}
}

// FuzzRake feeds Rake arbitrary respondents, populations and weights: it
// must never panic, and whatever it returns must encode to JSON.
func FuzzRake(f *testing.F) {
	f.Add([]byte("\x03\x01\x02\x00\x01\x02\x03"), []byte("\x05\x07\x09"), 1.0)
	f.Add([]byte("\x00\x00\x01\x01"), []byte("\x01\x00"), 0.0)
	f.Add([]byte{}, []byte{}, math.NaN())
	f.Fuzz(func(t *testing.T, labels, pop []byte, w float64) {
		// Two classifications: the low and high bits of each byte.
		cats := []string{"a", "b", "c", "d"}
		classes := []satmetrics.Classification{
			{Name: "low", Population: map[string]float64{}},
			{Name: "high", Population: map[string]float64{}},
		}
		for _, b := range labels {
			classes[0].Labels = append(classes[0].Labels, cats[b&3])
			classes[1].Labels = append(classes[1].Labels, cats[b>>2&3])
		}
		for i, b := range pop {
			classes[i%2].Population[cats[i/2%4]] = float64(b)
		}
		var weights []float64
		if w != 0 {
			weights = make([]float64, len(labels))
			for i := range weights {
				weights[i] = w * float64(i%3)
			}
		}
		cal, err := satmetrics.Rake(classes, weights, satmetrics.Calibration{MaxIter: 20, Bounds: satmetrics.Bounds{Upper: 4, Relative: true}})
		if err == nil || errors.Is(err, satmetrics.ErrNotConverged) {
			if _, jerr := json.Marshal(cal); jerr != nil {
				t.Fatalf("json.Marshal: %v (Rake error %v)", jerr, err)
			}
		}
		// Representativeness counts respondents of weight zero that Rake
		// ignores, so it may fail where Rake succeeded, but not panic.
		if rep, err := satmetrics.Representativeness(classes[0], 0.95); err == nil {
			if _, jerr := json.Marshal(rep); jerr != nil {
				t.Fatalf("json.Marshal: %v", jerr)
			}
		}
	})
}

// wrefBench builds n respondents on three classifications of 20 categories
// each whose respondents are skewed against the population (so that raking
// takes several sweeps), with population counts that sum to 10 million.
func wrefBench(n int) []satmetrics.Classification {
	rng := rand.New(rand.NewPCG(2026, uint64(n)))
	const k = 20
	classes := make([]satmetrics.Classification, 3)
	cats := make([]string, k)
	for h := range cats {
		cats[h] = fmt.Sprintf("cat%02d", h)
	}
	for j := range classes {
		classes[j] = satmetrics.Classification{Name: fmt.Sprintf("class%d", j), Labels: make([]string, n), Population: map[string]float64{}}
		var sum float64
		shares := make([]float64, k)
		for h := range shares {
			shares[h] = 1 + rng.Float64()
			sum += shares[h]
		}
		for h, cat := range cats {
			classes[j].Population[cat] = 1e7 * shares[h] / sum
		}
	}
	for i := 0; i < n; i++ {
		// Skewed toward low categories, and each classification leans on
		// the previous one.
		h := int(float64(k) * rng.Float64() * rng.Float64())
		classes[0].Labels[i] = cats[h]
		for j := 1; j < 3; j++ {
			if rng.IntN(2) == 0 {
				h = (h + rng.IntN(3)) % k
			} else {
				h = int(float64(k) * math.Sqrt(rng.Float64()))
			}
			classes[j].Labels[i] = cats[h]
		}
	}
	return classes
}

// BenchmarkRake rakes n respondents to three margins of 20 categories each,
// from the labels (their encoding included) to the report, at the default
// tolerance (1e-6 relative).
func BenchmarkRake(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000, 1000000} {
		classes := wrefBench(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var sweeps int
			for b.Loop() {
				cal, err := satmetrics.Rake(classes, nil, satmetrics.Calibration{})
				if err != nil {
					b.Fatal(err)
				}
				sweeps = cal.Iterations
			}
			b.ReportMetric(float64(sweeps), "sweeps")
		})
	}
}
