package lint

import (
	"github.com/shopspring/decimal"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// forfaitPatientUrgences checks that a contrat responsable pays the forfait
// patient urgences wherever a rule applies to it.
var forfaitPatientUrgences = newRule(diag.Info{
	Code:     "R816",
	Title:    "forfait patient urgences not covered",
	Severity: diag.Error,
	Doc: "CSS L871-1 and R871-2: since 2022 a passage aux urgences not followed by a stay is paid in full by the RO less the forfait patient urgences " +
		"(19.61 €, claim column `participation`), which replaced its ticket modérateur, and a contrat responsable pays it " +
		"(`regles.ParticipationObligatoire`). For the formula the RO counts as what it paid before the participation is withheld less that participation, " +
		"so a rule pays the forfait when it reaches 100% of the base in deduction mode (`100% BRSS`), pays a share of the frais (`frais reels`, `100% FR`), " +
		"or pays fixed amounts (per-unit amounts, forfaits, not judged here). The formula rule that applies to a claim on `hospitalisation.urgences` " +
		"(its own, or `hospitalisation`'s where none of its own holds) must pay it, and may not be `non couvert`; a percentage of the TM pays nothing, since the RO leaves no TM. " +
		"A contract with no rule for these claims is R813's concern.",
	Example: "responsable\nhospitalisation: 80% BRSS",
}, true, func(p *check.Program, report reporter) {
	seen := map[*check.Rule]bool{}
	for _, code := range claimPostes(p) {
		if !regles.ParticipationObligatoire(code) {
			continue
		}
		for _, a := range pathRules(p, code).at() {
			r := a.formula
			if r == nil || seen[r] || paysParticipation(p, r) {
				continue
			}
			seen[r] = true
			what := "is non couvert"
			if r.Kind != check.NonCouvertRule {
				what = "reaches " + brssPercent(r).String() + "% of the base in " + p.Mode.String() + " mode"
			}
			report(r.Node.Range, "a contrat responsable pays the forfait patient urgences the RO withholds (CSS R871-2), but this rule for %s %s and leaves it unpaid%s; write at least 100%% BRSS",
				code, what, alsoFrom(r, code))
		}
	}
})

// brssPercent is the sum of the rule's percentages of the base.
func brssPercent(r *check.Rule) decimal.Decimal {
	sum := decimal.Zero
	for _, t := range r.Terms {
		if t.Kind == check.PercentBRSS {
			sum = sum.Add(t.Percent)
		}
	}
	return sum
}

// paysParticipation reports whether a formula rule pays the participation
// of a claim whose RO pays the whole base less that participation: in
// deduction mode with 100% of the base, in complement mode with any
// percentage of it on top of the RO, or with frais reels, 100% FR or
// fixed amounts.
func paysParticipation(p *check.Program, r *check.Rule) bool {
	if r.Kind == check.NonCouvertRule {
		return false
	}
	for _, t := range r.Terms {
		switch {
		case t.Kind == check.FraisReels, t.Kind == check.PerUnit, t.Kind == check.Forfait,
			t.Kind == check.PercentFR && t.Percent.GreaterThanOrEqual(hundred):
			return true
		}
	}
	if p.Mode == check.Complement {
		return brssPercent(r).Sign() > 0
	}
	return brssPercent(r).GreaterThanOrEqual(hundred)
}
