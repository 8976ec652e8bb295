package points

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseAnswer(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Answer
		ok   bool
	}{
		{"9", Answer{Number: true, Value: 9}, true},
		{" 10 ", Answer{Number: true, Value: 10}, true},
		{"\t07\n", Answer{Number: true, Value: 7}, true},
		{"+7", Answer{Number: true, Value: 7}, true},
		{"-1", Answer{Number: true, Value: -1}, true},
		{"9.0", Answer{Number: true, Value: 9}, true},
		{"9.00", Answer{Number: true, Value: 9}, true},
		{"9.5", Answer{Number: true, Value: 9, Fraction: true}, true},
		{"9.05", Answer{Number: true, Value: 9, Fraction: true}, true},
		{"10 - Extremely likely", Answer{Number: true, Value: 10}, true},
		{"0 – Not at all likely", Answer{Number: true, Value: 0}, true},
		{"4: Satisfied", Answer{Number: true, Value: 4}, true},
		{"9. Very likely", Answer{Number: true, Value: 9}, true},
		{"9.", Answer{Number: true, Value: 9}, true},
		{"3 (neutral)", Answer{Number: true, Value: 3}, true},
		{"3(neutral)", Answer{Number: true, Value: 3}, true},
		{"99999999999999999999999", Answer{Number: true, Value: MaxValue}, true},
		{"-99999999999999999999999", Answer{Number: true, Value: -MaxValue}, true},
		{"Very Satisfied", Answer{Label: "very satisfied"}, true},
		{"  Very \t satisfied. ", Answer{Label: "very satisfied"}, true},
		{"Good, I’m satisfied", Answer{Label: "good, i'm satisfied"}, true},
		{"", Answer{}, false},
		{"   ", Answer{}, false},
		{"-", Answer{}, false},
		{"+x", Answer{}, false},
		{"9a", Answer{}, false},
		{"1e1", Answer{}, false},
		{"4/5", Answer{}, false},
		{"9,5", Answer{}, false},
		{".", Answer{}, false},
		{"a . .", Answer{Label: "a"}, true},
	} {
		got, ok := ParseAnswer(c.in)
		if ok != c.ok || got != c.want {
			t.Errorf("ParseAnswer(%q) = %+v, %v, want %+v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func FuzzParseAnswer(f *testing.F) {
	for _, s := range []string{"9", " 10 - Extremely likely", "9.5", "Very satisfied", "-1", "", "+", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := ParseAnswer(s)
		if !ok {
			if a != (Answer{}) {
				t.Errorf("ParseAnswer(%q) = %+v with ok = false", s, a)
			}
			return
		}
		if a.Value > MaxValue || a.Value < -MaxValue {
			t.Errorf("ParseAnswer(%q).Value = %d out of bounds", s, a.Value)
		}
		if !a.Number && (a.Value != 0 || a.Label == "" || a.Label != Fold(a.Label)) {
			t.Errorf("ParseAnswer(%q) = %+v", s, a)
		}
	})
}

func TestFold(t *testing.T) {
	got := []string{Fold(" Neither  Agree nor DISAGREE. "), Fold("I’m"), Fold(""), Fold("a . .")}
	want := []string{"neither agree nor disagree", "i'm", "", "a"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Fold (-want +got):\n%s", d)
	}
}
