package encode

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"garantie/dsl/check"
	"garantie/dsl/parser"
	"garantie/eval/claims"
	"garantie/eval/engine"
	"garantie/eval/gen"
)

// TestTableStreams evaluates more lines than size the table's columns, as
// garantie eval does: every line must be printed once, aligned, then the
// totals.
func TestTableStreams(t *testing.T) {
	n := sizingRows + 2500
	var data bytes.Buffer
	err := gen.Write(&data, gen.Options{Claims: n, Beneficiaries: 300, Seed: 1,
		From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../exemples/equilibre.garantie")
	if err != nil {
		t.Fatal(err)
	}
	f, ds := parser.Parse("equilibre.garantie", src)
	prog, cds := check.Check(f, check.Regles())
	if ds = append(ds, cds...); ds.HasErrors() {
		t.Fatal(ds)
	}
	eng, err := engine.New([]*check.Program{prog}, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sv, err := claims.SurveyClaims(bytes.NewReader(data.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	r, err := claims.NewReader(bytes.NewReader(data.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var out strings.Builder
	w, err := New("table", &out, 1, false)
	if err != nil {
		t.Fatal(err)
	}
	o := engine.StreamOptionsOf(sv)
	o.Batch = 4096 // several batches, as a large file gives
	if err := eng.Stream(r, o, w.Write); err != nil {
		t.Fatal(err)
	}
	if err := w.Finish(); err != nil {
		t.Fatal(err)
	}
	if tot := w.Totals(); tot.Lines != n || tot.Rejected != 0 {
		t.Fatalf("totals count %d lines, %d rejected; want %d, 0", tot.Lines, tot.Rejected, n)
	}

	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != n+4 {
		t.Fatalf("got %d lines for %d claims, want header, rule, claims, rule, total", len(lines), n)
	}
	// The FRAIS column ends at the same place on every line.
	end := strings.Index(lines[0], "FRAIS") + len("FRAIS")
	for i, l := range lines[2 : n+2] {
		if l[end] != ' ' || l[end-1] < '0' || l[end-1] > '9' {
			t.Fatalf("claim %d is not aligned under FRAIS:\n%s\n%s", i+1, lines[0], l)
		}
	}
	if !strings.HasPrefix(lines[n+3], "TOTAL") || !strings.Contains(lines[n+3], strconv.Itoa(n)+" lines") {
		t.Errorf("last line %q", lines[n+3])
	}
}
