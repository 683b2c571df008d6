package regles

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func TestTaux(t *testing.T) {
	const d = "2026-03-02"
	tests := []struct {
		name string
		q    RateQuery
		want string
	}{
		{"generaliste", RateQuery{Poste: "consult.generaliste"}, "70"},
		{"family of a declared poste", RateQuery{Poste: "consult.teleconsultation"}, "70"},
		{"ALD over hors parcours", RateQuery{Poste: "consult.specialiste", ALD: true, HorsParcours: true}, "100"},
		{"hors parcours doctor", RateQuery{Poste: "consult.specialiste", HorsParcours: true}, "30"},
		{"hors parcours over Alsace-Moselle", RateQuery{Poste: "consult.generaliste", HorsParcours: true, Regime: RegimeAlsaceMoselle}, "30"},
		{"hors parcours not for kiné", RateQuery{Poste: "soins.auxiliaires", HorsParcours: true}, "60"},
		{"hors parcours not for pharmacie", RateQuery{Poste: "soins.pharmacie", HorsParcours: true}, "65"},
		{"ALD over Alsace-Moselle", RateQuery{Poste: "soins.pharmacie", ALD: true, Regime: RegimeAlsaceMoselle}, "100"},
		{"Alsace-Moselle care", RateQuery{Poste: "soins.auxiliaires", Regime: RegimeAlsaceMoselle}, "90"},
		{"Alsace-Moselle hospitalisation", RateQuery{Poste: "hospitalisation.frais_sejour", Regime: RegimeAlsaceMoselle}, "100"},
		{"pharmacie", RateQuery{Poste: "soins.pharmacie"}, "65"},
		{"hospitalisation", RateQuery{Poste: "hospitalisation.honoraires"}, "80"},
		{"forfait journalier", RateQuery{Poste: "hospitalisation.forfait_journalier"}, "0"},
		{"médecine douce", RateQuery{Poste: "medecine_douce.osteopathie"}, "0"},
		{"médecine douce ALD", RateQuery{Poste: "medecine_douce.osteopathie", ALD: true, Regime: RegimeAlsaceMoselle}, "0"},
		{"implant", RateQuery{Poste: "dentaire.implant", ALD: true}, "0"},
		{"transport", RateQuery{Poste: "soins.transport"}, "65"},
		{"vaccins", RateQuery{Poste: "prevention.vaccins"}, "65"},
		{"optique", RateQuery{Poste: "optique.verres"}, "60"},
		{"audiologie", RateQuery{Poste: "audiologie.aide"}, "60"},
		{"cure thermale", RateQuery{Poste: "prestations.cure_thermale"}, "65"},
		{"prestations family", RateQuery{Poste: "prestations.naissance"}, "0"},
		{"imagerie", RateQuery{Poste: "soins.imagerie"}, "70"},
		{"analyses", RateQuery{Poste: "soins.analyses"}, "60"},
		{"psychologue", RateQuery{Poste: "soins.psychologue"}, "60"},
		{"psychologue before MonPsy", RateQuery{Poste: "soins.psychologue", Date: day("2022-04-04"), ALD: true}, "0"},
		{"psychologue from MonPsy", RateQuery{Poste: "soins.psychologue", Date: day("2022-04-05")}, "60"},
		{"dentaire before 2023-10-15", RateQuery{Poste: "dentaire.soins", Date: day("2023-10-14")}, "70"},
		{"dentaire from 2023-10-15", RateQuery{Poste: "dentaire.soins", Date: day("2023-10-15")}, "60"},
		{"dentaire family", RateQuery{Poste: "dentaire", Date: day("2023-10-15")}, "60"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.q.Date.IsZero() {
				tt.q.Date = day(d)
			}
			got, err := Taux(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(dec(tt.want), got); diff != "" {
				t.Errorf("Taux(%+v) (-want +got):\n%s", tt.q, diff)
			}
		})
	}
}

func TestTauxErrors(t *testing.T) {
	_, err := Taux(RateQuery{Poste: "optiqe.monture", Date: day("2026-01-01")})
	if err == nil || !strings.Contains(err.Error(), `"optiqe.monture"`) {
		t.Errorf("unknown poste: error = %v", err)
	}
	_, err = Taux(RateQuery{Poste: "consult.generaliste", Date: day("2017-12-31")})
	if err == nil || !strings.Contains(err.Error(), "2018-01-01") {
		t.Errorf("date before the first rate: error = %v", err)
	}
}

func TestEmbeddedTaux(t *testing.T) {
	got, err := parseTaux("taux.csv", bytes.NewReader(tauxCSV))
	if err != nil {
		t.Fatal(err)
	}
	for f := ROMedecin; int(f) < len(roFamilyNames); f++ {
		if len(got[f]) == 0 {
			t.Errorf("no rate for %s", f)
		}
		for _, e := range got[f] {
			if strings.TrimSpace(e.source) == "" {
				t.Errorf("rate of %s on %s has no source", f, e.since)
			}
		}
	}
	if _, ok := got[RONone]; ok {
		t.Error("taux.csv has a rate for RONone")
	}
}

func TestParseTauxErrors(t *testing.T) {
	const header = "famille;since;taux;source;confirme\n"
	for _, tt := range []struct{ input, want string }{
		{header + "astrologie;2020-01-01;70;src;oui\n", `unknown rate family "astrologie"`},
		{header + "aucun;2020-01-01;0;src;oui\n", `unknown rate family "aucun"`},
		{header + "medecin;2020-01-01;170;src;oui\n", "above 100%"},
		{header + "medecin;2020-01-01;70;src;oui\n", "no line for rate family"},
		{"famille;since;taux;source\n", "header"},
	} {
		_, err := parseTaux("t.csv", strings.NewReader(tt.input))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseTaux(%q) error = %v, want one containing %q", tt.input, err, tt.want)
		}
	}
}

func TestDeductionUnitaire(t *testing.T) {
	tests := []struct {
		d          Deduction
		date, want string
	}{
		{NoDeduction, "2026-01-01", "0"},
		{ParticipationForfaitaire, "2008-01-01", "1"},
		{ParticipationForfaitaire, "2024-05-14", "1"},
		{ParticipationForfaitaire, "2024-05-15", "2"},
		{FranchiseMedicament, "2008-01-01", "0.50"},
		{FranchiseMedicament, "2024-03-30", "0.50"},
		{FranchiseParamedical, "2024-03-30", "0.50"},
		{FranchiseMedicament, "2024-03-31", "1"},
		{FranchiseParamedical, "2024-03-31", "1"},
		{FranchiseTransport, "2024-03-30", "2"},
		{FranchiseTransport, "2024-03-31", "4"},
	}
	for _, tt := range tests {
		got, err := DeductionUnitaire(tt.d, day(tt.date))
		if err != nil {
			t.Errorf("DeductionUnitaire(%s, %s): %v", tt.d, tt.date, err)
			continue
		}
		if diff := cmp.Diff(dec(tt.want), got); diff != "" {
			t.Errorf("DeductionUnitaire(%s, %s) (-want +got):\n%s", tt.d, tt.date, diff)
		}
	}
	if _, err := DeductionUnitaire(FranchiseMedicament, day("2007-12-31")); err == nil {
		t.Error("franchise before 2008: no error")
	}
	if _, err := DeductionUnitaire(Deduction(42), day("2026-01-01")); err == nil {
		t.Error("unknown deduction: no error")
	}
}

func TestPlafonds(t *testing.T) {
	caps := func(jour, an string) DeductionCaps { return DeductionCaps{Jour: dec(jour), An: dec(an)} }
	pf := func(jour string) DeductionCaps {
		return DeductionCaps{Jour: dec(jour), An: dec("50"), JourParProfessionnel: true, JourNombre: 4}
	}
	tests := []struct {
		d    Deduction
		date string
		want DeductionCaps
	}{
		{NoDeduction, "2026-01-01", caps("0", "0")},
		{ParticipationForfaitaire, "2008-01-01", pf("4")},
		{ParticipationForfaitaire, "2024-05-14", pf("4")},
		{ParticipationForfaitaire, "2024-05-15", pf("8")},
		{FranchiseMedicament, "2024-03-30", caps("0", "50")},
		{FranchiseMedicament, "2024-03-31", caps("0", "50")},
		{FranchiseParamedical, "2008-01-01", caps("2", "50")},
		{FranchiseParamedical, "2024-03-30", caps("2", "50")},
		{FranchiseParamedical, "2024-03-31", caps("4", "50")},
		{FranchiseTransport, "2024-03-30", caps("4", "50")},
		{FranchiseTransport, "2024-03-31", caps("8", "50")},
	}
	for _, tt := range tests {
		got, err := Plafonds(tt.d, day(tt.date))
		if err != nil {
			t.Errorf("Plafonds(%s, %s): %v", tt.d, tt.date, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Plafonds(%s, %s) (-want +got):\n%s", tt.d, tt.date, diff)
		}
	}
	if _, err := Plafonds(Deduction(-1), day("2026-01-01")); err == nil {
		t.Error("unknown deduction: no error")
	}
}

func TestResponsable(t *testing.T) {
	type row struct {
		Verres   string
		Min, Max int64
	}
	var got []row
	for _, g := range GrilleOptiqueClasseB() {
		got = append(got, row{g.Verres, g.Min.IntPart(), g.Max.IntPart()})
	}
	want := []row{
		{"simple", 50, 420},
		{"simple+complexe", 125, 560},
		{"complexe", 200, 700},
		{"simple+tres_complexe", 125, 610},
		{"complexe+tres_complexe", 200, 750},
		{"tres_complexe", 200, 800},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("GrilleOptiqueClasseB (-want +got):\n%s", diff)
	}
	if !MontureClasseBMax().Equal(decimal.NewFromInt(100)) || !AideAuditiveClasseIIMax().Equal(decimal.NewFromInt(1700)) {
		t.Errorf("MontureClasseBMax = %s, AideAuditiveClasseIIMax = %s", MontureClasseBMax(), AideAuditiveClasseIIMax())
	}
}
