package engine

import (
	"hash/maphash"
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"
)

// TestAssureTable compares assureTable with a map on beneficiaries whose
// ids have every length around what fits in a slot's key, so that both
// the inline and the out-of-line forms are found again, with their
// famille, through the table's growth.
func TestAssureTable(t *testing.T) {
	if got := unsafe.Sizeof(assureEntry{}); got != 56 {
		t.Errorf("assureEntry is %d bytes, want 56", got)
	}
	seed := maphash.MakeSeed()
	rng := rand.New(rand.NewPCG(1, 2))
	// id builds an id of n bytes from k, distinct for distinct (k, n).
	id := func(prefix string, k, n int) string {
		s := prefix + strings.Repeat("x", 40) + string(rune('a'+k%26)) + strings.Repeat("y", k/26%7) + string(rune('A'+k/182))
		return s[len(s)-n:]
	}
	type want struct{ famille string }
	var tab assureTable
	m := map[string]want{}
	var keys []string
	for step := range 20000 {
		var a, f string
		if len(keys) > 0 && rng.IntN(3) == 0 {
			a = keys[rng.IntN(len(keys))]
		} else {
			n := 1 + rng.IntN(45) // around assureInline (30)
			a = id("b", step, min(n, 40))
			fl := rng.IntN(35)
			if fl > 0 {
				f = id("f", rng.IntN(1000), min(fl, 40))
			}
		}
		e, seen := tab.find(a, maphash.String(seed, a))
		w, inMap := m[a]
		if seen != inMap {
			t.Fatalf("step %d: %q seen %v, want %v", step, a, seen, inMap)
		}
		if !seen {
			*e = assureEntry{line: int32(step)}
			tab.add(e, a, f)
			m[a] = want{f}
			keys = append(keys, a)
			w = want{f}
		}
		if got := string(tab.assure(e)); got != a {
			t.Fatalf("step %d: assure %q, want %q", step, got, a)
		}
		if got := string(tab.famille(e)); got != w.famille {
			t.Fatalf("step %d: famille of %q is %q, want %q", step, a, got, w.famille)
		}
	}
	if tab.n != len(m) {
		t.Errorf("%d entries, want %d", tab.n, len(m))
	}
}
