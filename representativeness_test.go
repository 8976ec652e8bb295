package satmetrics_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/satmetrics/satmetrics"
)

// TestRepresentativenessR compares the chi-square test, its p-value and the
// standardized residuals with R's chisq.test(O, p = π) and its stdres on the
// reference respondents (testdata/weights/estimates.csv, rows chisq.*,
// written by gen_reference.R). Tolerance: 1e-12 relative for the statistic
// and residuals, 1e-9 for p-values.
func TestRepresentativenessR(t *testing.T) {
	r := wrefLoad(t)
	for _, c := range r.classes("region", "tier", "tenure") {
		got, err := satmetrics.Representativeness(c, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		pre := "chisq." + c.Name + "."
		if !wrefClose(got.ChiSquare, r.est[pre+"statistic"], 1e-12) {
			t.Errorf("%s: X² = %.17g, want %.17g", c.Name, got.ChiSquare, r.est[pre+"statistic"])
		}
		if float64(got.DF) != r.est[pre+"df"] {
			t.Errorf("%s: df = %d, want %v", c.Name, got.DF, r.est[pre+"df"])
		}
		if !wrefClose(got.PValue, r.est[pre+"p"], 1e-9) {
			t.Errorf("%s: p = %.17g, want %.17g", c.Name, got.PValue, r.est[pre+"p"])
		}
		var under, over []string
		for _, cat := range got.Categories {
			want := r.est[pre+cat.Category+".stdres"]
			if !wrefClose(cat.Residual, want, 1e-12) {
				t.Errorf("%s: residual of %q = %.17g, want %.17g", c.Name, cat.Category, cat.Residual, want)
			}
			if want < -1.959963984540054 {
				under = append(under, cat.Category)
			}
			if want > 1.959963984540054 {
				over = append(over, cat.Category)
			}
		}
		if d := cmp.Diff(under, got.UnderRepresented, cmpEmpty); d != "" {
			t.Errorf("%s: under-represented (-want +got):\n%s", c.Name, d)
		}
		if d := cmp.Diff(over, got.OverRepresented, cmpEmpty); d != "" {
			t.Errorf("%s: over-represented (-want +got):\n%s", c.Name, d)
		}
		if got.Representative || got.SmallExpected {
			t.Errorf("%s: representative %v, small expected %v; want false, false", c.Name, got.Representative, got.SmallExpected)
		}
	}

	// Twelve respondents over four categories: expected counts below 5.
	small := satmetrics.Classification{
		Name:       "channel",
		Labels:     strings.Fields("a a a b b b b b c c c d"),
		Population: map[string]float64{"a": 0.5, "b": 0.3, "c": 0.15, "d": 0.05},
	}
	got, err := satmetrics.Representativeness(small, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if !wrefClose(got.ChiSquare, r.est["chisq.small.statistic"], 1e-12) || !wrefClose(got.PValue, r.est["chisq.small.p"], 1e-9) {
		t.Errorf("small: X² = %v, p = %v; want %v, %v", got.ChiSquare, got.PValue, r.est["chisq.small.statistic"], r.est["chisq.small.p"])
	}
	if !got.SmallExpected || !got.Representative {
		t.Errorf("small: small expected %v, representative %v; want true, true", got.SmallExpected, got.Representative)
	}
}

var cmpEmpty = cmp.Transformer("nilEmpty", func(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
})

func TestRepresentativenessEdges(t *testing.T) {
	// A category of population 0 without respondents takes no part; one
	// category alone gives df 0 and p 1.
	got, err := satmetrics.Representativeness(satmetrics.Classification{
		Name: "plan", Labels: []string{"pro", "pro"}, Population: map[string]float64{"pro": 10, "legacy": 0},
	}, 0.9)
	if err != nil {
		t.Fatal(err)
	}
	if got.DF != 0 || got.PValue != 1 || got.ChiSquare != 0 || len(got.Categories) != 1 || got.Categories[0].Residual != 0 {
		t.Errorf("one category: %+v", got)
	}
	b, err := json.Marshal(got)
	if err != nil || !strings.Contains(string(b), `"under_represented":[]`) {
		t.Errorf("json: %s, %v", b, err)
	}

	for _, c := range []struct {
		name  string
		class satmetrics.Classification
		level float64
		want  error
		names []string
	}{
		{"no respondents", satmetrics.Classification{Name: "plan", Population: map[string]float64{"a": 1}}, 0.95, satmetrics.ErrNoData, []string{`"plan"`}},
		{"unknown", satmetrics.Classification{Name: "plan", Labels: []string{"a", "zz"}, Population: map[string]float64{"a": 1}}, 0.95, satmetrics.ErrUnknownCategory, []string{`"zz"`, "respondent 1"}},
		{"population 0", satmetrics.Classification{Name: "plan", Labels: []string{"a", "b"}, Population: map[string]float64{"a": 1, "b": 0}}, 0.95, satmetrics.ErrUnknownCategory, []string{`"b"`}},
		{"negative population", satmetrics.Classification{Name: "plan", Labels: []string{"a"}, Population: map[string]float64{"a": -1}}, 0.95, satmetrics.ErrRange, []string{"-1"}},
		{"bad level", satmetrics.Classification{Name: "plan", Labels: []string{"a"}, Population: map[string]float64{"a": 1}}, 95, satmetrics.ErrLevel, []string{"95"}},
	} {
		_, err := satmetrics.Representativeness(c.class, c.level)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
			continue
		}
		for _, s := range c.names {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("%s: error %q does not name %s", c.name, err, s)
			}
		}
	}
}

// TestRepresentativenessTail compares a p-value far in the upper tail with
// R's chisq.test(c(990, 1), p = c(0.5, 0.5)) (estimates.csv, rows
// chisq.tail.*), tolerance 1e-9 relative.
func TestRepresentativenessTail(t *testing.T) {
	r := wrefLoad(t)
	got, err := satmetrics.Representativeness(satmetrics.Classification{
		Name: "x", Labels: strings.Fields(strings.Repeat("a ", 990) + "b"),
		Population: map[string]float64{"a": 0.5, "b": 0.5},
	}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if !wrefClose(got.ChiSquare, r.est["chisq.tail.statistic"], 1e-12) || !wrefClose(got.PValue, r.est["chisq.tail.p"], 1e-9) {
		t.Errorf("X² = %v, p = %v; want %v, %v", got.ChiSquare, got.PValue, r.est["chisq.tail.statistic"], r.est["chisq.tail.p"])
	}
}

// BenchmarkRepresentativeness tests n respondents on a classification of 20
// categories.
func BenchmarkRepresentativeness(b *testing.B) {
	for _, n := range []int{1000, 100000, 1000000} {
		c := wrefBench(n)[0]
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := satmetrics.Representativeness(c, 0.95); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
