package engine

import (
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"testing"
)

// TestIDTable compares idTable with a map on sequences of ids that mix
// increasing runs, ids out of order and duplicates of both kinds.
func TestIDTable(t *testing.T) {
	seed := maphash.MakeSeed()
	for trial := range 200 {
		rng := rand.New(rand.NewPCG(uint64(trial), 9))
		var tab idTable
		if trial%2 == 0 {
			tab.reserve(50)
		}
		first := map[string]int{}
		next := 0
		for line := 2; line < 400; line++ {
			var id string
			switch r := rng.IntN(10); {
			case r < 6: // the usual: the next id in order
				next += 1 + rng.IntN(3)
				id = fmt.Sprintf("c%06d", next)
			case r < 8: // an id out of order, maybe already seen
				id = fmt.Sprintf("c%06d", rng.IntN(next+5))
			default: // another naming scheme, sorting before or after
				id = fmt.Sprintf("%c%d", "aAzZ"[rng.IntN(4)], rng.IntN(50))
			}
			got, dup := tab.firstLine(id, maphash.String(seed, id), line)
			want, seen := first[id]
			if dup != seen || dup && got != want {
				t.Fatalf("trial %d line %d id %q: got (%d, %v), want (%d, %v)", trial, line, id, got, dup, want, seen)
			}
			if !seen {
				first[id] = line
			}
		}
	}
}
