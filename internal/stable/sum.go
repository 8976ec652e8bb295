package stable

import "math"

// Sum is a compensated sum of float64 values: it carries the rounding error
// of every addition in a second term, so that the result is as accurate as if
// it were computed in roughly twice the precision. The zero value is an empty
// sum.
//
// The algorithm is Neumaier's improvement of Kahan summation, which stays
// accurate when an addend is larger in magnitude than the running sum:
//
//	t = s + x
//	c += (s - t) + x   if |s| >= |x|
//	c += (x - t) + s   otherwise
//	s = t
//
// and the value is s + c.
//
// For more information, see A. Neumaier, "Rundungsfehleranalyse einiger
// Verfahren zur Summation endlicher Summen", ZAMM 54, 1974, pp. 39-51.
type Sum struct {
	s, c float64
}

// Add adds x to the sum.
func (s *Sum) Add(x float64) {
	t := s.s + x
	if math.Abs(s.s) >= math.Abs(x) {
		s.c += (s.s - t) + x
	} else {
		s.c += (x - t) + s.s
	}
	s.s = t
}

// Merge adds the value of u to s, as if every value added to u had been added
// to s.
func (s *Sum) Merge(u Sum) {
	s.Add(u.s)
	s.c += u.c
}

// Value returns the compensated sum.
func (s Sum) Value() float64 {
	return s.s + s.c
}

// Of returns the compensated sum of xs.
func Of(xs []float64) float64 {
	var s Sum
	for _, x := range xs {
		s.Add(x)
	}
	return s.Value()
}

// Parts returns the running sum and its compensation term, for encoders.
func (s Sum) Parts() (sum, compensation float64) { return s.s, s.c }

// FromParts returns the Sum with the given parts, as Parts returns them.
func FromParts(sum, compensation float64) Sum { return Sum{s: sum, c: compensation} }
