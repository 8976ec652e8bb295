package satmetrics_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/satmetrics/satmetrics"
)

// count is a minimal accumulator for the grouping tests.
type count struct {
	N    int    `json:"n"`
	Kind string `json:"kind,omitempty"`
}

func (c *count) Merge(u *count) error {
	if c.Kind != "" && u.Kind != "" && c.Kind != u.Kind {
		return satmetrics.ErrIncompatible
	}
	if c.Kind == "" {
		c.Kind = u.Kind
	}
	c.N += u.N
	return nil
}

func TestGroupsStringKeys(t *testing.T) {
	var g satmetrics.Groups[string, count]
	for _, ch := range []string{"email", "chat", "phone", "chat", "email", "chat"} {
		g.At(ch).N++
	}
	var got []string
	for k, c := range g.All() {
		got = append(got, fmt.Sprintf("%s=%d", k, c.N))
	}
	if diff := cmp.Diff([]string{"chat=3", "email=2", "phone=1"}, got); diff != "" {
		t.Errorf("All (-want +got):\n%s", diff)
	}
	if c, ok := g.Get("chat"); !ok || c.N != 3 {
		t.Errorf("Get(chat) = %v, %v", c, ok)
	}
	if _, ok := g.Get("sms"); ok || g.Len() != 3 {
		t.Error("Get(sms) found, or Len wrong")
	}
	for k := range g.All() {
		if k == "chat" {
			break
		}
	}
	g.At("chat") // an existing key does not allocate
	if n := testing.AllocsPerRun(100, func() { g.At("chat").N++ }); n != 0 {
		t.Errorf("At on an existing key allocates %v times", n)
	}
}

func TestGroupsNaturalOrder(t *testing.T) {
	var gi satmetrics.Groups[int, count]
	var gu satmetrics.Groups[uint8, count]
	var gf satmetrics.Groups[float64, count]
	var gb satmetrics.Groups[bool, count]
	type named string
	var gn satmetrics.Groups[named, count]
	type pair struct{ a, b int }
	var gp satmetrics.Groups[pair, count]
	for _, v := range []int{3, -1, 2} {
		gi.At(v)
		gu.At(uint8(v + 1))
		gf.At(float64(v) / 2)
		gb.At(v > 0)
		gn.At(named(fmt.Sprint(v)))
		gp.At(pair{v, 0})
	}
	if diff := cmp.Diff([]int{-1, 2, 3}, gi.Keys()); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff([]uint8{0, 3, 4}, gu.Keys()); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff([]float64{-0.5, 1, 1.5}, gf.Keys()); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff([]bool{false, true}, gb.Keys()); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff([]named{"-1", "2", "3"}, gn.Keys()); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff([]pair{{-1, 0}, {2, 0}, {3, 0}}, gp.Keys(), cmp.AllowUnexported(pair{})); diff != "" {
		t.Error(diff)
	}
	desc := satmetrics.Groups[int, count]{Compare: func(a, b int) int { return b - a }}
	desc.At(1)
	desc.At(5)
	if diff := cmp.Diff([]int{5, 1}, desc.Keys()); diff != "" {
		t.Error(diff)
	}
}

func TestGroupsSegmentPeriod(t *testing.T) {
	loc := time.UTC
	var g satmetrics.Groups[satmetrics.SegmentPeriod, count]
	base := time.Date(2026, 1, 15, 0, 0, 0, 0, loc)
	for i, ch := range []string{"email", "chat", "email", "chat", "phone"} {
		m, err := satmetrics.PeriodOf(satmetrics.Month, base.AddDate(0, 2-i, 0), loc)
		if err != nil {
			t.Fatal(err)
		}
		g.At(satmetrics.SegmentPeriod{Segment: ch, Period: m}).N++
	}
	var got []string
	for k := range g.All() {
		got = append(got, k.Segment+" "+k.Period.String())
	}
	want := []string{"chat 2025-12", "chat 2026-02", "email 2026-01", "email 2026-03", "phone 2025-11"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

func TestGroupsMerge(t *testing.T) {
	var a, b satmetrics.Groups[string, count]
	a.At("x").N = 1
	a.At("y").N = 2
	b.At("y").N = 3
	b.At("z").N = 4
	if err := a.Merge(&b, (*count).Merge); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for k, c := range a.All() {
		got[k] = c.N
	}
	if diff := cmp.Diff(map[string]int{"x": 1, "y": 5, "z": 4}, got); diff != "" {
		t.Errorf("merged (-want +got):\n%s", diff)
	}
	if c, _ := b.Get("z"); c.N != 4 {
		t.Error("Merge changed its source")
	}
	var c satmetrics.Groups[string, count]
	c.At("x").Kind = "other"
	a.At("x").Kind = "mine"
	err := a.Merge(&c, (*count).Merge)
	if !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("merging incompatible accumulators: %v", err)
	}
	if err := a.Merge(&a, (*count).Merge); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("merging into itself: %v", err)
	}
}

func TestGroupsSeries(t *testing.T) {
	loc := time.UTC
	var g satmetrics.Groups[satmetrics.Period, count]
	for _, s := range []string{"2026-01", "2026-03", "2026-03", "2026-06"} {
		p, _ := satmetrics.ParsePeriod(s, loc)
		g.At(p).N++
	}
	first, _ := satmetrics.ParsePeriod("2025-12", loc)
	last, _ := satmetrics.ParsePeriod("2026-06", loc)
	var got []string
	for p, c := range satmetrics.Series(&g, first, last) {
		got = append(got, fmt.Sprintf("%s:%d", p, c.N))
	}
	want := []string{"2025-12:0", "2026-01:1", "2026-02:0", "2026-03:2", "2026-04:0", "2026-05:0", "2026-06:1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Series (-want +got):\n%s", diff)
	}
	if g.Len() != 3 {
		t.Errorf("Series stored empty periods: Len = %d", g.Len())
	}
	for p := range satmetrics.Series(&g, first, last) {
		if p == first {
			break
		}
	}
}

func TestGroupsJSON(t *testing.T) {
	var g satmetrics.Groups[satmetrics.Period, count]
	for _, s := range []string{"2026-Q2", "2026-Q1"} {
		p, _ := satmetrics.ParsePeriod(s, time.UTC)
		g.At(p).N = len(s)
	}
	bs, err := json.Marshal(&g)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"key":"2026-Q1","value":{"n":7}},{"key":"2026-Q2","value":{"n":7}}]`
	if string(bs) != want {
		t.Errorf("JSON = %s, want %s", bs, want)
	}
	var back satmetrics.Groups[satmetrics.Period, count]
	if err := json.Unmarshal(bs, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(g.Keys(), back.Keys()); diff != "" {
		t.Errorf("round trip keys (-want +got):\n%s", diff)
	}
	for _, bad := range []string{
		`[{"key":"2026-Q1","value":{"n":1}},{"key":"2026-Q1","value":{"n":2}}]`,
		`[{"key":"2026-Q9"}]`,
		`{"key":1}`,
	} {
		if err := json.Unmarshal([]byte(bad), &back); err == nil {
			t.Errorf("Unmarshal(%s): no error", bad)
		}
	}
	if err := json.Unmarshal([]byte(`[{"key":"2026"}]`), &back); err != nil {
		t.Fatal(err)
	}
	if p, _ := satmetrics.ParsePeriod("2026", time.UTC); func() bool { c, ok := back.Get(p); return !ok || c.N != 0 }() {
		t.Error("a missing value should decode as a zero accumulator")
	}
}

func BenchmarkGroupsAt(b *testing.B) {
	var g satmetrics.Groups[satmetrics.SegmentPeriod, count]
	loc := time.UTC
	keys := make([]satmetrics.SegmentPeriod, 0, 48)
	for _, ch := range []string{"email", "chat", "phone", "web"} {
		for m := 1; m <= 12; m++ {
			p, _ := satmetrics.PeriodOf(satmetrics.Month, time.Date(2026, time.Month(m), 1, 0, 0, 0, 0, loc), loc)
			keys = append(keys, satmetrics.SegmentPeriod{Segment: ch, Period: p})
		}
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		g.At(keys[i%len(keys)]).N++
	}
}
