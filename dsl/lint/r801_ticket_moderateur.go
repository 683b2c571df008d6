package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// ticketModerateur checks that the ticket modérateur is covered on every
// poste the RO reimburses.
var ticketModerateur = newRule(diag.Info{
	Code:     "R801",
	Title:    "ticket modérateur not covered",
	Severity: diag.Error,
	Doc: "CSS L871-1 and R871-2: a contrat responsable covers the ticket modérateur (what the RO leaves of the base) on all care the RO reimburses. " +
		"A formula rule on a poste with an RO rate must reach at least 100% of the base together with the RO, and such a poste may not be `non couvert`. " +
		"Postes without RO (médecines douces, chambre particulière, …) are exempt, and so is the cure thermale, which has an RO base but whose ticket modérateur the law exempts " +
		"(`regles.TicketModerateurFacultatif`). " +
		"Rules that pay fixed amounts (per-unit amounts, forfaits) are not flagged, since whether they cover the ticket modérateur depends on prices; " +
		"rules restricted to `hors parcours` are not flagged, since the majoration outside the parcours must stay uncovered. " +
		"A poste without any rule is not flagged either. Médicaments are checked like the other postes: the nomenclature has no separate poste for the 15% and 30% drugs that the law exempts.",
	Example: "responsable\nconsult.generaliste: 50% BRSS",
}, true, func(p *check.Program, report reporter) {
	for _, r := range p.Rules {
		entry, ok := nomenclature(r.Poste)
		if !r.IsFormula() || !ok || entry.RO == regles.RONone || regles.TicketModerateurFacultatif(r.Poste) || r.Cond.Parcours == check.OnlyFalse {
			continue
		}
		if r.Kind == check.NonCouvertRule {
			report(r.Node.Range, "a contrat responsable covers the ticket modérateur of care the RO reimburses (CSS R871-2), but %s is non couvert; cover at least 100%% BRSS", r.Poste)
			continue
		}
		cv := coverageOf(p, r)
		if cv.frais || cv.money || cv.reach.GreaterThanOrEqual(hundred) {
			continue
		}
		report(r.Node.Range, "a contrat responsable covers the ticket modérateur (CSS R871-2): RO and RC must reach 100%% of the base, but this rule for %s reaches %s%% in %s mode; write at least 100%% BRSS",
			r.Poste, cv.reach.Round(2), p.Mode)
	}
})
