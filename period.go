package satmetrics

import (
	"fmt"
	"iter"
	"strconv"
	"time"
)

// A PeriodKind is the length of a calendar period: a day, an ISO 8601 week,
// a month, a quarter or a year. The zero PeriodKind is unset and not Valid.
type PeriodKind uint8

// The period kinds.
const (
	Day     PeriodKind = iota + 1 // a calendar day, midnight to midnight
	Week                          // an ISO 8601 week, Monday to Sunday, numbered within its ISO year
	Month                         // a calendar month
	Quarter                       // a calendar quarter: January-March is Q1
	Year                          // a calendar year
)

var kindNames = [...]string{Day: "day", Week: "week", Month: "month", Quarter: "quarter", Year: "year"}

// Valid reports whether k is one of the defined kinds.
func (k PeriodKind) Valid() bool { return k >= Day && k <= Year }

// String returns "day", "week", "month", "quarter" or "year", and
// "%!PeriodKind(n)" for any other value.
func (k PeriodKind) String() string {
	if !k.Valid() {
		return "%!PeriodKind(" + strconv.Itoa(int(k)) + ")"
	}
	return kindNames[k]
}

// ParsePeriodKind parses a kind as String writes it.
func ParsePeriodKind(s string) (PeriodKind, error) {
	for k := Day; k <= Year; k++ {
		if kindNames[k] == s {
			return k, nil
		}
	}
	return 0, &ParseError{Func: "satmetrics.ParsePeriodKind", Input: s, Err: ErrSyntax}
}

// MarshalText implements encoding.TextMarshaler.
func (k PeriodKind) MarshalText() ([]byte, error) {
	if !k.Valid() {
		return nil, fmt.Errorf("satmetrics: marshal %v: %w", k, ErrRange)
	}
	return []byte(k.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *PeriodKind) UnmarshalText(b []byte) error {
	v, err := ParsePeriodKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// A Period is one calendar period (a day, ISO week, month, quarter or year)
// in a time zone: the half-open range of instants [Start, End) whose local
// time in that zone falls in it. Periods are values: they compare with ==
// (two periods in distinct *time.Location values are distinct keys, so use
// one Location per grouping), order with Compare, and are ready to be map
// keys.
//
// Their canonical strings, which ParsePeriod reads back, are
//
//	day      2026-11-23
//	week     2026-W48   (ISO 8601 week-numbering year and week)
//	month    2026-11
//	quarter  2026-Q4
//	year     2026
//
// Every instant falls in exactly one period of each kind, also on days that
// a daylight-saving change makes 23 or 25 hours long, and when a change
// skips local midnight, the period starts at the first instant that exists.
// The zero Period is invalid; periods come from PeriodOf and ParsePeriod.
type Period struct {
	kind PeriodKind
	year int32 // calendar year, or ISO year for weeks
	num  int32 // day of the year, ISO week, month or quarter; 1 for years
	loc  *time.Location
}

const (
	minYear = 1
	maxYear = 9999
)

// PeriodOf returns the period of the given kind that contains t in loc.
// It returns an error for a nil location, an invalid kind, or a time whose
// year in loc is outside 1 to 9999. It does not allocate.
func PeriodOf(kind PeriodKind, t time.Time, loc *time.Location) (Period, error) {
	if loc == nil {
		return Period{}, fmt.Errorf("satmetrics: period of %v: location is nil", t)
	}
	if !kind.Valid() {
		return Period{}, fmt.Errorf("satmetrics: period of %v: kind %v: %w", t, kind, ErrRange)
	}
	lt := t.In(loc)
	var y, n int
	switch kind {
	case Day:
		y, n = lt.Year(), lt.YearDay()
	case Week:
		y, n = lt.ISOWeek()
	case Month:
		var m time.Month
		y, m, _ = lt.Date()
		n = int(m)
	case Quarter:
		var m time.Month
		y, m, _ = lt.Date()
		n = (int(m)-1)/3 + 1
	case Year:
		y, n = lt.Year(), 1
	}
	if y < minYear || y > maxYear {
		return Period{}, fmt.Errorf("satmetrics: period of %v: year %d: %w", t, y, ErrRange)
	}
	return Period{kind: kind, year: int32(y), num: int32(n), loc: loc}, nil
}

// Kind returns the kind of p.
func (p Period) Kind() PeriodKind { return p.kind }

// Location returns the time zone of p.
func (p Period) Location() *time.Location {
	if p.loc == nil {
		return time.UTC
	}
	return p.loc
}

// In returns the period with the same calendar label in another location,
// for periods decoded from text (which carry no location). A nil loc means
// UTC.
func (p Period) In(loc *time.Location) Period {
	if loc == nil {
		loc = time.UTC
	}
	p.loc = loc
	return p
}

// IsZero reports whether p is the zero Period.
func (p Period) IsZero() bool { return p.kind == 0 }

// firstDay returns the civil date of the first day of p.
func (p Period) firstDay() (y int, m time.Month, d int) {
	y = int(p.year)
	switch p.kind {
	case Day:
		return time.Date(y, 1, int(p.num), 0, 0, 0, 0, time.UTC).Date()
	case Week:
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		back := (int(jan4.Weekday()) + 6) % 7 // days since Monday
		return time.Date(y, 1, 4-back+7*(int(p.num)-1), 0, 0, 0, 0, time.UTC).Date()
	case Month:
		return y, time.Month(p.num), 1
	case Quarter:
		return y, time.Month(3*(p.num-1) + 1), 1
	}
	return y, 1, 1
}

// Start returns the first instant of p in its location.
func (p Period) Start() time.Time {
	y, m, d := p.firstDay()
	return startOfDay(y, m, d, p.Location())
}

// End returns the first instant after p, which is the Start of p.Next().
func (p Period) End() time.Time {
	return p.Next().Start()
}

// Contains reports whether t falls in p, that is Start <= t < End.
func (p Period) Contains(t time.Time) bool {
	return !t.Before(p.Start()) && t.Before(p.End())
}

// startOfDay returns the first instant whose local date in loc is on or after
// y-m-d. It is midnight on ordinary days; when a daylight-saving change skips
// midnight or repeats it, time.Date may return another instant, and the first
// one is found by bisection on whole seconds (zone transitions fall on whole
// seconds).
func startOfDay(y int, m time.Month, d int, loc *time.Location) time.Time {
	t := time.Date(y, m, d, 0, 0, 0, 0, loc)
	target := dateKey(y, m, d)
	if localKey(t, loc) >= target && localKey(t.Add(-time.Second), loc) < target {
		return t
	}
	lo, hi := t.Add(-48*time.Hour).Unix(), t.Add(48*time.Hour).Unix()
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if localKey(time.Unix(mid, 0), loc) >= target {
			hi = mid
		} else {
			lo = mid
		}
	}
	return time.Unix(hi, 0).In(loc)
}

func dateKey(y int, m time.Month, d int) int { return y*10000 + int(m)*100 + d }

func localKey(t time.Time, loc *time.Location) int {
	y, m, d := t.In(loc).Date()
	return dateKey(y, m, d)
}

// length returns the number of periods of p's kind in its year.
func (p Period) length() int32 {
	switch p.kind {
	case Day:
		return int32(time.Date(int(p.year), 12, 31, 0, 0, 0, 0, time.UTC).YearDay())
	case Week:
		_, w := time.Date(int(p.year), 12, 28, 0, 0, 0, 0, time.UTC).ISOWeek()
		return int32(w)
	case Month:
		return 12
	case Quarter:
		return 4
	}
	return 1
}

// Next returns the period of the same kind that follows p.
func (p Period) Next() Period {
	if p.num < p.length() {
		p.num++
		return p
	}
	p.year++
	p.num = 1
	return p
}

// Prev returns the period of the same kind that precedes p.
func (p Period) Prev() Period {
	if p.num > 1 {
		p.num--
		return p
	}
	p.year--
	p.num = 1
	p.num = p.length()
	return p
}

// Equal reports whether p and q are the same period: the same kind and
// label in the same location, where two *time.Location values with the same
// name count as the same. Unlike ==, it does not depend on how the locations
// were loaded.
func (p Period) Equal(q Period) bool {
	return p.kind == q.kind && p.year == q.year && p.num == q.num &&
		(p.loc == q.loc || p.Location().String() == q.Location().String())
}

// Compare returns -1, 0 or +1 as p is before, equal to or after q, ordering
// first by kind (days before weeks before months) and then in time. It ignores
// the location.
func (p Period) Compare(q Period) int {
	switch {
	case p.kind != q.kind:
		return cmpInt(int(p.kind), int(q.kind))
	case p.year != q.year:
		return cmpInt(int(p.year), int(q.year))
	}
	return cmpInt(int(p.num), int(q.num))
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// String returns the canonical form of p ("2026-11-23", "2026-W48",
// "2026-11", "2026-Q4", "2026"), or "%!Period(zero)" for the zero Period.
func (p Period) String() string {
	return string(p.appendText(make([]byte, 0, 10)))
}

func (p Period) appendText(b []byte) []byte {
	if !p.kind.Valid() {
		return append(b, "%!Period(zero)"...)
	}
	b = appendPad(b, int(p.year), 4)
	switch p.kind {
	case Day:
		_, m, d := p.firstDay()
		b = append(b, '-')
		b = appendPad(b, int(m), 2)
		b = append(b, '-')
		b = appendPad(b, d, 2)
	case Week:
		b = append(b, "-W"...)
		b = appendPad(b, int(p.num), 2)
	case Month:
		b = append(b, '-')
		b = appendPad(b, int(p.num), 2)
	case Quarter:
		b = append(b, "-Q"...)
		b = strconv.AppendInt(b, int64(p.num), 10)
	}
	return b
}

func appendPad(b []byte, v, width int) []byte {
	s := strconv.Itoa(v)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// ParsePeriod parses a period's canonical string (see Period) in loc. The
// kind follows from the form. It returns a *ParseError wrapping ErrSyntax for
// a string of no known form and ErrRange for a form with an impossible field
// (month 13, week 53 of a 52-week year, 2026-02-30); a nil location is an
// error too.
func ParsePeriod(s string, loc *time.Location) (Period, error) {
	const fn = "satmetrics.ParsePeriod"
	if loc == nil {
		return Period{}, &ParseError{Func: fn, Input: s, Err: fmt.Errorf("location is nil: %w", ErrRange)}
	}
	syntax := func() (Period, error) { return Period{}, &ParseError{Func: fn, Input: s, Err: ErrSyntax} }
	rangeErr := func() (Period, error) { return Period{}, &ParseError{Func: fn, Input: s, Err: ErrRange} }
	if len(s) < 4 {
		return syntax()
	}
	y, ok := digits(s[:4])
	if !ok {
		return syntax()
	}
	if y < minYear {
		return rangeErr()
	}
	p := Period{year: int32(y), loc: loc}
	rest := s[4:]
	switch {
	case rest == "":
		p.kind, p.num = Year, 1
		return p, nil
	case len(rest) == 3 && rest[:2] == "-Q":
		q, ok := digits(rest[2:])
		if !ok {
			return syntax()
		}
		p.kind, p.num = Quarter, int32(q)
	case len(rest) == 4 && rest[:2] == "-W":
		w, ok := digits(rest[2:])
		if !ok {
			return syntax()
		}
		p.kind, p.num = Week, int32(w)
	case len(rest) == 3 && rest[0] == '-':
		m, ok := digits(rest[1:])
		if !ok {
			return syntax()
		}
		p.kind, p.num = Month, int32(m)
	case len(rest) == 6 && rest[0] == '-' && rest[3] == '-':
		m, ok1 := digits(rest[1:3])
		d, ok2 := digits(rest[4:])
		if !ok1 || !ok2 {
			return syntax()
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if m < 1 || m > 12 || d < 1 || t.Day() != d {
			return rangeErr()
		}
		p.kind, p.num = Day, int32(t.YearDay())
		return p, nil
	default:
		return syntax()
	}
	if p.num < 1 || p.num > p.length() {
		return rangeErr()
	}
	return p, nil
}

// digits parses a string of ASCII digits.
func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// MarshalText implements encoding.TextMarshaler with the canonical string.
// The location is not encoded. The zero Period is an error.
func (p Period) MarshalText() ([]byte, error) {
	if !p.kind.Valid() {
		return nil, fmt.Errorf("satmetrics: marshal zero period: %w", ErrRange)
	}
	return p.appendText(nil), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. The text carries no
// location: the period is in UTC; use In to move it to another location.
func (p *Period) UnmarshalText(b []byte) error {
	v, err := ParsePeriod(string(b), time.UTC)
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// PeriodsBetween returns every period of the given kind from the one that
// contains from to the one that contains to, both included, with no gaps, so
// that a trend over them has no holes. It returns an error if to is before
// from, for a nil location or an invalid kind.
func PeriodsBetween(kind PeriodKind, from, to time.Time, loc *time.Location) ([]Period, error) {
	if to.Before(from) {
		return nil, fmt.Errorf("satmetrics: periods between %v and %v: end is before start: %w", from, to, ErrRange)
	}
	first, err := PeriodOf(kind, from, loc)
	if err != nil {
		return nil, err
	}
	last, err := PeriodOf(kind, to, loc)
	if err != nil {
		return nil, err
	}
	var ps []Period
	for p := range PeriodRange(first, last) {
		ps = append(ps, p)
	}
	return ps, nil
}

// PeriodRange returns an iterator over the periods from first to last, both
// included, in order. It yields nothing if last is before first or the two
// are of different kinds.
func PeriodRange(first, last Period) iter.Seq[Period] {
	return func(yield func(Period) bool) {
		if first.kind != last.kind || !first.kind.Valid() {
			return
		}
		for p := first; p.Compare(last) <= 0; p = p.Next() {
			if !yield(p) {
				return
			}
		}
	}
}
