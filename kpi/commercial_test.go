package kpi

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/satmetrics/satmetrics"
)

func TestPurchases(t *testing.T) {
	var p Purchases
	orders := []Order{
		{"o1", "ann", t0, 20}, {"o2", "ann", t0, 30}, {"o3", "bob", t0, 50},
		{"o4", "cat", t0, 10}, {"o5", "cat", t0, 40}, {"o6", "cat", t0, 30},
	}
	for _, o := range orders {
		if err := p.Add(o); err != nil {
			t.Fatal(err)
		}
	}
	if p.Customers() != 3 || p.Orders() != 6 || p.Revenue() != 180 {
		t.Errorf("Customers, Orders, Revenue = %d, %d, %v", p.Customers(), p.Orders(), p.Revenue())
	}
	rpr, err := p.RepeatPurchaseRate(0.95)
	if err != nil || !close(rpr.Value, 200.0/3, 1e-12) || rpr.N != 3 {
		t.Errorf("RepeatPurchaseRate = %+v, %v", rpr, err)
	}
	if f, err := p.PurchaseFrequency(); err != nil || f != 2 {
		t.Errorf("PurchaseFrequency = %v, %v", f, err)
	}
	// Amounts 20, 30, 50, 10, 40, 30: mean 30, s² = 200, se = √(200/6). R:
	// t.test(c(20, 30, 50, 10, 40, 30))$conf.int = (15.15873885, 44.84126115).
	aov, err := p.AverageOrderValue(0.95)
	if err != nil || aov.Value != 30 || !close(aov.StdErr, math.Sqrt(200.0/6), 1e-12) ||
		!close(aov.Lower, 15.15873885, 1e-9) || !close(aov.Upper, 44.84126115, 1e-9) {
		t.Errorf("AverageOrderValue = %+v, %v", aov, err)
	}
	if v, err := p.RevenuePerCustomer(0); err != nil || v != 60 {
		t.Errorf("RevenuePerCustomer(buyers) = %v, %v", v, err)
	}
	if v, err := p.RevenuePerCustomer(10); err != nil || v != 18 {
		t.Errorf("RevenuePerCustomer(10) = %v, %v", v, err)
	}
	if _, err := p.RevenuePerCustomer(2); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("RevenuePerCustomer(2) error = %v", err)
	}
	for _, bad := range []Order{
		{ID: "o7", Customer: "dan", Amount: math.NaN()},
		{ID: "o8", Customer: "dan", Amount: -5},
		{ID: "o9", Customer: "dan", Amount: math.Inf(1)},
		{ID: "o10", Amount: 5},
	} {
		err := p.Add(bad)
		var re *RecordError
		if !errors.Is(err, satmetrics.ErrRange) || !errors.As(err, &re) || re.ID != bad.ID || !strings.Contains(err.Error(), `order "`+bad.ID+`"`) {
			t.Errorf("Add(%+v) error = %v", bad, err)
		}
	}
	if p.Orders() != 6 {
		t.Error("bad orders were counted")
	}
	var empty Purchases
	if _, err := empty.PurchaseFrequency(); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("empty PurchaseFrequency error = %v", err)
	}
	if _, err := empty.AverageOrderValue(0.95); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("empty AverageOrderValue error = %v", err)
	}
	if _, err := empty.AverageOrderValue(0); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("AverageOrderValue(level 0) error = %v", err)
	}
	if _, err := empty.RevenuePerCustomer(0); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("empty RevenuePerCustomer error = %v", err)
	}
	if _, err := empty.RepeatPurchaseRate(0.95); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("empty RepeatPurchaseRate error = %v", err)
	}
}

func purchasesOf(t testing.TB, os []Order) *Purchases {
	var p Purchases
	for _, o := range os {
		if err := p.Add(o); err != nil {
			t.Fatal(err)
		}
	}
	return &p
}

func genOrders() gopter.Gen {
	return gen.SliceOf(gen.UInt64()).Map(func(seeds []uint64) []Order {
		os := make([]Order, len(seeds))
		for i, s := range seeds {
			os[i] = Order{ID: "o", Customer: fmt.Sprintf("c%d", s%13), Time: t0, Amount: float64(s>>8%50000) / 100}
		}
		return os
	})
}

func samePurchases(a, b *Purchases) bool {
	if a.Orders() != b.Orders() || a.Customers() != b.Customers() || !close(a.Revenue(), b.Revenue(), 1e-12) {
		return false
	}
	for k, c := range a.customers {
		d := b.customers[k]
		if d == nil || d.orders != c.orders || !close(c.revenue.Value(), d.revenue.Value(), 1e-12) {
			return false
		}
	}
	ra, ea := a.AverageOrderValue(0.9)
	rb, eb := b.AverageOrderValue(0.9)
	return (ea == nil) == (eb == nil) && close(ra.Value, rb.Value, 1e-12) && close(ra.StdErr, rb.StdErr, 1e-9)
}

func TestPurchasesProperties(t *testing.T) {
	props := gopter.NewProperties(nil)
	props.Property("merge laws", prop.ForAll(
		func(a, b, c []Order) bool {
			whole := purchasesOf(t, append(append(append([]Order(nil), a...), b...), c...))
			left := purchasesOf(t, a)
			_ = left.Merge(purchasesOf(t, b))
			_ = left.Merge(purchasesOf(t, c))
			bc := purchasesOf(t, b)
			_ = bc.Merge(purchasesOf(t, c))
			right := purchasesOf(t, a)
			_ = right.Merge(bc)
			ba := purchasesOf(t, b)
			_ = ba.Merge(purchasesOf(t, a))
			ab := purchasesOf(t, a)
			_ = ab.Merge(purchasesOf(t, b))
			id := purchasesOf(t, a)
			_ = id.Merge(&Purchases{})
			self := purchasesOf(t, a)
			_ = self.Merge(self)
			return samePurchases(left, whole) && samePurchases(right, whole) && samePurchases(ba, ab) &&
				samePurchases(id, purchasesOf(t, a)) && samePurchases(self, purchasesOf(t, append(append([]Order(nil), a...), a...)))
		},
		genOrders(), genOrders(), genOrders(),
	))
	props.Property("encodings round trip", prop.ForAll(
		func(os []Order) bool {
			return roundTrips(t, purchasesOf(t, os))
		},
		genOrders(),
	))
	props.TestingRun(t)
}

func TestPurchasesDecodeCorrupt(t *testing.T) {
	good, _ := purchasesOf(t, []Order{{"o", "a", t0, 5}, {"p", "b", t0, 7}}).MarshalBinary()
	for i := 0; i < len(good); i++ {
		var p Purchases
		if err := p.UnmarshalBinary(good[:i]); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("UnmarshalBinary(truncated to %d) error = %v", i, err)
		}
	}
	var p Purchases
	if err := p.UnmarshalBinary(append(append([]byte(nil), good...), 1)); !errors.Is(err, satmetrics.ErrCorrupt) {
		t.Errorf("trailing byte error = %v", err)
	}
	for _, j := range []string{
		`{"orders":1,"customers":{}}`,
		`{"orders":1,"moments":[1,1,1,5,0],"revenue":[5,0],"customers":{"a":{"orders":0}}}`,
		`{"orders":1,"moments":[1,1,1,5,0],"revenue":[-5,0],"customers":{"a":{"orders":1,"revenue":[5,0]}}}`,
		`{"orders":1,"moments":[1.5,1,1,5,0],"revenue":[5,0],"customers":{"a":{"orders":1,"revenue":[5,0]}}}`,
		`{"orders":1,"moments":[1,1,1,5,0],"revenue":[5,0],"customers":{"a":{"orders":1,"revenue":[-5,0]}}}`,
		`{"orders":"x"}`,
	} {
		var p Purchases
		if err := json.Unmarshal([]byte(j), &p); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("UnmarshalJSON(%s) error = %v", j, err)
		}
	}
}

func FuzzPurchasesUnmarshalBinary(f *testing.F) {
	b, _ := purchasesOf(f, []Order{{"o", "a", t0, 5}, {"p", "b", t0, 7}, {"q", "a", t0, 1}}).MarshalBinary()
	f.Add(b)
	f.Add([]byte{1, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		var p Purchases
		if err := p.UnmarshalBinary(b); err != nil {
			return
		}
		if _, err := json.Marshal(&p); err != nil {
			t.Fatal(err)
		}
		_, _ = p.AverageOrderValue(0.95)
		_, _ = p.RepeatPurchaseRate(0.95)
	})
}

func FuzzPurchasesUnmarshalJSON(f *testing.F) {
	b, _ := json.Marshal(purchasesOf(f, []Order{{"o", "a", t0, 5}, {"p", "b", t0, 7}}))
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		var p Purchases
		if err := json.Unmarshal(b, &p); err != nil {
			return
		}
		if _, err := p.MarshalBinary(); err != nil {
			t.Fatal(err)
		}
		_, _ = p.PurchaseFrequency()
	})
}

func BenchmarkPurchasesAdd(b *testing.B) {
	var p Purchases
	os := make([]Order, 1000)
	for i := range os {
		os[i] = Order{ID: "o", Customer: fmt.Sprintf("c%d", i%200), Amount: float64(i%97) + 0.5}
		_ = p.Add(os[i])
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = p.Add(os[i%1000])
	}
}
