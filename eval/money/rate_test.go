package money

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

func TestPercentRate(t *testing.T) {
	tests := []struct {
		in       string
		num, den int64
	}{
		{"70", 7, 10}, {"12.5", 1, 8}, {"0", 0, 1}, {"200", 2, 1}, {"33.33", 3333, 10000},
		{"1e5", 1000, 1}, {"0.000000000000001", 1, 100000000000000000},
		{"123456789012345678", 61728394506172839, 50},
	}
	for _, tt := range tests {
		got, err := PercentRate(decimal.RequireFromString(tt.in))
		if err != nil || got != (Rate{tt.num, tt.den}) {
			t.Errorf("PercentRate(%s) = %v, %v; want {%d %d}", tt.in, got, err, tt.num, tt.den)
		}
	}
	for _, bad := range []string{"-1", "1e40"} {
		if _, err := PercentRate(decimal.RequireFromString(bad)); err == nil {
			t.Errorf("PercentRate(%s) did not fail", bad)
		}
	}
}

// TestMulDivRoundExact compares MulDivRound with exact big-integer
// rounding half away from zero.
func TestMulDivRoundExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	exact := func(a, num, den int64) *big.Int {
		p := new(big.Int).Mul(big.NewInt(a), big.NewInt(num))
		q, r := new(big.Int).QuoRem(p, big.NewInt(den), new(big.Int))
		if new(big.Int).Abs(new(big.Int).Mul(r, big.NewInt(2))).Cmp(big.NewInt(den)) >= 0 {
			q.Add(q, big.NewInt(int64(p.Sign())))
		}
		return q
	}
	for range 100000 {
		a := rng.Int64N(1<<40) - 1<<39
		num, den := rng.Int64N(1<<30), 1+rng.Int64N(1<<30)
		if rng.IntN(4) == 0 {
			a, num = rng.Int64(), rng.Int64()
		}
		want := exact(a, num, den)
		got := MulDivRound(a, num, den)
		switch {
		case want.IsInt64() && got != want.Int64():
			t.Fatalf("MulDivRound(%d, %d, %d) = %d, want %s", a, num, den, got, want)
		case !want.IsInt64() && got != math.MaxInt64 && got != -math.MaxInt64:
			t.Fatalf("MulDivRound(%d, %d, %d) = %d, want saturation for %s", a, num, den, got, want)
		}
	}
	// Halves round away from zero.
	for _, tc := range [][4]int64{{5, 1, 2, 3}, {-5, 1, 2, -3}, {25, 1, 10, 3}, {-25, 1, 10, -3}, {24, 1, 10, 2}} {
		if got := MulDivRound(tc[0], tc[1], tc[2]); got != tc[3] {
			t.Errorf("MulDivRound(%d, %d, %d) = %d, want %d", tc[0], tc[1], tc[2], got, tc[3])
		}
	}
}
