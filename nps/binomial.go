package nps

import (
	"math"
	"math/rand/v2"
)

// binomial draws from the binomial distribution Bin(n, p) with r. It is
// exact: by inversion (a sequential search from 0) when n·min(p, 1-p) < 10,
// and otherwise by Hörmann's transformed rejection with squeeze (BTRS), whose
// expected cost does not grow with n.
//
// For more information, see W. Hörmann, "The generation of binomial random
// variates", Journal of Statistical Computation and Simulation 46, 1993,
// pp. 101-110.
func binomial(r *rand.Rand, n int64, p float64) int64 {
	switch {
	case n <= 0 || p <= 0:
		return 0
	case p >= 1:
		return n
	case p > 0.5:
		return n - binomial(r, n, 1-p)
	case float64(n)*p < 10:
		return binomialInversion(r, n, p)
	}
	return binomialBTRS(r, n, p)
}

func binomialInversion(r *rand.Rand, n int64, p float64) int64 {
	q := 1 - p
	s := p / q
	a := float64(n+1) * s
	f := math.Pow(q, float64(n)) // P(X = 0)
	u := r.Float64()
	var k int64
	for u > f && k < n {
		u -= f
		k++
		f *= a/float64(k) - s
	}
	return k
}

func binomialBTRS(r *rand.Rand, n int64, p float64) int64 {
	nf := float64(n)
	q := 1 - p
	spq := math.Sqrt(nf * p * q)
	b := 1.15 + 2.53*spq
	a := -0.0873 + 0.0248*b + 0.01*p
	c := nf*p + 0.5
	vr := 0.92 - 4.2/b
	alpha := (2.83 + 5.1/b) * spq
	lpq := math.Log(p / q)
	m := math.Floor((nf + 1) * p)
	h := lgamma(m+1) + lgamma(nf-m+1)
	for {
		u := r.Float64() - 0.5
		v := r.Float64()
		us := 0.5 - math.Abs(u)
		k := math.Floor((2*a/us+b)*u + c)
		if k < 0 || k > nf {
			continue
		}
		if us >= 0.07 && v <= vr {
			return int64(k)
		}
		v = math.Log(v * alpha / (a/(us*us) + b))
		if v <= h-lgamma(k+1)-lgamma(nf-k+1)+(k-m)*lpq {
			return int64(k)
		}
	}
}

func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}
