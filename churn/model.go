package churn

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/optimize"
)

// FitOptions configures the maximum-likelihood fits (FitSBG, FitBdW,
// FitBGNBD, FitParetoNBD, FitMBGNBD, FitBGBB, FitGammaGamma). The zero value
// is the plain maximum-likelihood fit.
type FitOptions struct {
	// Penalty is the coefficient λ ≥ 0 of an L2 penalty on the parameters:
	// the fit minimises
	//
	//	−LL(θ)/n + λ Σ θ_j²
	//
	// with n the number of customers (cohort members for sBG and BdW) and
	// θ_j the model's parameters, the convention of the Python package
	// lifetimes (penalizer_coef). A small penalty (0.001 to 0.1) keeps the
	// parameters finite on small or degenerate data; zero means none.
	Penalty float64

	// MaxEvals bounds the evaluations of the log-likelihood (with its
	// gradient) in each run of the optimiser; zero means the default of
	// internal/optimize (several hundred). A fit stopped by it is reported
	// as not converged.
	MaxEvals int
}

// A Param is one fitted parameter with its asymptotic standard error, the
// square root of the diagonal element of the inverse of the observed
// information matrix (the negative Hessian of the log-likelihood, plus the
// penalty's, at the estimate). StdErr is 0 when the information matrix is
// not positive definite, at the boundary of the parameter space.
type Param struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	StdErr float64 `json:"std_err"`
}

// FitInfo describes a maximum-likelihood fit: the log-likelihood at the
// estimate, the parameters with their standard errors, and how the optimiser
// fared. A fit that did not converge is reported with Converged false and a
// Message saying why, and the fitting function also returns an error
// wrapping ErrFitNotConverged.
type FitInfo struct {
	Model       string  `json:"model"`             // "bg/nbd", "pareto/nbd", ...
	LogLik      float64 `json:"log_likelihood"`    // at the estimate, without the penalty
	N           int64   `json:"n"`                 // customers, or cohort members
	Params      []Param `json:"params"`            // in the order of the model's fields
	Penalty     float64 `json:"penalty,omitempty"` // the λ of FitOptions
	Iterations  int     `json:"iterations"`
	Evaluations int     `json:"evaluations"` // of the log-likelihood, with or without its gradient
	Converged   bool    `json:"converged"`
	Message     string  `json:"message,omitempty"` // why the fit did not converge
}

// Err returns nil if the fit converged, and otherwise an error wrapping
// ErrFitNotConverged that carries the message.
func (fi FitInfo) Err() error {
	if fi.Converged {
		return nil
	}
	return fmt.Errorf("churn: fit %s: %s: %w", fi.Model, fi.Message, ErrFitNotConverged)
}

// Param returns the parameter with the given name ("r", "alpha", ...) and
// whether there is one.
func (fi FitInfo) Param(name string) (Param, bool) {
	for _, p := range fi.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// Estimate returns the named parameter as a satmetrics.Estimate with a
// confidence interval at the given level. The parameters are positive, so
// the interval is the Wald interval of the logarithm, transformed back
// (method "log-wald"):
//
//	θ · exp(±z · se/θ)
//
// It returns an error wrapping satmetrics.ErrUndefined if the standard
// error is not available, and one wrapping satmetrics.ErrLevel for a bad
// level.
func (fi FitInfo) Estimate(name string, level float64) (satmetrics.Estimate, error) {
	p, ok := fi.Param(name)
	if !ok {
		return satmetrics.Estimate{}, fmt.Errorf("churn: %s has no parameter %q: %w", fi.Model, name, ErrModelParams)
	}
	z, err := satmetrics.ZCritical(level)
	if err != nil {
		return satmetrics.Estimate{}, err
	}
	if !(p.StdErr > 0) || !(p.Value > 0) {
		return satmetrics.Estimate{}, fmt.Errorf("churn: %s parameter %s: no standard error: %w", fi.Model, name, satmetrics.ErrUndefined)
	}
	f := math.Exp(z * p.StdErr / p.Value)
	e := satmetrics.Estimate{
		Value: p.Value, StdErr: p.StdErr,
		Interval: satmetrics.Interval{Lower: p.Value / f, Upper: p.Value * f, Level: level, Method: "log-wald"},
		N:        fi.N,
	}
	return e, e.Check()
}

// mdlProblem is a likelihood to maximise over positive parameters.
type mdlProblem struct {
	model string
	names []string
	n     float64 // customers, for scaling the objective
	count int64
	// ll returns the log-likelihood at p and, if grad is not nil and the
	// problem has an analytic gradient, stores dLL/dp in grad. It returns
	// −Inf or NaN where the likelihood is not defined.
	ll       func(p, grad []float64) float64
	analytic bool
	starts   [][]float64
}

// mdlBoundary is the largest |ln θ| accepted as an interior estimate: a
// parameter beyond e^±20 means the likelihood is maximised on the boundary
// of the parameter space, where the model degenerates.
const mdlBoundary = 20

// mdlTol is the BFGS tolerance on the decrease still predicted for the
// objective −LL/n: at 1e-14·|f| the estimates are within about
// √(2·1e-14·n·|f|), a few millionths, of a standard error of the optimum.
const mdlTol = 1e-14

// mdlFit maximises the penalised log-likelihood over θ = ln p with the
// BFGS of internal/optimize from each starting point, keeps the best,
// polishes it with Nelder-Mead and BFGS if it did not converge, and
// computes standard errors.
func mdlFit(pr mdlProblem, opts FitOptions) ([]float64, FitInfo, error) {
	info := FitInfo{Model: pr.model, N: pr.count, Penalty: opts.Penalty}
	if !(opts.Penalty >= 0) || math.IsInf(opts.Penalty, 0) {
		return nil, info, fmt.Errorf("churn: fit %s: penalty %v: %w", pr.model, opts.Penalty, satmetrics.ErrRange)
	}
	if opts.MaxEvals < 0 {
		return nil, info, fmt.Errorf("churn: fit %s: max evaluations %d: %w", pr.model, opts.MaxEvals, satmetrics.ErrRange)
	}
	k := len(pr.names)
	lam := opts.Penalty
	p := make([]float64, k)
	gp := make([]float64, k)
	evals := 0
	obj := func(th, g []float64) float64 {
		evals++
		for i := range th {
			p[i] = math.Exp(th[i])
		}
		var pen float64
		for _, v := range p {
			pen += lam * v * v
		}
		if g == nil {
			return -pr.ll(p, nil)/pr.n + pen
		}
		ll := pr.ll(p, gp)
		for i := range g {
			g[i] = (-gp[i]/pr.n + 2*lam*p[i]) * p[i]
		}
		return -ll/pr.n + pen
	}
	f := func(th []float64) float64 { return obj(th, nil) }
	fg := optimize.FuncGrad(obj)
	if !pr.analytic {
		fg = optimize.NumGrad(f, 0)
	}
	settings := optimize.BFGSSettings{Tol: mdlTol, MaxEvals: opts.MaxEvals}
	interior := func(x []float64) bool {
		for _, v := range x {
			if math.Abs(v) >= mdlBoundary {
				return false
			}
		}
		return true
	}

	var best optimize.Result
	found := false
	for _, s := range pr.starts {
		th := make([]float64, k)
		for i := range th {
			th[i] = math.Log(s[i])
		}
		r, err := optimize.BFGS(fg, th, settings)
		if err != nil {
			continue // not finite at this start
		}
		info.Iterations += r.Iterations
		if !found || r.F < best.F {
			best, found = r, true
		}
		if r.Converged && interior(r.X) {
			break
		}
	}
	if !found {
		info.Evaluations = evals
		return nil, info, fmt.Errorf("churn: fit %s: the log-likelihood is not finite at any starting point: %w", pr.model, ErrModelData)
	}
	if !best.Converged {
		nm, err := optimize.NelderMead(f, best.X, optimize.Settings{FTol: 1e-13, XTol: 1e-10, MaxEvals: opts.MaxEvals})
		if err == nil {
			info.Iterations += nm.Iterations
			if r, err := optimize.BFGS(fg, nm.X, settings); err == nil {
				info.Iterations += r.Iterations
				if r.F <= best.F || r.Converged {
					best = r
				}
			}
		}
	}
	info.Evaluations = evals
	est := make([]float64, k)
	for i := range est {
		est[i] = math.Exp(best.X[i])
	}
	info.LogLik = pr.ll(est, nil)
	info.Converged = best.Converged
	if !best.Converged {
		info.Message = "the optimiser stopped before its convergence test was met"
	}
	for i, th := range best.X {
		if math.Abs(th) >= mdlBoundary {
			info.Converged = false
			info.Message = fmt.Sprintf("parameter %s = %.4g is at the boundary of the parameter space (the data do not identify it)", pr.names[i], est[i])
			break
		}
	}
	se := mdlStdErr(pr, est, lam)
	info.Params = make([]Param, k)
	for i := range est {
		info.Params[i] = Param{Name: pr.names[i], Value: est[i], StdErr: se[i]}
	}
	return est, info, info.Err()
}

// mdlStdErr returns the standard errors at p from the observed information
// −∇²(LL − nλΣp²), computed by internal/optimize from the analytic
// gradient (HessianGrad) or from LL alone (Hessian, with Richardson
// extrapolation); zeros if the information is not positive definite.
func mdlStdErr(pr mdlProblem, p []float64, lam float64) []float64 {
	k := len(p)
	se := make([]float64, k)
	var H [][]float64
	var err error
	if pr.analytic {
		H, err = optimize.HessianGrad(func(x, g []float64) float64 {
			v := pr.ll(x, g)
			for i := range g {
				g[i] = -g[i]
			}
			return -v
		}, p, 0)
	} else {
		H, err = optimize.Hessian(func(x []float64) float64 { return -pr.ll(x, nil) }, p, 0)
	}
	if err != nil {
		return se
	}
	for i := range H {
		H[i][i] += 2 * lam * pr.n
	}
	inv, err := optimize.InverseSPD(H)
	if err != nil {
		return se
	}
	for i := range se {
		if v := inv[i][i]; v > 0 && mdlFinite(v) {
			se[i] = math.Sqrt(v)
		}
	}
	return se
}

// mdlCheckParams returns an error wrapping ErrModelParams unless every
// value is positive and finite.
func mdlCheckParams(model string, names []string, vals ...float64) error {
	for i, v := range vals {
		if !(v > 0 && v <= math.MaxFloat64) {
			return fmt.Errorf("churn: %s parameter %s = %v must be positive and finite: %w", model, names[i], v, ErrModelParams)
		}
	}
	return nil
}

// mdlCheckHorizon returns an error wrapping ErrModelData unless t is a
// finite non-negative time.
func mdlCheckHorizon(t float64) error {
	if !(t >= 0 && t <= math.MaxFloat64) {
		return fmt.Errorf("churn: time %v is not a finite non-negative number: %w", t, ErrModelData)
	}
	return nil
}

// mdlResult returns v, or an error wrapping satmetrics.ErrUndefined if v is
// NaN or infinite (a series that did not converge).
func mdlResult(what string, v float64) (float64, error) {
	if !mdlFinite(v) {
		return 0, fmt.Errorf("churn: %s is not finite (%v): %w", what, v, satmetrics.ErrUndefined)
	}
	return v, nil
}

// mdlEncode writes a model as a JSON object with its name under "model"
// and its parameters, or returns an error wrapping ErrModelParams if a
// parameter is not positive and finite (it could not be decoded).
func mdlEncode(model string, names []string, vals ...float64) ([]byte, error) {
	if err := mdlCheckParams(model, names, vals...); err != nil {
		return nil, fmt.Errorf("churn: encode: %w", err)
	}
	var b strings.Builder
	b.WriteString(`{"model":"`)
	b.WriteString(model)
	b.WriteByte('"')
	for i, v := range vals {
		fmt.Fprintf(&b, `,%q:%s`, names[i], mdlFormat(v))
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

func mdlFormat(v float64) string {
	out, _ := json.Marshal(v)
	return string(out)
}

// mdlDecode reads what mdlEncode writes into dst, in the order of names,
// and checks the model name and the parameters.
func mdlDecode(b []byte, model string, names []string, dst ...*float64) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("churn: decode %s: %w: %w", model, err, satmetrics.ErrCorrupt)
	}
	var got string
	if raw, ok := m["model"]; !ok || json.Unmarshal(raw, &got) != nil || got != model {
		return fmt.Errorf("churn: decode %s: model is %s: %w", model, m["model"], satmetrics.ErrCorrupt)
	}
	vals := make([]float64, len(names))
	for i, name := range names {
		raw, ok := m[name]
		if !ok {
			return fmt.Errorf("churn: decode %s: missing parameter %s: %w", model, name, satmetrics.ErrCorrupt)
		}
		if err := json.Unmarshal(raw, &vals[i]); err != nil {
			return fmt.Errorf("churn: decode %s: parameter %s: %w: %w", model, name, err, satmetrics.ErrCorrupt)
		}
	}
	if err := mdlCheckParams(model, names, vals...); err != nil {
		return errors.Join(err, satmetrics.ErrCorrupt)
	}
	for i, v := range vals {
		*dst[i] = v
	}
	return nil
}

// A RetentionModel projects retention in a contractual setting, where
// customers renew each period or leave for good: SBG and BdW implement it.
// Periods are whole numbers; t = 0 is the start of a customer's first
// period.
type RetentionModel interface {
	// Survival returns S(t), the share of a new cohort still active after
	// t periods.
	Survival(t int) (float64, error)
	// SurvivalCurve returns S(0), …, S(periods).
	SurvivalCurve(periods int) ([]float64, error)
	// RetentionRate returns S(t)/S(t−1), for t ≥ 1.
	RetentionRate(t int) (float64, error)
	// ProbChurn returns P(T = t), the probability of leaving in period t.
	ProbChurn(t int) (float64, error)
	// ExpectedLifetime returns E[T], in periods.
	ExpectedLifetime() (float64, error)
	// DERL returns the discounted expected residual lifetime.
	DERL(d float64, renewals int) (float64, error)
	// ResidualValue returns value · DERL(d, renewals).
	ResidualValue(value, d float64, renewals int) (float64, error)
}

var (
	_ RetentionModel = SBG{}
	_ RetentionModel = BdW{}
)

func mdlResidualValue(m RetentionModel, value, d float64, renewals int) (float64, error) {
	if !mdlFinite(value) {
		return 0, fmt.Errorf("churn: residual value: value per period %v is not finite: %w", value, satmetrics.ErrRange)
	}
	derl, err := m.DERL(d, renewals)
	if err != nil {
		return 0, err
	}
	return mdlResult("residual value", value*derl)
}

// A PurchaseModel predicts repeat purchases in a non-contractual setting,
// where customers buy whenever they like and their leaving is not
// observed: BGNBD, MBGNBD and ParetoNBD implement it. Times are in the unit
// of the data the model was fitted on (weeks for the CDNOW examples).
type PurchaseModel interface {
	// ExpectedPurchases returns E[X(t)], the expected number of repeat
	// purchases in a period of length t of a customer who has just made a
	// first purchase.
	ExpectedPurchases(t float64) (float64, error)
	// ConditionalExpectedPurchases returns E[Y(t) | x, t_x, T], the
	// expected number of purchases in the next t time units of a customer
	// with history c.
	ConditionalExpectedPurchases(c RFM, t float64) (float64, error)
	// ProbAlive returns the probability that a customer with history c is
	// still active at the end of the observation.
	ProbAlive(c RFM) (float64, error)
	// ProbPurchases returns P(X(t) = n) for a new customer.
	ProbPurchases(n int64, t float64) (float64, error)
	// LogLikelihood returns the log-likelihood of the model on data.
	LogLikelihood(data []RFM) (float64, error)
}

// mdlScorer is implemented by the purchase models of this package: score
// returns P(alive) and the conditional expected purchases of a valid
// history under valid parameters and horizon.
type mdlScorer interface {
	Validate() error
	score(c *RFM, t float64) (alive, expected float64)
}

var (
	_ mdlScorer = BGNBD{}
	_ mdlScorer = MBGNBD{}
	_ mdlScorer = ParetoNBD{}
)

var (
	_ PurchaseModel = BGNBD{}
	_ PurchaseModel = MBGNBD{}
	_ PurchaseModel = ParetoNBD{}
)

// A PurchaseScore is a customer's score under a PurchaseModel: the
// probability of being active, and the expected number of purchases in the
// scoring horizon.
type PurchaseScore struct {
	ID                string  `json:"id,omitempty"`
	ProbAlive         float64 `json:"prob_alive"`
	ExpectedPurchases float64 `json:"expected_purchases"`
}

// ScorePurchases appends to dst the score of every customer of data under
// m, with the expected purchases in the next t time units, and returns the
// extended slice (pass dst[:0] to reuse its memory; with enough capacity it
// does not allocate). It returns an error naming the first customer whose
// history is impossible or whose score is undefined; the scores before it
// are in the returned slice.
func ScorePurchases(m PurchaseModel, data []RFM, t float64, dst []PurchaseScore) ([]PurchaseScore, error) {
	if sc, ok := m.(mdlScorer); ok {
		// The models of this package compute P(alive) once for both.
		if err := sc.Validate(); err != nil {
			return dst, err
		}
		if err := mdlCheckHorizon(t); err != nil {
			return dst, err
		}
		for i := range data {
			c := &data[i]
			if err := mdlCheckRFM(c.Frequency, c.Recency, c.Age); err != nil {
				return dst, fmt.Errorf("churn: score customer %d %q: %w", i, c.ID, err)
			}
			p, e := sc.score(c, t)
			if !mdlFinite(e) {
				_, err := mdlResult("conditional expected purchases", e)
				return dst, fmt.Errorf("churn: score customer %d %q: %w", i, c.ID, err)
			}
			dst = append(dst, PurchaseScore{ID: c.ID, ProbAlive: p, ExpectedPurchases: e})
		}
		return dst, nil
	}
	for i := range data {
		c := &data[i]
		p, err := m.ProbAlive(*c)
		if err != nil {
			return dst, fmt.Errorf("churn: score customer %d %q: %w", i, c.ID, err)
		}
		e, err := m.ConditionalExpectedPurchases(*c, t)
		if err != nil {
			return dst, fmt.Errorf("churn: score customer %d %q: %w", i, c.ID, err)
		}
		dst = append(dst, PurchaseScore{ID: c.ID, ProbAlive: p, ExpectedPurchases: e})
	}
	return dst, nil
}

// DecodePurchaseModel decodes a BGNBD, MBGNBD or ParetoNBD from the JSON
// its MarshalJSON wrote, choosing the type by the "model" field, so that a
// service can load whichever model a nightly fit chose. It returns an error
// wrapping satmetrics.ErrCorrupt for anything else.
func DecodePurchaseModel(b []byte) (PurchaseModel, error) {
	var head struct {
		Model string `json:"model"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, fmt.Errorf("churn: decode purchase model: %w: %w", err, satmetrics.ErrCorrupt)
	}
	switch head.Model {
	case "bg/nbd":
		var m BGNBD
		return m, m.UnmarshalJSON(b)
	case "mbg/nbd":
		var m MBGNBD
		return m, m.UnmarshalJSON(b)
	case "pareto/nbd":
		var m ParetoNBD
		return m, m.UnmarshalJSON(b)
	}
	return nil, fmt.Errorf("churn: decode purchase model: unknown model %q: %w", head.Model, satmetrics.ErrCorrupt)
}

// DecodeRetentionModel decodes an SBG or BdW from the JSON its MarshalJSON
// wrote, choosing the type by the "model" field. It returns an error
// wrapping satmetrics.ErrCorrupt for anything else.
func DecodeRetentionModel(b []byte) (RetentionModel, error) {
	var head struct {
		Model string `json:"model"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, fmt.Errorf("churn: decode retention model: %w: %w", err, satmetrics.ErrCorrupt)
	}
	switch head.Model {
	case "sbg":
		var m SBG
		return m, m.UnmarshalJSON(b)
	case "bdw":
		var m BdW
		return m, m.UnmarshalJSON(b)
	}
	return nil, fmt.Errorf("churn: decode retention model: unknown model %q: %w", head.Model, satmetrics.ErrCorrupt)
}
