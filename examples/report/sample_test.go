package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"
)

var updateSample = flag.Bool("update-sample", false, "rewrite examples/report/sample from the sample export")

// sampleArgs is the documented command that makes examples/report/sample,
// run from the repository's root.
var sampleArgs = []string{"-in", "examples/quickstart/data/survey.csv", "-reverse", "q5", "-tz", "Europe/Berlin", "-out", "examples/report/sample"}

// TestSampleUpToDate checks that the committed sample outputs are those the
// program writes now, so that the picture in the README and the sample
// report do not drift from the code. To refresh them, run
//
//	go test ./examples/report -run SampleUpToDate -update-sample
func TestSampleUpToDate(t *testing.T) {
	t.Chdir("../..")
	if *updateSample {
		if err := run(sampleArgs, env{stdout: io.Discard, stderr: io.Discard}); err != nil {
			t.Fatal(err)
		}
		return
	}
	dir := t.TempDir()
	args := append(sampleArgs[:len(sampleArgs)-1:len(sampleArgs)-1], dir)
	if err := run(args, env{stdout: io.Discard, stderr: io.Discard}); err != nil {
		t.Fatal(err)
	}
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(dir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("examples/report/sample", f.Name()))
		same := err == nil && bytes.Equal(got, want)
		if err == nil && !same && f.Name() == jsonFile {
			// Numbers may differ in their last digits when the library's
			// numerics are refined; the sample is still current.
			same = sameJSON(got, want)
		}
		if !same {
			t.Errorf("examples/report/sample/%s is not what the program writes now (%v); refresh it with\n\tgo test ./examples/report -run SampleUpToDate -update-sample", f.Name(), err)
		}
	}
}

// sameJSON reports whether two JSON documents are equal, up to a relative
// difference of 1e-9 in their numbers.
func sameJSON(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return equalJSON(x, y)
}

func equalJSON(x, y any) bool {
	switch x := x.(type) {
	case float64:
		y, ok := y.(float64)
		return ok && math.Abs(x-y) <= 1e-9*math.Max(1, math.Max(math.Abs(x), math.Abs(y)))
	case []any:
		y, ok := y.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equalJSON(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := y.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			if w, ok := y[k]; !ok || !equalJSON(v, w) {
				return false
			}
		}
		return true
	}
	return x == y
}

func TestSameJSON(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{`{"a": [1, 2.5, "x", null, true]}`, `{"a": [1, 2.5000000000001, "x", null, true]}`, true},
		{`{"a": 1}`, `{"a": 1.001}`, false},
		{`{"a": 1}`, `{"b": 1}`, false},
		{`{"a": [1]}`, `{"a": [1, 2]}`, false},
		{`{"a": "x"}`, `{"a": 1}`, false},
		{`[1]`, `{"a": 1}`, false},
		{`{`, `{}`, false},
	} {
		if got := sameJSON([]byte(tc.a), []byte(tc.b)); got != tc.want {
			t.Errorf("sameJSON(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
