// Package pointstest holds test helpers for the rating tallies built on
// package points: it pins their binary and JSON encodings to golden files,
// so that a change to the shared code cannot change a byte of them unseen.
package pointstest

import (
	"bytes"
	"encoding"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden encoding files under testdata")

// Codec is what a tally's pointer offers: both encodings, both ways.
type Codec[T any] interface {
	*T
	encoding.BinaryMarshaler
	encoding.BinaryUnmarshaler
	json.Marshaler
	json.Unmarshaler
}

// Case is one tally of a golden file and its name there.
type Case[T any] struct {
	Name  string
	Tally T
}

// CheckGolden compares the encodings of each tally with the golden file at
// path, which has a line per tally: its name, its binary encoding in hex
// and its JSON encoding, separated by tabs. It also decodes the golden
// bytes and JSON and checks that they encode back to themselves. With the
// -update flag it rewrites the file instead.
func CheckGolden[T any, P Codec[T]](t testing.TB, path string, cases []Case[T]) {
	t.Helper()
	var got bytes.Buffer
	for _, c := range cases {
		p := P(&c.Tally)
		b, err := p.MarshalBinary()
		if err != nil {
			t.Fatalf("%s: MarshalBinary: %v", c.Name, err)
		}
		j, err := p.MarshalJSON()
		if err != nil {
			t.Fatalf("%s: MarshalJSON: %v", c.Name, err)
		}
		fmt.Fprintf(&got, "%s\t%x\t%s\n", c.Name, b, j)
	}
	if *update {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
	if len(gl) != len(wl) {
		t.Fatalf("%d encodings, golden file %s has %d", len(gl)-1, path, len(wl)-1)
	}
	for i := range gl {
		if gl[i] != wl[i] {
			t.Errorf("encoding %d:\n got %s\nwant %s", i, gl[i], wl[i])
		}
		f := strings.Split(wl[i], "\t")
		if len(f) != 3 {
			continue
		}
		b, err := hex.DecodeString(f[1])
		if err != nil {
			t.Fatalf("%s: golden hex: %v", f[0], err)
		}
		var d, dj T
		if err := P(&d).UnmarshalBinary(b); err != nil {
			t.Errorf("%s: UnmarshalBinary(golden) = %v", f[0], err)
		} else if back, _ := P(&d).MarshalBinary(); !bytes.Equal(back, b) {
			t.Errorf("%s: golden binary decodes and encodes to %x, want %x", f[0], back, b)
		}
		if err := P(&dj).UnmarshalJSON([]byte(f[2])); err != nil {
			t.Errorf("%s: UnmarshalJSON(golden) = %v", f[0], err)
		} else if back, _ := P(&dj).MarshalJSON(); string(back) != f[2] {
			t.Errorf("%s: golden JSON decodes and encodes to %s, want %s", f[0], back, f[2])
		}
	}
}

// Tally is what ScaleCases needs of a tally's pointer, with rating type R.
type Tally[T any, R ~uint8] interface {
	*T
	Add(R) error
	AddN(R, int64) error
	AddWeighted(R, float64) error
	Merge(*T) error
}

// ScaleCases returns four tallies named after a scale, built from empty, a
// tally on that scale whose ratings run from 1 to top: empty itself, one
// with unweighted counts at both ends, that one after weighted responses
// spread over the scale, and a merge of those.
func ScaleCases[T any, R ~uint8, P Tally[T, R]](scale string, empty T, top R) []Case[T] {
	counts := empty
	P(&counts).AddN(1, 3)
	P(&counts).Add(top)
	P(&counts).AddN(top, 41)
	weighted := counts
	for i, w := range []float64{0.1, 0.7, 1.3, 2.25, 0.2} {
		P(&weighted).AddWeighted(R(1+i%int(top)), w)
	}
	P(&weighted).Add(2)
	merged := empty
	P(&merged).Merge(&weighted)
	P(&merged).Merge(&counts)
	P(&merged).Merge(&weighted)
	return []Case[T]{
		{Name: scale + "/empty", Tally: empty},
		{Name: scale + "/counts", Tally: counts},
		{Name: scale + "/weighted", Tally: weighted},
		{Name: scale + "/merged", Tally: merged},
	}
}
