package kpi

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/dist"
	"github.com/satmetrics/satmetrics/internal/stable"
)

// An Order is one purchase by a customer.
type Order struct {
	ID       string    `json:"id"`
	Customer string    `json:"customer"`
	Time     time.Time `json:"time"`
	Amount   float64   `json:"amount"` // in the currency's unit; must be finite and non-negative
}

// Purchases accumulates orders for the commercial KPIs: repeat purchase
// rate, purchase frequency, average order value and revenue per customer.
// It keeps one entry per customer (order count and compensated revenue), so
// memory grows with the number of customers, not of orders. Lifetime value
// and CAC payback belong to package churn, which models retention; combine
// its figures with these rather than recomputing them here.
//
// The zero value is ready to use. Merge combines tallies of disjoint or
// overlapping order streams (a customer's orders are added up).
type Purchases struct {
	customers map[string]*customer
	orders    int64
	revenue   stable.Sum
	amounts   stable.Moments
}

type customer struct {
	orders  int64
	revenue stable.Sum
}

// Add adds an order. An empty customer, or an amount that is NaN,
// infinite or negative, is an error naming the order (a *RecordError
// wrapping satmetrics.ErrRange), and the order is not added. Only an
// order from a new customer allocates.
func (p *Purchases) Add(o Order) error {
	if o.Customer == "" {
		return &RecordError{Kind: "order", ID: o.ID, Field: "customer", Err: fmt.Errorf("empty: %w", satmetrics.ErrRange)}
	}
	if !(o.Amount >= 0) || math.IsInf(o.Amount, 0) {
		return &RecordError{Kind: "order", ID: o.ID, Field: "amount", Err: fmt.Errorf("%v: %w", o.Amount, satmetrics.ErrRange)}
	}
	c := p.customers[o.Customer]
	if c == nil {
		if p.customers == nil {
			p.customers = make(map[string]*customer)
		}
		c = new(customer)
		p.customers[o.Customer] = c
	}
	c.orders++
	c.revenue.Add(o.Amount)
	p.orders++
	p.revenue.Add(o.Amount)
	p.amounts.Add(o.Amount)
	return nil
}

// Merge folds q into p, as if every order added to q had been added to p.
// It is associative and commutative (the counts exactly, the sums up to
// rounding), with the zero value as identity.
func (p *Purchases) Merge(q *Purchases) error {
	if p == q {
		c := q.clone()
		q = &c
	}
	for k, qc := range q.customers {
		c := p.customers[k]
		if c == nil {
			if p.customers == nil {
				p.customers = make(map[string]*customer)
			}
			c = new(customer)
			p.customers[k] = c
		}
		c.orders += qc.orders
		c.revenue.Merge(qc.revenue)
	}
	p.orders += q.orders
	p.revenue.Merge(q.revenue)
	p.amounts.Merge(q.amounts)
	return nil
}

func (p *Purchases) clone() Purchases {
	c := *p
	c.customers = make(map[string]*customer, len(p.customers))
	for k, v := range p.customers {
		cv := *v
		c.customers[k] = &cv
	}
	return c
}

// Customers returns the number of customers with at least one order.
func (p *Purchases) Customers() int64 { return int64(len(p.customers)) }

// Orders returns the number of orders.
func (p *Purchases) Orders() int64 { return p.orders }

// Revenue returns the total of the order amounts.
func (p *Purchases) Revenue() float64 { return p.revenue.Value() }

// RepeatPurchaseRate returns the share of customers with two or more
// orders among those with at least one, in percent with Wilson's interval.
func (p *Purchases) RepeatPurchaseRate(level float64) (satmetrics.Estimate, error) {
	var repeat int64
	for _, c := range p.customers {
		if c.orders >= 2 {
			repeat++
		}
	}
	return RateEstimate(repeat, p.Customers(), level)
}

// PurchaseFrequency returns the mean number of orders per customer,
// orders / customers, or an error wrapping satmetrics.ErrNoData when there
// are none.
func (p *Purchases) PurchaseFrequency() (float64, error) {
	if p.orders == 0 {
		return 0, fmt.Errorf("kpi: purchase frequency of no orders: %w", satmetrics.ErrNoData)
	}
	return float64(p.orders) / float64(len(p.customers)), nil
}

// AverageOrderValue returns revenue / orders with the Student t interval
// of a mean, from the orders' stable running moments. It needs two orders.
func (p *Purchases) AverageOrderValue(level float64) (satmetrics.Estimate, error) {
	if err := satmetrics.CheckLevel(level); err != nil {
		return satmetrics.Estimate{}, err
	}
	n := p.amounts.N()
	if n < 2 {
		return satmetrics.Estimate{}, fmt.Errorf("kpi: average order value of %d orders needs 2: %w", n, satmetrics.ErrNoData)
	}
	mean := p.revenue.Value() / float64(p.orders)
	se := math.Sqrt(p.amounts.Variance() / float64(n))
	t := dist.StudentTQuantile(1-(1-level)/2, float64(n-1))
	e := satmetrics.Estimate{Value: mean, StdErr: se, N: n,
		Interval: satmetrics.Interval{Lower: mean - t*se, Upper: mean + t*se, Level: level, Method: "t"}}
	return e, e.Check()
}

// RevenuePerCustomer returns the average revenue per user (ARPU): revenue
// divided by base, the number of customers to spread it over, or by the
// purchasing customers when base is 0. A base smaller than the purchasing
// customers is an error wrapping satmetrics.ErrRange; no customers one
// wrapping satmetrics.ErrNoData.
func (p *Purchases) RevenuePerCustomer(base int64) (float64, error) {
	if base == 0 {
		base = p.Customers()
	}
	if base < p.Customers() {
		return 0, fmt.Errorf("kpi: revenue per customer over %d customers, fewer than the %d who bought: %w", base, p.Customers(), satmetrics.ErrRange)
	}
	if base == 0 {
		return 0, fmt.Errorf("kpi: revenue per customer of no customers: %w", satmetrics.ErrNoData)
	}
	return p.revenue.Value() / float64(base), nil
}

// purchasesJSON is the JSON form of Purchases.
type purchasesJSON struct {
	Orders    int64                   `json:"orders"`
	Revenue   [2]float64              `json:"revenue"` // compensated sum: sum and compensation
	Moments   [5]float64              `json:"moments"` // n, weight, squared weight, mean, M2 of the amounts
	Customers map[string]customerJSON `json:"customers"`
}

type customerJSON struct {
	Orders  int64      `json:"orders"`
	Revenue [2]float64 `json:"revenue"`
}

// MarshalJSON encodes the tally with every customer's order count and
// revenue.
func (p *Purchases) MarshalJSON() ([]byte, error) {
	j := purchasesJSON{Orders: p.orders, Customers: make(map[string]customerJSON, len(p.customers))}
	j.Revenue[0], j.Revenue[1] = p.revenue.Parts()
	n, w, w2, mean, m2 := p.amounts.State()
	j.Moments = [5]float64{float64(n), w, w2, mean, m2}
	for k, c := range p.customers {
		s, comp := c.revenue.Parts()
		j.Customers[k] = customerJSON{Orders: c.orders, Revenue: [2]float64{s, comp}}
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes what MarshalJSON encodes. Counts that do not add
// up, negative or non-finite values are an error wrapping
// satmetrics.ErrCorrupt.
func (p *Purchases) UnmarshalJSON(b []byte) error {
	var j purchasesJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("kpi: decode purchases: %v: %w", err, satmetrics.ErrCorrupt)
	}
	q := Purchases{orders: j.Orders, revenue: stable.FromParts(j.Revenue[0], j.Revenue[1])}
	q.amounts = stable.FromState(int64(j.Moments[0]), j.Moments[1], j.Moments[2], j.Moments[3], j.Moments[4])
	if j.Moments[0] != math.Trunc(j.Moments[0]) {
		return fmt.Errorf("kpi: decode purchases: fractional count: %w", satmetrics.ErrCorrupt)
	}
	if len(j.Customers) > 0 {
		q.customers = make(map[string]*customer, len(j.Customers))
	}
	for k, c := range j.Customers {
		q.customers[k] = &customer{orders: c.Orders, revenue: stable.FromParts(c.Revenue[0], c.Revenue[1])}
	}
	if err := q.check(); err != nil {
		return err
	}
	*p = q
	return nil
}

func (p *Purchases) check() error {
	corrupt := func(why string) error {
		return fmt.Errorf("kpi: decode purchases: %s: %w", why, satmetrics.ErrCorrupt)
	}
	var sum int64
	for k, c := range p.customers {
		if k == "" || c.orders < 1 {
			return corrupt(fmt.Sprintf("customer %q", k))
		}
		sum += c.orders
		if sum < 0 {
			return corrupt("counts overflow")
		}
		if s, comp := c.revenue.Parts(); !finite(s) || !finite(comp) || c.revenue.Value() < 0 {
			return corrupt(fmt.Sprintf("customer %q revenue", k))
		}
	}
	if sum != p.orders || p.amounts.N() != p.orders {
		return corrupt("order counts do not add up")
	}
	s, comp := p.revenue.Parts()
	n, w, w2, mean, m2 := p.amounts.State()
	for _, v := range []float64{s, comp, w, w2, mean, m2} {
		if !finite(v) {
			return corrupt("a sum is not finite")
		}
	}
	if p.revenue.Value() < 0 || w != float64(n) || w2 != float64(n) || m2 < 0 || mean < 0 {
		return corrupt("impossible sums")
	}
	return nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

const purchasesVersion = 1

// AppendBinary appends the binary encoding of p to b: a version byte of 1,
// the order count (uvarint), the revenue and compensation and the five
// moment fields (8-byte IEEE 754 little-endian each), the number of
// customers (uvarint), and per customer in key order its length-prefixed
// key, order count and revenue parts.
func (p *Purchases) AppendBinary(b []byte) ([]byte, error) {
	f := func(v float64) { b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v)) }
	b = append(b, purchasesVersion)
	b = binary.AppendUvarint(b, uint64(p.orders))
	s, comp := p.revenue.Parts()
	f(s)
	f(comp)
	n, w, w2, mean, m2 := p.amounts.State()
	for _, v := range []float64{float64(n), w, w2, mean, m2} {
		f(v)
	}
	keys := make([]string, 0, len(p.customers))
	for k := range p.customers {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		c := p.customers[k]
		b = binary.AppendUvarint(b, uint64(len(k)))
		b = append(b, k...)
		b = binary.AppendUvarint(b, uint64(c.orders))
		s, comp := c.revenue.Parts()
		f(s)
		f(comp)
	}
	return b, nil
}

// MarshalBinary implements encoding.BinaryMarshaler with the layout of
// AppendBinary.
func (p *Purchases) MarshalBinary() ([]byte, error) { return p.AppendBinary(nil) }

// UnmarshalBinary implements encoding.BinaryUnmarshaler, with the checks of
// UnmarshalJSON; truncated or trailing bytes, an unknown version and a
// customer listed twice are errors wrapping satmetrics.ErrCorrupt.
func (p *Purchases) UnmarshalBinary(b []byte) error {
	corrupt := func(why string) error {
		return fmt.Errorf("kpi: decode purchases: %s: %w", why, satmetrics.ErrCorrupt)
	}
	if len(b) < 1 || b[0] != purchasesVersion {
		return corrupt("bad version")
	}
	b = b[1:]
	uv := func() (int64, bool) {
		v, k := binary.Uvarint(b)
		if k <= 0 || v > 1<<62 {
			return 0, false
		}
		b = b[k:]
		return int64(v), true
	}
	f := func() (float64, bool) {
		if len(b) < 8 {
			return 0, false
		}
		v := math.Float64frombits(binary.LittleEndian.Uint64(b))
		b = b[8:]
		return v, true
	}
	orders, ok := uv()
	if !ok {
		return corrupt("truncated")
	}
	var fs [7]float64
	for i := range fs {
		if fs[i], ok = f(); !ok {
			return corrupt("truncated")
		}
	}
	if fs[2] != math.Trunc(fs[2]) || fs[2] < 0 || fs[2] > 1<<62 {
		return corrupt("bad count")
	}
	q := Purchases{orders: orders, revenue: stable.FromParts(fs[0], fs[1]),
		amounts: stable.FromState(int64(fs[2]), fs[3], fs[4], fs[5], fs[6])}
	nc, ok := uv()
	if !ok || nc > int64(len(b)) {
		return corrupt("truncated customers")
	}
	if nc > 0 {
		q.customers = make(map[string]*customer, nc)
	}
	for range nc {
		l, ok := uv()
		if !ok || l > int64(len(b)) {
			return corrupt("truncated customer")
		}
		k := string(b[:l])
		b = b[l:]
		o, ok1 := uv()
		s, ok2 := f()
		c, ok3 := f()
		if !ok1 || !ok2 || !ok3 {
			return corrupt("truncated customer")
		}
		if _, dup := q.customers[k]; dup {
			return corrupt(fmt.Sprintf("customer %q twice", k))
		}
		q.customers[k] = &customer{orders: o, revenue: stable.FromParts(s, c)}
	}
	if len(b) != 0 {
		return corrupt("trailing bytes")
	}
	if err := q.check(); err != nil {
		return err
	}
	*p = q
	return nil
}
