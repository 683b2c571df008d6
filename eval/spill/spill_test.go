package spill

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

type record struct{ key, value string }

// TestSorterMatchesSort sorts random records with budgets from
// "everything in memory" to "a run every few records" and compares with
// an in-memory sort.
func TestSorterMatchesSort(t *testing.T) {
	for _, budget := range []int{1 << 20, 4 << 10, 200} {
		rng := rand.New(rand.NewPCG(uint64(budget), 1))
		var recs []record
		for i := range 3000 {
			// Keys of varied lengths, so that common prefixes are
			// frequent; the record's number makes each key unique,
			// as equal keys come in no particular order.
			key := fmt.Sprintf("%0*d/%d", 1+rng.IntN(12), rng.IntN(500), i)
			recs = append(recs, record{key, fmt.Sprint(i)})
		}
		dir := t.TempDir()
		s := NewSorter(dir, budget)
		for _, r := range recs {
			if err := s.Add([]byte(r.key), []byte(r.value)); err != nil {
				t.Fatal(err)
			}
		}
		if budget < 1<<20 && s.Runs() < 2 {
			t.Errorf("budget %d: %d runs, want several", budget, s.Runs())
		}
		it, err := s.Sort()
		if err != nil {
			t.Fatal(err)
		}
		want := slices.Clone(recs)
		slices.SortStableFunc(want, func(a, b record) int { return bytes.Compare([]byte(a.key), []byte(b.key)) })
		var got []record
		for it.Next() {
			got = append(got, record{string(it.Key()), string(it.Value())})
		}
		if it.Err() != nil {
			t.Fatal(it.Err())
		}
		if !slices.Equal(got, want) {
			t.Fatalf("budget %d: sorted records differ", budget)
		}
		assertEmpty(t, dir)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		assertEmpty(t, dir)
	}
}

// TestLog reads back what was appended.
func TestLog(t *testing.T) {
	dir := t.TempDir()
	l, err := NewLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for i := range 10000 {
		l.Append(fmt.Appendf(nil, "record %d", i))
	}
	if err := l.Rewind(); err != nil {
		t.Fatal(err)
	}
	n := 0
	for rec, ok := l.Next(); ok; rec, ok = l.Next() {
		if want := fmt.Sprintf("record %d", n); string(rec) != want {
			t.Fatalf("record %d is %q", n, rec)
		}
		n++
	}
	if n != 10000 || l.Err() != nil {
		t.Fatalf("read %d records, err %v", n, l.Err())
	}
	assertEmpty(t, dir)
}

// assertEmpty checks that the temporary files left no name in dir.
func assertEmpty(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) > 0 {
		t.Errorf("%s holds %d files, want none", dir, len(entries))
	}
}
