package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/satmetrics/satmetrics/churn"
)

// valueSection fits the BG/NBD purchase model and the Gamma-Gamma spend
// model to the purchase log and ranks customers by their predicted value
// over the next 12 months.
func valueSection(w io.Writer) error {
	const file = "purchases.csv"
	rows, err := readCSV(file, "customer", "date", "amount")
	if err != nil {
		return err
	}
	txns := make([]churn.Transaction, 0, len(rows))
	for i, r := range rows {
		t, err := time.ParseInLocation("2006-01-02", r[1], berlin)
		if err != nil {
			return lineError(file, i, err)
		}
		amount, err := strconv.ParseFloat(r[2], 64)
		if err != nil {
			return lineError(file, i, err)
		}
		txns = append(txns, churn.Transaction{Customer: r[0], Time: t, Amount: amount})
	}
	end := time.Date(2026, 11, 30, 0, 0, 0, 0, berlin)
	data, err := churn.Summarize(txns, churn.RFMOptions{CalibrationEnd: end})
	if err != nil {
		return err
	}
	bg, bgInfo, err := churn.FitBGNBD(data, churn.FitOptions{})
	if err != nil {
		return err
	}
	gg, _, err := churn.FitGammaGamma(data, churn.FitOptions{})
	if err != nil {
		return err
	}
	heading(w, fmt.Sprintf("Customer value: BG/NBD and Gamma-Gamma on %d buyers' purchases (weeks)", len(data)))
	fmt.Fprintf(w, "BG/NBD r = %.3f, alpha = %.2f, a = %.3f, b = %.3f (log-likelihood %.1f); Gamma-Gamma p = %.2f, q = %.2f, gamma = %.2f\n",
		bg.R, bg.Alpha, bg.A, bg.B, bgInfo.LogLik, gg.P, gg.Q, gg.Gamma)
	scores, err := churn.ScorePurchases(bg, data, 52, nil)
	if err != nil {
		return err
	}
	values, err := churn.CLVs(bg, gg, data, churn.CLVOptions{Periods: 12, PeriodLength: 52.0 / 12, DiscountRate: 0.01}, nil)
	if err != nil {
		return err
	}
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case values[a] > values[b]:
			return -1
		case values[a] < values[b]:
			return 1
		}
		return 0
	})
	var total float64
	for _, v := range values {
		total += v
	}
	fmt.Fprintf(w, "Predicted value of the next 12 months, discounted at 1%% a month: %.0f in all; the top 5 customers:\n", total)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "customer\trepeat purchases\tlast (week)\tage (weeks)\tP(active)\tpurchases next year\tmean spend\tvalue\t")
	for _, i := range order[:5] {
		c := data[i]
		fmt.Fprintf(tw, "%s\t%d\t%.1f\t%.1f\t%.2f\t%.2f\t%.2f\t%.0f\t\n", c.ID, c.Frequency, c.Recency, c.Age, scores[i].ProbAlive, scores[i].ExpectedPurchases, c.Monetary, values[i])
	}
	return tw.Flush()
}
