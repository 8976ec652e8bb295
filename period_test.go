package satmetrics_test

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"testing"
	"time"
	_ "time/tzdata" // the tests must not depend on the machine's zone database

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/satmetrics/satmetrics"
)

var kinds = []satmetrics.PeriodKind{satmetrics.Day, satmetrics.Week, satmetrics.Month, satmetrics.Quarter, satmetrics.Year}

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// TestPeriodOfReference checks labels and period starts against
// testdata/periods/periods.csv, computed with Python's datetime and zoneinfo
// by testdata/periods/gen_periods.py: instants around daylight-saving
// changes (including Sao Paulo's change at midnight and Apia's skipped
// 2011-12-30), year ends and random instants, in ten zones. Exact match.
func TestPeriodOfReference(t *testing.T) {
	f, err := os.Open("testdata/periods/periods.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	locs := map[string]*time.Location{}
	for _, row := range rows[1:] {
		sec, _ := strconv.ParseInt(row[0], 10, 64)
		loc := locs[row[1]]
		if loc == nil {
			loc = mustLoad(t, row[1])
			locs[row[1]] = loc
		}
		tm := time.Unix(sec, 0)
		for i, k := range kinds {
			p, err := satmetrics.PeriodOf(k, tm, loc)
			if err != nil {
				t.Fatalf("PeriodOf(%v, %v, %v): %v", k, tm, loc, err)
			}
			if got, want := p.String(), row[2+i]; got != want {
				t.Errorf("PeriodOf(%v, %d, %s) = %s, want %s", k, sec, row[1], got, want)
			}
			wantStart, _ := strconv.ParseInt(row[7+i], 10, 64)
			if got := p.Start().Unix(); got != wantStart {
				t.Errorf("PeriodOf(%v, %d, %s).Start() = %d, want %d", k, sec, row[1], got, wantStart)
			}
		}
	}
	if len(rows) < 1000 {
		t.Fatalf("only %d reference rows", len(rows))
	}
}

func TestPeriodStrings(t *testing.T) {
	loc := mustLoad(t, "Europe/Paris")
	tm := time.Date(2026, 11, 23, 9, 30, 0, 0, loc)
	for _, tc := range []struct {
		kind satmetrics.PeriodKind
		want string
		next string
		prev string
	}{
		{satmetrics.Day, "2026-11-23", "2026-11-24", "2026-11-22"},
		{satmetrics.Week, "2026-W48", "2026-W49", "2026-W47"},
		{satmetrics.Month, "2026-11", "2026-12", "2026-10"},
		{satmetrics.Quarter, "2026-Q4", "2027-Q1", "2026-Q3"},
		{satmetrics.Year, "2026", "2027", "2025"},
	} {
		p, err := satmetrics.PeriodOf(tc.kind, tm, loc)
		if err != nil {
			t.Fatal(err)
		}
		if p.String() != tc.want || p.Next().String() != tc.next || p.Prev().String() != tc.prev {
			t.Errorf("%v: got %s (next %s, prev %s), want %s (%s, %s)", tc.kind, p, p.Next(), p.Prev(), tc.want, tc.next, tc.prev)
		}
		if p.Kind() != tc.kind || p.Location() != loc || p.IsZero() {
			t.Errorf("%v: Kind %v, Location %v, IsZero %v", tc.kind, p.Kind(), p.Location(), p.IsZero())
		}
		if !p.Contains(tm) || p.Next().Contains(tm) || p.Prev().Contains(tm) {
			t.Errorf("%v: Contains wrong", tc.kind)
		}
	}
	// Year and week boundaries: ISO weeks belong to the ISO year.
	for _, tc := range []struct {
		date string
		kind satmetrics.PeriodKind
		want string
	}{
		{"2021-01-03", satmetrics.Week, "2020-W53"},
		{"2020-12-31", satmetrics.Week, "2020-W53"},
		{"2026-12-31", satmetrics.Week, "2026-W53"},
		{"2024-12-30", satmetrics.Week, "2025-W01"},
		{"2024-12-31", satmetrics.Day, "2024-12-31"},
		{"2024-02-29", satmetrics.Day, "2024-02-29"},
		{"2024-03-31", satmetrics.Quarter, "2024-Q1"},
		{"2024-04-01", satmetrics.Quarter, "2024-Q2"},
	} {
		tm, _ := time.ParseInLocation("2006-01-02", tc.date, time.UTC)
		p, _ := satmetrics.PeriodOf(tc.kind, tm, time.UTC)
		if p.String() != tc.want {
			t.Errorf("PeriodOf(%v, %s) = %s, want %s", tc.kind, tc.date, p, tc.want)
		}
	}
	for _, tc := range []struct{ s, next, prev string }{
		{"2020-W53", "2021-W01", "2020-W52"},
		{"2021-W01", "2021-W02", "2020-W53"},
		{"2024-12-31", "2025-01-01", "2024-12-30"},
		{"2025-01-01", "2025-01-02", "2024-12-31"},
		{"2024-03-01", "2024-03-02", "2024-02-29"},
		{"2026-12", "2027-01", "2026-11"},
		{"2026-01", "2026-02", "2025-12"},
		{"2026-Q1", "2026-Q2", "2025-Q4"},
	} {
		p, err := satmetrics.ParsePeriod(tc.s, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		if p.Next().String() != tc.next || p.Prev().String() != tc.prev {
			t.Errorf("%s: next %s prev %s, want %s %s", tc.s, p.Next(), p.Prev(), tc.next, tc.prev)
		}
	}
}

func TestParsePeriodErrors(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want error
	}{
		{"", satmetrics.ErrSyntax},
		{"26", satmetrics.ErrSyntax},
		{"2026-1", satmetrics.ErrSyntax},
		{"2026/11", satmetrics.ErrSyntax},
		{"2026-Q5", satmetrics.ErrRange},
		{"2026-Q0", satmetrics.ErrRange},
		{"2026-Qx", satmetrics.ErrSyntax},
		{"2026-W54", satmetrics.ErrRange},
		{"2025-W53", satmetrics.ErrRange},
		{"2026-W00", satmetrics.ErrRange},
		{"2026-Wab", satmetrics.ErrSyntax},
		{"2026-13", satmetrics.ErrRange},
		{"2026-00", satmetrics.ErrRange},
		{"2026-02-30", satmetrics.ErrRange},
		{"2026-02-00", satmetrics.ErrRange},
		{"2026-13-01", satmetrics.ErrRange},
		{"2026-1a-01", satmetrics.ErrSyntax},
		{"0000", satmetrics.ErrRange},
		{"2026-11-23x", satmetrics.ErrSyntax},
		{"２０２６", satmetrics.ErrSyntax},
	} {
		_, err := satmetrics.ParsePeriod(tc.in, time.UTC)
		var pe *satmetrics.ParseError
		if !errors.Is(err, tc.want) || !errors.As(err, &pe) || pe.Input != tc.in {
			t.Errorf("ParsePeriod(%q) error = %v, want %v naming the input", tc.in, err, tc.want)
		}
	}
	if _, err := satmetrics.ParsePeriod("2026", nil); err == nil {
		t.Error("ParsePeriod with nil location: no error")
	}
}

func TestPeriodOfErrors(t *testing.T) {
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	if _, err := satmetrics.PeriodOf(satmetrics.Day, now, nil); err == nil {
		t.Error("nil location: no error")
	}
	if _, err := satmetrics.PeriodOf(0, now, time.UTC); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("kind 0: error %v", err)
	}
	if _, err := satmetrics.PeriodOf(satmetrics.Year, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.UTC); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("year 10000: error %v", err)
	}
	if _, err := satmetrics.PeriodsBetween(satmetrics.Day, now, now.Add(-time.Hour), time.UTC); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("reversed range: error %v", err)
	}
	if _, err := satmetrics.PeriodsBetween(satmetrics.Day, now, now, nil); err == nil {
		t.Error("PeriodsBetween nil location: no error")
	}
	if _, err := satmetrics.PeriodsBetween(satmetrics.Day, now, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.UTC); err == nil {
		t.Error("PeriodsBetween to year 10000: no error")
	}
}

func TestPeriodsBetween(t *testing.T) {
	loc := mustLoad(t, "America/New_York")
	from := time.Date(2026, 10, 30, 12, 0, 0, 0, loc)
	to := time.Date(2026, 11, 3, 1, 0, 0, 0, loc)
	ps, err := satmetrics.PeriodsBetween(satmetrics.Day, from, to, loc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := []string{"2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02", "2026-11-03"}
	if len(got) != len(want) {
		t.Fatalf("PeriodsBetween = %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("PeriodsBetween = %v, want %v", got, want)
		}
	}
	// 2026-11-01 is the end of DST in New York: 25 hours long.
	if d := ps[2].End().Sub(ps[2].Start()); d != 25*time.Hour {
		t.Errorf("2026-11-01 in New York lasts %v, want 25h", d)
	}
	q1, _ := satmetrics.ParsePeriod("2026-Q1", time.UTC)
	m1, _ := satmetrics.ParsePeriod("2026-01", time.UTC)
	n := 0
	for range satmetrics.PeriodRange(q1, m1) {
		n++
	}
	for range satmetrics.PeriodRange(m1.Next(), m1) {
		n++
	}
	if n != 0 {
		t.Errorf("PeriodRange over mixed kinds or reversed yielded %d periods", n)
	}
	for p := range satmetrics.PeriodRange(m1, m1.Next().Next()) {
		if p == m1.Next() {
			break // early stop must be honoured
		}
	}
}

func TestPeriodCompareAndText(t *testing.T) {
	a, _ := satmetrics.ParsePeriod("2026-11", time.UTC)
	b, _ := satmetrics.ParsePeriod("2026-12", time.UTC)
	c, _ := satmetrics.ParsePeriod("2027-01", time.UTC)
	d, _ := satmetrics.ParsePeriod("2026-11-23", time.UTC)
	if a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 || b.Compare(c) != -1 || d.Compare(a) != -1 {
		t.Error("Compare order wrong")
	}
	type doc struct {
		P satmetrics.Period     `json:"p"`
		K satmetrics.PeriodKind `json:"k"`
		D satmetrics.Direction  `json:"d"`
	}
	in := doc{a, satmetrics.Quarter, satmetrics.LowerIsBetter}
	bs, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(bs) != `{"p":"2026-11","k":"quarter","d":"lower-is-better"}` {
		t.Errorf("JSON = %s", bs)
	}
	var out doc
	if err := json.Unmarshal(bs, &out); err != nil || out != in {
		t.Errorf("round trip = %+v, %v; want %+v", out, err, in)
	}
	for _, bad := range []string{`{"p":"2026-13"}`, `{"k":"fortnight"}`, `{"d":"up"}`} {
		if err := json.Unmarshal([]byte(bad), &out); err == nil {
			t.Errorf("Unmarshal(%s): no error", bad)
		}
	}
	if _, err := json.Marshal(doc{}); err == nil {
		t.Error("Marshal of zero period: no error")
	}
	if _, err := json.Marshal(doc{P: a}); err == nil {
		t.Error("Marshal of zero kind: no error")
	}
	var z satmetrics.Period
	if z.String() != "%!Period(zero)" || !z.IsZero() || z.Location() != time.UTC {
		t.Errorf("zero Period: %q", z.String())
	}
	if satmetrics.PeriodKind(9).String() != "%!PeriodKind(9)" {
		t.Errorf("PeriodKind(9) = %s", satmetrics.PeriodKind(9))
	}
	paris := mustLoad(t, "Europe/Paris")
	if a.In(paris).Location() != paris || a.In(nil).Location() != time.UTC {
		t.Error("In does not set the location")
	}
}

// Properties: every instant falls in exactly one period of each kind, across
// daylight-saving changes in several zones; Next and Prev are inverse; the
// string parses back to the same period.
func TestPeriodProperties(t *testing.T) {
	zones := []*time.Location{time.UTC}
	for _, z := range []string{"America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Sao_Paulo", "Pacific/Apia", "Asia/Kolkata"} {
		zones = append(zones, mustLoad(t, z))
	}
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 2000
	params.Rng.Seed(1)
	props := gopter.NewProperties(params)
	props.Property("instant in exactly one period", prop.ForAll(
		func(sec int64, zi, ki int) bool {
			loc, k := zones[zi], kinds[ki]
			tm := time.Unix(sec, 0)
			p, err := satmetrics.PeriodOf(k, tm, loc)
			if err != nil {
				return false
			}
			return !tm.Before(p.Start()) && tm.Before(p.End()) &&
				p.Prev().End().Equal(p.Start()) && !p.Next().Contains(tm) && !p.Prev().Contains(tm)
		},
		gen.Int64Range(-2208988800, 4102444800), gen.IntRange(0, len(zones)-1), gen.IntRange(0, len(kinds)-1),
	))
	props.Property("next(prev(p)) == p and prev(next(p)) == p; string round trip", prop.ForAll(
		func(sec int64, zi, ki int) bool {
			loc, k := zones[zi], kinds[ki]
			p, err := satmetrics.PeriodOf(k, time.Unix(sec, 0), loc)
			if err != nil {
				return false
			}
			q, err := satmetrics.ParsePeriod(p.String(), loc)
			return p.Prev().Next() == p && p.Next().Prev() == p && err == nil && q == p
		},
		gen.Int64Range(-2208988800, 4102444800), gen.IntRange(0, len(zones)-1), gen.IntRange(0, len(kinds)-1),
	))
	props.TestingRun(t)
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2026-11-23", "2026-W48", "2026-11", "2026-Q4", "2026", "2020-W53", "2026-02-29", "", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := satmetrics.ParsePeriod(s, time.UTC)
		if err != nil {
			return
		}
		if p.String() != s {
			t.Fatalf("ParsePeriod(%q).String() = %q", s, p.String())
		}
		if !p.Start().Before(p.End()) {
			t.Fatalf("period %s: start %v not before end %v", s, p.Start(), p.End())
		}
	})
}

func BenchmarkPeriodOf(b *testing.B) {
	loc := mustLoad(b, "Europe/Berlin")
	tm := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	for _, k := range kinds {
		b.Run(k.String(), func(b *testing.B) {
			b.ReportAllocs()
			var p satmetrics.Period
			for i := 0; i < b.N; i++ {
				p, _ = satmetrics.PeriodOf(k, tm.Add(time.Duration(i)*time.Minute), loc)
			}
			_ = p
		})
	}
}

func BenchmarkPeriodStart(b *testing.B) {
	loc := mustLoad(b, "Europe/Berlin")
	p, _ := satmetrics.ParsePeriod("2026-11", loc)
	b.ReportAllocs()
	var s time.Time
	for i := 0; i < b.N; i++ {
		s = p.Start()
	}
	_ = s
}

func TestPeriodEqual(t *testing.T) {
	l1, l2 := mustLoad(t, "Europe/Paris"), mustLoad(t, "Europe/Paris")
	a, _ := satmetrics.ParsePeriod("2026-11", l1)
	b, _ := satmetrics.ParsePeriod("2026-11", l2)
	c, _ := satmetrics.ParsePeriod("2026-11", time.UTC)
	if !a.Equal(b) || a.Equal(c) || a.Equal(a.Next()) {
		t.Error("Equal wrong")
	}
}
