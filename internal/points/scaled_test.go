package points

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/satmetrics/satmetrics"
)

// testScale is a scale type as csat and ces define theirs: 0 is "three",
// the default, with 3 points; 1 is "five", with 5.
type testScale uint8

func (s testScale) Points() int {
	switch s {
	case 0:
		return 3
	case 1:
		return 5
	}
	return 0
}

func (s testScale) String() string {
	switch s {
	case 0:
		return "three"
	case 1:
		return "five"
	}
	return "bad"
}

type testRating uint8

var (
	testPoints = [256]uint8{0: 3, 1: 5}
	testSpec   = NewSpec[testScale]("test", 'T', &testPoints)
)

// testTally is a tally as csat and ces define theirs.
type testTally struct {
	c     Counts
	scale testScale
}

func (t *testTally) core() Scaled[testScale, testRating] {
	return Scaled[testScale, testRating]{Spec: &testSpec, Counts: &t.c, Scale: &t.scale}
}

func newTestTally(t *testing.T, s testScale) *testTally {
	t.Helper()
	var tl testTally
	if err := tl.core().Init(s); err != nil {
		t.Fatal(err)
	}
	return &tl
}

// wantError checks that err wraps target and reads msg.
func wantError(t *testing.T, what string, err, target error, msg string) {
	t.Helper()
	if !errors.Is(err, target) || err.Error() != msg {
		t.Errorf("%s: error %v, want %q wrapping %v", what, err, msg, target)
	}
}

func TestScaledAdd(t *testing.T) {
	var tl testTally
	tl.c.Add(0)
	wantError(t, "Init(7)", tl.core().Init(7), satmetrics.ErrRange, "test: scale bad: value out of range")
	if tl.scale != 0 || tl.c.Total() != 1 {
		t.Errorf("failed Init changed the tally: scale %v, n %d", tl.scale, tl.c.Total())
	}
	if err := tl.core().Init(1); err != nil || tl.scale != 1 || tl.c.Total() != 0 {
		t.Errorf("Init(1) = %v: scale %v, n %d", err, tl.scale, tl.c.Total())
	}
	c := tl.core()
	wantError(t, "AddWeighted(1, NaN)", c.AddWeighted(1, math.NaN()), satmetrics.ErrWeight,
		"test: satmetrics: weight NaN: satmetrics: weight must be finite and non-negative")
	wantError(t, "AddWeighted(6, 1)", c.AddWeighted(6, 1), satmetrics.ErrRange, "test: rating 6 is not on the five scale: value out of range")
	wantError(t, "AddN(0, 1)", c.AddN(0, 1), satmetrics.ErrRange, "test: rating 0 is not on the five scale: value out of range")
	wantError(t, "AddN(2, -1)", c.AddN(2, -1), satmetrics.ErrRange, "test: -1 responses: value out of range")
	bad := []testRating{1, 5, 6, 0}
	if i := AddAll(c.Counts, bad, 1, 5); i != 2 {
		t.Fatalf("AddAll(%v) = %d, want 2", bad, i)
	}
	wantError(t, "AddAllError", c.AddAllError(bad, 2), satmetrics.ErrRange,
		"test: index 2: test: rating 6 is not on the five scale: value out of range")
	if tl.c.Total() != 0 {
		t.Fatalf("failed adds added %d responses", tl.c.Total())
	}
	wantError(t, "RatingError", testSpec.RatingError(testScale(1), testRating(9)), satmetrics.ErrRange, "test: rating 9 is not on the five scale: value out of range")

	// Ratings 1, 5, 5 and 2 with weight 1, then rating 5 with weight 3.
	if i := AddAll(c.Counts, []testRating{1, 5, 5}, 1, 5); i != -1 {
		t.Fatalf("AddAll(1, 5, 5) = %d", i)
	}
	if err := c.AddN(2, 1); err != nil {
		t.Fatal(err)
	}
	if err := c.AddWeighted(5, 3); err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		r testRating
		n int64
		w float64
	}{{0, 0, 0}, {1, 1, 1}, {2, 1, 1}, {3, 0, 0}, {5, 3, 5}, {6, 0, 0}} {
		if n, w := c.Count(x.r), c.Weight(x.r); n != x.n || w != x.w {
			t.Errorf("Count, Weight(%d) = %d, %v, want %d, %v", x.r, n, w, x.n, x.w)
		}
	}
	// Σw = 1+1+1+1+3 = 7, Σw² = 1+1+1+1+9 = 13, n_eff = 49/13.
	w, neff, err := c.Totals()
	if err != nil || w != 7 || math.Abs(neff-49.0/13) > 1e-15 {
		t.Errorf("Totals() = %v, %v, %v, want 7, %v", w, neff, err, 49.0/13)
	}
}

func TestScaledTotals(t *testing.T) {
	tl := newTestTally(t, 0)
	_, _, err := tl.core().Totals()
	wantError(t, "empty", err, satmetrics.ErrNoData, "test: satmetrics: no data")
	tl.core().AddWeighted(1, 0)
	_, _, err = tl.core().Totals()
	wantError(t, "zero weight", err, satmetrics.ErrNoData, "test: satmetrics: no data")
	tl.core().AddWeighted(1, 1e300)
	tl.core().AddWeighted(1, 1e300)
	_, _, err = tl.core().Totals()
	wantError(t, "huge weights", err, satmetrics.ErrUndefined,
		"test: weights too extreme (total 2e+300, effective n NaN): satmetrics: undefined result")
}

func TestDistribution(t *testing.T) {
	type point struct {
		I      int
		N      int64
		W, Pct float64
	}
	mk := func(i int, n int64, w, pct float64) point { return point{I: i, N: n, W: w, Pct: pct} }
	var c Counts
	if _, err := Distribution(&c, "test", 3, mk); !errors.Is(err, satmetrics.ErrNoData) || err.Error() != "test: distribution: test: satmetrics: no data" {
		t.Errorf("empty: %v", err)
	}
	// Point 0 twice with weight 1, point 2 once with weight 6: total 8.
	c.AddN(0, 2)
	c.AddWeighted(2, 6)
	got, err := Distribution(&c, "test", 3, mk)
	want := []point{{0, 2, 2, 25}, {1, 0, 0, 0}, {2, 1, 6, 75}}
	if diff := cmp.Diff(want, got); err != nil || diff != "" {
		t.Errorf("Distribution: %v (-want +got):\n%s", err, diff)
	}
}

func TestScaledMerge(t *testing.T) {
	three, five := newTestTally(t, 0), newTestTally(t, 1)
	five.core().AddN(5, 2)
	if err := five.core().Merge(newTestTally(t, 0).core()); err != nil || five.c.Total() != 2 || five.scale != 1 {
		t.Errorf("merging the zero tally: %v, n %d, scale %v", err, five.c.Total(), five.scale)
	}
	three.core().AddN(3, 1)
	wantError(t, "five into three", three.core().Merge(five.core()), satmetrics.ErrIncompatible,
		"test: merge tallies on the three and five scales: satmetrics: incompatible configurations")
	if three.c.Total() != 1 || three.scale != 0 {
		t.Errorf("failed merge changed the tally")
	}
	emptyFive := newTestTally(t, 1)
	wantError(t, "three into an empty five", emptyFive.core().Merge(three.core()), satmetrics.ErrIncompatible,
		"test: merge tallies on the five and three scales: satmetrics: incompatible configurations")
	var zero testTally
	if err := zero.core().Merge(five.core()); err != nil || !zero.core().Equal(five.core()) {
		t.Errorf("merge into the zero tally: %v, scale %v", err, zero.scale)
	}
	if err := zero.core().Merge(zero.core()); err != nil || zero.core().Count(5) != 4 {
		t.Errorf("merge into itself: %v, count %d", err, zero.core().Count(5))
	}
	if zero.core().Equal(five.core()) || three.core().Equal(newTestTally(t, 1).core()) {
		t.Error("different tallies equal")
	}
}

// TestMergeConfig checks Merge with a struct configuration, as nps's
// breaks, whose zero value is the default.
func TestMergeConfig(t *testing.T) {
	type config struct{ A, B uint8 }
	incompatible := errors.New("incompatible")
	fail := func() error { return incompatible }
	var c, u Counts
	var cfg config
	u.AddN(1, 2)
	if err := Merge(&c, &cfg, &u, config{1, 2}, fail); err != nil || cfg != (config{1, 2}) || c.N(1) != 2 {
		t.Errorf("into the zero tally: %v, %v, %d", err, cfg, c.N(1))
	}
	if err := Merge(&c, &cfg, &u, config{1, 3}, fail); err != incompatible || c.N(1) != 2 {
		t.Errorf("other configuration: %v, %d", err, c.N(1))
	}
	var empty Counts
	if err := Merge(&c, &cfg, &empty, config{}, fail); err != nil || c.N(1) != 2 {
		t.Errorf("the zero tally: %v, %d", err, c.N(1))
	}
	if err := Merge(&c, &cfg, &c, cfg, fail); err != nil || c.N(1) != 4 {
		t.Errorf("into itself: %v, %d", err, c.N(1))
	}
}

// testJSON is the JSON form of a testTally, as csat and ces define theirs.
type testJSON struct {
	Scale testScale `json:"scale"`
	JSON
}

func (t *testTally) marshalJSON() ([]byte, error) {
	return json.Marshal(testJSON{Scale: t.scale, JSON: t.c.ToJSON(t.scale.Points())})
}

func (t *testTally) unmarshalJSON(data []byte) error {
	var j testJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return Corrupt("test", err)
	}
	return t.core().FromJSON(j.Scale, j.JSON)
}

func TestScaledEncoding(t *testing.T) {
	tl := newTestTally(t, 1)
	tl.core().AddN(1, 2)
	tl.core().AddN(5, 300)
	bin := tl.core().AppendBinary([]byte{0xAA})
	// Version 1, tag 'T', scale 1, flags 0, counts 2 0 0 0 300 (varint ac 02).
	if want := []byte{0xAA, 1, 'T', 1, 0, 2, 0, 0, 0, 0xac, 0x02}; !bytes.Equal(bin, want) {
		t.Errorf("AppendBinary = %x, want %x", bin, want)
	}
	tl.core().AddWeighted(3, 0.5)
	var fromJSON testTally
	if err := fromJSON.core().FromJSON(1, tl.c.ToJSON(5)); err != nil || !fromJSON.core().Equal(tl.core()) {
		t.Errorf("FromJSON(ToJSON): %v", err)
	}
	bin = tl.core().AppendBinary(nil)
	var got testTally
	if err := got.core().UnmarshalBinary(bin); err != nil || !got.core().Equal(tl.core()) {
		t.Errorf("binary round trip of %x: %v", bin, err)
	}
	for _, c := range []struct {
		in  []byte
		msg string
	}{
		{nil, "test: decode tally: header of 0 bytes is truncated: corrupt counts: satmetrics: corrupt encoding"},
		{[]byte{1, 'C', 0, 0, 0, 0, 0}, "test: decode tally: tag 'C', want 'T': corrupt counts: satmetrics: corrupt encoding"},
		{[]byte{1, 'T', 2, 0, 0, 0, 0}, "test: decode tally: scale 2: satmetrics: corrupt encoding"},
		{[]byte{1, 'T', 0, 0, 0, 0}, "test: decode tally: count 2: truncated: corrupt counts: satmetrics: corrupt encoding"},
		{[]byte{1, 'T', 0, 0, 0, 0, 0, 0}, "test: decode tally: 1 trailing bytes: satmetrics: corrupt encoding"},
	} {
		wantError(t, "UnmarshalBinary", got.core().UnmarshalBinary(c.in), satmetrics.ErrCorrupt, c.msg)
	}
	wantError(t, "FromJSON(1, 3 counts)", got.core().FromJSON(1, JSON{Counts: []int64{1, 2, 3}}), satmetrics.ErrCorrupt,
		"test: decode tally: 3 counts for 5 points: corrupt counts: satmetrics: corrupt encoding")
	wantError(t, "FromJSON(7, no counts)", got.core().FromJSON(7, JSON{Counts: []int64{}}), satmetrics.ErrCorrupt,
		"test: decode tally: scale bad: satmetrics: corrupt encoding")
	if !got.core().Equal(tl.core()) {
		t.Error("failed decodes changed the tally")
	}
	if err := got.core().FromJSON(0, JSON{Counts: []int64{1, 0, 4}}); err != nil || got.scale != 0 || got.core().Count(3) != 4 {
		t.Errorf("FromJSON(0, counts 1 0 4): %v, scale %v, count(3) %d", err, got.scale, got.core().Count(3))
	}
}

type scaledOp struct {
	R testRating
	W float64 // negative: unweighted
}

func TestScaledProperties(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.Rng.Seed(5)
	props := gopter.NewProperties(params)
	genOps := gen.SliceOf(gen.Struct(typeOf[scaledOp](), map[string]gopter.Gen{
		"R": gen.UInt8Range(1, 5).Map(func(r uint8) testRating { return testRating(r) }),
		"W": gen.Float64Range(-1, 4),
	}))
	apply := func(tl *testTally, ops []scaledOp) {
		for _, o := range ops {
			if o.W < 0 {
				tl.core().AddN(o.R, 1)
			} else {
				tl.core().AddWeighted(o.R, o.W)
			}
		}
	}
	props.Property("split in three and merged in any order equals whole", prop.ForAll(func(ops []scaledOp, cut1, cut2 int) bool {
		cut1, cut2 = min(cut1, len(ops)), min(max(cut1, cut2), len(ops))
		whole, a, b, c := newTestTally(t, 1), newTestTally(t, 1), newTestTally(t, 1), newTestTally(t, 1)
		apply(whole, ops)
		apply(a, ops[:cut1])
		apply(b, ops[cut1:cut2])
		apply(c, ops[cut2:])
		var abc, cba, zero testTally
		for _, x := range []*testTally{a, b, c, &zero} {
			if abc.core().Merge(x.core()) != nil {
				return false
			}
		}
		for _, x := range []*testTally{&zero, c, b, a} {
			if cba.core().Merge(x.core()) != nil {
				return false
			}
		}
		return abc.core().Equal(whole.core()) && cba.core().Equal(whole.core())
	}, genOps, gen.IntRange(0, 50), gen.IntRange(0, 50)))
	props.Property("binary and JSON round trip", prop.ForAll(func(ops []scaledOp) bool {
		tl := newTestTally(t, 1)
		apply(tl, ops)
		var b, j testTally
		bin := tl.core().AppendBinary(nil)
		js, err := tl.marshalJSON()
		return err == nil && b.core().UnmarshalBinary(bin) == nil && b.core().Equal(tl.core()) &&
			j.unmarshalJSON(js) == nil && j.core().Equal(tl.core())
	}, genOps))
	props.TestingRun(t)
}

// FuzzScaledUnmarshal checks that the decoders of Scaled never panic, and
// that what they accept encodes to what decodes to the same tally.
func FuzzScaledUnmarshal(f *testing.F) {
	tl := testTally{scale: 1}
	tl.core().AddN(2, 3)
	f.Add(tl.core().AppendBinary(nil))
	tl.core().AddWeighted(4, 0.25)
	f.Add(tl.core().AppendBinary(nil))
	js, _ := tl.marshalJSON()
	f.Add(js)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, decode := range []func(*testTally, []byte) error{
			func(t *testTally, b []byte) error { return t.core().UnmarshalBinary(b) },
			(*testTally).unmarshalJSON,
		} {
			var got, back testTally
			if err := decode(&got, data); err != nil {
				if !errors.Is(err, satmetrics.ErrCorrupt) {
					t.Fatalf("error %v does not wrap ErrCorrupt", err)
				}
				continue
			}
			if err := back.core().UnmarshalBinary(got.core().AppendBinary(nil)); err != nil || !back.core().Equal(got.core()) {
				t.Fatalf("binary re-encoding of %x: %v", data, err)
			}
		}
	})
}

type (
	tooLong   uint8 // scale 3 has 12 points
	noDefault uint8 // the zero scale is undefined
)

func (s tooLong) Points() int {
	switch s {
	case 0:
		return 2
	case 3:
		return MaxPoints + 1
	}
	return 0
}

func (s noDefault) Points() int { return int(s % 2) }

func TestNewSpec(t *testing.T) {
	if want := (Spec{Package: "test", Tag: 'T', Points: &testPoints}); testSpec != want {
		t.Errorf("NewSpec[testScale] = %+v, want %+v", testSpec, want)
	}
	tooLongTable := [256]uint8{0: 2, 3: MaxPoints + 1}
	noDefaultTable := [256]uint8{}
	for s := range noDefaultTable {
		noDefaultTable[s] = uint8(s % 2)
	}
	wrong := testPoints
	wrong[1] = 4
	for name, f := range map[string]func(){
		"12 points":          func() { NewSpec[tooLong]("x", 'X', &tooLongTable) },
		"no default":         func() { NewSpec[noDefault]("x", 'X', &noDefaultTable) },
		"table disagrees":    func() { NewSpec[testScale]("x", 'X', &wrong) },
		"undefined in table": func() { w := testPoints; w[2] = 1; NewSpec[testScale]("x", 'X', &w) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: NewSpec did not panic", name)
				}
			}()
			f()
		}()
	}
}

func TestValidWeight(t *testing.T) {
	for _, w := range []float64{0, math.Copysign(0, -1), 5e-324, 0.5, 1, 1e300, math.MaxFloat64,
		math.Inf(1), math.Inf(-1), math.NaN(), -5e-324, -1, -math.MaxFloat64} {
		if got, want := validWeight(w), satmetrics.CheckWeight(w) == nil; got != want {
			t.Errorf("validWeight(%v) = %v, want %v (CheckWeight)", w, got, want)
		}
	}
}
