package reftest

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestReadTableAndRelErr(t *testing.T) {
	p := filepath.Join(t.TempDir(), "t.csv")
	if err := os.WriteFile(p, []byte("x,y\n1,2.5\nInf,-Inf\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rows := ReadTable(t, p)
	if len(rows) != 2 || rows[0][1] != 2.5 || !math.IsInf(rows[1][0], 1) || !math.IsInf(rows[1][1], -1) {
		t.Errorf("ReadTable = %v", rows)
	}
	for _, tc := range []struct{ got, want, err float64 }{
		{1, 1, 0}, {1.1, 1, 0.1}, {0.5, 0, 0.5}, {math.Inf(1), math.Inf(1), 0},
		{math.NaN(), 1, math.Inf(1)}, {math.Inf(1), 1, math.Inf(1)},
	} {
		if e := RelErr(tc.got, tc.want); math.Abs(e-tc.err) > 1e-15 && !(math.IsInf(e, 1) && math.IsInf(tc.err, 1)) {
			t.Errorf("RelErr(%v, %v) = %v, want %v", tc.got, tc.want, e, tc.err)
		}
	}
	for name, body := range map[string]string{"header only": "x\n", "text": "x\nabc\n", "ragged": "x,y\n1\n"} {
		q := filepath.Join(t.TempDir(), "bad.csv")
		if err := os.WriteFile(q, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readTable(q); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := readTable(filepath.Join(t.TempDir(), "missing.csv")); err == nil {
		t.Error("missing file: no error")
	}
	var s Stats
	s.Add(1e-13, "a")
	s.Add(1e-12, "b")
	s.Add(1e-14, "c")
	if s.Worst() != 1e-12 || s.where != "b" || s.n != 3 {
		t.Errorf("Stats = %+v", s)
	}
	s.Log(t, "table", 1e-10)
}
