package pipeline_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/satmetrics/satmetrics/examples/beam/pipeline"
)

// The whole pipeline on the sample of the quickstart's data, read back from
// the files it writes: the NPS of all channels and the survival of all
// customers. (In a program, run it with beamx.Run, which honours the -runner
// flag.) As a check by other means: the sample's 900 NPS answers hold 220
// promoters and 331 detractors, (220 - 331) / 900 = -12.3%; and R's
// survfit(Surv(exit, event) ~ 1) on the same lifetimes (first start to first
// cancel, censored at AsOf) reports 400 customers, 292 events and a median
// of 212.33 days with 95% limits 180.75 and 270.04.
func Example() {
	out, err := os.MkdirTemp("", "satbeam")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(out)

	p, s := beam.NewPipelineWithRoot()
	cfg := pipeline.Config{AsOf: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	in := pipeline.Inputs{Survey: "../testdata/survey.csv", Subscriptions: "../testdata/subscriptions.csv", Out: out}
	if err := pipeline.Build(s, cfg, in); err != nil {
		log.Fatal(err)
	}
	if err := ptest.Run(p); err != nil {
		log.Fatal(err)
	}

	for _, sc := range readAll[pipeline.Score](filepath.Join(out, pipeline.ScoresFile)) {
		if sc.Metric == "nps" && sc.Key == pipeline.All {
			e := sc.Estimates["nps"]
			fmt.Printf("NPS of all channels: %.1f [%.1f, %.1f], n = %d\n", e.Value, e.Lower, e.Upper, e.N)
		}
	}
	for _, sv := range readAll[pipeline.Survival](filepath.Join(out, pipeline.SurvivalFile)) {
		if sv.Key == pipeline.All {
			m := sv.Median
			fmt.Printf("customers: %d, of whom %d cancelled; median lifetime %.1f days [%.1f, %.1f]\n", sv.Subjects, sv.Events, m.Time, *m.Lower, *m.Upper)
		}
	}
	// Output:
	// NPS of all channels: -12.3 [-17.3, -7.3], n = 900
	// customers: 400, of whom 292 cancelled; median lifetime 212.3 days [180.8, 270.0]
}

// readAll decodes a file of JSON lines.
func readAll[T any](path string) []T {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var all []T
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			log.Fatal(err)
		}
		all = append(all, v)
	}
	return all
}
