package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
)

// uselessLimit warns about a limit that leaves nothing to pay (a plafond of
// 0 or a max of 0 units) or does nothing (a carence of 0).
var uselessLimit = newRule(diag.Info{
	Code:     "L201",
	Title:    "useless limit",
	Severity: diag.Warning,
	Doc: "A `plafond 0€` or a `max 0 …` makes the rule pay nothing, and a `carence 0 mois` has no effect. " +
		"Write `non couvert` if nothing is paid, or fix the figure.",
	Example: "medecine_douce.osteopathie: 40€ / seance, plafond 0€ / annee civile",
}, false, func(p *check.Program, report reporter) {
	for _, r := range p.Rules {
		for _, l := range r.Limits {
			switch {
			case l.Kind == check.Plafond && euros(p, l.Amount).Sign() <= 0:
				report(l.Range, "a plafond of 0 leaves nothing to pay; write non couvert if %s is not covered", r.Poste)
			case l.Kind == check.Max && l.Count <= 0:
				report(l.Range, "a max of 0 units leaves nothing to pay; write non couvert if %s is not covered", r.Poste)
			case l.Kind == check.Carence && l.Duration == check.Duration{}:
				report(l.Range, "a carence of 0 has no effect; remove it")
			}
		}
	}
})
