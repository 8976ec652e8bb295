package kpi

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests need the zone database on any machine

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/satmetrics/satmetrics"
)

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func mustSchedule(t testing.TB, sp ScheduleSpec) *Schedule {
	t.Helper()
	s, err := sp.Schedule()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// bruteForce counts business time between a and b minute by minute from the
// local wall clock that package time computes, for minute-aligned a and b:
// an independent reference for Duration.
func bruteForce(s *Schedule, a, b time.Time) time.Duration {
	var d time.Duration
	for t := a; t.Before(b); t = t.Add(time.Minute) {
		local := t.In(s.loc)
		y, m, day := local.Date()
		hol := false
		for _, h := range s.holidays {
			if (Date{y, m, day}).days() == h {
				hol = true
			}
		}
		if hol {
			continue
		}
		tod := TimeOfDay(local.Hour()*3600 + local.Minute()*60)
		for _, r := range s.ranges {
			if r.Day == local.Weekday() && r.Open <= tod && tod < r.Close {
				d += time.Minute
				break
			}
		}
	}
	return d
}

var testSchedules = []ScheduleSpec{
	{TimeZone: "Europe/Berlin", Hours: []string{"Mon-Fri 09:00-17:00"}, Holidays: []string{"2026-12-25", "2026-12-26", "2026-04-03"}},
	{TimeZone: "America/New_York", Hours: []string{"Mon-Fri 08:00-12:00", "Mon-Fri 13:00-18:30", "Sat 10:00-14:00"}},
	{TimeZone: "Europe/London", Hours: []string{"Sun-Sat 00:00-24:00"}},
	{TimeZone: "America/New_York", Hours: []string{"Sun 01:00-04:00", "Sat 22:00-24:00", "Mon 00:00-03:00"}},
	{TimeZone: "Australia/Lord_Howe", Hours: []string{"Sun-Sat 01:00-03:00"}}, // a 30-minute DST change at 02:00
	{TimeZone: "UTC", Hours: []string{"Tue 09:15-09:45"}, Holidays: []string{"2026-03-10"}},
}

// TestDurationBruteForce compares Duration with the minute-by-minute count
// on random minute-aligned intervals of up to 40 days around the 2026
// daylight-saving changes.
func TestDurationBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	anchors := []time.Time{
		time.Date(2026, 3, 8, 6, 0, 0, 0, time.UTC),   // US spring forward
		time.Date(2026, 3, 29, 0, 30, 0, 0, time.UTC), // EU spring forward
		time.Date(2026, 10, 25, 0, 0, 0, 0, time.UTC), // EU fall back
		time.Date(2026, 11, 1, 5, 0, 0, 0, time.UTC),  // US fall back
		time.Date(2026, 4, 5, 0, 0, 0, 0, time.UTC),   // Lord Howe fall back
		time.Date(2026, 12, 24, 0, 0, 0, 0, time.UTC), // holidays
		time.Date(1968, 4, 28, 7, 0, 0, 0, time.UTC),  // before 1970 (negative Unix times)
		time.Date(2101, 3, 27, 0, 0, 0, 0, time.UTC),  // past the zone tables' last transition
	}
	for _, sp := range testSchedules {
		s := mustSchedule(t, sp)
		for i := 0; i < 16; i++ {
			at := anchors[r.IntN(len(anchors))]
			a := at.Add(time.Duration(r.IntN(4*24*60)-2*24*60) * time.Minute)
			b := a.Add(time.Duration(r.IntN(40*24*60)) * time.Minute)
			got, err := s.Duration(a, b)
			if err != nil {
				t.Fatal(err)
			}
			want := bruteForce(s, a, b)
			if i == 0 {
				t.Logf("%s: Duration(%v, %v) = %v, brute force %v", sp.TimeZone, a, b, got, want)
			}
			if got != want {
				t.Errorf("%s %v: Duration(%v, %v) = %v, want %v", sp.TimeZone, sp.Hours, a, b, got, want)
			}
		}
	}
}

// TestDurationDST checks hand-computed durations across daylight-saving
// changes.
func TestDurationDST(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	allDay := mustSchedule(t, ScheduleSpec{TimeZone: "Europe/Berlin", Hours: []string{"Mon-Sun 00:00-24:00"}})
	night := mustSchedule(t, ScheduleSpec{TimeZone: "Europe/Berlin", Hours: []string{"Sun 01:00-04:00"}})
	office := mustSchedule(t, ScheduleSpec{TimeZone: "Europe/Berlin", Hours: []string{"Mon-Fri 09:00-17:00"}})
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, berlin) }
	for _, tc := range []struct {
		s        *Schedule
		from, to time.Time
		want     time.Duration
	}{
		{allDay, day(2026, 3, 29), day(2026, 3, 30), 23 * time.Hour},   // clocks go forward at 02:00
		{allDay, day(2026, 10, 25), day(2026, 10, 26), 25 * time.Hour}, // clocks go back at 03:00
		{night, day(2026, 3, 29), day(2026, 3, 30), 2 * time.Hour},     // 01-02 and 03-04
		{night, day(2026, 10, 25), day(2026, 10, 26), 4 * time.Hour},   // 02-03 twice
		{night, day(2026, 6, 7), day(2026, 6, 8), 3 * time.Hour},
		{office, day(2026, 3, 23), day(2026, 3, 30), 40 * time.Hour}, // a week with the change
		{office, day(2026, 3, 23).Add(10 * time.Hour), day(2026, 3, 23).Add(10*time.Hour + 90*time.Second), 90 * time.Second},
		{office, time.Date(2026, 3, 27, 16, 30, 0, 0, berlin), time.Date(2026, 3, 30, 9, 45, 0, 0, berlin), 75 * time.Minute},
		{office, day(2026, 3, 28), day(2026, 3, 30), 0}, // a weekend
	} {
		got, err := tc.s.Duration(tc.from, tc.to)
		if err != nil || got != tc.want {
			t.Errorf("Duration(%v, %v) = %v, %v, want %v", tc.from, tc.to, got, err, tc.want)
		}
		if cal := tc.to.Sub(tc.from); got > cal {
			t.Errorf("Duration(%v, %v) = %v exceeds the calendar %v", tc.from, tc.to, got, cal)
		}
	}
}

// TestDurationProperties: additive over a split of the interval, never
// more than the calendar duration, and equal to it for an always-open
// schedule.
func TestDurationProperties(t *testing.T) {
	scheds := make([]*Schedule, len(testSchedules))
	for i, sp := range testSchedules {
		scheds[i] = mustSchedule(t, sp)
	}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano()
	year := int64(366 * 24 * time.Hour)
	props := gopter.NewProperties(nil)
	props.Property("additive and bounded", prop.ForAll(
		func(si int, a, b, c int64) bool {
			s := scheds[si]
			ts := []int64{a, b, c}
			if ts[0] > ts[1] {
				ts[0], ts[1] = ts[1], ts[0]
			}
			if ts[1] > ts[2] {
				ts[1], ts[2] = ts[2], ts[1]
			}
			if ts[0] > ts[1] {
				ts[0], ts[1] = ts[1], ts[0]
			}
			ta, tb, tc := time.Unix(0, base+ts[0]), time.Unix(0, base+ts[1]), time.Unix(0, base+ts[2])
			ab, err1 := s.Duration(ta, tb)
			bc, err2 := s.Duration(tb, tc)
			ac, err3 := s.Duration(ta, tc)
			if err1 != nil || err2 != nil || err3 != nil {
				return false
			}
			return ab+bc == ac && ac <= tc.Sub(ta) && ab >= 0 && bc >= 0
		},
		gen.IntRange(0, len(scheds)-1),
		gen.Int64Range(0, year), gen.Int64Range(0, year), gen.Int64Range(0, year),
	))
	props.Property("always open equals calendar", prop.ForAll(
		func(a, b int64) bool {
			if a > b {
				a, b = b, a
			}
			ta, tb := time.Unix(0, base+a), time.Unix(0, base+b)
			d, err := scheds[2].Duration(ta, tb)
			return err == nil && d == tb.Sub(ta)
		},
		gen.Int64Range(0, year), gen.Int64Range(0, year),
	))
	props.TestingRun(t)
}

func TestScheduleOpen(t *testing.T) {
	s := mustSchedule(t, testSchedules[0])
	berlin := s.Location()
	for _, tc := range []struct {
		t    time.Time
		want bool
	}{
		{time.Date(2026, 12, 23, 9, 0, 0, 0, berlin), true},
		{time.Date(2026, 12, 23, 8, 59, 59, 0, berlin), false},
		{time.Date(2026, 12, 23, 16, 59, 59, 0, berlin), true},
		{time.Date(2026, 12, 23, 17, 0, 0, 0, berlin), false},
		{time.Date(2026, 12, 25, 12, 0, 0, 0, berlin), false},  // holiday
		{time.Date(2026, 12, 27, 12, 0, 0, 0, berlin), false},  // Sunday
		{time.Date(2026, 12, 23, 8, 30, 0, 0, time.UTC), true}, // 09:30 in Berlin
	} {
		if got := s.Open(tc.t); got != tc.want {
			t.Errorf("Open(%v) = %v, want %v", tc.t, got, tc.want)
		}
	}
	if got, want := s.Weekly(), 40*time.Hour; got != want {
		t.Errorf("Weekly() = %v, want %v", got, want)
	}
	if got := len(s.Hours()); got != 5 {
		t.Errorf("len(Hours()) = %d, want 5", got)
	}
}

func TestParseHours(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []Range
	}{
		{"Mon 09:00-17:00", []Range{{time.Monday, Clock(9, 0), Clock(17, 0)}}},
		{"saturday 10:30-14:00", []Range{{time.Saturday, Clock(10, 30), Clock(14, 0)}}},
		{"Fri-Mon 22:00-24:00", []Range{
			{time.Friday, Clock(22, 0), Clock(24, 0)}, {time.Saturday, Clock(22, 0), Clock(24, 0)},
			{time.Sunday, Clock(22, 0), Clock(24, 0)}, {time.Monday, Clock(22, 0), Clock(24, 0)}}},
		{"Tue 08:00:30-08:00:45", []Range{{time.Tuesday, 8*3600 + 30, 8*3600 + 45}}},
	} {
		got, err := ParseHours(tc.in)
		if err != nil {
			t.Errorf("ParseHours(%q): %v", tc.in, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("ParseHours(%q) mismatch (-want +got):\n%s", tc.in, diff)
		}
	}
	for _, in := range []string{"", "Mon", "Mon 9-17", "Xyz 09:00-17:00", "Mon 17:00-09:00", "Mon 09:00-25:00",
		"Mon 09:00", "Mon-Xyz 09:00-10:00", "Mon 09:60-10:00", "Mon 09:00-10:00:99", "Mon 9:00-10:00", "Mon 09:00-10:00:00:00"} {
		var pe *satmetrics.ParseError
		if _, err := ParseHours(in); !errors.As(err, &pe) {
			t.Errorf("ParseHours(%q) error = %v, want a *ParseError", in, err)
		}
	}
	if s := (Range{time.Wednesday, Clock(8, 0), 8*3600 + 59*60 + 30}).String(); s != "Wed 08:00-08:59:30" {
		t.Errorf("String() = %q", s)
	}
	if s := (Range{Day: 9}).String(); !strings.HasPrefix(s, "%!Weekday(9)") {
		t.Errorf("String() = %q", s)
	}
	if s := TimeOfDay(90000).String(); s != "%!TimeOfDay(90000)" {
		t.Errorf("String() = %q", s)
	}
}

func TestScheduleErrors(t *testing.T) {
	for _, tc := range []struct {
		sp       ScheduleSpec
		want     error
		mentions string
	}{
		{ScheduleSpec{TimeZone: "Mars/Olympus_Mons", Hours: []string{"Mon 09:00-17:00"}}, ErrTimeZone, "Mars/Olympus_Mons"},
		{ScheduleSpec{TimeZone: "", Hours: []string{"Mon 09:00-17:00"}}, ErrTimeZone, "time_zone"},
		{ScheduleSpec{TimeZone: "UTC", Hours: []string{"Mon-Fri 09:00-17:00", "Wed 12:00-13:00"}}, ErrOverlap, `"Wed 12:00-13:00"`},
		{ScheduleSpec{TimeZone: "UTC", Hours: []string{"Mon 09:00-12:00", "Mon 11:59-13:00"}}, ErrOverlap, `"Mon 09:00-12:00"`},
		{ScheduleSpec{TimeZone: "UTC", Hours: []string{"Mon 17:00-09:00"}}, satmetrics.ErrRange, "Mon 17:00-09:00"},
		{ScheduleSpec{TimeZone: "UTC", Hours: []string{"Mon 09:00-17:00"}, Holidays: []string{"2026-02-30"}}, satmetrics.ErrSyntax, "2026-02-30"},
		{ScheduleSpec{TimeZone: "UTC"}, satmetrics.ErrNoData, "hours"},
	} {
		_, err := tc.sp.Schedule()
		var re *RecordError
		if !errors.Is(err, tc.want) || !errors.As(err, &re) || !strings.Contains(err.Error(), tc.mentions) {
			t.Errorf("%+v: error = %v, want %v mentioning %s", tc.sp, err, tc.want, tc.mentions)
		}
	}
	if _, err := NewSchedule(nil, []Range{{time.Monday, 0, 3600}}, nil); !errors.Is(err, ErrTimeZone) {
		t.Errorf("NewSchedule(nil location) error = %v", err)
	}
	if _, err := NewSchedule(time.UTC, []Range{{time.Monday, 0, 3600}}, []Date{{2026, 2, 30}}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("NewSchedule(2026-02-30) error = %v", err)
	}
	if _, err := NewSchedule(time.UTC, []Range{{9, 0, 3600}}, nil); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("NewSchedule(day 9) error = %v", err)
	}
	s := mustSchedule(t, testSchedules[0])
	now := time.Now()
	if _, err := s.Duration(now, now.Add(-time.Second)); !errors.Is(err, ErrOrder) {
		t.Errorf("Duration(backwards) error = %v", err)
	}
	if _, err := s.Duration(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("Duration(9998 years) error = %v", err)
	}
	if d, err := ParseDate("2026-12-25"); err != nil || d.String() != "2026-12-25" {
		t.Errorf("ParseDate = %v, %v", d, err)
	}
}

func BenchmarkScheduleDuration(b *testing.B) {
	s := mustSchedule(b, testSchedules[0])
	berlin := s.Location()
	for _, tc := range []struct {
		name string
		span time.Duration
	}{
		{"hour", time.Hour}, {"3days", 3 * 24 * time.Hour}, {"month", 30 * 24 * time.Hour},
		{"month-across-DST", 30 * 24 * time.Hour},
	} {
		from := time.Date(2026, 11, 20, 10, 17, 0, 0, berlin)
		if tc.name == "month-across-DST" {
			from = time.Date(2026, 10, 10, 10, 17, 0, 0, berlin)
		}
		to := from.Add(tc.span)
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := s.Duration(from, to); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzParseHours: parsing never panics, and what parses prints back to
// ranges that parse to the same.
func FuzzParseHours(f *testing.F) {
	for _, s := range []string{"Mon 09:00-17:00", "Fri-Mon 22:00-24:00", "sunday 00:00:30-00:01", "Mon 9-17", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs, err := ParseHours(s)
		if err != nil {
			return
		}
		for _, r := range rs {
			if r.Close <= r.Open || r.Open < 0 || r.Close > 86400 {
				t.Fatalf("ParseHours(%q) gave %v", s, r)
			}
			back, err := ParseHours(r.String())
			if err != nil || len(back) != 1 || back[0] != r {
				t.Fatalf("round trip of %v: %v, %v", r, back, err)
			}
		}
	})
}

// FuzzParseTimeOfDay and ParseDate: never panic; valid results round trip.
func FuzzParseTimeOfDay(f *testing.F) {
	for _, s := range []string{"09:00", "24:00", "23:59:59", "2026-12-25", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, err := ParseTimeOfDay(s); err == nil {
			if v < 0 || v > 86400 {
				t.Fatalf("ParseTimeOfDay(%q) = %d", s, v)
			}
			if back, err := ParseTimeOfDay(v.String()); err != nil || back != v {
				t.Fatalf("round trip of %v: %v, %v", v, back, err)
			}
		}
		if d, err := ParseDate(s); err == nil {
			if back, err := ParseDate(d.String()); err != nil || back != d {
				t.Fatalf("round trip of %v: %v, %v", d, back, err)
			}
		}
	})
}
