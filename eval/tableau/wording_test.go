package tableau

import (
	"testing"

	"garantie/dsl/check"
	"garantie/dsl/parser"
)

// TestWording checks the published wording of each kind of term, limit
// and condition, on the cells of a one-contract table.
func TestWording(t *testing.T) {
	src := []byte(`contrat "Mots"
effet 2026-01-01
consult.generaliste:                150% BRSS
consult.specialiste si non optam:    100% TM
consult.actes_techniques si secteur 2: 150% BRSS
soins.pharmacie:                     frais reels
hospitalisation.chambre_particuliere si age >= 60: 60€ / jour, max 30 jours / annee contrat
dentaire.implant si anciennete >= 2 ans: 400€ / acte, max 2 actes / annee civile, carence 6 mois
optique.lentilles:                   forfait 12,50€ / 6 mois glissants
optique.monture si reseau:           forfait 1200€ / 24 mois glissants par famille
prevention.bilan si enfant:          90% FR, plafond 80€ / 12 mois glissants
prestations.naissance:               forfait 5% PMSS / annee civile
prestations.cure_thermale:           non couvert
optique.equipement_100_sante:        100% PLV
dentaire.prothese_100_sante:         80% HLF
hospitalisation.accompagnant:        1,5% PMSS / jour
audiologie.aide si ald:              forfait 1700€ / 48 mois glissants RO inclus
optique.verres si verres tres complexes: 100% BRSS, plafond 300€ / 24 mois glissants RO inclus
soins.psychologue si non rembourse:  50€ / seance
`)
	f, diags := parser.Parse("mots.garantie", src)
	prog, cdiags := check.Check(f, check.Regles())
	if diags.HasErrors() || cdiags.HasErrors() {
		t.Fatalf("%v %v", diags, cdiags)
	}
	tab := Build([]Source{{Program: prog, Src: src}})
	got := map[string]Cellule{}
	for _, s := range tab.Sections {
		for _, g := range s.Groupes {
			for _, l := range g.Lignes {
				got[l.Code+" | "+l.Condition] = l.Cellules[0]
			}
		}
	}
	for key, want := range map[string]string{
		"consult.generaliste | ": "150 % BR",
		"consult.specialiste | Médecins non adhérents OPTAM / OPTAM-CO":    "Ticket modérateur",
		"consult.actes_techniques | Secteur 2":                             "150 % BR",
		"soins.pharmacie | ":                                               "Frais réels",
		"hospitalisation.chambre_particuliere | 60 ans et plus":            "60 € par jour, dans la limite de 30 jours par année d'adhésion",
		"dentaire.implant | Après 2 ans d'adhésion":                        "400 € par acte, dans la limite de 2 actes par année civile",
		"optique.lentilles | ":                                             "Forfait 12,50 € tous les 6 mois",
		"optique.monture | Dans le réseau de soins":                        "Forfait 1 200 € tous les 2 ans par famille",
		"prevention.bilan | Enfant (moins de 18 ans)":                      "90 % des frais réels, plafonné à 80 € par période de 12 mois",
		"prestations.naissance | ":                                         "Forfait 5 % PMSS par année civile",
		"prestations.cure_thermale | ":                                     "Non couvert",
		"optique.equipement_100_sante | ":                                  "Prise en charge intégrale dans la limite des PLV",
		"dentaire.prothese_100_sante | ":                                   "80 % des HLF",
		"hospitalisation.accompagnant | ":                                  "1,5 % PMSS par jour",
		"audiologie.aide | Affection de longue durée":                      "Forfait 1 700 € tous les 4 ans, Sécurité sociale incluse",
		"optique.verres | Verres très complexes":                           "100 % BR, plafonné à 300 € tous les 2 ans, Sécurité sociale incluse",
		"soins.psychologue | Actes non remboursés par la Sécurité sociale": "50 € par séance",
	} {
		c, ok := got[key]
		if !ok {
			t.Errorf("no line %q among %v", key, keys(got))
			continue
		}
		text := c.Formule
		for _, l := range c.Limites {
			text += ", " + l
		}
		if text != want {
			t.Errorf("%s: %q, want %q", key, text, want)
		}
	}
	if len(tab.Notes) == 0 || !containsNote(tab.Notes, "Mots — délais de carence, comptés de la date d'adhésion : Implantologie : délai de carence de 6 mois.") {
		t.Errorf("notes %q", tab.Notes)
	}
	if containsNote(tab.Notes, "Contrat responsable (") {
		t.Error("a contract that is not responsable gets the responsable mention")
	}
}

func keys(m map[string]Cellule) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func containsNote(notes []string, n string) bool {
	for _, x := range notes {
		if len(x) >= len(n) && x[:len(n)] == n {
			return true
		}
	}
	return false
}
