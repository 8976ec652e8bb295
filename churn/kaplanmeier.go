package churn

import (
	"fmt"
	"math"
	"strconv"

	"github.com/satmetrics/satmetrics"
)

// A CIType is the scale on which a pointwise confidence interval for a
// survival probability is built. The zero value is CILog, R survival's
// default.
type CIType uint8

// The confidence interval types, as R's survfit names them (conf.type).
// With σ the Greenwood standard error of log S (see doc.go) and z the
// normal critical value:
const (
	// CILog is exp(log S ± z σ), cut at 1: R survival's default.
	CILog CIType = iota
	// CILogLog is S^exp(±z σ / log S), lifelines' default, which stays
	// inside [0, 1]. It is undefined where S is 0 or 1.
	CILogLog
	// CIPlain is S ± z S σ, cut to [0, 1]: the linear (Wald) interval.
	CIPlain
)

var ciNames = [...]string{CILog: "log", CILogLog: "log-log", CIPlain: "plain"}

// String returns "log", "log-log" or "plain", and "%!CIType(n)" for other
// values.
func (c CIType) String() string {
	if int(c) < len(ciNames) {
		return ciNames[c]
	}
	return "%!CIType(" + strconv.Itoa(int(c)) + ")"
}

// Valid reports whether c is one of the defined types.
func (c CIType) Valid() bool { return int(c) < len(ciNames) }

// MarshalText implements encoding.TextMarshaler.
func (c CIType) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, fmt.Errorf("churn: marshal %v: %w", c, satmetrics.ErrRange)
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *CIType) UnmarshalText(b []byte) error {
	for i, n := range ciNames {
		if n == string(b) {
			*c = CIType(i)
			return nil
		}
	}
	return &satmetrics.ParseError{Func: "churn.CIType.UnmarshalText", Input: string(b), Err: satmetrics.ErrSyntax}
}

// CurveConfig configures a Kaplan-Meier curve. The zero value asks for 95%
// intervals of type CILog, as R's survfit does by default.
type CurveConfig struct {
	Level float64 // confidence level in (0, 1); 0 means satmetrics.DefaultLevel
	CI    CIType  // interval type
}

// A Point is one step of a Kaplan-Meier curve: the estimate just after the
// duration Time, and what happened at it. Counts are weighted sums when the
// table is weighted.
type Point struct {
	Time     float64 `json:"time"`
	AtRisk   float64 `json:"at_risk"`
	Events   float64 `json:"events"`
	Censored float64 `json:"censored"`
	Survival float64 `json:"survival"` // S(Time)
	StdErr   float64 `json:"std_err"`  // Greenwood standard error of S(Time); 0 where S is 0
	// Lower and Upper bound the pointwise confidence interval. Where the
	// interval of the chosen type is undefined (log-log at S = 1, log and
	// log-log at S = 0, where R reports NA) both equal Survival.
	Lower float64 `json:"lower"`
	Upper float64 `json:"upper"`
}

// A Curve is a Kaplan-Meier estimate of the survival function, with one
// Point per distinct duration at which a subject exited (churned or was
// censored), as R's survfit reports it. S(t) is 1 before the first Point and
// is defined up to the last one.
type Curve struct {
	Points   []Point `json:"points"`
	Level    float64 `json:"level"`
	CI       CIType  `json:"ci"`
	Subjects int64   `json:"subjects"` // subjects in the table, of any weight
	Events   float64 `json:"events"`   // subjects who churned (weighted)
}

// KaplanMeier returns the Kaplan-Meier estimate [5] of the survival
// function of the subjects of t,
//
//	S(t) = Π_{t_j <= t} (1 - d_j / n_j),
//
// with n_j subjects at risk and d_j events at the distinct durations t_j
// (weighted sums when t is weighted), Greenwood's variance [6]
//
//	σ²(t) = Σ_{t_j <= t} d_j / (n_j (n_j - d_j)),   Var S(t) = S(t)² σ²(t),
//
// and pointwise intervals of the type and level of cfg. Late entries (see
// Subject) join the risk set after their entry duration. With case weights
// the variance is Greenwood's formula on weighted counts, which for integer
// weights equals the variance of the data with each subject repeated;
// R's survfit does the same for integer weights (for non-integer weights it
// switches to a robust variance, which this package does not compute).
//
// It returns an error wrapping satmetrics.ErrNoData for an empty table or a
// table whose risk sets have no weight, and one wrapping satmetrics.ErrLevel
// or satmetrics.ErrRange for a bad configuration.
func KaplanMeier(t *EventTable, cfg CurveConfig) (*Curve, error) {
	z, level, err := cfg.check()
	if err != nil {
		return nil, err
	}
	t.compact()
	if len(t.t) == 0 {
		return nil, fmt.Errorf("churn: Kaplan-Meier: event table is empty: %w", satmetrics.ErrNoData)
	}
	if err := t.checkWeight("Kaplan-Meier"); err != nil {
		return nil, err
	}
	c := &Curve{Level: level, CI: cfg.CI, Subjects: t.Subjects()}
	n := 0
	for i := range t.t {
		if t.d[i]+t.c[i] > 0 {
			n++
		}
	}
	c.Points = make([]Point, 0, n)
	st := kmState{s: 1, z: z, ci: cfg.CI, c: c}
	if t.weighted {
		risk := t.baseWeight()
		var riskComp float64 // compensation of the running risk set (Neumaier)
		for i := range t.t {
			d, cens, e := t.weights(i)
			if t.d[i]+t.c[i] > 0 {
				st.step(t.t[i], clampZero(risk+riskComp), d, cens)
			}
			risk, riskComp = neumaier(risk, riskComp, e-d-cens)
		}
	} else {
		// Unweighted counts are exact integers: no compensation needed.
		risk := t.base
		for i, x := range t.t {
			d, cens := t.d[i], t.c[i]
			if d+cens > 0 {
				st.step(x, float64(risk), float64(d), float64(cens))
			}
			risk += t.e[i] - d - cens
		}
	}
	anyRisk, events := st.anyRisk, st.events
	if !anyRisk {
		return nil, fmt.Errorf("churn: Kaplan-Meier: no weight at risk: %w", satmetrics.ErrNoData)
	}
	c.Events = events
	return c, nil
}

// KaplanMeierOf returns the Kaplan-Meier curve of subjects observed from
// their origin, with exits[i] the duration of subject i and events[i]
// whether it churned then; it equals KaplanMeier(TableOf(exits, events),
// cfg) without building the table, the fastest path for a large data set
// that is at hand in full. It panics if the slices differ in length; the
// errors are those of TableOf and KaplanMeier.
func KaplanMeierOf(exits []float64, events []bool, cfg CurveConfig) (*Curve, error) {
	z, level, err := cfg.check()
	if err != nil {
		return nil, err
	}
	keys, err := sortedKeys("KaplanMeierOf", exits, events)
	if err != nil {
		return nil, err
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("churn: Kaplan-Meier: no subjects: %w", satmetrics.ErrNoData)
	}
	c := &Curve{Level: level, CI: cfg.CI, Subjects: int64(len(keys)), Points: make([]Point, 0, countDistinct(keys))}
	st := kmState{s: 1, z: z, ci: cfg.CI, c: c}
	risk := int64(len(keys))
	for i := 0; i < len(keys); {
		x, d, cens, j := run(keys, i)
		st.step(x, float64(risk), float64(d), float64(cens))
		risk -= d + cens
		i = j
	}
	c.Events = st.events
	return c, nil
}

// check validates cfg and returns the critical value and level to use.
func (cfg CurveConfig) check() (z, level float64, err error) {
	level = cfg.Level
	if level == 0 {
		level = satmetrics.DefaultLevel
	}
	if z, err = satmetrics.ZCritical(level); err != nil {
		return 0, 0, err
	}
	if !cfg.CI.Valid() {
		return 0, 0, fmt.Errorf("churn: Kaplan-Meier: interval type %v: %w", cfg.CI, satmetrics.ErrRange)
	}
	return z, level, nil
}

// kmState carries the Kaplan-Meier product and Greenwood sum from one
// step to the next.
type kmState struct {
	s, v    float64 // S and σ² so far
	z       float64
	ci      CIType
	c       *Curve
	anyRisk bool
	events  float64
}

// step adds the point at duration x with nr at risk, d events and cens
// censored.
func (st *kmState) step(x, nr, d, cens float64) {
	if nr > 0 {
		st.anyRisk = true
		if d >= nr {
			st.s, st.v = 0, math.Inf(1)
		} else if d > 0 {
			st.s *= 1 - d/nr
			st.v += d / (nr * (nr - d))
		}
	}
	st.events += d
	p := Point{Time: x, AtRisk: nr, Events: d, Censored: cens, Survival: st.s}
	if n := len(st.c.Points); d == 0 && n > 0 {
		// Only censoring here: S, its error and its band are unchanged.
		q := &st.c.Points[n-1]
		p.StdErr, p.Lower, p.Upper = q.StdErr, q.Lower, q.Upper
	} else {
		se := math.Sqrt(st.v)
		if st.s > 0 {
			p.StdErr = st.s * se
		}
		p.Lower, p.Upper, _ = band(st.s, se, st.z, st.ci)
	}
	st.c.Points = append(st.c.Points, p)
}

// neumaier adds x to the compensated sum (s, c).
func neumaier(s, c, x float64) (float64, float64) {
	t := s + x
	if math.Abs(s) >= math.Abs(x) {
		c += (s - t) + x
	} else {
		c += (x - t) + s
	}
	return t, c
}

// band returns the pointwise interval of type ci for a survival probability
// s with Greenwood σ of log s, following R's survfit_confint. Where the
// interval is undefined it returns s, s, false.
func band(s, se, z float64, ci CIType) (lo, hi float64, ok bool) {
	switch ci {
	case CIPlain:
		if math.IsInf(se, 1) {
			return s, s, false
		}
		w := z * se * s
		return math.Max(s-w, 0), math.Min(s+w, 1), true
	case CILogLog:
		if s == 0 || s == 1 {
			return s, s, false
		}
		// exp(-exp(log(-log s) ∓ w)) = exp(log s · e^∓w)
		ls := math.Log(s)
		e := math.Exp(z * se / ls)
		return math.Exp(ls / e), math.Exp(ls * e), true
	default:
		if s == 0 {
			return s, s, false
		}
		// exp(log s ± w) = s e^±w
		e := math.Exp(z * se)
		return s / e, math.Min(s*e, 1), true
	}
}

// bandDefined reports whether the band of the curve's type is defined at
// p, as in R: not where S is 0, and for log-log not where S is 1 either.
func (c *Curve) bandDefined(p Point) bool {
	return p.Survival > 0 && (c.CI != CILogLog || p.Survival < 1)
}

// index returns the index of the last point with Time <= x, or -1.
func (c *Curve) index(x float64) int {
	lo, hi := 0, len(c.Points) // invariant: points before lo are <= x, from hi on > x
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c.Points[m].Time <= x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// At returns the estimate of the survival probability at duration x,
// S(x), with its Greenwood standard error and the curve's pointwise
// interval; N is the number of subjects. Before the first exit S is 1 with
// standard error 0. It returns an error wrapping ErrNegative or
// ErrNotFinite for a bad x, and one wrapping satmetrics.ErrUndefined for an
// x after the last exit, where the curve is not estimated (unless it has
// fallen to 0).
func (c *Curve) At(x float64) (satmetrics.Estimate, error) {
	if err := checkNonNegative("duration", x); err != nil {
		return satmetrics.Estimate{}, err
	}
	i := c.index(x)
	est := satmetrics.Estimate{N: c.Subjects, Interval: satmetrics.Interval{Level: c.Level, Method: c.CI.String()}}
	if i < 0 {
		est.Value, est.Lower, est.Upper = 1, 1, 1
		return est, nil
	}
	last := c.Points[len(c.Points)-1]
	if x > last.Time && last.Survival > 0 {
		return satmetrics.Estimate{}, fmt.Errorf("churn: survival at %v: after the last exit at %v: %w", x, last.Time, satmetrics.ErrUndefined)
	}
	p := c.Points[i]
	est.Value, est.StdErr, est.Lower, est.Upper = p.Survival, p.StdErr, p.Lower, p.Upper
	return est, nil
}

// A Quantile is the duration by which the survival curve falls to a level
// P (0.5 for the median survival time), with its confidence interval read
// off the curve's pointwise band: the lower limit is where the band's lower
// edge falls to P, the upper limit where its upper edge does [7]. This is
// how R's print(survfit) reports the median and its interval.
type Quantile struct {
	P    float64 `json:"p"`    // survival level
	Time float64 `json:"time"` // duration by which S falls to P
	// Lower and Upper are the interval's limits, nil (JSON null) where the
	// band's edge does not fall to P within the follow-up (R's NA): an upper
	// limit of nil means the data cannot rule out long durations.
	Lower *float64 `json:"lower"`
	Upper *float64 `json:"upper"`
	Level float64  `json:"level"`
}

// Median returns the median survival time and its interval: Quantile(0.5).
func (c *Curve) Median() (Quantile, error) { return c.Quantile(0.5) }

// Quantile returns the duration by which the curve falls to the survival
// level p, the smallest t with S(t) <= p. Where S equals p (to within √ε)
// over a whole step, the result is the midpoint of that step and the next
// drop, as R does. Note that p is a level of survival: Quantile(0.75) is
// R's quantile(fit, probs = 0.25), which takes the probability of the
// event. (Where the curve ends exactly at p, R's print uses the last drop,
// as here, and its quantile the midpoint to the last exit.) It returns an error wrapping satmetrics.ErrRange for p outside
// (0, 1) and one wrapping satmetrics.ErrUndefined when the curve does not
// fall to p within the follow-up.
func (c *Curve) Quantile(p float64) (Quantile, error) {
	if !(p > 0 && p < 1) {
		return Quantile{}, fmt.Errorf("churn: survival quantile %v: %w", p, satmetrics.ErrRange)
	}
	q := Quantile{P: p, Level: c.Level}
	var ok bool
	if q.Time, ok = crossing(c.Points, func(Point) bool { return true }, func(pt Point) float64 { return pt.Survival }, p); !ok {
		return Quantile{}, fmt.Errorf("churn: survival quantile %v: the curve stays above it until %v: %w",
			p, c.Points[len(c.Points)-1].Time, satmetrics.ErrUndefined)
	}
	if lo, ok := crossing(c.Points, c.bandDefined, func(pt Point) float64 { return pt.Lower }, p); ok {
		q.Lower = &lo
	}
	if hi, ok := crossing(c.Points, c.bandDefined, func(pt Point) float64 { return pt.Upper }, p); ok {
		q.Upper = &hi
	}
	return q, nil
}

// crossing follows R survival's minmin: among the points whose value y
// (survival or a band edge, skipping undefined band values) is below
// p + √ε, take the first; if its y equals p to within √ε and a later point
// is lower still, return the midpoint of their times. Points where ok is
// false are skipped.
func crossing(pts []Point, ok func(Point) bool, y func(Point) float64, p float64) (float64, bool) {
	const tol = 1.4901161193847656e-08 // √ε
	first := -1
	for i, pt := range pts {
		if !ok(pt) {
			continue
		}
		v := y(pt)
		if first < 0 {
			if v < p+tol {
				first = i
				if math.Abs(v-p) >= tol {
					return pt.Time, true
				}
			}
			continue
		}
		if v < y(pts[first]) {
			return (pts[first].Time + pt.Time) / 2, true
		}
	}
	if first < 0 {
		return 0, false
	}
	return pts[first].Time, true
}

// RMST returns the restricted mean survival time up to tau, the area under
// the curve from 0 to tau,
//
//	RMST(τ) = ∫₀^τ S(t) dt,
//
// the expected number of periods of the next τ that a customer stays, with
// the standard error R's survfit reports (print(fit, rmean = τ)),
//
//	Var = Σ_{t_j <= τ} A_j² d_j / (n_j (n_j - d_j)),   A_j = ∫_{t_j}^τ S(t) dt,
//
// and a normal interval at the curve's level. When tau is beyond the last
// exit the curve is extended at its last value, as R does. It returns an
// error wrapping satmetrics.ErrRange for a tau that is not finite and
// positive.
func (c *Curve) RMST(tau float64) (satmetrics.Estimate, error) {
	if !(tau > 0) || tau > maxFloat {
		return satmetrics.Estimate{}, fmt.Errorf("churn: RMST: horizon %v: %w", tau, satmetrics.ErrRange)
	}
	// Rectangles between consecutive steps up to tau.
	var area, varSum float64
	k := c.index(tau)
	// tail accumulates the area from each step to tau, walking backwards.
	tail := 0.0
	for j := k; j >= 0; j-- {
		next := tau
		if j < k {
			next = c.Points[j+1].Time
		}
		p := c.Points[j]
		tail += p.Survival * (next - p.Time)
		if p.Events > 0 && p.AtRisk > p.Events {
			varSum += tail * tail * p.Events / (p.AtRisk * (p.AtRisk - p.Events))
		}
	}
	first := tau
	if k >= 0 {
		first = c.Points[0].Time
	}
	area = first + tail // S = 1 from 0 to the first step
	se := math.Sqrt(varSum)
	iv, err := satmetrics.NormalInterval(area, se, c.Level, "wald")
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	return satmetrics.Estimate{Value: area, StdErr: se, Interval: iv, N: c.Subjects}, nil
}
