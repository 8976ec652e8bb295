// Command quickstart prints a report on a year of sample data from a
// fictitious software company: survey answers (NPS, CSAT, CES and a
// five-item service-quality questionnaire), support tickets, subscription
// events and purchases, embedded in the program. The gen folder holds the
// seeded generator that made them; they have four channels, three plans,
// seasonality, and a real change in the middle (a chat bot from June 2026)
// for the tools to find.
//
//	go run ./examples/quickstart
//
// Each section of the report shows one part of the library: survey scores
// with intervals by month and channel, significant changes and trends,
// weighting, a Likert instrument's reliability, cohort retention, survival,
// retention and lifetime-value models, and support KPIs with control charts.
package main

import (
	"bytes"
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // the report is in Europe/Berlin on any machine
)

//go:embed data/*.csv
var data embed.FS

// The sample company works in Berlin; its data run from December 2025
// through November 2026.
var (
	berlin, _ = time.LoadLocation("Europe/Berlin")
	dataEnd   = time.Date(2026, 12, 1, 0, 0, 0, 0, berlin)
)

const level = 0.95

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer) error {
	fmt.Fprintln(w, "satmetrics quickstart: a year of a software company's customer data")
	fmt.Fprintln(w, "(December 2025 to November 2026, Europe/Berlin; intervals at 95%)")
	for _, section := range []func(io.Writer) error{surveySection, likertSection, retentionSection, valueSection, supportSection} {
		if err := section(w); err != nil {
			return err
		}
	}
	return nil
}

// readCSV returns the records of an embedded CSV file after its header,
// checking that the header is the one expected.
func readCSV(name string, header ...string) ([][]string, error) {
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if got := strings.Join(rows[0], ","); got != strings.Join(header, ",") {
		return nil, fmt.Errorf("%s: header %q, want %q", name, got, strings.Join(header, ","))
	}
	return rows[1:], nil
}

func heading(w io.Writer, title string) {
	fmt.Fprintf(w, "\n%s\n%s\n", title, strings.Repeat("=", len([]rune(title))))
}

// lineError names the file and line of a bad record.
func lineError(file string, i int, err error) error {
	return fmt.Errorf("%s line %d: %w", file, i+2, err)
}
