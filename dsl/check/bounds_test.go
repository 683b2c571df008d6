package check

import (
	"testing"

	"garantie/dsl/ast"
)

func TestAtMost(t *testing.T) {
	tests := []struct {
		raw  string
		hi   int64
		want bool
	}{
		{"10000000", MaxEuros, true},
		{"10000000.00", MaxEuros, true},
		{"10000000,01", MaxEuros, false},
		{"9999999,99", MaxEuros, true},
		{"10000001", MaxEuros, false},
		{"000000000000000000000000150", MaxYears, true},
		{"000000000000000000000000151", MaxYears, false},
		{"18446744073709551617", MaxCount, false}, // wraps to 1 in an int64
		{"99999999999999999999", MaxPercent, false},
		{"0", 0, true},
		{"0.5", 0, false},
		{"00.000", 0, true},
	}
	for _, tt := range tests {
		if got := atMost(&ast.Number{Raw: tt.raw}, tt.hi); got != tt.want {
			t.Errorf("atMost(%s, %d) = %t, want %t", tt.raw, tt.hi, got, tt.want)
		}
	}
}
