package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/graph/mtime"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/graph/window"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths; the command adds gcs
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/churn"
	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/likert"
	"github.com/satmetrics/satmetrics/nps"
)

// Config configures the pipelines. The zero Config computes 95% intervals
// over the whole input (no windows, no fan-out) on the default scales (CSAT
// Five, CES Agree7) and DefaultInstrument; only the survival analysis needs a
// field set: AsOf.
type Config struct {
	Level float64 // confidence level in (0, 1); 0 means satmetrics.DefaultLevel

	// Window is the size of the fixed event-time windows of the scores
	// (Beam's FixedWindows: aligned to the Unix epoch in UTC, so that 24h is
	// a UTC day and 168h a week from Thursday). Zero puts every response in
	// one window.
	Window time.Duration

	// Fanout, when above 1, combines each key in Fanout shards (by a hash of
	// the response id or customer) and merges the shards' tallies in a second
	// combine: Beam's hot-key fan-out, for keys such as All that take every
	// element.
	Fanout int

	CSAT       csat.Scale        // scale of the csat column
	CES        ces.Scale         // scale of the ces column
	Instrument likert.Instrument // the items that follow the ces column; no items means DefaultInstrument

	// AsOf is when the subscription data end: customers who have not
	// cancelled by then are censored at AsOf, and customers who start after
	// it are left out.
	AsOf time.Time
	Unit time.Duration // unit of survival durations; 0 means a day (24h)
}

// withDefaults returns c with its defaults filled in, or an error wrapping
// satmetrics.ErrRange (satmetrics.ErrLevel for the level) for a bad field.
func (c Config) withDefaults() (Config, error) {
	if c.Level == 0 {
		c.Level = satmetrics.DefaultLevel
	}
	if err := satmetrics.CheckLevel(c.Level); err != nil {
		return c, err
	}
	if c.Window < 0 || c.Window%time.Millisecond != 0 {
		return c, fmt.Errorf("pipeline: window %v: not a whole number of milliseconds >= 0: %w", c.Window, satmetrics.ErrRange)
	}
	if c.Fanout < 0 {
		return c, fmt.Errorf("pipeline: fanout %d: %w", c.Fanout, satmetrics.ErrRange)
	}
	if !c.CSAT.Valid() {
		return c, fmt.Errorf("pipeline: csat scale %v: %w", c.CSAT, satmetrics.ErrRange)
	}
	if !c.CES.Valid() {
		return c, fmt.Errorf("pipeline: ces scale %v: %w", c.CES, satmetrics.ErrRange)
	}
	if len(c.Instrument.Items) == 0 {
		c.Instrument = DefaultInstrument()
	}
	if err := c.Instrument.Validate(); err != nil {
		return c, err
	}
	if c.Unit < 0 {
		return c, fmt.Errorf("pipeline: unit %v: %w", c.Unit, satmetrics.ErrRange)
	}
	if c.Unit == 0 {
		c.Unit = 24 * time.Hour
	}
	return c, nil
}

func init() {
	for _, t := range []any{Response{}, Subscription{}, Reject{}, Score{}, Survival{}, Reliability{}} {
		beam.RegisterType(reflect.TypeOf(t))
	}
	// Elements cross workers as JSON: deterministic and version-tolerant,
	// and every type here encodes (the library returns no NaN).
	beam.RegisterCoder(reflect.TypeOf(Response{}), encodeResponse, decodeResponse)
	beam.RegisterCoder(reflect.TypeOf(Subscription{}), encodeSubscription, decodeSubscription)
	beam.RegisterCoder(reflect.TypeOf(Reject{}), encodeReject, decodeReject)
	beam.RegisterCoder(reflect.TypeOf(Score{}), encodeScore, decodeScore)
	beam.RegisterCoder(reflect.TypeOf(Survival{}), encodeSurvival, decodeSurvival)
	beam.RegisterCoder(reflect.TypeOf(Reliability{}), encodeReliability, decodeReliability)

	beam.RegisterType(reflect.TypeOf((*parseSurveyFn)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*splitFn)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*rowsFn)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*parseSubscriptionFn)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*lifetimeFn)(nil)).Elem())
	beam.RegisterFunction(unshard)
	beam.RegisterFunction(keyScore)
	beam.RegisterFunction(keySurvival)
	beam.RegisterFunction(keyReliability)
	beam.RegisterFunction(toJSON)
}

func encodeResponse(v Response) ([]byte, error) { return json.Marshal(v) }
func decodeResponse(b []byte) (v Response, err error) {
	return v, json.Unmarshal(b, &v)
}
func encodeSubscription(v Subscription) ([]byte, error) { return json.Marshal(v) }
func decodeSubscription(b []byte) (v Subscription, err error) {
	return v, json.Unmarshal(b, &v)
}
func encodeReject(v Reject) ([]byte, error) { return json.Marshal(v) }
func decodeReject(b []byte) (v Reject, err error) {
	return v, json.Unmarshal(b, &v)
}
func encodeScore(v Score) ([]byte, error) { return json.Marshal(v) }
func decodeScore(b []byte) (v Score, err error) {
	return v, json.Unmarshal(b, &v)
}
func encodeSurvival(v Survival) ([]byte, error) { return json.Marshal(v) }
func decodeSurvival(b []byte) (v Survival, err error) {
	return v, json.Unmarshal(b, &v)
}
func encodeReliability(v Reliability) ([]byte, error) { return json.Marshal(v) }
func decodeReliability(b []byte) (v Reliability, err error) {
	return v, json.Unmarshal(b, &v)
}

var (
	rejectedLines = beam.NewCounter("satmetrics", "rejected_lines")
	afterAsOf     = beam.NewCounter("satmetrics", "customers_after_asof")
)

// ParseSurvey parses the lines of a survey export (see ParseSurveyLine; the
// header line and blank lines are skipped) into Responses stamped with their
// answer time as event time, and Rejects for the lines that do not parse.
func ParseSurvey(s beam.Scope, cfg Config, lines beam.PCollection) (responses, rejects beam.PCollection, err error) {
	if cfg, err = cfg.withDefaults(); err != nil {
		return responses, rejects, err
	}
	s = s.Scope("ParseSurvey")
	responses, rejects = beam.ParDo2(s, &parseSurveyFn{CSAT: cfg.CSAT, CES: cfg.CES, Instrument: cfg.Instrument}, lines)
	return responses, rejects, nil
}

type parseSurveyFn struct {
	CSAT       csat.Scale
	CES        ces.Scale
	Instrument likert.Instrument
}

func (f *parseSurveyFn) ProcessElement(ctx context.Context, line string, emit func(beam.EventTime, Response), reject func(Reject)) {
	if strings.TrimSpace(line) == "" || IsSurveyHeader(line, f.Instrument) {
		return
	}
	r, err := ParseSurveyLine(line, f.CSAT, f.CES, f.Instrument)
	if err == nil && r.Channel == All {
		err = fmt.Errorf("channel: %q is the key of the totals: %w", All, satmetrics.ErrRange)
	}
	if err != nil {
		rejectedLines.Inc(ctx, 1)
		reject(Reject{Source: "survey", Input: line, Reason: err.Error()})
		return
	}
	emit(mtime.FromTime(r.Time), r)
}

// Scores computes NPS, CSAT and CES per channel and for All, in the fixed
// windows of cfg.Window (or over everything), from the responses of
// ParseSurvey. The result is a PCollection of Score in the global window,
// each carrying its own window.
func Scores(s beam.Scope, cfg Config, responses beam.PCollection) (beam.PCollection, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return beam.PCollection{}, err
	}
	s = s.Scope("Scores")
	outs := beam.ParDoN(s, &splitFn{Fanout: cfg.Fanout}, responses)
	npsIn, csatIn, cesIn := outs[0], outs[1], outs[2]
	if cfg.Window > 0 {
		w := window.NewFixedWindows(cfg.Window)
		npsIn = beam.WindowInto(s, w, npsIn)
		csatIn = beam.WindowInto(s, w, csatIn)
		cesIn = beam.WindowInto(s, w, cesIn)
	}
	l := cfg.Level
	scores := beam.Flatten(s,
		combinePerKey(s.Scope("NPS"), cfg.Fanout, npsCombine{npsFinal{l}}, npsPartial{}, npsFinal{l}, npsIn),
		combinePerKey(s.Scope("CSAT"), cfg.Fanout, csatCombine{csatFinal{l}, cfg.CSAT}, csatPartial{cfg.CSAT}, csatFinal{l}, csatIn),
		combinePerKey(s.Scope("CES"), cfg.Fanout, cesCombine{cesFinal{l}, cfg.CES}, cesPartial{cfg.CES}, cesFinal{l}, cesIn),
	)
	scores = beam.ParDo(s, keyScore, scores)
	if cfg.Window > 0 {
		scores = beam.WindowInto(s, window.NewGlobalWindows(), scores)
	}
	return scores, nil
}

// Reliabilities computes the reliability analysis of the instrument per
// channel and for All, over every response (whatever cfg.Window), from the
// responses of ParseSurvey. The result is a PCollection of Reliability.
func Reliabilities(s beam.Scope, cfg Config, responses beam.PCollection) (beam.PCollection, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return beam.PCollection{}, err
	}
	s = s.Scope("Reliability")
	rows := beam.ParDo(s, &rowsFn{Fanout: cfg.Fanout}, responses)
	l := cfg.Level
	out := combinePerKey(s, cfg.Fanout,
		reliabilityCombine{reliabilityFinal{l}, cfg.Instrument}, reliabilityPartial{cfg.Instrument}, reliabilityFinal{l}, rows)
	return beam.ParDo(s, keyReliability, out), nil
}

// splitFn sends a response's answers to the three scores, each keyed by the
// channel and by All (with a shard suffix when fanning out).
type splitFn struct {
	Fanout int
}

func (f *splitFn) ProcessElement(r Response, npsOut func(string, nps.Score), csatOut func(string, csat.Rating), cesOut func(string, ces.Rating)) {
	for _, k := range [...]string{r.Channel, All} {
		k = shardKey(k, r.ID, f.Fanout)
		if r.HasNPS {
			npsOut(k, r.NPS)
		}
		if r.CSAT != 0 {
			csatOut(k, r.CSAT)
		}
		if r.CES != 0 {
			cesOut(k, r.CES)
		}
	}
}

// rowsFn keys a response's row of item codes by the channel and by All.
type rowsFn struct {
	Fanout int
}

func (f *rowsFn) ProcessElement(r Response, rows func(string, []int)) {
	for _, k := range [...]string{r.Channel, All} {
		rows(shardKey(k, r.ID, f.Fanout), r.Items)
	}
}

// shardSep separates a key from its shard; keys (channels, plans) are CSV
// fields and never hold it.
const shardSep = "\x1f"

// shardKey returns key itself, or with fanout > 1 key followed by the shard
// of id: one of fanout, chosen by a hash so that a rerun shards alike.
func shardKey(key, id string, fanout int) string {
	if fanout <= 1 {
		return key
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	return key + shardSep + strconv.Itoa(int(h.Sum32()%uint32(fanout)))
}

// unshard strips the shard from a key.
func unshard(key string, v beam.V) (string, beam.V) {
	if i := strings.LastIndex(key, shardSep); i >= 0 {
		key = key[:i]
	}
	return key, v
}

// combinePerKey combines col per key with whole or, when fanning out, per
// sharded key with partial and then per key with final over the shards'
// accumulators.
func combinePerKey(s beam.Scope, fanout int, whole, partial, final any, col beam.PCollection) beam.PCollection {
	if fanout <= 1 {
		return beam.CombinePerKey(s, whole, col)
	}
	shards := beam.CombinePerKey(s.Scope("Shards"), partial, col)
	return beam.CombinePerKey(s.Scope("MergeShards"), final, beam.ParDo(s, unshard, shards))
}

func keyScore(w beam.Window, key string, sc Score) Score {
	sc.Key = key
	if iw, ok := w.(window.IntervalWindow); ok {
		sc.Window = &Window{Start: iw.Start.ToTime(), End: iw.End.ToTime()}
	}
	return sc
}

func keySurvival(key string, sv Survival) Survival { sv.Key = key; return sv }

func keyReliability(key string, r Reliability) Reliability { r.Key = key; return r }

// ParseSubscriptions parses the lines of a subscription export (see
// ParseSubscriptionLine; the header and blank lines are skipped) into
// Subscriptions keyed by customer, and Rejects.
func ParseSubscriptions(s beam.Scope, lines beam.PCollection) (events, rejects beam.PCollection) {
	s = s.Scope("ParseSubscriptions")
	return beam.ParDo2(s, &parseSubscriptionFn{}, lines)
}

type parseSubscriptionFn struct{}

func (f *parseSubscriptionFn) ProcessElement(ctx context.Context, line string, emit func(string, Subscription), reject func(Reject)) {
	if strings.TrimSpace(line) == "" || IsSubscriptionHeader(line) {
		return
	}
	sub, err := ParseSubscriptionLine(line)
	if err == nil && sub.Plan == All {
		err = fmt.Errorf("plan: %q is the key of the totals: %w", All, satmetrics.ErrRange)
	}
	if err != nil {
		rejectedLines.Inc(ctx, 1)
		reject(Reject{Source: "subscriptions", Input: line, Reason: err.Error()})
		return
	}
	emit(sub.Event.Customer, sub)
}

// Survivals computes the Kaplan-Meier curve of customer lifetimes per plan
// (of the customer's first start) and for All, from the events of
// ParseSubscriptions. Each customer's lifetime is the library's
// (churn.Ledger.Subjects of the customer's events); a customer whose history
// is impossible (a cancel without a start, say) is rejected. The results
// are a PCollection of Survival and one of Reject.
func Survivals(s beam.Scope, cfg Config, events beam.PCollection) (survival, rejects beam.PCollection, err error) {
	if cfg, err = cfg.withDefaults(); err != nil {
		return survival, rejects, err
	}
	if cfg.AsOf.IsZero() {
		return survival, rejects, fmt.Errorf("pipeline: survival needs the date the data end (Config.AsOf): %w", satmetrics.ErrRange)
	}
	s = s.Scope("Survival")
	subjects, rejects := beam.ParDo2(s, &lifetimeFn{AsOf: cfg.AsOf, Unit: cfg.Unit, Fanout: cfg.Fanout}, beam.GroupByKey(s, events))
	l := cfg.Level
	out := combinePerKey(s, cfg.Fanout, survivalCombine{survivalFinal{l}}, survivalPartial{}, survivalFinal{l}, subjects)
	return beam.ParDo(s, keySurvival, out), rejects, nil
}

// lifetimeFn turns the events of one customer into their survival Subject,
// keyed by the plan of their first start and by All.
type lifetimeFn struct {
	AsOf   time.Time
	Unit   time.Duration
	Fanout int
}

func (f *lifetimeFn) ProcessElement(ctx context.Context, customer string, events func(*Subscription) bool, emit func(string, churn.Subject), reject func(Reject)) {
	subject, plan, ok, err := Lifetime(collect(events), f.AsOf, f.Unit)
	if err != nil {
		reject(Reject{Source: "subscriptions", Input: "customer " + customer, Reason: err.Error()})
		return
	}
	if !ok {
		afterAsOf.Inc(ctx, 1)
		return
	}
	for _, k := range [...]string{plan, All} {
		emit(shardKey(k, customer, f.Fanout), subject)
	}
}

func collect(events func(*Subscription) bool) []Subscription {
	var all []Subscription
	var e Subscription
	for events(&e) {
		all = append(all, e)
	}
	return all
}

// Lifetime returns the survival Subject of one customer from their events
// (in any order), with durations in unit and censoring at asOf, as
// churn.Ledger.Subjects computes it, and the plan of their first start.
// It reports false for a customer whose first start is after asOf, and
// returns the Ledger's error for an impossible history.
func Lifetime(events []Subscription, asOf time.Time, unit time.Duration) (s churn.Subject, plan string, ok bool, err error) {
	var l churn.Ledger
	var first time.Time
	for _, e := range events {
		if err := l.Add(e.Event); err != nil {
			return s, "", false, err
		}
		if e.Event.Kind == churn.Start && (first.IsZero() || e.Event.Time.Before(first) || e.Event.Time.Equal(first) && e.Plan < plan) {
			first, plan = e.Event.Time, e.Plan
		}
	}
	subjects, _, err := l.Subjects(unit, asOf)
	if err != nil {
		return s, "", false, err
	}
	if len(subjects) != 1 {
		return s, "", false, nil
	}
	return subjects[0], plan, true, nil
}

// toJSON encodes one result.
func toJSON(x beam.T) (string, error) {
	b, err := json.Marshal(x)
	return string(b), err
}

// Inputs names the files a Build reads and the folder it writes to; either
// input may be empty to skip its analyses. Paths may be globs and, on a
// distributed runner, URLs of its file system (gs://bucket/survey*.csv).
type Inputs struct {
	Survey        string // survey export (SurveyHeader and the items)
	Subscriptions string // subscription export (SubscriptionHeader)
	Out           string // folder of the outputs
}

// The files a Build writes into Inputs.Out, one JSON object per line. A file
// with nothing to write (no rejects, say) is not written.
const (
	ScoresFile      = "scores.jsonl"      // Score
	ReliabilityFile = "reliability.jsonl" // Reliability
	SurvivalFile    = "survival.jsonl"    // Survival
	RejectsFile     = "rejects.jsonl"     // Reject
)

// Build adds to s the whole pipeline: read the inputs, compute the scores,
// reliabilities and survival curves, and write them (see ScoresFile and the other names).
func Build(s beam.Scope, cfg Config, in Inputs) error {
	if in.Survey == "" && in.Subscriptions == "" {
		return fmt.Errorf("pipeline: no input: %w", satmetrics.ErrNoData)
	}
	out := strings.TrimSuffix(in.Out, "/") + "/"
	var rejects []beam.PCollection
	if in.Survey != "" {
		responses, bad, err := ParseSurvey(s, cfg, textio.Read(s, in.Survey))
		if err != nil {
			return err
		}
		rejects = append(rejects, bad)
		scores, err := Scores(s, cfg, responses)
		if err != nil {
			return err
		}
		rel, err := Reliabilities(s, cfg, responses)
		if err != nil {
			return err
		}
		textio.Write(s, out+ScoresFile, beam.ParDo(s, toJSON, scores))
		textio.Write(s, out+ReliabilityFile, beam.ParDo(s, toJSON, rel))
	}
	if in.Subscriptions != "" {
		events, bad := ParseSubscriptions(s, textio.Read(s, in.Subscriptions))
		survival, impossible, err := Survivals(s, cfg, events)
		if err != nil {
			return err
		}
		rejects = append(rejects, bad, impossible)
		textio.Write(s, out+SurvivalFile, beam.ParDo(s, toJSON, survival))
	}
	textio.Write(s, out+RejectsFile, beam.ParDo(s, toJSON, beam.Flatten(s, rejects...)))
	return nil
}
