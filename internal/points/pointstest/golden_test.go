package pointstest

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fake is a tally that counts its responses per rating 1 to 3 and their
// total weight, with a one-line encoding of each kind.
type fake struct {
	N [4]int64
	W float64
}

// MarshalBinary writes f as JSON, and MarshalJSON only its counts.
func (f fake) MarshalBinary() ([]byte, error) {
	return json.Marshal(struct {
		N [4]int64
		W float64
	}{f.N, f.W})
}
func (f fake) MarshalJSON() ([]byte, error) {
	if f.N[0] < 0 {
		return nil, fmt.Errorf("negative count %d", f.N[0])
	}
	return json.Marshal(struct{ N [4]int64 }{f.N})
}

func (f *fake) UnmarshalBinary(b []byte) error {
	var j struct {
		N [4]int64
		W float64
	}
	err := json.Unmarshal(b, &j)
	f.N, f.W = j.N, j.W
	return err
}

func (f *fake) UnmarshalJSON(b []byte) error {
	var j struct{ N [4]int64 }
	err := json.Unmarshal(b, &j)
	f.N = j.N
	return err
}

func (f *fake) Add(r uint8) error           { f.N[r]++; f.W++; return nil }
func (f *fake) AddN(r uint8, n int64) error { f.N[r] += n; f.W += float64(n); return nil }
func (f *fake) AddWeighted(r uint8, w float64) error {
	f.N[r]++
	f.W += w
	return nil
}
func (f *fake) Merge(u *fake) error {
	for i := range f.N {
		f.N[i] += u.N[i]
	}
	f.W += u.W
	return nil
}

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	errs []string
}

type fatal struct{}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	panic(fatal{})
}
func (r *recorder) Fatal(args ...any) { r.Fatalf("%s", fmt.Sprint(args...)) }

func check(t *testing.T, path string, cases []Case[fake]) (errs []string) {
	r := &recorder{TB: t}
	defer func() {
		if p := recover(); p != nil && p != (fatal{}) {
			panic(p)
		}
		errs = r.errs
	}()
	CheckGolden(r, path, cases)
	return r.errs
}

func TestScaleCases(t *testing.T) {
	cs := ScaleCases[fake, uint8]("s", fake{}, 3)
	// counts: 3 at 1 and 42 at 3; weighted adds 0.1 at 1, 0.7 at 2, 1.3 at
	// 3, 2.25 at 1, 0.2 at 2 and a unit response at 2; merged is twice
	// weighted plus counts.
	want := []Case[fake]{
		{"s/empty", fake{}},
		{"s/counts", fake{N: [4]int64{0, 3, 0, 42}, W: 45}},
		{"s/weighted", fake{N: [4]int64{0, 5, 3, 43}, W: 45 + 0.1 + 0.7 + 1.3 + 2.25 + 0.2 + 1}},
	}
	for i, w := range want {
		if cs[i].Name != w.Name || cs[i].Tally.N != w.Tally.N || cs[i].Tally.W-w.Tally.W > 1e-12 || w.Tally.W-cs[i].Tally.W > 1e-12 {
			t.Errorf("case %d = %+v, want %+v", i, cs[i], w)
		}
	}
	if m := cs[3]; m.Name != "s/merged" || m.Tally.N != [4]int64{0, 13, 6, 128} {
		t.Errorf("merged = %+v", m)
	}
}

func TestCheckGolden(t *testing.T) {
	path := filepath.Join(t.TempDir(), "golden")
	cases := ScaleCases[fake, uint8]("s", fake{}, 3)
	*update = true
	errs := check(t, path, cases)
	*update = false
	if len(errs) != 0 {
		t.Fatalf("update: %v", errs)
	}
	if errs := check(t, path, cases); len(errs) != 0 {
		t.Errorf("unchanged encodings: %v", errs)
	}
	cases[1].Tally.N[1]++
	if errs := check(t, path, cases); len(errs) != 1 || !strings.Contains(errs[0], "encoding 1:") {
		t.Errorf("changed encoding: %q, want one error for encoding 1", errs)
	}
	if errs := check(t, path, cases[:2]); len(errs) != 1 || !strings.Contains(errs[0], "2 encodings, golden file") {
		t.Errorf("fewer cases: %q", errs)
	}
	cases[1].Tally.N[1]--
	golden, _ := os.ReadFile(path)
	hexOf := func(s string) string { return fmt.Sprintf("%x", s) }
	empty := "s/empty\t" + hexOf(`{"N":[0,0,0,0],"W":0}`) + "\t" + `{"N":[0,0,0,0]}`
	if !strings.Contains(string(golden), empty) {
		t.Fatalf("golden file %q lacks %q", golden, empty)
	}
	for _, c := range []struct{ line, err string }{
		{"s/empty", "encoding 0"},
		{"s/empty\tzz\t{}", "golden hex"},
		{"s/empty\t" + hexOf("{") + "\t" + `{"N":[0,0,0,0]}`, "UnmarshalBinary(golden)"},
		{"s/empty\t" + hexOf(`{"N":[0,0,0,0], "W":0}`) + "\t" + `{"N":[0,0,0,0]}`, "golden binary decodes and encodes to"},
		{"s/empty\t" + hexOf(`{"N":[0,0,0,0],"W":0}`) + "\t" + `{"N":"x"}`, "UnmarshalJSON(golden)"},
		{"s/empty\t" + hexOf(`{"N":[0,0,0,0],"W":0}`) + "\t" + `{"N":[0,0,0,0] }`, "golden JSON decodes and encodes to"},
	} {
		os.WriteFile(path, []byte(strings.Replace(string(golden), empty, c.line, 1)), 0o644)
		if errs := check(t, path, cases); len(errs) == 0 || !strings.Contains(errs[len(errs)-1], c.err) {
			t.Errorf("golden line %q: errors %q, want the last to say %q", c.line, errs, c.err)
		}
	}
	os.WriteFile(path, golden, 0o644)
	nan := append([]Case[fake](nil), cases...)
	nan[0].Tally.W = math.NaN()
	if errs := check(t, path, nan); len(errs) != 1 || !strings.Contains(errs[0], "MarshalBinary") {
		t.Errorf("a tally that does not encode: %q", errs)
	}
	nan[0].Tally = fake{N: [4]int64{-1}}
	if errs := check(t, path, nan); len(errs) != 1 || !strings.Contains(errs[0], "MarshalJSON") {
		t.Errorf("a tally that does not encode to JSON: %q", errs)
	}
	*update = true
	errs = check(t, filepath.Join(path, "not a directory"), cases)
	*update = false
	if len(errs) != 1 {
		t.Errorf("update of a file that cannot be written: %q", errs)
	}
	if errs := check(t, filepath.Join(t.TempDir(), "missing"), cases); len(errs) != 1 {
		t.Errorf("missing file: %q", errs)
	}
}
