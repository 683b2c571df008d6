package tableau

import (
	"testing"

	"garantie/dsl/check"
	"garantie/dsl/parser"
)

// TestWordingTables checks the published wording of the constructs of
// real tables (docs/language.md §10): a plafond per ear, au-delà, limité
// pendant, porté à, an enveloppe and a limit per stay.
func TestWordingTables(t *testing.T) {
	src := []byte(`contrat "Tables"
effet 2026-01-01
enveloppe bien_etre forfait 150€ / annee civile
audiologie.aide:                      frais reels, plafond 1700€ / oreille RO inclus
dentaire.prothese:                    300% BRSS, plafond 1400€ / annee civile au-dela 100% BRSS
dentaire.implant:                     300% BRSS, limite 100% BRSS pendant 3 mois
medecine_douce.osteopathie:           forfait 60€ porte a 90€ si anciennete >= 2 ans / annee civile
soins.psychologue:                    forfait bien_etre
hospitalisation.frais_sejour:         100% BRSS, max 30 jours / sejour
`)
	f, diags := parser.Parse("tables.garantie", src)
	prog, cdiags := check.Check(f, check.Regles())
	if diags.HasErrors() || cdiags.HasErrors() {
		t.Fatalf("%v %v", diags, cdiags)
	}
	tab := Build([]Source{{Program: prog, Src: src}})
	got := map[string]string{}
	for _, s := range tab.Sections {
		for _, g := range s.Groupes {
			for _, l := range g.Lignes {
				c := l.Cellules[0]
				text := c.Formule
				for _, lim := range c.Limites {
					text += ", " + lim
				}
				got[l.Code] = text
			}
		}
	}
	for code, want := range map[string]string{
		"audiologie.aide":              "Frais réels, plafonné à 1 700 € par oreille, Sécurité sociale incluse",
		"dentaire.prothese":            "300 % BR, plafonné à 1 400 € par année civile, au-delà 100 % BR",
		"dentaire.implant":             "300 % BR, limité à 100 % BR pendant les 3 premiers mois",
		"medecine_douce.osteopathie":   "Forfait 60 € par année civile, porte a 90€ si anciennete >= 2 ans",
		"soins.psychologue":            "Forfait 150 € par année civile (enveloppe bien_etre, commune aux postes qui la citent)",
		"hospitalisation.frais_sejour": "100 % BR, dans la limite de 30 jours par séjour",
	} {
		if got[code] != want {
			t.Errorf("%s: %q, want %q", code, got[code], want)
		}
	}
}
