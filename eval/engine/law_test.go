package engine_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/eval/claims"
	"garantie/eval/engine"
)

// responsable prefixes rules with a header that declares a contrat
// responsable.
func responsable(rules ...string) string {
	return contract(append([]string{"responsable"}, rules...)...)
}

func horsParcours(c *claims.Claim) { c.Parcours = false }
func professionnel(p string) func(*claims.Claim) {
	return func(c *claims.Claim) { c.Professionnel = p }
}
func equipement(e string) func(*claims.Claim) { return func(c *claims.Claim) { c.Equipement = e } }
func verres(v claims.Verres) func(*claims.Claim) {
	return func(c *claims.Claim) { c.Verres = v }
}

// TestHorsParcoursResponsable is DOMAIN.md's GP visit at 30 € hors
// parcours (2026): RO 30% of 30 = 9.00 brut, PF 2.00, RO net 7.00. A
// responsable 100% BRSS counts RO brut as within the parcours, 70% of 30 =
// 21.00 (majoration 12.00): it pays 30 − 21 = 9.00, reste 30 − 7 − 9 =
// 14.00 (the PF and the majoration). Not responsable, it pays 30 − 9 =
// 21.00, reste 2.00.
func TestHorsParcoursResponsable(t *testing.T) {
	c := claim("c1", "2026-03-02", "consult.generaliste", "30", base("30"), horsParcours)
	res := evalAll(t, responsable("consult.generaliste: 100% BRSS"), c)
	if diff := cmp.Diff(amounts{"9.00", "2.00", "7.00", "9.00", "14.00"}, amountsOf(res[0])); diff != "" {
		t.Errorf("responsable (-want +got):\n%s", diff)
	}
	res = evalAll(t, contract("consult.generaliste: 100% BRSS"), c)
	if diff := cmp.Diff(amounts{"9.00", "2.00", "7.00", "21.00", "2.00"}, amountsOf(res[0])); diff != "" {
		t.Errorf("not responsable (-want +got):\n%s", diff)
	}
	// PF and majoration never paid, even by frais reels: left = 30 − 21.
	res = evalAll(t, responsable("consult.generaliste: frais reels"), c)
	if got := res[0].RC.String(); got != "9.00" {
		t.Errorf("frais reels responsable: RC %s, want 9.00", got)
	}
	// The TM term counts the majoration too: 100% TM of 30 − 21 = 9.00.
	res = evalAll(t, responsable("consult.generaliste: 100% TM"), c)
	if got := res[0].RC.String(); got != "9.00" {
		t.Errorf("100%% TM responsable: RC %s, want 9.00", got)
	}
}

// pfOf evaluates claims under a contract paying nothing and returns the
// PF of each line.
func pfOf(t *testing.T, cs ...claims.Claim) []string {
	t.Helper()
	var out []string
	for _, r := range evalAll(t, contract("consult: non couvert"), cs...) {
		out = append(out, r.PF.String())
	}
	return out
}

// TestPFDailyCapPerProfessional: 2026, PF 2.00 per consultation, at most
// 4 a day with one professional (8.00). Five visits to p1 on one day:
// 2, 2, 2, 2, then 0; a visit to p2 the same day: 2.00; a line without
// professionnel counts with the day's first professional (p1, full): 0.
// In 2023, PF 1.00, 4.00 a day: the fifth visit 0.
func TestPFDailyCapPerProfessional(t *testing.T) {
	var cs []claims.Claim
	for _, id := range []string{"a1", "a2", "a3", "a4", "a5"} {
		cs = append(cs, claim(id, "2026-03-02", "consult.generaliste", "30", base("30"), professionnel("p1")))
	}
	cs = append(cs, claim("b1", "2026-03-02", "consult.specialiste", "30", base("30"), professionnel("p2")),
		claim("c1", "2026-03-02", "consult.generaliste", "30", base("30")))
	want := []string{"2.00", "2.00", "2.00", "2.00", "0.00", "2.00", "0.00"}
	if diff := cmp.Diff(want, pfOf(t, cs...)); diff != "" {
		t.Errorf("2026 PF (-want +got):\n%s", diff)
	}
	var old []claims.Claim
	for _, id := range []string{"a1", "a2", "a3", "a4", "a5"} {
		old = append(old, claim(id, "2023-06-01", "consult.generaliste", "25", base("25"), professionnel("p1")))
	}
	if diff := cmp.Diff([]string{"1.00", "1.00", "1.00", "1.00", "0.00"}, pfOf(t, old...)); diff != "" {
		t.Errorf("2023 PF (-want +got):\n%s", diff)
	}
	// Lines without professionnel first: they and p1 are one professional.
	first := []claims.Claim{
		claim("a1", "2026-03-03", "consult.generaliste", "30", base("30")),
		claim("a2", "2026-03-03", "consult.generaliste", "30", base("30")),
		claim("a3", "2026-03-03", "consult.generaliste", "30", base("30"), professionnel("p1")),
		claim("a4", "2026-03-03", "consult.generaliste", "30", base("30"), professionnel("p1")),
		claim("a5", "2026-03-03", "consult.generaliste", "30", base("30"), professionnel("p1")),
		claim("a6", "2026-03-03", "consult.generaliste", "30", base("30"), professionnel("p2")),
	}
	if diff := cmp.Diff([]string{"2.00", "2.00", "2.00", "2.00", "0.00", "2.00"}, pfOf(t, first...)); diff != "" {
		t.Errorf("lines without professionnel (-want +got):\n%s", diff)
	}
}

// TestFranchiseCaps: paramedical franchise 0.50 € an act, 2.00 € a day
// before 2024-03-31 (the fifth act of a day pays 0); 1.00 €, 4.00 € a day
// from then. Kiné act, base 20, RO 60% = 12.00.
func TestFranchiseCaps(t *testing.T) {
	var cs []claims.Claim
	for _, d := range []string{"2024-01-10", "2024-04-10"} {
		for _, id := range []string{"a", "b", "c", "d", "e"} {
			cs = append(cs, claim(d+id, d, "soins.auxiliaires", "20", base("20")))
		}
	}
	var got []string
	for _, r := range evalAll(t, contract("soins: non couvert"), cs...) {
		got = append(got, r.PF.String())
	}
	want := []string{"0.50", "0.50", "0.50", "0.50", "0.00", "1.00", "1.00", "1.00", "1.00", "0.00"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("franchises (-want +got):\n%s", diff)
	}
}

// TestPFYearlyCap: 4 visits a day (8.00) for 7 days of 2026 reach 56.00
// without the 50.00 yearly cap: the 7th day withholds 2.00 on its first
// visit, then nothing.
func TestPFYearlyCap(t *testing.T) {
	var cs []claims.Claim
	for d := 1; d <= 7; d++ {
		for k := range 4 {
			cs = append(cs, claim(string(rune('a'+d))+string(rune('a'+k)), "2026-03-0"+string(rune('0'+d)), "consult.generaliste", "30", base("30")))
		}
	}
	var total int64
	got := pfOf(t, cs...)
	for _, r := range evalAll(t, contract("consult: non couvert"), cs...) {
		total += int64(r.PF)
	}
	if total != 5000 || got[24] != "2.00" || got[25] != "0.00" {
		t.Errorf("yearly PF %d cents, day 7 %v; want 5000, [2.00 0.00 ...]", total, got[24:])
	}
}

// TestPLV: hearing aid classe I, 2026, per ear: base 400, RO 60% = 240,
// PLV 950. 100% PLV pays 950 − 240 = 710 at 950 (reste 0); at 1,000 it
// pays 710 too, reste 50, motif prix au-dessus de la limite légale. Two
// ears: base 800, RO 480, limit 1,900: 1,420. Under 20 (born 2010): base
// and PLV 1,400, RO 840: 560. Without naissance the limit is unknown:
// the PLV term pays 0, motif limite légale inconnue.
func TestPLV(t *testing.T) {
	src := contract("audiologie.aide_100_sante: 100% PLV")
	res := mustEngine(t, engine.Options{Workers: 1}, src).Evaluate(numbered(
		claim("c1", "2026-03-02", "audiologie.aide_100_sante", "950", base("400"), naissance("1960-01-01")),
		claim("c2", "2026-03-02", "audiologie.aide_100_sante", "1000", base("400"), assure("a2"), naissance("1960-01-01")),
		claim("c3", "2026-03-02", "audiologie.aide_100_sante", "1900", base("800"), qty(2), assure("a3"), naissance("1960-01-01")),
		claim("c4", "2026-03-02", "audiologie.aide_100_sante", "1400", base("1400"), assure("a4"), naissance("2010-01-01")),
		claim("c5", "2026-03-02", "audiologie.aide_100_sante", "950", base("400"), assure("a5")),
	))
	want := []amounts{
		{"240.00", "0.00", "240.00", "710.00", "0.00"},
		{"240.00", "0.00", "240.00", "710.00", "50.00"},
		{"480.00", "0.00", "480.00", "1420.00", "0.00"},
		{"840.00", "0.00", "840.00", "560.00", "0.00"},
	}
	for i, w := range want {
		if res[i].Err != nil {
			t.Fatalf("line %d rejected: %s", i, res[i].Err)
		}
		if diff := cmp.Diff(w, amountsOf(res[i])); diff != "" {
			t.Errorf("line %d (-want +got):\n%s", i, diff)
		}
	}
	if m := res[1].Couches[0].Motif; m != engine.MotifPrixAuDessusLimite {
		t.Errorf("above the limit: motif %q", m)
	}
	if m := res[0].Couches[0].Motif; m != engine.MotifNone {
		t.Errorf("within the limit: motif %q", m)
	}
	if r := res[4]; r.Err != nil || r.RC != 0 || r.Couches[0].Motif != engine.MotifLimiteInconnue {
		t.Errorf("no naissance: RC %s, motif %q (%v), want 0.00, limite légale inconnue", r.RC, r.Couches[0].Motif, r.Err)
	}
	// Complément mode: 100% PLV = 950 on top of the RO, capped at what
	// is left, 710.
	res = evalAll(t, contract("mode complement", "audiologie.aide_100_sante: 100% PLV"),
		claim("c1", "2026-03-02", "audiologie.aide_100_sante", "950", base("400"), naissance("1960-01-01")))
	if got := res[0].RC.String(); got != "710.00" {
		t.Errorf("complément: RC %s, want 710.00", got)
	}
}

// TestPLVOptique: optique classe A equipment with simple lenses, 2026:
// base 34.50, RO 60% = 20.70, PLV 115: 100% PLV at 115 pays 94.30.
// Complex lenses: base 63, RO 37.80, PLV 210: 172.20. Without verres the
// PLV term pays 0 (limite légale inconnue).
func TestPLVOptique(t *testing.T) {
	src := contract("optique.equipement_100_sante: 100% PLV")
	res := mustEngine(t, engine.Options{Workers: 1}, src).Evaluate(numbered(
		claim("c1", "2026-03-02", "optique.equipement_100_sante", "115", base("34.50"), verres(claims.VerresSimple)),
		claim("c2", "2026-03-02", "optique.equipement_100_sante", "210", base("63"), verres(claims.VerresComplexe), assure("a2")),
		claim("c3", "2026-03-02", "optique.equipement_100_sante", "115", base("34.50"), assure("a3")),
	))
	for i, want := range []string{"94.30", "172.20"} {
		if res[i].Err != nil || res[i].RC.String() != want {
			t.Errorf("line %d: RC %s (%v), want %s", i, res[i].RC, res[i].Err, want)
		}
	}
	if r := res[2]; r.Err != nil || r.RC != 0 || r.Couches[0].Motif != engine.MotifLimiteInconnue {
		t.Errorf("no verres: RC %s, motif %q (%v), want 0.00, limite légale inconnue", r.RC, r.Couches[0].Motif, r.Err)
	}
}

// TestPMSSPerUnit: a private room at 1,5% PMSS / jour in 2026 (PMSS
// 4,005): 60.075 rounds to 60.08 a day; 3 days at 100 € pay 180.24. In
// 2023 (PMSS 3,666): 54.99 a day.
func TestPMSSPerUnit(t *testing.T) {
	src := contract("hospitalisation.chambre_particuliere: 1,5% PMSS / jour")
	res := evalAll(t, src,
		claim("c1", "2026-03-02", "hospitalisation.chambre_particuliere", "300", qty(3)),
		claim("c2", "2023-03-02", "hospitalisation.chambre_particuliere", "100", assure("a2")))
	if res[0].RC.String() != "180.24" || res[1].RC.String() != "54.99" {
		t.Errorf("RC %s and %s, want 180.24 and 54.99", res[0].RC, res[1].RC)
	}
}

// TestConditionsAldRembourseVerres: each new condition selects its rule.
func TestConditionsAldRembourseVerres(t *testing.T) {
	src := contract(
		"optique.verres si verres complexes: 100€ / acte",
		"optique.verres si verres tres complexes: 150€ / acte",
		"optique.verres: 50€ / acte",
		"soins.analyses si rembourse: 100% BRSS",
		"soins.analyses si non rembourse: 10€ / acte",
		"consult.generaliste si ald: 200% BRSS",
		"consult.generaliste: 100% BRSS",
	)
	ald := func(c *claims.Claim) { c.ALD = true }
	res := evalAll(t, src,
		claim("v1", "2026-03-02", "optique.verres", "300", verres(claims.VerresComplexe)),
		claim("v2", "2026-03-02", "optique.verres", "300", verres(claims.VerresTresComplexe), assure("a2")),
		claim("v3", "2026-03-02", "optique.verres", "300", verres(claims.VerresSimple), assure("a3")),
		claim("v4", "2026-03-02", "optique.verres", "300", assure("a4")),
		// Lab 2026, base 20, 60% = 12.00, PF 2.00: 100% BRSS pays 8.00.
		claim("l1", "2026-03-02", "soins.analyses", "20", base("20"), assure("a5")),
		claim("l2", "2026-03-02", "soins.analyses", "40", assure("a6")),
		// ALD: RO 100% of 30 = 30.00; 200% BRSS pays 60 − 30 = 30 of
		// the 40 left... frais 70: left 40, pays 30.
		claim("g1", "2026-03-02", "consult.generaliste", "70", base("30"), ald, assure("a7")),
	)
	var got []string
	for _, r := range res {
		got = append(got, r.RC.String())
	}
	want := []string{"100.00", "150.00", "50.00", "50.00", "8.00", "10.00", "30.00"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("RC (-want +got):\n%s", diff)
	}
}

// TestROInclus: LANGUAGE.md §1's frame at 366 € with a base of 0.15 €
// (RO 60% = 0.09) under forfait 150€ / 24 mois glissants RO inclus: the
// RO counts inside, so the forfait pays 150 − 0.09 = 149.91 and is
// charged 150.00: a second frame within the window gets 0. A plafond RO
// inclus: lenses at 80 € (base 10, RO 6): frais reels pays 74, within
// 100 − 6 = 94, charging 80; the next 80 € pays within 100 − 80 − 6 = 14.
func TestROInclus(t *testing.T) {
	src := contract(
		"optique.monture: forfait 150€ / 24 mois glissants RO inclus",
		"optique.lentilles: frais reels, plafond 100€ / annee civile RO inclus",
	)
	res := evalAll(t, src,
		claim("m1", "2026-03-02", "optique.monture", "366", base("0.15")),
		claim("m2", "2026-09-02", "optique.monture", "366", base("0.15")),
		claim("l1", "2026-03-03", "optique.lentilles", "80", base("10")),
		claim("l2", "2026-04-03", "optique.lentilles", "80", base("10")),
	)
	var got []string
	for _, r := range res {
		got = append(got, r.RC.String())
	}
	if diff := cmp.Diff([]string{"149.91", "0.00", "74.00", "14.00"}, got); diff != "" {
		t.Errorf("RC (-want +got):\n%s", diff)
	}
}

// TestEquipementCounter: max 1 equipement / 24 mois glissants counts
// equipments: the frame and two lenses of e1 are one, all paid; e2 five
// months later finds none left; a line without equipement is one of its
// own (none left either).
func TestEquipementCounter(t *testing.T) {
	src := contract("optique: max 1 equipement / 24 mois glissants", "optique.monture: frais reels", "optique.verres: frais reels")
	res := evalAll(t, src,
		claim("f1", "2026-01-10", "optique.monture", "100", equipement("e1")),
		claim("v1", "2026-01-10", "optique.verres", "150", equipement("e1"), qty(2)),
		claim("v2", "2026-01-20", "optique.verres", "150", equipement("e1")),
		claim("f2", "2026-06-10", "optique.monture", "100", equipement("e2")),
		claim("f3", "2026-07-10", "optique.monture", "100"),
	)
	var got []string
	for _, r := range res {
		got = append(got, r.RC.String())
	}
	if diff := cmp.Diff([]string{"100.00", "150.00", "150.00", "0.00", "0.00"}, got); diff != "" {
		t.Errorf("RC (-want +got):\n%s", diff)
	}
	if m := res[3].Couches[0].Motif; m != engine.MotifMaxAtteint {
		t.Errorf("second equipment: motif %q", m)
	}
	// Without ids, each line is an equipment: the lenses after the frame
	// find the counter used.
	res = evalAll(t, src,
		claim("f1", "2026-01-10", "optique.monture", "100"),
		claim("v1", "2026-01-10", "optique.verres", "150"))
	if res[1].RC != 0 {
		t.Errorf("lenses without equipement: RC %s, want 0", res[1].RC)
	}
}

// rcOf returns the RC of each result.
func rcOf(res []engine.Result) []string {
	var out []string
	for _, r := range res {
		out = append(out, r.RC.String())
	}
	return out
}

// TestLawSante100Floor: a responsable contract covering dental care only
// by "dentaire: 100% BRSS" on a 100% Santé crown, 2026: base 120, RO 60%
// = 72, HLF 500. The rule pays 120 − 72 = 48; the law pays the basket up
// to its limit: min(500, 500) − 72 = 428, reste 0, motif 100% Santé. At
// 550 € (above the HLF) it still pays 428: reste 50. Not responsable: 48.
func TestLawSante100Floor(t *testing.T) {
	cs := []claims.Claim{
		claim("c1", "2026-03-02", "dentaire.prothese_100_sante", "500", base("120")),
		claim("c2", "2026-03-02", "dentaire.prothese_100_sante", "550", base("120"), assure("a2")),
	}
	res := evalAll(t, responsable("dentaire: 100% BRSS"), cs...)
	if diff := cmp.Diff([]string{"428.00", "428.00"}, rcOf(res)); diff != "" {
		t.Errorf("responsable (-want +got):\n%s", diff)
	}
	if res[0].Reste != 0 || res[1].Reste != eur("50") {
		t.Errorf("reste %s and %s, want 0.00 and 50.00", res[0].Reste, res[1].Reste)
	}
	if m := res[0].Couches[0].Motif; m != engine.MotifPanier100Sante {
		t.Errorf("motif %q", m)
	}
	if got := rcOf(evalAll(t, contract("dentaire: 100% BRSS"), cs...)); got[0] != "48.00" {
		t.Errorf("not responsable: RC %s, want 48.00", got[0])
	}
}

// TestLawTicketModerateurFloor: soins.auxiliaires 100% BRSS under a
// plafond of 100 € a year, kiné acts of 200 (base 200, RO 60% = 120,
// franchise 1.00): TM 80. The first act pays 80, leaving 20 in the
// plafond; the second's rules pay 20, the law the TM in full, 80. A
// third act, with the plafond now at 0: still 80 (motif ticket
// modérateur). Not responsable: 80, 20, 0.
func TestLawTicketModerateurFloor(t *testing.T) {
	src := []string{"soins: plafond 100€ / annee civile", "soins.auxiliaires: 100% BRSS"}
	var cs []claims.Claim
	for _, d := range []string{"2026-03-02", "2026-03-09", "2026-03-16"} {
		cs = append(cs, claim(d, d, "soins.auxiliaires", "200", base("200")))
	}
	res := evalAll(t, responsable(src...), cs...)
	if diff := cmp.Diff([]string{"80.00", "80.00", "80.00"}, rcOf(res)); diff != "" {
		t.Errorf("responsable (-want +got):\n%s", diff)
	}
	if m := res[2].Couches[0].Motif; m != engine.MotifTicketModerateur {
		t.Errorf("motif %q", m)
	}
	if diff := cmp.Diff([]string{"80.00", "20.00", "0.00"}, rcOf(evalAll(t, contract(src...), cs...))); diff != "" {
		t.Errorf("not responsable (-want +got):\n%s", diff)
	}
}

// TestLawForfaitUrgencesFloor: passages aux urgences in 2026 (base 25.28,
// RO 100% = 25.28, forfait patient urgences 19.61 withheld: RO net 5.67)
// under "hospitalisation: 100% BRSS, plafond 100€ / annee civile". Each
// line's rule pays 25.28 − 5.67 = 19.61; five use 98.05 of the plafond,
// the sixth finds 1.95 left. A responsable contract pays the FPU in full
// by law: 19.61 (motif forfait patient urgences), and so in carence; a
// contract that is not responsable pays 1.95.
func TestLawForfaitUrgencesFloor(t *testing.T) {
	src := []string{
		"hospitalisation: 100% BRSS, plafond 100€ / annee civile",
		"hospitalisation.forfait_journalier: frais reels",
		"hospitalisation.frais_sejour: 100% BRSS",
		"hospitalisation.honoraires: 100% BRSS",
	}
	var cs []claims.Claim
	for m := 1; m <= 6; m++ {
		d := fmt.Sprintf("2026-%02d-10", m)
		cs = append(cs, claim(d, d, "hospitalisation.urgences", "25.28", base("25.28"), participation("19.61")))
	}
	res := evalAll(t, responsable(src...), cs...)
	want := []string{"19.61", "19.61", "19.61", "19.61", "19.61", "19.61"}
	if diff := cmp.Diff(want, rcOf(res)); diff != "" {
		t.Errorf("responsable (-want +got):\n%s", diff)
	}
	if m := res[5].Couches[0].Motif; m != engine.MotifForfaitUrgences || m.String() != "forfait patient urgences pris en charge par la loi" {
		t.Errorf("motif %q", m)
	}
	if res[5].Reste != 0 {
		t.Errorf("reste %s, want 0.00", res[5].Reste)
	}
	want[5] = "1.95"
	if diff := cmp.Diff(want, rcOf(evalAll(t, contract(src...), cs...))); diff != "" {
		t.Errorf("not responsable (-want +got):\n%s", diff)
	}
	// In carence (3 months from an adhesion of 2026-05-01): the rules pay
	// nothing, the law the FPU.
	withCarence := append(append([]string(nil), src...), "hospitalisation.urgences: 100% BRSS, carence 3 mois")
	late := claim("u", "2026-06-10", "hospitalisation.urgences", "25.28", base("25.28"), participation("19.61"), adhesion("2026-05-01"))
	if got := rcOf(evalAll(t, responsable(withCarence...), late)); got[0] != "19.61" {
		t.Errorf("responsable in carence: RC %s, want 19.61", got[0])
	}
}

// TestLawCeilings: the legal ceilings of a responsable contract.
//   - Non-OPTAM specialist, frais 100, base 30 (RO 21, PF 2), 300% BRSS:
//     the rule pays min(90 − 21, 79) = 69; RO + RC within 200% of the
//     base: 60 − 21 = 39 (motif plafond légal). OPTAM: 69.
//   - Classe II hearing aid under 20 (base 1,400, RO 60% = 840) at
//     2,400, frais reels: 1,560 by the rule, 1,700 − 840 = 860 by law;
//     20 and over (base 400, RO 240) at 2,000: 1,760, cut to 1,460.
//   - Classe B equipment e1 with simple lenses (grid max 420, frame 100),
//     frais reels, no base: frame 150 → 100; lenses 200 → 200 (420 − 100
//     leaves 320); lenses 200 → 120. Equipment e2, very complex lenses
//     (800): frame 90 → 90, lenses 400 → 400.
func TestLawCeilings(t *testing.T) {
	src := responsable(
		"consult.specialiste: 300% BRSS",
		"audiologie.aide: frais reels",
		"optique.monture: frais reels",
		"optique.verres: frais reels",
	)
	res := evalAll(t, src,
		claim("s1", "2026-03-02", "consult.specialiste", "100", base("30")),
		claim("s2", "2026-03-02", "consult.specialiste", "100", base("30"), optam, assure("a2")),
		claim("h1", "2026-03-02", "audiologie.aide", "2400", base("1400"), naissance("2010-01-01"), assure("a3")),
		claim("h2", "2026-03-02", "audiologie.aide", "2000", base("400"), naissance("1960-01-01"), assure("a4")),
		claim("f1", "2026-03-02", "optique.monture", "150", equipement("e1"), verres(claims.VerresSimple), assure("a5")),
		claim("v1", "2026-03-02", "optique.verres", "200", equipement("e1"), verres(claims.VerresSimple), assure("a5")),
		claim("v2", "2026-03-03", "optique.verres", "200", equipement("e1"), verres(claims.VerresSimple), assure("a5")),
		claim("f2", "2026-03-02", "optique.monture", "90", equipement("e2"), verres(claims.VerresTresComplexe), assure("a6")),
		claim("v3", "2026-03-02", "optique.verres", "400", equipement("e2"), verres(claims.VerresTresComplexe), assure("a6")),
	)
	want := []string{"39.00", "69.00", "860.00", "1460.00", "100.00", "200.00", "120.00", "90.00", "400.00"}
	if diff := cmp.Diff(want, rcOf(res)); diff != "" {
		t.Errorf("RC (-want +got):\n%s", diff)
	}
	for _, i := range []int{0, 2, 3, 4, 6} {
		if m := res[i].Couches[0].Motif; m != engine.MotifPlafondLegal {
			t.Errorf("line %s: motif %q, want plafond légal", res[i].ID, m)
		}
	}
}

// TestLawExplain: the --explain lines of the law, as an agent would read
// them to a member.
func TestLawExplain(t *testing.T) {
	e := mustEngine(t, engine.Options{Workers: 1, Explain: true}, responsable("consult.generaliste: 100% BRSS", "dentaire: 100% BRSS"))
	res := e.Evaluate(numbered(
		claim("c1", "2026-03-02", "consult.generaliste", "30", base("30"), horsParcours),
		claim("c2", "2026-03-02", "dentaire.prothese_100_sante", "500", base("120"), assure("a2")),
	))
	want := [][]string{{
		"RO: 30% of base 30.00 = RO brut 9.00, participation forfaitaire 2.00, RO net 7.00",
		"Test: contrat responsable: the hors-parcours majoration 12.00 is not paid: RO brut counted as 21.00, as within the parcours de soins",
		"Test: rule t.garantie:4 (consult.generaliste)",
		"100% BRSS of 30.00: 30.00",
		"y compris RO: 30.00 minus RO brut 21.00 = 9.00",
		"RC 9.00",
		"contrat responsable: the participation forfaitaire or franchise 2.00 withheld by the RO is not paid",
	}, {
		"RO: 60% of base 120.00 = RO brut 72.00, RO net 72.00",
		"Test: rule t.garantie:5 (dentaire)",
		"100% BRSS of 120.00: 120.00",
		"y compris RO: 120.00 minus RO brut 72.00 = 48.00",
		"RC 48.00",
		"100% Santé: paid up to the legal price limit by law: the lesser of frais and the limit 500.00, minus RO brut 72.00, is 428.00 (the rules paid 48.00)",
		"RC 428.00",
	}}
	for i, w := range want {
		if diff := cmp.Diff(w, res[i].Trace); diff != "" {
			t.Errorf("line %d trace (-want +got):\n%s", i, diff)
		}
	}
}

// TestROInclusExplain: the explanation of a forfait RO inclus says what
// counts inside it.
func TestROInclusExplain(t *testing.T) {
	e := mustEngine(t, engine.Options{Workers: 1, Explain: true}, contract("optique.monture: forfait 150€ / 24 mois glissants RO inclus"))
	res := e.Evaluate(numbered(claim("m1", "2026-03-02", "optique.monture", "366", base("0.15"))))
	want := "forfait 150€ / 24 mois glissants RO inclus (t.garantie:3, from 2026-03-02 to 2028-03-01): 150.00 available, RO inclus: 0.09 already paid on the line counts inside, 149.91 used, 0.00 left"
	if !slices.Contains(res[0].Trace, want) {
		t.Errorf("trace %q lacks %q", res[0].Trace, want)
	}
}
