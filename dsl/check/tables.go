package check

import (
	"garantie/dsl/ast"
	"garantie/dsl/diag"
)

// The constructs of real tables (LANGUAGE.md and docs/language.md, "From
// the printed table to the file"): named enveloppes shared across postes,
// loyalty raises of an envelope's amount, what a rule pays beyond its
// plafond (au-dela), a reduced cover during the first months (limite) and
// a plafond per unit.

// enveloppes checks the "enveloppe NAME forfait …" declarations and
// records them in the program, before any rule draws on them.
func (c *checker) enveloppes(decls []*ast.Enveloppe) {
	for _, d := range decls {
		if d.Name == nil || d.Forfait == nil {
			continue
		}
		name := d.Name.Name
		if prev := c.enveloppe[name]; prev != nil {
			c.report(codeDuplicateEnveloppe, d.Name.Range, "enveloppe %s is declared twice; keep only one declaration", d.Name.Raw).Related =
				&diag.Related{Range: prev.Range, Message: "first declaration of " + name}
			continue
		}
		f := d.Forfait
		if f.Name != nil {
			c.report(codeEnveloppeShape, f.Name.Range, "an enveloppe declares its own amount: write enveloppe %s forfait 150€ / annee civile", d.Name.Raw)
			continue
		}
		term, ok := c.forfait(f)
		if !ok {
			continue
		}
		e := &Enveloppe{Name: name, Range: d.Range, Amount: term.Amount, Raises: term.Raises, Period: term.Period,
			ParFamille: term.ParFamille, ROInclus: term.ROInclus}
		c.enveloppe[name] = e
		c.prog.Enveloppes = append(c.prog.Enveloppes, e)
	}
}

// unusedEnveloppes warns about enveloppes no rule draws on.
func (c *checker) unusedEnveloppes() {
	for _, e := range c.prog.Enveloppes {
		if !e.Used {
			c.report(codeUnusedEnveloppe, e.Range, "no rule draws on enveloppe %s: write forfait %s in the rules it covers, or remove it", e.Name, e.Name)
		}
	}
}

// namedForfait checks "forfait NAME", a draw on a declared enveloppe.
func (c *checker) namedForfait(f *ast.Forfait) (Term, bool) {
	term := Term{Kind: Forfait, Range: f.Range}
	if f.Range.End != f.Name.Range.End {
		rep := c.report(codeEnveloppeShape, diag.Range{Start: f.Name.Range.End, End: f.Range.End},
			"forfait %s draws on the enveloppe declared in the header; its period, par famille, RO inclus and porte a are written there", f.Name.Raw)
		rep.Fix = replace(diag.Range{Start: f.Name.Range.End, End: f.Range.End}, "")
		return term, false
	}
	e := c.enveloppe[f.Name.Name]
	if e == nil {
		names := make([]string, len(c.prog.Enveloppes))
		for i, e := range c.prog.Enveloppes {
			names[i] = e.Name
		}
		s := closest(f.Name.Name, names)
		rep := c.report(codeUnknownEnveloppe, f.Name.Range, "unknown enveloppe %q%s", f.Name.Raw, didYouMean(s))
		rep.Hint = "declare it in the header: enveloppe " + f.Name.Raw + " forfait 150€ / annee civile"
		if s != "" {
			rep.Fix = replace(f.Name.Range, s)
		}
		return term, false
	}
	e.Used = true
	term.Enveloppe = e
	term.Amount, term.Raises, term.Period, term.ParFamille, term.ROInclus = e.Amount, e.Raises, e.Period, e.ParFamille, e.ROInclus
	return term, true
}

// raises checks the "porte a X€ si CONDITION" clauses of an envelope of
// amount base: same kind of amount, conditions on age and seniority only.
func (c *checker) raises(rs []*ast.Raise, base Amount, what string) ([]Raise, bool) {
	var out []Raise
	ok := true
	for _, r := range rs {
		amount, aok := c.amount(r.Value, what)
		if aok && amount.IsPMSS != base.IsPMSS {
			c.report(codeBadRaise, r.Value.Range, "porte a takes an amount of the same kind as the %s's: both in euros or both in %% PMSS", what)
			aok = false
		}
		region, cok := c.conditions(r.Conditions)
		for _, cd := range r.Conditions {
			if cok && cd.Subject != nil && cd.Subject.Name != "age" && cd.Subject.Name != "anciennete" &&
				cd.Subject.Name != "enfant" && cd.Subject.Name != "adulte" && cd.Subject.Name != "senior" {
				c.report(codeBadRaise, cd.Range, "porte a raises the %s for an age or a seniority (si anciennete >= 2 ans, si age >= 60), not for %s: the envelope is one for every line", what, condText(cd))
				cok = false
			}
		}
		ok = ok && aok && cok
		out = append(out, Raise{Amount: amount, Cond: region, Range: r.Range})
	}
	return out, ok
}

// auDela checks "au-dela FORMULE" on a plafond of a rule of kind kind.
func (c *checker) auDela(a *ast.AuDela, kind RuleKind, poste string) ([]Term, bool) {
	if kind != FormulaRule {
		c.report(codeMisplacedAuDela, a.Range, "au-dela continues the formula of the rule once its plafond is used; a rule without a formula has none to continue")
		return nil, false
	}
	return c.lineTerms(a.Terms, poste, codeMisplacedAuDela, "au-dela")
}

// lineTerms checks a formula paid per line (after au-dela or limite): no
// forfait, which would open an envelope of its own.
func (c *checker) lineTerms(ts []ast.Term, poste string, code diag.Code, what string) ([]Term, bool) {
	out := make([]Term, 0, len(ts))
	ok := true
	for _, t := range ts {
		if f, isForfait := t.(*ast.Forfait); isForfait {
			c.report(code, f.Range, "the formula after %s is paid per line; a forfait opens an envelope of its own: write a percentage or an amount per unit", what)
			ok = false
			continue
		}
		term, tok := c.term(t, poste)
		ok = ok && tok
		out = append(out, term)
	}
	return out, ok
}

// limite checks "limite FORMULE pendant N mois|jours".
func (c *checker) limite(l *ast.Limite, poste string) (Limit, bool) {
	limit := Limit{Kind: Limite, Range: l.Range}
	terms, ok := c.lineTerms(l.Terms, poste, codeBadLimite, "limite")
	limit.Terms = terms
	q := l.Duration
	if q == nil {
		return limit, false
	}
	n := q.Number.Value
	word := singular(wordOf(q))
	switch {
	case symbolOf(q) != noSymbol || !isWhole(n) || n.Sign() <= 0 || word != "mois" && word != "jour":
		c.report(codeBadLimite, q.Range, "limite lasts a whole number of months or days: write limite 100%% BRSS pendant 3 mois")
		return limit, false
	case word == "mois" && !atMost(q.Number, MaxMonths) || word == "jour" && !atMost(q.Number, MaxDays):
		c.report(codeDurationRange, q.Number.Range, "limite pendant %s is too long: at most 1200 mois or 36525 jours (100 years)", quantityText(q))
		return limit, false
	case word == "mois":
		limit.Duration.Months = int(n.IntPart())
	default:
		limit.Duration.Days = int(n.IntPart())
	}
	return limit, ok
}

// perUnitPlafond checks the rest of "plafond X€ / UNIT": no envelope.
func (c *checker) perUnitPlafond(p *ast.Plafond, limit *Limit, unit Unit) bool {
	limit.PerUnit = unit
	if p.ParFamille != nil {
		c.report(codePerUnitPlafond, p.ParFamille.Range, "a plafond per %s caps each line, not an envelope: it cannot be shared par famille", unit).Fix =
			replace(p.ParFamille.Range, "")
		return false
	}
	if limit.Amount.IsPMSS {
		c.report(codePerUnitPlafond, p.Value.Range, "a plafond per %s is in euros: write plafond 1700€ / %s", unit, unit)
		return false
	}
	return true
}
