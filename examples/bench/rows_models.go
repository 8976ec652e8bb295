package main

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/satmetrics/satmetrics/churn"
)

func init() {
	rows = append(rows, row{
		name: "bgnbd", what: "BG/NBD fit, CDNOW sample (2,357 customers)",
		prepare: prepareBGNBD,
		others:  []other{{"python", "bgnbd", "SciPy Nelder-Mead on the same likelihood (as lifetimes fits)"}},
		target:  "≤ 20 ms",
	}, row{
		name: "bgnbd-master", what: "BG/NBD fit, CDNOW master (23,570 customers)",
		prepare: prepareBGNBDMaster,
		others:  []other{{"python", "bgnbd", "SciPy Nelder-Mead on the same likelihood (as lifetimes fits)"}},
		target:  "≤ 200 ms",
	})
}

// prepareBGNBD reads the CDNOW sample's calibration summary (Fader, Hardie
// and Lee 2005), which churn's tests also use.
func prepareBGNBD(dir string) (func() (float64, error), error) {
	f, err := os.Open("churn/testdata/models/cdnow_customers_summary_with_transactions.csv")
	if err != nil {
		return nil, fmt.Errorf("run from the repository root: %w", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, err
	}
	var data []churn.RFM
	for _, r := range recs[1:] {
		x, _ := strconv.ParseInt(r[1], 10, 64)
		tx, _ := strconv.ParseFloat(r[2], 64)
		T, _ := strconv.ParseFloat(r[3], 64)
		data = append(data, churn.RFM{Frequency: x, Recency: tx, Age: T})
	}
	return fitBGNBD(dir, data)
}

// prepareBGNBDMaster summarises the whole CDNOW master file over the
// papers' 39-week calibration period (to 1997-09-30), in weeks.
func prepareBGNBDMaster(dir string) (func() (float64, error), error) {
	f, err := os.Open("churn/testdata/models/CDNOW_master.txt.gz")
	if err != nil {
		return nil, fmt.Errorf("run from the repository root: %w", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	var txns []churn.Transaction
	sc := bufio.NewScanner(z)
	for sc.Scan() {
		fs := strings.Fields(sc.Text()) // customer date cds dollars
		if len(fs) != 4 || fs[0] == "customer_id" {
			continue
		}
		d, err := time.Parse("20060102", fs[1])
		if err != nil {
			return nil, err
		}
		v, err := strconv.ParseFloat(fs[3], 64)
		if err != nil {
			return nil, err
		}
		txns = append(txns, churn.Transaction{Customer: fs[0], Time: d, Amount: v})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	data, err := churn.Summarize(txns, churn.RFMOptions{CalibrationEnd: time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		return nil, err
	}
	return fitBGNBD(dir, data)
}

func fitBGNBD(dir string, data []churn.RFM) (func() (float64, error), error) {
	raw := make([]float64, 0, 3*len(data))
	for _, d := range data {
		raw = append(raw, float64(d.Frequency), d.Recency, d.Age)
	}
	if err := writeRaw(dir, "bgnbd.f64", raw); err != nil {
		return nil, err
	}
	return func() (float64, error) {
		m, _, err := churn.FitBGNBD(data, churn.FitOptions{})
		return m.R, err
	}, nil
}
