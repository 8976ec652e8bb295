package churn

import (
	"fmt"
	"strconv"
	"time"

	"github.com/satmetrics/satmetrics"
)

// Errors of the churn package. Each wraps a satmetrics sentinel, so that
// errors.Is(err, satmetrics.ErrRange) holds for every input that is well
// formed but impossible, whichever of them it is.
var (
	// ErrUnknownCustomer reports an event (a cancel or a payment) for a
	// customer that no start event ever introduced.
	ErrUnknownCustomer = fmt.Errorf("churn: unknown customer: %w", satmetrics.ErrRange)

	// ErrSequence reports an event that the customer's history makes
	// impossible: a cancel or a payment of a customer who is not active, a
	// start of a customer who already is, or a cancel dated before the
	// customer's first start.
	ErrSequence = fmt.Errorf("churn: event out of sequence: %w", satmetrics.ErrRange)

	// ErrNegative reports a negative count, amount or duration where only
	// non-negative values make sense.
	ErrNegative = fmt.Errorf("churn: negative value: %w", satmetrics.ErrRange)

	// ErrNotFinite reports a NaN or infinite amount, time or duration.
	ErrNotFinite = fmt.Errorf("churn: value is not finite: %w", satmetrics.ErrRange)
)

// A RecordError reports a bad input record: its position among the records
// given (counting from 0, in the order they were added), a description of
// it, and the reason, which wraps ErrUnknownCustomer, ErrSequence,
// ErrNegative, ErrNotFinite or another satmetrics sentinel. Use errors.As to
// get it and errors.Is to test the reason.
type RecordError struct {
	Index  int    // position of the record, from 0
	Record string // the record, as "customer \"c42\" cancel at 2026-01-31T00:00:00Z" or "subject 7 (entry 0, exit -2)"
	Err    error  // the reason
}

// Error returns "churn: record <index> (<record>): <reason>".
func (e *RecordError) Error() string {
	return "churn: record " + strconv.Itoa(e.Index) + " (" + e.Record + "): " + e.Err.Error()
}

// Unwrap returns the reason, for errors.Is and errors.As.
func (e *RecordError) Unwrap() error { return e.Err }

func recordErr(i int, record string, err error) error {
	return &RecordError{Index: i, Record: record, Err: err}
}

// checkNonNegative returns an error wrapping ErrNotFinite or ErrNegative when x is
// not a finite non-negative number; what names the value in the message.
func checkNonNegative(what string, x float64) error {
	if x != x || x > maxFloat || x < -maxFloat {
		return fmt.Errorf("churn: %s %v: %w", what, x, ErrNotFinite)
	}
	if x < 0 {
		return fmt.Errorf("churn: %s %v: %w", what, x, ErrNegative)
	}
	return nil
}

const maxFloat = 1.7976931348623157e308

func formatTime(t time.Time) string { return t.Format(time.RFC3339Nano) }
