package nps

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestBinomialDistribution checks the sampler against the exact binomial
// probabilities (from math.Lgamma) with a chi-square goodness-of-fit test,
// in both the inversion and the BTRS regime and for p above one half. The
// generator is seeded, so the test is deterministic; the threshold is the
// 0.999 quantile of chi-square with the test's degrees of freedom (from the
// Wilson-Hilferty approximation), so a correct sampler fails with
// probability 0.001 for a given seed, and the seed is fixed.
func TestBinomialDistribution(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for _, c := range []struct {
		n int64
		p float64
	}{
		{5, 0.3}, {40, 0.1}, {100, 0.4}, {1000, 0.5}, {25, 0.8}, {100000, 0.02}, {3, 0.999},
	} {
		const draws = 200_000
		counts := map[int64]int{}
		for i := 0; i < draws; i++ {
			k := binomial(r, c.n, c.p)
			if k < 0 || k > c.n {
				t.Fatalf("binomial(%d, %v) = %d", c.n, c.p, k)
			}
			counts[k]++
		}
		// Pool the tails so that every cell expects at least 5 draws.
		var chi2, expTail, obsTail float64
		df := -1
		for k := int64(0); k <= c.n; k++ {
			lp := lgamma(float64(c.n+1)) - lgamma(float64(k+1)) - lgamma(float64(c.n-k+1)) +
				float64(k)*math.Log(c.p) + float64(c.n-k)*math.Log1p(-c.p)
			e := draws * math.Exp(lp)
			expTail += e
			obsTail += float64(counts[k])
			if expTail >= 5 {
				chi2 += (obsTail - expTail) * (obsTail - expTail) / expTail
				expTail, obsTail = 0, 0
				df++
			}
		}
		if expTail > 0 {
			chi2 += (obsTail - expTail) * (obsTail - expTail) / math.Max(expTail, 1e-300)
		}
		if df < 1 {
			df = 1
		}
		// Wilson-Hilferty: chi-square quantile ≈ df (1 - 2/(9df) + z √(2/(9df)))³.
		z := 3.090232306167813 // Φ⁻¹(0.999)
		k := float64(df)
		crit := k * math.Pow(1-2/(9*k)+z*math.Sqrt(2/(9*k)), 3)
		if chi2 > crit {
			t.Errorf("binomial(%d, %v): chi-square %.1f on %d df exceeds %.1f", c.n, c.p, chi2, df, crit)
		}
	}
	if binomial(r, 0, 0.5) != 0 || binomial(r, 10, 0) != 0 || binomial(r, 10, 1) != 10 {
		t.Error("degenerate cases")
	}
}

func BenchmarkBinomial(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	for b.Loop() {
		binomial(r, 10_000_000, 0.4)
	}
}
