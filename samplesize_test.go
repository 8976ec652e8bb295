package satmetrics_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/satmetrics/satmetrics"
)

// TestSampleSizeR compares the planners with the sizes R computes
// (testdata/samplesize.csv, written by testdata/gen_mean.R: the closed form
// for proportions, a brute-force search over n with qt for means). Exact.
func TestSampleSizeR(t *testing.T) {
	for _, r := range readCSV(t, "samplesize.csv") {
		param, margin, level := num(t, r["param"]), num(t, r["margin"]), num(t, r["level"])
		want := int64(num(t, r["n"]))
		var got int64
		var err error
		switch r["kind"] {
		case "proportion":
			got, err = satmetrics.SampleSizeProportion(param, margin, level)
		case "mean":
			got, err = satmetrics.SampleSizeMean(param, margin, level)
		default:
			t.Fatalf("unknown kind %q", r["kind"])
		}
		if err != nil || got != want {
			t.Errorf("SampleSize %s(%v, %v, %v) = %d, %v, want %d", r["kind"], param, margin, level, got, err, want)
		}
	}
}

func TestSampleSizeEdges(t *testing.T) {
	// Cochran's classic: p = 0.5, ±5 points, 95% needs 385 responses.
	if n, err := satmetrics.SampleSizeProportion(0.5, 0.05, 0.95); n != 385 || err != nil {
		t.Errorf("SampleSizeProportion(0.5, 0.05, 0.95) = %d, %v, want 385", n, err)
	}
	if n, err := satmetrics.SampleSizeProportion(1, 0.05, 0.95); n != 1 || err != nil {
		t.Errorf("SampleSizeProportion(1, 0.05, 0.95) = %d, %v, want 1", n, err)
	}
	if n, err := satmetrics.SampleSizeMean(0, 0.1, 0.95); n != 2 || err != nil {
		t.Errorf("SampleSizeMean(0, 0.1, 0.95) = %d, %v, want 2", n, err)
	}
	for _, c := range []struct {
		name string
		f    func() (int64, error)
		want error
	}{
		{"p > 1", func() (int64, error) { return satmetrics.SampleSizeProportion(1.5, 0.05, 0.95) }, satmetrics.ErrRange},
		{"p NaN", func() (int64, error) { return satmetrics.SampleSizeProportion(math.NaN(), 0.05, 0.95) }, satmetrics.ErrRange},
		{"margin 0", func() (int64, error) { return satmetrics.SampleSizeProportion(0.5, 0, 0.95) }, satmetrics.ErrRange},
		{"margin Inf", func() (int64, error) { return satmetrics.SampleSizeProportion(0.5, math.Inf(1), 0.95) }, satmetrics.ErrRange},
		{"tiny margin", func() (int64, error) { return satmetrics.SampleSizeProportion(0.5, 1e-12, 0.95) }, satmetrics.ErrRange},
		{"level", func() (int64, error) { return satmetrics.SampleSizeProportion(0.5, 0.05, 95) }, satmetrics.ErrLevel},
		{"sd < 0", func() (int64, error) { return satmetrics.SampleSizeMean(-1, 0.1, 0.95) }, satmetrics.ErrRange},
		{"mean tiny margin", func() (int64, error) { return satmetrics.SampleSizeMean(1, 1e-12, 0.95) }, satmetrics.ErrRange},
		{"variance < 0", func() (int64, error) { return satmetrics.SampleSizeVariance(-1, 0.1, 0.95) }, satmetrics.ErrRange},
	} {
		if _, err := c.f(); !errors.Is(err, c.want) {
			t.Errorf("%s: error = %v, want %v", c.name, err, c.want)
		}
	}
}

func ExampleSampleSizeProportion() {
	// How many responses for ±5 points around an expected 70% satisfied?
	n, err := satmetrics.SampleSizeProportion(0.7, 0.05, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n)
	// Output:
	// 323
}

func ExampleSampleSizeMean() {
	// How many ratings for ±0.1 points around a mean when the SD is 1.2?
	n, err := satmetrics.SampleSizeMean(1.2, 0.1, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n)
	// Output:
	// 556
}

// TestSampleSizeInvertsMarginOfError checks that SampleSizeProportion is
// the smallest n whose MarginOfError (infinite population) is within the
// target.
func TestSampleSizeInvertsMarginOfError(t *testing.T) {
	for _, p := range []float64{0.5, 0.3, 0.9, 0.99} {
		for _, e := range []float64{0.01, 0.03, 0.05, 0.1} {
			for _, level := range []float64{0.9, 0.95, 0.99} {
				n, err := satmetrics.SampleSizeProportion(p, e, level)
				if err != nil {
					t.Fatal(err)
				}
				at, _ := satmetrics.MarginOfError(p, float64(n), 0, level)
				below, _ := satmetrics.MarginOfError(p, float64(n-1), 0, level)
				if at > e || (n > 1 && below <= e) {
					t.Errorf("SampleSizeProportion(%v, %v, %v) = %d: margins %v at n, %v at n-1", p, e, level, n, at, below)
				}
			}
		}
	}
}
