package churn

import (
	"fmt"
	"math"
	"strconv"

	"github.com/satmetrics/satmetrics"
	"github.com/satmetrics/satmetrics/internal/dist"
)

// A WeightKind selects the weights w_j of the weighted log-rank family (see
// LogRank). The zero value is the log-rank test.
type WeightKind uint8

// The weight functions of the log-rank family, with n_j at risk and S the
// Kaplan-Meier curve of the pooled groups just before t_j:
const (
	// LogRankWeights is w = 1, Mantel's log-rank test [8], R's
	// survdiff(rho = 0).
	LogRankWeights WeightKind = iota
	// FlemingHarrington is w = S(t_j-)^ρ (1 - S(t_j-))^γ, the G(ρ, γ) family
	// of Fleming and Harrington [9]. With ρ = 1, γ = 0 it is R's
	// survdiff(rho = 1), the Peto-Peto modification of the Gehan-Wilcoxon
	// test as R names it, which weighs early differences more; γ > 0
	// weighs late ones more.
	FlemingHarrington
	// PetoPeto is w = S̃(t_j-) with S̃(t) = Π_{t_k <= t} (1 - d_k/(n_k + 1)),
	// the generalised Wilcoxon test of Peto and Peto [10].
	PetoPeto
	// GehanBreslow is w = n_j, Gehan's generalised Wilcoxon test as
	// extended by Breslow.
	GehanBreslow
	// TaroneWare is w = √n_j.
	TaroneWare
)

var weightNames = [...]string{
	LogRankWeights: "log-rank", FlemingHarrington: "fleming-harrington", PetoPeto: "peto-peto",
	GehanBreslow: "gehan-breslow", TaroneWare: "tarone-ware",
}

// String returns the name of the weights ("log-rank", "fleming-harrington",
// "peto-peto", "gehan-breslow", "tarone-ware"), and "%!WeightKind(n)" for
// other values.
func (k WeightKind) String() string {
	if int(k) < len(weightNames) {
		return weightNames[k]
	}
	return "%!WeightKind(" + strconv.Itoa(int(k)) + ")"
}

// LogRankConfig configures LogRank. The zero value is the plain log-rank
// test.
type LogRankConfig struct {
	Weights WeightKind
	// Rho and Gamma are the exponents ρ and γ of FlemingHarrington weights;
	// they must be finite and non-negative, and are ignored by the other
	// kinds.
	Rho, Gamma float64
}

// A GroupResult holds one group's part of a log-rank test: its subjects and
// its weighted observed and expected numbers of events, Σ w_j d_gj and
// Σ w_j n_gj d_j / n_j (R's survdiff obs and exp).
type GroupResult struct {
	Subjects int64   `json:"subjects"`
	Observed float64 `json:"observed"`
	Expected float64 `json:"expected"`
}

// A TestResult is the outcome of a test of equal survival across groups:
// the chi-square statistic, its degrees of freedom and p-value, and the
// groups' observed and expected events.
type TestResult struct {
	Method    string        `json:"method"`
	Statistic float64       `json:"statistic"`
	DF        int           `json:"df"`
	P         float64       `json:"p"`
	Groups    []GroupResult `json:"groups"`
}

// LogRank tests whether two or more groups of subjects, one EventTable per
// group, have the same survival function. At each distinct duration t_j
// with d_j events among n_j at risk in all groups together, group g has
// d_gj events among n_gj at risk; with weights w_j chosen by cfg,
//
//	U_g  = Σ_j w_j (d_gj - n_gj d_j / n_j)
//	V_gh = Σ_j w_j² d_j (n_j - d_j) / (n_j - 1) · (n_gj / n_j) (δ_gh - n_hj / n_j)
//	X²   = U' V⁻¹ U   over all groups but one,
//
// which is chi-square with G - 1 degrees of freedom under the null
// hypothesis. As R's survdiff does, groups with no expected events are left
// out (and the degrees of freedom reduced). Late entries and case weights
// enter through the risk sets and counts; weights count as frequencies.
//
// It returns an error wrapping satmetrics.ErrNoData if fewer than two groups
// are given or every table is empty, one wrapping satmetrics.ErrUndefined
// if fewer than two groups have expected events or the variance is
// singular, and one wrapping satmetrics.ErrRange for a bad configuration.
func LogRank(groups []*EventTable, cfg LogRankConfig) (TestResult, error) {
	if int(cfg.Weights) >= len(weightNames) {
		return TestResult{}, fmt.Errorf("churn: log-rank: weights %v: %w", cfg.Weights, satmetrics.ErrRange)
	}
	if cfg.Weights == FlemingHarrington {
		if err := checkNonNegative("log-rank rho", cfg.Rho); err != nil {
			return TestResult{}, err
		}
		if err := checkNonNegative("log-rank gamma", cfg.Gamma); err != nil {
			return TestResult{}, err
		}
	}
	if len(groups) < 2 {
		return TestResult{}, fmt.Errorf("churn: log-rank: %d groups, need at least 2: %w", len(groups), satmetrics.ErrNoData)
	}
	G := len(groups)
	res := TestResult{Method: cfg.Weights.String(), Groups: make([]GroupResult, G)}
	if cfg.Weights == FlemingHarrington {
		res.Method += "(" + strconv.FormatFloat(cfg.Rho, 'g', -1, 64) + "," + strconv.FormatFloat(cfg.Gamma, 'g', -1, 64) + ")"
	}
	for g, t := range groups {
		t.compact()
		res.Groups[g].Subjects = t.Subjects()
		if err := t.checkWeight("log-rank"); err != nil {
			return TestResult{}, err
		}
	}
	// Walk the union of the groups' durations in order, keeping each
	// group's position and risk set.
	pos := make([]int, G)
	risk := make([]float64, G)
	for g, t := range groups {
		risk[g] = t.baseWeight()
	}
	dg := make([]float64, G)
	ng := make([]float64, G)
	u := make([]float64, G)
	v := make([]float64, G*G)
	s, sTilde := 1.0, 1.0 // pooled Kaplan-Meier and Peto's S̃, just before the current time
	anyRow := false
	for {
		tj := math.Inf(1)
		for g, t := range groups {
			if pos[g] < len(t.t) && t.t[pos[g]] < tj {
				tj = t.t[pos[g]]
			}
		}
		if math.IsInf(tj, 1) {
			break
		}
		anyRow = true
		var d, n float64
		for g, t := range groups {
			ng[g], dg[g] = clampZero(risk[g]), 0
			if i := pos[g]; i < len(t.t) && t.t[i] == tj {
				di, ci, ei := t.weights(i)
				dg[g] = di
				risk[g] += ei - di - ci
				pos[g]++
			}
			d += dg[g]
			n += ng[g]
		}
		if d > 0 && n > 0 {
			var w float64
			switch cfg.Weights {
			case FlemingHarrington:
				w = powZero(s, cfg.Rho) * powZero(1-s, cfg.Gamma)
			case PetoPeto:
				w = sTilde
			case GehanBreslow:
				w = n
			case TaroneWare:
				w = math.Sqrt(n)
			default:
				w = 1
			}
			for g := range groups {
				res.Groups[g].Observed += w * dg[g]
				res.Groups[g].Expected += w * ng[g] * d / n
				u[g] += w * (dg[g] - ng[g]*d/n)
			}
			if n > 1 {
				f := w * w * d * (n - d) / (n - 1) / n
				for g := range groups {
					for h := range groups {
						x := -ng[g] * ng[h] / n
						if g == h {
							x += ng[g]
						}
						v[g*G+h] += f * x
					}
				}
			}
			s *= 1 - math.Min(d/n, 1)
			sTilde *= 1 - d/(n+1)
		}
	}
	if !anyRow {
		return TestResult{}, fmt.Errorf("churn: log-rank: every group is empty: %w", satmetrics.ErrNoData)
	}
	// Keep the groups with expected events, as survdiff does, and drop the
	// first of them.
	var keep []int
	for g := range groups {
		if res.Groups[g].Expected > 0 {
			keep = append(keep, g)
		}
	}
	if len(keep) < 2 {
		return TestResult{}, fmt.Errorf("churn: log-rank: %d groups with expected events, need 2: %w", len(keep), satmetrics.ErrUndefined)
	}
	keep = keep[1:]
	k := len(keep)
	a := make([]float64, k*k)
	b := make([]float64, k)
	for i, g := range keep {
		b[i] = u[g]
		for j, h := range keep {
			a[i*k+j] = v[g*G+h]
		}
	}
	x, ok := solveSPD(a, b, k)
	if !ok {
		return TestResult{}, fmt.Errorf("churn: log-rank: variance matrix is singular: %w", satmetrics.ErrUndefined)
	}
	var chi float64
	for i := range b {
		chi += x[i] * b[i]
	}
	res.Statistic = math.Max(chi, 0)
	res.DF = k
	res.P = dist.ChiSquareSurvival(res.Statistic, float64(k))
	return res, nil
}

// powZero returns x^y with 0^0 = 1.
func powZero(x, y float64) float64 {
	if y == 0 {
		return 1
	}
	return math.Pow(x, y)
}

// solveSPD solves a x = b for a symmetric positive definite k×k matrix a
// (row-major) by Cholesky decomposition, reporting false when a is not
// positive definite to within rounding.
func solveSPD(a, b []float64, k int) ([]float64, bool) {
	l := make([]float64, k*k)
	var maxDiag float64
	for i := 0; i < k; i++ {
		maxDiag = math.Max(maxDiag, a[i*k+i])
	}
	for i := 0; i < k; i++ {
		for j := 0; j <= i; j++ {
			s := a[i*k+j]
			for m := 0; m < j; m++ {
				s -= l[i*k+m] * l[j*k+m]
			}
			if i == j {
				if !(s > 1e-12*maxDiag) {
					return nil, false
				}
				l[i*k+i] = math.Sqrt(s)
			} else {
				l[i*k+j] = s / l[j*k+j]
			}
		}
	}
	y := make([]float64, k)
	for i := 0; i < k; i++ {
		s := b[i]
		for m := 0; m < i; m++ {
			s -= l[i*k+m] * y[m]
		}
		y[i] = s / l[i*k+i]
	}
	for i := k - 1; i >= 0; i-- {
		s := y[i]
		for m := i + 1; m < k; m++ {
			s -= l[m*k+i] * y[m]
		}
		y[i] = s / l[i*k+i]
	}
	return y, true
}
