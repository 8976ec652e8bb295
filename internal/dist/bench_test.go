package dist

import (
	"fmt"
	"testing"
)

// sink keeps the benchmarked results alive.
var sink float64

// benchProbs are the probabilities each quantile benchmark cycles through:
// both tails and the body.
var benchProbs = []float64{1e-12, 0.025, 0.5, 0.975, 1 - 1e-9}

func benchQuantile(b *testing.B, q func(p float64) float64) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink = q(benchProbs[i%len(benchProbs)])
	}
}

func BenchmarkNormalQuantile(b *testing.B) {
	benchQuantile(b, NormalQuantile)
}

func BenchmarkStudentTQuantile(b *testing.B) {
	for _, nu := range []float64{1, 10, 1e3, 1e6} {
		b.Run(fmt.Sprint("df=", nu), func(b *testing.B) {
			benchQuantile(b, func(p float64) float64 { return StudentTQuantile(p, nu) })
		})
	}
}

func BenchmarkChiSquareQuantile(b *testing.B) {
	for _, k := range []float64{1, 10, 1e3, 1e6} {
		b.Run(fmt.Sprint("k=", k), func(b *testing.B) {
			benchQuantile(b, func(p float64) float64 { return ChiSquareQuantile(p, k) })
		})
	}
}

func BenchmarkFQuantile(b *testing.B) {
	for _, d := range [][2]float64{{1, 10}, {5, 100}, {100, 1e4}} {
		b.Run(fmt.Sprintf("d1=%v,d2=%v", d[0], d[1]), func(b *testing.B) {
			benchQuantile(b, func(p float64) float64 { return FQuantile(p, d[0], d[1]) })
		})
	}
}

func BenchmarkBetaQuantile(b *testing.B) {
	for _, s := range [][2]float64{{0.5, 0.5}, {2, 5}, {0.01, 30}, {1e3, 1e4}, {1e5, 0.5}} {
		b.Run(fmt.Sprintf("a=%v,b=%v", s[0], s[1]), func(b *testing.B) {
			benchQuantile(b, func(p float64) float64 { return BetaQuantile(p, s[0], s[1]) })
		})
	}
}

func BenchmarkGammaQuantile(b *testing.B) {
	for _, k := range []float64{0.01, 1, 30, 1e5} {
		b.Run(fmt.Sprint("shape=", k), func(b *testing.B) {
			benchQuantile(b, func(p float64) float64 { return GammaQuantile(p, k, 2) })
		})
	}
}

func BenchmarkStudentTSurvival(b *testing.B) {
	for _, nu := range []float64{1, 10, 1e3, 1e6} {
		b.Run(fmt.Sprint("df=", nu), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sink = StudentTSurvival(float64(i%7), nu)
			}
		})
	}
}
