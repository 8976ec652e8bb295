package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/satmetrics/satmetrics/examples/beam/pipeline"
)

func TestMain(m *testing.M) {
	if os.Getenv("SATBEAM_RUN_MAIN") == "1" {
		// TestCommand's child: the command itself, with its arguments.
		main()
		os.Exit(0)
	}
	flag.Parse()
	// The command's runner is the -runner flag (Beam's default is prism);
	// its tests use the direct runner, like the pipeline's.
	if err := flag.Set("runner", "direct"); err != nil {
		panic(err)
	}
	beam.Init()
	os.Exit(m.Run())
}

func defaults(t *testing.T) options {
	var o options
	fs := flag.NewFlagSet("beam", flag.ContinueOnError)
	o.register(fs)
	if err := fs.Parse(nil); err != nil {
		t.Fatal(err)
	}
	return o
}

// TestRun runs the command on the sample in testdata and reads back what
// it wrote: every channel's scores in every window, the reliability per
// channel and the survival per plan.
func TestRun(t *testing.T) {
	o := defaults(t)
	o.out = t.TempDir()
	o.window = 28 * 24 * time.Hour
	var w bytes.Buffer
	if err := run(context.Background(), &o, &w); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", w.String())
	for _, want := range []string{"scores.jsonl", "reliability.jsonl", "survival.jsonl", "rejects.jsonl: nothing to write"} {
		if !strings.Contains(w.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, w.String())
		}
	}
	var survival []pipeline.Survival
	b, err := os.ReadFile(filepath.Join(o.out, "survival.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var s pipeline.Survival
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			t.Fatal(err)
		}
		survival = append(survival, s)
	}
	var all, plans int64
	for _, s := range survival {
		if s.Key == pipeline.All {
			all = s.Subjects
		} else {
			plans += s.Subjects
		}
	}
	// The sample holds the first 400 customers of the quickstart's data.
	if len(survival) != 4 || all != 400 || plans != 400 {
		t.Errorf("%d survival curves, %d customers in all, %d in the plans; want 4, 400, 400", len(survival), all, plans)
	}
}

func TestFlags(t *testing.T) {
	for _, tc := range []struct {
		set  func(*options)
		want string
	}{
		{func(o *options) { o.csatScale = "1-4" }, "-csat-scale"},
		{func(o *options) { o.cesScale = "x" }, "-ces-scale"},
		{func(o *options) { o.asOf = "soon" }, "-asof"},
		{func(o *options) { o.fanout = -2 }, "fanout"},
		{func(o *options) { o.survey, o.subscriptions = "", "" }, "no input"},
	} {
		o := defaults(t)
		o.out = t.TempDir()
		tc.set(&o)
		if err := run(context.Background(), &o, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run(%+v) error = %v, want one naming %s", o, err, tc.want)
		}
	}
	// A run that fails: the output folder is a file.
	o := defaults(t)
	o.out = filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(o.out, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), &o, &bytes.Buffer{}); err == nil {
		t.Errorf("run with -out=%s, a file: no error", o.out)
	}
	o = defaults(t)
	o.asOf = "2026-12-01"
	if cfg, _, err := o.config(); err != nil || cfg.AsOf.Year() != 2026 {
		t.Errorf("-asof=2026-12-01: %v, %v", cfg.AsOf, err)
	}
}

// TestCommand runs the command as a user does, in a child process: flags,
// runner, the quickstart's sample, the summary on stdout.
func TestCommand(t *testing.T) {
	out := t.TempDir()
	cmd := exec.Command(os.Args[0], "-runner=direct", "-out="+out, "-window=168h", "-fanout=4", "-asof=2026-12-01")
	cmd.Env = append(os.Environ(), "SATBEAM_RUN_MAIN=1")
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %v\n%s", cmd, err, b)
	}
	for _, want := range []string{"scores.jsonl: ", "reliability.jsonl: 5 lines", "survival.jsonl: 4 lines", "rejects.jsonl: nothing to write"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("stdout lacks %q:\n%s", want, b)
		}
	}
}
