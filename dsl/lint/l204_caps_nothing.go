package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
)

// capsNothing warns about a limit-only rule under which no formula rule
// applies.
var capsNothing = newRule(diag.Info{
	Code:     "L204",
	Title:    "limit-only rule caps nothing",
	Severity: diag.Warning,
	Doc: "A limit-only rule (`medecine_douce: plafond 150€ / annee civile`) limits what formula rules pay under its poste. " +
		"When no formula rule is written on the poste, below it or above it, every claim it would limit is non couvert anyway. " +
		"Add the formula rules, or remove the limit.",
	Example: "medecine_douce: plafond 150€ / annee civile",
}, false, func(p *check.Program, report reporter) {
	for _, r := range p.Rules {
		if r.Kind != check.LimitRule {
			continue
		}
		covered := false
		for _, f := range p.Rules {
			if f.IsFormula() && (under(f.Poste, r.Poste) || under(r.Poste, f.Poste)) {
				covered = true
				break
			}
		}
		if !covered {
			report(r.Node.Range, "no formula rule applies under %s, so this rule's limits cap nothing; add the formula rules or remove it", r.Poste)
		}
	}
})
