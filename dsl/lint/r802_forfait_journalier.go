package lint

import (
	"github.com/shopspring/decimal"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// forfaitJournalierPoste is the poste of the forfait journalier hospitalier.
const forfaitJournalierPoste = "hospitalisation.forfait_journalier"

// forfaitJournalier checks that the forfait journalier hospitalier is
// covered in full with no limit of duration.
var forfaitJournalier = newRule(diag.Info{
	Code:     "R802",
	Title:    "forfait journalier not covered in full",
	Severity: diag.Error,
	Doc: "CSS L871-1 and R871-2: a contrat responsable covers the forfait journalier hospitalier in full and with no limit of duration. " +
		"The formula rules that apply to `" + forfaitJournalierPoste + "` (its own, and those of `hospitalisation` for the claims none of its own holds for) must pay `frais reels` " +
		"(or at least 100% FR, or a per-day amount at least the highest forfait journalier of `regles`, `1% PMSS / jour` converted at the effet) with no `max` or `plafond` (RO inclus or not), " +
		"and no limit-only rule on it or on `hospitalisation` may carry a `max` or a `plafond`. A responsable contract with no rule for it, or none for some claims " +
		"(`hospitalisation.forfait_journalier si enfant: frais reels` alone), is flagged at `responsable`.",
	Example: "responsable\nhospitalisation.forfait_journalier: frais reels, max 30 jours / annee civile",
}, true, func(p *check.Program, report reporter) {
	rules := formulasFor(p, forfaitJournalierPoste)
	if len(rules) == 0 {
		report(responsableRange(p), "a contrat responsable covers the forfait journalier hospitalier in full (CSS R871-2), but no rule applies to %s; add %s: frais reels",
			forfaitJournalierPoste, forfaitJournalierPoste)
	} else {
		cands := pathRules(p, forfaitJournalierPoste)
		for _, a := range cands.at() {
			if pt := a.pt; a.formula == nil && pt.Parcours {
				report(responsableRange(p), "a contrat responsable covers the forfait journalier hospitalier in full (CSS R871-2), but no rule applies to %s for %s; add %s: frais reels",
					forfaitJournalierPoste, pointText(pt), forfaitJournalierPoste)
				break
			}
		}
	}
	highest := highestForfaitJournalier()
	for _, r := range rules {
		if !paysWholeDays(p, r, highest) {
			report(r.Node.Range, "a contrat responsable covers the forfait journalier hospitalier in full (CSS R871-2), but this rule for %s does not: write frais reels", r.Poste)
			continue
		}
		if l, limited := hasLimit(r, check.Max, check.Plafond); limited {
			report(l.Range, "a contrat responsable covers the forfait journalier hospitalier with no limit of duration (CSS R871-2); remove this limit")
		}
	}
	for _, r := range p.Rules {
		if r.Kind != check.LimitRule || !under(forfaitJournalierPoste, r.Poste) {
			continue
		}
		if l, limited := hasLimit(r, check.Max, check.Plafond); limited {
			report(l.Range, "this limit on %s also caps the forfait journalier hospitalier, which a contrat responsable covers with no limit (CSS R871-2); put it on the postes it is meant for", r.Poste)
		}
	}
})

// paysWholeDays reports whether a formula rule pays the whole forfait
// journalier: frais reels, 100% FR, or a per-day amount of at least the
// highest forfait journalier (an amount in % PMSS converted at the
// contract's reference date).
func paysWholeDays(p *check.Program, r *check.Rule, highest decimal.Decimal) bool {
	if r.Kind != check.FormulaRule {
		return false
	}
	if paysInFull(r) {
		return true
	}
	for _, t := range r.Terms {
		if t.Kind == check.PerUnit && t.Unit == check.UnitJour && euros(p, t.Amount).GreaterThanOrEqual(highest) {
			return true
		}
	}
	return false
}

// highestForfaitJournalier returns the largest forfait journalier regles
// knows of.
func highestForfaitJournalier() decimal.Decimal {
	highest := decimal.Zero
	for _, e := range regles.History(regles.ForfaitJournalier) {
		highest = decimal.Max(highest, e.Amount)
	}
	return highest
}
