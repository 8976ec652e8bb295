package churn

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The data sets of testdata/models are the CDNOW and donations data of
// Fader and Hardie's papers, as redistributed with the MIT-licensed Python
// package lifetimes (see /work/shared/data/README.md of the project).

func mdlOpen(t testing.TB, name string) io.Reader {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "models", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if strings.HasSuffix(name, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		return z
	}
	return f
}

// mdlReadCDNOW reads a CDNOW transaction file. The sample has five columns
// (master id, sample id, date, CDs, dollars) and the customer is the sample
// id; the master file has a header and four columns.
func mdlReadCDNOW(t testing.TB, name string) []Transaction {
	t.Helper()
	var out []Transaction
	sc := bufio.NewScanner(mdlOpen(t, name))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || f[0] == "customer_id" {
			continue
		}
		if len(f) == 4 { // master: id date cds dollars
			f = append(f[:1], f...)
		}
		d, err := time.Parse("20060102", f[2])
		if err != nil {
			t.Fatal(err)
		}
		v, err := strconv.ParseFloat(f[4], 64)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Transaction{Customer: f[1], Time: d, Amount: v})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// mdlReadCSV reads a CSV file with a header into rows of float64.
func mdlReadCSV(t testing.TB, name string) (header []string, rows [][]float64) {
	t.Helper()
	recs, err := csv.NewReader(mdlOpen(t, name)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		row := make([]float64, len(r))
		for i, s := range r {
			if row[i], err = strconv.ParseFloat(strings.TrimSpace(s), 64); err != nil {
				t.Fatal(err)
			}
		}
		rows = append(rows, row)
	}
	return recs[0], rows
}

// mdlCDNOWSummary returns the published calibration-period summary of the
// CDNOW sample (ID, x, t_x, T, zbar), as printed with two decimals.
func mdlCDNOWSummary(t testing.TB) []RFM {
	t.Helper()
	_, rows := mdlReadCSV(t, "cdnow_customers_summary_with_transactions.csv")
	out := make([]RFM, len(rows))
	for i, r := range rows {
		out[i] = RFM{ID: strconv.Itoa(int(r[0])), Frequency: int64(r[1]), Recency: r[2], Age: r[3], Monetary: r[4]}
	}
	return out
}

var mdlCDNOWCalibrationEnd = time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)

// mdlDonations returns the donations data (frequency, recency, periods,
// number of donors).
func mdlDonations(t testing.TB) []DiscreteRFM {
	t.Helper()
	_, rows := mdlReadCSV(t, "donations.csv")
	out := make([]DiscreteRFM, len(rows))
	for i, r := range rows {
		out[i] = DiscreteRFM{Frequency: int64(r[0]), Recency: int64(r[1]), Periods: int64(r[2]), Count: int64(r[3])}
	}
	return out
}

// mdlRef is testdata/models/reference.json, written by gen_reference.py
// (mpmath closed forms and SciPy fits, independent of the Go code).
type mdlRef struct {
	BGNBD        []mdlRefPurchase `json:"bgnbd"`
	MBGNBD       []mdlRefPurchase `json:"mbgnbd"`
	ParetoNBD    []mdlRefPurchase `json:"paretonbd"`
	ParetoNBDLnL [][4]float64     `json:"paretonbd_lnL"`
	GammaGamma   struct {
		Params []float64    `json:"params"`
		Spend  [][3]float64 `json:"spend"`
	} `json:"gammagamma"`
	CLV  [][5]float64 `json:"clv"`
	BGBB struct {
		Params      []float64    `json:"params"`
		LnL         float64      `json:"lnL"`
		Expected    [][2]float64 `json:"expected"`
		Alive       [][4]float64 `json:"alive"`
		Conditional [][5]float64 `json:"conditional"`
		PMF         [][3]float64 `json:"pmf"`
	} `json:"bgbb"`
	SBG []struct {
		Params   []float64    `json:"params"`
		Survival []float64    `json:"survival"`
		DERL     [][3]float64 `json:"derl"`
	} `json:"sbg"`
	BdW []struct {
		Params   []float64    `json:"params"`
		Survival []float64    `json:"survival"`
		DERL     [][3]float64 `json:"derl"`
		Lifetime *float64     `json:"lifetime"`
	} `json:"bdw"`
	Fits map[string]struct {
		Params []float64 `json:"params"`
		LogLik float64   `json:"loglik"`
		StdErr []float64 `json:"stderr"`
	} `json:"fits"`
}

type mdlRefPurchase struct {
	Params      []float64    `json:"params"`
	Alive       [][4]float64 `json:"alive"`       // x, t_x, T, P(alive)
	Expected    [][2]float64 `json:"expected"`    // t, E[X(t)]
	Conditional [][5]float64 `json:"conditional"` // x, t_x, T, t, E[Y(t)|x, t_x, T]
	PMF         [][3]float64 `json:"pmf"`         // n, t, P(X(t) = n)
}

func mdlReference(t testing.TB) *mdlRef {
	t.Helper()
	var r mdlRef
	if err := json.NewDecoder(mdlOpen(t, "reference.json")).Decode(&r); err != nil {
		t.Fatal(err)
	}
	return &r
}

// mdlClose reports whether got is within rel of want, relatively (with an
// absolute floor of 1e-300 for want = 0).
func mdlClose(got, want, rel float64) bool {
	return math.Abs(got-want) <= rel*math.Abs(want)+1e-300
}

// mdlCDNOWExact returns the calibration summary of the CDNOW sample made by
// Summarize from the raw transactions (checked against the published
// summary by TestSummarizeCDNOW); the published estimates were computed on
// these unrounded times.
func mdlCDNOWExact(t testing.TB) []RFM {
	t.Helper()
	data, err := Summarize(mdlReadCDNOW(t, "CDNOW_sample.txt"), RFMOptions{CalibrationEnd: mdlCDNOWCalibrationEnd})
	if err != nil {
		t.Fatal(err)
	}
	return data
}
