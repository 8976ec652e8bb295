package pipeline

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/churn"
	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/likert"
	"github.com/satmetrics/satmetrics/nps"
)

// This file holds what the pipeline's results are checked against: the
// library run on the same data in one process, with plain loops and maps
// and no Beam, and a seeded generator of data.

// results are the outputs of a run, sorted.
type results struct {
	Scores      []Score
	Reliability []Reliability
	Survival    []Survival
	Rejects     []Reject
}

func (r *results) sort() {
	sort.Slice(r.Scores, func(i, j int) bool {
		a, b := r.Scores[i], r.Scores[j]
		if a.Metric != b.Metric {
			return a.Metric < b.Metric
		}
		if a.Key != b.Key {
			return a.Key < b.Key
		}
		if a.Window == nil || b.Window == nil {
			return b.Window != nil && a.Window == nil
		}
		return a.Window.Start.Before(b.Window.Start)
	})
	sort.Slice(r.Reliability, func(i, j int) bool { return r.Reliability[i].Key < r.Reliability[j].Key })
	sort.Slice(r.Survival, func(i, j int) bool { return r.Survival[i].Key < r.Survival[j].Key })
	sort.Slice(r.Rejects, func(i, j int) bool {
		a, b := r.Rejects[i], r.Rejects[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Input < b.Input
	})
}

// scoreKey identifies a score's group in the reference: a key and the start
// of its window (0 without windows).
type scoreKey struct {
	key   string
	start int64 // Unix milliseconds
}

type tallies struct {
	nps  nps.Tally
	csat csat.Tally
	ces  ces.Tally
}

// reference computes in one process what Build writes, from the lines of
// the two exports.
func reference(t *testing.T, cfg Config, survey, subscriptions []string) results {
	t.Helper()
	cfg, err := cfg.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	var out results
	groups := make(map[scoreKey]*tallies)
	instruments := make(map[string]*likert.InstrumentTally)
	for _, line := range survey {
		if strings.TrimSpace(line) == "" || IsSurveyHeader(line, cfg.Instrument) {
			continue
		}
		r, err := ParseSurveyLine(line, cfg.CSAT, cfg.CES, cfg.Instrument)
		if err == nil && r.Channel == All {
			err = fmt.Errorf("channel: %q is the key of the totals: %w", All, satmetrics.ErrRange)
		}
		if err != nil {
			out.Rejects = append(out.Rejects, Reject{Source: "survey", Input: line, Reason: err.Error()})
			continue
		}
		// The window, computed here from its definition: the multiple of
		// the window's size at or before the time, counted from the epoch.
		var start int64
		if size := cfg.Window.Milliseconds(); size > 0 {
			ms := r.Time.UnixMilli()
			start = ms - ((ms%size)+size)%size
		}
		for _, k := range []string{r.Channel, All} {
			g := groups[scoreKey{k, start}]
			if g == nil {
				g = new(tallies)
				if g.csat, err = csat.NewTally(cfg.CSAT); err != nil {
					t.Fatal(err)
				}
				if g.ces, err = ces.NewTally(cfg.CES); err != nil {
					t.Fatal(err)
				}
				groups[scoreKey{k, start}] = g
			}
			if r.HasNPS {
				mustDo(t, g.nps.Add(r.NPS))
			}
			if r.CSAT != 0 {
				mustDo(t, g.csat.Add(r.CSAT))
			}
			if r.CES != 0 {
				mustDo(t, g.ces.Add(r.CES))
			}
			in := instruments[k]
			if in == nil {
				if in, err = likert.NewInstrumentTally(cfg.Instrument); err != nil {
					t.Fatal(err)
				}
				instruments[k] = in
			}
			mustDo(t, in.Add(r.Items))
		}
	}
	for k, g := range groups {
		var w *Window
		if cfg.Window > 0 {
			w = &Window{Start: time.UnixMilli(k.start).UTC(), End: time.UnixMilli(k.start).Add(cfg.Window).UTC()}
		}
		if g.nps.N() > 0 {
			s := Score{Metric: "nps", Key: k.key, Window: w, N: g.nps.N()}
			for p := nps.Score(0); p <= nps.MaxScore; p++ {
				s.Counts = append(s.Counts, g.nps.Count(p))
			}
			e, err := g.nps.NPS(cfg.Level)
			put(&s, "nps", e, err)
			out.Scores = append(out.Scores, s)
		}
		if g.csat.N() > 0 {
			s := Score{Metric: "csat", Key: k.key, Window: w, N: g.csat.N()}
			for p := 1; p <= cfg.CSAT.Points(); p++ {
				s.Counts = append(s.Counts, g.csat.Count(csat.Rating(p)))
			}
			e, err := g.csat.CSAT(cfg.Level)
			put(&s, "csat", e, err)
			e, err = g.csat.Mean(cfg.Level)
			put(&s, "mean", e, err)
			out.Scores = append(out.Scores, s)
		}
		if g.ces.N() > 0 {
			s := Score{Metric: "ces", Key: k.key, Window: w, N: g.ces.N()}
			for p := 1; p <= cfg.CES.Points(); p++ {
				s.Counts = append(s.Counts, g.ces.Count(ces.Rating(p)))
			}
			e, err := g.ces.CES(cfg.Level)
			put(&s, "ces", e, err)
			e, err = g.ces.Easy(cfg.Level)
			put(&s, "easy", e, err)
			out.Scores = append(out.Scores, s)
		}
	}
	for k, in := range instruments {
		r := Reliability{Key: k, N: in.N(), Complete: in.Reliability().Complete()}
		rep, err := in.Reliability().Report(likert.ReliabilityConfig{Level: cfg.Level})
		if err != nil {
			r.Undefined = map[string]string{"report": err.Error()}
		} else {
			r.Report = &rep
		}
		c, err := in.Composite(cfg.Level)
		if err != nil {
			if r.Undefined == nil {
				r.Undefined = map[string]string{}
			}
			r.Undefined["composite"] = err.Error()
		} else {
			r.Composite = &c
		}
		out.Reliability = append(out.Reliability, r)
	}

	byCustomer := make(map[string][]Subscription)
	for _, line := range subscriptions {
		if strings.TrimSpace(line) == "" || IsSubscriptionHeader(line) {
			continue
		}
		sub, err := ParseSubscriptionLine(line)
		if err == nil && sub.Plan == All {
			err = fmt.Errorf("plan: %q is the key of the totals: %w", All, satmetrics.ErrRange)
		}
		if err != nil {
			out.Rejects = append(out.Rejects, Reject{Source: "subscriptions", Input: line, Reason: err.Error()})
			continue
		}
		byCustomer[sub.Event.Customer] = append(byCustomer[sub.Event.Customer], sub)
	}
	tables := make(map[string]*churn.EventTable)
	for c, events := range byCustomer {
		s, plan, ok, err := Lifetime(events, cfg.AsOf, cfg.Unit)
		if err != nil {
			out.Rejects = append(out.Rejects, Reject{Source: "subscriptions", Input: "customer " + c, Reason: err.Error()})
			continue
		}
		if !ok {
			continue
		}
		for _, k := range []string{plan, All} {
			if tables[k] == nil {
				tables[k] = new(churn.EventTable)
			}
			mustDo(t, tables[k].AddSubject(s))
		}
	}
	for k, tab := range tables {
		sv := Survival{Key: k, Subjects: tab.Subjects(), Events: tab.Events()}
		c, err := churn.KaplanMeier(tab, churn.CurveConfig{Level: cfg.Level})
		if err != nil {
			sv.Undefined = map[string]string{"curve": err.Error()}
		} else {
			sv.Curve = c
			if m, err := c.Median(); err != nil {
				sv.Undefined = map[string]string{"median": err.Error()}
			} else {
				sv.Median = &m
			}
		}
		out.Survival = append(out.Survival, sv)
	}
	out.sort()
	return out
}

func put(s *Score, name string, e satmetrics.Estimate, err error) {
	if err != nil {
		if s.Undefined == nil {
			s.Undefined = map[string]string{}
		}
		s.Undefined[name] = err.Error()
		return
	}
	if s.Estimates == nil {
		s.Estimates = map[string]satmetrics.Estimate{}
	}
	s.Estimates[name] = e
}

// mustDo fails t, or panics if t is nil, on an error.
func mustDo(t testing.TB, err error) {
	if err == nil {
		return
	}
	if t == nil {
		panic(err)
	}
	t.Helper()
	t.Fatal(err)
}

// tolerance is the relative tolerance of the estimates: the tallied
// metrics and the survival curves come out bit for bit, since their state is
// exact counts, but the reliability's co-moments are merged with Chan's
// update in an order the runner chooses, which rounds differently from
// adding the rows one by one.
const tolerance = 1e-12

// compare returns a diff of want and got (empty if they agree: integers and
// strings exactly, floats to the tolerance) and the largest relative
// difference between two floats that it saw.
func compare(want, got results) (diff string, worst float64) {
	return cmp.Diff(want, got, approx(&worst)), worst
}

// approx is a cmp option that compares floats to the tolerance, relative to
// the larger magnitude (absolute below 1), and keeps in *worst the largest
// difference seen.
func approx(worst *float64) cmp.Option {
	return cmp.Comparer(func(a, b float64) bool {
		if a == b {
			return true
		}
		d := math.Abs(a-b) / math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
		*worst = math.Max(*worst, d)
		return d <= tolerance
	})
}

// readResults reads the JSON lines that Build wrote into dir.
func readResults(t *testing.T, dir string) results {
	t.Helper()
	var r results
	read := func(name string, add func([]byte) error) {
		f, err := os.Open(filepath.Join(dir, name))
		if os.IsNotExist(err) {
			return // nothing to write: see ScoresFile
		}
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			if err := add(sc.Bytes()); err != nil {
				t.Fatalf("%s: %v in %s", name, err, sc.Text())
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	read(ScoresFile, func(b []byte) error { v, err := decodeScore(b); r.Scores = append(r.Scores, v); return err })
	read(ReliabilityFile, func(b []byte) error {
		v, err := decodeReliability(b)
		r.Reliability = append(r.Reliability, v)
		return err
	})
	read(SurvivalFile, func(b []byte) error { v, err := decodeSurvival(b); r.Survival = append(r.Survival, v); return err })
	read(RejectsFile, func(b []byte) error { v, err := decodeReject(b); r.Rejects = append(r.Rejects, v); return err })
	r.sort()
	return r
}

// Generated data.

var (
	genZone  = time.FixedZone("CET", 3600)
	genStart = time.Date(2025, 12, 1, 0, 0, 0, 0, genZone)
	genAsOf  = time.Date(2026, 6, 1, 0, 0, 0, 0, genZone)
	channels = []string{"email", "chat", "phone", "web"}
	plans    = []string{"basic", "pro", "enterprise"}
)

// genSurvey returns the lines of a survey export of n answers over six
// months, from the seed, with a header, answers left blank at random, a
// channel with very few answers (so that some windows have too few for a
// mean), and a few bad lines.
func genSurvey(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 1))
	lines := []string{"id,time,channel,plan,customer,nps,csat,ces,q1,q2,q3,q4,q5"}
	span := genAsOf.Sub(genStart)
	cell := func(v int, pBlank float64) string {
		if r.Float64() < pBlank {
			return ""
		}
		return strconv.Itoa(v)
	}
	clamp := func(x float64, lo, hi int) int {
		return max(lo, min(hi, int(math.Round(x))))
	}
	for i := 1; i <= n; i++ {
		ch := channels[r.IntN(len(channels))]
		if r.IntN(200) == 0 {
			ch = "fax"
		}
		at := genStart.Add(time.Duration(r.Int64N(int64(span)))).Truncate(time.Second)
		s := r.NormFloat64()
		if ch == "chat" {
			s -= 0.5
		}
		row := []string{
			strconv.Itoa(i), at.Format(time.RFC3339), ch, plans[r.IntN(len(plans))], fmt.Sprintf("C%04d", r.IntN(900)),
			cell(clamp(7.3+1.7*s+0.8*r.NormFloat64(), 0, 10), 0.02),
			cell(clamp(3.9+0.8*s+0.5*r.NormFloat64(), 1, 5), 0.03),
			cell(clamp(5.3+1.0*s+0.7*r.NormFloat64(), 1, 7), 0.05),
		}
		for k := 0; k < 5; k++ {
			v := clamp(3.5+0.75*s+0.6*r.NormFloat64(), 1, 5)
			if k == 4 {
				v = 6 - v
			}
			row = append(row, cell(v, 0.04))
		}
		lines = append(lines, strings.Join(row, ","))
	}
	return append(lines,
		"",
		"bad1,2026-01-05T10:00:00+01:00,email,pro,C0001,11,4,5,4,4,4,4,2",   // NPS off the scale
		"bad2,2026-01-05 10:00,email,pro,C0001,9,4,5,4,4,4,4,2",             // not RFC 3339
		"bad3,2026-01-05T10:00:00+01:00,email,pro,C0001,9,4,5,4,4,4,4",      // a column short
		"bad4,2026-01-05T10:00:00+01:00,all,pro,C0001,9,4,5,4,4,4,4,2",      // the totals' key
		"bad5,2026-01-05T10:00:00+01:00,web,pro,C0001,9,6,5,4,4,4,4,2",      // CSAT off Five
		"bad6,2026-01-05T10:00:00+01:00,web,pro,C0001,9,4,5,4,4,maybe,4,2",  // an item that does not parse
		"bad7,2026-01-05T10:00:00+01:00,web,pro,C0001,9,4,\"5,4,4,4,4,4,2",  // an open quote
		"bad8,2026-01-05T10:00:00+01:00,,pro,C0001,9,4,5,4,4,4,4,2",         // no channel
		"bad9,2026-01-05T10:00:00+01:00,chat,pro,C0001,9,4,8,4,4,4,4,2",     // CES off Agree7
		",2026-01-05T10:00:00+01:00,chat,pro,C0001,9,4,5,4,4,4,4,2",         // no id
		"bad10,2026-01-05T10:00:00+01:00,chat,pro,C0001,nine,4,5,4,4,4,4,2", // NPS not a number
	)
}

// genSubscriptions returns the lines of a subscription export of n
// customers who start between a year before genAsOf and a month after it,
// from the seed: some cancel, some change plan first, a few lines are bad,
// and one customer's history is impossible.
func genSubscriptions(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 2))
	lines := []string{"customer,time,kind,plan,mrr"}
	mrr := map[string]string{"basic": "29", "pro": "99", "enterprise": "499"}
	first := genAsOf.AddDate(-1, 0, 0)
	span := genAsOf.AddDate(0, 1, 0).Sub(first)
	for i := 1; i <= n; i++ {
		c := fmt.Sprintf("S%05d", i)
		plan := plans[r.IntN(len(plans))]
		at := first.Add(time.Duration(r.Int64N(int64(span)))).Truncate(time.Second)
		lines = append(lines, strings.Join([]string{c, at.Format(time.RFC3339), "start", plan, mrr[plan]}, ","))
		monthly := 0.02 + 0.1*r.Float64()
		for m := 1; m <= 14; m++ {
			renewal := at.AddDate(0, m, 0).Add(-time.Duration(r.IntN(72)) * time.Hour)
			if r.Float64() < monthly {
				lines = append(lines, strings.Join([]string{c, renewal.Format(time.RFC3339), "cancel", plan, "0"}, ","))
				break
			}
			if r.Float64() < 0.03 {
				plan = plans[r.IntN(len(plans))]
				lines = append(lines, strings.Join([]string{c, renewal.Format(time.RFC3339), "change", plan, mrr[plan]}, ","))
			}
		}
	}
	// Shuffle the events: the pipeline must not depend on their order.
	body := lines[1:]
	r.Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
	return append(lines,
		"X00001,2026-01-05T10:00:00+01:00,cancel,basic,0",   // a cancel without a start: impossible
		"X00002,2026-01-05T10:00:00+01:00,pause,basic,0",    // an unknown kind
		"X00003,2026-01-05T10:00:00+01:00,start,basic,-29",  // a negative MRR
		"X00004,2026-01-05T10:00:00+01:00,start,basic,lots", // not a number
		"X00005,2026-01-05T10:00:00+01:00,start,all,29",     // the totals' key
		"X00006,yesterday,start,basic,29",                   // not RFC 3339
	)
}

// writeLines writes lines to a file in dir and returns its path.
func writeLines(t testing.TB, dir, name string, lines []string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// readLines reads the lines of a file.
func readLines(t testing.TB, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}
