package likert

import (
	"fmt"
	"math"
	"strconv"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/stable"
)

// A Quadrant is one of the four cells of an importance-performance grid.
// The zero Quadrant is unset and not Valid.
type Quadrant int8

// The quadrants of Martilla and James (1977), importance on the vertical
// axis and performance on the horizontal.
const (
	// ConcentrateHere: important, but performance is low.
	ConcentrateHere Quadrant = 1 + iota
	// KeepUp ("keep up the good work"): important, and performance is high.
	KeepUp
	// LowPriority: neither important nor performing well.
	LowPriority
	// PossibleOverkill: performing well on what matters little.
	PossibleOverkill
)

var quadrantNames = [...]string{"", "concentrate-here", "keep-up", "low-priority", "possible-overkill"}

// Valid reports whether q is one of the four quadrants.
func (q Quadrant) Valid() bool { return q >= ConcentrateHere && q <= PossibleOverkill }

// String returns "concentrate-here", "keep-up", "low-priority" or
// "possible-overkill", and "%!Quadrant(n)" for an invalid quadrant.
func (q Quadrant) String() string {
	if !q.Valid() {
		return "%!Quadrant(" + strconv.Itoa(int(q)) + ")"
	}
	return quadrantNames[q]
}

// MarshalText implements encoding.TextMarshaler; an invalid quadrant is an
// error.
func (q Quadrant) MarshalText() ([]byte, error) {
	if !q.Valid() {
		return nil, fmt.Errorf("likert: marshal %v: %w", q, satmetrics.ErrRange)
	}
	return []byte(q.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (q *Quadrant) UnmarshalText(b []byte) error {
	for i, n := range quadrantNames {
		if i > 0 && n == string(b) {
			*q = Quadrant(i)
			return nil
		}
	}
	return &satmetrics.ParseError{Func: "likert.Quadrant.UnmarshalText", Input: string(b), Err: satmetrics.ErrSyntax}
}

// An Attribute is one service attribute of an importance-performance
// analysis: its mean importance and mean performance, on scales of the
// analyst's choosing.
type Attribute struct {
	Name        string  `json:"name"`
	Importance  float64 `json:"importance"`
	Performance float64 `json:"performance"`
}

// AttributeOf returns the attribute whose importance and performance are
// the means of two tallies. It returns an error wrapping
// satmetrics.ErrNoData if either tally has no answers.
func AttributeOf(name string, importance, performance *Tally) (Attribute, error) {
	im, _, _, _, err := importance.moments()
	if err != nil {
		return Attribute{}, fmt.Errorf("likert: importance of %q: %w", name, err)
	}
	pm, _, _, _, err := performance.moments()
	if err != nil {
		return Attribute{}, fmt.Errorf("likert: performance of %q: %w", name, err)
	}
	return Attribute{Name: name, Importance: im, Performance: pm}, nil
}

// A Crosshair is the point where the axes of the grid cross.
type Crosshair struct {
	Importance  float64 `json:"importance"`
	Performance float64 `json:"performance"`
}

// IPA configures an importance-performance analysis. The zero value puts
// the crosshair at the grand means of importance and performance over the
// attributes; set Crosshair to fix it elsewhere, for example at the
// midpoints of the scales.
type IPA struct {
	Crosshair *Crosshair
}

// A Placed attribute is an attribute with its quadrant and its gap,
// performance minus importance.
type Placed struct {
	Attribute
	Quadrant Quadrant `json:"quadrant"`
	Gap      float64  `json:"gap"`
}

// An IPAResult is the grid of an importance-performance analysis.
type IPAResult struct {
	Crosshair  Crosshair `json:"crosshair"`
	Attributes []Placed  `json:"attributes"`
}

// Place puts each attribute in its quadrant: importance at or above the
// crosshair is high, below it low, and likewise for performance, so
//
//	high importance, low performance   ConcentrateHere
//	high importance, high performance  KeepUp
//	low importance,  low performance   LowPriority
//	low importance,  high performance  PossibleOverkill
//
// (Martilla and James 1977). It returns an error wrapping
// satmetrics.ErrNoData for no attributes and one wrapping
// satmetrics.ErrRange for a value or crosshair that is not finite.
func (c IPA) Place(attrs []Attribute) (IPAResult, error) {
	if len(attrs) == 0 {
		return IPAResult{}, fmt.Errorf("likert: importance-performance analysis of no attributes: %w", satmetrics.ErrNoData)
	}
	var res IPAResult
	var si, sp stable.Sum
	for _, a := range attrs {
		if !finite(a.Importance) || !finite(a.Performance) {
			return IPAResult{}, fmt.Errorf("likert: attribute %q: importance %v, performance %v: %w", a.Name, a.Importance, a.Performance, satmetrics.ErrRange)
		}
		si.Add(a.Importance)
		sp.Add(a.Performance)
	}
	res.Crosshair = Crosshair{Importance: si.Value() / float64(len(attrs)), Performance: sp.Value() / float64(len(attrs))}
	if c.Crosshair != nil {
		if !finite(c.Crosshair.Importance) || !finite(c.Crosshair.Performance) {
			return IPAResult{}, fmt.Errorf("likert: crosshair %+v: %w", *c.Crosshair, satmetrics.ErrRange)
		}
		res.Crosshair = *c.Crosshair
	}
	res.Attributes = make([]Placed, len(attrs))
	for i, a := range attrs {
		hiI := a.Importance >= res.Crosshair.Importance
		hiP := a.Performance >= res.Crosshair.Performance
		var q Quadrant
		switch {
		case hiI && !hiP:
			q = ConcentrateHere
		case hiI && hiP:
			q = KeepUp
		case !hiI && !hiP:
			q = LowPriority
		default:
			q = PossibleOverkill
		}
		res.Attributes[i] = Placed{Attribute: a, Quadrant: q, Gap: a.Performance - a.Importance}
	}
	return res, nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
