package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/google/go-cmp/cmp"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/likert"
)

// The tests run the pipeline on Beam's direct runner, the runner the issue
// asks for (ptest's default in Beam v2.77.0 is prism; `go test -runner=prism`
// runs them all on prism instead). The direct runner runs one bundle on one
// worker and never lifts a combine, so that on it MergeAccumulators is
// called only where the pipeline itself merges partial tallies: with
// Config.Fanout. TestPipelineFanout therefore checks the merge counters,
// TestCombineBundles drives the combine functions as a distributed runner
// does (bundles, coders, merges in any order), and TestPipelinePrism runs
// the pipeline on prism, which lifts the combines and encodes the
// accumulators with their coders between stages.
func TestMain(m *testing.M) {
	ptest.MainWithDefault(m, "direct")
}

// run builds the pipeline on the files, runs it on the runner (ptest's
// when empty) and returns what it wrote and the merge counters.
func run(t *testing.T, runner string, cfg Config, in Inputs) (results, map[string]int64) {
	t.Helper()
	in.Out = t.TempDir()
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, cfg, in); err != nil {
		t.Fatal(err)
	}
	var (
		pr  beam.PipelineResult
		err error
	)
	if runner == "" {
		pr, err = ptest.RunWithMetrics(p)
	} else {
		pr, err = beam.Run(context.Background(), runner, p)
	}
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	counters := make(map[string]int64)
	if pr != nil {
		for _, c := range pr.Metrics().AllMetrics().Counters() {
			if c.Namespace() == "satmetrics" {
				counters[c.Name()] += c.Result()
			}
		}
	}
	return readResults(t, in.Out), counters
}

// check compares the results of the pipeline with the reference.
func check(t *testing.T, want, got results) {
	t.Helper()
	if len(want.Scores) == 0 || len(want.Reliability) == 0 || len(want.Survival) == 0 {
		t.Fatalf("the reference is empty: %d scores, %d reliabilities, %d survival curves",
			len(want.Scores), len(want.Reliability), len(want.Survival))
	}
	// Every estimate is defined but the means of windows with one response.
	for _, s := range got.Scores {
		for name, why := range s.Undefined {
			if s.N > 1 || name != "mean" && name != "ces" {
				t.Errorf("%s %s %v: %s undefined with %d responses: %s", s.Metric, s.Key, s.Window, name, s.N, why)
			}
		}
	}
	for _, r := range got.Reliability {
		if r.Undefined != nil || r.Report.Alpha.Value < 0.5 {
			t.Errorf("reliability of %s: %+v, want an alpha of the generated items' size", r.Key, r)
		}
	}
	for _, s := range got.Survival {
		if s.Curve == nil || s.Curve.Level != want.Survival[0].Curve.Level {
			t.Errorf("survival of %s: %+v, want a curve", s.Key, s)
		}
	}
	diff, worst := compare(want, got)
	if diff != "" {
		t.Errorf("pipeline results differ from the single-process results (-want +got):\n%s", diff)
	}
	// The scores and survival curves rest on exact counts, which merge
	// exactly: they come out bit for bit.
	if diff := cmp.Diff(want.Scores, got.Scores); diff != "" {
		t.Errorf("scores not bit for bit equal (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want.Survival, got.Survival); diff != "" {
		t.Errorf("survival not bit for bit equal (-want +got):\n%s", diff)
	}
	t.Logf("%d scores, %d reliabilities, %d survival curves, %d rejects; largest relative difference %.3g",
		len(got.Scores), len(got.Reliability), len(got.Survival), len(got.Rejects), worst)
}

// generated writes a generated data set and returns its inputs and lines.
func generated(t *testing.T, seed uint64) (in Inputs, survey, subs []string) {
	dir := t.TempDir()
	survey = genSurvey(seed, 3000)
	subs = genSubscriptions(seed, 800)
	in = Inputs{
		Survey:        writeLines(t, dir, "survey.csv", survey),
		Subscriptions: writeLines(t, dir, "subscriptions.csv", subs),
	}
	return in, survey, subs
}

func TestPipelineWindows(t *testing.T) {
	in, survey, subs := generated(t, 1)
	cfg := Config{Window: 7 * 24 * time.Hour, AsOf: genAsOf}
	got, _ := run(t, "", cfg, in)
	want := reference(t, cfg, survey, subs)
	check(t, want, got)
	// The data were built to reach the edge cases.
	var windows, undefined int
	for _, s := range got.Scores {
		if s.Window != nil {
			windows++
		}
		undefined += len(s.Undefined)
	}
	if windows != len(got.Scores) || undefined == 0 {
		t.Errorf("%d of %d scores have a window, %d estimates are undefined; want all and some", windows, len(got.Scores), undefined)
	}
	// 11 bad survey lines, 5 bad subscription lines, 1 impossible history.
	if len(got.Rejects) != 17 {
		t.Errorf("%d rejects, want the 17 bad lines and histories: %v", len(got.Rejects), got.Rejects)
	}
	for _, r := range got.Rejects {
		if !strings.HasPrefix(r.Input, "bad") && !strings.HasPrefix(r.Input, ",") && !strings.Contains(r.Input, "X0000") {
			t.Errorf("a good line was rejected: %+v", r)
		}
	}
}

func TestPipelineWhole(t *testing.T) {
	in, survey, subs := generated(t, 2)
	cfg := Config{Level: 0.9, AsOf: genAsOf, Unit: 7 * 24 * time.Hour}
	got, _ := run(t, "", cfg, in)
	check(t, reference(t, cfg, survey, subs), got)
}

// TestPipelineFanout splits every key into many shards, so that the shards'
// tallies are merged by MergeAccumulators (the library's Merge) even on the
// direct runner, and checks that the merges happened.
func TestPipelineFanout(t *testing.T) {
	in, survey, subs := generated(t, 3)
	cfg := Config{Window: 30 * 24 * time.Hour, Fanout: 16, AsOf: genAsOf}
	got, counters := run(t, "", cfg, in)
	check(t, reference(t, cfg, survey, subs), got)
	t.Logf("counters: %v", counters)
	// Every metric has at least four keys (three plans or four channels,
	// and All) with enough elements to fill the 16 shards, each of which
	// takes 15 merges.
	want := int64(4 * (cfg.Fanout - 1))
	for _, m := range []string{"nps_merges", "csat_merges", "ces_merges", "survival_merges", "reliability_merges"} {
		if counters[m] < want {
			t.Errorf("%s = %d, want at least %d merges of shards", m, counters[m], want)
		}
	}
}

// TestPipelineSample runs the pipeline on the sample of the quickstart's
// data in testdata.
func TestPipelineSample(t *testing.T) {
	in := Inputs{Survey: "../testdata/survey.csv", Subscriptions: "../testdata/subscriptions.csv"}
	cfg := Config{Window: 28 * 24 * time.Hour, Fanout: 3, AsOf: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	got, _ := run(t, "", cfg, in)
	check(t, reference(t, cfg, readLines(t, in.Survey), readLines(t, in.Subscriptions)), got)
	if len(got.Rejects) != 0 {
		t.Errorf("the sample has no bad lines, got rejects %v", got.Rejects)
	}
}

// TestPipelinePrism runs the pipeline on the prism runner, in process: it
// lifts each combine into a pre-combine per bundle, a shuffle of the
// encoded accumulators and a merge.
func TestPipelinePrism(t *testing.T) {
	if testing.Short() {
		t.Skip("prism: skipped in -short mode")
	}
	in, survey, subs := generated(t, 4)
	// A level other than the default checks that the combine functions' fields
	// survive their serialization to the workers.
	cfg := Config{Level: 0.9, Window: 14 * 24 * time.Hour, Fanout: 4, AsOf: genAsOf}
	got, counters := run(t, "prism", cfg, in)
	check(t, reference(t, cfg, survey, subs), got)
	t.Logf("counters: %v", counters)
	if counters["nps_merges"] == 0 {
		t.Errorf("no NPS merges on prism: counters %v", counters)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		cfg  Config
		want error
	}{
		{Config{Level: 1.5}, satmetrics.ErrLevel},
		{Config{Window: -time.Hour}, satmetrics.ErrRange},
		{Config{Window: time.Microsecond}, satmetrics.ErrRange},
		{Config{Fanout: -1}, satmetrics.ErrRange},
		{Config{CSAT: 99}, satmetrics.ErrRange},
		{Config{CES: 99}, satmetrics.ErrRange},
		{Config{Unit: -time.Hour}, satmetrics.ErrRange},
		{Config{Instrument: likert.Instrument{Items: []likert.Item{{Name: "q"}, {Name: "q"}}}}, satmetrics.ErrRange},
	} {
		_, err := tc.cfg.withDefaults()
		if !errors.Is(err, tc.want) {
			t.Errorf("Config%+v: error %v, want %v", tc.cfg, err, tc.want)
		}
		_, s := beam.NewPipelineWithRoot()
		if err := Build(s, tc.cfg, Inputs{Survey: "x.csv", Out: t.TempDir()}); !errors.Is(err, tc.want) {
			t.Errorf("Build with Config%+v: error %v, want %v", tc.cfg, err, tc.want)
		}
		if err := Build(s, tc.cfg, Inputs{Subscriptions: "x.csv", Out: t.TempDir()}); !errors.Is(err, tc.want) {
			t.Errorf("Build of subscriptions with Config%+v: error %v, want %v", tc.cfg, err, tc.want)
		}
	}
	_, s := beam.NewPipelineWithRoot()
	if err := Build(s, Config{}, Inputs{Out: t.TempDir()}); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("Build without inputs: error %v, want ErrNoData", err)
	}
	if err := Build(s, Config{}, Inputs{Subscriptions: "x.csv", Out: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "AsOf") {
		t.Errorf("Build of subscriptions without AsOf: error %v, want one naming AsOf", err)
	}
	for _, f := range []func() error{
		func() error { _, err := Scores(s, Config{Fanout: -1}, beam.PCollection{}); return err },
		func() error { _, err := Reliabilities(s, Config{Fanout: -1}, beam.PCollection{}); return err },
	} {
		if err := f(); !errors.Is(err, satmetrics.ErrRange) {
			t.Errorf("error %v, want ErrRange", err)
		}
	}
}
