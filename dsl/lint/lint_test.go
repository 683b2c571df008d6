package lint_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/dsl/diag/suppress"
	"garantie/dsl/lint"
	"garantie/dsl/parser"
	"garantie/dsl/parser/parsertest"
)

var update = flag.Bool("update", false, "rewrite docs/diagnostics.md")

// analyse parses, checks and lints src like `garantie check` does.
func analyse(name string, src []byte) diag.Diagnostics {
	f, ds := parser.Parse(name, src)
	p, cds := check.Check(f, check.Regles())
	ds = append(ds, cds...)
	return append(ds, lint.Run(p)...)
}

// TestAnnotated runs every testdata/*.garantie file through the whole
// pipeline and compares the (line, code) pairs of the diagnostics with the
// "# want" annotations of the file.
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
			ds := analyse(name, src)
			if diff := cmp.Diff(parsertest.Wanted(src), parsertest.Got(ds)); diff != "" {
				var b strings.Builder
				diag.WriteText(&b, ds, diag.Source{name: src})
				t.Errorf("diagnostics (-want +got):\n%s\nall diagnostics:\n%s", diff, b.String())
			}
		})
	}
}

// TestExamples checks that the example of every checker and lint code
// triggers that code.
func TestExamples(t *testing.T) {
	infos := append(check.Codes(), lint.Codes()...)
	for _, info := range infos {
		src := info.Example
		if !strings.Contains(src, "contrat") && info.Code != "E101" {
			src = "contrat \"Exemple\"\n" + src
		}
		ds := analyse("example.garantie", []byte(src+"\n"))
		if !slices.ContainsFunc(ds, func(d diag.Diagnostic) bool { return d.Code == info.Code }) {
			t.Errorf("the example of %s does not trigger it:\n%s\ngot %v", info.Code, src, ds)
		}
	}
}

// TestRulesRegistry checks that the registry is sorted, codes are unique
// across phases, and every rule is documented.
func TestRulesRegistry(t *testing.T) {
	seen := map[diag.Code]bool{}
	for _, info := range allCodes() {
		if seen[info.Code] {
			t.Errorf("code %s is used twice", info.Code)
		}
		seen[info.Code] = true
		if info.Title == "" || info.Doc == "" {
			t.Errorf("code %s is not documented", info.Code)
		}
	}
	rules := lint.Rules()
	for i, r := range rules {
		if i > 0 && rules[i-1].Info.Code >= r.Info.Code {
			t.Errorf("registry not sorted at %s", r.Info.Code)
		}
		if r.Responsable != strings.HasPrefix(string(r.Info.Code), "R") {
			t.Errorf("%s: Responsable is %t", r.Info.Code, r.Responsable)
		}
	}
}

func allCodes() []diag.Info {
	return slices.Concat(parser.Codes(), check.Codes(), lint.Codes(), suppress.Codes())
}

// TestDiagnosticsDoc checks that docs/diagnostics.md is up to date with
// the registries of every phase; -update rewrites it.
func TestDiagnosticsDoc(t *testing.T) {
	var b bytes.Buffer
	if err := lint.WriteDocs(&b, allCodes()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "docs", "diagnostics.md")
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run go test ./dsl/lint -run TestDiagnosticsDoc -update", err)
	}
	if diff := cmp.Diff(string(old), b.String()); diff != "" {
		t.Errorf("%s is stale; run go test ./dsl/lint -run TestDiagnosticsDoc -update\n(-file +generated):\n%s", path, diff)
	}
}
