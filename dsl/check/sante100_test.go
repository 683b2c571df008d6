package check_test

import (
	"testing"

	"garantie/dsl/check"
)

// TestIsSante100 checks which postes may hold a term in PLV: the three
// baskets of LANGUAGE.md §1 and the postes under them, nothing else.
func TestIsSante100(t *testing.T) {
	for _, code := range check.Sante100Postes() {
		if !check.IsSante100(code) || !check.IsSante100(code+".couronne") {
			t.Errorf("%s or a poste under it is not 100%% Santé", code)
		}
	}
	for _, code := range []string{"optique", "dentaire.prothese", "audiologie.aide", "dentaire.prothese_100_santex", "optique.monture"} {
		if check.IsSante100(code) {
			t.Errorf("%s is 100%% Santé", code)
		}
	}
	check.Sante100Postes()[0] = "x"
	if check.Sante100Postes()[0] != "optique.equipement_100_sante" {
		t.Error("Sante100Postes returns the package's own array")
	}
}
