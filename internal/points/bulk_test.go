package points

import (
	"math/rand/v2"
	"testing"
)

type score uint8

func TestAddAll(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 5, 255, 256, 257, 1000, 4099} {
		for _, lo := range []int{0, 1} {
			const k = 11
			xs := make([]score, n)
			var want Counts
			for i := range xs {
				xs[i] = score(lo + r.IntN(k))
				want.Add(int(xs[i]) - lo)
			}
			var got Counts
			if bad := AddAll(&got, xs, lo, k); bad != -1 {
				t.Fatalf("AddAll(%d values from %d) = %d, want -1", n, lo, bad)
			}
			if !got.Equal(&want) {
				t.Errorf("AddAll(%d values from %d) counts %v, want %v", n, lo, got.n, want.n)
			}
			if n == 0 {
				continue
			}
			// An invalid value anywhere: nothing added, first index reported.
			for _, at := range []int{0, n / 2, n - 1} {
				ys := append([]score(nil), xs...)
				ys[at] = score(lo + k)
				if at > 0 {
					ys[n-1] = 200 // a later bad value must not be the one reported
					if at == n-1 {
						ys[n-1] = score(lo + k)
					}
				}
				before := got
				if bad := AddAll(&got, ys, lo, k); bad != at {
					t.Errorf("AddAll with a bad value at %d of %d = %d", at, n, bad)
				}
				if !got.Equal(&before) {
					t.Errorf("AddAll with a bad value changed the counts")
				}
			}
		}
	}
	// Below the range when lo = 1.
	var c Counts
	if bad := AddAll(&c, make([]score, 1000), 1, 5); bad != 0 {
		t.Errorf("AddAll of zeros on 1-5 = %d, want 0", bad)
	}
	// Weighted counts stay consistent: bulk responses have weight 1.
	var w Counts
	w.AddWeighted(0, 2.5)
	xs := make([]score, 300)
	AddAll(&w, xs, 0, 11)
	if w.N(0) != 301 || w.W(0) != 302.5 || w.SumW2() != 306.25 {
		t.Errorf("weighted AddAll: n %d, w %v, w2 %v", w.N(0), w.W(0), w.SumW2())
	}
}

func BenchmarkAddAll(b *testing.B) {
	for _, n := range []int{100, 10_000, 10_000_000} {
		xs := make([]score, n)
		r := rand.New(rand.NewPCG(1, 2))
		for i := range xs {
			xs[i] = score(r.IntN(11))
		}
		b.Run(itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(n))
			var c Counts
			for b.Loop() {
				AddAll(&c, xs, 0, 11)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/score")
		})
	}
}

func itoa(n int) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return itoa(n/1_000_000) + "M"
	case n >= 1000 && n%1000 == 0:
		return itoa(n/1000) + "k"
	}
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}
