package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// montureMax checks that a classe B frame is covered up to 100 € at most.
var montureMax = newRule(diag.Info{
	Code:     "R806",
	Title:    "optique frame above the legal cap",
	Severity: diag.Error,
	Doc: "CSS R871-2: within the amounts of the optique grid, a contrat responsable covers a classe B frame up to 100 € at most (`regles.MontureClasseBMax`). " +
		"Each per-unit amount and forfait of a rule on `optique.monture` must be at most that amount (a percentage of the PMSS is converted at the contract's effet; " +
		"a forfait RO inclus is compared as written, the RO on a classe B frame being a few cents), whatever the rule's conditions on the lenses. The rules judged are all those that apply to claims on the poste: its own, a family's where none of its own holds, and those of postes declared below it.",
	Example: "responsable\noptique.monture: forfait 150€ / 24 mois glissants",
}, true, func(p *check.Program, report reporter) {
	ceiling := regles.MontureClasseBMax()
	for _, r := range formulasUnder(p, monturePoste) {
		for _, t := range r.Terms {
			if t.Kind != check.PerUnit && t.Kind != check.Forfait {
				continue
			}
			if amount := euros(p, t.Amount); amount.GreaterThan(ceiling) {
				report(t.Range, "a contrat responsable covers a classe B frame up to %s (CSS R871-2), but this rule pays up to %s; lower it to %s",
					euroText(ceiling), euroText(amount), euroText(ceiling))
			}
		}
	}
})
