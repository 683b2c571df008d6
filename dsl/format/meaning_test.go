package format_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/dsl/check"
	"garantie/dsl/format"
	"garantie/dsl/parser"
)

// TestFormatKeepsMeaning checks that the checked program of the formatted
// text equals that of the input, on every golden input and example.
func TestFormatKeepsMeaning(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*.input")
	examples, _ := filepath.Glob("../../exemples/*.garantie")
	files := append(inputs, examples...)
	if len(files) < 5 {
		t.Fatalf("found only %d files", len(files))
	}
	dump := func(name string, src []byte) string {
		f, ds := parser.Parse(name, src)
		p, cds := check.Check(f, check.Regles())
		if ds = append(ds, cds...); ds.HasErrors() {
			t.Fatalf("%s: %v", name, ds)
		}
		return check.Dump(p)
	}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(src) == 0 {
			continue
		}
		out, ds := format.Source(path, src)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", path, ds)
		}
		if diff := cmp.Diff(dump(path, src), dump(path, out)); diff != "" {
			t.Errorf("%s: formatting changed the checked program (-before +after):\n%s", path, diff)
		}
	}
}
