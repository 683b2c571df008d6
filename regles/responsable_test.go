package regles

import "testing"

func TestTicketModerateurFacultatif(t *testing.T) {
	for code, want := range map[string]bool{
		"prestations.cure_thermale":          true,
		"prestations.cure_thermale.declaree": true,
		"prestations":                        false,
		"prestations.naissance":              false,
		"soins.pharmacie":                    false,
		"":                                   false,
	} {
		if got := TicketModerateurFacultatif(code); got != want {
			t.Errorf("TicketModerateurFacultatif(%q) = %t, want %t", code, got, want)
		}
	}
}

func TestAideAuditiveClasseIIBase(t *testing.T) {
	if b := AideAuditiveClasseIIBase(); b.String() != "400" || !b.LessThan(AideAuditiveClasseIIMax()) {
		t.Errorf("AideAuditiveClasseIIBase() = %s, want 400, below the cap", b)
	}
}

func TestHonorairesMedicaux(t *testing.T) {
	for code, want := range map[string]bool{
		"consult": true, "consult.specialiste": true, "soins.imagerie": true,
		"hospitalisation.honoraires": true, "hospitalisation.frais_sejour": false,
		"soins.analyses": false, "consultation": false, "optique.monture": false,
	} {
		if got := HonorairesMedicaux(code); got != want {
			t.Errorf("HonorairesMedicaux(%q) = %v, want %v", code, got, want)
		}
	}
}
