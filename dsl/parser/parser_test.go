package parser_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/dsl/ast"
	"garantie/dsl/diag"
	"garantie/dsl/parser"
	"garantie/dsl/parser/parsertest"
)

// parseClean parses src and fails the test on any diagnostic.
func parseClean(t *testing.T, src string) *ast.File {
	t.Helper()
	f, ds := parser.Parse("test.garantie", []byte(src))
	if len(ds) > 0 {
		var b strings.Builder
		_ = diag.WriteText(&b, ds, diag.Source{"test.garantie": []byte(src)})
		t.Fatalf("unexpected diagnostics for %q:\n%s", src, b.String())
	}
	return f
}

func TestShapes(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"header", "contrat \"Équilibre 2026\"\norganisme \"M\"\neffet 2026-01-01\nresponsable\nmode complement\nposte soins.dietetique \"Diététique\"",
			`(contrat "Équilibre 2026")
(organisme "M")
(effet 2026-01-01)
(responsable)
(mode complement)
(poste soins.dietetique "Diététique")`},
		{"design card one-liner", "contrat \"X\"\noptique.monture: forfait 250€ / 24 mois glissants; consult.specialiste: 200% BRSS",
			`(contrat "X")
(rule optique.monture : (garantie (forfait (q 250 €) (/ 24 mois glissants))))
(rule consult.specialiste : (garantie (value (q 200 % brss<BRSS>))))`},
		{"terms and limits", "x: 100% BRSS + forfait 100€ / annee civile par famille, max 2 actes / an, plafond 5% PMSS / annee contrat par famille, carence 6 mois",
			`(rule x : (garantie (value (q 100 % brss<BRSS>)) (forfait (q 100 €) (/ annee civile) par-famille) (max (q 2 actes) (/ an)) (plafond (q 5 % pmss<PMSS>) (/ annee contrat) par-famille) (carence (q 6 mois))))`},
		{"limits alone", "medecine_douce: plafond 150€ / annee civile",
			`(rule medecine_douce : (garantie (plafond (q 150 €) (/ annee civile))))`},
		{"conditions", "x si non optam et age >= 16 et anciennete > 2 ans et secteur 2 et hors parcours et enfant: non couvert",
			`(rule x (si (cond non optam) (cond age >= (q 16)) (cond anciennete > (q 2 ans)) (cond secteur (q 2)) (cond hors parcours) (cond enfant)) : (garantie non-couvert))`},
		{"keywords ignore case and accents", "Optique.Monture si Âge < 16: Forfait 80 € / 12 MOIS Glissants, MAX 4 Séances / ANNÉE CIVILE\nx: Frais Réels\ny: NON Couvert",
			`(rule optique<Optique>.monture<Monture> (si (cond age<Âge> < (q 16))) : (garantie (forfait (q 80 €) (/ 12 mois<MOIS> glissants<Glissants>)) (max (q 4 seances<Séances>) (/ annee<ANNÉE> civile<CIVILE>))))
(rule x : (garantie (frais-reels)))
(rule y : (garantie non-couvert))`},
		{"numbers", "x: 12,50€ + 12.5 EUR / acte, max 1,5 seances / an, carence 1, max 2 actes / an",
			`(rule x : (garantie (value (q 12.5<12,50> €)) (value (q 12.5 EUR) (/ acte)) (max (q 1.5<1,5> seances) (/ an)) (carence (q 1)) (max (q 2 actes) (/ an))))`},
		{"space before symbol", "x: 200 % BRSS + 250 € / jour",
			`(rule x : (garantie (value (q 200 % brss<BRSS>)) (value (q 250 €) (/ jour))))`},
		{"permissive: checker's job", "x: max 4€ / an\ny: 200%\nz: forfait 10€ / 0 mois glissants\noptique.montur: 1€\nw si martien: 1€",
			`(rule x : (garantie (max (q 4 €) (/ an))))
(rule y : (garantie (value (q 200 %))))
(rule z : (garantie (forfait (q 10 €) (/ 0 mois glissants))))
(rule optique.montur : (garantie (value (q 1 €))))
(rule w (si (cond martien)) : (garantie (value (q 1 €))))`},
		{"issue 8 terms and units", "x: 100% PLV + 50 % hlf\ny: 1,5% PMSS / jour + 10% PMSS / enfants, max 2 yeux / an\nz: 20€ / Œil",
			`(rule x : (garantie (value (q 100 % plv<PLV>)) (value (q 50 % hlf))))
(rule y : (garantie (value (q 1.5<1,5> % pmss<PMSS>) (/ jour)) (value (q 10 % pmss<PMSS>) (/ enfants)) (max (q 2 yeux) (/ an))))
(rule z : (garantie (value (q 20 €) (/ oeil<Œil>))))`},
		{"RO inclus", "x: forfait 150€ / 24 mois glissants RO inclus, plafond 300€ / an par famille ro Inclus",
			`(rule x : (garantie (forfait (q 150 €) (/ 24 mois glissants) ro-inclus) (plafond (q 300 €) (/ an) par-famille ro-inclus)))`},
		{"RO inclus anywhere: checker's job", "x: 100% BRSS RO inclus + frais reels RO inclus, max 2 actes / an RO inclus, carence 3 mois RO inclus",
			`(rule x : (garantie (value (q 100 % brss<BRSS>) ro-inclus) (frais-reels ro-inclus) (max (q 2 actes) (/ an) ro-inclus) (carence (q 3 mois) ro-inclus)))`},
		{"issue 8 conditions", "x si ald et non rembourse et verres simples et non Verres Très Complexes et verre complexe: 1€ / acte",
			`(rule x (si (cond ald) (cond non rembourse) (cond verres simples) (cond non verres<Verres> tres<Très> complexes<Complexes>) (cond verre complexe)) : (garantie (value (q 1 €) (/ acte))))`},
		{"invalid date is left to the checker", "effet 2026-02-30",
			`(effet 2026-02-30!invalid)`},
		{"blank lines, comments and separators", "\n# head\n\n;; contrat \"X\" ; # after\n   responsable   # trailing\n\n",
			`(contrat "X")
(responsable)
# head
# after
# trailing`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parsertest.Dump(parseClean(t, tt.src), false)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) mismatch (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

func TestLanguageExample(t *testing.T) {
	src, err := os.ReadFile("testdata/equilibre.garantie")
	if err != nil {
		t.Fatal(err)
	}
	f := parseClean(t, string(src))
	if got, want := len(f.Decls), 20; got != want {
		t.Errorf("got %d declarations, want %d", got, want)
	}
	if got, want := len(f.Comments), 1; got != want {
		t.Errorf("got %d comments, want %d", got, want)
	}
}

func TestRanges(t *testing.T) {
	// Columns count characters: "€", "é" and "É" are one column each.
	src := "x: 250€ / séance # é\ncontrat \"É\"\n"
	got := parsertest.Dump(parseClean(t, src), true)
	want := `(rule x@1:1-1:2 :@1:2-1:3 (garantie (value (q 250@1:4-1:7 €@1:7-1:8)@1:4-1:8 (/ seance<séance>@1:11-1:17)@1:9-1:17)@1:4-1:17)@1:4-1:17)@1:1-1:17
(contrat "É"@2:9-2:12)@2:1-2:12
# é@1:18-1:21`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ranges mismatch (-want +got):\n%s", diff)
	}
	f := parseClean(t, src)
	per := f.Decls[0].(*ast.Rule).Garantie.Terms[0].(*ast.ValueTerm).Per
	if got, want := per.Range.Start.Offset, len("x: 250€ "); got != want {
		t.Errorf("offset of '/' = %d, want %d bytes", got, want)
	}
	if got, want := f.Range.End, (diag.Pos{Offset: len(src), Line: 3, Col: 1}); got != want {
		t.Errorf("file end = %+v, want %+v", got, want)
	}
}

func TestLineEndings(t *testing.T) {
	lf := "contrat \"X\"\n# note\nx si enfant: 100% BRSS # why\n"
	crlf := "\uFEFF" + strings.ReplaceAll(lf, "\n", "\r\n")
	want := parsertest.Dump(parseClean(t, lf), false)
	f := parseClean(t, crlf)
	if diff := cmp.Diff(want, parsertest.Dump(f, false)); diff != "" {
		t.Errorf("CRLF with BOM parses differently (-LF +CRLF):\n%s", diff)
	}
	if got, want := f.Decls[0].Span().Start, (diag.Pos{Offset: 3, Line: 1, Col: 1}); got != want {
		t.Errorf("first declaration after BOM starts at %+v, want %+v", got, want)
	}
	if got, want := f.Comments[1].Text, "# why"; got != want {
		t.Errorf("comment text %q, want %q", got, want)
	}
}

func TestNumberValues(t *testing.T) {
	f := parseClean(t, "x: 12,50€ + 0.05 EUR / acte + 1234567890123,456789 €")
	var got []string
	ast.Inspect(f, func(n ast.Node) bool {
		if n, ok := n.(*ast.Number); ok {
			got = append(got, n.Raw+"="+n.Value.String())
		}
		return true
	})
	want := []string{"12,50=12.5", "0.05=0.05", "1234567890123,456789=1234567890123.456789"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("numbers (-want +got):\n%s", diff)
	}
}
