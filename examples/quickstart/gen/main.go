// Command gen writes the sample data that the quickstart example embeds: a
// year of survey answers, support tickets, subscription events and purchases
// of a fictitious software company, generated from a fixed seed so that the
// files (and the quickstart's report) are the same on every run.
//
// The data have the shapes a real export has: four channels, three plans,
// seasonality (a December dip), missing answers, tickets still open, and a
// real change in the middle: from June 2026 the chat channel is answered by a
// new bot, and its satisfaction drops. In September 2026 the support team is
// short-staffed and reply times triple. Respondents over-represent the
// enterprise plan, as survey respondents do, so that weighting matters.
//
// Run it from the repository root:
//
//	go run ./examples/quickstart/gen
package main

import (
	"encoding/csv"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

var (
	loc, _   = time.LoadLocation("Europe/Berlin")
	first    = time.Date(2025, 12, 1, 0, 0, 0, 0, loc)
	end      = time.Date(2026, 12, 1, 0, 0, 0, 0, loc)
	botStart = time.Date(2026, 6, 1, 0, 0, 0, 0, loc)
	channels = []string{"email", "chat", "phone", "web"}
	chanP    = []float64{0.35, 0.30, 0.20, 0.15}
	plans    = []string{"basic", "pro", "enterprise"}
	// Plan shares among respondents; the customer base is 60/30/10.
	respPlanP = []float64{0.45, 0.35, 0.20}
	mrrOf     = map[string]float64{"basic": 29, "pro": 99, "enterprise": 499}
)

func main() {
	dir := "examples/quickstart/data"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	r := rand.New(rand.NewPCG(2026, 11))
	write(filepath.Join(dir, "survey.csv"), survey(r))
	write(filepath.Join(dir, "tickets.csv"), tickets(r))
	write(filepath.Join(dir, "subscriptions.csv"), subscriptions(r))
	write(filepath.Join(dir, "purchases.csv"), purchases(r))
}

func write(path string, rows [][]string) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d rows\n", path, len(rows)-1)
}

func pick(r *rand.Rand, xs []string, p []float64) string {
	u := r.Float64()
	for i, q := range p {
		if u < q {
			return xs[i]
		}
		u -= q
	}
	return xs[len(xs)-1]
}

func clamp(x float64, lo, hi int) int {
	v := int(math.Round(x))
	return max(lo, min(hi, v))
}

// monthFactor gives the volume of each month: more in spring and autumn,
// less in summer.
func monthFactor(m time.Month) float64 {
	return 1 + 0.2*math.Cos(2*math.Pi*float64(m-3)/12)
}

// businessTime returns a random instant in the month, mostly in office hours.
func businessTime(r *rand.Rand, month time.Time) time.Time {
	days := month.AddDate(0, 1, 0).Sub(month).Hours() / 24
	for {
		d := month.AddDate(0, 0, r.IntN(int(math.Round(days))))
		wd := d.Weekday()
		if (wd == time.Saturday || wd == time.Sunday) && r.Float64() < 0.8 {
			continue
		}
		h := 8 + r.Float64()*10
		if r.Float64() < 0.1 {
			h = r.Float64() * 24
		}
		return d.Add(time.Duration(h * float64(time.Hour))).Truncate(time.Second)
	}
}

func survey(r *rand.Rand) [][]string {
	rows := [][]string{{"id", "time", "channel", "plan", "customer", "nps", "csat", "ces", "q1", "q2", "q3", "q4", "q5"}}
	id := 0
	for m := first; m.Before(end); m = m.AddDate(0, 1, 0) {
		n := int(330 * monthFactor(m.Month()))
		for i := 0; i < n; i++ {
			id++
			ch := pick(r, channels, chanP)
			plan := pick(r, plans, respPlanP)
			t := businessTime(r, m)
			mu := 0.0
			switch ch {
			case "phone":
				mu += 0.3
			case "web":
				mu -= 0.15
			case "chat":
				if !t.Before(botStart) {
					mu -= 0.8
				}
			}
			switch plan {
			case "enterprise":
				mu += 0.35
			case "basic":
				mu -= 0.1
			}
			if m.Month() == time.December {
				mu -= 0.25
			}
			s := mu + r.NormFloat64()
			row := []string{
				strconv.Itoa(id), t.Format(time.RFC3339), ch, plan, fmt.Sprintf("C%05d", 1+r.IntN(5000)),
				strconv.Itoa(clamp(7.3+1.7*s+0.8*r.NormFloat64(), 0, 10)),
				strconv.Itoa(clamp(3.9+0.8*s+0.5*r.NormFloat64(), 1, 5)),
				strconv.Itoa(clamp(5.3+1.0*s+0.7*r.NormFloat64(), 1, 7)),
			}
			if r.Float64() < 0.02 {
				row[7] = ""
			}
			for k := 0; k < 5; k++ {
				v := clamp(3.5+0.75*s+0.6*r.NormFloat64(), 1, 5)
				if k == 4 { // "I had to explain my problem more than once": reverse-keyed
					v = 6 - v
				}
				cell := strconv.Itoa(v)
				if r.Float64() < 0.03 {
					cell = ""
				}
				row = append(row, cell)
			}
			rows = append(rows, row)
		}
	}
	return rows
}

func tickets(r *rand.Rand) [][]string {
	rows := [][]string{{"id", "channel", "priority", "created", "first_reply", "solved", "reopens", "agent_replies"}}
	id := 0
	median := map[string]float64{"email": 240, "chat": 3, "phone": 1, "web": 360} // minutes to first reply
	for m := first; m.Before(end); m = m.AddDate(0, 1, 0) {
		n := int(300 * monthFactor(m.Month()))
		for i := 0; i < n; i++ {
			id++
			ch := pick(r, channels, chanP)
			prio := pick(r, []string{"low", "normal", "high", "urgent"}, []float64{0.25, 0.5, 0.2, 0.05})
			created := businessTime(r, m)
			f := 1.0
			if m.Month() == time.September && m.Year() == 2026 {
				f = 3
			}
			if prio == "urgent" {
				f *= 0.3
			}
			reply := created.Add(time.Duration(median[ch] * f * math.Exp(0.8*r.NormFloat64()) * float64(time.Minute))).Truncate(time.Second)
			replies := 1
			for replies < 8 && r.Float64() < 0.45 {
				replies++
			}
			solve := reply.Add(time.Duration(float64(replies-1)*20*math.Exp(0.9*r.NormFloat64())*float64(time.Hour)) + time.Duration(r.IntN(600))*time.Second)
			reopens := 0
			if r.Float64() < 0.08 {
				reopens = 1
				solve = solve.Add(time.Duration(24*r.Float64()) * time.Hour)
			}
			row := []string{strconv.Itoa(id), ch, prio, created.Format(time.RFC3339), reply.Format(time.RFC3339), solve.Format(time.RFC3339), strconv.Itoa(reopens), strconv.Itoa(replies)}
			if !reply.Before(end) {
				row[4], row[5] = "", ""
			} else if !solve.Before(end) {
				row[5] = ""
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// gamma draws from a gamma distribution with the given shape and scale
// (Marsaglia and Tsang 2000).
func gamma(r *rand.Rand, shape, scale float64) float64 {
	if shape < 1 {
		return gamma(r, shape+1, scale) * math.Pow(r.Float64(), 1/shape)
	}
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if math.Log(u) < 0.5*x*x+d-d*v+d*math.Log(v) {
			return d * v * scale
		}
	}
}

func beta(r *rand.Rand, a, b float64) float64 {
	x := gamma(r, a, 1)
	return x / (x + gamma(r, b, 1))
}

// subscriptions writes subscription events: start (with the plan's MRR),
// change (a new MRR after an upgrade or downgrade) and cancel. Customers
// join in monthly cohorts over two years; each has a monthly churn
// probability drawn from a beta distribution, as the shifted-beta-geometric
// model assumes.
func subscriptions(r *rand.Rand) [][]string {
	rows := [][]string{{"customer", "time", "kind", "plan", "mrr"}}
	start := time.Date(2024, 12, 1, 0, 0, 0, 0, loc)
	id := 0
	for m := start; m.Before(end); m = m.AddDate(0, 1, 0) {
		n := 55 + r.IntN(30)
		for i := 0; i < n; i++ {
			id++
			cust := fmt.Sprintf("S%05d", id)
			plan := pick(r, plans, []float64{0.6, 0.3, 0.1})
			mrr := mrrOf[plan]
			theta := beta(r, 0.9, 6)
			t := businessTime(r, m)
			rows = append(rows, []string{cust, t.Format(time.RFC3339), "start", plan, fmt.Sprint(mrr)})
			for renewal := t.AddDate(0, 1, 0); renewal.Before(end); renewal = renewal.AddDate(0, 1, 0) {
				if r.Float64() < theta {
					rows = append(rows, []string{cust, renewal.Add(-time.Duration(r.IntN(72)) * time.Hour).Format(time.RFC3339), "cancel", plan, "0"})
					break
				}
				switch u := r.Float64(); {
				case u < 0.03 && plan != "enterprise":
					if plan == "basic" {
						plan = "pro"
					} else {
						plan = "enterprise"
					}
				case u < 0.04 && plan != "basic":
					if plan == "enterprise" {
						plan = "pro"
					} else {
						plan = "basic"
					}
				default:
					continue
				}
				mrr = mrrOf[plan]
				rows = append(rows, []string{cust, renewal.Format(time.RFC3339), "change", plan, fmt.Sprint(mrr)})
			}
		}
	}
	return rows
}

// purchases writes a non-contractual purchase log generated by the BG/NBD
// and Gamma-Gamma assumptions: each customer buys at a Poisson rate drawn
// from a gamma distribution, may drop out after each purchase with a
// probability drawn from a beta distribution, and spends amounts whose mean
// varies across customers.
func purchases(r *rand.Rand) [][]string {
	rows := [][]string{{"customer", "date", "amount"}}
	for id := 1; id <= 1200; id++ {
		cust := fmt.Sprintf("P%05d", id)
		lambda := gamma(r, 0.7, 1.0/9) // purchases per week, mean 0.078
		p := beta(r, 0.8, 3)
		nu := gamma(r, 6, 40.0/6) // the customer's mean spend, around 40
		t := first.Add(time.Duration(r.Float64()*90*24) * time.Hour)
		for t.Before(end) {
			rows = append(rows, []string{cust, t.Format("2006-01-02"), fmt.Sprintf("%.2f", gamma(r, 4, nu/4))})
			if r.Float64() < p {
				break
			}
			hours := r.ExpFloat64() / lambda * 7 * 24
			if hours > end.Sub(t).Hours() {
				break // the next purchase would come after the data end
			}
			t = t.Add(time.Duration(hours * float64(time.Hour)))
		}
	}
	return rows
}
