package lsp

import (
	"strings"
	"testing"
)

// TestHoverKeywords checks the hover on the words of the conditions,
// units and envelope options: phrases of three words from any of them,
// other spellings, and "enfant" read as a unit after "/" and as a
// condition after "si".
func TestHoverKeywords(t *testing.T) {
	src := strings.Join([]string{
		`contrat "x"`,
		`prestations.naissance: 10% PMSS / enfant`,
		`optique.verres si enfant et verres tres complexes: 100% BRSS`,
		`optique.verres si verre simple et non ald: 100% BRSS, plafond 600€ / annee civile par famille RO inclus`,
		`dentaire.orthodontie si non remboursée: forfait 300€ / annee civile`,
		`optique.chirurgie_refractive: 500€ / œil, max 2 yeux / annee civile`,
		``,
	}, "\n")
	for _, c := range []struct {
		line       int
		word, want string
	}{
		{1, "enfant", "`enfant` as a unit"},
		{2, "enfant", "`enfant`: age < 18"},
		{2, " verres", "`verres tres complexes` (`très` too)"},
		{2, "tres", "`verres tres complexes` (`très` too)"},
		{2, "complexes", "`verres tres complexes` (`très` too)"},
		{3, " verre ", "`verres simples`: the lenses"},
		{3, "ald", "affection de longue durée"},
		{3, "RO", "`RO inclus` after a `forfait` or `plafond`"},
		{3, "inclus", "`RO inclus` after a `forfait` or `plafond`"},
		{4, "rembours", "`rembourse` (also `remboursé`"},
		{5, "œil", "`oeil` (`œil`, plural `yeux`)"},
		{5, "yeux", "the plural of the unit `oeil`"},
	} {
		if got := hoverText(t, src, c.line, c.word); !strings.Contains(got, c.want) {
			t.Errorf("hover on %q of line %d: %q not in\n%s", c.word, c.line, c.want, got)
		}
	}
}

// TestHoverPMSSPerUnit checks the hover on the PMSS of a per-unit
// amount: its value at the contract's effet (4 005 € in 2026, so 10% is
// 400,50 €) and which PMSS a per-unit amount uses.
func TestHoverPMSSPerUnit(t *testing.T) {
	src := "contrat \"x\"\neffet 2026-01-01\nprestations.naissance: 10% PMSS / enfant\n"
	got := hoverText(t, src, 2, "PMSS")
	for _, want := range []string{"`10% PMSS` is 400,50 € with the PMSS of 2026-01-01.", "per unit (`N% PMSS / UNIT`), the PMSS in force on the date of care"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q not in\n%s", want, got)
		}
	}
}
