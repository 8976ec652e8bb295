// Package reftest reads the reference tables that the numerical tests
// compare against (CSV files written by the R, SciPy and mpmath scripts
// beside them) and measures relative errors. It is used only by tests.
package reftest

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"
)

// ReadTable reads a CSV file whose first row is a header and whose other
// rows are numbers (Inf and -Inf allowed). It fails the test if the file is
// missing or malformed, so that a table can never be skipped silently.
func ReadTable(t testing.TB, path string) [][]float64 {
	t.Helper()
	rows, err := readTable(path)
	if err != nil {
		t.Fatalf("reference table: %v", err)
	}
	return rows
}

func readTable(path string) ([][]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(recs) < 2 {
		return nil, fmt.Errorf("%s: no data rows", path)
	}
	rows := make([][]float64, 0, len(recs)-1)
	for i, rec := range recs[1:] {
		row := make([]float64, len(rec))
		for j, s := range rec {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return nil, fmt.Errorf("%s row %d col %d: %w", path, i+2, j+1, err)
			}
			row[j] = v
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// RelErr returns |got - want| / |want|, or |got| when want is zero. Two
// infinities of the same sign differ by zero; a NaN, or an infinity against
// a finite value, by +Inf.
func RelErr(got, want float64) float64 {
	switch {
	case got == want:
		return 0
	case math.IsNaN(got) || math.IsNaN(want) || math.IsInf(got, 0) || math.IsInf(want, 0):
		return math.Inf(1)
	case want == 0:
		return math.Abs(got)
	}
	return math.Abs(got-want) / math.Abs(want)
}

// Stats tracks the worst relative error seen in a table, for the log. The
// zero value is ready.
type Stats struct {
	worst float64
	where string
	n     int
}

// Add records the error e of the value described by where.
func (s *Stats) Add(e float64, where string) {
	s.n++
	if e > s.worst {
		s.worst, s.where = e, where
	}
}

// Worst returns the largest error recorded.
func (s *Stats) Worst() float64 { return s.worst }

// Log writes the count and the worst error to the test log.
func (s *Stats) Log(t testing.TB, name string, tol float64) {
	t.Helper()
	t.Logf("%s: %d values, worst relative error %.3g (tolerance %.0e) at %s", name, s.n, s.worst, tol, s.where)
}
