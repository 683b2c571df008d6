package parser_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/dsl/ast"
	"garantie/dsl/diag"
	"garantie/dsl/parser"
)

// found is the comparable part of a diagnostic.
type found struct {
	Code      diag.Code
	Line, Col int
}

func TestDiagnostics(t *testing.T) {
	tests := []struct {
		src  string
		want found
		msg  string // expected message, when the test pins it
	}{
		{"consult.generaliste 150% BRSS", found{"P005", 1, 21}, "expected ':' after the poste consult.generaliste"},
		{"x si enfant 100% BRSS", found{"P005", 1, 13}, "expected 'et' or ':' after the condition 'enfant'"},
		{"x si enfant, reseau: 100% BRSS", found{"P005", 1, 12}, ""},
		{"x", found{"P005", 1, 2}, ""},
		{`contrat "Équilibre`, found{"P002", 1, 9}, "string not terminated"},
		{"consult.generaliste: 150$ BRSS", found{"P001", 1, 25}, `unexpected character '$'`},
		{"x: 1€ / séance $ $ $", found{"P001", 1, 16}, ""},
		{"x: 1€\xff", found{"P001", 1, 6}, "invalid UTF-8 byte 0xFF"},
		// Invalid UTF-8, control and bidirectional characters are errors
		// anywhere, comments and strings included, at their column in
		// characters (issue 9).
		{"x: 1€ # é\xff", found{"P001", 1, 10}, "invalid UTF-8 byte 0xFF"},
		{"# only a comment \xc3", found{"P001", 1, 18}, "invalid UTF-8 byte 0xC3"},
		{"organisme \"Mutu\xe9lle\"", found{"P001", 1, 16}, "invalid UTF-8 byte 0xE9"},
		{"x: 1€ # a\x00b", found{"P017", 1, 10}, "control character U+0000"},
		{"x: 1€\x00", found{"P017", 1, 6}, "control character U+0000"},
		{"organisme \"é\x1b[2J\"", found{"P017", 1, 13}, "control character U+001B"},
		{"# a\rb", found{"P017", 1, 4}, "carriage return inside a line"},
		{"# \u0085", found{"P017", 1, 3}, "control character U+0085"},
		{"organisme \"€\u202eabc\"", found{"P017", 1, 13}, "invisible formatting character U+202E (RIGHT-TO-LEFT OVERRIDE)"},
		{"x: 1€ # \u2066note\u2069", found{"P017", 1, 9}, "invisible formatting character U+2066 (LEFT-TO-RIGHT ISOLATE)"},
		{"x: 1€ \u200f", found{"P017", 1, 7}, ""},
		{"# \u200e", found{"P017", 1, 3}, ""},
		{"# \u061c", found{"P017", 1, 3}, ""},
		{"x \u202a: 1€", found{"P017", 1, 3}, ""},
		{"x: 100% BRSS +", found{"P009", 1, 15}, "expected a formula term after '+'"},
		{"x: 100% BRSS + , max 2 actes / an", found{"P009", 1, 16}, ""},
		{"x: 100% BRSS, max", found{"P011", 1, 18}, "expected a value after 'max'"},
		{"x: plafond / an", found{"P011", 1, 12}, "expected a value after 'plafond'"},
		{"x: carence", found{"P011", 1, 11}, ""},
		{"x: forfait", found{"P011", 1, 11}, ""},
		{"x si: 100% BRSS", found{"P006", 1, 5}, "expected a condition after 'si'"},
		{"x si enfant et: 100% BRSS", found{"P006", 1, 15}, ""},
		{"x si non: 100% BRSS", found{"P006", 1, 9}, ""},
		{"x si age 16: 1€", found{"P007", 1, 10}, "expected a comparison operator after 'age'"},
		{"x si age <: 1€", found{"P007", 1, 11}, ""},
		{"x si secteur: 1€", found{"P007", 1, 13}, ""},
		{"x si hors: 1€", found{"P007", 1, 10}, ""},
		{"x si verres: 1€", found{"P007", 1, 12}, "expected the type of lenses after 'verres'"},
		{"x si non verres et ald: 1€", found{"P007", 1, 17}, ""},
		{"x: forfait 100€ / an RO", found{"P013", 1, 24}, "expected 'inclus' after 'RO'"},
		{"x: forfait 100€ / an RO inclus par famille", found{"P014", 1, 32}, "unexpected 'par' after the garantie"},
		{"x: forfait 100€ RO inclus / an", found{"P014", 1, 27}, "unexpected '/' after the garantie"},
		{"x: 100% BRSS foo", found{"P014", 1, 14}, "unexpected 'foo' after the garantie"},
		{"x: max 3 actes / an + 100% BRSS", found{"P014", 1, 21}, ""},
		{"x: 1€ 2€", found{"P014", 1, 7}, ""},
		{"x: 40€ max 2 actes / an", found{"P014", 1, 8}, "unexpected 'max' after the garantie"},
		{"responsable oui", found{"P014", 1, 13}, ""},
		{"x: forfait 100€ / an par", found{"P013", 1, 25}, "expected 'famille' after 'par'"},
		{"x: frais", found{"P013", 1, 9}, ""},
		{"x: non", found{"P013", 1, 7}, ""},
		{"x: 40€ / 24", found{"P012", 1, 12}, ""},
		{"x: 40€ /", found{"P012", 1, 9}, "expected a unit or a period after '/'"},
		{"x.: 40€", found{"P004", 1, 3}, ""},
		{"poste a.: 40€", found{"P004", 1, 9}, ""},
		{"150% BRSS", found{"P003", 1, 1}, ""},
		{"x:", found{"P008", 1, 3}, "expected a garantie after ':'"},
		{"x: 100% BRSS, 50% TM", found{"P010", 1, 15}, ""},
		{"contrat Foo", found{"P015", 1, 9}, ""},
		{"effet 2026", found{"P015", 1, 7}, ""},
		{"mode", found{"P015", 1, 5}, ""},
		{"poste a.b", found{"P015", 1, 10}, ""},
		{"poste \"L\"", found{"P015", 1, 7}, ""},
		// A misspelt keyword is named, with the keyword meant (spec §2:
		// "unknown keyword"), at the word itself.
		{"x: 100% BRSS, plafonf 100€ / an", found{"P016", 1, 15}, `unknown keyword "plafonf"; did you mean "plafond"?`},
		{"x: 100% BRSS, Carense 6 mois", found{"P016", 1, 15}, `unknown keyword "Carense"; did you mean "carence"?`},
		{"x: forfiat 100€ / an", found{"P016", 1, 4}, `unknown keyword "forfiat"; did you mean "forfait"?`},
		{"x: 100% BRSS + forfiat 100€ / an", found{"P016", 1, 16}, ""},
		{"x: mx 2 actes / an", found{"P016", 1, 4}, `unknown keyword "mx"; did you mean "max"?`},
		{"responsabel", found{"P016", 1, 1}, `unknown keyword "responsabel"; did you mean "responsable"?`},
		{`organisem "Mutuelle"`, found{"P016", 1, 1}, `unknown keyword "organisem"; did you mean "organisme"?`},
		{"efet 2026-01-01", found{"P016", 1, 1}, ""},
		{"modes complement", found{"P016", 1, 1}, ""},
		// A word close to no keyword keeps the message of its place.
		{"x: 100% BRSS, foo 12", found{"P010", 1, 15}, "expected a limit after ','"},
		{"x: an 12", found{"P008", 1, 4}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			src := "contrat \"X\"\n" + tt.src + "\nresponsable\n"
			f, ds := parser.Parse("t.garantie", []byte(src))
			var got []found
			for _, d := range ds {
				got = append(got, found{d.Code, d.Range.Start.Line - 1, d.Range.Start.Col})
			}
			if diff := cmp.Diff([]found{tt.want}, got); diff != "" {
				t.Fatalf("diagnostics (-want +got):\n%s", diff)
			}
			if tt.msg != "" && ds[0].Message != tt.msg {
				t.Errorf("message %q, want %q", ds[0].Message, tt.msg)
			}
			if ds[0].Hint == "" || strings.Contains(ds[0].Message, "unexpected token") {
				t.Errorf("diagnostic %+v has no hint or leaks participle's text", ds[0])
			}
			// The broken line becomes a BadDecl and the lines around it are read.
			if got := len(f.Decls); got != 3 {
				t.Fatalf("got %d declarations, want 3", got)
			}
			if _, ok := f.Decls[0].(*ast.Contrat); !ok {
				t.Errorf("first declaration is %T", f.Decls[0])
			}
			if _, ok := f.Decls[2].(*ast.Responsable); !ok {
				t.Errorf("last declaration is %T", f.Decls[2])
			}
		})
	}
}

func TestMissingColonFix(t *testing.T) {
	src := "consult.generaliste 150% BRSS"
	_, ds := parser.Parse("t.garantie", []byte(src))
	if len(ds) != 1 || ds[0].Fix == nil {
		t.Fatalf("want one diagnostic with a fix, got %+v", ds)
	}
	if got, want := ds[0].Hint, "write `consult.generaliste: 150% BRSS`"; got != want {
		t.Errorf("hint %q, want %q", got, want)
	}
	fix := ds[0].Fix
	fixed := src[:fix.Range.Start.Offset] + fix.NewText + src[fix.Range.End.Offset:]
	if _, ds := parser.Parse("t.garantie", []byte(fixed)); len(ds) != 0 {
		t.Errorf("fixed source %q still has diagnostics: %v", fixed, ds)
	}
}

func TestRecovery(t *testing.T) {
	src := "contrat \"X\"\nx 1€\ny: 1€ +\nz: 2€; w: 3€ /; v: 4€\nu: 5€ $\n"
	f, ds := parser.Parse("t.garantie", []byte(src))
	var kinds []string
	for _, d := range f.Decls {
		kinds = append(kinds, fmt.Sprintf("%T", d))
	}
	want := []string{"*ast.Contrat", "*ast.BadDecl", "*ast.BadDecl", "*ast.Rule", "*ast.BadDecl", "*ast.Rule", "*ast.BadDecl"}
	if diff := cmp.Diff(want, kinds); diff != "" {
		t.Errorf("declarations (-want +got):\n%s", diff)
	}
	if got := len(ds); got != 4 {
		t.Errorf("got %d diagnostics, want 4: %v", got, ds)
	}
}

func TestCodes(t *testing.T) {
	seen := map[diag.Code]bool{}
	for _, info := range parser.Codes() {
		if seen[info.Code] {
			t.Errorf("code %s documented twice", info.Code)
		}
		seen[info.Code] = true
		if !strings.HasPrefix(string(info.Code), "P0") || info.Title == "" || info.Doc == "" || info.Example == "" {
			t.Errorf("incomplete documentation for %s: %+v", info.Code, info)
			continue
		}
		_, ds := parser.Parse("example.garantie", []byte(info.Example))
		if len(ds) != 1 || ds[0].Code != info.Code {
			t.Errorf("example of %s gives %v", info.Code, ds)
		}
	}
}

// TestUnknownKeywordFix checks that the fix of P016 gives a line that
// parses.
func TestUnknownKeywordFix(t *testing.T) {
	for _, src := range []string{
		"contrat \"X\"\nx: 100% BRSS, plafonf 100€ / an\n",
		"contrat \"X\"\nresponsabel\n",
		"contrat \"X\"\nx: frias reels\n",
	} {
		_, ds := parser.Parse("t.garantie", []byte(src))
		if len(ds) != 1 || ds[0].Code != parser.CodeUnknownKeyword || ds[0].Fix == nil {
			t.Fatalf("%q: want one P016 with a fix, got %+v", src, ds)
		}
		fix := ds[0].Fix
		fixed := src[:fix.Range.Start.Offset] + fix.NewText + src[fix.Range.End.Offset:]
		if _, ds := parser.Parse("t.garantie", []byte(fixed)); len(ds) != 0 {
			t.Errorf("fixed source %q still has diagnostics: %v", fixed, ds)
		}
	}
}
