package lint

import (
	"slices"

	"github.com/shopspring/decimal"

	"garantie/dsl/check"
	"garantie/regles"
)

// aideBand is an age band with its own RO base for a classe II hearing
// aid, per ear.
type aideBand struct {
	ages check.IntSet
	who  string // "under 20", "from 20"
	base decimal.Decimal
}

// aideAgeLimit is the age from which the adult base applies
// (regles.AideAuditiveAgeAdulte).
const aideAgeLimit = 20

// aideBands returns the age bands of the classe II hearing aid base at
// the contract's reference date: the LPP base per ear is
// regles.AideAuditiveBaseMoins20 (1,400 €) under 20 years of age and
// regles.AideAuditiveBase (400 €) from 20 (CSS R871-2 caps the aid at
// 1,700 € per ear, RO included, whatever the age).
func aideBands(p *check.Program) []aideBand {
	return []aideBand{
		{ages: check.Range(0, aideAgeLimit), who: "under 20", base: valueAt(p, regles.AideAuditiveBaseMoins20)},
		{ages: check.Range(aideAgeLimit, check.Inf), who: "from 20", base: valueAt(p, regles.AideAuditiveBase)},
	}
}

// valueAt returns a reference value at the contract's reference date, or
// its first value when the contract takes effect before it.
func valueAt(p *check.Program, name regles.Name) decimal.Decimal {
	if v, err := regles.Value(name, referenceDate(p)); err == nil {
		return v
	}
	return regles.History(name)[0].Amount
}

// bandsOf returns the bands in which r is the formula rule of some claim
// on a classe II hearing aid: its conditions hold there and no more
// specific rule takes every such claim.
func bandsOf(p *check.Program, r *check.Rule) []aideBand {
	var out []aideBand
	for _, b := range aideBands(p) {
		if slices.ContainsFunc(claimPostes(p), func(code string) bool { return under(code, aidePoste) && appliesInBand(p, r, code, b) }) {
			out = append(out, b)
		}
	}
	return out
}

// appliesInBand reports whether r is the formula rule of some claim on
// code by a beneficiary whose age is in band b.
func appliesInBand(p *check.Program, r *check.Rule, code string, b aideBand) bool {
	cands := pathRules(p, code)
	for _, pt := range points(cands, aideAgeLimit) {
		if f, _ := applying(cands, pt); f == r && b.ages.Contains(pt.Age) {
			return true
		}
	}
	return false
}

// roOn returns what the RO pays on base for a rule's poste at the
// reference date.
func roOn(p *check.Program, r *check.Rule, base decimal.Decimal) decimal.Decimal {
	return base.Mul(roRate(p, r.Poste)).Div(hundred).Round(2)
}

// aideTotal returns what the RO (ro on base, one ear) and a rule paying
// the ticket modérateur at most plus fixed amounts reach together on a
// classe II hearing aid: the RO and the percentage terms reach their share
// of the base; each per-unit amount (one unit) and forfait comes on top,
// except a forfait RO inclus, which brings the total up to its amount at
// most (it includes the RO and the terms before it, which are taken to
// be the percentages); a plafond caps what the rule adds to the RO, and a
// plafond RO inclus caps the RO and the rule together, except that past a
// plafond with `au-dela` the rule pays the greater of the plafond's room
// and its au-dela formula.
func aideTotal(p *check.Program, r *check.Rule, base, ro decimal.Decimal) decimal.Decimal {
	total := base.Mul(coverageOf(p, r).reach).Div(hundred).Round(2)
	for _, t := range r.Terms {
		switch {
		case t.Kind == check.Forfait && t.ROInclus:
			total = decimal.Max(total, euros(p, t.Amount))
		case t.Kind == check.PerUnit || t.Kind == check.Forfait:
			total = total.Add(euros(p, t.Amount))
		}
	}
	for _, l := range r.Limits {
		capped := total
		switch {
		case l.Kind == check.Plafond && l.ROInclus:
			capped = decimal.Min(total, decimal.Max(ro, euros(p, l.Amount)))
		case l.Kind == check.Plafond:
			capped = decimal.Min(total, ro.Add(euros(p, l.Amount)))
		}
		if len(l.AuDela) > 0 {
			// Past the plafond the rule pays its au-dela formula, never
			// more than it would have without the plafond (§10.3).
			capped = decimal.Max(capped, decimal.Min(total, auDelaTotal(p, r, l.AuDela, base)))
		}
		total = capped
	}
	return total
}

// auDelaTotal returns what the RO and an au-dela formula reach together on
// a classe II hearing aid of base (one ear): a share of the base, per-unit
// amounts on top; a share of the frais has no bound (the largest decimal
// the check allows stands for it).
func auDelaTotal(p *check.Program, r *check.Rule, terms []check.Term, base decimal.Decimal) decimal.Decimal {
	cv := termsCoverage(p, terms, r.Poste)
	if cv.frais {
		return unbounded
	}
	total := base.Mul(cv.reach).Div(hundred).Round(2)
	for _, t := range terms {
		if t.Kind == check.PerUnit {
			total = total.Add(euros(p, t.Amount))
		}
	}
	return total
}

// unbounded stands for an amount without bound in the totals of the
// hearing aid rules: more than any amount a contract may write.
var unbounded = decimal.New(1, 30)
