package satmetrics_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/satmetrics/satmetrics"
)

// TestMarginOfErrorR compares MarginOfError with Cochran's formula computed
// in R (testdata/weights/moe.csv, written by gen_reference.R), tolerance
// 1e-13 relative, and with the published rule of thumb that 1,000 answers
// give a margin of ±3.1 points at 95% for p = 0.5 and 385 answers ±5.0
// (AAPOR, "Margin of Sampling Error/Credibility Interval"), to the published
// rounding.
func TestMarginOfErrorR(t *testing.T) {
	rows := wrefCSV(t, "moe.csv")
	for _, row := range rows {
		p, n, pop, level := wrefNum(t, row["p"]), wrefNum(t, row["n"]), wrefNum(t, row["N"]), wrefNum(t, row["level"])
		want := wrefNum(t, row["moe"])
		got, err := satmetrics.MarginOfError(p, n, pop, level)
		if err != nil {
			t.Fatal(err)
		}
		if !wrefClose(got, want, 1e-13) {
			t.Errorf("MarginOfError(%v, %v, %v, %v) = %.17g, want %.17g", p, n, pop, level, got, want)
		}
	}
	if len(rows) != 6 {
		t.Errorf("%d reference cases, want 6", len(rows))
	}
	for _, c := range []struct{ n, want float64 }{{1000, 0.031}, {385, 0.050}} {
		got, err := satmetrics.MarginOfError(0.5, c.n, 0, 0.95)
		if err != nil || math.Round(got*1000)/1000 != c.want {
			t.Errorf("MarginOfError(0.5, %v, 0, 0.95) = %v, %v, want %v rounded", c.n, got, err, c.want)
		}
	}
}

func TestMarginOfErrorEdges(t *testing.T) {
	for _, c := range []struct {
		p, n, pop, level float64
		want             float64
		err              error
	}{
		{0.5, 10, 10, 0.95, 0, nil},  // a census: no sampling error
		{0.5, 1, 1, 0.95, 0, nil},    // a population of one
		{0, 100, 0, 0.95, 0, nil},    // p = 0
		{1, 100, 1000, 0.95, 0, nil}, // p = 1
		{-0.1, 100, 0, 0.95, 0, satmetrics.ErrRange},
		{math.NaN(), 100, 0, 0.95, 0, satmetrics.ErrRange},
		{0.5, 0, 0, 0.95, 0, satmetrics.ErrRange},
		{0.5, math.Inf(1), 0, 0.95, 0, satmetrics.ErrRange},
		{0.5, 100, 50, 0.95, 0, satmetrics.ErrRange},
		{0.5, 100, -5, 0.95, 0, satmetrics.ErrRange},
		{0.5, 100, math.Inf(1), 0.95, 0, satmetrics.ErrRange},
		{0.5, 100, 0, 1, 0, satmetrics.ErrLevel},
	} {
		got, err := satmetrics.MarginOfError(c.p, c.n, c.pop, c.level)
		if !errors.Is(err, c.err) || got != c.want {
			t.Errorf("MarginOfError(%v, %v, %v, %v) = %v, %v; want %v, %v", c.p, c.n, c.pop, c.level, got, err, c.want, c.err)
		}
	}
}

// TestMarginOfErrorProperties checks that the margin shrinks as the sample
// grows, that the finite population correction only narrows it, and that p
// = 0.5 gives the widest margin.
func TestMarginOfErrorProperties(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.Rng.Seed(8)
	props := gopter.NewProperties(params)
	props.Property("margin shrinks with n and with the correction; widest at 0.5", prop.ForAll(
		func(p, n, extra float64) bool {
			pop := n + extra
			m1, err1 := satmetrics.MarginOfError(p, n, pop, 0.95)
			m2, err2 := satmetrics.MarginOfError(p, n+1, pop+1, 0.95)
			inf, err3 := satmetrics.MarginOfError(p, n, 0, 0.95)
			half, err4 := satmetrics.MarginOfError(0.5, n, pop, 0.95)
			return err1 == nil && err2 == nil && err3 == nil && err4 == nil &&
				m2 <= m1 && m1 <= inf && m1 <= half
		},
		gen.Float64Range(0, 1), gen.Float64Range(1, 1e6), gen.Float64Range(0, 1e7),
	))
	props.TestingRun(t)
}

func TestResponseRate(t *testing.T) {
	for _, c := range []struct {
		resp, inv int64
		want      float64
		err       error
	}{
		{30, 1000, 0.03, nil},
		{0, 10, 0, nil},
		{10, 10, 1, nil},
		{1, 0, 0, satmetrics.ErrNoData},
		{-1, 10, 0, satmetrics.ErrRange},
		{11, 10, 0, satmetrics.ErrRange},
	} {
		got, err := satmetrics.ResponseRate(c.resp, c.inv)
		if !errors.Is(err, c.err) || got != c.want {
			t.Errorf("ResponseRate(%d, %d) = %v, %v; want %v, %v", c.resp, c.inv, got, err, c.want, c.err)
		}
		if err != nil && !strings.Contains(err.Error(), fmt.Sprint(c.inv)) {
			t.Errorf("ResponseRate(%d, %d): error %q does not name the counts", c.resp, c.inv, err)
		}
	}
}
