package churn_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/satmetrics/satmetrics/churn"
)

// A subscription business has followed one cohort of 1000 customers for
// seven years (the "high end" cohort of Fader and Hardie 2007). Fit sBG,
// project the cohort's survival five more years, and value a customer who
// has just renewed for the fourth time.
func ExampleFitSBG() {
	cohort := []int64{1000, 869, 743, 653, 593, 551, 517, 491}
	m, info, err := churn.FitSBG([][]int64{cohort}, churn.FitOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Printf("alpha %.3f, beta %.3f, log-likelihood %.1f\n", m.Alpha, m.Beta, info.LogLik)
	curve, _ := m.SurvivalCurve(12)
	for t := 8; t <= 12; t++ {
		r, _ := m.RetentionRate(t)
		fmt.Printf("year %2d: %.0f of 1000 still active, retention %.3f\n", t, 1000*curve[t], r)
	}
	// A customer who has renewed four times (in year 5), at $100 a year and
	// a 10% discount rate: the value of the remaining relationship.
	v, _ := m.ResidualValue(100, 0.10, 4)
	fmt.Printf("residual value $%.2f\n", v)
	// Output:
	// alpha 0.668, beta 3.806, log-likelihood -1611.2
	// year  8: 460 of 1000 still active, retention 0.942
	// year  9: 436 of 1000 still active, retention 0.946
	// year 10: 414 of 1000 still active, retention 0.950
	// year 11: 395 of 1000 still active, retention 0.954
	// year 12: 378 of 1000 still active, retention 0.957
	// residual value $689.67
}

// Summarize turns a transaction log into the per-customer summary that the
// purchase models take: repeat purchases, the time of the last one and the
// customer's age, in weeks, plus a holdout period for validation.
func ExampleSummarize() {
	day := func(m time.Month, d int) time.Time { return time.Date(2024, m, d, 12, 0, 0, 0, time.UTC) }
	log := []churn.Transaction{
		{Customer: "ann", Time: day(1, 2), Amount: 30},
		{Customer: "ann", Time: day(1, 23), Amount: 25},
		{Customer: "ann", Time: day(1, 23), Amount: 5}, // same day: one purchase occasion
		{Customer: "ann", Time: day(2, 13), Amount: 40},
		{Customer: "ann", Time: day(3, 19), Amount: 10}, // in the holdout period
		{Customer: "bob", Time: day(1, 16), Amount: 80},
	}
	rows, err := churn.Summarize(log, churn.RFMOptions{
		CalibrationEnd: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
		HoldoutEnd:     time.Date(2024, 3, 29, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		panic(err)
	}
	for _, r := range rows {
		fmt.Printf("%s: x=%d t_x=%.2f T=%.2f spend=%.2f holdout=%d\n",
			r.ID, r.Frequency, r.Recency, r.Age, r.Monetary, r.HoldoutFrequency)
	}
	// Output:
	// ann: x=2 t_x=6.00 T=8.43 spend=35.00 holdout=1
	// bob: x=0 t_x=0.00 T=6.43 spend=0.00 holdout=0
}

// mdlReadSample reads the CDNOW sample of the test data as a transaction log.
func mdlReadSample() []churn.Transaction {
	f, err := os.Open("testdata/models/CDNOW_sample.txt")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	var log []churn.Transaction
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text()) // master id, sample id, date, CDs, dollars
		d, _ := time.Parse("20060102", fields[2])
		v, _ := strconv.ParseFloat(fields[4], 64)
		log = append(log, churn.Transaction{Customer: fields[1], Time: d, Amount: v})
	}
	return log
}

// Fit BG/NBD to the 2,357 customers of the CDNOW sample (39 weeks of
// calibration), the data of Fader, Hardie and Lee (2005), and forecast.
func ExampleFitBGNBD() {
	rows, err := churn.Summarize(mdlReadSample(), churn.RFMOptions{CalibrationEnd: time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		panic(err)
	}
	m, info, err := churn.FitBGNBD(rows, churn.FitOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Printf("r %.3f, alpha %.3f, a %.3f, b %.3f, log-likelihood %.1f\n", m.R, m.Alpha, m.A, m.B, info.LogLik)
	r, _ := info.Estimate("r", 0.95)
	fmt.Printf("r 95%% interval [%.3f, %.3f]\n", r.Lower, r.Upper)
	e, _ := m.ExpectedPurchases(39)
	fmt.Printf("a new customer makes %.3f repeat purchases in 39 weeks\n", e)
	// Customer 1 of the sample: 2 repeat purchases, the last in week 30.43 of 38.86.
	c := churn.RFM{Frequency: 2, Recency: 30.43, Age: 38.86}
	alive, _ := m.ProbAlive(c)
	next, _ := m.ConditionalExpectedPurchases(c, 39)
	fmt.Printf("customer 1: P(alive) %.3f, %.3f purchases expected in the next 39 weeks\n", alive, next)
	// Output:
	// r 0.243, alpha 4.414, a 0.793, b 2.426, log-likelihood -9582.4
	// r 95% interval [0.219, 0.268]
	// a new customer makes 1.195 repeat purchases in 39 weeks
	// customer 1: P(alive) 0.727, 1.226 purchases expected in the next 39 weeks
}

// Rank customers by predicted value: expected purchases over the next
// year from BG/NBD times expected spend from Gamma-Gamma, discounted
// monthly (the published CDNOW estimates; times in weeks).
func ExampleCLVs() {
	purchases := churn.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	spend := churn.GammaGamma{P: 6.25, Q: 3.74, Gamma: 15.44}
	customers := []churn.RFM{
		{ID: "new", Frequency: 0, Recency: 0, Age: 30},
		{ID: "loyal", Frequency: 10, Recency: 37, Age: 38, Monetary: 35},
		{ID: "lapsed", Frequency: 6, Recency: 8, Age: 38, Monetary: 60},
		{ID: "recent", Frequency: 2, Recency: 36, Age: 38, Monetary: 20},
	}
	values, err := churn.CLVs(purchases, spend, customers,
		churn.CLVOptions{Periods: 12, PeriodLength: 52.0 / 12, DiscountRate: 0.01}, nil)
	if err != nil {
		panic(err)
	}
	order := []int{0, 1, 2, 3}
	sort.Slice(order, func(i, j int) bool { return values[order[i]] > values[order[j]] })
	for _, i := range order {
		alive, _ := purchases.ProbAlive(customers[i])
		fmt.Printf("%-7s P(alive) %.2f  value $%.2f\n", customers[i].ID, alive, values[i])
	}
	// Output:
	// loyal   P(alive) 0.92  value $281.46
	// recent  P(alive) 0.79  value $37.13
	// new     P(alive) 1.00  value $10.19
	// lapsed  P(alive) 0.00  value $1.38
}

// A service fits its model nightly and scores online: the fitted model
// travels as JSON.
func ExampleDecodePurchaseModel() {
	fitted := churn.ParetoNBD{R: 0.553, Alpha: 10.578, S: 0.606, Beta: 11.669}
	b, _ := json.Marshal(fitted)
	fmt.Println(string(b))
	m, err := churn.DecodePurchaseModel(b)
	if err != nil {
		panic(err)
	}
	p, _ := m.ProbAlive(churn.RFM{Frequency: 2, Recency: 30.43, Age: 38.86})
	fmt.Printf("%T P(alive) %.3f\n", m, p)
	// Output:
	// {"model":"pareto/nbd","r":0.553,"alpha":10.578,"s":0.606,"beta":11.669}
	// churn.ParetoNBD P(alive) 0.869
}

// BG/BB on the donations data of Fader, Hardie and Shang (2010): 11,104
// donors of 1995, six yearly opportunities to donate again.
func ExampleFitBGBB() {
	f, err := os.Open("testdata/models/donations.csv")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	var data []churn.DiscreteRFM
	sc := bufio.NewScanner(f)
	sc.Scan() // header: frequency, recency, periods, weights
	for sc.Scan() {
		var v [4]int64
		for i, s := range strings.Split(sc.Text(), ",") {
			v[i], _ = strconv.ParseInt(s, 10, 64)
		}
		data = append(data, churn.DiscreteRFM{Frequency: v[0], Recency: v[1], Periods: v[2], Count: v[3]})
	}
	m, _, err := churn.FitBGBB(data, churn.FitOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Printf("alpha %.3f, beta %.3f, gamma %.3f, delta %.3f\n", m.Alpha, m.Beta, m.Gamma, m.Delta)
	e, _ := m.ConditionalExpectedTransactions(churn.DiscreteRFM{Frequency: 6, Recency: 6, Periods: 6}, 5)
	fmt.Printf("a donor who gave every year gives %.2f times in the next five\n", e)
	// Output:
	// alpha 1.204, beta 0.750, gamma 0.657, delta 2.783
	// a donor who gave every year gives 3.75 times in the next five
}
