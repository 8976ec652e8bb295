package likert

import (
	"fmt"
	"math"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/dist"
)

// A ChiSquareResult is the outcome of Pearson's chi-square test of
// independence on a table of counts.
type ChiSquareResult struct {
	Statistic float64 `json:"statistic"` // X² = Σ (O - E)²/E
	DF        int     `json:"df"`        // (rows - 1)(columns - 1), after dropping empty rows and columns
	P         float64 `json:"p"`         // upper tail of the chi-square distribution with DF degrees of freedom
	N         int64   `json:"n"`         // total count
	CramersV  float64 `json:"cramers_v"` // √(X² / (N (min(rows, columns) - 1))), in [0, 1]
}

// ChiSquare tests whether the rows and columns of a table of counts are
// independent (for example groups by the points of a scale), with Pearson's
// statistic
//
//	X² = Σ_ij (O_ij - E_ij)² / E_ij,  E_ij = (row total_i)(column total_j) / N,
//
// referred to the chi-square distribution on (r - 1)(c - 1) degrees of
// freedom, without a continuity correction (R's chisq.test with correct =
// FALSE; R applies Yates' correction to 2×2 tables by default). Rows and
// columns whose counts are all zero are dropped first: a point nobody chose
// says nothing about independence. Fewer than two rows or columns left is
// an error wrapping satmetrics.ErrNoData; a ragged table or a negative
// count one wrapping satmetrics.ErrRange.
func ChiSquare(table [][]int64) (ChiSquareResult, error) {
	if len(table) == 0 {
		return ChiSquareResult{}, fmt.Errorf("likert: chi-square test of an empty table: %w", satmetrics.ErrNoData)
	}
	c := len(table[0])
	rowSum := make([]int64, len(table))
	colSum := make([]int64, c)
	var n int64
	for i, row := range table {
		if len(row) != c {
			return ChiSquareResult{}, fmt.Errorf("likert: chi-square table row %d has %d columns, row 1 has %d: %w", i+1, len(row), c, satmetrics.ErrRange)
		}
		for j, o := range row {
			if o < 0 {
				return ChiSquareResult{}, fmt.Errorf("likert: chi-square table count %d at (%d, %d): %w", o, i+1, j+1, satmetrics.ErrRange)
			}
			rowSum[i] += o
			colSum[j] += o
			n += o
		}
	}
	rows, cols := 0, 0
	for _, s := range rowSum {
		if s > 0 {
			rows++
		}
	}
	for _, s := range colSum {
		if s > 0 {
			cols++
		}
	}
	if rows < 2 || cols < 2 {
		return ChiSquareResult{}, fmt.Errorf("likert: chi-square test of %d non-empty rows by %d columns: %w", rows, cols, satmetrics.ErrNoData)
	}
	fn := float64(n)
	var x2 float64
	for i, row := range table {
		if rowSum[i] == 0 {
			continue
		}
		for j, o := range row {
			if colSum[j] == 0 {
				continue
			}
			e := float64(rowSum[i]) * float64(colSum[j]) / fn
			d := float64(o) - e
			x2 += d * d / e
		}
	}
	df := (rows - 1) * (cols - 1)
	return ChiSquareResult{
		Statistic: x2,
		DF:        df,
		P:         dist.ChiSquareSurvival(x2, float64(df)),
		N:         n,
		CramersV:  math.Sqrt(x2 / (fn * float64(min(rows, cols)-1))),
	}, nil
}

// ChiSquareTallies is ChiSquare on the table of tallies by points: whether
// the distribution of answers differs between groups. It uses the counts
// (weights play no part); tallies on different scales are an error
// wrapping satmetrics.ErrIncompatible.
func ChiSquareTallies(ts ...*Tally) (ChiSquareResult, error) {
	table := make([][]int64, len(ts))
	for i, t := range ts {
		if t.scale != ts[0].scale {
			return ChiSquareResult{}, fmt.Errorf("likert: tally %d is on %v, tally 1 on %v: %w", i+1, t.scale, ts[0].scale, satmetrics.ErrIncompatible)
		}
		table[i] = t.Counts()
	}
	return ChiSquare(table)
}
