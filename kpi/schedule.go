package kpi

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/satmetrics/satmetrics"
)

// A TimeOfDay is a wall-clock time as seconds after local midnight, from 0
// (00:00) to 86400 (24:00, the end of the day).
type TimeOfDay int32

// Clock returns the time of day h:m.
func Clock(h, m int) TimeOfDay { return TimeOfDay(h*3600 + m*60) }

// String returns "hh:mm", or "hh:mm:ss" when the seconds are not zero.
func (t TimeOfDay) String() string {
	if t < 0 || t > 86400 {
		return "%!TimeOfDay(" + strconv.Itoa(int(t)) + ")"
	}
	s := pad2(int(t)/3600) + ":" + pad2(int(t)%3600/60)
	if t%60 != 0 {
		s += ":" + pad2(int(t)%60)
	}
	return s
}

func pad2(v int) string {
	if v < 10 {
		return "0" + strconv.Itoa(v)
	}
	return strconv.Itoa(v)
}

// ParseTimeOfDay parses "hh:mm" or "hh:mm:ss", from "00:00" to "24:00".
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	const fn = "kpi.ParseTimeOfDay"
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, &satmetrics.ParseError{Func: fn, Input: s, Err: satmetrics.ErrSyntax}
	}
	var v [3]int
	for i, p := range parts {
		if len(p) != 2 || p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9' {
			return 0, &satmetrics.ParseError{Func: fn, Input: s, Err: satmetrics.ErrSyntax}
		}
		v[i] = int(p[0]-'0')*10 + int(p[1]-'0')
	}
	t := v[0]*3600 + v[1]*60 + v[2]
	if v[1] > 59 || v[2] > 59 || t > 86400 {
		return 0, &satmetrics.ParseError{Func: fn, Input: s, Err: satmetrics.ErrRange}
	}
	return TimeOfDay(t), nil
}

// A Range is a span of opening hours on one weekday, from Open up to (not
// including) Close in local wall-clock time. Hours past midnight are a
// second range on the next day ("Fri 22:00-24:00" and "Sat 00:00-02:00").
type Range struct {
	Day   time.Weekday `json:"day"`
	Open  TimeOfDay    `json:"open"`
	Close TimeOfDay    `json:"close"`
}

var dayNames = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

// String returns the range as "Mon 09:00-17:00".
func (r Range) String() string {
	day := "%!Weekday(" + strconv.Itoa(int(r.Day)) + ")"
	if r.Day >= 0 && r.Day <= 6 {
		day = dayNames[r.Day]
	}
	return day + " " + r.Open.String() + "-" + r.Close.String()
}

// ParseHours parses opening hours written as "Mon 09:00-17:00", or for a run
// of days "Mon-Fri 09:00-17:00", into one Range per day. Day names are the
// English three-letter abbreviations or full names, in any case; a run wraps
// past Sunday ("Sat-Mon"). It returns a *satmetrics.ParseError for anything
// else, and for a range whose close is not after its open.
func ParseHours(s string) ([]Range, error) {
	const fn = "kpi.ParseHours"
	syntax := &satmetrics.ParseError{Func: fn, Input: s, Err: satmetrics.ErrSyntax}
	days, hours, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok {
		return nil, syntax
	}
	first, last, isRun := strings.Cut(days, "-")
	d0, ok0 := parseDay(first)
	d1 := d0
	ok1 := true
	if isRun {
		d1, ok1 = parseDay(last)
	}
	open, close, ok2 := strings.Cut(strings.TrimSpace(hours), "-")
	if !ok0 || !ok1 || !ok2 {
		return nil, syntax
	}
	o, err1 := ParseTimeOfDay(open)
	c, err2 := ParseTimeOfDay(close)
	if err1 != nil || err2 != nil {
		return nil, syntax
	}
	if c <= o {
		return nil, &satmetrics.ParseError{Func: fn, Input: s, Err: fmt.Errorf("close is not after open: %w", satmetrics.ErrRange)}
	}
	var rs []Range
	for d := d0; ; d = (d + 1) % 7 {
		rs = append(rs, Range{Day: d, Open: o, Close: c})
		if d == d1 {
			break
		}
	}
	return rs, nil
}

func parseDay(s string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(s, dayNames[d]) || strings.EqualFold(s, d.String()) {
			return d, true
		}
	}
	return 0, false
}

// A Date is a civil date, such as a public holiday, in whatever time zone
// the schedule that uses it is in.
type Date struct {
	Year  int        `json:"year"`
	Month time.Month `json:"month"`
	Day   int        `json:"day"`
}

// String returns the date as "2026-12-25".
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// ParseDate parses a date written "2026-12-25".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, &satmetrics.ParseError{Func: "kpi.ParseDate", Input: s, Err: satmetrics.ErrSyntax}
	}
	return Date{t.Year(), t.Month(), t.Day()}, nil
}

// days returns the number of days from 1970-01-01 to d.
func (d Date) days() int64 {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// valid reports whether d names a real day.
func (d Date) valid() bool {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	return t.Year() == d.Year && t.Month() == d.Month && t.Day() == d.Day
}

const (
	daySec  = 86400
	weekSec = 7 * daySec
)

// A Schedule is a support team's business hours: a weekly pattern of
// opening hours in a time zone, less whole-day holidays. It measures
// durations such as first reply and resolution times in business hours, the
// way help desks report them against their SLAs.
//
// An instant is in business hours if its local wall-clock time in the
// schedule's location falls in one of the day's ranges and its local date
// is not a holiday. This makes the schedule correct across daylight-saving
// changes: on the day clocks go forward an hour, a range that spans the
// change is an hour shorter in real time, and on the day they go back, an
// hour longer; ranges away from the change are unaffected.
//
// Create one with NewSchedule or ScheduleSpec.Schedule. A Schedule is
// immutable and safe for concurrent use.
type Schedule struct {
	loc      *time.Location
	ranges   []Range
	starts   []int64 // range starts, seconds from Monday 00:00 in wall time
	ends     []int64
	cum      []int64 // business seconds in the ranges before range i
	week     int64   // business seconds in a week
	holidays []int64 // days since 1970-01-01, sorted and distinct
}

// NewSchedule returns the schedule of the given weekly opening hours in loc,
// closed all day on the holidays. Ranges may come in any order; ranges that
// overlap on the same day are an error wrapping ErrOverlap that names both,
// and an empty range or one outside 00:00-24:00 an error wrapping
// satmetrics.ErrRange. A nil location, no ranges at all and an impossible
// holiday date are errors too. Errors are *RecordError values of kind
// "schedule".
func NewSchedule(loc *time.Location, hours []Range, holidays []Date) (*Schedule, error) {
	bad := func(id, field string, err error) error {
		return &RecordError{Kind: "schedule", ID: id, Field: field, Err: err}
	}
	if loc == nil {
		return nil, bad("", "time_zone", fmt.Errorf("location is nil: %w", ErrTimeZone))
	}
	if len(hours) == 0 {
		return nil, bad("", "hours", fmt.Errorf("no opening hours: %w", satmetrics.ErrNoData))
	}
	rs := slices.Clone(hours)
	for _, r := range rs {
		if r.Day < time.Sunday || r.Day > time.Saturday || r.Open < 0 || r.Close > daySec || r.Close <= r.Open {
			return nil, bad(r.String(), "hours", fmt.Errorf("not a range within one day: %w", satmetrics.ErrRange))
		}
	}
	// Order by position in a Monday-based week.
	pos := func(r Range) int64 { return int64((r.Day+6)%7)*daySec + int64(r.Open) }
	slices.SortStableFunc(rs, func(a, b Range) int {
		switch pa, pb := pos(a), pos(b); {
		case pa < pb:
			return -1
		case pa > pb:
			return 1
		}
		return 0
	})
	s := &Schedule{loc: loc, ranges: rs}
	for i, r := range rs {
		if i > 0 && rs[i-1].Day == r.Day && rs[i-1].Close > r.Open {
			return nil, bad(r.String(), "hours", fmt.Errorf("overlaps %q: %w", rs[i-1].String(), ErrOverlap))
		}
		start := pos(r)
		end := start + int64(r.Close-r.Open)
		s.starts = append(s.starts, start)
		s.ends = append(s.ends, end)
		s.cum = append(s.cum, s.week)
		s.week += end - start
	}
	for _, d := range holidays {
		if !d.valid() {
			return nil, bad(d.String(), "holidays", fmt.Errorf("not a date: %w", satmetrics.ErrRange))
		}
		s.holidays = append(s.holidays, d.days())
	}
	slices.Sort(s.holidays)
	s.holidays = slices.Compact(s.holidays)
	return s, nil
}

// A ScheduleSpec is a schedule written as text, for configuration files:
//
//	{"time_zone": "Europe/Berlin",
//	 "hours": ["Mon-Fri 09:00-17:00", "Sat 10:00-14:00"],
//	 "holidays": ["2026-12-25", "2026-12-26"]}
type ScheduleSpec struct {
	TimeZone string   `json:"time_zone"` // an IANA time zone name, such as "America/New_York"
	Hours    []string `json:"hours"`     // opening hours as ParseHours reads them
	Holidays []string `json:"holidays"`  // dates as ParseDate reads them
}

// Schedule builds the schedule the spec describes. An unknown time zone is
// an error wrapping ErrTimeZone that names it; the other errors are those
// of ParseHours, ParseDate and NewSchedule, as *RecordError values naming
// the entry.
func (sp ScheduleSpec) Schedule() (*Schedule, error) {
	loc, err := time.LoadLocation(sp.TimeZone)
	if err != nil || sp.TimeZone == "" {
		return nil, &RecordError{Kind: "schedule", ID: sp.TimeZone, Field: "time_zone", Err: fmt.Errorf("%q: %w", sp.TimeZone, ErrTimeZone)}
	}
	var hours []Range
	for _, h := range sp.Hours {
		rs, err := ParseHours(h)
		if err != nil {
			return nil, &RecordError{Kind: "schedule", ID: h, Field: "hours", Err: err}
		}
		hours = append(hours, rs...)
	}
	var hols []Date
	for _, h := range sp.Holidays {
		d, err := ParseDate(h)
		if err != nil {
			return nil, &RecordError{Kind: "schedule", ID: h, Field: "holidays", Err: err}
		}
		hols = append(hols, d)
	}
	return NewSchedule(loc, hours, hols)
}

// Location returns the schedule's time zone.
func (s *Schedule) Location() *time.Location { return s.loc }

// Hours returns the weekly opening hours, Monday first.
func (s *Schedule) Hours() []Range { return slices.Clone(s.ranges) }

// Weekly returns the business hours in an ordinary week, without holidays
// or daylight-saving changes.
func (s *Schedule) Weekly() time.Duration { return time.Duration(s.week) * time.Second }

// wall is an instant as local wall-clock time: seconds since 1970-01-01
// 00:00 as if the local time were UTC, and nanoseconds.
type wall struct {
	sec  int64
	nsec int64
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// weekPos returns the week number (weeks starting Monday) and the position
// in the week in seconds. 1970-01-01 was a Thursday, three days after
// Monday 1969-12-29.
func weekPos(sec int64) (week, pos int64) {
	shifted := sec + 3*daySec
	week = floorDiv(shifted, weekSec)
	return week, shifted - week*weekSec
}

// inWeek returns the business nanoseconds from the start of the week to
// the position pos (seconds) plus nsec nanoseconds.
func (s *Schedule) inWeek(pos, nsec int64) int64 {
	// i is the number of ranges that start at or before pos.
	i, found := slices.BinarySearch(s.starts, pos)
	if found {
		i++
	}
	if i == 0 {
		return 0
	}
	i--
	if pos < s.ends[i] {
		return (s.cum[i]+pos-s.starts[i])*1e9 + nsec
	}
	return (s.cum[i] + s.ends[i] - s.starts[i]) * 1e9
}

// between returns the business nanoseconds between two wall-clock
// instants a <= b, ignoring holidays.
func (s *Schedule) between(a, b wall) int64 {
	wa, pa := weekPos(a.sec)
	wb, pb := weekPos(b.sec)
	return (wb-wa)*s.week*1e9 + s.inWeek(pb, b.nsec) - s.inWeek(pa, a.nsec)
}

// wallBusiness returns the business nanoseconds between wall-clock instants
// a <= b, less holidays.
func (s *Schedule) wallBusiness(a, b wall) int64 {
	d := s.between(a, b)
	if len(s.holidays) == 0 {
		return d
	}
	da, db := floorDiv(a.sec, daySec), floorDiv(b.sec, daySec)
	i, _ := slices.BinarySearch(s.holidays, da)
	for ; i < len(s.holidays) && s.holidays[i] <= db; i++ {
		h := s.holidays[i]
		lo, hi := wall{sec: h * daySec}, wall{sec: (h + 1) * daySec}
		if lo.sec < a.sec || (lo.sec == a.sec && lo.nsec < a.nsec) {
			lo = a
		}
		if b.sec < hi.sec {
			hi = b
		}
		d -= s.between(lo, hi)
	}
	return d
}

// toWall returns t as wall-clock time with the zone offset off.
func toWall(t time.Time, off int) wall {
	return wall{sec: t.Unix() + int64(off), nsec: int64(t.Nanosecond())}
}

// Duration returns the business hours between from and to: the real time
// elapsed in that interval while the schedule was open. It is additive,
// Duration(a, c) = Duration(a, b) + Duration(b, c) for a <= b <= c, and
// never more than to - from. It returns an error wrapping ErrOrder if to is
// before from, and one wrapping satmetrics.ErrRange if the interval is
// longer than a time.Duration can hold (about 292 years).
//
// It does not allocate and takes time proportional to the number of
// daylight-saving changes and holidays in the interval (a binary search
// finds the first), not to its length.
func (s *Schedule) Duration(from, to time.Time) (time.Duration, error) {
	if to.Before(from) {
		return 0, fmt.Errorf("kpi: business hours from %v to %v: end is before start: %w", from, to, ErrOrder)
	}
	if d := to.Sub(from); d == 1<<63-1 {
		return 0, fmt.Errorf("kpi: business hours from %v to %v: interval too long: %w", from, to, satmetrics.ErrRange)
	}
	var total int64
	t := from.In(s.loc)
	end := to.In(s.loc)
	for t.Before(end) {
		_, off := t.Zone()
		_, zoneEnd := t.ZoneBounds()
		seg := end
		if !zoneEnd.IsZero() && zoneEnd.Before(end) {
			seg = zoneEnd
		}
		total += s.wallBusiness(toWall(t, off), toWall(seg, off))
		t = seg
	}
	return time.Duration(total), nil
}

// Open reports whether the schedule is open at t.
func (s *Schedule) Open(t time.Time) bool {
	t = t.In(s.loc)
	_, off := t.Zone()
	w := toWall(t, off)
	if _, hol := slices.BinarySearch(s.holidays, floorDiv(w.sec, daySec)); hol {
		return false
	}
	_, pos := weekPos(w.sec)
	i, found := slices.BinarySearch(s.starts, pos)
	if found {
		return true
	}
	return i > 0 && pos < s.ends[i-1]
}
