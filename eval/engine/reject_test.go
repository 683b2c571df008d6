package engine_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/eval/claims"
	"garantie/eval/engine"
)

func TestRejections(t *testing.T) {
	src := "contrat \"T\"\n" +
		"poste bien_etre \"Bien-être\"\n" +
		"poste bien_etre.yoga \"Yoga\"\n" +
		"optique.monture si age < 16: forfait 80€ / annee civile\n" +
		"optique.monture: forfait 100€ / annee civile\n" +
		"dentaire: carence 3 mois\n" +
		"dentaire.soins: 100% BRSS\n" +
		"bien_etre.yoga: 10€ / seance\n" +
		"consult: 100% BRSS\n"
	e := mustEngine(t, engine.Options{Workers: 1}, src)
	bad := claims.Claim{ID: "r1", Err: errors.New(`frais: "abc" is not an amount`)}
	res := e.Evaluate(numbered(
		claim("c1", "2026-01-10", "optique.monture", "60"),                                    // line 2
		claim("c2", "2026-01-10", "dentaire.soins", "60"),                                     // line 3
		claim("c3", "2026-01-10", "dentaire.soins", "60", adhesion("2025-01-01")),             // line 4
		claim("c3", "2026-01-11", "dentaire.soins", "60", adhesion("2025-01-01")),             // line 5
		claim("c4", "2026-01-10", "optique.verre", "60"),                                      // line 6
		claim("c5", "2026-01-10", "bien_etre.yoga", "10", assure("a2"), famille("f1")),        // line 7
		claim("c6", "2026-01-11", "bien_etre.yoga", "10", assure("a2"), famille("f2")),        // line 8
		claim("c7", "2026-01-11", "bien_etre.yoga", "10", assure("a2")),                       // line 9
		claim("c8", "2026-01-10", "consult.generaliste", "20", base("30"), taux(70), pf("0")), // line 10
		claim("c9", "2026-01-10", "consult.generaliste", "20", ro("25")),                      // line 11
		bad, // line 12
		claim("c10", "2026-01-10", "optique.monture", "60", naissance("2000-01-01")), // line 13
		claim("c11", "2026-01-12", "optique.monture", "60", naissance("2001-01-01")), // line 14
		claim("c12", "2026-01-12", "dentaire.soins", "60", adhesion("2025-02-01")),   // line 15
	))
	want := []string{
		"rule t.garantie:4 needs the age of the beneficiary: the line has no naissance",
		"rule t.garantie:6 needs an adhesion date: the line has no adhesion and the contract no effet",
		"",
		"duplicate id c3, first seen on line 4",
		`unknown poste "optique.verre": it is neither in the nomenclature nor declared by the contract`,
		"",
		"beneficiary a2 is in famille f2 here but in famille f1 on line 7",
		"beneficiary a2 is without famille here but in famille f1 on line 7",
		"RO net 21.00 exceeds frais 20.00",
		"RO net 25.00 exceeds frais 20.00",
		`frais: "abc" is not an amount`,
		"",
		"beneficiary a1 is born on 2001-01-01 here but on 2000-01-01 on line 13",
		"beneficiary a1 joined on 2025-02-01 here but on 2025-01-01 on line 4",
	}
	codes := []engine.RejectCode{engine.RejectNeedsNaissance, engine.RejectNeedsAdhesion, 0, engine.RejectDuplicateID,
		engine.RejectUnknownPoste, 0, engine.RejectFamilleConflict, engine.RejectFamilleConflict, engine.RejectRONetAboveFrais,
		engine.RejectRONetAboveFrais, engine.RejectInvalidLine, 0, engine.RejectNaissanceConflict, engine.RejectAdhesionConflict}
	var gotCodes []engine.RejectCode
	for _, r := range res {
		var c engine.RejectCode
		if r.Err != nil {
			c = r.Err.Code
		}
		gotCodes = append(gotCodes, c)
	}
	if diff := cmp.Diff(codes, gotCodes); diff != "" {
		t.Errorf("codes (-want +got):\n%s", diff)
	}
	var got []string
	for i, r := range res {
		got = append(got, errText(r))
		if r.Line != i+2 {
			t.Errorf("result %d has line %d, want %d", i, r.Line, i+2)
		}
		if r.Err != nil && (r.RC != 0 || len(r.Couches) != 0) {
			t.Errorf("line %d rejected but has RC %s and %d couches", r.Line, r.RC, len(r.Couches))
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// TestRejectedLineConsumesNothing: a line rejected after its RO is
// computed charges no envelope and no RO deduction cap.
func TestRejectedLineConsumesNothing(t *testing.T) {
	src := contract(
		"consult.generaliste: 100% BRSS + forfait 10€ / annee civile",
		"consult.generaliste si age < 16: 100% BRSS",
	)
	e := mustEngine(t, engine.Options{Workers: 1}, src)
	res := e.Evaluate(numbered(
		// Rejected: a rule needs the age.
		claim("c1", "2026-01-10", "consult.generaliste", "50", base("30")),
		claim("c2", "2026-01-10", "consult.generaliste", "50", base("30"), naissance("1980-01-01")),
		claim("c3", "2026-01-10", "consult.generaliste", "50", base("30"), naissance("1980-01-01")),
	))
	if res[0].Err == nil {
		t.Fatal("line without naissance was not rejected")
	}
	got := []amounts{amountsOf(res[1]), amountsOf(res[2])}
	want := []amounts{
		{"21.00", "2.00", "19.00", "19.00", "12.00"},
		{"21.00", "2.00", "19.00", "9.00", "22.00"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("amounts (-want +got):\n%s", diff)
	}
}

// TestRejectFamilyWithoutRate: a claim on a family whose postes have
// different RO rates (soins: kiné 60%, pharmacie 65%…) gives no rate to
// default to; with a base and neither taux nor ro it is rejected rather
// than given 0%, and with taux it is evaluated.
func TestRejectFamilyWithoutRate(t *testing.T) {
	e := mustEngine(t, engine.Options{Workers: 1}, contract("soins: 100% BRSS"))
	res := e.Evaluate(numbered(
		claim("c1", "2026-03-02", "soins", "40", base("40")),
		claim("c2", "2026-03-02", "soins", "40", base("40"), taux(60), assure("a2")),
		claim("c3", "2026-03-02", "soins", "40", assure("a3")),
	))
	if want := "the RO rate of soins depends on the act"; !strings.Contains(errText(res[0]), want) {
		t.Errorf("line without taux: error %q, want it to say %q", res[0].Err, want)
	}
	// 60% of 40 = 24; 100% BRSS pays the remaining 16.
	if res[1].Err != nil || res[1].RONet != eur("24") || res[1].RC != eur("16") {
		t.Errorf("line with taux: %+v", res[1])
	}
	// Without a base there is no RO to compute.
	if res[2].Err != nil || res[2].RC != eur("0") {
		t.Errorf("line without base: %+v", res[2])
	}
}

// TestRejectCodeNames: the codes' names are the "code" of the JSON
// results, a stable interface; each code has its own.
func TestRejectCodeNames(t *testing.T) {
	want := map[engine.RejectCode]string{
		engine.RejectInvalidLine: "invalid_line", engine.RejectDuplicateID: "duplicate_id",
		engine.RejectUnknownPoste: "unknown_poste", engine.RejectFamilleConflict: "famille_conflict",
		engine.RejectNaissanceConflict: "naissance_conflict", engine.RejectAdhesionConflict: "adhesion_conflict",
		engine.RejectNaissanceAfterCare: "naissance_after_care", engine.RejectNeedsNaissance: "needs_naissance",
		engine.RejectNeedsAdhesion: "needs_adhesion", engine.RejectNoRORate: "no_ro_rate",
		engine.RejectMixedRORate: "mixed_ro_rate", engine.RejectRONetAboveFrais: "ro_net_above_frais",
		engine.RejectNoReference: "no_reference",
	}
	for c, name := range want {
		if c.String() != name {
			t.Errorf("code %d is %q, want %q", c, c.String(), name)
		}
	}
	if s := engine.RejectCode(0).String(); s != "reject_code(0)" {
		t.Errorf("code 0 is %q", s)
	}
	motifs := map[engine.Motif]string{engine.MotifNone: "", engine.MotifNonCouvert: "non couvert", engine.MotifCarence: "carence",
		engine.MotifMaxAtteint: "max atteint", engine.MotifPlafondAtteint: "plafond atteint", engine.MotifForfaitEpuise: "forfait épuisé"}
	for m, text := range motifs {
		if m.String() != text {
			t.Errorf("motif %d is %q, want %q", m, m.String(), text)
		}
	}
}
