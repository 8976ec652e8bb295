package satmetrics_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/satmetrics/satmetrics"
)

// TestMeanIntervalR compares the t interval with R's t.test(x)$conf.int for
// eight samples at four levels (testdata/ttest.csv, written by
// testdata/gen_mean.R). Tolerance: 1e-9 relative.
func TestMeanIntervalR(t *testing.T) {
	for _, r := range readCSV(t, "ttest.csv") {
		s := satmetrics.MeanStats{Mean: num(t, r["mean"]), SD: num(t, r["sd"]), N: num(t, r["n"])}
		level := num(t, r["level"])
		iv, err := satmetrics.MeanInterval(s, level)
		if err != nil {
			t.Fatal(err)
		}
		lo, hi := num(t, r["lower"]), num(t, r["upper"])
		if !closeTo(iv.Lower, lo, 1e-9) || !closeTo(iv.Upper, hi, 1e-9) || iv.Method != "t" || iv.Level != level {
			t.Errorf("MeanInterval(%s %+v, %v) = %+v, want [%.12g, %.12g]", r["name"], s, level, iv, lo, hi)
		}
	}
}

// TestCompareMeansR compares Welch's test with R's t.test(x, y) (interval,
// statistic and p-value; testdata/welch.csv). Tolerance: 1e-9 relative.
func TestCompareMeansR(t *testing.T) {
	for _, r := range readCSV(t, "welch.csv") {
		a := satmetrics.MeanStats{Mean: num(t, r["mean_a"]), SD: num(t, r["sd_a"]), N: num(t, r["n_a"])}
		b := satmetrics.MeanStats{Mean: num(t, r["mean_b"]), SD: num(t, r["sd_b"]), N: num(t, r["n_b"])}
		level := num(t, r["level"])
		c, err := satmetrics.CompareMeans(a, b, level)
		if err != nil {
			t.Fatal(err)
		}
		lo, hi, st, p := num(t, r["lower"]), num(t, r["upper"]), num(t, r["t"]), num(t, r["p"])
		if !closeTo(c.Lower, lo, 1e-9) || !closeTo(c.Upper, hi, 1e-9) || !closeTo(c.Statistic, st, 1e-9) || !closeTo(c.P, p, 1e-9) {
			t.Errorf("CompareMeans(%s, %s, %v) = [%.12g, %.12g] t %.12g p %.12g, want [%.12g, %.12g] t %.12g p %.12g",
				r["a"], r["b"], level, c.Lower, c.Upper, c.Statistic, c.P, lo, hi, st, p)
		}
		if c.Method != "welch" || c.Difference != a.Mean-b.Mean {
			t.Errorf("CompareMeans(%s, %s) = %+v", r["a"], r["b"], c)
		}
	}
}

func TestMeanErrors(t *testing.T) {
	good := satmetrics.MeanStats{Mean: 3, SD: 1, N: 10}
	for _, c := range []struct {
		s     satmetrics.MeanStats
		level float64
		want  error
	}{
		{satmetrics.MeanStats{}, 0.95, satmetrics.ErrNoData},
		{satmetrics.MeanStats{Mean: 3, N: 1}, 0.95, satmetrics.ErrUndefined},
		{satmetrics.MeanStats{Mean: 3, N: -2}, 0.95, satmetrics.ErrRange},
		{satmetrics.MeanStats{Mean: 3, N: math.NaN()}, 0.95, satmetrics.ErrRange},
		{satmetrics.MeanStats{Mean: math.Inf(1), SD: 1, N: 3}, 0.95, satmetrics.ErrRange},
		{satmetrics.MeanStats{Mean: 3, SD: -1, N: 3}, 0.95, satmetrics.ErrRange},
		{good, 1.5, satmetrics.ErrLevel},
	} {
		if _, err := satmetrics.MeanInterval(c.s, c.level); !errors.Is(err, c.want) {
			t.Errorf("MeanInterval(%+v, %v) error = %v, want %v", c.s, c.level, err, c.want)
		}
		if _, err := satmetrics.CompareMeans(c.s, good, c.level); !errors.Is(err, c.want) {
			t.Errorf("CompareMeans(%+v, good, %v) error = %v, want %v", c.s, c.level, err, c.want)
		}
		if _, err := satmetrics.CompareMeans(good, c.s, c.level); !errors.Is(err, c.want) {
			t.Errorf("CompareMeans(good, %+v, %v) error = %v, want %v", c.s, c.level, err, c.want)
		}
	}
	flat := satmetrics.MeanStats{Mean: 4, SD: 0, N: 5}
	if _, err := satmetrics.CompareMeans(flat, flat, 0.95); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("CompareMeans of two samples without spread: error = %v, want ErrUndefined", err)
	}
	iv, err := satmetrics.MeanInterval(flat, 0.95)
	if err != nil || iv.Lower != 4 || iv.Upper != 4 {
		t.Errorf("MeanInterval(%+v) = %+v, %v, want [4, 4]", flat, iv, err)
	}
}

func TestMeanProperties(t *testing.T) {
	properties := gopter.NewProperties(nil)
	stats := gopter.CombineGens(gen.Float64Range(1, 10), gen.Float64Range(0, 5), gen.Float64Range(2, 1e5)).Map(
		func(v []any) satmetrics.MeanStats {
			return satmetrics.MeanStats{Mean: v[0].(float64), SD: v[1].(float64), N: v[2].(float64)}
		})
	properties.Property("the t interval contains the mean and narrows with more responses", prop.ForAll(
		func(s satmetrics.MeanStats, mult float64) bool {
			a, err1 := satmetrics.MeanInterval(s, 0.95)
			s2 := s
			s2.N *= mult
			b, err2 := satmetrics.MeanInterval(s2, 0.95)
			return err1 == nil && err2 == nil && a.Contains(s.Mean) && b.Width() <= a.Width()
		},
		stats, gen.Float64Range(1, 100)))
	properties.Property("Welch: swapping A and B negates the comparison", prop.ForAll(
		func(a, b satmetrics.MeanStats) bool {
			ab, err1 := satmetrics.CompareMeans(a, b, 0.9)
			ba, err2 := satmetrics.CompareMeans(b, a, 0.9)
			if a.SD == 0 && b.SD == 0 {
				return errors.Is(err1, satmetrics.ErrUndefined)
			}
			return err1 == nil && err2 == nil && ab.Difference == -ba.Difference &&
				closeTo(ab.Lower, -ba.Upper, 1e-12) && closeTo(ab.P, ba.P, 1e-12) && ab.Contains(ab.Difference)
		},
		stats, stats))
	properties.TestingRun(t)
}

func ExampleMeanInterval() {
	// 112 ratings on a 1-5 scale with mean 3.857 and standard deviation 1.361.
	iv, err := satmetrics.MeanInterval(satmetrics.MeanStats{Mean: 3.857, SD: 1.361, N: 112}, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s [%.3f, %.3f]\n", iv.Method, iv.Lower, iv.Upper)
	// Output:
	// t [3.602, 4.112]
}

func ExampleCompareMeans() {
	// Mean satisfaction in two teams.
	a := satmetrics.MeanStats{Mean: 4.2, SD: 0.9, N: 40}
	b := satmetrics.MeanStats{Mean: 3.8, SD: 1.3, N: 55}
	c, err := satmetrics.CompareMeans(a, b, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("A - B = %.2f [%.3f, %.3f], t = %.3f, p = %.4f\n", c.Difference, c.Lower, c.Upper, c.Statistic, c.P)
	// Output:
	// A - B = 0.40 [-0.048, 0.848], t = 1.772, p = 0.0797
}
