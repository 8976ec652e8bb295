package likert

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"strconv"
	"testing"
)

// readCSV reads a CSV file with a header row into rows of numbers, NaN for
// an empty field.
func readCSV(t testing.TB, path string) (header []string, rows [][]float64) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs[1:] {
		row := make([]float64, len(rec))
		for i, s := range rec {
			if s == "" || s == "NA" {
				row[i] = math.NaN()
				continue
			}
			if row[i], err = strconv.ParseFloat(s, 64); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
		}
		rows = append(rows, row)
	}
	return recs[0], rows
}

// loadJSON decodes a reference file into v.
func loadJSON(t testing.TB, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// closeTo reports whether got is within tol of want, relative to max(1, |want|).
func closeTo(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// codes converts a row of numbers to codes, Missing for NaN.
func codes(row []float64) []int {
	out := make([]int, len(row))
	for i, x := range row {
		if x != x {
			out[i] = Missing
		} else {
			out[i] = int(x)
		}
	}
	return out
}

// equalMoments reports whether two Moments agree to a relative tol.
func equalMoments(a, b moments, tol float64) bool {
	an, aw, aw2, am, am2 := a.n, a.w, a.w2, a.mean, a.m2
	bn, bw, bw2, bm, bm2 := b.n, b.w, b.w2, b.mean, b.m2
	return an == bn && near(aw, bw, tol) && near(aw2, bw2, tol) && near(am, bm, tol) && near(am2, bm2, tol*(1+math.Abs(am2)))
}

// relClose reports whether got is within a relative tol of want, for
// quantities such as p-values that may be far below 1.
func relClose(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Abs(want)
}
