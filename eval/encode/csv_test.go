package encode

import (
	"fmt"
	"math"
	"strconv"
	"testing"

	"garantie/eval/money"
)

// TestAppendNumbers checks the CSV writer's numbers against strconv, and
// against fmt's rendering of euros with two decimals.
func TestAppendNumbers(t *testing.T) {
	values := []int64{0, 1, 9, 10, 99, 100, 101, 999, 1000, 1250, 99999, 100000, 123456789, math.MaxInt64, -1, -99, -100, -12345, math.MinInt64 + 1}
	for k := int64(1); k < 1e18; k *= 7 {
		values = append(values, k, k-1, k+1)
	}
	for _, v := range values {
		if v >= 0 {
			if got, want := string(appendUint([]byte("x"), uint64(v))), "x"+strconv.FormatUint(uint64(v), 10); got != want {
				t.Errorf("appendUint(%d) = %s, want %s", v, got, want)
			}
		}
		sign, u := "", v
		if v < 0 {
			sign, u = "-", -v
		}
		want := fmt.Sprintf("x%s%d.%02d", sign, u/100, u%100)
		if got := string(appendCents([]byte("x"), money.Cents(v))); got != want {
			t.Errorf("appendCents(%d) = %s, want %s", v, got, want)
		}
	}
}

// TestAppendCSVField checks which fields are quoted.
func TestAppendCSVField(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "abc": "abc", "a b": "a b", "é": "é", "a,b": `"a,b"`, "a;b": `"a;b"`,
		`a"b`: `"a""b"`, "a\nb": "\"a\nb\"", "a\rb": "\"a\rb\"", "equilibre.garantie:29": "equilibre.garantie:29",
	} {
		if got := string(appendCSVField(nil, in)); got != want {
			t.Errorf("appendCSVField(%q) = %q, want %q", in, got, want)
		}
	}
}
