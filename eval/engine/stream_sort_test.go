package engine_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"garantie/eval/claims"
	"garantie/eval/engine"
	"garantie/eval/gen"
)

// shuffledFile returns a generated claims file with its lines in random
// order, a few duplicate ids, a beneficiary given a second family, and
// unreadable lines: everything whose outcome depends on the input order.
func shuffledFile(t *testing.T, n int, seed uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gen.Write(&buf, gen.Options{Claims: n, Beneficiaries: n / 50, Seed: seed,
		From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	body := lines[1:]
	rng := rand.New(rand.NewPCG(seed, 3))
	for k := range 20 {
		// A copy of a line (same id) and a line of its beneficiary in
		// another family.
		src := strings.Split(body[rng.IntN(len(body))], ",")
		body = append(body, strings.Join(src, ","))
		src[0], src[2] = fmt.Sprintf("x%d", k), "elsewhere"
		body = append(body, strings.Join(src, ","))
		body = append(body, fmt.Sprintf("bad%d,a1,f1,2026-13-45,consult.generaliste,30,25,70,1,,,,,", k))
	}
	rng.Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
	return []byte(lines[0] + "\n" + strings.Join(body, "\n") + "\n")
}

// TestStreamUnknownOrderSorts streams a shuffled file with the zero
// Order through the external sort, with a memory budget small enough for
// many temporary runs: the results must be those of evaluating the file
// whole, in input order, and no temporary file may remain.
func TestStreamUnknownOrderSorts(t *testing.T) {
	data := shuffledFile(t, 30000, 5)
	e := mustEngine(t, engine.Options{}, readExample(t, "equilibre.garantie"))
	whole := evaluateWhole(t, e, data)
	dir := t.TempDir()
	o := engine.StreamOptions{TempDir: dir, SortMemory: 64 << 10, Batch: 1000}
	streamed, batches := streamCount(t, e, data, o)
	if len(streamed) != len(whole) {
		t.Fatalf("%d results streamed, %d whole", len(streamed), len(whole))
	}
	rejected := 0
	for i := range whole {
		if !resultsEqual(streamed[i], whole[i]) {
			t.Fatalf("result %d: streamed %+v, whole %+v", i, streamed[i], whole[i])
		}
		if whole[i].Err != nil {
			rejected++
		}
	}
	if rejected < 60 {
		t.Errorf("%d lines rejected, want the 60 lines made to be", rejected)
	}
	if batches < 10 {
		t.Errorf("%d batches emitted, want batches of 1000 lines", batches)
	}
	assertEmptyDir(t, dir)
}

// lateFile returns a generated file sorted by date but for its last
// lines, copies (with new ids) of its first ones: lines that come late.
func lateFile(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	gen.Write(&buf, gen.Options{Claims: 20000, Beneficiaries: 300, Seed: 3,
		From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)})
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	for i, l := range lines[1:400] {
		lines = append(lines, fmt.Sprintf("late%d", i)+l[strings.IndexByte(l, ','):])
	}
	return []byte(strings.Join(lines, "\n") + "\n")
}

// TestStreamZeroOptions checks that the zero StreamOptions is safe on a
// file whose last lines come late: it used to mean "sorted by date" and
// paid them out of order.
func TestStreamZeroOptions(t *testing.T) {
	data := lateFile(t)
	e := mustEngine(t, engine.Options{}, readExample(t, "equilibre.garantie"))
	whole := evaluateWhole(t, e, data)
	r, err := claims.NewReaderOptions(bytes.NewReader(data), claims.Options{BlockSize: 4 << 10})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var streamed []engine.Result
	err = e.Stream(r, engine.StreamOptions{Batch: 1000}, func(rs []engine.Result) error {
		for _, x := range rs {
			x.Couches = append([]engine.Couche(nil), x.Couches...)
			streamed = append(streamed, x)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := range whole {
		if !resultsEqual(streamed[i], whole[i]) {
			t.Fatalf("line %d: streamed %+v, whole %+v", whole[i].Line, streamed[i], whole[i])
		}
	}
}

// TestStreamBrokenOrder announces as sorted a file whose last lines come
// late: the stream must stop with an *OrderError, not pay them out of
// order.
func TestStreamBrokenOrder(t *testing.T) {
	data := lateFile(t)
	e := mustEngine(t, engine.Options{}, readExample(t, "equilibre.garantie"))
	r, err := claims.NewReaderOptions(bytes.NewReader(data), claims.Options{BlockSize: 4 << 10})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	err = e.Stream(r, engine.StreamOptions{Order: engine.Sorted(), Batch: 1000}, func([]engine.Result) error { return nil })
	var oe *engine.OrderError
	if !errors.As(err, &oe) || oe.Line != 20002 {
		t.Fatalf("Stream returned %v, want an *OrderError on line 20002", err)
	}
}

// TestStreamSortCleansUpOnError makes emit fail in the external sort:
// the error comes back and no temporary file remains.
func TestStreamSortCleansUpOnError(t *testing.T) {
	data := shuffledFile(t, 20000, 4)
	e := mustEngine(t, engine.Options{}, readExample(t, "equilibre.garantie"))
	dir := t.TempDir()
	r, err := claims.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	boom := errors.New("disk full")
	calls := 0
	err = e.Stream(r, engine.StreamOptions{TempDir: dir, SortMemory: 32 << 10, Batch: 500}, func([]engine.Result) error {
		calls++
		if calls == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || calls != 3 {
		t.Fatalf("Stream returned %v after %d calls, want the emit error at the third", err, calls)
	}
	assertEmptyDir(t, dir)
}

// TestStreamShards evaluates a shuffled file in three shards: the union
// of their results is the results of one run, and each line is in one
// shard.
func TestStreamShards(t *testing.T) {
	data := shuffledFile(t, 20000, 8)
	e := mustEngine(t, engine.Options{}, readExample(t, "equilibre.garantie"))
	whole := evaluateWhole(t, e, data)
	byLine := map[int]engine.Result{}
	for k := 1; k <= 3; k++ {
		shard, err := engine.NewShard(k, 3)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range []engine.StreamOptions{{Shard: shard}, {Shard: shard, Order: engine.LateBy(1000)}} {
			got := streamAll(t, e, data, o)
			if len(got) == 0 || len(got) > len(whole)/2 {
				t.Errorf("shard %v holds %d of %d lines", shard, len(got), len(whole))
			}
			for _, r := range got {
				if prev, dup := byLine[r.Line]; dup && !resultsEqual(prev, r) {
					t.Fatalf("line %d differs between the sorted and streamed runs of shard %v", r.Line, shard)
				}
				byLine[r.Line] = r
			}
		}
	}
	if len(byLine) != len(whole) {
		t.Fatalf("the shards hold %d lines, the file %d", len(byLine), len(whole))
	}
	for _, w := range whole {
		if !resultsEqual(byLine[w.Line], w) {
			t.Fatalf("line %d: shard result %+v, whole %+v", w.Line, byLine[w.Line], w)
		}
	}
	if _, err := engine.NewShard(4, 3); err == nil {
		t.Error("NewShard(4, 3) succeeded")
	}
}

// TestSessionRejectsLateClaims gives a Session a claim dated before what
// its family was evaluated on in an earlier batch: the line is rejected,
// not evaluated out of order; another family's claim of that date is
// evaluated.
func TestSessionRejectsLateClaims(t *testing.T) {
	e := mustEngine(t, engine.Options{}, contract("optique.lentilles: forfait 100€ / annee civile"))
	s := e.NewSession()
	out := make([]engine.Result, 2)
	first := numbered(claim("c1", "2026-03-10", "optique.lentilles", "80", famille("f1")))
	s.Evaluate(first, out)
	if out[0].Err != nil || out[0].RC != eur("80") {
		t.Fatalf("first claim: %+v", out[0])
	}
	late := numbered(
		claim("c2", "2026-03-01", "optique.lentilles", "80", famille("f1"), assure("a2")),
		claim("c3", "2026-03-01", "optique.lentilles", "80", famille("f2"), assure("a3")),
	)
	s.Evaluate(late, out)
	if out[0].Err == nil || out[0].Err.Code != engine.RejectLateClaim || !strings.Contains(out[0].Err.Message, "earlier batch") {
		t.Errorf("late claim of f1: Err %q, RC %s; want a rejection", out[0].Err, out[0].RC)
	}
	if out[1].Err != nil || out[1].RC != eur("80") {
		t.Errorf("claim of f2: %+v, want 80.00 paid", out[1])
	}
}

// TestSessionSameDateAcrossBatches gives a family two claims of one date
// in two batches: in (date, id) order the second is evaluated, out of it
// it is rejected (FuzzEngine found the first case rejected).
func TestSessionSameDateAcrossBatches(t *testing.T) {
	e := mustEngine(t, engine.Options{}, contract("optique.lentilles: forfait 100€ / annee civile"))
	s := e.NewSession()
	out := make([]engine.Result, 1)
	s.Evaluate(numbered(claim("c2", "2026-03-10", "optique.lentilles", "80")), out)
	if out[0].Err != nil || out[0].RC != eur("80") {
		t.Fatalf("c2: %+v", out[0])
	}
	s.Evaluate(numbered(claim("c3", "2026-03-10", "optique.lentilles", "80")), out)
	if out[0].Err != nil || out[0].RC != eur("20") {
		t.Errorf("c3 after c2 on the same date: %+v, want 20.00 paid (100 − 80)", out[0])
	}
	s.Evaluate(numbered(claim("c1", "2026-03-10", "optique.lentilles", "80")), out)
	if out[0].Err == nil || out[0].Err.Code != engine.RejectLateClaim {
		t.Errorf("c1 after c3 on the same date: %+v, want a late_claim rejection", out[0])
	}
}

func assertEmptyDir(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) > 0 {
		t.Errorf("%s holds %d temporary files after the stream", dir, len(entries))
	}
}

// TestStreamIDsNotIncreasing announces increasing ids on a file with a
// duplicate id: the stream stops with an *IDOrderError rather than let
// the duplicate through unremembered.
func TestStreamIDsNotIncreasing(t *testing.T) {
	var buf bytes.Buffer
	gen.Write(&buf, gen.Options{Claims: 3000, Beneficiaries: 100, Seed: 3,
		From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)})
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	lines = append(lines, lines[len(lines)-1]) // the last line twice
	data := []byte(strings.Join(lines, "\n") + "\n")
	sv, err := claims.SurveyFile(bytes.NewReader(data), int64(len(data)))
	if err != nil || sv.IDsIncreasing {
		t.Fatalf("survey %+v, %v: the ids do not increase", sv, err)
	}
	e := mustEngine(t, engine.Options{}, readExample(t, "equilibre.garantie"))
	r, err := claims.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	err = e.Stream(r, engine.StreamOptions{Order: engine.Sorted(), IDsIncreasing: true}, func([]engine.Result) error { return nil })
	var ie *engine.IDOrderError
	if !errors.As(err, &ie) || ie.Line != 3002 {
		t.Fatalf("Stream returned %v, want an *IDOrderError on line 3002", err)
	}
	// As surveyed, the duplicate is found and rejected.
	got := streamAll(t, e, data, engine.StreamOptionsOf(sv))
	if last := got[len(got)-1].Err; last == nil || last.Code != engine.RejectDuplicateID {
		t.Errorf("last line: Err %v, want a duplicate id", last)
	}
}

// TestStreamSortBatchBoundaries streams small shuffled files through the
// external sort with tiny batches and budgets, so that batches are cut
// between families and inside large families, and runs are many: the
// results are always those of the file evaluated whole, and the shards
// of each file add up to it.
func TestStreamSortBatchBoundaries(t *testing.T) {
	e := mustEngine(t, engine.Options{Workers: 3}, readExample(t, "equilibre.garantie"))
	for seed := range uint64(4) {
		data := shuffledFile(t, 2000+int(seed)*500, 100+seed)
		whole := evaluateWhole(t, e, data)
		for _, o := range []engine.StreamOptions{
			{Batch: 7, SortMemory: 2 << 10},
			{Batch: 100, SortMemory: 16 << 10},
			{Batch: 1},
		} {
			got := streamAll(t, e, data, o)
			if len(got) != len(whole) {
				t.Fatalf("seed %d, batch %d: %d results, want %d", seed, o.Batch, len(got), len(whole))
			}
			for i := range whole {
				if !resultsEqual(got[i], whole[i]) {
					t.Fatalf("seed %d, batch %d, result %d:\n got %+v\nwant %+v", seed, o.Batch, i, got[i], whole[i])
				}
			}
		}
		n := 0
		for k := 1; k <= 4; k++ {
			shard, _ := engine.NewShard(k, 4)
			n += len(streamAll(t, e, data, engine.StreamOptions{Batch: 50, SortMemory: 8 << 10, Shard: shard}))
		}
		if n != len(whole) {
			t.Errorf("seed %d: the 4 shards hold %d lines, the file %d", seed, n, len(whole))
		}
	}
}
