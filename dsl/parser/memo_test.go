package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/dsl/ast"
	"garantie/dsl/diag"
	"garantie/dsl/parser/parsertest"
)

// memoLines repeat a few shapes with different words and numbers, broken
// in different places, so that declarations reuse the outcome of an
// earlier one of their shape.
var memoLines = []string{
	`contrat "Équilibre"`,
	`organisme "Mutuelle"`,
	"effet 2026-01-01",
	"effet 2026-02-30",
	"responsable",
	"mode deduction",
	`poste optique.verres_complexes "Verres complexes"`,
	"optique.verres si age < 16 et reseau: 100% BRSS + forfait 350€ / 12 mois glissants",
	"dentaire.implant si age >= 60 et optam: 300% BRSS + forfait 150€ / 24 mois glissants",
	"consult.generaliste si non optam: 130% BRSS # fees",
	"consult.specialiste si non reseau: 110% BRSS",
	"medecine_douce.osteopathie: 30€ / seance, max 4 seances / annee civile",
	"Médecine_Douce.Acupuncture: 25 EUR / Séance, max 3 séances / année civile",
	"hospitalisation.forfait_journalier: frais reels",
	"prestations.naissance: forfait 10% PMSS / annee civile par famille",
	"consult.generaliste 150% BRSS",
	"soins.imagerie 120% BRSS",
	"optique.monture: 100% BRSS +",
	"optique.lentilles: 200% BRSS +",
	"dentaire.soins si age <: 100% BRSS",
	"soins.auxiliaires si age <: 100% BRSS",
	"soins.: 100% BRSS",
	"optique.: 100% BRSS",
	"soins: 100% BRSS max 4 actes",
	"dentaire: 100% BRSS max 2 actes",
}

// TestShapeMemo checks that Parse, reusing participle's outcome across
// declarations of one shape and parsing on several goroutines, gives what
// parsing each declaration alone gives.
func TestShapeMemo(t *testing.T) {
	var b strings.Builder
	for i := range 8 {
		for _, l := range memoLines {
			b.WriteString(strings.Repeat(" ", i) + l + "\n")
		}
	}
	files, _ := filepath.Glob("../../exemples/*.garantie")
	more, _ := filepath.Glob("../*/testdata/*.garantie")
	for _, name := range append(files, more...) {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(src)
		b.WriteString("\n")
	}
	src := []byte(b.String())

	file, ds := Parse("memo.garantie", src)

	toks, lexDiags := Scan("memo.garantie", src)
	segs := split(toks, lexDiags, &ast.File{})
	if len(segs) < 2*minParallelSegments {
		t.Fatalf("only %d declarations: the test does not parse in parallel", len(segs))
	}
	var want, got []string
	var wantDiags diag.Diagnostics
	for _, seg := range segs {
		d, dd := parseSegment("memo.garantie", src, seg, newShapeMemo())
		want = append(want, parsertest.Dump(d, true))
		wantDiags = append(wantDiags, dd...)
	}
	for _, d := range file.Decls {
		got = append(got, parsertest.Dump(d, true))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("syntax tree (-alone +memoised):\n%s", diff)
	}
	if diff := cmp.Diff(wantDiags, ds); diff != "" {
		t.Errorf("diagnostics (-alone +memoised):\n%s", diff)
	}
}

// TestSharedShapes checks that a memo shared by files, as Parse shares
// one across the process, gives each file exactly the syntax tree and
// diagnostics it gets alone, whatever was parsed before it, and stays
// within maxShapes.
func TestSharedShapes(t *testing.T) {
	paths, _ := filepath.Glob("../../exemples/*.garantie")
	more, _ := filepath.Glob("testdata/*.garantie")
	paths = append(paths, more...)
	if len(paths) < 5 {
		t.Fatalf("only %d files", len(paths))
	}
	dump := func(f *ast.File) []string {
		var out []string
		for _, d := range f.Decls {
			out = append(out, parsertest.Dump(d, true))
		}
		return out
	}
	shared := newShapeMemo()
	for round := range 2 {
		for i := range paths {
			path := paths[(i*7+round)%len(paths)]
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			alone, aloneDiags := parseWith(path, src, newShapeMemo())
			got, gotDiags := parseWith(path, src, shared)
			if diff := cmp.Diff(dump(alone), dump(got)); diff != "" {
				t.Errorf("%s: syntax tree (-alone +shared):\n%s", path, diff)
			}
			if diff := cmp.Diff(aloneDiags, gotDiags); diff != "" {
				t.Errorf("%s: diagnostics (-alone +shared):\n%s", path, diff)
			}
		}
	}
	if len(shared.outcomes) == 0 || len(shared.outcomes) > maxShapes {
		t.Errorf("%d shapes in the memo", len(shared.outcomes))
	}
}

// TestShapesBounded checks that a memo never holds more than its limit:
// declarations of distinct shapes (a rule with one more term each time)
// empty it when it is full, and it still parses right.
func TestShapesBounded(t *testing.T) {
	m := newShapeMemo()
	m.limit = 8
	var b strings.Builder
	b.WriteString("consult.generaliste: 100% BRSS")
	for range 30 {
		b.WriteString(" + 1€ / acte")
		src := []byte(b.String())
		got, _ := parseWith("b.garantie", src, m)
		alone, _ := parseWith("b.garantie", src, newShapeMemo())
		if diff := cmp.Diff(parsertest.Dump(alone.Decls[0], true), parsertest.Dump(got.Decls[0], true)); diff != "" {
			t.Fatalf("syntax tree (-alone +bounded):\n%s", diff)
		}
		if len(m.outcomes) > m.limit {
			t.Fatalf("%d shapes in the memo", len(m.outcomes))
		}
	}
}
