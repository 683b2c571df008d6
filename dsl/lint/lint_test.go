package lint_test

import (
	"bytes"
	"flag"
	"fmt"
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

// TestCrossedCountersFix checks the suggested edit of L207: the shared
// limit-only rule inserted before the first of the two rules, and the
// hint naming the per-rule max it makes redundant.
func TestCrossedCountersFix(t *testing.T) {
	src := "contrat \"A\"\n# implants\ndentaire.implant: 500€ / acte, max 3 actes / annee civile\n" +
		"dentaire.implant si anciennete >= 2 ans: 700€ / acte, max 3 actes / annee civile\n" +
		"optique.monture si age < 16: forfait 80€ / 12 mois glissants; optique.monture: forfait 100€ / 24 mois glissants\n"
	var got []string
	for _, d := range analyse("a.garantie", []byte(src)) {
		if d.Code != "L207" || d.Fix == nil {
			continue
		}
		got = append(got, fmt.Sprintf("%d:%d %q | %s", d.Fix.Range.Start.Line, d.Fix.Range.Start.Col, d.Fix.NewText, d.Hint))
	}
	want := []string{
		`3:1 "dentaire.implant: max 3 actes / annee civile\n" | add the rule ` + "`dentaire.implant: max 3 actes / annee civile`" +
			" before line 3 (the suggested edit inserts it), then remove `, max 3 actes / annee civile` from lines 3 and 4, which it makes redundant",
		`5:1 "optique.monture: max 1 equipement / 12 mois glissants\n" | add the rule ` + "`optique.monture: max 1 equipement / 12 mois glissants`" +
			" before line 5 (the suggested edit inserts it)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("L207 fixes (-want +got):\n%s", diff)
	}
	// Applying the edits (from the last) leaves no L207.
	fixed := src
	for _, d := range slices.Backward(analyse("a.garantie", []byte(src))) {
		if d.Code == "L207" && d.Fix != nil {
			at := d.Fix.Range.Start.Offset
			fixed = fixed[:at] + d.Fix.NewText + fixed[at:]
		}
	}
	for _, d := range analyse("a.garantie", []byte(fixed)) {
		if d.Code == "L207" {
			t.Errorf("after the fixes, still %s:%d: %s\n%s", d.Code, d.Range.Start.Line, d.Message, fixed)
		}
	}
}

// TestSante100InheritedFix checks the suggested edit of R815: a rule for
// the basket inserted before the family's rule.
func TestSante100InheritedFix(t *testing.T) {
	src := "contrat \"A\"\nresponsable\nhospitalisation.forfait_journalier: frais reels\ndentaire: 100% BRSS\n"
	var got []string
	for _, d := range analyse("a.garantie", []byte(src)) {
		if d.Code == "R815" && d.Fix != nil {
			got = append(got, fmt.Sprintf("%d:%d %q", d.Fix.Range.Start.Line, d.Fix.Range.Start.Col, d.Fix.NewText))
		}
	}
	want := []string{`4:1 "dentaire.prothese_100_sante: 100% PLV\n"`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("R815 fixes (-want +got):\n%s", diff)
	}
}

// TestCrossedCountersNoFixOverTM checks that L207 proposes no shared limit
// that R814 would reject in a contrat responsable, and proposes it in a
// contract that is not responsable.
func TestCrossedCountersNoFixOverTM(t *testing.T) {
	rules := "soins.psychologue: 100% BRSS + 30€ / seance, max 6 seances / annee civile\n" +
		"soins.psychologue si age < 18: 100% BRSS + 40€ / seance, max 8 seances / annee civile\n"
	for _, tc := range []struct {
		header string
		fix    bool
	}{{"contrat \"A\"\n", true}, {"contrat \"A\"\nresponsable\n", false}} {
		found := false
		for _, d := range analyse("a.garantie", []byte(tc.header+rules)) {
			if d.Code != "L207" {
				continue
			}
			found = true
			if (d.Fix != nil) != tc.fix {
				t.Errorf("%q: fix %v, want a fix: %t (hint %q)", tc.header, d.Fix, tc.fix, d.Hint)
			}
		}
		if !found {
			t.Errorf("%q: no L207", tc.header)
		}
	}
}

// TestCrossedCountersFixEnvelopes checks the shared plafond L207 proposes
// for envelopes in % PMSS (converted at the effet: 5% of 4,005 € in 2026)
// and that it proposes none for envelopes RO inclus.
func TestCrossedCountersFixEnvelopes(t *testing.T) {
	src := "contrat \"A\"\neffet 2026-01-01\n" +
		"prevention: forfait 5% PMSS / annee civile\nprevention si age >= 60: forfait 100€ / annee civile\n" +
		"medecine_douce: forfait 150€ / annee civile RO inclus\nmedecine_douce si anciennete >= 2 ans: forfait 200€ / annee civile\n"
	var got []string
	for _, d := range analyse("a.garantie", []byte(src)) {
		if d.Code == "L207" {
			fix := ""
			if d.Fix != nil {
				fix = d.Fix.NewText
			}
			got = append(got, fmt.Sprintf("%d %q", d.Range.Start.Line, fix))
		}
	}
	want := []string{`4 "prevention: plafond 200.25€ / annee civile\n"`, `6 ""`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("L207 fixes (-want +got):\n%s", diff)
	}
}

// TestSante100InheritedFixApplied checks that R815's suggested edit, once
// applied, leaves neither R815 nor R803 on the basket.
func TestSante100InheritedFixApplied(t *testing.T) {
	src := "contrat \"A\"\nresponsable\nhospitalisation.forfait_journalier: frais reels\ndentaire: 100% BRSS\n"
	fixed := src
	for _, d := range slices.Backward(analyse("a.garantie", []byte(src))) {
		if d.Code == "R815" && d.Fix != nil {
			at := d.Fix.Range.Start.Offset
			fixed = fixed[:at] + d.Fix.NewText + fixed[at:]
		}
	}
	if fixed == src {
		t.Fatal("no R815 fix")
	}
	for _, d := range analyse("a.garantie", []byte(fixed)) {
		if d.Code == "R815" || d.Code == "R803" || d.Severity == diag.Error && strings.HasPrefix(string(d.Code), "E") {
			t.Errorf("after the fix, %s:%d: %s\n%s", d.Code, d.Range.Start.Line, d.Message, fixed)
		}
	}
}
