package chart

import (
	"bytes"
	"fmt"
	"os"
)

// Golden compares got with the golden file at path, rewriting the file first
// if update is set, and returns a description of the first difference.
func Golden(path string, got []byte, update bool) error {
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			return err
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%v (run the test with -update to create it)", err)
	}
	if bytes.Equal(want, got) {
		return nil
	}
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(wl) && i < len(gl); i++ {
		if !bytes.Equal(wl[i], gl[i]) {
			return fmt.Errorf("%s: line %d differs:\nwant %s\ngot  %s", path, i+1, wl[i], gl[i])
		}
	}
	return fmt.Errorf("%s: %d lines, want %d", path, len(gl), len(wl))
}
