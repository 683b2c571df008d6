package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/dsl/parser"
	"garantie/dsl/parser/parsertest"
)

// TestAnnotated parses and checks every testdata/*.garantie file and
// compares the (line, code) pairs of the diagnostics with the "# want"
// annotations of the file.
func TestAnnotated(t *testing.T) {
	files, err := filepath.Glob("testdata/*.garantie")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata files: %v", err)
	}
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			f, ds := parser.Parse(name, src)
			_, cds := check.Check(f, check.Regles())
			ds = append(ds, cds...)
			if diff := cmp.Diff(parsertest.Wanted(src), parsertest.Got(ds)); diff != "" {
				var b strings.Builder
				diag.WriteText(&b, ds, diag.Source{name: src})
				t.Errorf("diagnostics (-want +got):\n%s\nall diagnostics:\n%s", diff, b.String())
			}
		})
	}
}

// TestEveryCodeAnnotated checks that the testdata files exercise every
// code the checker documents.
func TestEveryCodeAnnotated(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.garantie")
	seen := map[string]bool{}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range parsertest.Wanted(src) {
			_, code, _ := strings.Cut(w, ":")
			seen[code] = true
		}
	}
	for _, info := range check.Codes() {
		if !seen[string(info.Code)] {
			t.Errorf("no testdata file expects %s (%s)", info.Code, info.Title)
		}
	}
}
