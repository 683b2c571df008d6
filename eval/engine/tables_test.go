package engine_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/eval/claims"
	"garantie/eval/engine"
)

// The constructs of real tables (docs/language.md §10), each with figures
// computed by hand in its comment.

func participation(s string) func(*claims.Claim) {
	return func(c *claims.Claim) { c.Participation = eur(s) }
}
func typeSejour(t claims.TypeSejour) func(*claims.Claim) {
	return func(c *claims.Claim) { c.TypeSejour = t }
}
func etranger(c *claims.Claim) { c.Etranger = true }

// netRCReste renders RO net, RC and reste of each result, or its rejection.
func netRCReste(res []engine.Result) []string {
	var out []string
	for _, r := range res {
		if r.Err != nil {
			out = append(out, "rejected: "+r.Err.Message)
			continue
		}
		out = append(out, r.RONet.String()+" "+r.RC.String()+" "+r.Reste.String())
	}
	return out
}

func wantAmounts(t *testing.T, res []engine.Result, want ...string) {
	t.Helper()
	if diff := cmp.Diff(want, netRCReste(res)); diff != "" {
		t.Errorf("RO net, RC, reste (-want +got):\n%s", diff)
	}
}

// TestParticipation: a passage aux urgences of base 150 € (RO 100% since
// 2022) with the FPU 19.61 € withheld: RO net = 150 − 19.61 = 130.39.
// For the formula prev = 150 − 19.61 = 130.39, so 100% BRSS pays
// 150 − 130.39 = 19.61 and nothing is left; frais reels on 160 € pays
// 160 − 130.39 = 29.61; 100% TM pays nothing (TM = 150 − 150 = 0), the FPU
// stays with the patient. With ro given (net 130.39) the same.
func TestParticipation(t *testing.T) {
	res := evalAll(t, contract("hospitalisation.urgences: 100% BRSS"),
		claim("u1", "2026-03-02", "hospitalisation.urgences", "150", base("150"), participation("19.61")),
		claim("u2", "2026-03-03", "hospitalisation.urgences", "150", base("150"), ro("130.39"), participation("19.61")),
	)
	wantAmounts(t, res, "130.39 19.61 0.00", "130.39 19.61 0.00")
	res = evalAll(t, contract("hospitalisation.urgences: frais reels"),
		claim("u1", "2026-03-02", "hospitalisation.urgences", "160", base("150"), participation("19.61")))
	wantAmounts(t, res, "130.39 29.61 0.00")
	res = evalAll(t, contract("hospitalisation.urgences: 100% TM"),
		claim("u1", "2026-03-02", "hospitalisation.urgences", "150", base("150"), participation("19.61")))
	wantAmounts(t, res, "130.39 0.00 19.61")
}

// TestSansRO: a declared poste sans RO gets no RO rate: base 10 € with no
// taux and no ro is RO 0, and 100% BRSS pays 10. Declared without sans RO
// it takes hospitalisation's 80%: RO 8, RC 2.
func TestSansRO(t *testing.T) {
	line := claim("t1", "2026-03-02", "hospitalisation.television", "10", base("10"))
	res := evalAll(t, contract(`poste hospitalisation.television "Télévision" sans RO`, "hospitalisation.television: 100% BRSS"), line)
	wantAmounts(t, res, "0.00 10.00 0.00")
	res = evalAll(t, contract(`poste hospitalisation.television "Télévision"`, "hospitalisation.television: 100% BRSS"), line)
	wantAmounts(t, res, "8.00 2.00 0.00")
}

// TestSejourEtrangerConditions: honoraires of base 100 € (RO 80) at 300 €:
// a stay in chirurgie takes the 200% BRSS rule (200 − 80 = 120), a stay
// without a type the 100% BRSS rule (100 − 80 = 20); care abroad takes
// the frais reels rule (300 − 80 = 220).
func TestSejourEtrangerConditions(t *testing.T) {
	src := contract(
		"hospitalisation.honoraires: 100% BRSS",
		"hospitalisation.honoraires si sejour chirurgie: 200% BRSS",
		"hospitalisation.honoraires si etranger: frais reels",
		"hospitalisation.honoraires si etranger et sejour chirurgie: frais reels",
	)
	res := evalAll(t, src,
		claim("h1", "2026-03-02", "hospitalisation.honoraires", "300", base("100"), typeSejour(claims.SejourChirurgie)),
		claim("h2", "2026-03-02", "hospitalisation.honoraires", "300", base("100")),
		claim("h3", "2026-03-02", "hospitalisation.honoraires", "300", base("100"), etranger),
	)
	wantAmounts(t, res, "80.00 120.00 100.00", "80.00 20.00 200.00", "80.00 220.00 0.00")
}

// TestPlafondPerUnit: two hearing aids (quantite 2) at 4000 €, base 800 €
// (RO 60% = 480). frais reels pays 3520; plafond 1700€ / oreille RO inclus
// caps it at 2 × 1700 − 480 = 2920, reste 600. Without RO inclus the cap is
// 3400: RC 3400, reste 120. Nothing is kept: a second pair the same year
// is capped the same way.
func TestPlafondPerUnit(t *testing.T) {
	pair := func(id string) claims.Claim {
		return claim(id, "2026-03-02", "audiologie.aide", "4000", base("800"), qty(2))
	}
	res := evalAll(t, contract("audiologie.aide: frais reels, plafond 1700€ / oreille RO inclus"), pair("a1"), pair("a2"))
	wantAmounts(t, res, "480.00 2920.00 600.00", "480.00 2920.00 600.00")
	res = evalAll(t, contract("audiologie.aide: frais reels, plafond 1700€ / oreille"), pair("a1"))
	wantAmounts(t, res, "480.00 3400.00 120.00")
}

// TestLimitePendant: a crown at 1000 €, base 120 € (dentaire 60%: RO 72),
// adhesion 2026-01-01. 300% BRSS pays 360 − 72 = 288; during the first 3
// months (before 2026-04-01) limite 100% BRSS caps it at 120 − 72 = 48. On
// 2026-04-01 the rule pays 288 again.
func TestLimitePendant(t *testing.T) {
	src := contract("dentaire.prothese: 300% BRSS, limite 100% BRSS pendant 3 mois")
	res := evalAll(t, src,
		claim("d1", "2026-02-15", "dentaire.prothese", "1000", base("120"), adhesion("2026-01-01")),
		claim("d2", "2026-04-01", "dentaire.prothese", "1000", base("120"), adhesion("2026-01-01")),
	)
	wantAmounts(t, res, "72.00 48.00 880.00", "72.00 288.00 640.00")
}

// TestAuDela: crowns at 1000 €, base 120 € (RO 72) under 300% BRSS with
// plafond 400€ / annee civile au-dela 100% BRSS. The first pays 288 (112
// left); the second is capped at 112, more than the 48 of 100% BRSS: 112;
// the third finds the plafond used and gets 100% BRSS: 48, charged to no
// envelope, so the fourth gets 48 too.
func TestAuDela(t *testing.T) {
	src := contract("dentaire.prothese: 300% BRSS, plafond 400€ / annee civile au-dela 100% BRSS")
	var lines []claims.Claim
	for _, id := range []string{"d1", "d2", "d3", "d4"} {
		lines = append(lines, claim(id, "2026-03-02", "dentaire.prothese", "1000", base("120")))
	}
	res := evalAll(t, src, lines...)
	wantAmounts(t, res, "72.00 288.00 640.00", "72.00 112.00 816.00", "72.00 48.00 880.00", "72.00 48.00 880.00")
}

// TestEnveloppe: one forfait bien-être of 150 € a year shared by the
// médecines douces and the psychologue. An osteopath at 100 € takes 100
// (50 left); a psychologue at 60 €, base 30 (RO 60% = 18): 100% BRSS pays
// 12, the forfait min(50, 60 − 18 − 12) = 30, RC 42 (20 left); a second
// osteopath at 60 € gets the 20 left.
func TestEnveloppe(t *testing.T) {
	src := contract(
		"enveloppe bien_etre forfait 150€ / annee civile",
		"medecine_douce: forfait bien_etre",
		"soins.psychologue: 100% BRSS + forfait bien_etre",
	)
	res := evalAll(t, src,
		claim("o1", "2026-02-02", "medecine_douce.osteopathie", "100"),
		claim("p1", "2026-03-02", "soins.psychologue", "60", base("30")),
		claim("o2", "2026-04-02", "medecine_douce.osteopathie", "60"),
	)
	wantAmounts(t, res, "0.00 100.00 0.00", "18.00 42.00 0.00", "0.00 20.00 40.00")
}

// TestPorteA: forfait 60 € a year, 90 € after 2 years of membership,
// adhesion 2023-06-01. On 2025-03-01 (1 year) an osteopath at 100 € gets
// 60; on 2025-07-01 (2 years) the same envelope of 2025 is worth 90, 60
// used: 30; on 2026-03-01 a new year of 90: 90.
func TestPorteA(t *testing.T) {
	src := contract("medecine_douce: forfait 60€ porte a 90€ si anciennete >= 2 ans / annee civile")
	res := evalAll(t, src,
		claim("o1", "2025-03-01", "medecine_douce.osteopathie", "100", adhesion("2023-06-01")),
		claim("o2", "2025-07-01", "medecine_douce.osteopathie", "100", adhesion("2023-06-01")),
		claim("o3", "2026-03-01", "medecine_douce.osteopathie", "100", adhesion("2023-06-01")),
	)
	wantAmounts(t, res, "0.00 60.00 40.00", "0.00 30.00 70.00", "0.00 90.00 10.00")
}

// TestMixedEquipment: classe A lenses (optique.equipement_100_sante) with
// a classe B frame (optique.monture) share the equipement id e1: each is
// paid by its own rule, and the limit-only max 1 equipement / 24 mois
// glissants on optique counts them once. A second equipment e2 a year
// later finds none left: 0, whatever its basket.
func TestMixedEquipment(t *testing.T) {
	src := contract(
		"optique: max 1 equipement / 24 mois glissants",
		"optique.equipement_100_sante: frais reels",
		"optique.monture: forfait 100€ / 24 mois glissants",
	)
	res := evalAll(t, src,
		claim("v1", "2026-01-10", "optique.equipement_100_sante", "120", equipement("e1")),
		claim("m1", "2026-01-10", "optique.monture", "150", equipement("e1")),
		claim("v2", "2027-01-10", "optique.equipement_100_sante", "120", equipement("e2")),
	)
	wantAmounts(t, res, "0.00 120.00 0.00", "0.00 100.00 50.00", "0.00 0.00 120.00")
}

func sejour(id string) func(*claims.Claim) { return func(c *claims.Claim) { c.Sejour = id } }

// TestSejourPeriod: max 3 jours / sejour. Stay S1: 2 days (frais = base =
// 100, RO 80%: 100% BRSS pays 20), then 2 more of which 1 is covered (frais
// 50, base 50, RO brut 40 scaled: 10); stay S2: 2 days, 20; a line without
// a stay is a stay of its own: 3 of its 5 days covered, so frais 60, base
// 60 and RO brut 48 (3/5 of 100, 100 and 80): pays 12, reste 8. And
// forfait 150€ / sejour on the private room: 100 then 50 in S1, 100 in a
// stay of its own, 100 in S2; S1 seen again later (after S2) starts afresh,
// as the state of a stay is kept only while lines of it come.
func TestSejourPeriod(t *testing.T) {
	src := contract(
		"hospitalisation.frais_sejour: 100% BRSS, max 3 jours / sejour",
		"hospitalisation.chambre_particuliere: forfait 150€ / sejour",
	)
	res := evalAll(t, src,
		claim("j1", "2026-03-02", "hospitalisation.frais_sejour", "100", base("100"), qty(2), sejour("S1")),
		claim("j2", "2026-03-04", "hospitalisation.frais_sejour", "100", base("100"), qty(2), sejour("S1")),
		claim("j3", "2026-05-02", "hospitalisation.frais_sejour", "100", base("100"), qty(2), sejour("S2")),
		claim("j4", "2026-06-02", "hospitalisation.frais_sejour", "100", base("100"), qty(5)),
	)
	wantAmounts(t, res, "80.00 20.00 0.00", "80.00 10.00 10.00", "80.00 20.00 0.00", "80.00 12.00 8.00")
	res = evalAll(t, src,
		claim("c1", "2026-03-02", "hospitalisation.chambre_particuliere", "100", sejour("S1")),
		claim("c2", "2026-03-03", "hospitalisation.chambre_particuliere", "100", sejour("S1")),
		claim("c3", "2026-04-03", "hospitalisation.chambre_particuliere", "100"),
		claim("c4", "2026-05-03", "hospitalisation.chambre_particuliere", "100", sejour("S2")),
		claim("c5", "2026-05-04", "hospitalisation.chambre_particuliere", "100", sejour("S1")),
	)
	wantAmounts(t, res, "0.00 100.00 0.00", "0.00 50.00 50.00", "0.00 100.00 0.00", "0.00 100.00 0.00", "0.00 100.00 0.00")
}

// TestTablesExplained: the explanation names what the new constructs did,
// from the same values: the participation left out of prev, the plafond
// per unit, and what au-dela paid beyond a used plafond (charged to none).
func TestTablesExplained(t *testing.T) {
	e := mustEngine(t, engine.Options{Explain: true}, contract(
		"hospitalisation.urgences: 100% BRSS",
		"audiologie.aide: frais reels, plafond 1700€ / oreille RO inclus",
		"dentaire.prothese: 300% BRSS, plafond 100€ / annee civile au-dela 100% BRSS",
	))
	res := e.Evaluate(numbered(
		claim("u1", "2026-03-02", "hospitalisation.urgences", "150", base("150"), participation("19.61")),
		claim("a1", "2026-03-02", "audiologie.aide", "4000", base("800"), qty(2)),
		claim("d1", "2026-03-02", "dentaire.prothese", "1000", base("120")),
		claim("d2", "2026-03-03", "dentaire.prothese", "1000", base("120")),
	))
	for i, want := range []string{
		"y compris RO: 150.00 minus RO brut 150.00 less the participation 19.61 = 19.61",
		"plafond 1700€ / oreille RO inclus: at most 2920.00 on this line: 600.00 less",
		"plafond 100€ / annee civile au-dela 100% BRSS (t.garantie:5, 2026): 100.00 available, 100.00 used, 0.00 left",
		"plafond 100€ / annee civile au-dela 100% BRSS: 48.00 on this line, more than the 0.00 the plafond left; the 48.00 beyond it are charged to no envelope",
	} {
		if !strings.Contains(strings.Join(res[i].Trace, "\n"), want) {
			t.Errorf("line %d: no %q in\n%s", i+1, want, strings.Join(res[i].Trace, "\n"))
		}
	}
}
