package engine_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/eval/claims"
	"garantie/eval/engine"
)

// rcs evaluates claims under src and returns the RC of each line; it fails
// on a rejected line or a broken conservation.
func rcs(t *testing.T, src string, claims ...claims.Claim) []string {
	t.Helper()
	var out []string
	for _, r := range evalAll(t, src, claims...) {
		out = append(out, r.RC.String())
	}
	return out
}

func wantRCs(t *testing.T, got []string, want ...string) {
	t.Helper()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("RC per line (-want +got):\n%s", diff)
	}
}

// spec is a specialist consultation of 60 with base 30 at 70% and a given
// participation forfaitaire of 2: RO brut 21, RO net 19.
func spec(id, date, frais string, opts ...func(*claims.Claim)) claims.Claim {
	return claim(id, date, "consult.specialiste", frais, append([]func(*claims.Claim){base("30"), taux(70), pf("2")}, opts...)...)
}

func TestStepPercentageModes(t *testing.T) {
	tests := []struct {
		name, header, rule, frais, want string
	}{
		{"deduction BRSS", "", "100% BRSS", "60", "9.00"},
		{"complement BRSS", "mode complement", "100% BRSS", "60", "30.00"},
		{"complement capped at left", "mode complement", "100% BRSS", "40", "19.00"},
		{"TM deduction", "", "50% TM", "60", "4.50"},
		{"TM complement", "mode complement", "100% TM", "60", "9.00"},
		{"BRSS and TM deduction", "", "150% BRSS + 50% TM", "60", "28.50"},
		{"FR deduction", "", "50% FR", "60", "9.00"},
		{"FR complement", "mode complement", "10% FR", "60", "6.00"},
		{"BRSS under RO pays nothing", "", "50% BRSS", "60", "0.00"},
		{"percentage then money", "", "100% BRSS + forfait 20€ / annee civile", "60", "29.00"},
		{"frais reels", "", "frais reels", "60", "39.00"},
		{"non couvert", "", "non couvert", "60", "0.00"},
		{"rounding half away from zero", "", "112.5% BRSS", "60", "12.75"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "contrat \"T\"\n" + tt.header + "\nconsult.specialiste: " + tt.rule + "\n"
			wantRCs(t, rcs(t, src, spec("c1", "2026-03-02", tt.frais)), tt.want)
		})
	}
}

func TestStepRoundingOfPercentages(t *testing.T) {
	// 33.33% of 10.05 is 3.349665: 3.35 after rounding, minus RO brut 0.
	src := contract("medecine_douce: 33.33% FR")
	wantRCs(t, rcs(t, src, claim("c1", "2026-01-01", "medecine_douce.acupuncture", "10.05")), "3.35")
	// 12.5% of 0.20 is 0.025: half away from zero gives 0.03.
	src = contract("medecine_douce: 12.5% FR")
	wantRCs(t, rcs(t, src, claim("c1", "2026-01-01", "medecine_douce.acupuncture", "0.20")), "0.03")
}

func TestStepPerUnit(t *testing.T) {
	src := contract("hospitalisation.chambre_particuliere: 60€ / jour, max 5 jours / annee civile")
	got := rcs(t, src,
		claim("c1", "2026-01-10", "hospitalisation.chambre_particuliere", "200", qty(3)),
		claim("c2", "2026-02-10", "hospitalisation.chambre_particuliere", "100", qty(2)), // capped by frais
		claim("c3", "2026-03-10", "hospitalisation.chambre_particuliere", "60"),          // max reached
	)
	wantRCs(t, got, "180.00", "100.00", "0.00")
}

func TestStepForfaitGlissant(t *testing.T) {
	src := contract("optique.monture: forfait 100€ / 24 mois glissants")
	got := rcs(t, src,
		claim("c1", "2025-03-01", "optique.monture", "60"),
		claim("c2", "2026-01-01", "optique.monture", "80"),
		claim("c3", "2027-02-28", "optique.monture", "80"), // last day of the window
		claim("c4", "2027-03-01", "optique.monture", "80"), // a new window
		claim("c5", "2027-04-01", "optique.monture", "80"),
	)
	wantRCs(t, got, "60.00", "40.00", "0.00", "80.00", "20.00")
}

func TestStepGlissantOpensOnPositiveCharge(t *testing.T) {
	src := contract("optique.monture: forfait 100€ / 1 mois glissants")
	got := rcs(t, src,
		// Fully paid by the RO: the layer pays 0 and opens no window.
		claim("c1", "2024-01-15", "optique.monture", "50", ro("50")),
		// Opens [2024-01-31, 2024-02-29): 31 January plus a month clamps.
		claim("c2", "2024-01-31", "optique.monture", "70"),
		claim("c3", "2024-02-28", "optique.monture", "70"),
		claim("c4", "2024-02-29", "optique.monture", "70"),
	)
	wantRCs(t, got, "0.00", "70.00", "30.00", "70.00")
}

func TestStepForfaitPMSSAtPeriodStart(t *testing.T) {
	// 5% PMSS in a window opened in 2023 is 5% of 3,666 = 183.30, even for
	// a claim of 2024 (PMSS 3,864).
	src := contract("prevention: forfait 5% PMSS / 12 mois glissants")
	got := rcs(t, src,
		claim("c1", "2023-12-15", "prevention.bilan", "100"),
		claim("c2", "2024-03-01", "prevention.bilan", "500"),
		claim("c3", "2024-12-15", "prevention.bilan", "500"), // new window: 193.20
	)
	wantRCs(t, got, "100.00", "83.30", "193.20")
}

func TestStepPlafonds(t *testing.T) {
	t.Run("on an ancestor", func(t *testing.T) {
		src := contract(
			"medecine_douce: plafond 150€ / annee civile",
			"medecine_douce.osteopathie: 40€ / seance",
			"medecine_douce.chiropraxie: 50€ / seance",
		)
		got := rcs(t, src,
			claim("c1", "2026-01-10", "medecine_douce.osteopathie", "60"),
			claim("c2", "2026-01-11", "medecine_douce.osteopathie", "60"),
			claim("c3", "2026-01-12", "medecine_douce.osteopathie", "60"),
			claim("c4", "2026-01-13", "medecine_douce.chiropraxie", "60"),
			claim("c5", "2026-01-14", "medecine_douce.chiropraxie", "60"),
			claim("c6", "2027-01-14", "medecine_douce.chiropraxie", "60"),
		)
		wantRCs(t, got, "40.00", "40.00", "40.00", "30.00", "0.00", "50.00")
	})
	t.Run("own plafond cuts money terms last first", func(t *testing.T) {
		src := contract("optique.lentilles: 100% BRSS + forfait 100€ / annee civile, plafond 50€ / annee civile")
		res := evalAll(t, src,
			claim("c1", "2026-01-10", "optique.lentilles", "200", base("40"), taux(60), pf("0")),
			claim("c2", "2026-02-10", "optique.lentilles", "200", base("40"), taux(60), pf("0")),
		)
		// 100% BRSS gives 16; the forfait 100 is cut to 34 by the plafond.
		wantRCs(t, []string{res[0].RC.String(), res[1].RC.String()}, "50.00", "0.00")
		if m := res[1].Couches[0].Motif; m != engine.MotifPlafondAtteint {
			t.Errorf("motif = %q, want %q", m, engine.MotifPlafondAtteint)
		}
	})
	t.Run("cut reaches the percentage part", func(t *testing.T) {
		src := contract("dentaire.orthodontie: 300% BRSS, plafond 100€ / annee civile")
		got := rcs(t, src,
			claim("c1", "2026-01-10", "dentaire.orthodontie", "500", base("100"), taux(60), pf("0")),
			claim("c2", "2026-02-10", "dentaire.orthodontie", "500", base("100"), taux(60), pf("0")),
		)
		wantRCs(t, got, "100.00", "0.00")
	})
	t.Run("losing ancestor's limits do not apply", func(t *testing.T) {
		src := contract(
			"optique: 100% BRSS, plafond 10€ / annee civile",
			"optique.monture: forfait 100€ / annee civile",
		)
		wantRCs(t, rcs(t, src, claim("c1", "2026-01-10", "optique.monture", "80")), "80.00")
	})
	t.Run("forfait charged only what it finally paid", func(t *testing.T) {
		src := contract(
			"optique: plafond 30€ / annee civile",
			"optique.monture: forfait 100€ / annee civile",
		)
		got := rcs(t, src,
			claim("c1", "2026-01-10", "optique.monture", "80"),
			claim("c2", "2027-01-10", "optique.monture", "80"),
		)
		wantRCs(t, got, "30.00", "30.00")
	})
}

func TestStepParFamille(t *testing.T) {
	src := contract(
		"optique.lentilles: forfait 100€ / annee civile par famille",
		"optique.monture: forfait 100€ / annee civile",
	)
	got := rcs(t, src,
		claim("c1", "2026-01-10", "optique.lentilles", "60", assure("a1"), famille("f1")),
		claim("c2", "2026-01-11", "optique.lentilles", "60", assure("a2"), famille("f1")),
		claim("c3", "2026-01-12", "optique.lentilles", "60", assure("a3"), famille("f2")),
		claim("c4", "2026-01-10", "optique.monture", "60", assure("a1"), famille("f1")),
		claim("c5", "2026-01-11", "optique.monture", "60", assure("a2"), famille("f1")),
	)
	wantRCs(t, got, "60.00", "40.00", "60.00", "60.00", "60.00")
}

func TestStepCarence(t *testing.T) {
	src := contract(
		"dentaire: carence 6 mois",
		"dentaire.soins: forfait 100€ / annee civile",
	)
	res := evalAll(t, src,
		claim("c1", "2026-07-14", "dentaire.soins", "60", adhesion("2026-01-15")),
		claim("c2", "2026-07-15", "dentaire.soins", "60", adhesion("2026-01-15")),
		claim("c3", "2026-08-15", "dentaire.soins", "60", adhesion("2026-01-15")),
	)
	var got []string
	for _, r := range res {
		got = append(got, r.RC.String())
	}
	// Nothing is consumed during the carence: the forfait is whole on 15 July.
	wantRCs(t, got, "0.00", "60.00", "40.00")
	if m := res[0].Couches[0].Motif; m != engine.MotifCarence {
		t.Errorf("motif = %q, want %q", m, engine.MotifCarence)
	}
	// Without adhesion on the line, the contract's effet is the adhesion date.
	wantRCs(t, rcs(t, src, claim("c1", "2020-06-30", "dentaire.soins", "60")), "0.00")
	wantRCs(t, rcs(t, src, claim("c1", "2020-07-01", "dentaire.soins", "60")), "60.00")
}

func TestStepAnneeContrat(t *testing.T) {
	src := contract("prevention: forfait 100€ / annee contrat")
	got := rcs(t, src,
		claim("c1", "2024-03-01", "prevention.bilan", "80", adhesion("2024-02-29")),
		claim("c2", "2025-02-27", "prevention.bilan", "80", adhesion("2024-02-29")),
		// 29 February anniversaries fall on 28 February in other years.
		claim("c3", "2025-02-28", "prevention.bilan", "80", adhesion("2024-02-29")),
		// Care dated before the adhesion is evaluated in its own period.
		claim("c4", "2023-06-01", "prevention.bilan", "80", assure("a2"), adhesion("2024-02-29")),
	)
	wantRCs(t, got, "80.00", "20.00", "80.00", "80.00")
}

func TestStepPartialQuantity(t *testing.T) {
	src := contract("soins.auxiliaires: 150% BRSS, max 3 actes / annee civile")
	res := evalAll(t, src,
		// RO brut 48; covered 3 of 4: frais 75, base 60, RO brut 36.
		// P = 90 - 36 = 54, capped at 75 - 36 = 39. Reste on the whole line.
		claim("c1", "2026-01-10", "soins.auxiliaires", "100", base("80"), taux(60), pf("0"), qty(4)),
		// Covered 0 of 1: the counter is exhausted.
		claim("c2", "2026-01-11", "soins.auxiliaires", "10", base("8"), taux(60), pf("0")),
	)
	if diff := cmp.Diff(amounts{"48.00", "0.00", "48.00", "39.00", "13.00"}, amountsOf(res[0])); diff != "" {
		t.Errorf("partial line (-want +got):\n%s", diff)
	}
	if res[1].RC != 0 || res[1].Couches[0].Motif != engine.MotifMaxAtteint {
		t.Errorf("second line: RC %s motif %q, want 0.00 %q", res[1].RC, res[1].Couches[0].Motif, engine.MotifMaxAtteint)
	}
	// Scaling rounds: 10.01 × 2/3 = 6.673 gives 6.67 of frais covered.
	src = contract("medecine_douce.osteopathie: frais reels, max 2 seances / annee civile")
	wantRCs(t, rcs(t, src, claim("c1", "2026-01-10", "medecine_douce.osteopathie", "10.01", qty(3))), "6.67")
	src = contract("medecine_douce.osteopathie: frais reels, max 1 seances / annee civile")
	wantRCs(t, rcs(t, src, claim("c1", "2026-01-10", "medecine_douce.osteopathie", "0.05", qty(2))), "0.03")
}

func TestStepLayers(t *testing.T) {
	base1 := contract("consult.specialiste: 100% BRSS")
	surco := "contrat \"Surco\"\nconsult.specialiste: 200% BRSS\nconsult.generaliste: 100% FR\n"
	e := mustEngine(t, engine.Options{Workers: 1}, base1, surco)
	res := e.Evaluate(numbered(
		spec("c1", "2026-03-02", "60"),
		claim("c2", "2026-03-02", "consult.generaliste", "50", base("30"), taux(70), pf("2")),
	))
	want := []engine.Couche{{RC: eur("9"), Regle: "t.garantie:3"}, {RC: eur("30"), Regle: "surco.garantie:2"}}
	if diff := cmp.Diff(want, res[0].Couches); diff != "" {
		t.Errorf("couches (-want +got):\n%s", diff)
	}
	if res[0].RC != eur("39") || res[0].Reste != eur("2") {
		t.Errorf("RC %s reste %s, want 39.00 2.00", res[0].RC, res[0].Reste)
	}
	// The base does not cover GPs; the surco pays 100% FR minus the RO.
	want = []engine.Couche{{Motif: engine.MotifNonCouvert}, {RC: eur("29"), Regle: "surco.garantie:3"}}
	if diff := cmp.Diff(want, res[1].Couches); diff != "" {
		t.Errorf("couches (-want +got):\n%s", diff)
	}
}

func TestStepRuleSelection(t *testing.T) {
	src := contract(
		"consult: 100% BRSS",
		"consult.specialiste si optam: 200% BRSS",
		"consult.specialiste: 150% BRSS",
		"optique.monture: forfait 100€ / annee civile",
		"optique.monture si age < 16: forfait 80€ / annee civile",
		"prestations.cure_thermale: non couvert",
	)
	res := evalAll(t, src,
		spec("c1", "2026-03-02", "60", optam),
		spec("c2", "2026-03-02", "60", assure("a2")),
		claim("c3", "2026-03-02", "consult.generaliste", "60", base("30"), taux(70), pf("2")),
		claim("c4", "2026-03-02", "optique.monture", "120", naissance("2015-01-01")),
		claim("c5", "2026-03-02", "optique.monture", "120", naissance("2000-01-01"), assure("a2")),
		claim("c6", "2026-03-02", "prestations.cure_thermale", "120"),
		claim("c7", "2026-03-02", "dentaire.soins", "120"),
	)
	type sel struct {
		RC, Regle string
		Motif     engine.Motif
	}
	var got []sel
	for _, r := range res {
		got = append(got, sel{r.RC.String(), r.Couches[0].Regle, r.Couches[0].Motif})
	}
	want := []sel{
		{"39.00", "t.garantie:4", engine.MotifNone},
		{"24.00", "t.garantie:5", engine.MotifNone},
		{"9.00", "t.garantie:3", engine.MotifNone},
		{"80.00", "t.garantie:7", engine.MotifNone},
		{"100.00", "t.garantie:6", engine.MotifNone},
		{"0.00", "t.garantie:8", engine.MotifNonCouvert},
		{"0.00", "", engine.MotifNonCouvert},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("selection (-want +got):\n%s", diff)
	}
}

// TestStepParFamilleAnneeContrat: a family envelope renewed on the
// contract year follows the adhesion date of the line that first drew on
// it, even when members joined on other dates; otherwise each member's
// claim would start "its" period afresh and the family would get more
// than the envelope.
func TestStepParFamilleAnneeContrat(t *testing.T) {
	src := contract("prevention: forfait 50€ / annee contrat par famille")
	got := rcs(t, src,
		// p joined on 1 June 2025: the family's contract year runs from 1 June.
		claim("c1", "2026-01-10", "prevention", "30", assure("p"), famille("f"), adhesion("2025-06-01")),
		// m joined on 1 September 2025; her claim draws on the same envelope.
		claim("c2", "2026-01-11", "prevention", "30", assure("m"), famille("f"), adhesion("2025-09-01")),
		claim("c3", "2026-01-12", "prevention", "30", assure("p"), famille("f"), adhesion("2025-06-01")),
		// A new contract year of the family opens on 1 June 2026.
		claim("c4", "2026-06-01", "prevention", "30", assure("m"), famille("f"), adhesion("2025-09-01")),
	)
	// 30, then the 20 left of 50, then nothing: 50 in the year; then a new year.
	wantRCs(t, got, "30.00", "20.00", "0.00", "30.00")
}
