package check

import (
	"garantie/dsl/ast"
)

// limit checks one limit of a garantie of rule r (its kind and poste
// are set).
func (c *checker) limit(l ast.Limit, r *Rule) (Limit, bool) {
	switch l := l.(type) {
	case *ast.Max:
		return c.max(l)
	case *ast.Plafond:
		return c.plafond(l, r)
	case *ast.Carence:
		return c.carence(l)
	case *ast.Limite:
		return c.limite(l, r.Poste)
	}
	return Limit{}, false
}

// max checks "max N UNIT / PERIOD": a whole count of a unit per period.
func (c *checker) max(m *ast.Max) (Limit, bool) {
	limit := Limit{Kind: Max, Range: m.Range}
	q := m.Value
	if m.ROInclus != nil {
		c.misplacedROInclus(m.ROInclus, "a max, which counts units")
		return limit, false
	}
	if q == nil {
		return limit, false
	}
	if symbolOf(q) != noSymbol {
		rep := c.report(codeMaxNotCount, q.Range, "max takes a count of units such as max 4 seances / annee civile; for money use plafond %s / …", quantityText(q))
		if m.Keyword != nil {
			rep.Fix = replace(m.Keyword.Range, "plafond")
		}
		return limit, false
	}
	ok := true
	switch {
	case !isWhole(q.Number.Value):
		c.report(codeBadCount, q.Number.Range, "max counts whole units, not %s: write max 4 seances / annee civile", q.Number.Raw)
		ok = false
	case !atMost(q.Number, MaxCount):
		c.report(codeCountRange, q.Number.Range, "max %s is too large: a count is at most 1000000", q.Number.Raw)
		ok = false
	default:
		limit.Count = q.Number.Value.IntPart()
	}
	switch unit, known := unitOf(wordOf(q)); {
	case q.Word == nil:
		c.report(codeBadCount, q.Range, "max needs a unit after its count: write max %s seances / annee civile", q.Number.Raw)
		ok = false
	case !known:
		s := closest(singular(q.Word.Name), units)
		rep := c.report(codeUnknownUnit, q.Word.Range, "unknown unit %q%s ("+unitList+")", q.Word.Raw, didYouMean(s))
		if s != "" {
			rep.Fix = replace(q.Word.Range, s)
		}
		ok = false
	default:
		limit.Unit = unit
	}
	if m.Per == nil {
		c.report(codeLimitWithoutPeriod, m.Range, "max needs a period: write max %s / annee civile", quantityText(q)).Fix = insertAfter(q.Range, " / annee civile")
		return limit, false
	}
	period, pok := c.period(m.Per, "max")
	limit.Period = period
	return limit, ok && pok
}

// plafond checks "plafond AMOUNT [porte a …] / PERIOD [par famille] [RO
// inclus] [au-dela FORMULE]", or "plafond X€ / UNIT".
func (c *checker) plafond(p *ast.Plafond, r *Rule) (Limit, bool) {
	limit := Limit{Kind: Plafond, Range: p.Range, ParFamille: p.ParFamille != nil, ROInclus: p.ROInclus != nil}
	q := p.Value
	if q == nil {
		return limit, false
	}
	if _, isUnit := unitOf(wordOf(q)); symbolOf(q) == noSymbol && isUnit {
		rep := c.report(codePlafondNotMoney, q.Range, "plafond takes an amount of money such as plafond 150€ / annee civile; for a count of units use max %s / …", quantityText(q))
		if p.Keyword != nil {
			rep.Fix = replace(p.Keyword.Range, "max")
		}
		return limit, false
	}
	amount, ok := c.amount(q, "plafond")
	limit.Amount = amount
	if len(p.Raises) > 0 {
		raises, rok := c.raises(p.Raises, amount, "plafond")
		limit.Raises, ok = raises, ok && rok
	}
	if p.AuDela != nil {
		terms, aok := c.auDela(p.AuDela, r.Kind, r.Poste)
		limit.AuDela, ok = terms, ok && aok
	}
	if p.Per == nil {
		c.report(codeLimitWithoutPeriod, p.Range, "plafond needs a period: write plafond %s / annee civile", quantityText(q)).Fix = insertAfter(q.Range, " / annee civile")
		return limit, false
	}
	if kind, _, unit, _ := parsePer(p.Per); kind == perUnit {
		return limit, c.perUnitPlafond(p, &limit, unit) && ok
	}
	period, pok := c.period(p.Per, "plafond")
	limit.Period = period
	return limit, ok && pok
}

// carence checks "carence N mois|jours".
func (c *checker) carence(k *ast.Carence) (Limit, bool) {
	limit := Limit{Kind: Carence, Range: k.Range}
	q := k.Value
	if k.ROInclus != nil {
		c.misplacedROInclus(k.ROInclus, "a carence")
		return limit, false
	}
	if q == nil {
		return limit, false
	}
	n := q.Number.Value
	word := singular(wordOf(q))
	if symbolOf(q) != noSymbol || !isWhole(n) || word != "mois" && word != "jour" {
		c.report(codeBadCarence, q.Range, "carence takes a whole number of months or days, such as carence 6 mois or carence 90 jours")
		return limit, false
	}
	if word == "mois" && !atMost(q.Number, MaxMonths) || word == "jour" && !atMost(q.Number, MaxDays) {
		c.report(codeDurationRange, q.Number.Range, "carence %s is too long: a carence is at most 1200 mois or 36525 jours (100 years)", quantityText(q))
		return limit, false
	}
	if word == "mois" {
		limit.Duration.Months = int(n.IntPart())
	} else {
		limit.Duration.Days = int(n.IntPart())
	}
	return limit, true
}
