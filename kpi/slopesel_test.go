package kpi

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// allSlopes lists every slope of pairs with distinct x, sorted: the
// quadratic reference for the selection.
func allSlopes(x, y []float64) []float64 {
	var s []float64
	for i := range x {
		for j := range x {
			if x[j] > x[i] {
				s = append(s, (y[j]-y[i])/(x[j]-x[i]))
			}
		}
	}
	slices.Sort(s)
	return s
}

func TestSlopeSelection(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 60; trial++ {
		n := 2 + r.IntN(400)
		if trial%10 == 0 {
			n = 1200 + r.IntN(300) // enough to need sampling rounds
		}
		x := make([]float64, n)
		y := make([]float64, n)
		for i := range x {
			switch trial % 3 {
			case 0: // a time series
				x[i] = float64(i)
				y[i] = 0.3*float64(i) + r.NormFloat64()*20
			case 1: // integer data with many ties in x, y and slopes
				x[i] = float64(r.IntN(20))
				y[i] = float64(r.IntN(5))
			case 2:
				x[i] = r.Float64() * 100
				y[i] = float64(r.IntN(3)) + x[i]*0.01
			}
		}
		want := allSlopes(x, y)
		if len(want) == 0 {
			continue
		}
		sel := newSlopeSelector(x, y)
		if sel.total != int64(len(want)) {
			t.Fatalf("n=%d: total = %d, want %d", n, sel.total, len(want))
		}
		ranks := []int64{0, int64(len(want)) / 3, int64(len(want)) / 2, int64(len(want)) - 1, r.Int64N(int64(len(want)))}
		together := sel.selectRanks(ranks)
		for i, rank := range ranks {
			// Category 2 has many slopes equal to 0.01 in exact arithmetic
			// that rounding scatters by a few ulps; the selection orders
			// such near-ties by a different rounding, so allow 1e-12 there.
			tol := 0.0
			if trial%3 == 2 {
				tol = 1e-12
			}
			if got := sel.selectRank(rank); !close(got, want[rank], tol) {
				t.Errorf("trial %d, n=%d: rank %d of %d = %v, want %v", trial, n, rank, len(want), got, want[rank])
			}
			if got := together[i]; !close(got, want[rank], tol) {
				t.Errorf("trial %d, n=%d: selectRanks: rank %d of %d = %v, want %v", trial, n, rank, len(want), got, want[rank])
			}
		}
	}
}

func TestInversions(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 50; trial++ {
		n := r.IntN(60)
		a := make([]int32, n)
		for i := range a {
			a[i] = int32(r.IntN(10))
		}
		var want int64
		for i := range a {
			for j := i + 1; j < n; j++ {
				if a[i] > a[j] {
					want++
				}
			}
		}
		if got := inversions(slices.Clone(a), make([]int32, n)); got != want {
			t.Errorf("inversions(%v) = %d, want %d", a, got, want)
		}
	}
}

func BenchmarkSelectMedianSlope(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		r := rand.New(rand.NewPCG(1, 1))
		x := make([]float64, n)
		y := make([]float64, n)
		for i := range x {
			x[i] = float64(i)
			y[i] = 0.01*float64(i) + r.NormFloat64()
		}
		b.Run("n="+itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sel := newSlopeSelector(x, y)
				m := sel.total / 2
				sel.selectRanks([]int64{m - 1, m, m + 1, m / 2, m * 3 / 2})
			}
		})
	}
}
