package engine_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"garantie/eval/engine"
	"garantie/regles"
)

// outcome is a line's RC, or its rejection code.
type outcome struct {
	RC   string
	Code engine.RejectCode
}

func outcomes(res []engine.Result) []outcome {
	var out []outcome
	for _, r := range res {
		if r.Err != nil {
			out = append(out, outcome{Code: r.Err.Code})
			continue
		}
		out = append(out, outcome{RC: r.RC.String()})
	}
	return out
}

// TestSecondNaissanceRejectedAlone: a line giving a beneficiary a second
// birth date is rejected alone; the beneficiary's other lines, before and
// after it, keep the first date and are evaluated with it. A line without
// naissance stays one without (LANGUAGE.md §4): an age rule rejects it.
func TestSecondNaissanceRejectedAlone(t *testing.T) {
	src := contract("optique.monture si enfant: forfait 50€ / annee civile", "optique.monture: forfait 100€ / annee civile")
	for _, workers := range []int{1, 2} {
		e := mustEngine(t, engine.Options{Workers: workers}, src)
		res := e.Evaluate(numbered(
			claim("c1", "2026-01-10", "optique.monture", "20", naissance("2015-01-01")),
			claim("c2", "2026-01-11", "optique.monture", "20", naissance("1990-01-01")), // a second date
			claim("c3", "2026-01-12", "optique.monture", "20", naissance("2015-01-01")),
			claim("c4", "2026-01-13", "optique.monture", "20", naissance("2015-01-01")),
			claim("c5", "2026-01-09", "optique.monture", "20", naissance("2015-01-01")), // dated first
			claim("c6", "2026-01-13", "optique.monture", "20"),
		))
		want := []outcome{{RC: "20.00"}, {Code: engine.RejectNaissanceConflict}, {RC: "10.00"}, {RC: "0.00"}, {RC: "20.00"}, {Code: engine.RejectNeedsNaissance}}
		if diff := cmp.Diff(want, outcomes(res)); diff != "" {
			t.Errorf("workers %d (-want +got):\n%s", workers, diff)
		}
	}
}

// TestSecondAdhesionRejectedAlone: the same for a second adhesion date.
func TestSecondAdhesionRejectedAlone(t *testing.T) {
	src := "contrat \"T\"\ndentaire: carence 3 mois\ndentaire.soins: 100% BRSS\n"
	e := mustEngine(t, engine.Options{Workers: 1}, src)
	res := e.Evaluate(numbered(
		claim("c1", "2026-01-10", "dentaire.soins", "30", base("30"), taux(70), adhesion("2025-01-01")),
		claim("c2", "2026-01-11", "dentaire.soins", "30", base("30"), taux(70), adhesion("2026-01-01")),
		claim("c3", "2026-01-12", "dentaire.soins", "30", base("30"), taux(70), adhesion("2025-01-01")),
		claim("c4", "2026-01-13", "dentaire.soins", "30", base("30"), taux(70), adhesion("2025-01-01")),
		claim("c5", "2026-01-13", "dentaire.soins", "30", base("30"), taux(70)),
	))
	want := []outcome{{RC: "9.00"}, {Code: engine.RejectAdhesionConflict}, {RC: "9.00"}, {RC: "9.00"}, {Code: engine.RejectNeedsAdhesion}}
	if diff := cmp.Diff(want, outcomes(res)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNaissanceAfterCare: a birth date after the date of care rejects the
// line with its own code; it does not count as age 0.
func TestNaissanceAfterCare(t *testing.T) {
	e := mustEngine(t, engine.Options{Workers: 1}, contract("optique.monture si enfant: forfait 50€ / annee civile", "optique.monture: forfait 100€ / annee civile"))
	res := e.Evaluate(numbered(
		claim("c1", "2026-01-10", "optique.monture", "80", naissance("2026-01-11")),
		claim("c2", "2026-01-10", "optique.monture", "80", naissance("2026-01-10"), assure("a2")),
	))
	want := []outcome{{Code: engine.RejectNaissanceAfterCare}, {RC: "50.00"}}
	if diff := cmp.Diff(want, outcomes(res)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if msg := errText(res[0]); msg != "naissance 2026-01-11 is after the date of care 2026-01-10" {
		t.Errorf("message %q", msg)
	}
}

// noRates is the embedded reference data without any RO rate.
type noRates struct{ regles.Reference }

func (noRates) Taux(q regles.RateQuery) (decimal.Decimal, error) {
	return decimal.Decimal{}, fmt.Errorf("no RO rate for %s on %s", q.Poste, q.Date.Format("2006-01-02"))
}

// TestBaseZeroNeedsNoRate: a line whose base is 0 has RO brut 0 whatever
// the rate, so it is evaluated even when no rate is known; a line with a
// base is rejected for lack of one.
func TestBaseZeroNeedsNoRate(t *testing.T) {
	e := mustEngine(t, engine.Options{Workers: 1, Reference: noRates{regles.Default()}}, contract("consult: 100% BRSS + frais reels"))
	res := e.Evaluate(numbered(
		claim("c1", "2019-03-02", "consult.specialiste", "60"),
		claim("c2", "2019-03-02", "consult.specialiste", "60", base("30"), assure("a2")),
	))
	want := []outcome{{RC: "60.00"}, {Code: engine.RejectNoRORate}}
	if diff := cmp.Diff(want, outcomes(res)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if res[0].ROBrut != 0 || res[0].PF != 0 || res[0].RONet != 0 {
		t.Errorf("RO %s %s %s, want 0", res[0].ROBrut, res[0].PF, res[0].RONet)
	}
}

// TestTraceNoWindowOpened: a glissant forfait that draws nothing opens no
// window, and the explanation gives it no dates; one that draws does.
func TestTraceNoWindowOpened(t *testing.T) {
	src := contract("optique.monture: 100% FR + forfait 100€ / 24 mois glissants")
	got, _ := traceOf(t, []string{src}, claim("c1", "2026-03-02", "optique.monture", "60"))
	want := "forfait 100€ / 24 mois glissants (t.garantie:3, no window open): 100.00 available, 0.00 used (capped at the 0.00 left after the RO and the terms before), 100.00 left"
	if len(got[0]) < 5 || got[0][4] != want {
		t.Errorf("trace:\n%s\nwant line 5:\n%s", strings.Join(got[0], "\n"), want)
	}
	src = contract("optique.monture: forfait 100€ / 24 mois glissants")
	got, _ = traceOf(t, []string{src}, claim("c1", "2026-03-02", "optique.monture", "60"))
	want = "forfait 100€ / 24 mois glissants (t.garantie:3, from 2026-03-02 to 2028-03-01): 100.00 available, 60.00 used (capped at the 60.00 left after the RO), 40.00 left"
	if !slices.Contains(got[0], want) {
		t.Errorf("trace:\n%s\nwant a line:\n%s", strings.Join(got[0], "\n"), want)
	}
}

// TestLayerAdhesion: one adhesion column serves every layer; a
// surcomplémentaire's adhesion is the later of the line's and its own
// effet, so one that took effect in 2026 keeps its carence for a member of
// the base contract since 2020.
func TestLayerAdhesion(t *testing.T) {
	base := "contrat \"Base\"\neffet 2020-01-01\noptique.monture: forfait 50€ / annee civile\n"
	surco := "contrat \"Surco\"\neffet 2026-01-01\noptique.monture: forfait 100€ / annee civile, carence 3 mois\n"
	e := mustEngine(t, engine.Options{Workers: 1}, base, surco)
	res := e.Evaluate(numbered(
		claim("c1", "2026-02-01", "optique.monture", "200", adhesion("2020-06-01")),
		claim("c2", "2026-04-01", "optique.monture", "200", adhesion("2020-06-01"), assure("a2")),
		claim("c3", "2026-04-01", "optique.monture", "200", adhesion("2026-02-01"), assure("a3")),
	))
	var got [][]engine.Motif
	var rcs []string
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("line %d rejected: %v", r.Line, r.Err)
		}
		got = append(got, []engine.Motif{r.Couches[0].Motif, r.Couches[1].Motif})
		rcs = append(rcs, r.Couches[0].RC.String()+"+"+r.Couches[1].RC.String())
	}
	// c1: in the surco's carence (2026-01-01 + 3 months); c2: after it;
	// c3: joined 2026-02-01, in carence until 2026-05-01.
	if diff := cmp.Diff([]string{"50.00+0.00", "50.00+100.00", "50.00+0.00"}, rcs); diff != "" {
		t.Errorf("RC (-want +got):\n%s", diff)
	}
	if got[0][1] != engine.MotifCarence || got[2][1] != engine.MotifCarence {
		t.Errorf("motifs %v, want carence for the surco on lines 1 and 3", got)
	}
}

// TestFirstLayerAdhesionBeforeEffet: the first layer's adhesion is the
// line's, even before the contract's effet (a member of an earlier version
// of the contract keeps their seniority).
func TestFirstLayerAdhesionBeforeEffet(t *testing.T) {
	src := "contrat \"T\"\neffet 2026-01-01\ndentaire.implant: 500€ / acte\ndentaire.implant si anciennete >= 2 ans: 700€ / acte\n"
	e := mustEngine(t, engine.Options{Workers: 1}, src)
	res := e.Evaluate(numbered(claim("c1", "2026-02-01", "dentaire.implant", "1800", adhesion("2022-03-01"))))
	if diff := cmp.Diff([]outcome{{RC: "700.00"}}, outcomes(res)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
