package regles

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestEveryRowHasDateAndSource: no value of the embedded data without an
// effective date and a source, and no unconfirmed 100% Santé line without
// a note saying why.
func TestEveryRowHasDateAndSource(t *testing.T) {
	ref := Default()
	for _, n := range Names() {
		for _, e := range ref.History(n) {
			if e.Since.IsZero() || strings.TrimSpace(e.Source) == "" {
				t.Errorf("valeurs.csv: %s %+v has no date or no source", n, e)
			}
		}
	}
	for f, entries := range ref.taux {
		for _, e := range entries {
			if e.since.IsZero() || strings.TrimSpace(e.source) == "" {
				t.Errorf("taux.csv: %s %+v has no date or no source", f, e)
			}
		}
	}
	if len(ref.PriceLimits()) == 0 {
		t.Fatal("no 100% Santé line")
	}
	for _, l := range ref.PriceLimits() {
		if l.Since.IsZero() || strings.TrimSpace(l.Source) == "" || (!l.Confirme && strings.TrimSpace(l.Note) == "") {
			t.Errorf("sante100.csv: %+v has no date, no source, or is unconfirmed without a note", l)
		}
	}
}

// TestLoadReplacesData: a caller can evaluate with its own data; the
// embedded data does not change.
func TestLoadReplacesData(t *testing.T) {
	valeurs := bytes.ReplaceAll(valeursCSV, []byte("pmss;2026-01-01;4005;"), []byte("pmss;2026-01-01;4100;"))
	ref, err := Load(bytes.NewReader(valeurs), bytes.NewReader(tauxCSV), bytes.NewReader(sante100CSV))
	if err != nil {
		t.Fatal(err)
	}
	var r Reference = ref
	d := day("2026-06-01")
	if got, _ := r.Value(PMSS, d); !got.Equal(dec("4100")) {
		t.Errorf("loaded PMSS = %s, want 4100", got)
	}
	if got, _ := Default().Value(PMSS, d); !got.Equal(dec("4005")) {
		t.Errorf("embedded PMSS = %s, want 4005", got)
	}
	if a, b := Default(), Default(); a != b {
		t.Error("Default returns different values")
	}
	if _, err := Load(strings.NewReader(""), bytes.NewReader(tauxCSV), bytes.NewReader(sante100CSV)); err == nil {
		t.Error("Load of an empty valeurs file: no error")
	}
	if _, err := Load(bytes.NewReader(valeursCSV), strings.NewReader(""), bytes.NewReader(sante100CSV)); err == nil {
		t.Error("Load of an empty taux file: no error")
	}
	if _, err := Load(bytes.NewReader(valeursCSV), bytes.NewReader(tauxCSV), strings.NewReader("")); err == nil {
		t.Error("Load of an empty sante100 file: no error")
	}
}

// TestConstantsMatchData keeps the constants of responsable.go equal to
// their dated lines of valeurs.csv.
func TestConstantsMatchData(t *testing.T) {
	for _, c := range []struct {
		name  Name
		value int64
	}{
		{OptiqueRenouvellement, OptiqueRenouvellementMois},
		{OptiqueRenouvellementMoins16, OptiqueRenouvellementMoisMoins16},
		{OptiqueAgeRenouvellementAns, OptiqueAgeRenouvellement},
		{AideAuditiveRenouvellement, AideAuditiveRenouvellementMois},
		{DepassementNonOptamMax, DepassementNonOptamMaxPct},
		{DepassementEcartMin, DepassementEcartMinPct},
	} {
		if got := embedded.latest(c.name); got.IntPart() != c.value || !got.IsInteger() {
			t.Errorf("%s = %s in valeurs.csv, constant %d", c.name, got, c.value)
		}
	}
}

// TestGrilleAtDate: the classe B grid applies from 2020-01-01 (décret
// n° 2019-21); before, there is none in the data.
func TestGrilleAtDate(t *testing.T) {
	g, err := Default().GrilleOptiqueClasseB(day("2020-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(g) != 6 || g[0].Verres != "simple" || !g[0].Max.Equal(dec("420")) || !g[5].Max.Equal(dec("800")) {
		t.Errorf("grid on 2020-01-01 = %+v", g)
	}
	if _, err := Default().GrilleOptiqueClasseB(day("2019-12-31")); err == nil {
		t.Error("grid on 2019-12-31: no error")
	}
}

// TestNoRO: postes with no base and no RO get rate 0 whatever the flags,
// at every date of the data.
func TestNoRO(t *testing.T) {
	for _, code := range []string{
		"optique.chirurgie_refractive", "dentaire.implant", "hospitalisation.accompagnant",
		"prestations.naissance", "medecine_douce.osteopathie", "hospitalisation.forfait_journalier",
		"hospitalisation.chambre_particuliere",
	} {
		p, ok := LookupPoste(code)
		if !ok || p.RO != RONone {
			t.Errorf("%s: RO family %v, want aucun", code, p.RO)
		}
		for _, date := range []string{"2018-01-01", "2023-10-15", "2026-06-01"} {
			for _, q := range []RateQuery{
				{Poste: code, Date: day(date)},
				{Poste: code, Date: day(date), ALD: true},
				{Poste: code, Date: day(date), Regime: RegimeAlsaceMoselle, HorsParcours: true},
			} {
				if got, err := Taux(q); err != nil || !got.IsZero() {
					t.Errorf("Taux(%+v) = %s, %v; want 0", q, got, err)
				}
			}
		}
	}
}

// TestTauxFirstDate: every family's rates start on 2018-01-01.
func TestTauxFirstDate(t *testing.T) {
	for _, poste := range []string{"consult.generaliste", "soins.psychologue", "dentaire.soins", "optique.verres"} {
		if _, err := Taux(RateQuery{Poste: poste, Date: day("2018-01-01")}); err != nil {
			t.Errorf("%s on 2018-01-01: %v", poste, err)
		}
		if _, err := Taux(RateQuery{Poste: poste, Date: day("2018-01-01").Add(-24 * time.Hour)}); err == nil {
			t.Errorf("%s on 2017-12-31: no error", poste)
		}
	}
}
