package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
)

// unitAbovePlafond warns about a per-unit amount that its own rule's
// plafond always cuts.
var unitAbovePlafond = newRule(diag.Info{
	Code:     "L202",
	Title:    "per-unit amount above its plafond",
	Severity: diag.Warning,
	Doc: "A per-unit amount larger than a plafond of the same rule can never be paid in full, even for a single unit: " +
		"`60€ / seance, plafond 50€ / annee civile` pays at most 50 € a year. Amounts in % PMSS are converted at the contract's effet. One of the two figures is probably wrong.",
	Example: "medecine_douce.osteopathie: 60€ / seance, plafond 50€ / annee civile",
}, false, func(p *check.Program, report reporter) {
	for _, r := range p.Rules {
		for _, t := range r.Terms {
			if t.Kind != check.PerUnit {
				continue
			}
			amount := euros(p, t.Amount)
			for _, l := range r.Limits {
				if ceiling := euros(p, l.Amount); l.Kind == check.Plafond && ceiling.Sign() > 0 && amount.GreaterThan(ceiling) {
					report(t.Range, "%s per %s is above the rule's plafond of %s / %s, so not even one %s is paid in full; lower the amount or raise the plafond",
						euroText(amount), t.Unit, euroText(ceiling), periodText(l.Period), t.Unit)
					break
				}
			}
		}
	}
})
