package parser_test

import (
	"os"
	"path/filepath"
	"testing"

	"garantie/dsl/ast"
	"garantie/dsl/diag"
	"garantie/dsl/parser"
)

// FuzzParse checks that Parse never panics and that every diagnostic and
// every node lies within the source. Seeds live in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	src, err := os.ReadFile("testdata/equilibre.garantie")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(src)
	// The bundled examples, the real table's constructs among them.
	examples, _ := filepath.Glob("../../exemples/*.garantie")
	for _, path := range examples {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, info := range parser.Codes() {
		f.Add([]byte(info.Example))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, ds := parser.Parse("fuzz.garantie", src)
		if file == nil {
			t.Fatal("nil file")
		}
		inside := func(what string, r diag.Range) {
			if r.Start.Offset < 0 || r.Start.Offset > r.End.Offset || r.End.Offset > len(src) || r.Start.Line < 1 || r.Start.Col < 1 {
				t.Fatalf("%s range %+v outside the source of %d bytes", what, r, len(src))
			}
		}
		for _, d := range ds {
			inside("diagnostic "+string(d.Code), d.Range)
			if d.Fix != nil {
				inside("fix", d.Fix.Range)
			}
		}
		ast.Inspect(file, func(n ast.Node) bool {
			inside("node", n.Span())
			return true
		})
		for _, c := range file.Comments {
			inside("comment", c.Range)
		}
	})
}
