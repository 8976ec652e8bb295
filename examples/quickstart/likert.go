package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/satmetrics/satmetrics/likert"
)

func likertSection(w io.Writer) error {
	answers, err := readAnswers()
	if err != nil {
		return err
	}
	t, err := likert.NewInstrumentTally(questionnaire)
	if err != nil {
		return err
	}
	for _, a := range answers {
		if err := t.Add(a.items); err != nil {
			return err
		}
	}
	heading(w, "Service-quality questionnaire (5 items, agreement 1-5)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "item\tn\tmean\tagree %\tdisagree %\tr.drop\talpha if dropped\t")
	rel, err := t.Reliability().Report(likert.ReliabilityConfig{})
	if err != nil {
		return err
	}
	for i, it := range questionnaire.Items {
		s, err := t.Item(i).Summary(level)
		if err != nil {
			return err
		}
		name := it.Name
		if it.Reverse {
			name += " (reversed)"
		}
		ir := rel.ItemStats[i]
		dropped := ""
		if ir.Dropped != nil {
			dropped = fmt.Sprintf("%.3f", ir.Dropped.Alpha)
		}
		fmt.Fprintf(tw, "%s\t%d\t%.2f\t%.1f\t%.1f\t%.3f\t%s\t\n", name, s.N, s.Mean.Value, s.TopTwoBox.Value, s.BottomTwoBox.Value, ir.RDrop, dropped)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	a := rel.Alpha
	fmt.Fprintf(w, "Cronbach's alpha %.3f [%.3f, %.3f] (Feldt), standardised %.3f, Guttman's lambda 6 %.3f, mean inter-item r %.3f, on %d complete answers\n",
		a.Value, a.Lower, a.Upper, rel.StdAlpha, rel.G6, rel.AverageR, a.N)
	comp, err := t.Composite(level)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Composite score (mean of the items, reversed item reversed): %s\n", est(comp, 2))
	return nil
}
