package refeval

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"garantie/dsl/check"
	"garantie/dsl/parser"
	"garantie/eval/claims"
	"garantie/eval/encode"
	"garantie/eval/engine"
	"garantie/eval/gen"
)

// claimsFile returns the claims file of the test: $REFEVAL_CLAIMS when set
// (the 1M-line check of docs/performance.md), else 20,000 generated lines
// over 2,000 beneficiaries.
func claimsFile(t *testing.T) []byte {
	if p := os.Getenv("REFEVAL_CLAIMS"); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var buf bytes.Buffer
	err := gen.Write(&buf, gen.Options{Claims: 20_000, Beneficiaries: 2_000, Seed: 3,
		From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// engineCSV evaluates data with the engine as `garantie eval
// exemples/equilibre.garantie --format csv` does.
func engineCSV(t *testing.T, data []byte) []byte {
	src, err := os.ReadFile("testdata/equilibre.garantie")
	if err != nil {
		t.Fatal(err)
	}
	f, ds := parser.Parse("equilibre.garantie", src)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	prog, ds := check.Check(f, check.Regles())
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	e, err := engine.New([]*check.Program{prog}, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sv, err := claims.SurveyFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := claims.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var out bytes.Buffer
	w, err := encode.New("csv", &out, 1, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Stream(r, engine.StreamOptionsOf(sv), w.Write); err != nil {
		t.Fatal(err)
	}
	if err := w.Finish(); err != nil {
		t.Fatal(err)
	}
	if w.Totals().Rejected > 0 {
		t.Fatalf("the engine rejected %d lines", w.Totals().Rejected)
	}
	return out.Bytes()
}

// TestAgree checks that the hand-written evaluator gives the engine's
// output byte for byte, and that the expr one differs only by float
// rounding: at most one cent on an amount, on few lines.
func TestAgree(t *testing.T) {
	data := claimsFile(t)
	want := engineCSV(t, data)
	var hand bytes.Buffer
	if err := Hand(data, &hand); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(hand.Bytes(), want) {
		t.Errorf("Hand: %s", firstDiff(want, hand.Bytes()))
	}
	var ex bytes.Buffer
	if err := Expr(bytes.NewReader(data), &ex); err != nil {
		t.Fatal(err)
	}
	lines, cents := 0, 0
	ws, gs := bufio.NewScanner(bytes.NewReader(want)), bufio.NewScanner(&ex)
	n := 0
	for ws.Scan() {
		n++
		if !gs.Scan() {
			t.Fatalf("Expr: %d lines, want more", n-1)
		}
		a, b := strings.Split(ws.Text(), ","), strings.Split(gs.Text(), ",")
		if ws.Text() == gs.Text() {
			continue
		}
		lines++
		for i := range a {
			if a[i] == b[i] {
				continue
			}
			x, err1 := strconv.ParseFloat(a[i], 64)
			y, err2 := strconv.ParseFloat(b[i], 64)
			if err1 != nil || err2 != nil || x-y > 0.011 || y-x > 0.011 {
				t.Fatalf("Expr line %d column %d: %q, engine %q", n, i+1, b[i], a[i])
			}
			cents++
		}
	}
	if gs.Scan() {
		t.Fatalf("Expr: more than %d lines", n)
	}
	t.Logf("Expr: %d of %d lines differ from the engine by one cent (%d amounts), from float64 rounding", lines, n-1, cents)
	if lines*100 > n {
		t.Errorf("Expr: %d of %d lines differ, over 1%%", lines, n-1)
	}
}

// firstDiff describes the first line where got differs from want.
func firstDiff(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			return "line " + strconv.Itoa(i+1) + ": got " + g[i] + ", want " + w[i]
		}
	}
	return "lengths " + strconv.Itoa(len(g)) + " and " + strconv.Itoa(len(w))
}
