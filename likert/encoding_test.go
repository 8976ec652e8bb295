package likert

import (
	"encoding"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/satmetrics/satmetrics"
)

// codec is what every accumulator implements.
type codec interface {
	encoding.BinaryMarshaler
	encoding.BinaryUnmarshaler
	json.Marshaler
	json.Unmarshaler
}

// samples returns accumulators in varied states, each with a fresh zero
// value to decode into and an equality check.
func samples(t testing.TB) []struct {
	name  string
	v     codec
	fresh func() codec
	equal func(a, b codec) bool
} {
	rng := rand.New(rand.NewPCG(1, 2))
	s10, _ := NewScale(0, 10)
	bip, _ := NewScale(-2, 2, "Much worse", "Worse", "Same", "Better", "Much better")
	tallyEq := func(a, b codec) bool { return a.(*Tally).Equal(b.(*Tally)) }
	relEq := func(a, b codec) bool { return relNear(a.(*Reliability), b.(*Reliability), 0) }
	kanoEq := func(a, b codec) bool { return a.(*KanoTally).Equal(b.(*KanoTally)) }
	instEq := func(a, b codec) bool {
		x, y := a.(*InstrumentTally), b.(*InstrumentTally)
		if !x.in.equal(&y.in) || x.rows != y.rows || len(x.items) != len(y.items) || x.composite != y.composite {
			return false
		}
		for i := range x.items {
			if !x.items[i].Equal(&y.items[i]) {
				return false
			}
		}
		return relNear(&x.rel, &y.rel, 0)
	}
	gapEq := func(a, b codec) bool {
		x, y := a.(*GapTally), b.(*GapTally)
		if x.rows != y.rows || (x.p == nil) != (y.p == nil) {
			return false
		}
		if x.p == nil {
			return true
		}
		if !x.model.equal(&y.model) {
			return false
		}
		xa, ya := x.all(), y.all()
		for i := range xa {
			if *xa[i] != *ya[i] {
				return false
			}
		}
		return true
	}
	var out []struct {
		name  string
		v     codec
		fresh func() codec
		equal func(a, b codec) bool
	}
	add := func(name string, v codec, fresh func() codec, eq func(a, b codec) bool) {
		out = append(out, struct {
			name  string
			v     codec
			fresh func() codec
			equal func(a, b codec) bool
		}{name, v, fresh, eq})
	}
	newTally := func() codec { return new(Tally) }
	for _, c := range []struct {
		name     string
		s        Scale
		n        int
		weighted bool
	}{{"tally/zero", Agree5, 0, false}, {"tally/agree7", Agree7, 50, false}, {"tally/0-10 weighted", s10, 80, true}, {"tally/bipolar", bip, 20, true}} {
		tl := randTally(rng, c.s, c.n, c.weighted)
		add(c.name, &tl, newTally, tallyEq)
	}
	newRel := func() codec { return new(Reliability) }
	add("reliability/zero", new(Reliability), newRel, relEq)
	rows, ws := randRows(rng, 40, 4, 0, 0, false)
	add("reliability/complete", fill(rows, ws), newRel, relEq)
	rows, ws = randRows(rng, 40, 5, 0.15, 100, true)
	add("reliability/missing weighted", fill(rows, ws), newRel, relEq)
	var k KanoTally
	newKano := func() codec { return new(KanoTally) }
	add("kano/zero", new(KanoTally), newKano, kanoEq)
	for range 30 {
		k.Add(KanoAnswer(1+rng.IntN(5)), KanoAnswer(1+rng.IntN(5)))
	}
	add("kano/counts", &k, newKano, kanoEq)
	kw := k
	kw.AddWeighted(KanoLike, KanoDislike, 2.5)
	add("kano/weighted", &kw, newKano, kanoEq)
	newInst := func() codec { return new(InstrumentTally) }
	add("instrument/zero", new(InstrumentTally), newInst, instEq)
	it, err := NewInstrumentTally(threeItems())
	if err != nil {
		t.Fatal(err)
	}
	for range 25 {
		row := []int{1 + rng.IntN(5), 1 + rng.IntN(5), 1 + rng.IntN(5)}
		if rng.IntN(5) == 0 {
			row[rng.IntN(3)] = Missing
		}
		it.AddWeighted(row, 0.5+rng.Float64())
	}
	add("instrument/rows", it, newInst, instEq)
	newGap := func() codec { return new(GapTally) }
	add("gap/zero", new(GapTally), newGap, gapEq)
	g, _ := NewGapTally(ServiceCharacteristics())
	for range 12 {
		p, e := make([]int, 6), make([]int, 6)
		for i := range p {
			p[i], e[i] = 1+rng.IntN(7), 1+rng.IntN(7)
		}
		g.Add(p, e)
	}
	add("gap/rows", g, newGap, gapEq)
	return out
}

// TestEncodingRoundTrip encodes every accumulator to binary and JSON and
// back, and checks that truncated, extended and re-versioned binary input
// is an error wrapping satmetrics.ErrCorrupt that leaves the target as it
// was.
func TestEncodingRoundTrip(t *testing.T) {
	for _, c := range samples(t) {
		b, err := c.v.MarshalBinary()
		if err != nil {
			t.Fatalf("%s: MarshalBinary: %v", c.name, err)
		}
		back := c.fresh()
		if err := back.UnmarshalBinary(b); err != nil || !c.equal(c.v, back) {
			t.Errorf("%s: binary round trip: %v", c.name, err)
		}
		j, err := c.v.MarshalJSON()
		if err != nil {
			t.Fatalf("%s: MarshalJSON: %v", c.name, err)
		}
		back = c.fresh()
		if err := json.Unmarshal(j, back); err != nil {
			t.Errorf("%s: JSON round trip: %v\n%s", c.name, err, j)
		} else if j2, _ := back.MarshalJSON(); string(j2) != string(j) {
			t.Errorf("%s: JSON round trip changed the encoding:\n%s\n%s", c.name, j, j2)
		}
		for n := 0; n < len(b); n++ {
			target := c.fresh()
			before, _ := target.MarshalBinary()
			if err := target.UnmarshalBinary(b[:n]); !errors.Is(err, satmetrics.ErrCorrupt) {
				t.Errorf("%s: %d of %d bytes: %v, want ErrCorrupt", c.name, n, len(b), err)
				break
			}
			if after, _ := target.MarshalBinary(); string(after) != string(before) {
				t.Errorf("%s: a failed decode changed the target", c.name)
			}
		}
		if err := c.fresh().UnmarshalBinary(append(b, 0)); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("%s: trailing byte: %v, want ErrCorrupt", c.name, err)
		}
		bad := append([]byte{99}, b[1:]...)
		if err := c.fresh().UnmarshalBinary(bad); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("%s: version 99: %v, want ErrCorrupt", c.name, err)
		}
		for _, in := range []string{`[]`, `{"x":`, `"s"`} {
			if err := json.Unmarshal([]byte(in), c.fresh()); err == nil {
				t.Errorf("%s: JSON %s decoded", c.name, in)
			}
		}
	}
}

// TestDecodeImpossible feeds well-formed encodings of impossible states.
func TestDecodeImpossible(t *testing.T) {
	for _, c := range []struct {
		name string
		v    codec
		in   string
	}{
		{"tally without scale", new(Tally), `{"counts":[1,2,3,4,5]}`},
		{"tally wrong length", new(Tally), `{"scale":{"low":1,"high":5},"counts":[1,2,3]}`},
		{"tally negative", new(Tally), `{"scale":{"low":1,"high":3},"counts":[1,-2,3]}`},
		{"tally weight without answer", new(Tally), `{"scale":{"low":1,"high":3},"counts":[1,0,3],"weights":[1,2,3],"sum_w2":5}`},
		{"tally weights without squares", new(Tally), `{"scale":{"low":1,"high":3},"counts":[1,0,3],"weights":[1,0,3],"sum_w2":0}`},
		{"kano wrong length", new(KanoTally), `{"counts":[1,2]}`},
		{"kano weight without pair", new(KanoTally), `{"counts":[0,0,0,0,0,1],"weights":[1,0,0,0,0,1],"sum_w2":2}`},
		{"reliability one item", new(Reliability), `{"items":1,"rows":{"n":0,"w":0,"w2":0},"complete":{"n":0,"w":0,"w2":0,"means":[0],"comoments":[0]}}`},
		{"reliability state without items", new(Reliability), `{"items":0,"rows":{"n":1,"w":1,"w2":1}}`},
		{"reliability misshapen", new(Reliability), `{"items":2,"rows":{"n":0,"w":0,"w2":0},"complete":{"n":0,"w":0,"w2":0,"means":[0],"comoments":[0,0,0]}}`},
		{"reliability negative variance", new(Reliability), `{"items":2,"rows":{"n":2,"w":2,"w2":2},"complete":{"n":2,"w":2,"w2":2,"means":[1,1],"comoments":[-1,0,1]}}`},
		{"reliability more complete than rows", new(Reliability), `{"items":2,"rows":{"n":1,"w":1,"w2":1},"complete":{"n":2,"w":2,"w2":2,"means":[1,1],"comoments":[1,0,1]}}`},
		{"reliability rows without weight", new(Reliability), `{"items":2,"rows":{"n":1,"w":0,"w2":0},"complete":{"n":0,"w":0,"w2":0,"means":[0,0],"comoments":[0,0,0]}}`},
		{"reliability means without rows", new(Reliability), `{"items":2,"rows":{"n":0,"w":0,"w2":0},"complete":{"n":0,"w":0,"w2":0,"means":[1,0],"comoments":[0,0,0]}}`},
		{"reliability missing misshapen", new(Reliability), `{"items":2,"rows":{"n":0,"w":0,"w2":0},"complete":{"n":0,"w":0,"w2":0,"means":[0,0],"comoments":[0,0,0]},"missing":{"items":[],"pairs":[]}}`},
		{"reliability pair without rows", new(Reliability), `{"items":2,"rows":{"n":0,"w":0,"w2":0},"complete":{"n":0,"w":0,"w2":0,"means":[0,0],"comoments":[0,0,0]},"missing":{"items":[{"n":0,"w":0,"w2":0,"mean":0,"m2":0},{"n":0,"w":0,"w2":0,"mean":0,"m2":0}],"pairs":[{"n":0,"w":0,"w2":0,"mean_i":1,"mean_j":0,"comoment":0}]}}`},
		{"reliability negative item M2", new(Reliability), `{"items":2,"rows":{"n":0,"w":0,"w2":0},"complete":{"n":0,"w":0,"w2":0,"means":[0,0],"comoments":[0,0,0]},"missing":{"items":[{"n":1,"w":1,"w2":1,"mean":0,"m2":-1},{"n":0,"w":0,"w2":0,"mean":0,"m2":0}],"pairs":[{"n":0,"w":0,"w2":0,"mean_i":0,"mean_j":0,"comoment":0}]}}`},
		{"instrument rows without instrument", new(InstrumentTally), `{"instrument":null,"rows":3,"items":[],"reliability":{"items":0},"composite":{"n":0,"w":0,"w2":0,"mean":0,"m2":0}}`},
		{"instrument items missing", new(InstrumentTally), `{"instrument":{"items":[{"name":"a","scale":{"low":1,"high":5}}]},"rows":0,"items":[],"reliability":{"items":0},"composite":{"n":0,"w":0,"w2":0,"mean":0,"m2":0}}`},
		{"instrument item on another scale", new(InstrumentTally), `{"instrument":{"items":[{"name":"a","scale":{"low":1,"high":5}}]},"rows":0,"items":[{"scale":{"low":1,"high":4},"counts":[0,0,0,0]}],"reliability":{"items":0},"composite":{"n":0,"w":0,"w2":0,"mean":0,"m2":0}}`},
		{"instrument more answers than rows", new(InstrumentTally), `{"instrument":{"items":[{"name":"a","scale":{"low":1,"high":5}}]},"rows":1,"items":[{"scale":{"low":1,"high":5},"counts":[0,2,0,0,0]}],"reliability":{"items":0},"composite":{"n":0,"w":0,"w2":0,"mean":0,"m2":0}}`},
		{"instrument bad composite", new(InstrumentTally), `{"instrument":{"items":[{"name":"a","scale":{"low":1,"high":5}}]},"rows":1,"items":[{"scale":{"low":1,"high":5},"counts":[0,1,0,0,0]}],"reliability":{"items":0},"composite":{"n":1,"w":0,"w2":0,"mean":0,"m2":0}}`},
		{"instrument invalid", new(InstrumentTally), `{"instrument":{"items":[{"name":"a"},{"name":"a"}]},"rows":0,"items":[],"reliability":{"items":0},"composite":{"n":0,"w":0,"w2":0,"mean":0,"m2":0}}`},
		{"instrument reliability of other size", new(InstrumentTally), `{"instrument":{"items":[{"name":"a","scale":{"low":1,"high":5}}]},"rows":0,"items":[{"scale":{"low":1,"high":5},"counts":[0,0,0,0,0]}],"reliability":{"items":2,"rows":{"n":0,"w":0,"w2":0},"complete":{"n":0,"w":0,"w2":0,"means":[0,0],"comoments":[0,0,0]}},"composite":{"n":0,"w":0,"w2":0,"mean":0,"m2":0}}`},
		{"gap state without model", new(GapTally), `{"model":null,"rows":2}`},
		{"gap invalid model", new(GapTally), `{"model":{"scale":{"low":1,"high":7},"dimensions":[]},"rows":0,"moments":[]}`},
		{"gap wrong moments", new(GapTally), `{"model":{"scale":{"low":1,"high":7},"dimensions":[{"name":"a","items":["x"]}]},"rows":0,"moments":[]}`},
		{"gap more values than rows", new(GapTally), `{"model":{"scale":{"low":1,"high":7},"dimensions":[{"name":"a","items":["x"]}]},"rows":0,"moments":[{"n":1,"w":1,"w2":1,"mean":1,"m2":0},{"n":0,"w":0,"w2":0,"mean":0,"m2":0},{"n":0,"w":0,"w2":0,"mean":0,"m2":0},{"n":0,"w":0,"w2":0,"mean":0,"m2":0},{"n":0,"w":0,"w2":0,"mean":0,"m2":0}]}`},
		{"gap moments with values but no weight", new(GapTally), `{"model":{"scale":{"low":1,"high":7},"dimensions":[{"name":"a","items":["x"]}]},"rows":1,"moments":[{"n":1,"w":0,"w2":0,"mean":1,"m2":0},{"n":0,"w":0,"w2":0,"mean":0,"m2":0},{"n":0,"w":0,"w2":0,"mean":0,"m2":0},{"n":0,"w":0,"w2":0,"mean":0,"m2":0},{"n":0,"w":0,"w2":0,"mean":0,"m2":0}]}`},
		{"gap empty moments with a mean", new(GapTally), `{"model":{"scale":{"low":1,"high":7},"dimensions":[{"name":"a","items":["x"]}]},"rows":1,"moments":[{"n":0,"w":0,"w2":0,"mean":1,"m2":0},{"n":0,"w":0,"w2":0,"mean":0,"m2":0},{"n":0,"w":0,"w2":0,"mean":0,"m2":0},{"n":0,"w":0,"w2":0,"mean":0,"m2":0},{"n":0,"w":0,"w2":0,"mean":0,"m2":0}]}`},
	} {
		if err := json.Unmarshal([]byte(c.in), c.v); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("%s: %v, want ErrCorrupt", c.name, err)
		}
	}
	// Binary: a reliability claiming more items than the input can hold
	// is refused before allocating.
	for _, b := range [][]byte{
		{reliabilityVersion, 0xe8, 0x07},       // 1000 items, no state
		{reliabilityVersion, 0x80, 0x80, 0x04}, // 65536 items
		{reliabilityVersion, 1},                // one item
		{reliabilityVersion, 0, 0},             // empty with a trailing byte
	} {
		var r Reliability
		if err := r.UnmarshalBinary(b); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("UnmarshalBinary(%x) = %v, want ErrCorrupt", b, err)
		}
	}
	var tl Tally
	if err := tl.UnmarshalBinary([]byte{tallyVersion, 2, 1, 0, 0}); !errors.Is(err, satmetrics.ErrCorrupt) {
		t.Errorf("tally of 1 point decoded: %v", err)
	}
}
