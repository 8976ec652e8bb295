package special

import (
	"path/filepath"
	"testing"

	"github.com/satmetrics/satmetrics/internal/reftest"
)

// readTable reads a reference table from testdata/ (see reftest.ReadTable).
func readTable(t *testing.T, name string) [][]float64 {
	return reftest.ReadTable(t, filepath.Join("testdata", name))
}

// relErr is reftest.RelErr.
func relErr(got, want float64) float64 { return reftest.RelErr(got, want) }

// errStats tracks the worst relative error of a table.
type errStats = reftest.Stats
