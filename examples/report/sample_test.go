package main

import (
	"bytes"
	"flag"
	"io"
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
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("examples/report/sample/%s is not what the program writes now (%v); refresh it with\n\tgo test ./examples/report -run SampleUpToDate -update-sample", f.Name(), err)
		}
	}
}
