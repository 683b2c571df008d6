package engine_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"garantie/dsl/check"
	"garantie/dsl/parser"
	"garantie/eval/claims"
	"garantie/eval/date"
	"garantie/eval/engine"
	"garantie/eval/money"
)

// mustCompile parses and checks a contract; the test fails on any error
// diagnostic. Lines of src are numbered from 1 in file "t.garantie".
func mustCompile(t testing.TB, src string) *check.Program {
	t.Helper()
	return mustCompileFile(t, "t.garantie", src)
}

func mustCompileFile(t testing.TB, name, src string) *check.Program {
	t.Helper()
	f, ds := parser.Parse(name, []byte(src))
	if ds.HasErrors() {
		t.Fatalf("parse %s:\n%v", name, ds)
	}
	prog, ds := check.Check(f, check.Regles())
	if ds.HasErrors() {
		t.Fatalf("check %s:\n%v", name, ds)
	}
	return prog
}

// errText returns the message of r's rejection, "" when r was evaluated.
func errText(r engine.Result) string {
	if r.Err == nil {
		return ""
	}
	return r.Err.Message
}

// mustEngine compiles contracts into an engine, the first one as the base
// layer.
func mustEngine(t testing.TB, opts engine.Options, srcs ...string) *engine.Engine {
	t.Helper()
	var progs []*check.Program
	for i, src := range srcs {
		name := "t.garantie"
		if i > 0 {
			name = "surco.garantie"
		}
		progs = append(progs, mustCompileFile(t, name, src))
	}
	e, err := engine.New(progs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// day parses a YYYY-MM-DD date.
func day(s string) date.Day {
	var y, m, d int
	if _, err := fmt.Sscanf(s, "%d-%d-%d", &y, &m, &d); err != nil {
		panic(err)
	}
	return date.DayOf(y, m, d)
}

// eur parses an amount in euros such as "12.50".
func eur(s string) money.Cents {
	return money.Cents(decimal.RequireFromString(s).Shift(2).IntPart())
}

// claim returns a claim with the defaults of the claims file (quantite 1,
// parcours true), beneficiary a1, modified by the options.
func claim(id, date, poste, frais string, opts ...func(*claims.Claim)) claims.Claim {
	c := claims.Claim{ID: id, Assure: "a1", Date: day(date), Poste: poste, Frais: eur(frais), Quantite: 1, Parcours: true}
	for _, o := range opts {
		o(&c)
	}
	return c
}

func base(s string) func(*claims.Claim) { return func(c *claims.Claim) { c.Base = eur(s) } }
func taux(pct int32) func(*claims.Claim) {
	return func(c *claims.Claim) { c.Taux, c.HasTaux = pct*100, true }
}
func ro(s string) func(*claims.Claim) { return func(c *claims.Claim) { c.RO, c.HasRO = eur(s), true } }
func pf(s string) func(*claims.Claim) { return func(c *claims.Claim) { c.PF, c.HasPF = eur(s), true } }
func qty(n int64) func(*claims.Claim) { return func(c *claims.Claim) { c.Quantite = n } }
func assure(a string) func(*claims.Claim) {
	return func(c *claims.Claim) { c.Assure = a }
}
func famille(f string) func(*claims.Claim) { return func(c *claims.Claim) { c.Famille = f } }
func naissance(s string) func(*claims.Claim) {
	return func(c *claims.Claim) { c.Naissance, c.HasNaiss = day(s), true }
}
func adhesion(s string) func(*claims.Claim) {
	return func(c *claims.Claim) { c.Adhesion, c.HasAdh = day(s), true }
}
func optam(c *claims.Claim) { c.Optam = true }

// numbered gives claims line numbers from 2, as in a file with a header.
func numbered(cs ...claims.Claim) []claims.Claim {
	for i := range cs {
		cs[i].Line, cs[i].Index = i+2, i
	}
	return cs
}

// contract prefixes rules with a header.
func contract(rules ...string) string {
	return "contrat \"Test\"\neffet 2020-01-01\n" + strings.Join(rules, "\n") + "\n"
}
