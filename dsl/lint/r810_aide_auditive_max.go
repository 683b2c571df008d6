package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// aidePoste is the poste of classe II hearing aids (outside 100% Santé),
// which the R871-2 cap and renewal rules govern.
const aidePoste = "audiologie.aide"

// aideAuditiveMax checks that a classe II hearing aid is covered up to
// 1,700 € per ear at most.
var aideAuditiveMax = newRule(diag.Info{
	Code:     "R810",
	Title:    "hearing aid above the legal cap",
	Severity: diag.Error,
	Doc: "CSS R871-2: a contrat responsable covers a classe II hearing aid up to 1,700 € per ear, RO included (`regles.AideAuditiveClasseIIMax`). " +
		"The base de remboursement of a classe II aid is fixed by the LPP at 400 € per ear for adults (`regles.AideAuditiveClasseIIBase`), so a rule on `audiologie.aide` " +
		"that pays the ticket modérateur at most plus fixed amounts is decided exactly: RO and the percentage terms reach their percentage of 400 € " +
		"(400 € for `100% BRSS`, the RO's 60% alone for forfaits alone), and the per-unit amounts and forfaits come on top; the total must be at most 1,700 €. " +
		"A rule paying a share of prices beyond the ticket modérateur (R812) is flagged when one of its per-unit amounts or forfaits alone exceeds the cap.",
	Example: "responsable\naudiologie.aide: forfait 1800€ / 48 mois glissants",
}, true, func(p *check.Program, report reporter) {
	ceiling := regles.AideAuditiveClasseIIMax()
	base := regles.AideAuditiveClasseIIBase()
	for _, r := range p.Rules {
		if r.Poste != aidePoste || r.Kind != check.FormulaRule {
			continue
		}
		if !beyondTM(p, r) {
			withRO := base.Mul(coverageOf(p, r).reach).Div(hundred).Round(2)
			fixed := fixedAmount(p, r)
			if total := withRO.Add(fixed); total.GreaterThan(ceiling) {
				report(r.Node.Range, "a contrat responsable covers a classe II hearing aid up to %s per ear, RO included (CSS R871-2), but on its %s base the RO and this rule reach %s (%s through the RO and the percentages, plus %s of fixed amounts); lower the fixed amounts to %s at most",
					euroText(ceiling), euroText(base), euroText(total), euroText(withRO), euroText(fixed), euroText(ceiling.Sub(withRO)))
			}
			continue
		}
		for _, t := range r.Terms {
			if t.Kind != check.PerUnit && t.Kind != check.Forfait {
				continue
			}
			if amount := euros(p, t.Amount); amount.GreaterThan(ceiling) {
				report(t.Range, "a contrat responsable covers a classe II hearing aid up to %s per ear, RO included (CSS R871-2), but this rule pays up to %s; lower it below %s minus the RO part",
					euroText(ceiling), euroText(amount), euroText(ceiling))
			}
		}
	}
})
