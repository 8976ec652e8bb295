package churn

import (
	"fmt"
	"testing"
)

// mdlCDNOWMaster returns the calibration summary (39 weeks to 1997-09-30)
// of the 23,570 customers of the CDNOW master file.
func mdlCDNOWMaster(b testing.TB) []RFM {
	data, err := Summarize(mdlReadCDNOW(b, "CDNOW_master.txt.gz"), RFMOptions{CalibrationEnd: mdlCDNOWCalibrationEnd})
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkFitBGNBD times the whole fit, from the customers' histories to
// the estimate with its standard errors, on the CDNOW sample (2,357
// customers) and master file (23,570 customers). Targets: 20 ms and 200 ms.
func BenchmarkFitBGNBD(b *testing.B) {
	for _, c := range []struct {
		name string
		data []RFM
	}{{"sample", mdlCDNOWExact(b)}, {"master", mdlCDNOWMaster(b)}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, _, err := FitBGNBD(c.data, FitOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFitOthers(b *testing.B) {
	sample := mdlCDNOWExact(b)
	don := mdlDonations(b)
	for _, c := range []struct {
		name string
		fit  func() error
	}{
		{"ParetoNBD/sample", func() error { _, _, err := FitParetoNBD(sample, FitOptions{}); return err }},
		{"MBGNBD/sample", func() error { _, _, err := FitMBGNBD(sample, FitOptions{}); return err }},
		{"GammaGamma/sample", func() error { _, _, err := FitGammaGamma(sample, FitOptions{}); return err }},
		{"BGBB/donations", func() error { _, _, err := FitBGBB(don, FitOptions{}); return err }},
		{"SBG/high-end", func() error { _, _, err := FitSBG([][]int64{mdlHighEnd}, FitOptions{}); return err }},
		{"BdW/high-end", func() error { _, _, err := FitBdW([][]int64{mdlHighEnd}, FitOptions{}); return err }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := c.fit(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkScorePurchases scores P(alive) and the conditional expected
// purchases in the next 39 weeks for n customers (the master file's
// histories repeated). Target: 1,000,000 customers in at most 1 s.
func BenchmarkScorePurchases(b *testing.B) {
	master := mdlCDNOWMaster(b)
	models := []PurchaseModel{BGNBD{0.243, 4.414, 0.793, 2.426}, ParetoNBD{0.553, 10.578, 0.606, 11.669}}
	for _, m := range models {
		for _, n := range []int{1000, 100_000, 1_000_000} {
			if _, ok := m.(ParetoNBD); ok && n > 100_000 {
				continue
			}
			data := make([]RFM, n)
			for i := range data {
				data[i] = master[i%len(master)]
			}
			dst := make([]PurchaseScore, 0, n)
			b.Run(fmt.Sprintf("%T/%d", m, n), func(b *testing.B) {
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					var err error
					if dst, err = ScorePurchases(m, data, 39, dst[:0]); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkSummarize(b *testing.B) {
	for _, name := range []string{"CDNOW_sample.txt", "CDNOW_master.txt.gz"} {
		txns := mdlReadCDNOW(b, name)
		b.Run(fmt.Sprintf("%d-transactions", len(txns)), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Summarize(txns, RFMOptions{CalibrationEnd: mdlCDNOWCalibrationEnd}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCLV(b *testing.B) {
	m := BGNBD{0.243, 4.414, 0.793, 2.426}
	s := GammaGamma{6.25, 3.74, 15.44}
	c := RFM{Frequency: 4, Recency: 30, Age: 38, Monetary: 30}
	opts := CLVOptions{Periods: 12, PeriodLength: 52.0 / 12, DiscountRate: 0.01}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := CLV(m, s, c, opts); err != nil {
			b.Fatal(err)
		}
	}
}
