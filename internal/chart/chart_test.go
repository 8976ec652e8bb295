package chart

import (
	"flag"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func nan() float64 { return math.NaN() }

func charts() map[string][]byte {
	x := []string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"}
	return map[string][]byte{
		"line": LineChart{
			Title: "NPS by month", Desc: "NPS per month with 95% intervals; chat drops in June.",
			XLabel: "month", YLabel: "NPS", X: x,
			Series: []Series{
				{Name: "chat", Values: []float64{30, 32, 29, nan(), 31, 12}, Lower: []float64{25, 27, 24, nan(), 26, 6}, Upper: []float64{35, 37, 34, nan(), 36, 18}},
				{Name: "email", Values: []float64{20, 22, 21, 23, 22, 21}},
			},
			Lines: []RefLine{{Name: "target 25", Values: []float64{25}, Dashed: true}},
			Flags: []Flag{{Series: 0, Index: 5, Note: "drop, p < 0.001"}, {Series: 5, Index: 0}, {Series: 0, Index: 3}},
		}.SVG(),
		"control": LineChart{
			Title: "p-chart: CSAT share", Desc: "Share satisfied per month with 3-sigma limits.",
			XLabel: "month", YLabel: "% satisfied", X: x,
			Series: []Series{{Values: []float64{80, 82, 79, 81, 60, 80}}},
			Lines: []RefLine{
				{Name: "UCL", Values: []float64{90, 89, 91, 90, 92, 90}, Color: Signal, Dashed: true},
				{Name: "centre", Values: []float64{80}},
				{Name: "LCL", Values: []float64{70, 71, 69, 70, 68, 70}, Color: Signal, Dashed: true},
			},
			Flags: []Flag{{Series: 0, Index: 4, Note: "rule 1"}},
		}.SVG(),
		"step": StepChart{
			Title: "Survival of subscriptions", Desc: "Kaplan-Meier estimate with 95% band.",
			XLabel: "months", YLabel: "share still subscribed",
			Curves: []Curve{
				{Name: "basic", T: []float64{0, 2, 5, 9}, Y: []float64{1, 0.8, 0.6, 0.45}, Lower: []float64{1, 0.7, 0.5, 0.3}, Upper: []float64{1, 0.9, 0.7, 0.6}, Censored: []float64{3, 10}, End: 12},
				{Name: "pro", T: []float64{0, 4}, Y: []float64{1, 0.9}, Censored: []float64{6}},
			},
		}.SVG(),
		"heatmap": Heatmap{
			Title: "Cohort retention", Desc: "Percent of each monthly cohort still active k months later.",
			XLabel: "months since start", YLabel: "cohort",
			Rows:   []string{"2026-01", "2026-02", "2026-03"},
			Cols:   []string{"0", "1", "2"},
			Values: [][]float64{{100, 82.5, 70}, {100, 79}, {100, nan(), nan()}},
			Suffix: "%", Decimals: 1,
		}.SVG(),
		"diverging": DivergingBars{
			Title: "Service quality items", Desc: "Answers to five agreement items.",
			Items:      []string{"Understood my problem", "Solved it quickly", "Was friendly"},
			Categories: []string{"Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"},
			Shares:     [][]float64{{5, 10, 20, 40, 25}, {10, 20, 30, 30, 10}, {2, 3, 10, 35, 50}},
			Neutral:    2,
		}.SVG(),
		"diverging4": DivergingBars{
			Title: "Even scale", Desc: "A four-point scale with no neutral point.",
			Items:      []string{"Item A"},
			Categories: []string{"Never", "Rarely", "Often", "Always"},
			Shares:     [][]float64{{10, 20, 30, 40}},
			Neutral:    -1,
		}.SVG(),
	}
}

// TestGolden compares each chart with its golden file (go test -update
// rewrites them) and checks that it is well-formed XML with the
// accessibility elements.
func TestGolden(t *testing.T) {
	for name, got := range charts() {
		if err := Golden(filepath.Join("testdata", name+".svg"), got, *update); err != nil {
			t.Error(err)
		}
		if err := Check(got); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestCheck(t *testing.T) {
	for name, b := range map[string]string{
		"not xml":   "<svg",
		"not svg":   `<html role="img" aria-labelledby="t d"><title id="t"/><desc id="d"/><text/><text/></html>`,
		"no aria":   `<svg><title/><desc/><text/><text/></svg>`,
		"no desc":   `<svg role="img" aria-labelledby="t d"><title id="t"/><text/><text/></svg>`,
		"NaN":       `<svg role="img" aria-labelledby="t d"><title id="t"/><desc id="d"/><text/><text x="NaN"/></svg>`,
		"wrong ids": `<svg role="img" aria-labelledby="x y"><title id="t"/><desc id="d"/><text/><text/></svg>`,
		"empty":     ``,
	} {
		if Check([]byte(b)) == nil {
			t.Errorf("Check(%s) = nil", name)
		}
	}
	if err := Check([]byte(`<svg role="img" aria-labelledby="t d"><title id="t"/><desc id="d"/><text/><text/></svg>`)); err != nil {
		t.Errorf("Check of a minimal good document: %v", err)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "x.svg")
	if err := Golden(p, []byte("a\nb\n"), false); err == nil {
		t.Error("missing golden file: no error")
	}
	if err := Golden(p, []byte("a\nb\n"), true); err != nil {
		t.Error(err)
	}
	if err := Golden(p, []byte("a\nc\n"), false); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("changed line: %v", err)
	}
	if err := Golden(p, []byte("a\nb\nc\n"), false); err == nil {
		t.Error("longer output: no error")
	}
}

func TestNiceTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		want   []float64
	}{
		{0, 1, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{-100, 100, []float64{-100, -50, 0, 50, 100}},
		{3, 17, []float64{0, 5, 10, 15, 20}},
		{5, 5, []float64{5, 5.2, 5.4, 5.6, 5.8, 6}},
		{0, 0.03, []float64{0, 0.01, 0.02, 0.03}},
		{0, 700, []float64{0, 200, 400, 600, 800}},
	} {
		got := niceTicks(tc.lo, tc.hi, 5)
		if diff := cmp.Diff(tc.want, got, cmp.Comparer(func(a, b float64) bool { return math.Abs(a-b) < 1e-12 })); diff != "" {
			t.Errorf("niceTicks(%v, %v) (-want +got):\n%s", tc.lo, tc.hi, diff)
		}
	}
}

func TestColors(t *testing.T) {
	if c, dark := color(0, 0, 1); c != "#f7fbff" || dark {
		t.Errorf("color(0) = %s %v", c, dark)
	}
	if c, dark := color(1, 0, 1); c != "#08306b" || !dark {
		t.Errorf("color(1) = %s %v", c, dark)
	}
	if c, _ := color(5, 3, 3); c != "#f7fbff" {
		t.Errorf("color on an empty range = %s", c)
	}
	five := categoryColors(5, 2)
	if five[2] != "#bdbdbd" || five[0] != brbg[1] || five[4] != brbg[8] || five[1] != brbg[3] || five[3] != brbg[6] {
		t.Errorf("five-point colours %v", five)
	}
	two := categoryColors(2, -1)
	if two[0] != brbg[3] || two[1] != brbg[6] {
		t.Errorf("two-point colours %v", two)
	}
	seven := categoryColors(7, 3)
	if seven[0] != brbg[1] || seven[2] != brbg[3] || seven[6] != brbg[8] {
		t.Errorf("seven-point colours %v", seven)
	}
	eleven := categoryColors(11, 5)
	if eleven[0] != brbg[0] || eleven[4] != brbg[4] || eleven[6] != brbg[5] || eleven[10] != brbg[9] {
		t.Errorf("eleven-point colours %v", eleven)
	}
	if four := categoryColors(4, -1); four[0] != brbg[1] || four[1] != brbg[3] || four[2] != brbg[6] || four[3] != brbg[8] {
		t.Errorf("four-point colours %v", four)
	}
	if label(2.5) != "2.5" || label(3) != "3" || num(-0.001) != "0" {
		t.Error("number formatting")
	}
	if lo, hi := extent(nil); lo != 0 || hi != 1 {
		t.Errorf("extent of nothing = %v %v", lo, hi)
	}
	if lo, hi := extent([]float64{2}); lo != 1 || hi != 3 {
		t.Errorf("extent of one value = %v %v", lo, hi)
	}
}

func TestEscaping(t *testing.T) {
	b := LineChart{Title: `<script>&"`, X: []string{"a<b"}, Series: []Series{{Name: "x", Values: []float64{1}}}}.SVG()
	if strings.Contains(string(b), "<script>") {
		t.Error("title not escaped")
	}
	if err := Check(b); err != nil {
		t.Error(err)
	}
	if err := Check(StepChart{Title: "empty"}.SVG()); err != nil {
		t.Error(err)
	}
}

func TestSimplify(t *testing.T) {
	in := [][2]float64{{0, 1}, {1, 1}, {2, 1}, {2, 1.001}, {2, 0.8}, {3, 0.8}, {3, 0.9}, {3, 0.5}, {4, 0.5}}
	want := [][2]float64{{0, 1}, {2, 1}, {2, 0.8}, {3, 0.8}, {3, 0.9}, {3, 0.5}, {4, 0.5}}
	if diff := cmp.Diff(want, simplify(in)); diff != "" {
		t.Errorf("simplify (-want +got):\n%s", diff)
	}
}
