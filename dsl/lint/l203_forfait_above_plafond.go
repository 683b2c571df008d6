package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
)

// forfaitAbovePlafond warns about a forfait that its own rule's plafond,
// renewed no more often, always cuts.
var forfaitAbovePlafond = newRule(diag.Info{
	Code:     "L203",
	Title:    "forfait above its plafond",
	Severity: diag.Warning,
	Doc: "A forfait larger than a plafond of the same rule over a period at least as long can never be used in full: " +
		"`forfait 200€ / annee civile, plafond 150€ / annee civile` pays at most 150 €. One of the two figures is probably wrong. " +
		"A plafond per unit (`plafond 100€ / equipement`) bounds each line, not a period, and is not compared.",
	Example: "optique.lentilles: forfait 200€ / annee civile, plafond 150€ / annee civile",
}, false, func(p *check.Program, report reporter) {
	for _, r := range p.Rules {
		for _, t := range r.Terms {
			if t.Kind != check.Forfait {
				continue
			}
			amount := euros(p, t.Amount)
			for _, l := range r.Limits {
				if l.Kind != check.Plafond || l.PerUnit != "" || months(l.Period) < months(t.Period) {
					// A plafond per unit has no period: it bounds each
					// line, and a forfait above it is used over several.
					continue
				}
				if t.ParFamille && !l.ParFamille {
					// The family's forfait is shared by beneficiaries
					// each capped apart: together they can use it all.
					continue
				}
				if ceiling := euros(p, l.Amount); ceiling.Sign() > 0 && amount.GreaterThan(ceiling) {
					report(t.Range, "the forfait of %s / %s is above the rule's plafond of %s / %s, so it is never used in full; lower the forfait or raise the plafond",
						euroText(amount), periodText(t.Period), euroText(ceiling), periodText(l.Period))
					break
				}
			}
		}
	}
})
