package format_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"garantie/dsl/format"
	"garantie/dsl/parser"
	"garantie/dsl/parser/parsertest"
)

var update = flag.Bool("update", false, "rewrite the .golden files from the formatter's output")

// TestGolden formats each testdata/*.input and compares the result with
// the .golden file beside it; -update rewrites the golden files.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.input")
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no testdata/*.input files")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := formatClean(t, src)
			golden := strings.TrimSuffix(in, ".input") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("format mismatch (-want +got):\n%s", diff)
			}
			checkProperties(t, src, got)
		})
	}
}

func TestFragments(t *testing.T) {
	tests := []struct{ src, want string }{
		{"x:200 %BRSS", "x: 200% BRSS\n"},
		{"x: 250 €+250EUR / jour", "x: 250€ + 250 EUR / jour\n"},
		{"x si age<16:1€", "x si age < 16: 1€\n"},
		{"x: 1€ ,max 2 actes/an", "x: 1€, max 2 actes / an\n"},
		{"a: 1€;bb: 2€", "a:  1€\nbb: 2€\n"},
		{"a: 1€\n\n\n\nbb: 2€\n", "a: 1€\n\nbb: 2€\n"},
		{"a: 1€\n# c\nbb: 2€\n", "a: 1€\n# c\nbb: 2€\n"},
		{"a: 1€\nresponsable\nbb: 2€\n", "a: 1€\nresponsable\nbb: 2€\n"},
		{"\n\n", ""},
		{"# only\t \n", "# only\n"},
		// A head over 80 characters is not aligned and pads no other rule.
		{"a: 1€\n" + strings.Repeat("b", 81) + ": 2€\ncc: 3€", "a:  1€\n" + strings.Repeat("b", 81) + ": 2€\ncc: 3€\n"},
		{"a: 1€\n" + strings.Repeat("b", 79) + ": 2€", "a:" + strings.Repeat(" ", 79) + "1€\n" + strings.Repeat("b", 79) + ": 2€\n"},
	}
	for _, tt := range tests {
		got := formatClean(t, []byte(tt.src))
		if diff := cmp.Diff(tt.want, string(got)); diff != "" {
			t.Errorf("format(%q) (-want +got):\n%s", tt.src, diff)
		}
	}
}

func TestBrokenCodeIsNotFormatted(t *testing.T) {
	out, ds := format.Source("t.garantie", []byte("contrat \"X\"\nconsult.generaliste 150% BRSS\n"))
	if out != nil {
		t.Errorf("got output %q for broken code", out)
	}
	if len(ds) != 1 || ds[0].Code != parser.CodeMissingColon {
		t.Errorf("got diagnostics %v, want one %s", ds, parser.CodeMissingColon)
	}
}

// formatClean formats src and fails the test on any diagnostic.
func formatClean(t testing.TB, src []byte) []byte {
	t.Helper()
	out, ds := format.Source("t.garantie", src)
	if len(ds) > 0 {
		t.Fatalf("format(%q): %v", src, ds)
	}
	return out
}

// checkProperties checks that out, the formatting of src, is a fixed
// point of the formatter, reparses to the same syntax tree (ranges
// aside), and has the same tokens and comments as src.
func checkProperties(t testing.TB, src, out []byte) {
	t.Helper()
	if again := formatClean(t, out); !bytes.Equal(again, out) {
		t.Fatalf("not idempotent (-once +twice):\n%s", cmp.Diff(string(out), string(again)))
	}
	before, _ := parser.Parse("t.garantie", src)
	after, ds := parser.Parse("t.garantie", out)
	if len(ds) > 0 {
		t.Fatalf("formatted output does not parse: %v\n%s", ds, out)
	}
	before.Comments, after.Comments = nil, nil // compared with the tokens below
	if diff := cmp.Diff(parsertest.Dump(before, false), parsertest.Dump(after, false)); diff != "" {
		t.Fatalf("formatting changed the syntax tree (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(tokenTexts(src), tokenTexts(out)); diff != "" {
		t.Fatalf("formatting changed the tokens (-before +after):\n%s", diff)
	}
}

// tokenTexts lists the text of every token but newlines and ';', with
// the trailing white space of comments removed.
func tokenTexts(src []byte) []string {
	toks, _ := parser.Scan("t.garantie", src)
	var out []string
	for _, tok := range toks {
		switch tok.Kind {
		case parser.Newline, parser.Semicolon:
		case parser.Comment:
			out = append(out, strings.TrimRightFunc(tok.Raw, unicode.IsSpace))
		default:
			out = append(out, tok.Raw)
		}
	}
	return out
}

// FuzzFormat checks, for every input that parses without error, that
// formatting succeeds and keeps the properties of checkProperties.
func FuzzFormat(f *testing.F) {
	inputs, _ := filepath.Glob("testdata/*.input")
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, ds := parser.Parse("t.garantie", src); ds.HasErrors() {
			return
		}
		checkProperties(t, src, formatClean(t, src))
	})
}
