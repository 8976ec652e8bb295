package likert_test

import (
	"errors"
	"flag"
	"strings"
	"testing"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/chart"
	"github.com/satmetrics/satmetrics/likert"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestInstrumentSVG(t *testing.T) {
	in := likert.Instrument{Items: []likert.Item{
		{Name: "helpful", Scale: likert.Agree5},
		{Name: "knowledgeable", Scale: likert.Agree5},
		{Name: "slow", Scale: likert.Agree5, Reverse: true},
	}}
	it, err := likert.NewInstrumentTally(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range [][]int{{5, 4, 1}, {4, 3, 2}, {2, 3, 4}, {3, 2, 3}, {4, 5, 3}, {1, 2, 5}, {5, 4, 1}, {4, 4, 2}} {
		if err := it.Add(row); err != nil {
			t.Fatal(err)
		}
	}
	b, err := it.SVG("Service items")
	if err != nil {
		t.Fatal(err)
	}
	if err := chart.Check(b); err != nil {
		t.Fatal(err)
	}
	if err := chart.Golden("testdata/charts/instrument.svg", b, *update); err != nil {
		t.Error(err)
	}
	// "slow" is shown reversed: its two answers of 1 count as Strongly agree.
	if !strings.Contains(string(b), "slow (reversed): Strongly agree 25.0%") {
		t.Error("reversed item not reversed")
	}

	// An even scale has no neutral point; items on different scales are refused.
	four, err := likert.NewScale(1, 4, "Never", "Rarely", "Often", "Always")
	if err != nil {
		t.Fatal(err)
	}
	a := likert.NewTally(four)
	for _, c := range []int{1, 2, 2, 3, 4, 4, 4} {
		if err := a.Add(c); err != nil {
			t.Fatal(err)
		}
	}
	b, err = likert.DivergingSVG("Frequency", []string{"uses the app"}, []*likert.Tally{&a})
	if err != nil || chart.Check(b) != nil {
		t.Fatalf("even scale: %v", err)
	}
	if err := chart.Golden("testdata/charts/even.svg", b, *update); err != nil {
		t.Error(err)
	}
	var five likert.Tally
	if err := five.Add(3); err != nil {
		t.Fatal(err)
	}
	if _, err := likert.DivergingSVG("x", []string{"a", "b"}, []*likert.Tally{&a, &five}); !errors.Is(err, satmetrics.ErrIncompatible) {
		t.Errorf("mixed scales: %v", err)
	}
	var empty likert.Tally
	if _, err := likert.DivergingSVG("x", []string{"a"}, []*likert.Tally{&empty}); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("empty tally: %v", err)
	}
	if _, err := likert.DivergingSVG("x", nil, nil); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("no tallies: %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("mismatched lengths did not panic")
		}
	}()
	_, _ = likert.DivergingSVG("x", []string{"a"}, nil)
}
