package engine

import (
	"errors"
	"testing"

	"garantie/eval/claims"
	"garantie/eval/date"
)

// TestReadyPrefix checks where a buffer of claims is cut: before the
// watermark, before every date left after the cut, never between two
// claims of one date, and rejected lines going with their neighbours.
func TestReadyPrefix(t *testing.T) {
	bad := errors.New("rejected")
	c := func(day date.Day) claims.Claim { return claims.Claim{Date: day} }
	r := claims.Claim{Err: bad}
	for _, tc := range []struct {
		name      string
		claims    []claims.Claim
		watermark date.Day
		want      int
	}{
		{"sorted, cut before the last date", []claims.Claim{c(1), c(2), c(2), c(3)}, 3, 3},
		{"all before the watermark", []claims.Claim{c(1), c(2)}, 9, 2},
		{"one date is never split", []claims.Claim{c(5), c(5), c(5)}, 5, 0},
		{"disorder before the watermark is sorted within the batch", []claims.Claim{c(7), c(9), c(5)}, 10, 3},
		{"an earlier date behind a late one holds the cut", []claims.Claim{c(3), c(8), c(30), c(4)}, 20, 1},
		{"a date at the watermark stops the cut", []claims.Claim{c(1), c(7), c(5), c(11)}, 6, 1},
		{"late line within the prefix", []claims.Claim{c(3), c(1), c(2), c(8)}, 6, 3},
		{"rejected lines go with their neighbours", []claims.Claim{c(1), r, c(2), r, c(6)}, 6, 4},
		{"only rejected lines", []claims.Claim{r, r}, 1, 2},
	} {
		got, _ := readyPrefix(tc.claims, tc.watermark, nil)
		if got != tc.want {
			t.Errorf("%s: cut %d, want %d", tc.name, got, tc.want)
		}
	}
}
