package churn

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/satmetrics/satmetrics"
)

// mdlCheckPurchaseRef compares m's predictions with the reference values
// of gen_reference.py (closed forms of the papers evaluated by mpmath at 30
// digits; Pareto/NBD's P(X(t) = n) by quadrature of its definition). The
// tolerance is relative, 1e-9 (the Go series stop at 1e-16 of their sum;
// the rest is floating-point rounding in the parameters' powers).
func mdlCheckPurchaseRef(t *testing.T, m PurchaseModel, ref mdlRefPurchase) {
	t.Helper()
	const tol = 1e-9
	for _, a := range ref.Alive {
		c := RFM{Frequency: int64(a[0]), Recency: a[1], Age: a[2]}
		got, err := m.ProbAlive(c)
		if err != nil || !mdlClose(got, a[3], tol) {
			t.Errorf("%+v.ProbAlive(%v) = %v, %v, want %v", m, a[:3], got, err, a[3])
		}
	}
	for _, e := range ref.Expected {
		got, err := m.ExpectedPurchases(e[0])
		if err != nil || !mdlClose(got, e[1], tol) {
			t.Errorf("%+v.ExpectedPurchases(%v) = %v, %v, want %v", m, e[0], got, err, e[1])
		}
	}
	for _, e := range ref.Conditional {
		c := RFM{Frequency: int64(e[0]), Recency: e[1], Age: e[2]}
		got, err := m.ConditionalExpectedPurchases(c, e[3])
		if err != nil || !mdlClose(got, e[4], tol) {
			t.Errorf("%+v.ConditionalExpectedPurchases(%v, %v) = %v, %v, want %v", m, e[:3], e[3], got, err, e[4])
		}
	}
	for _, p := range ref.PMF {
		got, err := m.ProbPurchases(int64(p[0]), p[1])
		if err != nil || !mdlClose(got, p[2], tol) {
			t.Errorf("%+v.ProbPurchases(%v, %v) = %v, %v, want %v", m, p[0], p[1], got, err, p[2])
		}
	}
}

// mdlGenHistory generates purchase histories (x, t_x, T) with T up to 100.
func mdlGenHistory() gopter.Gen {
	return gopter.CombineGens(gen.Int64Range(0, 60), gen.Float64Range(0, 1), gen.Float64Range(0, 100)).
		Map(func(v []any) RFM {
			x, u, T := v[0].(int64), v[1].(float64), v[2].(float64)
			c := RFM{Frequency: x, Age: T}
			if x > 0 {
				c.Recency = u * T
			}
			return c
		})
}

// mdlGenParams generates n positive parameters, log-uniform in [0.05, 20].
func mdlGenParams(n int) gopter.Gen {
	gens := make([]gopter.Gen, n)
	for i := range gens {
		gens[i] = gen.Float64Range(math.Log(0.05), math.Log(20)).Map(math.Exp)
	}
	return gopter.CombineGens(gens...).Map(func(v []any) []float64 {
		out := make([]float64, n)
		for i := range v {
			out[i] = v[i].(float64)
		}
		return out
	})
}

// mdlPurchaseLaws checks, for random parameters (made by mk) and
// histories, the laws every purchase model obeys: probabilities in [0, 1];
// expectations finite, non-negative and non-decreasing in the horizon;
// P(X(t) = n) summing to 1 with mean E[X(t)]; and a JSON round trip that
// predicts the same.
func mdlPurchaseLaws(t *testing.T, mk func(p []float64) PurchaseModel) {
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 200
	props := gopter.NewProperties(params)
	props.Property("probabilities in [0,1], expectations non-negative and increasing", prop.ForAll(
		func(p []float64, c RFM, t1, t2 float64) bool {
			m := mk(p)
			pa, err := m.ProbAlive(c)
			if err != nil || !(pa >= 0 && pa <= 1) {
				return false
			}
			lo, hi := math.Min(t1, t2), math.Max(t1, t2)
			e1, err1 := m.ConditionalExpectedPurchases(c, lo)
			e2, err2 := m.ConditionalExpectedPurchases(c, hi)
			u1, err3 := m.ExpectedPurchases(lo)
			u2, err4 := m.ExpectedPurchases(hi)
			if err := errors.Join(err1, err2, err3, err4); err != nil {
				t.Log(err)
				return false
			}
			return e1 >= 0 && e2 >= e1*(1-1e-9)-1e-12 && u1 >= 0 && u2 >= u1*(1-1e-9)-1e-12
		},
		mdlGenParams(4), mdlGenHistory(), gen.Float64Range(0, 200), gen.Float64Range(0, 200)))
	props.Property("P(X(t)=n) sums to 1 with mean E[X(t)]", prop.ForAll(
		func(p []float64, u float64) bool {
			m := mk(p)
			t := u / (1 - u) * p[1]
			var sum, mean float64
			for n := int64(0); n < 20000; n++ {
				q, err := m.ProbPurchases(n, t)
				if err != nil || !(q >= 0 && q <= 1) {
					return false
				}
				sum += q
				mean += float64(n) * q
				if sum > 1-1e-9 && q < 1e-15 {
					break
				}
			}
			e, err := m.ExpectedPurchases(t)
			return err == nil && math.Abs(sum-1) < 1e-7 && math.Abs(mean-e) < 1e-6*math.Max(1, e)
		},
		// t up to 9α, so that the negative binomial tail falls at least
		// as fast as 0.9^n.
		mdlGenParams(4), gen.Float64Range(0, 0.9)))
	props.Property("JSON round trip predicts the same", prop.ForAll(
		func(p []float64, c RFM, h float64) bool {
			m := mk(p)
			b, err := json.Marshal(m)
			if err != nil {
				return false
			}
			d, err := DecodePurchaseModel(b)
			if err != nil || d != m {
				return false
			}
			a1, _ := m.ProbAlive(c)
			a2, _ := d.ProbAlive(c)
			e1, _ := m.ConditionalExpectedPurchases(c, h)
			e2, _ := d.ConditionalExpectedPurchases(c, h)
			return a1 == a2 && e1 == e2
		},
		mdlGenParams(4), mdlGenHistory(), gen.Float64Range(0, 100)))
	props.TestingRun(t)
}

// mdlCheckErrors checks that m refuses bad input with the documented
// sentinels.
func mdlCheckErrors(t *testing.T, m, bad PurchaseModel) {
	t.Helper()
	good := RFM{Frequency: 2, Recency: 3, Age: 10}
	for _, c := range []RFM{
		{Frequency: -1, Age: 1},
		{Frequency: 1, Recency: 2, Age: 1},
		{Frequency: 0, Recency: 1, Age: 2},
		{Frequency: 1, Recency: 0, Age: math.NaN()},
		{Frequency: 1, Recency: math.Inf(1), Age: math.Inf(1)},
	} {
		if _, err := m.ProbAlive(c); !errors.Is(err, ErrModelData) {
			t.Errorf("ProbAlive(%+v) error = %v, want ErrModelData", c, err)
		}
		if _, err := m.ConditionalExpectedPurchases(c, 1); !errors.Is(err, ErrModelData) {
			t.Errorf("ConditionalExpectedPurchases(%+v) error = %v, want ErrModelData", c, err)
		}
		if _, err := m.LogLikelihood([]RFM{c}); !errors.Is(err, ErrModelData) {
			t.Errorf("LogLikelihood(%+v) error = %v, want ErrModelData", c, err)
		}
	}
	for _, h := range []float64{-1, math.NaN(), math.Inf(1)} {
		if _, err := m.ConditionalExpectedPurchases(good, h); !errors.Is(err, ErrModelData) {
			t.Errorf("ConditionalExpectedPurchases(t = %v) error = %v, want ErrModelData", h, err)
		}
		if _, err := m.ExpectedPurchases(h); !errors.Is(err, ErrModelData) {
			t.Errorf("ExpectedPurchases(%v) error = %v, want ErrModelData", h, err)
		}
		if _, err := m.ProbPurchases(1, h); !errors.Is(err, ErrModelData) {
			t.Errorf("ProbPurchases(1, %v) error = %v, want ErrModelData", h, err)
		}
	}
	if _, err := m.ProbPurchases(-1, 1); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("ProbPurchases(-1, 1) error = %v, want ErrRange", err)
	}
	if _, err := m.LogLikelihood(nil); !errors.Is(err, satmetrics.ErrNoData) {
		t.Errorf("LogLikelihood(nil) error = %v, want ErrNoData", err)
	}
	// A model with a bad parameter refuses everything.
	for name, f := range map[string]func() error{
		"ProbAlive":                    func() error { _, err := bad.ProbAlive(good); return err },
		"ConditionalExpectedPurchases": func() error { _, err := bad.ConditionalExpectedPurchases(good, 1); return err },
		"ExpectedPurchases":            func() error { _, err := bad.ExpectedPurchases(1); return err },
		"ProbPurchases":                func() error { _, err := bad.ProbPurchases(1, 1); return err },
		"LogLikelihood":                func() error { _, err := bad.LogLikelihood([]RFM{good}); return err },
	} {
		if err := f(); !errors.Is(err, ErrModelParams) {
			t.Errorf("%+v.%s error = %v, want ErrModelParams", bad, name, err)
		}
	}
	if _, err := json.Marshal(bad); err == nil {
		t.Errorf("json.Marshal(%+v) succeeded", bad)
	}
}

// mdlCheckFitDegenerate checks that fit refuses data that cannot identify
// a purchase model, and reports an optimiser that is stopped early.
func mdlCheckFitDegenerate(t *testing.T, fit func([]RFM, FitOptions) (FitInfo, error)) {
	t.Helper()
	if _, err := fit(nil, FitOptions{}); !errors.Is(err, satmetrics.ErrNoData) || !errors.Is(err, ErrModelData) {
		t.Errorf("fit(nil) error = %v, want ErrNoData and ErrModelData", err)
	}
	one := []RFM{{Frequency: 3, Recency: 20, Age: 30}}
	if _, err := fit(one, FitOptions{}); !errors.Is(err, ErrModelData) {
		t.Errorf("fit(one customer) error = %v, want ErrModelData", err)
	}
	none := make([]RFM, 50)
	for i := range none {
		none[i].Age = float64(10 + i)
	}
	if _, err := fit(none, FitOptions{}); !errors.Is(err, ErrModelData) {
		t.Errorf("fit(no repeat buyers) error = %v, want ErrModelData", err)
	}
	bad := []RFM{{Frequency: 1, Recency: 5, Age: 4}, {Age: 3}, {Age: 3}, {Age: 3}}
	if _, err := fit(bad, FitOptions{}); !errors.Is(err, ErrModelData) {
		t.Errorf("fit(recency > age) error = %v, want ErrModelData", err)
	}
	data := mdlCDNOWSummary(t)
	info, err := fit(data, FitOptions{MaxEvals: 3})
	if !errors.Is(err, ErrFitNotConverged) || info.Converged || info.Message == "" || len(info.Params) != 4 {
		t.Errorf("fit(MaxEvals 3) = %+v, %v, want not converged with a message and the best parameters", info, err)
	}
	if !errors.Is(info.Err(), ErrFitNotConverged) {
		t.Errorf("info.Err() = %v, want ErrFitNotConverged", info.Err())
	}
	if _, err := fit(data, FitOptions{Penalty: -1}); !errors.Is(err, satmetrics.ErrRange) {
		t.Errorf("fit(penalty -1) error = %v, want ErrRange", err)
	}
}

func TestFitInfoEstimate(t *testing.T) {
	info := FitInfo{Model: "bg/nbd", N: 100, Params: []Param{{"r", 0.5, 0.1}, {"a", 1, 0}}}
	e, err := info.Estimate("r", 0.95)
	if err != nil {
		t.Fatal(err)
	}
	z := 1.959963984540054
	want := satmetrics.Estimate{Value: 0.5, StdErr: 0.1, N: 100, Interval: satmetrics.Interval{
		Lower: 0.5 * math.Exp(-z*0.2), Upper: 0.5 * math.Exp(z*0.2), Level: 0.95, Method: "log-wald"}}
	if diff := cmp.Diff(want, e, cmp.Comparer(func(a, b float64) bool { return mdlClose(a, b, 1e-12) })); diff != "" {
		t.Errorf("Estimate(r) mismatch (-want +got):\n%s", diff)
	}
	if _, err := info.Estimate("a", 0.95); !errors.Is(err, satmetrics.ErrUndefined) {
		t.Errorf("Estimate(a) error = %v, want ErrUndefined", err)
	}
	if _, err := info.Estimate("q", 0.95); !errors.Is(err, ErrModelParams) {
		t.Errorf("Estimate(q) error = %v, want ErrModelParams", err)
	}
	if _, err := info.Estimate("r", 1); !errors.Is(err, satmetrics.ErrLevel) {
		t.Errorf("Estimate(r, level 1) error = %v, want ErrLevel", err)
	}
	if info.Err() == nil {
		t.Error("Err() of a fit that did not converge is nil")
	}
}

func TestDecodeModelErrors(t *testing.T) {
	for _, s := range []string{
		``, `{`, `[]`, `{"model":"x"}`, `{"model":"bg/nbd"}`, `{"model":"bg/nbd","r":1,"alpha":1,"a":1}`,
		`{"model":"bg/nbd","r":1,"alpha":1,"a":1,"b":-1}`, `{"model":"bg/nbd","r":1,"alpha":1,"a":1,"b":"x"}`,
		`{"model":"sbg","alpha":1,"beta":1}`,
	} {
		if m, err := DecodePurchaseModel([]byte(s)); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("DecodePurchaseModel(%s) = %v, %v, want ErrCorrupt", s, m, err)
		}
	}
	for _, s := range []string{``, `{"model":"bg/nbd","r":1,"alpha":1,"a":1,"b":1}`, `{"model":"sbg","alpha":0,"beta":1}`} {
		if m, err := DecodeRetentionModel([]byte(s)); !errors.Is(err, satmetrics.ErrCorrupt) {
			t.Errorf("DecodeRetentionModel(%s) = %v, %v, want ErrCorrupt", s, m, err)
		}
	}
	var g GammaGamma
	if err := json.Unmarshal([]byte(`{"model":"bg/bb","alpha":1,"beta":1,"gamma":1,"delta":1}`), &g); !errors.Is(err, satmetrics.ErrCorrupt) {
		t.Errorf("GammaGamma.UnmarshalJSON(bg/bb) error = %v, want ErrCorrupt", err)
	}
}

// FuzzDecodePurchaseModel checks that decoding arbitrary bytes never
// panics, and that whatever decodes is valid and re-encodes to itself.
func FuzzDecodePurchaseModel(f *testing.F) {
	f.Add([]byte(`{"model":"bg/nbd","r":0.243,"alpha":4.414,"a":0.793,"b":2.426}`))
	f.Add([]byte(`{"model":"pareto/nbd","r":0.553,"alpha":10.578,"s":0.606,"beta":11.669}`))
	f.Add([]byte(`{"model":"mbg/nbd","r":1,"alpha":1,"a":1,"b":1e300}`))
	f.Add([]byte(`{"model":"sbg","alpha":0.668,"beta":3.806}`))
	f.Add([]byte(`{"model":"bdw","alpha":0.2,"beta":1.4,"c":1.7}`))
	f.Add([]byte(`{"model":"gamma-gamma","p":6.25,"q":3.74,"gamma":15.44}`))
	f.Add([]byte(`{"model":"bg/bb","alpha":1.204,"beta":0.75,"gamma":0.657,"delta":2.783}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := DecodePurchaseModel(b)
		if err == nil {
			out, err := json.Marshal(m)
			if err != nil {
				t.Fatalf("decoded %v but cannot encode it: %v", m, err)
			}
			m2, err := DecodePurchaseModel(out)
			if err != nil || m2 != m {
				t.Fatalf("round trip of %v gave %v, %v", m, m2, err)
			}
		}
		r, err := DecodeRetentionModel(b)
		if err == nil {
			if _, err := json.Marshal(r); err != nil {
				t.Fatalf("decoded %v but cannot encode it: %v", r, err)
			}
		}
		var g GammaGamma
		if err := json.Unmarshal(b, &g); err == nil {
			if _, err := json.Marshal(g); err != nil {
				t.Fatalf("decoded %v but cannot encode it: %v", g, err)
			}
		}
		var bb BGBB
		if err := json.Unmarshal(b, &bb); err == nil {
			if _, err := json.Marshal(bb); err != nil {
				t.Fatalf("decoded %v but cannot encode it: %v", bb, err)
			}
		}
	})
}
