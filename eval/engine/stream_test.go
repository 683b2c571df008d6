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

// streamAll evaluates a generated claims file through Stream and returns
// the results, copied.
func streamAll(t *testing.T, e *engine.Engine, data []byte, o engine.StreamOptions) []engine.Result {
	t.Helper()
	all, _ := streamCount(t, e, data, o)
	return all
}

// streamCount is streamAll that also counts the batches emitted.
func streamCount(t *testing.T, e *engine.Engine, data []byte, o engine.StreamOptions) ([]engine.Result, int) {
	t.Helper()
	r, err := claims.NewReaderOptions(bytes.NewReader(data), claims.Options{BlockSize: 4 << 10})
	if err != nil {
		t.Fatal(err)
	}
	var all []engine.Result
	batches := 0
	err = e.Stream(r, o, func(rs []engine.Result) error {
		batches++
		for _, x := range rs {
			x.Couches = append([]engine.Couche(nil), x.Couches...)
			all = append(all, x)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return all, batches
}

// TestStreamMatchesWholeFile checks that streaming a date-sorted file in
// batches gives the results of evaluating it whole, in input order.
func TestStreamMatchesWholeFile(t *testing.T) {
	var buf bytes.Buffer
	err := gen.Write(&buf, gen.Options{Claims: 40000, Beneficiaries: 300, Seed: 11,
		From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	sv, err := claims.SurveyClaims(bytes.NewReader(buf.Bytes()))
	if err != nil || !sv.Sorted() || sv.Lines != 40000 {
		t.Fatalf("generated file: survey %+v, err %v", sv, err)
	}
	e := mustEngine(t, engine.Options{}, readExample(t, "equilibre.garantie"))
	o := engine.StreamOptionsOf(sv)
	o.Batch = 5000
	streamed, batches := streamCount(t, e, buf.Bytes(), o)
	whole := evaluateWhole(t, e, buf.Bytes())
	if batches < 2 {
		t.Errorf("a sorted file of 40,000 lines was evaluated in %d batch", batches)
	}
	if len(streamed) != 40000 || len(whole) != 40000 {
		t.Fatalf("got %d and %d results, want 40000", len(streamed), len(whole))
	}
	for i := range whole {
		if !resultsEqual(streamed[i], whole[i]) {
			t.Fatalf("line %d: streamed %+v, whole %+v", whole[i].Line, streamed[i], whole[i])
		}
		if whole[i].Line != i+2 {
			t.Fatalf("result %d is line %d: results must come in input order", i, whole[i].Line)
		}
	}
}

// evaluateWhole reads a whole claims file and evaluates it in one batch,
// the reference the streams are compared with.
func evaluateWhole(t *testing.T, e *engine.Engine, data []byte) []engine.Result {
	t.Helper()
	all, err := claims.ReadAll(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return e.Evaluate(all)
}

func resultsEqual(a, b engine.Result) bool {
	if len(a.Couches) != len(b.Couches) {
		return false
	}
	for k := range a.Couches {
		if a.Couches[k] != b.Couches[k] {
			return false
		}
	}
	a.Couches, b.Couches = nil, nil
	a.Trace, b.Trace = nil, nil
	return a.Line == b.Line && a.ID == b.ID && errText(a) == errText(b) && a.RC == b.RC && a.Reste == b.Reste && a.RONet == b.RONet && a.PF == b.PF && a.ROBrut == b.ROBrut
}

func TestStreamStopsOnEmitError(t *testing.T) {
	var buf bytes.Buffer
	gen.Write(&buf, gen.Options{Claims: 100000, Beneficiaries: 50, Seed: 1,
		From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)})
	e := mustEngine(t, engine.Options{}, readExample(t, "equilibre.garantie"))
	r, _ := claims.NewReader(bytes.NewReader(buf.Bytes()))
	defer r.Close()
	calls := 0
	boom := errors.New("broken pipe")
	err := e.Stream(r, engine.StreamOptions{}, func([]engine.Result) error { calls++; return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("Stream returned %v, want the emit error", err)
	}
	if calls != 1 {
		t.Errorf("emit called %d times after failing; want 1", calls)
	}
}

// readExample returns the text of a bundled example contract.
func readExample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../exemples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestStreamNearlySorted streams a file whose lines are out of date order
// by a few days, as in an export sorted by date of payment: it must be
// evaluated in several batches and give exactly the results of reading it
// whole.
func TestStreamNearlySorted(t *testing.T) {
	checkNearlySorted(t, 21, false)
}

// TestStreamNearlySortedIDsInOrder is TestStreamNearlySorted with the ids
// renumbered after the shuffle, so that they increase with the lines while
// the dates go back: the stream orders each batch's lines by (date, line)
// without reading the ids, which must give the (date, id) order of the
// whole file.
func TestStreamNearlySortedIDsInOrder(t *testing.T) {
	checkNearlySorted(t, 22, true)
}

// checkNearlySorted generates 60,000 claims with seed, shuffles them
// within windows of 300 lines (about ten days), renumbers their ids in
// file order when renumber is set, and checks that streaming the file in
// batches of 5,000 gives exactly the results of evaluating it whole.
func checkNearlySorted(t *testing.T, seed uint64, renumber bool) {
	t.Helper()
	var buf bytes.Buffer
	gen.Write(&buf, gen.Options{Claims: 60000, Beneficiaries: 400, Seed: seed,
		From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)})
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	body := lines[1:]
	rng := rand.New(rand.NewPCG(seed, seed))
	for lo := 0; lo < len(body); lo += 300 {
		w := body[lo:min(lo+300, len(body))]
		rng.Shuffle(len(w), func(i, j int) { w[i], w[j] = w[j], w[i] })
	}
	if renumber {
		for i, l := range body {
			body[i] = fmt.Sprintf("n%07d", i) + l[strings.IndexByte(l, ','):]
		}
	}
	data := []byte(lines[0] + "\n" + strings.Join(body, "\n") + "\n")
	sv, err := claims.SurveyFile(bytes.NewReader(data), int64(len(data)))
	if err != nil || sv.Lateness <= 0 || sv.Lateness > 20 || renumber && !sv.IDsIncreasing {
		t.Fatalf("survey %+v, %v: want a lateness of a few days (and ids increasing: %v)", sv, err, renumber)
	}
	e := mustEngine(t, engine.Options{}, readExample(t, "equilibre.garantie"))
	o := engine.StreamOptionsOf(sv)
	o.Batch = 5000
	streamed, batches := streamCount(t, e, data, o)
	whole := evaluateWhole(t, e, data)
	if batches < 2 || len(streamed) != len(whole) {
		t.Fatalf("%d results streamed in %d batches, %d whole: the nearly sorted file was not streamed", len(streamed), batches, len(whole))
	}
	for i := range whole {
		if !resultsEqual(streamed[i], whole[i]) {
			t.Fatalf("line %d: streamed %+v, whole %+v", whole[i].Line, streamed[i], whole[i])
		}
	}
}
