package regles

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// standardPostes is the table of LANGUAGE.md §1.
var standardPostes = map[string][]string{
	"hospitalisation": {"honoraires", "frais_sejour", "forfait_journalier", "chambre_particuliere", "accompagnant"},
	"consult":         {"generaliste", "specialiste"},
	"soins":           {"auxiliaires", "analyses", "imagerie", "pharmacie", "materiel_medical", "transport", "psychologue"},
	"optique":         {"equipement_100_sante", "monture", "verres", "lentilles", "chirurgie_refractive"},
	"dentaire":        {"soins", "prothese_100_sante", "prothese", "implant", "orthodontie"},
	"audiologie":      {"aide_100_sante", "aide", "entretien"},
	"medecine_douce":  {"osteopathie", "chiropraxie", "acupuncture", "sophrologie"},
	"prevention":      {"vaccins", "sevrage_tabagique", "bilan"},
	"prestations":     {"cure_thermale", "naissance"},
}

func TestStandardPostes(t *testing.T) {
	for family, postes := range standardPostes {
		f, ok := LookupPoste(family)
		if !ok {
			t.Errorf("family %s is missing", family)
			continue
		}
		if f.Label == "" || f.Family != family {
			t.Errorf("family %s = %+v: want a label and Family %q", family, f, family)
		}
		for _, name := range postes {
			code := family + "." + name
			p, ok := LookupPoste(code)
			if !ok {
				t.Errorf("poste %s is missing", code)
				continue
			}
			if p.Label == "" || p.Family != family || p.Code != code {
				t.Errorf("poste %s = %+v: want a label, Family %q and Code %q", code, p, family, code)
			}
		}
	}
}

func TestPostesWellFormed(t *testing.T) {
	all := Postes()
	if !sort.SliceIsSorted(all, func(i, j int) bool { return all[i].Code < all[j].Code }) {
		t.Error("Postes is not sorted by code")
	}
	for _, p := range all {
		if parent := Parent(p.Code); parent != "" {
			if _, ok := LookupPoste(parent); !ok {
				t.Errorf("poste %s has no family entry %s", p.Code, parent)
			}
		}
		if p.Label == "" {
			t.Errorf("poste %s has no label", p.Code)
		}
		if p.RO == RONone && p.Deduction != NoDeduction {
			t.Errorf("poste %s has a deduction but no RO", p.Code)
		}
	}
	all[0].Label = "changed"
	if Postes()[0].Label == "changed" {
		t.Error("Postes returns the package's own slice")
	}
}

func TestPosteAttributes(t *testing.T) {
	tests := []struct {
		code      string
		label     string
		ro        ROFamily
		deduction Deduction
		sante100  bool
	}{
		{"consult.generaliste", "Consultations et visites de médecins généralistes", ROMedecin, ParticipationForfaitaire, false},
		{"hospitalisation.forfait_journalier", "Forfait journalier hospitalier", RONone, NoDeduction, false},
		{"hospitalisation.honoraires", "Honoraires médicaux et chirurgicaux", ROHospitalisation, NoDeduction, false},
		{"soins.pharmacie", "Médicaments", ROPharmacie, FranchiseMedicament, false},
		{"soins.auxiliaires", "Auxiliaires médicaux", ROAuxiliaires, FranchiseParamedical, false},
		{"soins.transport", "Transport sanitaire", ROTransport, FranchiseTransport, false},
		{"soins.analyses", "Analyses et examens de laboratoire", ROLaboratoire, ParticipationForfaitaire, false},
		{"optique.equipement_100_sante", "Équipement 100% Santé", ROOptique, NoDeduction, true},
		{"optique.monture", "Monture", ROOptique, NoDeduction, false},
		{"optique.chirurgie_refractive", "Chirurgie réfractive", RONone, NoDeduction, false},
		{"dentaire.prothese_100_sante", "Prothèses dentaires 100% Santé", RODentaire, NoDeduction, true},
		{"dentaire.implant", "Implantologie", RONone, NoDeduction, false},
		{"audiologie.aide_100_sante", "Aide auditive 100% Santé (classe I)", ROAudiologie, NoDeduction, true},
		{"medecine_douce.osteopathie", "Ostéopathie", RONone, NoDeduction, false},
		{"prevention.vaccins", "Vaccins", ROVaccins, NoDeduction, false},
		{"prestations.cure_thermale", "Cure thermale", ROThermalisme, NoDeduction, false},
		{"prestations.naissance", "Allocation naissance", RONone, NoDeduction, false},
	}
	for _, tt := range tests {
		p, ok := LookupPoste(tt.code)
		if !ok {
			t.Errorf("LookupPoste(%s) not found", tt.code)
			continue
		}
		got := []any{p.Label, p.RO, p.Deduction, p.Sante100}
		want := []any{tt.label, tt.ro, tt.deduction, tt.sante100}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: label, RO, deduction, 100%% Santé (-want +got):\n%s", tt.code, diff)
		}
	}
	if _, ok := LookupPoste("optique.monture.x"); ok {
		t.Error("LookupPoste found a code outside the nomenclature")
	}
}

func TestParent(t *testing.T) {
	for code, want := range map[string]string{
		"optique.monture":    "optique",
		"optique":            "",
		"a.b.c":              "a.b",
		"dentaire.implant.x": "dentaire.implant",
		"":                   "",
	} {
		if got := Parent(code); got != want {
			t.Errorf("Parent(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		code string
		want []string // the first suggestions
	}{
		{"optique.montre", []string{"optique.monture"}},
		{"dentaire.protese", []string{"dentaire.prothese"}},
		{"consult.generalsite", []string{"consult.generaliste"}},
		{"optiqe.monture", []string{"optique.monture"}},
		{"osteopatie", []string{"medecine_douce.osteopathie"}},
		{"monture", []string{"optique.monture"}},
		{"dentaire.implants", []string{"dentaire.implant"}},
		{"hospitalisaton", []string{"hospitalisation"}},
		{"soin", []string{"soins", "dentaire.soins"}},
		{"prevention.vacin", []string{"prevention.vaccins"}},
	}
	for _, tt := range tests {
		got := Suggest(tt.code)
		if len(got) > 3 {
			t.Errorf("Suggest(%q) = %v: more than 3", tt.code, got)
		}
		if len(got) > len(tt.want) {
			got = got[:len(tt.want)]
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Suggest(%q) (-want +got):\n%s", tt.code, diff)
		}
	}
	for _, code := range []string{"optique.monture", "astrologie.horoscope", "xyz", "soins.kine"} {
		if got := Suggest(code); got != nil {
			t.Errorf("Suggest(%q) = %v, want nil", code, got)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"abc", "abc", 0},
		{"abc", "acb", 1},
		{"kitten", "sitting", 3},
		{"séance", "seance", 1},
		{"ca", "abc", 3},
	} {
		if got := distance([]rune(tt.a), []rune(tt.b)); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
