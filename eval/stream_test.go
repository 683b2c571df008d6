package eval_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"garantie/eval"
	"garantie/eval/gen"
)

// streamAll evaluates a generated claims file through Stream and returns
// the results, copied.
func streamAll(t *testing.T, e *eval.Engine, data []byte, o eval.StreamOptions) []eval.Result {
	t.Helper()
	all, _ := streamCount(t, e, data, o)
	return all
}

// streamCount is streamAll that also counts the batches emitted.
func streamCount(t *testing.T, e *eval.Engine, data []byte, o eval.StreamOptions) ([]eval.Result, int) {
	t.Helper()
	r, err := eval.NewReaderOptions(bytes.NewReader(data), eval.Options{BlockSize: 4 << 10})
	if err != nil {
		t.Fatal(err)
	}
	var all []eval.Result
	batches := 0
	err = e.Stream(r, o, func(rs []eval.Result) error {
		batches++
		for _, x := range rs {
			x.Couches = append([]eval.Couche(nil), x.Couches...)
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
	sv, err := eval.SurveyClaims(bytes.NewReader(buf.Bytes()))
	if err != nil || !sv.Sorted() || sv.Lines != 40000 {
		t.Fatalf("generated file: survey %+v, err %v", sv, err)
	}
	e := mustEngine(t, eval.EngineOptions{}, readExample(t, "equilibre.garantie"))
	o := sv.StreamOptions()
	o.Batch = 5000
	streamed, batches := streamCount(t, e, buf.Bytes(), o)
	whole := streamAll(t, e, buf.Bytes(), eval.Unordered)
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

func resultsEqual(a, b eval.Result) bool {
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
	return a.Line == b.Line && a.ID == b.ID && a.Err == b.Err && a.RC == b.RC && a.Reste == b.Reste && a.RONet == b.RONet && a.PF == b.PF && a.ROBrut == b.ROBrut
}

func TestStreamStopsOnEmitError(t *testing.T) {
	var buf bytes.Buffer
	gen.Write(&buf, gen.Options{Claims: 100000, Beneficiaries: 50, Seed: 1,
		From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)})
	e := mustEngine(t, eval.EngineOptions{}, readExample(t, "equilibre.garantie"))
	r, _ := eval.NewReader(bytes.NewReader(buf.Bytes()))
	defer r.Close()
	calls := 0
	boom := errors.New("broken pipe")
	err := e.Stream(r, eval.StreamOptions{}, func([]eval.Result) error { calls++; return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("Stream returned %v, want the emit error", err)
	}
	if calls != 1 {
		t.Errorf("emit called %d times after failing; want 1", calls)
	}
}

func TestSurveyClaims(t *testing.T) {
	for _, c := range []struct {
		data string
		want bool
	}{
		{"id,assure,date,poste,frais\na,b,2026-01-01,x,1\nc,d,2026-01-01,x,1\ne,f,2026-02-01,x,1\n", true},
		{"id,assure,date,poste,frais\na,b,2026-02-01,x,1\nc,d,2026-01-31,x,1\n", false},
		{"poste;date;id;assure;frais\nx;2026-03-01;a;b;1\nx;bad;a;b;1\nx;2026-03-02;a;b;1\n", true},
		{"id,assure,date,poste,frais\n\"a,1\",b,2026-05-01,x,1\nc,d,2026-06-01,x,1\n", false},
	} {
		got, err := eval.SurveyClaims(strings.NewReader(c.data))
		if err != nil || got.Sorted() != c.want {
			t.Errorf("SurveyClaims(%q) = %+v, %v; want sorted %v", c.data, got, err, c.want)
		}
		if want := strings.Count(strings.TrimSpace(c.data), "\n"); got.Lines != want {
			t.Errorf("SurveyClaims(%q) counted %d lines, want %d", c.data, got.Lines, want)
		}
	}
	if _, err := eval.SurveyClaims(strings.NewReader("id,assure\n")); err == nil {
		t.Error("a header without the required columns must be an error")
	}
}

// readExample returns the text of a bundled example contract.
func readExample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../exemples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSurveyFileMatchesSurveyClaims cuts files at every kind of place and
// checks that the parallel survey agrees with the sequential one.
func TestSurveyFileMatchesSurveyClaims(t *testing.T) {
	var big bytes.Buffer
	gen.Write(&big, gen.Options{Claims: 60000, Beneficiaries: 100, Seed: 5,
		From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)})
	sorted := big.String()
	lines := strings.Split(strings.TrimSuffix(sorted, "\n"), "\n")
	// Swap two lines in the middle: only the parallel cut sees them apart.
	mid := len(lines) / 2
	swapped := append([]string(nil), lines...)
	swapped[mid], swapped[mid+1] = lines[mid+1], lines[mid]
	for mid < len(lines)-1 && strings.Split(lines[mid], ",")[3] == strings.Split(lines[mid+1], ",")[3] {
		mid++
		swapped = append([]string(nil), lines...)
		swapped[mid], swapped[mid+1] = lines[mid+1], lines[mid]
	}
	for name, data := range map[string]string{
		"sorted":     sorted,
		"swapped":    strings.Join(swapped, "\n") + "\n",
		"crlf":       strings.ReplaceAll(sorted, "\n", "\r\n"),
		"blank":      strings.Replace(sorted, "\n", "\n\n  \n", 500),
		"small":      "id;assure;date;poste;frais\na;b;2026-01-02;x;1\n",
		"headeronly": "id,assure,date,poste,frais\n",
	} {
		want, err1 := eval.SurveyClaims(strings.NewReader(data))
		got, err2 := eval.SurveyFile(strings.NewReader(data), int64(len(data)))
		if err1 != nil || err2 != nil || got != want {
			t.Errorf("%s: SurveyFile %+v (%v), SurveyClaims %+v (%v)", name, got, err2, want, err1)
		}
	}
	sv, _ := eval.SurveyFile(strings.NewReader(strings.Join(swapped, "\n")+"\n"), int64(len(strings.Join(swapped, "\n"))+1))
	if sv.Sorted() {
		t.Error("a file with two lines out of order was surveyed as sorted")
	}
}

// TestSurveyLateness checks the lateness measured on small files.
func TestSurveyLateness(t *testing.T) {
	const head = "id,assure,date,poste,frais\n"
	for _, c := range []struct {
		lines string
		want  int
	}{
		{"a,b,2026-01-05,x,1\nc,d,2026-01-05,x,1\n", 0},
		{"a,b,2026-01-05,x,1\nc,d,2026-01-02,x,1\n", 3},
		{"a,b,2026-01-05,x,1\nc,d,2026-02-01,x,1\ne,f,2026-01-20,x,1\ng,h,2026-01-31,x,1\n", 12},
		{"a,b,2026-01-05,x,1\nc,d,2026-02-30,x,1\ne,f,2026-01-04,x,1\n", 1}, // an invalid date is ignored
		{"\"a,1\",b,2026-01-05,x,1\n", -1},
	} {
		got, err := eval.SurveyClaims(strings.NewReader(head + c.lines))
		if err != nil || got.Lateness != c.want {
			t.Errorf("SurveyClaims(%q) = %+v, %v; want lateness %d", c.lines, got, err, c.want)
		}
		data := head + c.lines
		if got2, err := eval.SurveyFile(strings.NewReader(data), int64(len(data))); err != nil || got2 != got {
			t.Errorf("SurveyFile(%q) = %+v, %v; SurveyClaims gives %+v", c.lines, got2, err, got)
		}
	}
}

// TestStreamNearlySorted streams a file whose lines are out of date order
// by a few days, as in an export sorted by date of payment: it must be
// evaluated in several batches and give exactly the results of reading it
// whole.
func TestStreamNearlySorted(t *testing.T) {
	var buf bytes.Buffer
	gen.Write(&buf, gen.Options{Claims: 60000, Beneficiaries: 400, Seed: 21,
		From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)})
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	body := lines[1:]
	// Shuffle within windows of 300 lines (about ten days).
	rng := rand.New(rand.NewPCG(4, 4))
	for lo := 0; lo < len(body); lo += 300 {
		w := body[lo:min(lo+300, len(body))]
		rng.Shuffle(len(w), func(i, j int) { w[i], w[j] = w[j], w[i] })
	}
	data := []byte(lines[0] + "\n" + strings.Join(body, "\n") + "\n")
	sv, err := eval.SurveyFile(bytes.NewReader(data), int64(len(data)))
	if err != nil || sv.Lateness <= 0 || sv.Lateness > 20 {
		t.Fatalf("survey %+v, %v: want a lateness of a few days", sv, err)
	}
	e := mustEngine(t, eval.EngineOptions{}, readExample(t, "equilibre.garantie"))
	o := sv.StreamOptions()
	o.Batch = 5000
	streamed, batches := streamCount(t, e, data, o)
	whole := streamAll(t, e, data, eval.Unordered)
	if batches < 2 {
		t.Errorf("evaluated in %d batch: the nearly sorted file was not streamed", batches)
	}
	if len(streamed) != len(whole) {
		t.Fatalf("%d results streamed, %d whole", len(streamed), len(whole))
	}
	for i := range whole {
		if !resultsEqual(streamed[i], whole[i]) {
			t.Fatalf("line %d: streamed %+v, whole %+v", whole[i].Line, streamed[i], whole[i])
		}
	}
}
