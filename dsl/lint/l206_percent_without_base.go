package lint

import (
	"strings"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// percentWithoutBase warns about a percentage of the base on a poste the
// RO does not reimburse, whose base is therefore 0.
var percentWithoutBase = newRule(diag.Info{
	Code:     "L206",
	Title:    "percentage of a base the poste has not",
	Severity: diag.Warning,
	Doc: "Postes such as the médecines douces, the chambre particulière or implants have no BRSS and no RO, " +
		"so `N% BRSS` or `N% TM` on them pays nothing. Use a per-unit amount (`40€ / seance`), a forfait, `frais reels` or a percentage of `FR`.",
	Example: "medecine_douce.osteopathie: 100% BRSS",
}, false, func(p *check.Program, report reporter) {
	for _, r := range p.Rules {
		entry, ok := regles.LookupPoste(r.Poste)
		if !ok || entry.RO != regles.RONone || !strings.Contains(r.Poste, ".") {
			continue
		}
		for _, t := range r.Terms {
			if t.Kind == check.PercentBRSS || t.Kind == check.PercentTM {
				report(t.Range, "%s has no base (the RO does not reimburse it), so a percentage of the base pays nothing; use an amount, a forfait or a percentage of FR", r.Poste)
			}
		}
	}
})
