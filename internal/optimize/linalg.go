package optimize

import (
	"fmt"
	"math"
)

// Cholesky returns the lower-triangular factor L of the symmetric positive
// definite matrix a, with a = L·Lᵀ, by the Cholesky-Banachiewicz algorithm
// (Golub and Van Loan, Matrix Computations, algorithm 4.2.1). Only the
// lower triangle of a is read; a is not modified.
//
// It returns an error wrapping ErrNotPositiveDefinite, naming the column,
// when a pivot is not positive, not finite, or below n·ε·max_k a_kk, the
// rank-revealing threshold of LAPACK's dpstrf: a matrix that singular is
// treated as not positive definite, because its inverse would be noise. It
// returns an error wrapping ErrDimension if a is empty or not square.
func Cholesky(a [][]float64) ([][]float64, error) {
	n := len(a)
	if n == 0 {
		return nil, fmt.Errorf("optimize: Cholesky: empty matrix: %w", ErrDimension)
	}
	var maxDiag float64
	for i, row := range a {
		if len(row) != n {
			return nil, fmt.Errorf("optimize: Cholesky: row %d has %d entries, want %d: %w", i, len(row), n, ErrDimension)
		}
		maxDiag = math.Max(maxDiag, row[i])
	}
	tol := float64(n) * 0x1p-52 * maxDiag
	buf := make([]float64, n*n)
	l := make([][]float64, n)
	for i := range l {
		l[i] = buf[i*n : (i+1)*n : (i+1)*n]
	}
	for i := 0; i < n; i++ {
		for j := 0; j <= i; j++ {
			s := a[i][j]
			for k := 0; k < j; k++ {
				s -= l[i][k] * l[j][k]
			}
			if i == j {
				if !(s > tol) || math.IsInf(s, 0) {
					return nil, fmt.Errorf("optimize: Cholesky: pivot %d is %v (threshold %v): %w", i, s, tol, ErrNotPositiveDefinite)
				}
				l[i][i] = math.Sqrt(s)
			} else {
				l[i][j] = s / l[j][j]
			}
		}
	}
	for i := range l {
		for j := range l[i] {
			if math.IsNaN(l[i][j]) || math.IsInf(l[i][j], 0) {
				return nil, fmt.Errorf("optimize: Cholesky: entry (%d, %d) is %v: %w", i, j, l[i][j], ErrNotPositiveDefinite)
			}
		}
	}
	return l, nil
}

// InverseSPD returns the inverse of the symmetric positive definite matrix
// a from its Cholesky factor: a⁻¹ = L⁻ᵀ·L⁻¹. Only the lower triangle of a is
// read. The result is exactly symmetric. It returns the errors of Cholesky.
func InverseSPD(a [][]float64) ([][]float64, error) {
	l, err := Cholesky(a)
	if err != nil {
		return nil, err
	}
	n := len(l)
	// Overwrite l with its inverse, column by column (forward substitution
	// against the unit vectors), which is again lower triangular.
	m := make([]float64, n*n) // m = L⁻¹, row-major
	for j := 0; j < n; j++ {
		m[j*n+j] = 1 / l[j][j]
		for i := j + 1; i < n; i++ {
			var s float64
			for k := j; k < i; k++ {
				s -= l[i][k] * m[k*n+j]
			}
			m[i*n+j] = s / l[i][i]
		}
	}
	inv := l // reuse the storage of l
	for i := 0; i < n; i++ {
		for j := 0; j <= i; j++ {
			// (L⁻ᵀL⁻¹)_ij = Σ_k m_ki m_kj over k >= max(i, j) = i.
			var s float64
			for k := i; k < n; k++ {
				s += m[k*n+i] * m[k*n+j]
			}
			inv[i][j], inv[j][i] = s, s
		}
	}
	return inv, nil
}
