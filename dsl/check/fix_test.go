package check_test

import (
	"testing"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/dsl/parser"
)

// TestFixes applies the suggested edit of a diagnostic and checks that the
// result is clean and reads as expected.
func TestFixes(t *testing.T) {
	tests := []struct {
		code      diag.Code
		src, want string
	}{
		{"E101", "consult.generaliste: 100% BRSS\n", "contrat \"NAME\"\nconsult.generaliste: 100% BRSS\n"},
		{"E104", "contrat \"X\"\nmode complemnet\n", "contrat \"X\"\nmode complement\n"},
		{"E109", "contrat \"X\"\noptique.montre: forfait 100€ / 24 mois glissants\n", "contrat \"X\"\noptique.monture: forfait 100€ / 24 mois glissants\n"},
		{"E110", "contrat \"X\"\nconsult.generaliste: 200%\n", "contrat \"X\"\nconsult.generaliste: 200% BRSS\n"},
		{"E111", "contrat \"X\"\nconsult.generaliste: 200% BRS\n", "contrat \"X\"\nconsult.generaliste: 200% BRSS\n"},
		{"E112", "contrat \"X\"\nprevention: 5% PMSS / annee civile\n", "contrat \"X\"\nprevention: forfait 5% PMSS / annee civile\n"},
		{"E114", "contrat \"X\"\nsoins.auxiliaires: 10€ / seanse\n", "contrat \"X\"\nsoins.auxiliaires: 10€ / seance\n"},
		{"E115", "contrat \"X\"\noptique.monture: forfait 100€\n", "contrat \"X\"\noptique.monture: forfait 100€ / annee civile\n"},
		{"E117", "contrat \"X\"\nconsult.generaliste: 200 BRSS\n", "contrat \"X\"\nconsult.generaliste: 200% BRSS\n"},
		{"E118", "contrat \"X\"\nprevention: 40€ / annee civile\n", "contrat \"X\"\nprevention: forfait 40€ / annee civile\n"},
		{"E119", "contrat \"X\"\nsoins.auxiliaires: 12,555€ / seance\n", "contrat \"X\"\nsoins.auxiliaires: 12,56€ / seance\n"},
		{"E121", "contrat \"X\"\noptique.verres: forfait 100€ / 24 mois\n", "contrat \"X\"\noptique.verres: forfait 100€ / 24 mois glissants\n"},
		{"E121", "contrat \"X\"\noptique.verres: forfait 100€ / anee civile\n", "contrat \"X\"\noptique.verres: forfait 100€ / annee civile\n"},
		{"E123", "contrat \"X\"\noptique.verres: forfait 100€ / 2 annee civile\n", "contrat \"X\"\noptique.verres: forfait 100€ / annee civile\n"},
		{"E124", "contrat \"X\"\nsoins.auxiliaires: 10€ / seance, plafond 4 seances / an\n", "contrat \"X\"\nsoins.auxiliaires: 10€ / seance, max 4 seances / an\n"},
		{"E125", "contrat \"X\"\nsoins.auxiliaires: 10€ / seance, max 40€ / an\n", "contrat \"X\"\nsoins.auxiliaires: 10€ / seance, plafond 40€ / an\n"},
		{"E127", "contrat \"X\"\nsoins.auxiliaires: 10€ / seance, max 4 seances\n", "contrat \"X\"\nsoins.auxiliaires: 10€ / seance, max 4 seances / annee civile\n"},
		{"E130", "contrat \"X\"\nsoins.auxiliaires si resau: 100% BRSS\n", "contrat \"X\"\nsoins.auxiliaires si reseau: 100% BRSS\n"},
	}
	for _, tt := range tests {
		t.Run(string(tt.code), func(t *testing.T) {
			ds := checkSource(t, tt.src)
			var fix *diag.Edit
			for _, d := range ds {
				if d.Code == tt.code {
					fix = d.Fix
				}
			}
			if fix == nil {
				t.Fatalf("no %s with a fix in %v", tt.code, ds)
			}
			got := tt.src[:fix.Range.Start.Offset] + fix.NewText + tt.src[fix.Range.End.Offset:]
			if got != tt.want {
				t.Fatalf("fixed source:\n%s\nwant:\n%s", got, tt.want)
			}
			if ds := checkSource(t, got); len(ds) > 0 {
				t.Errorf("fixed source still has diagnostics: %v", ds)
			}
		})
	}
}

func checkSource(t *testing.T, src string) diag.Diagnostics {
	t.Helper()
	f, ds := parser.Parse("fix.garantie", []byte(src))
	_, cds := check.Check(f, check.Regles())
	return append(ds, cds...)
}

// TestUnknownParentHint checks that the "did you mean" of E108 never
// names the declared poste itself (or another code under the unknown
// family), which is close to the family but cannot be it.
func TestUnknownParentHint(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"contrat \"X\"\nposte medecine_douce.naturo.x \"N\"\n", ""},
		{"contrat \"X\"\nposte bienetre \"B\"\nposte bienetre.yoga.x \"Y\"\nposte bienetre.yoga.y \"Z\"\n", ""},
		{"contrat \"X\"\nposte optiqe.solaires \"S\"\n", "did you mean optique?"},
	} {
		var got string
		n := 0
		for _, d := range checkSource(t, tt.src) {
			if d.Code == "E108" {
				got = d.Hint
				n++
			}
		}
		if n == 0 || got != tt.want {
			t.Errorf("%q: %d E108, hint %q, want %q", tt.src, n, got, tt.want)
		}
	}
}
