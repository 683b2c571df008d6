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

// aideAgeLimit is the age from which the adult base applies.
const aideAgeLimit = 20

// aideBands returns the age bands of the classe II hearing aid base: the
// LPP base is 1,400 € per ear under 20 years of age and
// regles.AideAuditiveClasseIIBase (400 €) from 20 (DOMAIN.md, 100% Santé;
// CSS R871-2 caps the aid at 1,700 € per ear, RO included, whatever the
// age). The under-20 base is kept here until regles carries the bases of
// the 100% Santé baskets by age; this function is the one place to switch.
func aideBands() []aideBand {
	return []aideBand{
		{ages: check.Range(0, aideAgeLimit), who: "under 20", base: decimal.NewFromInt(1400)},
		{ages: check.Range(aideAgeLimit, check.Inf), who: "from 20", base: regles.AideAuditiveClasseIIBase()},
	}
}

// bandsOf returns the bands in which r is the formula rule of some claim
// on a classe II hearing aid: its conditions hold there and no more
// specific rule takes every such claim.
func bandsOf(p *check.Program, r *check.Rule) []aideBand {
	var out []aideBand
	for _, b := range aideBands() {
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
