package check_test

import (
	"os"
	"path/filepath"
	"testing"

	"garantie/dsl/ast"
	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/dsl/format"
	"garantie/dsl/lint"
	"garantie/dsl/parser"
)

// FuzzCheck runs the whole static pipeline (parse, check, lint) on
// arbitrary input: it must never panic, every diagnostic must point inside
// the source, a file without errors must keep all its rules in the checked
// program, and formatting must not change the checked program.
// Seeds: the annotated test files and the bundled examples; the corpus the
// fuzzer grows lives in testdata/fuzz/FuzzCheck.
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.garantie")
	examples, _ := filepath.Glob("../../exemples/*.garantie")
	for _, path := range append(seeds, examples...) {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, ds := parser.Parse("fuzz.garantie", src)
		prog, cds := check.Check(file, check.Regles())
		if prog == nil {
			t.Fatal("Check returned no program")
		}
		ds = append(ds, cds...)
		if !ds.HasErrors() {
			ds = append(ds, lint.Run(prog)...)
		}
		for _, d := range ds {
			r := d.Range
			if r.Start.Offset < 0 || r.Start.Offset > r.End.Offset || r.End.Offset > len(src) || r.Start.Line < 1 || r.Start.Col < 1 {
				t.Fatalf("diagnostic %s %q has range %+v outside the source of %d bytes", d.Code, d.Message, r, len(src))
			}
		}
		if ds.HasErrors() {
			return
		}
		rules := 0
		for _, d := range file.Decls {
			if _, ok := d.(*ast.Rule); ok {
				rules++
			}
		}
		if len(prog.Rules) != rules {
			t.Fatalf("no error, but the program has %d rules for %d in the file", len(prog.Rules), rules)
		}
		out, fds := format.Source("fuzz.garantie", src)
		if fds.HasErrors() {
			t.Fatalf("formatting a valid file failed: %v", fds)
		}
		file2, ds2 := parser.Parse("fuzz.garantie", out)
		prog2, cds2 := check.Check(file2, check.Regles())
		if ds2 = append(ds2, cds2...); ds2.HasErrors() {
			t.Fatalf("the formatted file has errors: %v\n%s", diag.Diagnostics(ds2), out)
		}
		if a, b := check.Dump(prog), check.Dump(prog2); a != b {
			t.Fatalf("formatting changed the meaning:\n%s\n---\n%s", a, b)
		}
	})
}
