package churn_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/churn"
)

func seedTables(f *testing.F, enc func(*churn.EventTable) []byte) {
	var a churn.EventTable
	_ = a.Add(1, true)
	_ = a.Add(2, false)
	_ = a.AddSubject(churn.Subject{Entry: 0.5, Exit: 3, Event: true})
	var w churn.EventTable
	_ = w.AddWeighted(churn.Subject{Exit: 2, Event: true}, 2.5)
	_ = w.AddWeighted(churn.Subject{Entry: 1, Exit: 4}, 0.5)
	_ = w.AddWeighted(churn.Subject{Exit: -1}, 1) // rejected
	var empty churn.EventTable
	for _, t := range []*churn.EventTable{&a, &w, &empty} {
		f.Add(enc(t))
	}
}

// checkDecoded checks that a table a decoder accepted is usable: its
// estimates are finite and it encodes back to what decodes to itself.
func checkDecoded(t *testing.T, tab *churn.EventTable) {
	if c, err := churn.KaplanMeier(tab, churn.CurveConfig{CI: churn.CILogLog}); err == nil {
		if _, err := json.Marshal(c); err != nil {
			t.Fatalf("curve of a decoded table does not encode: %v", err)
		}
		for _, p := range c.Points {
			if p.Survival < 0 || p.Survival > 1 || math.IsNaN(p.StdErr) {
				t.Fatalf("bad point %+v", p)
			}
		}
	} else if !errors.Is(err, satmetrics.ErrNoData) {
		t.Fatalf("KaplanMeier of a decoded table: %v", err)
	}
	b, err := tab.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var back churn.EventTable
	if err := back.UnmarshalBinary(b); err != nil || !back.Equal(tab) {
		t.Fatalf("re-encoding does not round-trip: %v", err)
	}
}

func FuzzEventTableUnmarshalBinary(f *testing.F) {
	seedTables(f, func(t *churn.EventTable) []byte { b, _ := t.MarshalBinary(); return b })
	f.Add([]byte{1, 0, 0, 0, 1})
	f.Add([]byte{2})
	f.Fuzz(func(t *testing.T, b []byte) {
		var tab churn.EventTable
		if err := tab.UnmarshalBinary(b); err != nil {
			if !errors.Is(err, satmetrics.ErrCorrupt) {
				t.Fatalf("error %v does not wrap ErrCorrupt", err)
			}
			return
		}
		checkDecoded(t, &tab)
	})
}

func FuzzEventTableUnmarshalJSON(f *testing.F) {
	seedTables(f, func(t *churn.EventTable) []byte { b, _ := json.Marshal(t); return b })
	f.Add([]byte(`{"version":1,"base":1,"times":[1],"events":[2],"censored":[0],"entered":[0]}`))
	f.Add([]byte(`{"version":1,"base":0,"times":[1,2],"events":[0,1],"censored":[0,0],"entered":[1,0],"weights":{"base":0,"events":[0,1],"censored":[0,0],"entered":[1,0]}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var tab churn.EventTable
		if err := json.Unmarshal(b, &tab); err != nil {
			var se *json.SyntaxError
			if !errors.Is(err, satmetrics.ErrCorrupt) && !errors.As(err, &se) {
				t.Fatalf("error %v wraps neither ErrCorrupt nor a syntax error", err)
			}
			return
		}
		checkDecoded(t, &tab)
	})
}

func FuzzTextKinds(f *testing.F) {
	for _, s := range []string{"log", "log-log", "plain", "start", "cancel", "payment", "", "LOG"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var c churn.CIType
		if err := c.UnmarshalText([]byte(s)); err == nil {
			if b, _ := c.MarshalText(); string(b) != s {
				t.Fatalf("CIType %q round-trips to %q", s, b)
			}
		} else if !errors.Is(err, satmetrics.ErrSyntax) {
			t.Fatal(err)
		}
		var k churn.EventKind
		if err := k.UnmarshalText([]byte(s)); err == nil {
			if b, _ := k.MarshalText(); string(b) != s {
				t.Fatalf("EventKind %q round-trips to %q", s, b)
			}
		} else if !errors.Is(err, satmetrics.ErrSyntax) {
			t.Fatal(err)
		}
	})
}

func TestDecodeCorrupt(t *testing.T) {
	var good churn.EventTable
	_ = good.AddWeighted(churn.Subject{Exit: 2, Event: true}, 2)
	_ = good.AddWeighted(churn.Subject{Entry: 1, Exit: 3}, 1)
	b, _ := good.MarshalBinary()
	for _, tc := range []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"version", append([]byte{9}, b[1:]...)},
		{"flags", append([]byte{1, 4}, b[2:]...)},
		{"truncated", b[:len(b)-1]},
		{"trailing", append(append([]byte{}, b...), 0)},
		{"header only", b[:3]},
		{"rows too many", []byte{1, 0, 0, 0, 100}},
		{"row truncated", []byte{1, 0, 1, 0, 1, 0, 0}},
		{"negative time", append([]byte{1, 0, 1, 0, 1}, 0, 0, 0, 0, 0, 0, 0xf0, 0xbf, 1, 0, 0)},
		{"exits without subjects", append([]byte{1, 0, 0, 0, 1}, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 1, 0, 0)},
		{"empty row", append([]byte{1, 0, 1, 0, 2}, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0)},
		{"never exits", append([]byte{1, 0, 2, 0, 1}, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 1, 0, 0)},
		{"overflow", []byte{1, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}},
	} {
		var tab churn.EventTable
		if err := tab.UnmarshalBinary(tc.b); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("%s: %v, want ErrCorrupt", tc.name, err)
		}
	}
	for _, s := range []string{
		`[]`,
		`{"version":2,"base":1,"times":[1],"events":[1],"censored":[0],"entered":[0]}`,
		`{"version":1,"base":1,"times":[1],"events":[1,2],"censored":[0],"entered":[0]}`,
		`{"version":1,"base":1,"times":[1],"events":[1],"censored":[0],"entered":[0],"weights":{"base":1,"events":[],"censored":[0],"entered":[0]}}`,
		`{"version":1,"base":1,"times":[1],"events":[1],"censored":[0],"entered":[0],"weights":{"base":-1,"events":[1],"censored":[0],"entered":[0]}}`,
		`{"version":1,"base":1,"times":[1],"events":[1],"censored":[0],"entered":[0],"weights":{"base":1,"events":[1],"censored":[3],"entered":[0]}}`,
		`{"version":1,"base":0,"times":[1],"events":[0],"censored":[0],"entered":[0],"weights":{"base":2,"events":[0],"censored":[0],"entered":[0]}}`,
		`{"version":1,"base":2,"times":[2,1],"events":[1,1],"censored":[0,0],"entered":[0,0]}`,
		`{"version":1,"base":1,"times":[1],"events":[-1],"censored":[2],"entered":[0]}`,
	} {
		var tab churn.EventTable
		if err := json.Unmarshal([]byte(s), &tab); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("%s: %v, want ErrCorrupt", s, err)
		}
	}
}
