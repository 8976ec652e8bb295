package optimize

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

func TestCholesky(t *testing.T) {
	// quadA = L·Lᵀ with L by hand: l11 = 2, l21 = 1, l31 = -1,
	// l22 = √(10-1) = 3, l32 = (5+1)/3 = 2, l33 = √(6-1-4) = 1.
	want := [][]float64{{2, 0, 0}, {1, 3, 0}, {-1, 2, 1}}
	got, err := Cholesky(quadA)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-15)); diff != "" {
		t.Errorf("Cholesky(quadA) mismatch (-want +got):\n%s", diff)
	}
	inv, err := InverseSPD(quadA)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(quadCov, inv, cmpopts.EquateApprox(0, 1e-15)); diff != "" {
		t.Errorf("InverseSPD(quadA) mismatch (-want +got):\n%s", diff)
	}
	one, err := InverseSPD([][]float64{{4}})
	if err != nil || one[0][0] != 0.25 {
		t.Errorf("InverseSPD([[4]]) = %v, %v; want [[0.25]]", one, err)
	}
}

func TestCholeskyErrors(t *testing.T) {
	tests := []struct {
		name string
		a    [][]float64
		want error
	}{
		{"empty", nil, ErrDimension},
		{"ragged", [][]float64{{1, 0}, {0}}, ErrDimension},
		{"negative definite", [][]float64{{-1, 0}, {0, -2}}, ErrNotPositiveDefinite},
		{"indefinite", [][]float64{{1, 2}, {2, 1}}, ErrNotPositiveDefinite},
		{"singular", [][]float64{{1, 1}, {1, 1}}, ErrNotPositiveDefinite},
		{"numerically singular", [][]float64{{1, 1}, {1, 1 + 1e-17}}, ErrNotPositiveDefinite},
		{"zero", [][]float64{{0}}, ErrNotPositiveDefinite},
		{"NaN diagonal", [][]float64{{math.NaN(), 0}, {0, 1}}, ErrNotPositiveDefinite},
		{"NaN off-diagonal", [][]float64{{1, 0}, {math.NaN(), 1}}, ErrNotPositiveDefinite},
		{"Inf diagonal", [][]float64{{math.Inf(1)}}, ErrNotPositiveDefinite},
		{"Inf off-diagonal", [][]float64{{1, 0, 0}, {0, 1, 0}, {math.Inf(1), 0, 1}}, ErrNotPositiveDefinite},
	}
	for _, tt := range tests {
		if _, err := Cholesky(tt.a); !errors.Is(err, tt.want) {
			t.Errorf("Cholesky(%s) error = %v, want %v", tt.name, err, tt.want)
		}
		if _, err := InverseSPD(tt.a); !errors.Is(err, tt.want) {
			t.Errorf("InverseSPD(%s) error = %v, want %v", tt.name, err, tt.want)
		}
	}
}

// TestInverseSPDProperty: A·A⁻¹ = I for random well-conditioned symmetric
// positive definite A = B·Bᵀ + n·I, and the inverse is symmetric.
func TestInverseSPDProperty(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 300
	properties := gopter.NewProperties(params)
	properties.Property("A·InverseSPD(A) = I", prop.ForAll(
		func(b []float64) bool {
			n := int(math.Sqrt(float64(len(b))))
			a := make([][]float64, n)
			for i := range a {
				a[i] = make([]float64, n)
				for j := range a[i] {
					for k := 0; k < n; k++ {
						a[i][j] += b[i*n+k] * b[j*n+k]
					}
				}
				a[i][i] += float64(n)
			}
			inv, err := InverseSPD(a)
			if err != nil {
				return false
			}
			for i := 0; i < n; i++ {
				for j := 0; j < n; j++ {
					if inv[i][j] != inv[j][i] {
						return false
					}
					var s float64
					for k := 0; k < n; k++ {
						s += a[i][k] * inv[k][j]
					}
					want := 0.0
					if i == j {
						want = 1
					}
					if math.Abs(s-want) > 1e-12 {
						return false
					}
				}
			}
			return true
		},
		gen.IntRange(1, 6).FlatMap(func(v interface{}) gopter.Gen {
			n := v.(int)
			return gen.SliceOfN(n*n, gen.Float64Range(-3, 3))
		}, nil),
	))
	properties.TestingRun(t)
}
