package check

import (
	"slices"
	"strings"

	"garantie/dsl/ast"
)

// bases maps the normalised base words of a percentage to term kinds.
var bases = map[string]TermKind{"brss": PercentBRSS, "br": PercentBRSS, "tm": PercentTM, "fr": PercentFR, "plv": PercentPLV, "hlf": PercentPLV}

// sante100Postes are the postes of the three 100% Santé baskets, on which
// (and under which) N% PLV may be written (LANGUAGE.md §1).
var sante100Postes = [...]string{"optique.equipement_100_sante", "dentaire.prothese_100_sante", "audiologie.aide_100_sante"}

// Sante100Postes returns the codes of the three 100% Santé postes. A
// term N% PLV is accepted only in a rule on one of them or on a poste
// declared under one of them.
func Sante100Postes() []string { return slices.Clone(sante100Postes[:]) }

// IsSante100 reports whether code is a 100% Santé poste or a poste under
// one.
func IsSante100(code string) bool {
	for _, p := range sante100Postes {
		if code == p || strings.HasPrefix(code, p+".") {
			return true
		}
	}
	return false
}

// term checks one formula term of a rule on poste.
func (c *checker) term(t ast.Term, poste string) (Term, bool) {
	switch t := t.(type) {
	case *ast.FraisReels:
		if t.ROInclus != nil {
			c.misplacedROInclus(t.ROInclus, "frais reels")
			return Term{}, false
		}
		return Term{Kind: FraisReels, Range: t.Range}, true
	case *ast.Forfait:
		return c.forfait(t)
	case *ast.ValueTerm:
		if t.ROInclus != nil {
			c.misplacedROInclus(t.ROInclus, "a "+valueTermNoun(t))
			return Term{}, false
		}
		switch symbolOf(t.Value) {
		case percentSymbol:
			return c.percentTerm(t, poste)
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

// valueTermNoun names a value term for messages.
func valueTermNoun(t *ast.ValueTerm) string {
	switch {
	case symbolOf(t.Value) == percentSymbol && t.Per == nil:
		return "percentage"
	case t.Per != nil:
		return "per-unit amount"
	}
	return "term"
}

// misplacedROInclus reports a "RO inclus" written after what, which is
// not a forfait or a plafond.
func (c *checker) misplacedROInclus(ro *ast.ROInclus, what string) {
	rep := c.report(codeMisplacedROInclus, ro.Range, "RO inclus belongs to a forfait or a plafond, not to %s", what)
	rep.Hint = "write it after the period of the envelope whose amount includes the RO, as in forfait 150€ / 24 mois glissants RO inclus"
}

// percentTerm checks "N% BASE" in a rule on poste.
func (c *checker) percentTerm(t *ast.ValueTerm, poste string) (Term, bool) {
	q := t.Value
	term := Term{Range: t.Range, Percent: q.Number.Value}
	word := wordOf(q)
	kind, known := bases[word]
	switch {
	case q.Word == nil:
		c.report(codeNoBase, q.Range, "a percentage needs a base: write %s%% BRSS (or TM, FR)", q.Number.Raw).Fix = insertAfter(q.Range, " BRSS")
		return term, false
	case word == "pmss" && t.Per != nil:
		return c.perUnitTerm(t)
	case word == "pmss":
		c.report(codePMSSOutsideEnvelope, q.Range, "a percentage of the PMSS is an amount of money: write forfait %s%% PMSS / annee civile for an envelope, or %s%% PMSS / jour per unit", q.Number.Raw, q.Number.Raw).Fix =
			insertBefore(t.Range, "forfait ")
		return term, false
	case !known:
		s := closest(word, []string{"brss", "br", "tm", "fr", "pmss", "plv", "hlf"})
		rep := c.report(codeUnknownBase, q.Word.Range, "unknown base %q%s (bases: BRSS or BR, TM, FR, PLV or HLF)", q.Word.Raw, didYouMean(strings.ToUpper(s)))
		if s != "" {
			rep.Fix = replace(q.Word.Range, strings.ToUpper(s))
		}
		return term, false
	case kind == PercentPLV && !IsSante100(poste):
		rep := c.report(codePLVOutsideSante100, q.Word.Range, "%s, the legal price limit of a 100%% Santé item, applies only on %s and the postes under them, not on %s",
			q.Word.Raw, strings.Join(sante100Postes[:], ", "), poste)
		rep.Hint = "write this term in a rule on a 100% Santé poste, or pay a percentage of the base here (N% BRSS)"
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

// perUnitTerm checks "X€ / UNIT" and "N% PMSS / UNIT".
func (c *checker) perUnitTerm(t *ast.ValueTerm) (Term, bool) {
	q := t.Value
	term := Term{Kind: PerUnit, Range: t.Range, Amount: Amount{Euros: q.Number.Value}}
	var ok bool
	if symbolOf(q) == percentSymbol {
		term.Amount = Amount{PMSSPercent: q.Number.Value, IsPMSS: true}
		ok = c.percentInRange(q)
	} else {
		if t.Per == nil {
			c.report(codeMoneyWithoutUnit, q.Range, "an amount of money needs a unit or a period: write %s€ / seance, or forfait %s€ / annee civile for an envelope", q.Number.Raw, q.Number.Raw)
			return term, false
		}
		ok = c.cents(q) && c.moneyInRange(q)
	}
	kind, _, unit, problem := parsePer(t.Per)
	switch kind {
	case perUnit:
		term.Unit = unit
	case perPeriod:
		code := codeMisplacedPer
		if term.Amount.IsPMSS {
			code = codePMSSOutsideEnvelope
		}
		c.report(code, t.Per.Range, "an amount per period is an envelope: write forfait before it").Fix = insertBefore(t.Range, "forfait ")
		return term, false
	default:
		if t.Per.Count == nil && len(t.Per.Words) == 1 {
			w := t.Per.Words[0]
			s := closest(singular(w.Name), units)
			rep := c.report(codeUnknownUnit, w.Range, "unknown unit %q%s ("+unitList+")", w.Raw, didYouMean(s))
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

// forfait checks "forfait AMOUNT [porte a …] / PERIOD [par famille] [RO
// inclus]", or "forfait NAME".
func (c *checker) forfait(f *ast.Forfait) (Term, bool) {
	if f.Name != nil {
		return c.namedForfait(f)
	}
	term := Term{Kind: Forfait, Range: f.Range, ParFamille: f.ParFamille != nil, ROInclus: f.ROInclus != nil}
	if f.Value == nil {
		return term, false
	}
	amount, ok := c.amount(f.Value, "forfait")
	term.Amount = amount
	if len(f.Raises) > 0 {
		raises, rok := c.raises(f.Raises, amount, "forfait")
		term.Raises, ok = raises, ok && rok
	}
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
