package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
)

// ticketModerateur checks that the ticket modérateur is covered on every
// poste the RO reimburses.
var ticketModerateur = newRule(diag.Info{
	Code:     "R801",
	Title:    "ticket modérateur not covered",
	Severity: diag.Error,
	Doc: "CSS L871-1 and R871-2: a contrat responsable covers the ticket modérateur (what the RO leaves of the base) on all care the RO reimburses. " +
		"The formula rule that applies to a claim on a poste with an RO rate (its own, or a family's where none of its own holds: `soins: 50% BRSS` applies to every soin) " +
		"must reach at least 100% of the base together with the RO, with the RO rate of the claim's poste, and such a claim may not meet `non couvert`. " +
		"Postes without RO (médecines douces, chambre particulière, …) are exempt, and so is the cure thermale, which has an RO base but whose ticket modérateur the law exempts " +
		"(`regles.TicketModerateurFacultatif`). " +
		"Rules that pay fixed amounts (per-unit amounts, forfaits) are not flagged, since whether they cover the ticket modérateur depends on prices; " +
		"rules restricted to `hors parcours` are not flagged, since the majoration outside the parcours must stay uncovered, " +
		"nor claims the conditions `non rembourse` (no base) or `ald` (the RO pays the whole base) describe: they leave no ticket modérateur. " +
		"A poste without any rule is not flagged either. Médicaments are checked like the other postes: the nomenclature has no separate poste for the 15% and 30% drugs that the law exempts.",
	Example: "responsable\nconsult.generaliste: 50% BRSS",
}, true, func(p *check.Program, report reporter) {
	cvs := coverages{}
	seen := map[*check.Rule]bool{}
	for _, code := range claimPostes(p) {
		if need, ok := obligation(code); !ok || need != tmObligation {
			continue
		}
		cands := pathRules(p, code)
		for _, a := range cands.at() {
			r, pt := a.formula, a.pt
			if r == nil || !owesTM(pt) || seen[r] || r.Cond.Parcours == check.OnlyFalse {
				continue
			}
			if r.Kind == check.NonCouvertRule {
				seen[r] = true
				report(r.Node.Range, "a contrat responsable covers the ticket modérateur of care the RO reimburses (CSS R871-2), but %s is non couvert%s; cover at least 100%% BRSS", code, alsoFrom(r, code))
				continue
			}
			cv := cvs.of(p, r, code)
			if cv.frais || cv.money || cv.reach.GreaterThanOrEqual(hundred) {
				continue
			}
			seen[r] = true
			report(r.Node.Range, "a contrat responsable covers the ticket modérateur (CSS R871-2): RO and RC must reach 100%% of the base, but this rule for %s reaches %s%% in %s mode%s; write at least 100%% BRSS",
				r.Poste, cv.reach.Round(2), p.Mode, alsoFrom(r, code))
		}
	}
})

// owesTM reports whether the law makes a contrat responsable cover the
// ticket modérateur of a claim at pt: care in the parcours de soins that
// the RO reimburses, outside an ALD (where the RO pays the whole base and
// leaves no ticket modérateur).
func owesTM(pt check.Point) bool { return pt.Parcours && pt.Rembourse && !pt.Ald }

// alsoFrom says, for a rule written on a poste above the one a claim
// names, which poste it was found on; "" when the rule is on that poste.
func alsoFrom(r *check.Rule, code string) string {
	if r.Poste == code {
		return ""
	}
	return " (on " + code + ", which has no rule of its own that holds)"
}
