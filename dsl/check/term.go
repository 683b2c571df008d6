package check

import (
	"strings"

	"garantie/dsl/ast"
)

// bases maps the normalised base words of a percentage to term kinds.
var bases = map[string]TermKind{"brss": PercentBRSS, "br": PercentBRSS, "tm": PercentTM, "fr": PercentFR}

// term checks one formula term.
func (c *checker) term(t ast.Term) (Term, bool) {
	switch t := t.(type) {
	case *ast.FraisReels:
		return Term{Kind: FraisReels, Range: t.Range}, true
	case *ast.Forfait:
		return c.forfait(t)
	case *ast.ValueTerm:
		switch symbolOf(t.Value) {
		case percentSymbol:
			return c.percentTerm(t)
		case moneySymbol:
			return c.perUnitTerm(t)
		}
		q := t.Value
		rep := c.report(codeNoSymbol, q.Range, "a formula term needs %% or €: write %s%% BRSS or %s€ / seance", q.Number.Raw, q.Number.Raw)
		if _, isBase := bases[wordOf(q)]; isBase {
			rep.Fix = insertAfter(q.Number.Range, "%")
		} else if t.Per != nil {
			rep.Fix = insertAfter(q.Number.Range, "€")
		}
	}
	return Term{}, false
}

// percentTerm checks "N% BASE".
func (c *checker) percentTerm(t *ast.ValueTerm) (Term, bool) {
	q := t.Value
	term := Term{Range: t.Range, Percent: q.Number.Value}
	word := wordOf(q)
	kind, known := bases[word]
	switch {
	case q.Word == nil:
		c.report(codeNoBase, q.Range, "a percentage needs a base: write %s%% BRSS (or TM, FR)", q.Number.Raw).Fix = insertAfter(q.Range, " BRSS")
		return term, false
	case word == "pmss":
		c.report(codePMSSOutsideEnvelope, q.Range, "a percentage of the PMSS is an envelope amount: write forfait %s%% PMSS / annee civile (or use it in a plafond)", q.Number.Raw).Fix =
			insertBefore(t.Range, "forfait ")
		return term, false
	case !known:
		s := closest(word, []string{"brss", "br", "tm", "fr", "pmss"})
		rep := c.report(codeUnknownBase, q.Word.Range, "unknown base %q%s (bases: BRSS or BR, TM, FR)", q.Word.Raw, didYouMean(strings.ToUpper(s)))
		if s != "" {
			rep.Fix = replace(q.Word.Range, strings.ToUpper(s))
		}
		return term, false
	}
	term.Kind = kind
	if t.Per != nil {
		c.report(codeMisplacedPer, t.Per.Range, "a percentage of the %s is paid on each claim and takes no \"/\"; remove it, or add a limit such as max 4 seances / annee civile", strings.ToUpper(word))
		return term, false
	}
	if !c.percentInRange(q) {
		return term, false
	}
	c.warnZero(q, "term")
	return term, true
}

// perUnitTerm checks "X€ / UNIT".
func (c *checker) perUnitTerm(t *ast.ValueTerm) (Term, bool) {
	q := t.Value
	term := Term{Kind: PerUnit, Range: t.Range, Amount: Amount{Euros: q.Number.Value}}
	if t.Per == nil {
		c.report(codeMoneyWithoutUnit, q.Range, "an amount of money needs a unit or a period: write %s€ / seance, or forfait %s€ / annee civile for an envelope", q.Number.Raw, q.Number.Raw)
		return term, false
	}
	ok := c.cents(q) && c.moneyInRange(q)
	kind, _, unit, problem := parsePer(t.Per)
	switch kind {
	case perUnit:
		term.Unit = unit
	case perPeriod:
		c.report(codeMisplacedPer, t.Per.Range, "an amount per period is an envelope: write forfait before it").Fix = insertBefore(t.Range, "forfait ")
		return term, false
	default:
		if t.Per.Count == nil && len(t.Per.Words) == 1 {
			w := t.Per.Words[0]
			s := closest(singular(w.Name), units)
			rep := c.report(codeUnknownUnit, w.Range, "unknown unit %q%s (units: seance, jour, acte, equipement, dent, oreille)", w.Raw, didYouMean(s))
			if s != "" {
				rep.Fix = replace(w.Range, s)
			}
		} else {
			c.reportPer(problem)
		}
		return term, false
	}
	c.warnZero(q, "term")
	return term, ok
}

// forfait checks "forfait AMOUNT / PERIOD [par famille]".
func (c *checker) forfait(f *ast.Forfait) (Term, bool) {
	term := Term{Kind: Forfait, Range: f.Range, ParFamille: f.ParFamille != nil}
	if f.Value == nil {
		return term, false
	}
	amount, ok := c.amount(f.Value, "forfait")
	term.Amount = amount
	if f.Per == nil {
		c.report(codeForfaitWithoutPeriod, f.Range, "a forfait needs a period: write forfait %s / annee civile or / 24 mois glissants", quantityText(f.Value)).Fix =
			insertAfter(f.Value.Range, " / annee civile")
		return term, false
	}
	period, pok := c.period(f.Per, "forfait")
	term.Period = period
	if ok {
		c.warnZero(f.Value, "forfait")
	}
	return term, ok && pok
}

// warnZero warns about a term whose value is 0: it pays nothing.
func (c *checker) warnZero(q *ast.Quantity, what string) {
	if q.Number.Value.Sign() <= 0 {
		c.report(codeZeroTerm, q.Range, "this %s pays nothing; write non couvert if the poste is not covered, or remove the term", what)
	}
}
