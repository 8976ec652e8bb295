package pipeline

import (
	"bytes"
	"context"
	"encoding/binary"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/google/go-cmp/cmp"

	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/churn"
	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/likert"
	"github.com/satmetrics/satmetrics/nps"
)

// combineFn is the protocol of a Beam combine function, as a runner drives it.
type combineFn[A, I, O any] struct {
	create  func() (A, error)
	add     func(A, I) (A, error)
	merge   func(context.Context, A, A) (A, error)
	extract func(A) O
}

// distribute does what a distributed runner does with a combine function:
// it deals the inputs into bundles of random sizes (some empty), builds an
// accumulator per bundle, sends each through the Beam coder registered for
// its type (encode, then decode on the "other worker"), merges them pairwise
// in a random order and extracts the output.
func distribute[A, I, O any](t *testing.T, r *rand.Rand, fn combineFn[A, I, O], inputs []I, bundles int) O {
	t.Helper()
	cuts := make([]int, bundles-1)
	for i := range cuts {
		cuts[i] = r.IntN(len(inputs) + 1)
	}
	cuts = append(cuts, 0, len(inputs))
	sortInts(cuts)
	var typ reflect.Type
	var accs []A
	for b := 0; b+1 < len(cuts); b++ {
		acc, err := fn.create()
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range inputs[cuts[b]:cuts[b+1]] {
			if acc, err = fn.add(acc, in); err != nil {
				t.Fatal(err)
			}
		}
		typ = reflect.TypeOf(acc)
		var buf bytes.Buffer
		if err := beam.NewElementEncoder(typ).Encode(acc, &buf); err != nil {
			t.Fatal(err)
		}
		dec, err := beam.NewElementDecoder(typ).Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		accs = append(accs, dec.(A))
	}
	for len(accs) > 1 {
		i, j := r.IntN(len(accs)), r.IntN(len(accs)-1)
		if j >= i {
			j++
		}
		m, err := fn.merge(context.Background(), accs[i], accs[j])
		if err != nil {
			t.Fatal(err)
		}
		accs[i] = m
		accs[j] = accs[len(accs)-1]
		accs = accs[:len(accs)-1]
	}
	return fn.extract(accs[0])
}

func sortInts(xs []int) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// TestCombineBundles checks that each combine function gives the
// single-process result for the key All however the data are split into
// bundles and whatever the order of the merges, with the accumulators
// encoded by their Beam coders in between.
func TestCombineBundles(t *testing.T) {
	cfg, err := Config{Level: 0.9, AsOf: genAsOf}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	survey, subs := genSurvey(5, 2000), genSubscriptions(5, 500)
	want := reference(t, cfg, survey, subs)
	var (
		npsIn              []nps.Score
		csatIn             []csat.Rating
		cesIn              []ces.Rating
		rows               [][]int
		byCustomer         = map[string][]Subscription{}
		wantScores         = map[string]Score{}
		wantRel            Reliability
		wantSurv           Survival
		lineOK, lineFailed int
	)
	for _, line := range survey[1:] {
		if line == "" {
			continue
		}
		resp, err := ParseSurveyLine(line, cfg.CSAT, cfg.CES, cfg.Instrument)
		if err != nil || resp.Channel == All {
			lineFailed++
			continue
		}
		lineOK++
		if resp.HasNPS {
			npsIn = append(npsIn, resp.NPS)
		}
		if resp.CSAT != 0 {
			csatIn = append(csatIn, resp.CSAT)
		}
		if resp.CES != 0 {
			cesIn = append(cesIn, resp.CES)
		}
		rows = append(rows, resp.Items)
	}
	var subjects []churn.Subject
	for _, line := range subs[1:] {
		if sub, err := ParseSubscriptionLine(line); err == nil && sub.Plan != All {
			byCustomer[sub.Event.Customer] = append(byCustomer[sub.Event.Customer], sub)
		}
	}
	for _, events := range byCustomer {
		if s, _, ok, err := Lifetime(events, cfg.AsOf, cfg.Unit); err == nil && ok {
			subjects = append(subjects, s)
		}
	}
	for _, s := range want.Scores {
		if s.Key == All {
			wantScores[s.Metric] = s
		}
	}
	for _, r := range want.Reliability {
		if r.Key == All {
			wantRel = r
		}
	}
	for _, s := range want.Survival {
		if s.Key == All {
			wantSurv = s
		}
	}

	r := rand.New(rand.NewPCG(5, 5))
	l := cfg.Level
	for _, bundles := range []int{1, 2, 7, 64} {
		nf := npsCombine{npsFinal{l}}
		got := distribute(t, r, combineFn[*nps.Tally, nps.Score, Score]{
			func() (*nps.Tally, error) { return nf.CreateAccumulator(), nil }, nf.AddInput, nf.MergeAccumulators, nf.ExtractOutput,
		}, npsIn, bundles)
		checkOne(t, "nps", bundles, wantScores["nps"], keyed(got))

		cf := csatCombine{csatFinal{l}, cfg.CSAT}
		got = distribute(t, r, combineFn[*csat.Tally, csat.Rating, Score]{
			cf.CreateAccumulator, cf.AddInput, cf.MergeAccumulators, cf.ExtractOutput,
		}, csatIn, bundles)
		checkOne(t, "csat", bundles, wantScores["csat"], keyed(got))

		ef := cesCombine{cesFinal{l}, cfg.CES}
		got = distribute(t, r, combineFn[*ces.Tally, ces.Rating, Score]{
			ef.CreateAccumulator, ef.AddInput, ef.MergeAccumulators, ef.ExtractOutput,
		}, cesIn, bundles)
		checkOne(t, "ces", bundles, wantScores["ces"], keyed(got))

		rf := reliabilityCombine{reliabilityFinal{l}, cfg.Instrument}
		rel := distribute(t, r, combineFn[*likert.InstrumentTally, []int, Reliability]{
			rf.CreateAccumulator, rf.AddInput, rf.MergeAccumulators, rf.ExtractOutput,
		}, rows, bundles)
		rel.Key = All
		checkOne(t, "reliability", bundles, wantRel, rel)

		sf := survivalCombine{survivalFinal{l}}
		surv := distribute(t, r, combineFn[*churn.EventTable, churn.Subject, Survival]{
			func() (*churn.EventTable, error) { return sf.CreateAccumulator(), nil }, sf.AddInput,
			func(ctx context.Context, a, b *churn.EventTable) (*churn.EventTable, error) {
				return sf.MergeAccumulators(ctx, a, b), nil
			}, sf.ExtractOutput,
		}, subjects, bundles)
		surv.Key = All
		checkOne(t, "survival", bundles, wantSurv, surv)
	}
	if lineOK != 2000 || lineFailed != 11 {
		t.Errorf("%d lines parsed, %d failed; want 2000 and 11", lineOK, lineFailed)
	}
}

func keyed(s Score) Score { s.Key = All; return s }

// checkOne compares the result of one combine function with the reference:
// exactly, but for the reliability, whose moments merge up to rounding.
func checkOne(t *testing.T, what string, bundles int, want, got any) {
	t.Helper()
	var worst float64
	var opts []cmp.Option
	if what == "reliability" {
		opts = append(opts, approx(&worst))
	}
	if diff := cmp.Diff(want, got, opts...); diff != "" {
		t.Errorf("%s in %d bundles differs from the single-process result (-want +got):\n%s", what, bundles, diff)
	}
	if worst > 0 {
		t.Logf("%s in %d bundles: largest relative difference %.3g", what, bundles, worst)
	}
}

// TestCoders checks that Beam encodes each accumulator with the library's
// binary encoding (behind Beam's length prefix) and decodes it back to an
// equal tally, and that it refuses corrupt bytes.
func TestCoders(t *testing.T) {
	var n nps.Tally
	mustDo(t, n.AddAll([]nps.Score{0, 6, 7, 9, 10, 10}))
	mustDo(t, n.AddWeighted(8, 1.5))
	c, err := csat.NewTally(csat.Five)
	mustDo(t, err)
	mustDo(t, c.AddAll([]csat.Rating{1, 4, 5}))
	e, err := ces.NewTally(ces.Agree7)
	mustDo(t, err)
	mustDo(t, e.AddAll([]ces.Rating{2, 6, 7}))
	tab, err := churn.TableOf([]float64{3, 5, 5, 8}, []bool{true, false, true, true})
	mustDo(t, err)
	in, err := likert.NewInstrumentTally(DefaultInstrument())
	mustDo(t, err)
	mustDo(t, in.Add([]int{4, 4, 5, 3, 2}))
	mustDo(t, in.Add([]int{2, likert.Missing, 1, 2, 5}))

	type marshaler interface{ MarshalBinary() ([]byte, error) }
	for _, tc := range []struct {
		acc   marshaler
		equal func(decoded any) bool
	}{
		{&n, func(d any) bool { return d.(*nps.Tally).Equal(&n) }},
		{&c, func(d any) bool { return d.(*csat.Tally).Equal(&c) }},
		{&e, func(d any) bool { return d.(*ces.Tally).Equal(&e) }},
		{tab, func(d any) bool { return d.(*churn.EventTable).Equal(tab) }},
		{in, func(d any) bool {
			a, _ := d.(*likert.InstrumentTally).MarshalBinary()
			b, _ := in.MarshalBinary()
			return bytes.Equal(a, b)
		}},
	} {
		typ := reflect.TypeOf(tc.acc)
		want, err := tc.acc.MarshalBinary()
		mustDo(t, err)
		var buf bytes.Buffer
		mustDo(t, beam.NewElementEncoder(typ).Encode(tc.acc, &buf))
		prefix := binary.AppendUvarint(nil, uint64(len(want)))
		if got := buf.Bytes(); !bytes.Equal(got, append(prefix, want...)) {
			t.Errorf("%v: Beam encodes %x, want the length and MarshalBinary's %x", typ, got, want)
		}
		dec, err := beam.NewElementDecoder(typ).Decode(bytes.NewReader(buf.Bytes()))
		if err != nil || !tc.equal(dec) {
			t.Errorf("%v: decoded %v, %v; want the tally back", typ, dec, err)
		}
		corrupt := append(binary.AppendUvarint(nil, 3), 0xff, 0xff, 0xff)
		if _, err := beam.NewElementDecoder(typ).Decode(bytes.NewReader(corrupt)); err == nil {
			t.Errorf("%v: decoding corrupt bytes succeeded", typ)
		}
	}

	// The elements between the stages are JSON.
	r := Response{ID: "7", Time: time.Date(2026, 1, 2, 3, 4, 5, 0, genZone), Channel: "web", NPS: 9, HasNPS: true, Items: []int{1, likert.Missing}}
	for _, v := range []any{r, Subscription{Event: churn.Event{Customer: "S1", Time: r.Time, Kind: churn.Start, Amount: 99}, Plan: "pro"}, Reject{Source: "survey"}, Score{Metric: "nps"}, Survival{Key: "pro"}, Reliability{Key: "web"}} {
		typ := reflect.TypeOf(v)
		var buf bytes.Buffer
		mustDo(t, beam.NewElementEncoder(typ).Encode(v, &buf))
		got, err := beam.NewElementDecoder(typ).Decode(&buf)
		if err != nil || !cmp.Equal(got, v) {
			t.Errorf("%v: round trip gave %+v, %v; want %+v", typ, got, err, v)
		}
	}
}

// Benchmarks: a combine function's AddInput per response, a tally through
// its Beam coder, and the whole pipeline on the direct runner.

func BenchmarkAddInput(b *testing.B) {
	b.Run("nps", func(b *testing.B) {
		f := npsCombine{}
		acc := f.CreateAccumulator()
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, err := f.AddInput(acc, nps.Score(i%11)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("reliability", func(b *testing.B) {
		f := reliabilityCombine{Instrument: DefaultInstrument()}
		acc, err := f.CreateAccumulator()
		if err != nil {
			b.Fatal(err)
		}
		row := []int{4, 3, likert.Missing, 5, 2}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := f.AddInput(acc, row); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkCoder(b *testing.B) {
	tab := new(churn.EventTable)
	for i := range 1000 {
		mustDo(nil, tab.Add(float64(i%97), i%3 == 0))
	}
	var n nps.Tally
	mustDo(nil, n.AddAll([]nps.Score{0, 6, 7, 9, 10, 10}))
	for _, acc := range []any{&n, tab} {
		typ := reflect.TypeOf(acc)
		b.Run(typ.String(), func(b *testing.B) {
			enc, dec := beam.NewElementEncoder(typ), beam.NewElementDecoder(typ)
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := enc.Encode(acc, &buf); err != nil {
					b.Fatal(err)
				}
				if _, err := dec.Decode(&buf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPipeline(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			in := Inputs{
				Survey:        writeLines(b, dir, "survey.csv", genSurvey(1, n)),
				Subscriptions: writeLines(b, dir, "subscriptions.csv", genSubscriptions(1, n/4)),
			}
			cfg := Config{Window: 7 * 24 * time.Hour, AsOf: genAsOf}
			b.ReportAllocs()
			for b.Loop() {
				in.Out = b.TempDir()
				p, s := beam.NewPipelineWithRoot()
				if err := Build(s, cfg, in); err != nil {
					b.Fatal(err)
				}
				if err := ptest.Run(p); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/response")
		})
	}
}
