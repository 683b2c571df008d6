package engine_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/dsl/check"
	"garantie/dsl/parser"
	"garantie/eval/engine"
)

func TestNewErrors(t *testing.T) {
	if _, err := engine.New(nil, engine.Options{}); err == nil {
		t.Error("New without layers did not fail")
	}
	ok := mustCompile(t, contract("consult: 100% BRSS"))
	if _, err := engine.New([]*check.Program{ok, nil}, engine.Options{}); err == nil || !strings.Contains(err.Error(), "layer 2 is nil") {
		t.Errorf("New with a nil layer: err = %v", err)
	}
	bad := *ok
	bad.Rules = []*check.Rule{{Poste: "nulle.part", Depth: 2, Line: 3, Kind: check.FormulaRule, Cond: check.Everything()}}
	if _, err := engine.New([]*check.Program{&bad}, engine.Options{}); err == nil || !strings.Contains(err.Error(), `unknown poste "nulle.part"`) {
		t.Errorf("New with an unknown poste: err = %v", err)
	}
	bad.Rules = []*check.Rule{{Poste: "consult", Depth: 1, Line: 3, Kind: check.FormulaRule, Cond: check.Everything(),
		Terms: []check.Term{{Kind: check.Forfait, Period: check.Period{Kind: check.Glissant}}}}}
	if _, err := engine.New([]*check.Program{&bad}, engine.Options{}); err == nil || !strings.Contains(err.Error(), "invalid period") {
		t.Errorf("New with a period of 0 months: err = %v", err)
	}
	if _, err := engine.New([]*check.Program{{Name: "Nu"}}, engine.Options{}); err == nil || !strings.Contains(err.Error(), "incomplete") {
		t.Errorf("New with a program that Check did not make: err = %v", err)
	}
}

// TestNewRefusesIncomplete gives New a program whose check reported an
// error: the broken rule is left out of it, and evaluating it would pay
// that poste 0 "non couvert" with no word.
func TestNewRefusesIncomplete(t *testing.T) {
	f, ds := parser.Parse("t.garantie", []byte(contract("consult: 100% BRSS", "dentaire.prothese: 50% PLOUF")))
	prog, cds := check.Check(f, check.Regles())
	if ds.HasErrors() || !cds.HasErrors() {
		t.Fatalf("want a parse without error and a check with one:\n%v\n%v", ds, cds)
	}
	if prog.Complete() {
		t.Fatal("a program with check errors says it is complete")
	}
	if _, err := engine.New([]*check.Program{prog}, engine.Options{}); err == nil || !strings.Contains(err.Error(), "layer 1 (Test) is incomplete") {
		t.Errorf("New with an incomplete program: err = %v", err)
	}
	if ok := mustCompile(t, contract("consult: 100% BRSS")); !ok.Complete() {
		t.Error("a program without error is not complete")
	}
}

// TestSessionReusesResults streams two batches through one Session with
// the same output slice, as a CLI does, and checks the state carries over.
func TestSessionReusesResults(t *testing.T) {
	e := mustEngine(t, engine.Options{Workers: 2}, contract("optique.monture: forfait 100€ / annee civile"))
	s := e.NewSession()
	out := make([]engine.Result, 2)
	s.Evaluate(numbered(claim("c1", "2026-01-10", "optique.monture", "60")), out)
	if out[0].RC != eur("60") {
		t.Fatalf("first batch RC = %s, want 60.00", out[0].RC)
	}
	s.Evaluate(numbered(claim("c2", "2026-02-10", "optique.monture", "60"), claim("c1", "2026-02-11", "optique.monture", "60")), out)
	if out[0].RC != eur("40") || len(out[0].Couches) != 1 || out[0].Couches[0].RC != eur("40") {
		t.Errorf("second batch: RC %s couches %v, want 40.00", out[0].RC, out[0].Couches)
	}
	if want := "duplicate id c1, first seen on line 2"; errText(out[1]) != want {
		t.Errorf("id seen in an earlier batch: err %q, want %q", errText(out[1]), want)
	}
}

func TestDeclaredPosteOutsideNomenclature(t *testing.T) {
	src := "contrat \"T\"\nposte bien_etre \"Bien-être\"\nposte bien_etre.yoga \"Yoga\"\nbien_etre: 50% FR\n"
	res := evalAll(t, src, claim("c1", "2026-01-10", "bien_etre.yoga", "30", base("30")))
	if diff := cmp.Diff(amounts{"0.00", "0.00", "0.00", "15.00", "15.00"}, amountsOf(res[0])); diff != "" {
		t.Error(diff)
	}
}

func TestInvalidClaims(t *testing.T) {
	e := mustEngine(t, engine.Options{Workers: 1}, contract("consult: 100% BRSS"))
	res := e.Evaluate(numbered(
		claim("c1", "2026-01-10", "consult", "30", qty(0)),
		claim("c2", "2026-01-10", "consult", "-1"),
	))
	for _, r := range res {
		if r.Err == nil {
			t.Errorf("line %d accepted", r.Line)
		}
	}
}

func TestTraceReasons(t *testing.T) {
	src := contract(
		"dentaire: carence 6 mois",
		"dentaire.soins: 100% BRSS",
		"prestations.cure_thermale: non couvert",
		"medecine_douce.osteopathie: 40€ / seance, max 1 seance / annee civile",
	)
	e := mustEngine(t, engine.Options{Workers: 1, Explain: true}, src)
	res := e.Evaluate(numbered(
		claim("c1", "2020-03-01", "dentaire.soins", "30", base("30"), taux(70)),
		claim("c2", "2026-03-01", "prestations.cure_thermale", "30"),
		claim("c3", "2026-03-01", "optique.monture", "30"),
		claim("c4", "2026-03-01", "medecine_douce.osteopathie", "30"),
		claim("c5", "2026-03-02", "medecine_douce.osteopathie", "30"),
	))
	want := []string{
		"carence 6 mois (t.garantie:3): care before 2020-07-01, pays 0.00",
		"non couvert: pays 0.00",
		"Test: no rule for optique.monture: non couvert, pays 0.00",
		"max 1 seance / annee civile (t.garantie:6, 2026): 1st of 1",
		"max 1 seance / annee civile (t.garantie:6, 2026): 1 of 1 seance already used, nothing covered",
	}
	for i, r := range res {
		if !slices.Contains(r.Trace, want[i]) {
			t.Errorf("line %d trace %q lacks %q", r.Line, r.Trace, want[i])
		}
	}
}
