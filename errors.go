package satmetrics

import (
	"errors"
	"fmt"
	"strconv"
)

// Sentinel errors shared by every package of the library. The metric
// packages wrap them, so that errors.Is(err, satmetrics.ErrNoData) works
// whichever package returned err.
var (
	// ErrNoData reports that a result is undefined because there is nothing
	// to compute it from: no responses, or a total weight of zero.
	ErrNoData = errors.New("satmetrics: no data")

	// ErrUndefined reports that a result is undefined for the data given,
	// for example a standard error of zero where a test statistic divides by
	// it. An undefined result is an error rather than a NaN or an Inf, which
	// encoding/json refuses.
	ErrUndefined = errors.New("satmetrics: undefined result")

	// ErrLevel reports a confidence level outside the open interval (0, 1).
	ErrLevel = errors.New("confidence level must be in (0, 1)")

	// ErrWeight reports a weight that is negative, NaN or infinite.
	ErrWeight = errors.New("satmetrics: weight must be finite and non-negative")

	// ErrIncompatible reports an attempt to merge or compare accumulators
	// that were built with different configurations (scales, category
	// breaks), which would silently mix incomparable answers.
	ErrIncompatible = errors.New("satmetrics: incompatible configurations")

	// ErrSyntax reports input that does not have the expected form.
	ErrSyntax = errors.New("invalid syntax")

	// ErrRange reports input that is well formed but outside the allowed
	// range.
	ErrRange = errors.New("value out of range")

	// ErrCorrupt reports an encoding that cannot be decoded: truncated, of an
	// unknown version, or describing an impossible state.
	ErrCorrupt = errors.New("satmetrics: corrupt encoding")
)

// A ParseError records a failed conversion of user input, in the manner of
// strconv.NumError: the function that failed, the input it was given and the
// reason, which wraps a sentinel such as ErrSyntax or ErrRange (or a
// package's own), so that errors.Is and errors.As both work.
type ParseError struct {
	Func  string // the failing function, with its package ("nps.ParseScore")
	Input string // the input, as given
	Err   error  // the reason
}

// Error returns a message that names the function and quotes the input.
func (e *ParseError) Error() string {
	return e.Func + ": parsing " + strconv.Quote(e.Input) + ": " + e.Err.Error()
}

// Unwrap returns the reason, for errors.Is and errors.As.
func (e *ParseError) Unwrap() error { return e.Err }

// CheckWeight returns nil if w is a valid weight (finite and non-negative),
// and otherwise an error that names w and wraps ErrWeight. It does not
// allocate for valid weights.
func CheckWeight(w float64) error {
	if w >= 0 && w <= maxFloat {
		return nil
	}
	return fmt.Errorf("satmetrics: weight %v: %w", w, ErrWeight)
}

const maxFloat = 1.7976931348623157e308

// CheckLevel returns nil if level is a valid confidence level, strictly
// between 0 and 1, and otherwise an error that names level and wraps
// ErrLevel.
func CheckLevel(level float64) error {
	if level > 0 && level < 1 {
		return nil
	}
	return fmt.Errorf("satmetrics: level %v: %w", level, ErrLevel)
}
