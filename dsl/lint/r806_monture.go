package lint

import (
	"github.com/shopspring/decimal"

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
		"a forfait RO inclus is compared as written, the RO on a classe B frame being a few cents), whatever the rule's conditions on the lenses, " +
		"unless a `plafond` of the same rule at most that amount bounds what the rule pays on a frame: per equipment (`forfait lunettes, plafond 100€ / equipement`, " +
		"a frame drawing on an envelope shared with its lenses, as tables print \"monture + 2 verres: 150 €, monture limitée à 100 €\") or over a period. The rules judged are all those that apply to claims on the poste: its own, a family's where none of its own holds, and those of postes declared below it.",
	Example: "responsable\noptique.monture: forfait 150€ / 24 mois glissants",
}, true, func(p *check.Program, report reporter) {
	ceiling := regles.MontureClasseBMax()
	for _, r := range formulasUnder(p, monturePoste) {
		if bounded, ok := plafondOf(p, r); ok && !bounded.GreaterThan(ceiling) {
			continue
		}
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

// plafondOf returns the lowest plafond of rule r, per unit or over a
// period, each at its highest raise (porte a), and whether r has one: the
// most r pays on one unit of a line. A plafond whose au-dela pays past it
// bounds nothing.
func plafondOf(p *check.Program, r *check.Rule) (decimal.Decimal, bool) {
	var lowest decimal.Decimal
	found := false
	for _, l := range r.Limits {
		if l.Kind != check.Plafond || auDelaPays(p, r, l) {
			continue
		}
		amount := euros(p, l.Amount)
		for _, raise := range l.Raises {
			amount = decimal.Max(amount, euros(p, raise.Amount))
		}
		if !found || amount.LessThan(lowest) {
			lowest, found = amount, true
		}
	}
	return lowest, found
}
