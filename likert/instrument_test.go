package likert

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/satmetrics/satmetrics"
)

// threeItems is an instrument of three agree5 items, the second
// reverse-keyed.
func threeItems() Instrument {
	return Instrument{Items: []Item{
		{Name: "helpful", Scale: Agree5},
		{Name: "slow", Scale: Agree5, Reverse: true},
		{Name: "friendly", Scale: Agree5},
	}}
}

func TestInstrumentRows(t *testing.T) {
	in := threeItems()
	row, err := in.ParseRow([]string{"4 - Agree", "", "strongly agree"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{4, Missing, 5}, row); diff != "" {
		t.Errorf("ParseRow (-want +got):\n%s", diff)
	}
	if row, _ = in.ParseRow([]string{"NA", "2", "1"}, row); row[0] != Missing || row[1] != 2 {
		t.Errorf("ParseRow(NA, 2, 1) = %v", row)
	}
	if _, err := in.ParseRow([]string{"4", "5"}, nil); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("ParseRow of two fields = %v, want ErrIncompatible", err)
	}
	var pe *satmetrics.ParseError
	if _, err := in.ParseRow([]string{"4", "maybe", "1"}, nil); !errors.As(err, &pe) || pe.Input != "maybe" {
		t.Errorf("ParseRow with a bad field = %v, want a ParseError naming it", err)
	}
	// Scores reverse the second item: 2 scores 4.
	scores := make([]float64, 3)
	n, err := in.Scores([]int{4, 2, Missing}, scores)
	if err != nil || n != 2 || scores[0] != 4 || scores[1] != 4 || !math.IsNaN(scores[2]) {
		t.Errorf("Scores = %v, %d, %v", scores, n, err)
	}
	if _, err := in.Scores([]int{4, 6, 1}, scores); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Scores with 6 = %v, want ErrRange", err)
	}
	// Composite: mean of 4, 4 (reversed 2) and 1 is 3; the prorated sum of
	// 4 and 4 over three items is 12.
	if c, err := in.Composite([]int{4, 2, 1}); c != 3 || err != nil {
		t.Errorf("Composite = %v, %v, want 3", c, err)
	}
	sum := in
	sum.Sum = true
	if c, err := sum.Composite([]int{4, 2, Missing}); c != 12 || err != nil {
		t.Errorf("prorated sum = %v, %v, want 12", c, err)
	}
	strict := in
	strict.MinAnswered = 3
	if _, err := strict.Composite([]int{4, 2, Missing}); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Composite with 2 of 3 needed answers = %v, want ErrNoData", err)
	}
	if _, err := in.Composite([]int{Missing, Missing, Missing}); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Composite of no answers = %v, want ErrNoData", err)
	}
	if _, err := in.Composite([]int{1, 2}); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("Composite of a short row = %v, want ErrIncompatible", err)
	}
	long := Instrument{}
	for i := range 20 {
		long.Items = append(long.Items, Item{Name: itoa(i), Scale: Agree5})
	}
	row20 := make([]int, 20)
	for i := range row20 {
		row20[i] = 1 + i%5
	}
	if c, err := long.Composite(row20); c != 3 || err != nil {
		t.Errorf("Composite of 20 items = %v, %v, want 3", c, err)
	}
	if s, err := (Item{Scale: Agree5, Reverse: true}).Score(1); s != 5 || err != nil {
		t.Errorf("Score(1) reversed = %d, %v", s, err)
	}
}

func TestInstrumentValidate(t *testing.T) {
	for _, in := range []Instrument{
		{},
		{Items: []Item{{Name: "a"}, {Name: "a"}}},
		{Items: []Item{{Name: "a"}}, MinAnswered: 2},
		{Items: []Item{{Name: "a"}}, MinAnswered: -1},
	} {
		if _, err := NewInstrumentTally(in); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("NewInstrumentTally(%+v) = %v, want ErrRange", in, err)
		}
	}
}

func TestInstrumentTally(t *testing.T) {
	tl, err := NewInstrumentTally(threeItems())
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]int{{4, 2, 5}, {5, 1, 4}, {2, 4, 2}, {3, 3, 3}, {4, Missing, 4}, {1, 4, 2}}
	for _, r := range rows {
		if err := tl.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if tl.N() != 6 || tl.Item(1).N() != 5 || tl.Item(1).Count(2) != 1 {
		t.Errorf("N %d, item 2 N %d", tl.N(), tl.Item(1).N())
	}
	// Item tallies hold the answers as given: item 2 has answers 2, 1, 4, 3, 4.
	if diff := cmp.Diff([]int64{1, 1, 1, 2, 0}, tl.Item(1).Counts()); diff != "" {
		t.Errorf("item 2 counts (-want +got):\n%s", diff)
	}
	// Composites: (4+4+5)/3, (5+5+4)/3, (2+2+2)/3, 3, (4+4)/2, (1+2+2)/3.
	want := []float64{13.0 / 3, 14.0 / 3, 2, 3, 4, 5.0 / 3}
	var sum float64
	for _, c := range want {
		sum += c
	}
	comp, err := tl.Composite(0.95)
	if err != nil || !closeTo(comp.Value, sum/6, 1e-14) || comp.N != 6 {
		t.Errorf("Composite = %+v, %v, want mean %v of 6", comp, err, sum/6)
	}
	// The reliability accumulator saw the scored rows.
	var direct Reliability
	for _, r := range rows {
		s := make([]float64, 3)
		threeItems().Scores(r, s)
		direct.Add(s)
	}
	a1, err1 := tl.Reliability().Alpha(ReliabilityConfig{Missing: Listwise})
	a2, err2 := direct.Alpha(ReliabilityConfig{Missing: Listwise})
	if err1 != nil || err2 != nil || a1 != a2 {
		t.Errorf("instrument alpha %+v (%v), direct %+v (%v)", a1, err1, a2, err2)
	}
	if err := tl.Add([]int{1, 2}); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("Add of a short row = %v", err)
	}
	if err := tl.Add([]int{1, 2, 9}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Add of code 9 = %v", err)
	}
	if err := tl.AddWeighted([]int{1, 2, 3}, -2); !errors.Is(err, satmetrics.ErrWeight) {
		t.Errorf("AddWeighted(-2) = %v", err)
	}
	if tl.N() != 6 {
		t.Errorf("refused rows counted: N = %d", tl.N())
	}
	// Merge: a zero tally adopts the instrument; another instrument is refused.
	var z InstrumentTally
	for _, row := range [][]int{{1}, {}} {
		if err := z.Add(row); !errors.Is(err, satmetrics.ErrIncompatible) {
			t.Errorf("Add(%v) to the zero tally = %v, want ErrIncompatible", row, err)
		}
	}
	if err := z.Merge(tl); err != nil || z.N() != 6 || !z.in.equal(&tl.in) {
		t.Errorf("Merge into zero = %v", err)
	}
	if err := z.Add(rows[0]); err != nil {
		t.Errorf("Add after adopting the instrument = %v", err)
	}
	other := threeItems()
	other.Items[1].Reverse = false
	ot, _ := NewInstrumentTally(other)
	if err := tl.Merge(ot); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("Merge of another instrument = %v, want ErrIncompatible", err)
	}
	if in := tl.Instrument(); !in.equal(&tl.in) || &in.Items[0] == &tl.in.Items[0] {
		t.Errorf("Instrument() is not a copy")
	}
	// One-item instrument: no reliability, composite still counted.
	one, _ := NewInstrumentTally(Instrument{Items: []Item{{Name: "x", Scale: Agree5}}})
	one.AddWeighted([]int{3}, 2)
	one.AddWeighted([]int{5}, 1)
	if one.Reliability().Items() != 0 || !one.Item(0).Weighted() {
		t.Errorf("one-item instrument fed reliability or lost weights")
	}
	if c, err := one.Composite(0.95); err != nil || !closeTo(c.Value, 11.0/3, 1e-15) || !closeTo(c.EffectiveN, 9.0/5, 1e-15) {
		t.Errorf("weighted composite = %+v, %v, want 11/3 with n_eff 9/5", c, err)
	}
	if _, err := one.Composite(2); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("Composite(2) = %v", err)
	}
}
