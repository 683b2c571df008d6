package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
)

// afterFraisReels warns about money terms written after "frais reels",
// which never pay.
var afterFraisReels = newRule(diag.Info{
	Code:     "L205",
	Title:    "term after frais reels",
	Severity: diag.Warning,
	Doc: "Money terms are paid in textual order, each from what is left of the expense. `frais reels` pays everything left, " +
		"so a per-unit amount, a forfait or a second `frais reels` after it never pays anything. Remove the term, or move it before `frais reels`.",
	Example: "soins.pharmacie: frais reels + forfait 50€ / annee civile",
}, false, func(p *check.Program, report reporter) {
	for _, r := range p.Rules {
		seen := false
		for _, t := range r.Terms {
			switch t.Kind {
			case check.PerUnit, check.Forfait, check.FraisReels:
				if seen {
					report(t.Range, "this term comes after frais reels, which already pays everything left, so it never pays; remove it or move it first")
				}
				seen = seen || t.Kind == check.FraisReels
			}
		}
	}
})
