// Package money is the exact arithmetic of amounts: Cents, an amount in
// euro cents, and Rate, an exact fraction such as a percentage, whose
// products with amounts are rounded half away from zero to the cent
// (LANGUAGE.md §3 step 9), the project's one rounding rule. Never a float.
package money

import (
	"strconv"
)

// Cents is an exact amount of money in euro cents. Claim amounts have at
// most two decimals, so every amount of the engine is exact in cents;
// products by rates are rounded half away from zero to the cent
// (LANGUAGE.md §3 step 9), the project's one rounding rule.
type Cents int64

// String renders c with exactly two decimals and a point: "-12.05".
func (c Cents) String() string {
	return string(c.Append(nil))
}

// Append appends the two-decimal rendering of c to b.
func (c Cents) Append(b []byte) []byte {
	u := uint64(c)
	if c < 0 {
		b = append(b, '-')
		u = uint64(-c)
	}
	b = strconv.AppendUint(b, u/100, 10)
	r := u % 100
	return append(b, '.', byte('0'+r/10), byte('0'+r%10))
}
