package kpi

import (
	"fmt"
	"math"
	"strconv"

	"github.com/satmetrics/satmetrics"
)

// A Status is where a KPI stands against its target.
type Status int8

// The statuses.
const (
	OnTarget  Status = iota + 1 // meets or beats the target
	AtRisk                      // misses it, but within the tolerance or the estimate's interval
	OffTarget                   // misses it by more
)

var statusNames = [...]string{OnTarget: "on target", AtRisk: "at risk", OffTarget: "off target"}

// String returns "on target", "at risk" or "off target", and "%!Status(n)"
// otherwise.
func (s Status) String() string {
	if s < OnTarget || s > OffTarget {
		return "%!Status(" + strconv.Itoa(int(s)) + ")"
	}
	return statusNames[s]
}

// MarshalText implements encoding.TextMarshaler with String.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// A Target is the value a KPI should reach, with the direction that counts
// as better (a CSAT of at least 85, a first reply time of at most 4 hours)
// and a tolerance, in the KPI's unit, by which a value may fall short and
// still count as at risk rather than off target.
type Target struct {
	Value     float64              `json:"value"`
	Direction satmetrics.Direction `json:"direction"`
	Tolerance float64              `json:"tolerance,omitempty"`
}

// An Assessment is a KPI's standing against a Target: the status and the
// gap, signed so that a positive gap is better than the target (above it
// for higher-is-better KPIs, below it for lower-is-better ones).
type Assessment struct {
	Status Status  `json:"status"`
	Value  float64 `json:"value"`
	Target float64 `json:"target"`
	Gap    float64 `json:"gap"`
}

// Assess compares an estimate with the target:
//
//	gap = Value - Target   (higher is better)
//	gap = Target - Value   (lower is better)
//
// On target if gap >= 0. Otherwise at risk if -gap <= Tolerance or the
// estimate's confidence interval (when it has one, Level > 0) reaches the
// target, so that the miss may be noise; off target otherwise.
//
// An invalid direction, a target that is not finite, a negative or NaN
// tolerance and an estimate holding a NaN are errors wrapping
// satmetrics.ErrRange or satmetrics.ErrUndefined.
func (t Target) Assess(e satmetrics.Estimate) (Assessment, error) {
	switch {
	case !t.Direction.Valid():
		return Assessment{}, fmt.Errorf("kpi: target direction %v: %w", t.Direction, satmetrics.ErrRange)
	case math.IsNaN(t.Value) || math.IsInf(t.Value, 0):
		return Assessment{}, fmt.Errorf("kpi: target value %v: %w", t.Value, satmetrics.ErrRange)
	case !(t.Tolerance >= 0) || math.IsInf(t.Tolerance, 0):
		return Assessment{}, fmt.Errorf("kpi: target tolerance %v: %w", t.Tolerance, satmetrics.ErrRange)
	}
	if err := e.Check(); err != nil {
		return Assessment{}, err
	}
	gap := t.Direction.Improvement(t.Value, e.Value)
	a := Assessment{Value: e.Value, Target: t.Value, Gap: gap}
	switch {
	case gap >= 0:
		a.Status = OnTarget
	case -gap <= t.Tolerance || (e.Level > 0 && e.Contains(t.Value)):
		a.Status = AtRisk
	default:
		a.Status = OffTarget
	}
	return a, nil
}

// A Band is a labelled range of a KPI's values, from Lower to Upper, each
// bound included when its flag says so, for benchmark conventions such as
// the ACSI's.
type Band struct {
	Label          string  `json:"label"`
	Lower          float64 `json:"lower"`
	Upper          float64 `json:"upper"`
	LowerInclusive bool    `json:"lower_inclusive,omitempty"`
	UpperInclusive bool    `json:"upper_inclusive,omitempty"`
}

// Contains reports whether v lies in the band.
func (b Band) Contains(v float64) bool {
	above := v > b.Lower || (b.LowerInclusive && v == b.Lower)
	below := v < b.Upper || (b.UpperInclusive && v == b.Upper)
	return above && below
}

// Bands is a set of benchmark bands, data the user can replace (for example
// by decoding JSON) rather than constants of the library.
type Bands []Band

// ACSIBands returns the bands the customer-service sources quote for CSAT
// on the 0-100 scale of the American Customer Satisfaction Index: above 80
// is good, below 60 needs work, and 60 to 80 (both included) is fair. Each
// call returns a new slice, free to change.
func ACSIBands() Bands {
	return Bands{
		{Label: "needs work", Lower: 0, Upper: 60, LowerInclusive: true},
		{Label: "fair", Lower: 60, Upper: 80, LowerInclusive: true, UpperInclusive: true},
		{Label: "good", Lower: 80, Upper: 100, UpperInclusive: true},
	}
}

// Validate returns an error if a band is empty or not finite, or if two
// bands overlap, naming the band; it wraps satmetrics.ErrRange or
// ErrOverlap.
func (bs Bands) Validate() error {
	for i, b := range bs {
		if math.IsNaN(b.Lower) || math.IsNaN(b.Upper) || b.Lower > b.Upper ||
			(b.Lower == b.Upper && !(b.LowerInclusive && b.UpperInclusive)) {
			return &RecordError{Kind: "band", ID: b.Label, Field: "range", Err: fmt.Errorf("[%v, %v] is empty: %w", b.Lower, b.Upper, satmetrics.ErrRange)}
		}
		for _, c := range bs[:i] {
			if overlap(b, c) {
				return &RecordError{Kind: "band", ID: b.Label, Field: "range", Err: fmt.Errorf("overlaps %q: %w", c.Label, ErrOverlap)}
			}
		}
	}
	return nil
}

func overlap(a, b Band) bool {
	lo, loIn := a.Lower, a.LowerInclusive
	if b.Lower > lo || (b.Lower == lo && !b.LowerInclusive) {
		lo, loIn = b.Lower, b.LowerInclusive
	}
	hi, hiIn := a.Upper, a.UpperInclusive
	if b.Upper < hi || (b.Upper == hi && !b.UpperInclusive) {
		hi, hiIn = b.Upper, b.UpperInclusive
	}
	return lo < hi || (lo == hi && loIn && hiIn)
}

// Classify returns the band that holds v, or an error wrapping
// satmetrics.ErrRange if none does.
func (bs Bands) Classify(v float64) (Band, error) {
	for _, b := range bs {
		if b.Contains(v) {
			return b, nil
		}
	}
	return Band{}, fmt.Errorf("kpi: %v is in no band: %w", v, satmetrics.ErrRange)
}
