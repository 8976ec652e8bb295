// Command bench is satmetrics' benchmark report: it generates data sets from
// a fixed seed, times the library's hot paths on them and, in the same run
// and on the same data, the computations that people use instead (pandas,
// SciPy and statsmodels from Python, and R), and prints a table of the times
// and their ratios.
//
// Only the computations are timed, not the loading of the data: the Go side
// times the library call on data in memory, and the Python and R sides
// (bench.py, bench.R) read the data first and then time the call. Each time
// is the median of several runs.
//
// Install the other tools once with ./setup.sh (Debian's packages), then,
// from the repository root:
//
//	go run ./examples/bench                 # every row
//	go run ./examples/bench -rows km,nps    # some rows
//	go run ./examples/bench -go-only        # without Python and R
//
// A tool that is not installed leaves its cells empty.
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

// A row is one computation of the report.
type row struct {
	name    string
	what    string                                                    // the computation, in words
	prepare func(dir string) (run func() (float64, error), err error) // writes the shared data, returns the Go computation
	others  []other
	target  string // the speed target, in words
	// extRepeats, if not zero, replaces -repeats for the other tools, for
	// computations that take them minutes.
	extRepeats int
}

// other is the same computation in another tool.
type other struct {
	tool  string // "python" or "R"
	task  string // the task name in bench.py / bench.R
	label string // what the tool calls it
}

var rows []row // registered by the row files' init functions

func main() {
	only := flag.String("rows", "", "comma-separated rows to run (default all): "+names())
	repeats := flag.Int("repeats", 5, "runs per measurement; the median is reported")
	goOnly := flag.Bool("go-only", false, "time only the Go side")
	out := flag.String("json", "", "also write the results as JSON to this file")
	flag.Parse()

	selected := map[string]bool{}
	for _, r := range strings.Split(*only, ",") {
		if r != "" {
			selected[r] = true
		}
	}
	dir, err := os.MkdirTemp("", "satmetrics-bench-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	here := sourceDir()

	fmt.Printf("satmetrics benchmark report: %s, %s/%s, %d CPUs, %s\n\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), time.Now().UTC().Format("2006-01-02"))
	fmt.Println("| computation | satmetrics | other tool | its time | satmetrics is faster by | target |")
	fmt.Println("| --- | ---: | --- | ---: | ---: | --- |")
	var results []result
	for _, r := range rows {
		if len(selected) > 0 && !selected[r.name] {
			continue
		}
		run, err := r.prepare(dir)
		if err != nil {
			log.Fatalf("%s: %v", r.name, err)
		}
		goSecs, goVal, err := median(*repeats, run)
		if err != nil {
			log.Fatalf("%s: %v", r.name, err)
		}
		res := result{Row: r.name, What: r.what, GoSeconds: goSecs, GoResult: goVal}
		if len(r.others) == 0 || *goOnly {
			fmt.Printf("| %s | %s |  |  |  | %s |\n", r.what, human(goSecs), r.target)
		}
		for _, o := range r.others {
			if *goOnly {
				break
			}
			n := *repeats
			if r.extRepeats > 0 {
				n = r.extRepeats
			}
			secs, val, err := external(here, o, dir, n)
			cell, ratio := "not installed", ""
			if err == nil {
				cell, ratio = human(secs), fmt.Sprintf("%.1f×", secs/goSecs)
				res.Others = append(res.Others, otherResult{Tool: o.label, Seconds: secs, Result: val})
				if math.Abs(val-goVal) > 1e-6*math.Max(1, math.Abs(goVal)) {
					cell += fmt.Sprintf(" (result %.6g vs %.6g)", val, goVal)
				}
			} else if !isMissing(err) {
				cell = "failed: " + err.Error()
			}
			fmt.Printf("| %s | %s | %s | %s | %s | %s |\n", r.what, human(goSecs), o.label, cell, ratio, r.target)
		}
		results = append(results, res)
	}
	if *out != "" {
		b, _ := json.MarshalIndent(results, "", "  ")
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

type result struct {
	Row       string        `json:"row"`
	What      string        `json:"what"`
	GoSeconds float64       `json:"go_seconds"`
	GoResult  float64       `json:"go_result"`
	Others    []otherResult `json:"others,omitempty"`
}

type otherResult struct {
	Tool    string  `json:"tool"`
	Seconds float64 `json:"seconds"`
	Result  float64 `json:"result"`
}

func names() string {
	var ns []string
	for _, r := range rows {
		ns = append(ns, r.name)
	}
	return strings.Join(ns, ",")
}

// median runs f n times after one warm-up run and returns the median time
// and the last result.
func median(n int, f func() (float64, error)) (float64, float64, error) {
	v, err := f()
	if err != nil {
		return 0, 0, err
	}
	times := make([]float64, n)
	for i := range times {
		runtime.GC()
		t0 := time.Now()
		v, err = f()
		times[i] = time.Since(t0).Seconds()
		if err != nil {
			return 0, 0, err
		}
	}
	sort.Float64s(times)
	return times[n/2], v, nil
}

type missingError struct{ error }

func isMissing(err error) bool { _, ok := err.(missingError); return ok }

// external runs one task of bench.py or bench.R and returns its median time
// and result.
func external(here string, o other, dir string, repeats int) (float64, float64, error) {
	var cmd *exec.Cmd
	switch o.tool {
	case "python":
		py := "/usr/bin/python3"
		if _, err := os.Stat(py); err != nil {
			return 0, 0, missingError{err}
		}
		cmd = exec.Command(py, filepath.Join(here, "bench.py"), o.task, dir, fmt.Sprint(repeats))
	case "R":
		rs, err := exec.LookPath("Rscript")
		if err != nil {
			return 0, 0, missingError{err}
		}
		cmd = exec.Command(rs, filepath.Join(here, "bench.R"), o.task, dir, fmt.Sprint(repeats))
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := stderr.String()
		if strings.Contains(msg, "No module named") || strings.Contains(msg, "there is no package called") {
			return 0, 0, missingError{err}
		}
		return 0, 0, fmt.Errorf("%v: %s", err, lastLine(msg))
	}
	var r struct {
		Seconds float64 `json:"seconds"`
		Result  float64 `json:"result"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(lastLineBytes(stdout.Bytes())), &r); err != nil {
		return 0, 0, fmt.Errorf("reading %q: %v", stdout.String(), err)
	}
	return r.Seconds, r.Result, nil
}

func lastLine(s string) string { return string(lastLineBytes([]byte(s))) }

func lastLineBytes(b []byte) []byte {
	b = bytes.TrimSpace(b)
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		return b[i+1:]
	}
	return b
}

// sourceDir finds this folder, where bench.py and bench.R are, whether the
// program runs from the repository root or from here.
func sourceDir() string {
	for _, d := range []string{"examples/bench", "."} {
		if _, err := os.Stat(filepath.Join(d, "bench.py")); err == nil {
			return d
		}
	}
	log.Fatal("run from the repository root or from examples/bench")
	return ""
}

func human(s float64) string {
	switch {
	case s < 1e-6:
		return fmt.Sprintf("%.1f ns", s*1e9)
	case s < 1e-3:
		return fmt.Sprintf("%.1f µs", s*1e6)
	case s < 1:
		return fmt.Sprintf("%.1f ms", s*1e3)
	}
	return fmt.Sprintf("%.2f s", s)
}

// writeRaw writes a slice of fixed-size values little-endian, the format
// bench.py reads with numpy.fromfile and bench.R with readBin.
func writeRaw(dir, name string, data any) error {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return err
	}
	w := io.Writer(f)
	if err := binary.Write(w, binary.LittleEndian, data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 2026)) }
