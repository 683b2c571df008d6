package check_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/dsl/check"
	"garantie/dsl/parser"
)

// TestDumpIgnoresSpelling checks that Dump renders meaning only: layout,
// comments, accents, case, plurals and aliases do not change it.
func TestDumpIgnoresSpelling(t *testing.T) {
	a := `contrat "X"
consult.specialiste si enfant et non reseau: 200% BRSS + 12,50€ / séances
optique.monture: forfait 100 EUR / 2 ans glissants, plafond 5% PMSS / an par famille
dentaire: carence 6 mois
dentaire.prothese_100_sante si ald et non rembourse: 100% PLV
optique.verres si verres tres complexes: forfait 150€ / 24 mois glissants RO inclus, plafond 300€ / an par famille RO inclus
hospitalisation.chambre_particuliere si non verres simples: 1,5% PMSS / jour + 10€ / yeux, max 2 enfants / an
`
	b := `contrat   "X"   # same contract
consult.specialiste si age < 18 et non réseau :  200 % BR + 12.5 € / seance
optique.monture: forfait 100€ / 24 mois glissants, plafond 5% PMSS / Année Civile par famille

dentaire:carence 6 mois
dentaire.prothese_100_sante si ALD et non remboursée: 100 % HLF
optique.verres si Verres Très Complexes: forfait 150€ / 24 mois glissants ro INCLUS, plafond 300€ / annee civile par famille RO inclus
hospitalisation.chambre_particuliere si non verre simple: 1.5% PMSS / jours + 10€ / Œil, max 2 enfant / an
`
	dump := func(src string) string {
		f, ds := parser.Parse("x.garantie", []byte(src))
		p, cds := check.Check(f, check.Regles())
		if ds = append(ds, cds...); ds.HasErrors() {
			t.Fatalf("unexpected diagnostics: %v", ds)
		}
		return check.Dump(p)
	}
	da, db := dump(a), dump(b)
	if diff := cmp.Diff(da, db); diff != "" {
		t.Errorf("dumps differ (-a +b):\n%s", diff)
	}
	want := `contrat "X"
organisme ""
responsable false
mode deduction
rule 0 consult.specialiste [age < 18, reseau false] formula | 200% BRSS | 12.50€ / seance
rule 1 optique.monture [] formula | forfait 100.00€ / 24 mois glissants ; plafond 5% PMSS / annee civile par famille
rule 2 dentaire [] limits ; carence 6 mois 0 jours
rule 3 dentaire.prothese_100_sante [ald true, rembourse false] formula | 100% PLV
rule 4 optique.verres [verres 1000] formula | forfait 150.00€ / 24 mois glissants RO inclus ; plafond 300.00€ / annee civile par famille RO inclus
rule 5 hospitalisation.chambre_particuliere [verres 1101] formula | 1.5% PMSS / jour | 10.00€ / oeil ; max 2 enfant / annee civile
`
	if diff := cmp.Diff(want, da); diff != "" {
		t.Errorf("dump (-want +got):\n%s", diff)
	}
}
