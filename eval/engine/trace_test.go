package engine_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/eval/claims"
	"garantie/eval/engine"
)

func TestTrace(t *testing.T) {
	src := contract(
		"consult.specialiste: 200% BRSS",
		"optique.monture: forfait 100€ / 24 mois glissants",
		"medecine_douce: plafond 150€ / annee civile",
		"medecine_douce.osteopathie: 40€ / seance, max 4 seances / annee civile",
	)
	e := mustEngine(t, engine.Options{Workers: 1, Explain: true}, src)
	res := e.Evaluate(numbered(
		claim("c1", "2026-03-02", "consult.specialiste", "60", base("30")),
		claim("c2", "2026-03-02", "optique.monture", "60"),
		claim("c3", "2026-04-02", "medecine_douce.osteopathie", "60"),
		claim("c4", "2026-04-03", "medecine_douce.osteopathie", "60", qty(4)),
	))
	want := [][]string{
		{
			"RO: 70% of base 30.00 = RO brut 21.00, participation forfaitaire 2.00, RO net 19.00",
			"Test: rule t.garantie:3 (consult.specialiste)",
			"200% BRSS of 30.00: 60.00",
			"y compris RO: 60.00 minus RO brut 21.00 = 39.00",
			"RC 39.00",
		},
		{
			"RO: no base, RO net 0.00",
			"Test: rule t.garantie:4 (optique.monture)",
			"forfait 100€ / 24 mois glissants (t.garantie:4, from 2026-03-02 to 2028-03-01): 100.00 available, 60.00 used (capped at the 60.00 left after the RO), 40.00 left",
			"RC 60.00",
		},
		{
			"RO: no base, RO net 0.00",
			"Test: rule t.garantie:6 (medecine_douce.osteopathie)",
			"40€ / seance: 40.00 (60.00 left after the RO)",
			"plafond 150€ / annee civile (t.garantie:5, 2026): 150.00 available, 40.00 used, 110.00 left",
			"max 4 seances / annee civile (t.garantie:6, 2026): 1st of 4",
			"RC 40.00",
		},
		{
			"RO: no base, RO net 0.00",
			"Test: rule t.garantie:6 (medecine_douce.osteopathie)",
			"3 of 4 units covered: frais 45.00, base 0.00, RO brut 0.00",
			"40€ / seance: 45.00 (45.00 left after the RO)",
			"plafond 150€ / annee civile (t.garantie:5, 2026): 110.00 available, 45.00 used, 65.00 left",
			"max 4 seances / annee civile (t.garantie:6, 2026): 2nd to 4th of 4",
			"RC 45.00",
		},
	}
	var got [][]string
	for _, r := range res {
		got = append(got, r.Trace)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
	for _, r := range mustEngine(t, engine.Options{Workers: 1}, src).Evaluate(numbered(claim("c1", "2026-03-02", "optique.monture", "60"))) {
		if r.Trace != nil {
			t.Errorf("trace without Explain: %s", strings.Join(r.Trace, "; "))
		}
	}
}

// traceOf evaluates claims with explanations and returns the trace and
// the motif of the first layer of each line.
func traceOf(t *testing.T, srcs []string, cs ...claims.Claim) ([][]string, []engine.Motif) {
	t.Helper()
	e := mustEngine(t, engine.Options{Workers: 1, Explain: true}, srcs...)
	var traces [][]string
	var motifs []engine.Motif
	for _, r := range e.Evaluate(numbered(cs...)) {
		if r.Err != nil {
			t.Fatalf("line %d rejected: %s", r.Line, r.Err)
		}
		traces = append(traces, r.Trace)
		motifs = append(motifs, r.Couches[0].Motif)
	}
	return traces, motifs
}

// TestTracePlafondCut: a plafond's cut is explained term by term, last
// money term first and the percentage part last (§3 step 6), and the
// money terms are listed in textual order with what they finally paid.
func TestTracePlafondCut(t *testing.T) {
	// Percentage part 90, then forfait 20, 20€ / seance 20 and frais reels
	// 110: 240 against a plafond of 70, a cut of 170.
	src := contract("soins.auxiliaires: 100% BRSS + forfait 20€ / annee civile + 20€ / seance + frais reels, plafond 70€ / annee civile")
	got, motifs := traceOf(t, []string{src}, claim("c1", "2026-03-02", "soins.auxiliaires", "240", base("90"), ro("0")))
	want := [][]string{{
		"RO net 0.00 from the claim, franchise paramédicale 0.00: RO brut 0.00",
		"Test: rule t.garantie:3 (soins.auxiliaires)",
		"100% BRSS of 90.00: 90.00",
		"y compris RO: 90.00 minus RO brut 0.00 = 90.00",
		"forfait 20€ / annee civile (t.garantie:3, 2026): 20.00 available, 0.00 used (would have paid 20.00 without the plafond), 20.00 left",
		"20€ / seance: 0.00 (would have paid 20.00 without the plafond; 130.00 left after the RO and the terms before)",
		"frais reels: 0.00 (would have paid 110.00 without the plafond; 110.00 left after the RO and the terms before)",
		"plafond 70€ / annee civile (t.garantie:3, 2026): 70.00 available: cut 170.00 (110.00 from frais reels, 20.00 from 20€ / seance, 20.00 from forfait 20€ / annee civile, 20.00 from the percentage part)",
		"plafond 70€ / annee civile (t.garantie:3, 2026): 70.00 available, 70.00 used, 0.00 left",
		"RC 70.00",
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
	if motifs[0] != engine.MotifNone {
		t.Errorf("motif %q, want none", motifs[0])
	}
}

// TestTraceLimitOnlyPlafond: the rule's own plafond cuts first, then the
// limit-only rule's; a layer cut to 0 is "plafond atteint".
func TestTraceLimitOnlyPlafond(t *testing.T) {
	src := contract(
		"medecine_douce: plafond 50€ / annee civile",
		"medecine_douce.osteopathie: 40€ / seance, plafond 60€ / annee civile",
	)
	got, motifs := traceOf(t, []string{src},
		claim("c1", "2026-03-02", "medecine_douce.osteopathie", "100", qty(2)),
		claim("c2", "2026-03-03", "medecine_douce.osteopathie", "60"),
	)
	want := [][]string{
		{
			"RO: no base, RO net 0.00",
			"Test: rule t.garantie:4 (medecine_douce.osteopathie)",
			"40€ / seance: 50.00 (would have paid 80.00 without the plafonds; 100.00 left after the RO)",
			"plafond 60€ / annee civile (t.garantie:4, 2026): 60.00 available: cut 20.00 (20.00 from 40€ / seance)",
			"plafond 60€ / annee civile (t.garantie:4, 2026): 60.00 available, 50.00 used, 10.00 left",
			"plafond 50€ / annee civile (t.garantie:3, 2026): 50.00 available: cut 10.00 (10.00 from 40€ / seance)",
			"plafond 50€ / annee civile (t.garantie:3, 2026): 50.00 available, 50.00 used, 0.00 left",
			"RC 50.00",
		},
		{
			"RO: no base, RO net 0.00",
			"Test: rule t.garantie:4 (medecine_douce.osteopathie)",
			"40€ / seance: 0.00 (would have paid 40.00 without the plafonds; 60.00 left after the RO)",
			"plafond 60€ / annee civile (t.garantie:4, 2026): 10.00 available: cut 30.00 (30.00 from 40€ / seance)",
			"plafond 60€ / annee civile (t.garantie:4, 2026): 10.00 available, 0.00 used, 10.00 left",
			"plafond 50€ / annee civile (t.garantie:3, 2026): 0.00 available: cut 10.00 (10.00 from 40€ / seance)",
			"plafond 50€ / annee civile (t.garantie:3, 2026): 0.00 available, 0.00 used, 0.00 left",
			"RC 0.00",
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]engine.Motif{engine.MotifNone, engine.MotifPlafondAtteint}, motifs); diff != "" {
		t.Errorf("motifs (-want +got):\n%s", diff)
	}
}

// TestTraceLayers: in a later layer, what is deducted is the RO brut and
// what earlier layers paid, each named.
func TestTraceLayers(t *testing.T) {
	base0 := contract("consult.specialiste: 150% BRSS")
	surco := "contrat \"Surco\"\neffet 2020-01-01\nconsult.specialiste: 220% BRSS + 10€ / acte\n"
	got, _ := traceOf(t, []string{base0, surco},
		claim("c1", "2026-03-02", "consult.specialiste", "100", base("30")),
		claim("c2", "2026-03-03", "consult.specialiste", "50", base("30")),
	)
	want := [][]string{
		{
			"RO: 70% of base 30.00 = RO brut 21.00, participation forfaitaire 2.00, RO net 19.00",
			"Test: rule t.garantie:3 (consult.specialiste)",
			"150% BRSS of 30.00: 45.00",
			"y compris RO: 45.00 minus RO brut 21.00 = 24.00",
			"RC 24.00",
			"Surco: rule surco.garantie:3 (consult.specialiste)",
			"220% BRSS of 30.00: 66.00",
			"y compris RO: 66.00 minus RO brut 21.00 and earlier layers 24.00 = 21.00",
			"10€ / acte: 10.00 (34.00 left after the RO, earlier layers and the terms before)",
			"RC 31.00",
		},
		{
			"RO: 70% of base 30.00 = RO brut 21.00, participation forfaitaire 2.00, RO net 19.00",
			"Test: rule t.garantie:3 (consult.specialiste)",
			"150% BRSS of 30.00: 45.00",
			"y compris RO: 45.00 minus RO brut 21.00 = 24.00",
			"RC 24.00",
			"Surco: rule surco.garantie:3 (consult.specialiste)",
			"220% BRSS of 30.00: 66.00",
			"y compris RO: 66.00 minus RO brut 21.00 and earlier layers 24.00 = 21.00",
			"percentage part 21.00 capped at the 5.00 left after the RO and earlier layers",
			"10€ / acte: 0.00 (0.00 left after the RO, earlier layers and the terms before)",
			"RC 5.00",
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
}

// TestTracePercentagePart: the total of the percentage part is stated
// when no other line gives it: TM terms with BRSS, or complément mode.
func TestTracePercentagePart(t *testing.T) {
	deduction := contract("consult.specialiste: 100% BRSS + 50% TM")
	complement := "contrat \"Complement\"\neffet 2020-01-01\nmode complement\nconsult.specialiste: 50% BRSS + 20% FR\n"
	c := claim("c1", "2026-03-02", "consult.specialiste", "60", base("30"))
	got, _ := traceOf(t, []string{deduction}, c)
	want := []string{
		"RO: 70% of base 30.00 = RO brut 21.00, participation forfaitaire 2.00, RO net 19.00",
		"Test: rule t.garantie:3 (consult.specialiste)",
		"100% BRSS of 30.00: 30.00",
		"50% TM of 9.00: 4.50",
		"y compris RO: 30.00 minus RO brut 21.00 = 9.00",
		"percentage part: 13.50",
		"RC 13.50",
	}
	if diff := cmp.Diff(want, got[0]); diff != "" {
		t.Errorf("déduction (-want +got):\n%s", diff)
	}
	got, _ = traceOf(t, []string{complement}, c)
	want = []string{
		"RO: 70% of base 30.00 = RO brut 21.00, participation forfaitaire 2.00, RO net 19.00",
		"Complement: rule t.garantie:4 (consult.specialiste)",
		"50% BRSS of 30.00: 15.00",
		"20% FR of 60.00: 12.00",
		"percentage part: 27.00",
		"RC 27.00",
	}
	if diff := cmp.Diff(want, got[0]); diff != "" {
		t.Errorf("complément (-want +got):\n%s", diff)
	}
}

// TestForfaitEpuise: a layer whose only money would come from an empty
// forfait says so in its Motif; not when nothing was left to pay, nor
// when another term paid.
func TestForfaitEpuise(t *testing.T) {
	src := contract(
		"optique.monture: forfait 100€ / annee civile",
		"optique.verres: 100% BRSS + forfait 50€ / annee civile",
	)
	got, motifs := traceOf(t, []string{src},
		claim("c1", "2026-03-02", "optique.monture", "120"),
		claim("c2", "2026-04-02", "optique.monture", "80"),
		claim("c3", "2026-05-02", "optique.monture", "80", ro("80")),
		claim("c4", "2026-03-02", "optique.verres", "60", base("0"), ro("0")),
		claim("c5", "2026-04-02", "optique.verres", "60", base("20"), ro("0")),
	)
	if diff := cmp.Diff([]engine.Motif{engine.MotifNone, engine.MotifForfaitEpuise, engine.MotifNone, engine.MotifNone, engine.MotifNone}, motifs); diff != "" {
		t.Errorf("motifs (-want +got):\n%s", diff)
	}
	want := []string{
		"RO: no base, RO net 0.00",
		"Test: rule t.garantie:3 (optique.monture)",
		"forfait 100€ / annee civile (t.garantie:3, 2026): 0.00 available, 0.00 used, 0.00 left",
		"RC 0.00",
	}
	if diff := cmp.Diff(want, got[1]); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
	if s := engine.MotifForfaitEpuise.String(); s != "forfait épuisé" {
		t.Errorf("MotifForfaitEpuise = %q", s)
	}
}

// TestTracePeriodSingular: a period or count of one is written in the
// singular; "2 ans glissants" is shown in months.
func TestTracePeriodSingular(t *testing.T) {
	src := contract("optique.monture: forfait 100€ / 1 mois glissants, max 1 equipement / 2 ans glissants")
	got, _ := traceOf(t, []string{src},
		claim("c1", "2026-01-31", "optique.monture", "60"),
		claim("c2", "2026-02-10", "optique.monture", "60"),
	)
	want := [][]string{
		{
			"RO: no base, RO net 0.00",
			"Test: rule t.garantie:3 (optique.monture)",
			"forfait 100€ / 1 mois glissant (t.garantie:3, from 2026-01-31 to 2026-02-27): 100.00 available, 60.00 used (capped at the 60.00 left after the RO), 40.00 left",
			"max 1 equipement / 24 mois glissants (t.garantie:3, from 2026-01-31 to 2028-01-30): 1st of 1",
			"RC 60.00",
		},
		{
			"RO: no base, RO net 0.00",
			"Test: rule t.garantie:3 (optique.monture)",
			"max 1 equipement / 24 mois glissants (t.garantie:3, from 2026-01-31 to 2028-01-30): 1 of 1 equipement already used, nothing covered",
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
}
