package engine

import (
	"fmt"

	"garantie/eval/claims"
)

// Shard is one of N parts of a claims file split by family, so that N
// processes or machines can each evaluate one part of the same file. A
// family (or a beneficiary without famille, a family of one) belongs to
// shard 1 + h mod N, where h is the 64-bit FNV-1a hash of its famille id
// (of its assure id for a family of one): the split depends on nothing
// but the ids. A line the claims reader rejected belongs to shard 1.
//
// Every shard still checks every line (duplicate ids, a beneficiary in two
// families), so that a line is rejected in its shard exactly as in a run
// over the whole file; it only evaluates and emits the lines of its
// families. The union of the N outputs is one run's output, line for line.
//
// The zero Shard is the whole file.
type Shard struct {
	k, n int // shard k of n, from 1; n is 0 for the whole file
}

// NewShard returns shard k of n, 1 ≤ k ≤ n.
func NewShard(k, n int) (Shard, error) {
	if n < 1 || k < 1 || k > n {
		return Shard{}, fmt.Errorf("shard %d/%d: want K/N with 1 ≤ K ≤ N", k, n)
	}
	return Shard{k: k, n: n}, nil
}

// String returns "K/N", or "all" for the whole file.
func (s Shard) String() string {
	if s.n == 0 {
		return "all"
	}
	return fmt.Sprintf("%d/%d", s.k, s.n)
}

// Holds reports whether the line of c belongs to the shard.
func (s Shard) Holds(c *claims.Claim) bool {
	if s.n <= 1 {
		return true
	}
	if c.Err != nil {
		return s.k == 1
	}
	return s.k == ShardOf(c, s.n)
}

// ShardOf returns the shard, from 1 to n, of the family of a decoded
// claim.
func ShardOf(c *claims.Claim, n int) int {
	key := c.Famille
	if key == "" {
		key = c.Assure
	}
	return 1 + int(fnv1a(key)%uint64(n))
}

// fnv1a is the 64-bit FNV-1a hash of s.
func fnv1a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
