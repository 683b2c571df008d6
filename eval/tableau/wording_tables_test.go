package tableau

import (
	"slices"
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
medecine_douce.acupuncture:           forfait bien_etre
medecine_douce.sophrologie si age < 16: forfait 50€ porte a 80€ si anciennete >= 2 ans et age >= 10 / annee civile
hospitalisation.chambre_particuliere si sejour smr: 40€ / jour
hospitalisation.chambre_particuliere si non sejour psychiatrie: 60€ / jour
hospitalisation.frais_sejour:         100% BRSS, max 30 jours / sejour
`)
	f, diags := parser.Parse("tables.garantie", src)
	prog, cdiags := check.Check(f, check.Regles())
	if diags.HasErrors() || cdiags.HasErrors() {
		t.Fatalf("%v %v", diags, cdiags)
	}
	tab := Build([]Source{{Program: prog, Src: src}})
	got := map[string]string{}
	var conditions []string
	for _, s := range tab.Sections {
		for _, g := range s.Groupes {
			for _, l := range g.Lignes {
				if l.Code == "hospitalisation.chambre_particuliere" {
					conditions = append(conditions, l.Condition)
				}
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
		"medecine_douce.osteopathie":   "Forfait 60 € par année civile, porté à 90 € après 2 ans d'adhésion",
		"soins.psychologue":            "Forfait 150 € par année civile (montant commun à : Séances chez un psychologue, Acupuncture)",
		"medecine_douce.acupuncture":   "Forfait 150 € par année civile (montant commun à : Séances chez un psychologue, Acupuncture)",
		"medecine_douce.sophrologie":   "Forfait 50 € par année civile, porté à 80 € à partir de 10 ans et après 2 ans d'adhésion",
		"hospitalisation.frais_sejour": "100 % BR, dans la limite de 30 jours par séjour",
	} {
		if got[code] != want {
			t.Errorf("%s: %q, want %q", code, got[code], want)
		}
	}
	want := []string{"Soins médicaux et de réadaptation (SMR)", "Hors hospitalisation en psychiatrie"}
	if !slices.Equal(conditions, want) {
		t.Errorf("conditions of the stays: %q, want %q", conditions, want)
	}
}
