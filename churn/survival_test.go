package churn_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/churn"
)

// wsubject is a subject with an integer weight, for generators.
type wsubject struct {
	churn.Subject
	w int
}

// genSubjects generates up to 60 subjects with durations on a coarse grid
// (many ties), some late entries and integer weights 1 to 3.
func genSubjects() gopter.Gen {
	return gen.SliceOf(gen.SliceOfN(5, gen.IntRange(0, 1000))).Map(func(rows [][]int) []wsubject {
		out := make([]wsubject, 0, len(rows))
		for _, r := range rows {
			exit := float64(r[0]%40) / 2
			s := churn.Subject{Exit: exit, Event: r[1]%3 != 0}
			if r[2]%4 == 0 && exit > 0 {
				s.Entry = exit * float64(r[3]%10) / 10
			}
			out = append(out, wsubject{s, 1 + r[4]%3})
		}
		return out
	})
}

func build(subjects []wsubject, weighted bool) *churn.EventTable {
	var t churn.EventTable
	for _, s := range subjects {
		w := 1.0
		if weighted {
			w = float64(s.w)
		}
		if err := t.AddWeighted(s.Subject, w); err != nil {
			panic(err)
		}
	}
	return &t
}

func params(n int) *gopter.TestParameters {
	p := gopter.DefaultTestParameters()
	p.MinSuccessfulTests = n
	return p
}

// TestKaplanMeierProperties checks the laws the package documentation
// states for Kaplan-Meier curves.
func TestKaplanMeierProperties(t *testing.T) {
	props := gopter.NewProperties(params(300))
	props.Property("survival is non-increasing and within [0, 1], bands contain it", prop.ForAll(func(subjects []wsubject, ci uint8) bool {
		for _, weighted := range []bool{false, true} {
			c, err := churn.KaplanMeier(build(subjects, weighted), churn.CurveConfig{CI: churn.CIType(ci % 3)})
			if len(subjects) == 0 {
				return errors.Is(err, satmetrics.ErrNoData)
			}
			if err != nil {
				// Only when nobody is ever at risk at an exit.
				return errors.Is(err, satmetrics.ErrNoData)
			}
			prev := 1.0
			for _, p := range c.Points {
				if p.Survival > prev || p.Survival < 0 || p.Lower > p.Survival || p.Upper < p.Survival ||
					p.Lower < 0 || p.Upper > 1 || p.StdErr < 0 || math.IsNaN(p.StdErr) || math.IsInf(p.StdErr, 0) {
					return false
				}
				prev = p.Survival
			}
			if _, err := json.Marshal(c); err != nil {
				return false
			}
		}
		return true
	}, genSubjects(), gen.UInt8()))

	props.Property("without censoring KM equals the empirical survival function", prop.ForAll(func(times []uint8) bool {
		if len(times) == 0 {
			return true
		}
		var tab churn.EventTable
		for _, x := range times {
			_ = tab.Add(float64(x), true)
		}
		c, err := churn.KaplanMeier(&tab, churn.CurveConfig{})
		if err != nil {
			return false
		}
		for _, p := range c.Points {
			above := 0
			for _, x := range times {
				if float64(x) > p.Time {
					above++
				}
			}
			if math.Abs(p.Survival-float64(above)/float64(len(times))) > 1e-12 {
				return false
			}
		}
		return true
	}, gen.SliceOf(gen.UInt8())))

	props.Property("merging event tables equals building from all data", prop.ForAll(func(subjects []wsubject, cut1, cut2 int, weighted bool) bool {
		n := len(subjects)
		i, j := 0, 0
		if n > 0 {
			i, j = cut1%(n+1), cut2%(n+1)
		}
		if i > j {
			i, j = j, i
		}
		whole := build(subjects, weighted)
		a, b, c := build(subjects[:i], weighted), build(subjects[i:j], false), build(subjects[j:], weighted)
		// (a + b) + c
		left := build(nil, false)
		left.Merge(a)
		left.Merge(b)
		left.Merge(c)
		// a + (c + b)
		cb := build(nil, false)
		cb.Merge(c)
		cb.Merge(b)
		right := build(nil, false)
		right.Merge(a)
		right.Merge(cb)
		// b is unweighted: rebuild the whole with b's subjects at weight 1
		if weighted {
			var mixed churn.EventTable
			for k, s := range subjects {
				w := float64(s.w)
				if k >= i && k < j {
					w = 1
				}
				_ = mixed.AddWeighted(s.Subject, w)
			}
			whole = &mixed
		}
		if !left.Equal(whole) || !right.Equal(whole) || !whole.Equal(left) {
			return false
		}
		// identity
		id := build(nil, false)
		id.Merge(whole)
		return id.Equal(whole) || (whole.Weighted() != id.Weighted())
	}, genSubjects(), gen.IntRange(0, 1000), gen.IntRange(0, 1000), gen.Bool()))

	props.Property("integer weights equal repeated subjects", prop.ForAll(func(subjects []wsubject) bool {
		var rep []wsubject
		for _, s := range subjects {
			for k := 0; k < s.w; k++ {
				rep = append(rep, wsubject{s.Subject, 1})
			}
		}
		c1, err1 := churn.KaplanMeier(build(subjects, true), churn.CurveConfig{})
		c2, err2 := churn.KaplanMeier(build(rep, false), churn.CurveConfig{})
		if (err1 == nil) != (err2 == nil) {
			return false
		}
		if err1 != nil {
			return true
		}
		if len(c1.Points) != len(c2.Points) {
			return false
		}
		for k := range c1.Points {
			p, q := c1.Points[k], c2.Points[k]
			if math.Abs(p.Survival-q.Survival) > 1e-12 || math.Abs(p.StdErr-q.StdErr) > 1e-12 || p.AtRisk != q.AtRisk {
				return false
			}
		}
		return true
	}, genSubjects()))

	props.Property("encodings round-trip", prop.ForAll(func(subjects []wsubject, weighted bool) bool {
		tab := build(subjects, weighted)
		b, err := tab.MarshalBinary()
		if err != nil {
			return false
		}
		var back churn.EventTable
		if err := back.UnmarshalBinary(b); err != nil || !back.Equal(tab) {
			return false
		}
		j, err := json.Marshal(tab)
		if err != nil {
			return false
		}
		var backJ churn.EventTable
		return json.Unmarshal(j, &backJ) == nil && backJ.Equal(tab)
	}, genSubjects(), gen.Bool()))
	props.TestingRun(t)
}

// TestLogRankProperties: integer weights act as repeated subjects, and the
// statistic does not depend on the order of the groups.
func TestLogRankProperties(t *testing.T) {
	props := gopter.NewProperties(params(200))
	props.Property("log-rank is symmetric in the groups and weights are frequencies", prop.ForAll(func(a, b []wsubject, kind uint8) bool {
		cfg := churn.LogRankConfig{Weights: churn.WeightKind(kind % 5), Rho: 1, Gamma: 0.5}
		r1, err1 := churn.LogRank([]*churn.EventTable{build(a, true), build(b, true)}, cfg)
		r2, err2 := churn.LogRank([]*churn.EventTable{build(b, true), build(a, true)}, cfg)
		if (err1 == nil) != (err2 == nil) {
			return false
		}
		if err1 != nil {
			return errors.Is(err1, satmetrics.ErrUndefined) || errors.Is(err1, satmetrics.ErrNoData)
		}
		if math.Abs(r1.Statistic-r2.Statistic) > 1e-9*math.Max(1, r1.Statistic) || r1.P < 0 || r1.P > 1 {
			return false
		}
		rep := func(s []wsubject) []wsubject {
			var out []wsubject
			for _, x := range s {
				for k := 0; k < x.w; k++ {
					out = append(out, wsubject{x.Subject, 1})
				}
			}
			return out
		}
		r3, err := churn.LogRank([]*churn.EventTable{build(rep(a), false), build(rep(b), false)}, cfg)
		return err == nil && math.Abs(r1.Statistic-r3.Statistic) <= 1e-9*math.Max(1, r1.Statistic)
	}, genSubjects(), genSubjects(), gen.UInt8()))
	props.TestingRun(t)
}

// TestSubjectErrors checks that negative durations, an exit before the
// entry and bad weights are refused with errors naming the record, and
// counted.
func TestSubjectErrors(t *testing.T) {
	var tab churn.EventTable
	if err := tab.Add(3, true); err != nil {
		t.Fatal(err)
	}
	for i, tc := range []struct {
		s    churn.Subject
		w    float64
		want error
	}{
		{churn.Subject{Exit: -2, Event: true}, 1, churn.ErrNegative},
		{churn.Subject{Entry: -1, Exit: 2}, 1, churn.ErrNegative},
		{churn.Subject{Entry: 5, Exit: 2}, 1, churn.ErrSequence},
		{churn.Subject{Entry: 2, Exit: 2}, 1, churn.ErrSequence},
		{churn.Subject{Exit: math.NaN()}, 1, churn.ErrNotFinite},
		{churn.Subject{Exit: math.Inf(1)}, 1, churn.ErrNotFinite},
		{churn.Subject{Exit: 1}, -1, satmetrics.ErrWeight},
		{churn.Subject{Exit: 1}, math.NaN(), satmetrics.ErrWeight},
	} {
		err := tab.AddWeighted(tc.s, tc.w)
		var re *churn.RecordError
		if !errors.Is(err, tc.want) || !errors.As(err, &re) || re.Index != i+1 || !strings.Contains(err.Error(), "subject entry") {
			t.Errorf("AddWeighted(%v, %v) = %v, want a RecordError at %d wrapping %v", tc.s, tc.w, err, i+1, tc.want)
		}
	}
	if tab.Subjects() != 1 || tab.Rejected() != 8 || tab.Subjects()+tab.Rejected() != 9 {
		t.Errorf("Subjects() = %d, Rejected() = %d; want 1, 8", tab.Subjects(), tab.Rejected())
	}
	if _, err := churn.TableOf([]float64{1, -3}, []bool{true, false}); !errors.Is(err, churn.ErrNegative) || !strings.Contains(err.Error(), "record 1") {
		t.Errorf("TableOf with a negative duration: %v", err)
	}
}

func TestKaplanMeierErrors(t *testing.T) {
	var empty churn.EventTable
	if _, err := churn.KaplanMeier(&empty, churn.CurveConfig{}); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("empty table: %v", err)
	}
	if _, err := empty.Rows(); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Rows of an empty table: %v", err)
	}
	if _, err := churn.NelsonAalen(&empty, 0); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Nelson-Aalen of an empty table: %v", err)
	}
	tab, _ := churn.TableOf([]float64{1, 2, 3}, []bool{true, false, true})
	if _, err := churn.KaplanMeier(tab, churn.CurveConfig{Level: 1.5}); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("level 1.5: %v", err)
	}
	if _, err := churn.NelsonAalen(tab, -1); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("Nelson-Aalen level -1: %v", err)
	}
	if _, err := churn.KaplanMeier(tab, churn.CurveConfig{CI: 7}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("CI 7: %v", err)
	}
	var zero churn.EventTable
	_ = zero.AddWeighted(churn.Subject{Exit: 1, Event: true}, 0)
	if _, err := churn.KaplanMeier(&zero, churn.CurveConfig{}); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("all weights 0: %v", err)
	}
	if _, err := churn.NelsonAalen(&zero, 0); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Nelson-Aalen with all weights 0: %v", err)
	}
	var huge churn.EventTable
	_ = huge.AddWeighted(churn.Subject{Exit: 1, Event: true}, 1e308)
	_ = huge.AddWeighted(churn.Subject{Exit: 2, Event: true}, 1e308)
	if _, err := churn.KaplanMeier(&huge, churn.CurveConfig{}); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("overflowing weights: %v", err)
	}
	if _, err := churn.NelsonAalen(&huge, 0); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("Nelson-Aalen with overflowing weights: %v", err)
	}
	if _, err := churn.LogRank([]*churn.EventTable{&huge, tab}, churn.LogRankConfig{}); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("log-rank with overflowing weights: %v", err)
	}
	c, err := churn.KaplanMeier(tab, churn.CurveConfig{})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []float64{-1, math.NaN()} {
		if _, err := c.At(x); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("At(%v): %v", x, err)
		}
	}
	if e, err := c.At(0.5); err != nil || e.Value != 1 || e.Lower != 1 || e.Upper != 1 {
		t.Errorf("At(0.5) = %v, %v; want 1 [1, 1]", e, err)
	}
	// The last exit (3) is an event with one at risk: S = 0 from then on.
	if e, err := c.At(100); err != nil || e.Value != 0 {
		t.Errorf("At(100) after S reached 0 = %v, %v; want 0", e, err)
	}
	tab2, _ := churn.TableOf([]float64{1, 2, 3}, []bool{true, true, false})
	c2, _ := churn.KaplanMeier(tab2, churn.CurveConfig{})
	if _, err := c2.At(3.5); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("At after the last censored exit: %v", err)
	}
	if _, err := c2.Quantile(0.2); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("Quantile(0.2) never reached: %v", err)
	}
	for _, p := range []float64{0, 1, math.NaN()} {
		if _, err := c2.Quantile(p); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("Quantile(%v): %v", p, err)
		}
	}
	for _, tau := range []float64{0, -1, math.Inf(1), math.NaN()} {
		if _, err := c2.RMST(tau); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("RMST(%v): %v", tau, err)
		}
	}
	// RMST before the first exit is tau itself; beyond the last exit the
	// curve is extended at its last value (as R does).
	if r, _ := c2.RMST(0.5); r.Value != 0.5 || r.StdErr != 0 {
		t.Errorf("RMST(0.5) = %v", r)
	}
	if r, _ := c2.RMST(5); math.Abs(r.Value-(1+2.0/3+1.0/3*3)) > 1e-12 {
		t.Errorf("RMST(5) = %v, want %v", r.Value, 1+2.0/3+1.0/3*3)
	}
	h, _ := churn.NelsonAalen(tab2, 0.9)
	if e, err := h.At(0.5); err != nil || e.Value != 0 {
		t.Errorf("H(0.5) = %v, %v", e, err)
	}
	if e, err := h.At(2); err != nil || math.Abs(e.Value-(1.0/3+1.0/2)) > 1e-15 || !e.Contains(e.Value) || e.Level != 0.9 {
		t.Errorf("H(2) = %v, %v", e, err)
	}
	if _, err := h.At(4); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("H(4): %v", err)
	}
	if _, err := h.At(-4); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("H(-4): %v", err)
	}
}

func TestCITypeText(t *testing.T) {
	for _, c := range []churn.CIType{churn.CILog, churn.CILogLog, churn.CIPlain} {
		b, err := c.MarshalText()
		var back churn.CIType
		if err != nil || back.UnmarshalText(b) != nil || back != c {
			t.Errorf("%v: round trip %q, %v", c, b, err)
		}
	}
	if _, err := churn.CIType(5).MarshalText(); !errors.Is(err, satmetrics.ErrRange) || churn.CIType(5).String() != "%!CIType(5)" {
		t.Errorf("CIType(5): %v", err)
	}
	var c churn.CIType
	if err := c.UnmarshalText([]byte("logit")); !errors.Is(err, satmetrics.ErrSyntax) {
		t.Errorf("UnmarshalText(logit): %v", err)
	}
	if churn.WeightKind(9).String() != "%!WeightKind(9)" || churn.PetoPeto.String() != "peto-peto" {
		t.Errorf("WeightKind strings")
	}
}

func TestLogRankErrors(t *testing.T) {
	a, _ := churn.TableOf([]float64{1, 2, 3}, []bool{true, true, false})
	b, _ := churn.TableOf([]float64{2, 4, 5}, []bool{true, false, true})
	var empty churn.EventTable
	for _, tc := range []struct {
		name   string
		groups []*churn.EventTable
		cfg    churn.LogRankConfig
		want   error
	}{
		{"one group", []*churn.EventTable{a}, churn.LogRankConfig{}, satmetrics.ErrNoData},
		{"empty groups", []*churn.EventTable{&empty, &empty}, churn.LogRankConfig{}, satmetrics.ErrNoData},
		{"one group with events", []*churn.EventTable{a, &empty}, churn.LogRankConfig{}, satmetrics.ErrUndefined},
		{"bad kind", []*churn.EventTable{a, b}, churn.LogRankConfig{Weights: 9}, satmetrics.ErrRange},
		{"negative rho", []*churn.EventTable{a, b}, churn.LogRankConfig{Weights: churn.FlemingHarrington, Rho: -1}, satmetrics.ErrRange},
		{"NaN gamma", []*churn.EventTable{a, b}, churn.LogRankConfig{Weights: churn.FlemingHarrington, Gamma: math.NaN()}, satmetrics.ErrRange},
	} {
		if _, err := churn.LogRank(tc.groups, tc.cfg); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	// Identical groups: no difference at all.
	r, err := churn.LogRank([]*churn.EventTable{a, a}, churn.LogRankConfig{})
	if err != nil || r.Statistic > 1e-12 || math.Abs(r.P-1) > 1e-12 {
		t.Errorf("identical groups: %+v, %v", r, err)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Error(err)
	}
}

func TestEventTableBasics(t *testing.T) {
	var tab churn.EventTable
	for i := 0; i < 3000; i++ { // crosses the compaction threshold
		_ = tab.AddSubject(churn.Subject{Entry: float64(i % 3), Exit: float64(i%7) + 3, Event: i%2 == 0})
	}
	if tab.Subjects() != 3000 || tab.Len() != 9 || tab.Events() != 1500 || tab.Weighted() {
		t.Errorf("Subjects %d, Len %d, Events %d, Weighted %v", tab.Subjects(), tab.Len(), tab.Events(), tab.Weighted())
	}
	rows, err := tab.Rows()
	if err != nil || rows[0].Time != 1 || rows[0].AtRisk != 1000 || rows[0].Entered != 1000 || rows[1].AtRisk != 2000 {
		t.Errorf("Rows: %+v, %v", rows[:2], err)
	}
	tab.Merge(&tab)
	if tab.Subjects() != 6000 {
		t.Errorf("self-merge: %d subjects", tab.Subjects())
	}
	tab.Reset()
	if tab.Subjects() != 0 || tab.Len() != 0 {
		t.Errorf("Reset left %d subjects", tab.Subjects())
	}
	// TableOf agrees with adding one by one, also for large inputs sorted by
	// radix.
	r := rand.New(rand.NewPCG(1, 2))
	exits := make([]float64, 5000)
	events := make([]bool, len(exits))
	var slow churn.EventTable
	for i := range exits {
		exits[i] = math.Round(r.ExpFloat64()*1000) / 10
		events[i] = r.IntN(3) > 0
		_ = slow.Add(exits[i], events[i])
	}
	exits[7] = math.Copysign(0, -1) // -0 is 0
	_ = slow.Add(0, events[7])
	fast, err := churn.TableOf(exits, events)
	if err != nil {
		t.Fatal(err)
	}
	var slow2 churn.EventTable
	for i := range exits {
		_ = slow2.Add(exits[i], events[i])
	}
	if !fast.Equal(&slow2) {
		t.Error("TableOf differs from Add")
	}
	got := make([]float64, 0)
	rows, _ = fast.Rows()
	for _, r := range rows {
		got = append(got, r.Time)
	}
	if !slices.IsSorted(got) {
		t.Error("rows are not sorted")
	}
	defer func() {
		if recover() == nil {
			t.Error("TableOf with slices of different lengths did not panic")
		}
	}()
	_, _ = churn.TableOf([]float64{1}, nil)
}

// TestKaplanMeierOf checks the fast path against the table path.
func TestKaplanMeierOf(t *testing.T) {
	props := gopter.NewProperties(params(200))
	props.Property("KaplanMeierOf equals KaplanMeier of TableOf", prop.ForAll(func(raw []uint16, ci uint8) bool {
		exits := make([]float64, len(raw))
		events := make([]bool, len(raw))
		for i, x := range raw {
			exits[i], events[i] = float64(x%500)/4, x%3 != 0
		}
		cfg := churn.CurveConfig{CI: churn.CIType(ci % 3), Level: 0.9}
		fast, err1 := churn.KaplanMeierOf(exits, events, cfg)
		tab, _ := churn.TableOf(exits, events)
		slow, err2 := churn.KaplanMeier(tab, cfg)
		if len(raw) == 0 {
			return errors.Is(err1, satmetrics.ErrNoData) && errors.Is(err2, satmetrics.ErrNoData)
		}
		if err1 != nil || err2 != nil || len(fast.Points) != len(slow.Points) || fast.Subjects != slow.Subjects || fast.Events != slow.Events {
			return false
		}
		for i := range fast.Points {
			if fast.Points[i] != slow.Points[i] {
				return false
			}
		}
		return true
	}, gen.SliceOf(gen.UInt16()), gen.UInt8()))
	props.TestingRun(t)
	if _, err := churn.KaplanMeierOf([]float64{1, math.NaN()}, []bool{true, true}, churn.CurveConfig{}); !errors.Is(err, churn.ErrNotFinite) {
		t.Errorf("KaplanMeierOf with NaN: %v", err)
	}
	if _, err := churn.KaplanMeierOf([]float64{1}, []bool{true}, churn.CurveConfig{Level: 2}); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("KaplanMeierOf with level 2: %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("KaplanMeierOf with slices of different lengths did not panic")
		}
	}()
	_, _ = churn.KaplanMeierOf([]float64{1}, nil, churn.CurveConfig{})
}
