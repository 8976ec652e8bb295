package special

import (
	"fmt"
	"testing"
)

// sink keeps the benchmarked results alive.
var sink float64

func BenchmarkLogBeta(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink = LogBeta(3.5+float64(i%5), 120)
	}
}

func BenchmarkDigamma(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink = Digamma(0.5 + float64(i%20))
	}
}

func BenchmarkRegIncBeta(b *testing.B) {
	for _, s := range [][2]float64{{0.5, 0.5}, {2, 5}, {30, 200}, {1e4, 1e4}, {5e5, 0.5}} {
		b.Run(fmt.Sprintf("a=%v,b=%v", s[0], s[1]), func(b *testing.B) {
			mean := s[0] / (s[0] + s[1])
			xs := []float64{mean / 2, mean, (1 + mean) / 2}
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sink = RegIncBeta(xs[i%3], s[0], s[1])
			}
		})
	}
}

func BenchmarkRegIncGammaP(b *testing.B) {
	for _, a := range []float64{0.1, 3, 100, 1e5} {
		b.Run(fmt.Sprint("a=", a), func(b *testing.B) {
			xs := []float64{a / 2, a, 2 * a}
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sink = RegIncGammaP(a, xs[i%3])
			}
		})
	}
}

func BenchmarkRegIncBetaInv(b *testing.B) {
	ps := []float64{1e-12, 0.025, 0.5, 0.975, 1 - 1e-9}
	for _, s := range [][2]float64{{0.5, 0.5}, {2, 5}, {0.01, 30}, {1e3, 1e4}} {
		b.Run(fmt.Sprintf("a=%v,b=%v", s[0], s[1]), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sink = RegIncBetaInv(ps[i%len(ps)], s[0], s[1])
			}
		})
	}
}

func BenchmarkRegIncGammaPInv(b *testing.B) {
	ps := []float64{1e-12, 0.025, 0.5, 0.975, 1 - 1e-9}
	for _, a := range []float64{0.01, 1, 30, 1e5} {
		b.Run(fmt.Sprint("a=", a), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sink = RegIncGammaPInv(ps[i%len(ps)], a)
			}
		})
	}
}

func BenchmarkHyp2F1(b *testing.B) {
	cases := []struct {
		name       string
		a, b, c, z float64
	}{
		{"BGNBD x=2 z=0.5", 0.25 + 2, 2.4 + 2, 0.8 + 2.4 + 2 - 1, 0.5},
		{"BGNBD x=50 z=0.99", 0.25 + 50, 2.4 + 50, 0.8 + 2.4 + 50 - 1, 0.99},
		{"ParetoNBD x=3 z=0.3", 0.5 + 2.5 + 3, 3.5, 0.5 + 2.5 + 3 + 1, 0.3},
		{"ParetoNBD x=100 z=0.9999", 0.5 + 2.5 + 100, 3.5, 0.5 + 2.5 + 100 + 1, 0.9999},
		{"ParetoNBD x=3 z=-50", 0.5 + 2.5 + 3, 3.5, 0.5 + 2.5 + 3 + 1, -50},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sink, _ = LogHyp2F1(c.a, c.b, c.c, c.z)
			}
		})
	}
}
