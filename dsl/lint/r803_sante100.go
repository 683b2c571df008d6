package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
)

// sante100 checks that the rules written on a 100% Santé basket cover it
// in full.
var sante100 = newRule(diag.Info{
	Code:     "R803",
	Title:    "100% Santé basket not covered in full",
	Severity: diag.Error,
	Doc: "CSS L871-1 and R871-2: a contrat responsable covers the three 100% Santé baskets (optique classe A, dental panier 100% Santé, aides auditives classe I) " +
		"in full up to the legal sale price. A rule written on one of the 100% Santé postes of `regles` (or on a poste declared below one) must pay at least `100% PLV` (alias `HLF`: the RO and the RC reach the price limit), " +
		"or everything left after the RO (`frais reels`, at least 100% FR), and carry no `max`, `plafond` or `carence`; `90% PLV`, a percentage of the base or a forfait (RO inclus or not) is flagged. A contract without a rule on these postes is not flagged: the obligation applies by law whatever the table says " +
		"(the engine pays the basket up to its price limit), and the table then describes only the other postes. A family's formula that pays a basket with no rule of its own " +
		"gets R815, a warning, and a limit from above that would cut a basket gets R814.",
	Example: "responsable\noptique.equipement_100_sante: forfait 100€ / 24 mois glissants",
}, true, func(p *check.Program, report reporter) {
	for _, r := range p.Rules {
		entry, ok := nomenclature(r.Poste)
		if !ok || !entry.Sante100 {
			continue
		}
		if r.IsFormula() && !coversBasket(r) {
			report(r.Node.Range, "a contrat responsable covers the 100%% Santé basket %s in full up to its legal price limit (CSS R871-2), but this rule does not; write %s: %s",
				r.Poste, r.Poste, basketFormula)
			continue
		}
		if l, limited := hasLimit(r, check.Max, check.Plafond, check.Carence); limited {
			report(l.Range, "a contrat responsable covers the 100%% Santé basket %s in full (CSS R871-2); remove this limit", r.Poste)
		}
	}
})
