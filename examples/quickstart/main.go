// Command quickstart prints a short report on a year of sample data from a
// fictitious software company (survey answers, support tickets, subscriptions
// and purchases, embedded in the program; see the gen folder for how they
// were made).
//
//	go run ./examples/quickstart
package main

import (
	"bytes"
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"log"
	"os"
	"strconv"
	"time"
	_ "time/tzdata" // the report is in Europe/Berlin on any machine

	"github.com/satmetrics/satmetrics"
)

//go:embed data/*.csv
var data embed.FS

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func readCSV(name string) ([][]string, error) {
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rows[1:], nil
}

// responses counts survey answers per channel and month.
type responses struct{ n int }

func (r *responses) Merge(u *responses) error { r.n += u.n; return nil }

func run(w io.Writer) error {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return err
	}
	rows, err := readCSV("survey.csv")
	if err != nil {
		return err
	}
	var byMonth satmetrics.Groups[satmetrics.SegmentPeriod, responses]
	for i, row := range rows {
		t, err := time.Parse(time.RFC3339, row[1])
		if err != nil {
			return fmt.Errorf("survey.csv line %d: %w", i+2, err)
		}
		q, err := satmetrics.PeriodOf(satmetrics.Quarter, t, loc)
		if err != nil {
			return err
		}
		byMonth.At(satmetrics.SegmentPeriod{Segment: row[2], Period: q}).n++
	}
	fmt.Fprintf(w, "satmetrics quickstart: %d survey answers\n\n", len(rows))
	fmt.Fprintln(w, "Answers per channel and quarter")
	for k, r := range byMonth.All() {
		fmt.Fprintf(w, "  %-6s %s %5s\n", k.Segment, k.Period, strconv.Itoa(r.n))
	}
	return nil
}
