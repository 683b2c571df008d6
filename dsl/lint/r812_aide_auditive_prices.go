package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// aideAuditivePrices warns that a hearing-aid rule paying percentages
// cannot be checked against the legal cap.
var aideAuditivePrices = newRule(diag.Info{
	Code:     "R812",
	Title:    "hearing aid cap depends on prices",
	Severity: diag.Warning,
	Doc: "CSS R871-2: a classe II hearing aid is covered up to 1,700 € per ear, RO included. A rule on `audiologie.aide` that pays a percentage or `frais reels` " +
		"without a `plafond` at most that amount pays what the prices of each claim make it, so compliance cannot be decided from the contract. Add such a plafond, or use a forfait.",
	Example: "responsable\naudiologie.aide: 400% BRSS, max 1 oreille / 48 mois glissants",
}, true, func(p *check.Program, report reporter) {
	ceiling := regles.AideAuditiveClasseIIMax()
	for _, r := range p.Rules {
		if r.Poste != aidePoste || r.Kind != check.FormulaRule || !dependsOnPrices(r) {
			continue
		}
		if l, capped := hasLimit(r, check.Plafond); capped && euros(p, l.Amount).LessThanOrEqual(ceiling) {
			continue
		}
		report(r.Node.Range, "a contrat responsable covers a classe II hearing aid up to %s per ear, RO included (CSS R871-2); this rule pays a share of prices, so that cannot be decided statically: add a plafond of at most %s or use a forfait",
			euroText(ceiling), euroText(ceiling))
	}
})
