package dist

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// readTable reads a CSV file from testdata/ whose first row is a header and
// whose other rows are numbers (Inf, -Inf allowed). It fails the test if the
// file is missing or malformed, so that a table can never be skipped
// silently.
func readTable(t *testing.T, name string) [][]float64 {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("reference table: %v", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(recs) < 2 {
		t.Fatalf("%s: no data rows", name)
	}
	rows := make([][]float64, 0, len(recs)-1)
	for i, rec := range recs[1:] {
		row := make([]float64, len(rec))
		for j, s := range rec {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("%s row %d col %d: %v", name, i+2, j+1, err)
			}
			row[j] = v
		}
		rows = append(rows, row)
	}
	return rows
}

// relErr returns |got - want| / |want|, or |got| when want is zero. Two
// infinities of the same sign, and two NaNs, differ by zero.
func relErr(got, want float64) float64 {
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

// errStats tracks the worst relative error seen in a table, for the log.
type errStats struct {
	worst float64
	where string
	n     int
}

func (s *errStats) add(e float64, where string) {
	s.n++
	if e > s.worst {
		s.worst, s.where = e, where
	}
}

func (s *errStats) log(t *testing.T, name string, tol float64) {
	t.Helper()
	t.Logf("%s: %d values, worst relative error %.3g (tolerance %.0e) at %s", name, s.n, s.worst, tol, s.where)
}
