package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
)

// optiqueGridPrices warns that a frame or lens rule paying percentages
// cannot be checked against the optique grid.
var optiqueGridPrices = newRule(diag.Info{
	Code:     "R808",
	Title:    "optique grid depends on prices",
	Severity: diag.Warning,
	Doc: "CSS R871-2: the optique classe B grid bounds what the RC pays for an equipment in euros. A rule on `optique.monture` or `optique.verres` " +
		"that pays a share of prices beyond the ticket modérateur (a percentage above 100% BRSS in déduction mode, percentages on top of the RO that exceed the TM " +
		"in complément mode, a percentage of FR or `frais reels`) pays an amount that depends on the prices of each claim, so whether it stays within the grid cannot be decided " +
		"from the contract. A rule paying at most the ticket modérateur (`100% BRSS`, with or without forfaits) is not flagged: the TM is a share of the base, " +
		"negligible for classe B optique, and its forfaits are checked by R807. Add a `plafond` within the grid (without an `au-dela` paying a share of the frais past it), or use the TM and forfaits. The rules judged are all those that apply to claims on the poste: its own, a family's where none of its own holds, and those of postes declared below it.",
	Example: "responsable\noptique.verres: 100% BRSS + frais reels, max 1 equipement / 24 mois glissants",
}, true, func(p *check.Program, report reporter) {
	lo, hi := gridBounds(p)
	for _, r := range formulasUnder(p, monturePoste, verresPoste) {
		if r.Kind != check.FormulaRule || !beyondTM(p, r) {
			continue
		}
		l, capped := hasLimit(r, check.Plafond)
		if capped && euros(p, l.Amount).LessThanOrEqual(hi) && !auDelaFrais(p, r, l) {
			continue
		}
		advice := "add a plafond or use 100% BRSS and forfaits"
		if capped && auDelaFrais(p, r, l) {
			advice = "its plafond's au-dela pays a share of the frais past it; pay past it at most the ticket modérateur, or remove the au-dela"
		}
		report(r.Node.Range, "a contrat responsable covers an optique equipment between %s and %s (CSS R871-2); this rule for %s pays a share of prices beyond the ticket modérateur, so that cannot be decided statically: %s",
			euroText(lo), euroText(hi), r.Poste, advice)
	}
})
