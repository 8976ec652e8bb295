package kpi

import (
	"errors"
	"strconv"
)

// Sentinel errors of package kpi. Errors about values out of range and
// undefined results wrap the root package's sentinels (satmetrics.ErrRange,
// satmetrics.ErrNoData, satmetrics.ErrUndefined) instead.
var (
	// ErrOrder reports events of a record in an impossible order, such as a
	// first reply before the ticket was created.
	ErrOrder = errors.New("kpi: events out of order")

	// ErrOverlap reports two opening-hour ranges of a schedule that overlap
	// on the same day.
	ErrOverlap = errors.New("kpi: overlapping ranges")

	// ErrTimeZone reports a time zone name that the system does not know.
	ErrTimeZone = errors.New("kpi: unknown time zone")
)

// A RecordError reports an input record (a ticket, an order, a schedule
// entry) that fails validation: which record, which field, and why. Err
// wraps a sentinel (ErrOrder, satmetrics.ErrRange, ...) for errors.Is.
type RecordError struct {
	Kind  string // "ticket", "order", "schedule", ...
	ID    string // the record's ID, or its position ("#3") when it has none
	Field string // the offending field, such as "first_reply"
	Err   error  // the reason
}

// Error returns a message naming the record, the field and the reason.
func (e *RecordError) Error() string {
	s := "kpi: " + e.Kind + " " + strconv.Quote(e.ID)
	if e.Field != "" {
		s += ": " + e.Field
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the reason, for errors.Is and errors.As.
func (e *RecordError) Unwrap() error { return e.Err }
