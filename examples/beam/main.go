// Command beam runs the satmetrics Beam pipeline (package pipeline) on a
// survey export and a subscription export and writes, as JSON lines, NPS,
// CSAT and CES per channel and window, the reliability of the survey's
// Likert instrument per channel, Kaplan-Meier survival per plan, and the
// rejected lines.
//
// From examples/beam, on the sample in testdata:
//
//	go run . -runner=direct -out=/tmp/satbeam -window=672h
//
// on the quickstart's full year:
//
//	go run . -runner=direct -out=/tmp/satbeam \
//	    -survey=../quickstart/data/survey.csv \
//	    -subscriptions=../quickstart/data/subscriptions.csv
//
// The -runner flag picks a Beam runner: direct, prism (Beam's default, in
// process), or a distributed one (dataflow, flink, spark, universal) with its
// own flags; see the README.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/examples/beam/pipeline"
)

// options are the command's flags.
type options struct {
	survey, subscriptions, out string
	asOf                       string
	window                     time.Duration
	fanout                     int
	level                      float64
	csatScale, cesScale        string
}

func (o *options) register(fs *flag.FlagSet) {
	fs.StringVar(&o.survey, "survey", "testdata/survey.csv", "survey export (id,time,channel,plan,customer,nps,csat,ces,q1..q5); a glob or URL; empty to skip")
	fs.StringVar(&o.subscriptions, "subscriptions", "testdata/subscriptions.csv", "subscription export (customer,time,kind,plan,mrr); empty to skip")
	fs.StringVar(&o.out, "out", "out", "folder of the outputs (local, or gs://bucket/path on Dataflow)")
	fs.StringVar(&o.asOf, "asof", "2026-12-01T00:00:00+01:00", "end of the subscription data (RFC 3339 or YYYY-MM-DD): later cancels are censored")
	fs.DurationVar(&o.window, "window", 0, "fixed event-time windows of the scores (e.g. 168h); 0 for one window over everything")
	fs.IntVar(&o.fanout, "fanout", 0, "combine each key in this many shards, then merge them (hot keys)")
	fs.Float64Var(&o.level, "level", 0.95, "confidence level")
	fs.StringVar(&o.csatScale, "csat-scale", "1-5", "scale of the csat column: 1-5, 1-3, 1-7, 1-10 or binary")
	fs.StringVar(&o.cesScale, "ces-scale", "agree7", "scale of the ces column: agree7 or effort5")
}

// config turns the flags into the pipeline's Config and Inputs.
func (o *options) config() (pipeline.Config, pipeline.Inputs, error) {
	cfg := pipeline.Config{Level: o.level, Window: o.window, Fanout: o.fanout}
	var err error
	if cfg.CSAT, err = csat.ParseScale(o.csatScale); err != nil {
		return cfg, pipeline.Inputs{}, fmt.Errorf("-csat-scale: %w", err)
	}
	if cfg.CES, err = ces.ParseScale(o.cesScale); err != nil {
		return cfg, pipeline.Inputs{}, fmt.Errorf("-ces-scale: %w", err)
	}
	if o.subscriptions != "" {
		if cfg.AsOf, err = time.Parse(time.RFC3339, o.asOf); err != nil {
			if cfg.AsOf, err = time.Parse(time.DateOnly, o.asOf); err != nil {
				return cfg, pipeline.Inputs{}, fmt.Errorf("-asof: %q is neither RFC 3339 nor YYYY-MM-DD", o.asOf)
			}
		}
	}
	return cfg, pipeline.Inputs{Survey: o.survey, Subscriptions: o.subscriptions, Out: o.out}, nil
}

func main() {
	var o options
	o.register(flag.CommandLine)
	flag.Parse()
	beam.Init()
	if err := run(context.Background(), &o, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run builds the pipeline, runs it on the runner of the -runner flag and,
// for a local output folder, says what it wrote.
func run(ctx context.Context, o *options, w io.Writer) error {
	cfg, in, err := o.config()
	if err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(s, cfg, in); err != nil {
		return err
	}
	if err := beamx.Run(ctx, p); err != nil {
		return err
	}
	if strings.Contains(in.Out, "://") {
		fmt.Fprintf(w, "wrote %s\n", in.Out)
		return nil
	}
	for _, name := range []string{pipeline.ScoresFile, pipeline.ReliabilityFile, pipeline.SurvivalFile, pipeline.RejectsFile} {
		path := filepath.Join(in.Out, name)
		n, err := countLines(path)
		if os.IsNotExist(err) {
			fmt.Fprintf(w, "%s: nothing to write\n", path)
			continue
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s: %d lines\n", path, n)
	}
	return nil
}

func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	n := 0
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}
