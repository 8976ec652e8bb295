package churn_test

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/satmetrics/satmetrics/churn"
)

// benchData returns n exponential lifetimes (mean 12, distinct to the
// float64) with about 30% of subjects censored by an independent uniform
// follow-up, seeded so that every run and every tool sees the same data.
func benchData(n int) ([]float64, []bool) {
	r := rand.New(rand.NewPCG(20240501, uint64(n)))
	exits := make([]float64, n)
	events := make([]bool, n)
	for i := range exits {
		life := r.ExpFloat64() * 12
		follow := r.Float64() * 48
		exits[i] = min(life, follow)
		events[i] = life <= follow
	}
	return exits, events
}

var sizes = []int{1_000, 100_000, 1_000_000}

// BenchmarkKaplanMeier measures the whole estimate from raw durations,
// KaplanMeierOf: a radix sort and the curve with Greenwood errors and log
// intervals at every distinct duration, as statsmodels' SurvfuncRight and
// R's survfit compute from their inputs.
func BenchmarkKaplanMeier(b *testing.B) {
	for _, n := range sizes {
		exits, events := benchData(n)
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := churn.KaplanMeierOf(exits, events, churn.CurveConfig{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkKaplanMeierTable is BenchmarkKaplanMeier through an EventTable
// (TableOf, then KaplanMeier), the path for data that is merged from parts.
func BenchmarkKaplanMeierTable(b *testing.B) {
	for _, n := range sizes {
		exits, events := benchData(n)
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				tab, err := churn.TableOf(exits, events)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := churn.KaplanMeier(tab, churn.CurveConfig{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkKaplanMeierCurve measures the curve alone, from a table built
// beforehand (as when tables are merged from parts).
func BenchmarkKaplanMeierCurve(b *testing.B) {
	for _, n := range sizes {
		exits, events := benchData(n)
		tab, _ := churn.TableOf(exits, events)
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := churn.KaplanMeier(tab, churn.CurveConfig{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEventTableAdd measures adding one subject, the hot path of an
// accumulating service; it allocates nothing once the buffer has grown.
func BenchmarkEventTableAdd(b *testing.B) {
	for _, distinct := range []int{100, 100_000} {
		b.Run(fmt.Sprintf("distinct=%d", distinct), func(b *testing.B) {
			var tab churn.EventTable
			for i := 0; i < 4*distinct; i++ { // warm up: the table holds every duration
				_ = tab.Add(float64(i%distinct), i%3 == 0)
			}
			b.ReportAllocs()
			b.ResetTimer()
			i := 0
			for b.Loop() {
				if err := tab.Add(float64(i%distinct), i%3 == 0); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

func BenchmarkMerge(b *testing.B) {
	exits, events := benchData(100_000)
	x, _ := churn.TableOf(exits[:50_000], events[:50_000])
	y, _ := churn.TableOf(exits[50_000:], events[50_000:])
	b.ReportAllocs()
	for b.Loop() {
		var t churn.EventTable
		t.Merge(x)
		t.Merge(y)
	}
}

func BenchmarkLogRank(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		exits, events := benchData(2 * n)
		x, _ := churn.TableOf(exits[:n], events[:n])
		y, _ := churn.TableOf(exits[n:], events[n:])
		groups := []*churn.EventTable{x, y}
		b.Run("n="+strconv.Itoa(2*n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := churn.LogRank(groups, churn.LogRankConfig{Weights: churn.FlemingHarrington, Rho: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchLedger returns the events of n customers over two years: each starts
// in the first year, pays monthly with occasional changes, and may cancel
// and come back.
func benchLedger(n int) []churn.Event {
	r := rand.New(rand.NewPCG(7, uint64(n)))
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	end := t0.AddDate(2, 0, 0)
	var ev []churn.Event
	for c := 0; c < n; c++ {
		id := "c" + strconv.Itoa(c)
		t := t0.Add(time.Duration(r.Float64() * float64(365*24*time.Hour)))
		mrr := float64(10 + r.IntN(90))
		ev = append(ev, churn.Event{Customer: id, Time: t, Kind: churn.Start, Amount: mrr})
		active := true
		for t = t.AddDate(0, 1, 0); t.Before(end); t = t.AddDate(0, 1, 0) {
			switch x := r.Float64(); {
			case active && x < 0.04:
				ev = append(ev, churn.Event{Customer: id, Time: t, Kind: churn.Cancel})
				active = false
			case !active && x < 0.02:
				ev = append(ev, churn.Event{Customer: id, Time: t, Kind: churn.Start, Amount: mrr})
				active = true
			case active && x < 0.1:
				mrr = float64(10 + r.IntN(90))
				ev = append(ev, churn.Event{Customer: id, Time: t, Kind: churn.Payment, Amount: mrr})
			}
		}
	}
	return ev
}

func BenchmarkLedgerReport(b *testing.B) {
	var l churn.Ledger
	for _, e := range benchLedger(10_000) {
		_ = l.Add(e)
	}
	b.Run("report", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := l.Report(churn.ReportConfig{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cohorts", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := l.Cohorts(churn.ReportConfig{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkLedgerAdd(b *testing.B) {
	ev := benchLedger(1000)
	var l churn.Ledger
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%len(ev) == 0 {
			l = churn.Ledger{}
		}
		_ = l.Add(ev[i%len(ev)])
		i++
	}
}
