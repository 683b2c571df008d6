package lint

import (
	"slices"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// aidePoste is the poste of classe II hearing aids (outside 100% Santé),
// which the R871-2 cap and renewal rules govern.
const aidePoste = "audiologie.aide"

// aideAuditiveMax checks that a classe II hearing aid is covered up to
// 1,700 € per ear at most, RO included, in every age band.
var aideAuditiveMax = newRule(diag.Info{
	Code:     "R810",
	Title:    "hearing aid above the legal cap",
	Severity: diag.Error,
	Doc: "CSS R871-2: a contrat responsable covers a classe II hearing aid up to 1,700 € per ear, RO included, whatever the age (`regles.AideAuditiveClasseIIMax`). " +
		"The base de remboursement of a classe II aid is fixed by the LPP per ear: 1,400 € under 20 years of age, 400 € from 20 (`regles.AideAuditiveClasseIIBase`), " +
		"so a rule on `audiologie.aide` that pays the ticket modérateur at most plus fixed amounts is decided exactly, in each age band its conditions let it apply to: " +
		"RO and the percentage terms reach their percentage of the base (the whole base for `100% BRSS`, the RO's 60% alone for forfaits alone), " +
		"the per-unit amounts and forfaits come on top, a forfait RO inclus brings the total up to its amount (`100% BRSS + forfait 1700€ / 48 mois glissants RO inclus` reaches 1,700 € exactly), " +
		"a `plafond` of the rule caps what the RC adds to the RO and a `plafond … RO inclus` the RO and the RC together, except that past a `plafond … au-dela FORMULE` the rule pays up to FORMULE's amount (frais reels: its whole amount without the plafond); the total must be at most 1,700 €. " +
		"Under 20 the RO pays 840 €, so the RC may pay at most 860 €: `100% BRSS + forfait 1000€` is within the cap from 20 (1,400 €) but not under 20 (2,400 €); " +
		"add a rule `si age < 20` within 860 € (a rule whose conditions, or more specific rules, keep it from 20 only needs the adult base). " +
		"The bases are those in force at the contract's effet. A rule paying a share of prices beyond the ticket modérateur (R812) is flagged when one of its per-unit amounts or forfaits alone exceeds the cap. The rules judged are all those that apply to claims on the poste: its own, a family's where none of its own holds, and those of postes declared below it.",
	Example: "responsable\naudiologie.aide: 100% BRSS + forfait 1000€ / 48 mois glissants",
}, true, func(p *check.Program, report reporter) {
	ceiling := regles.AideAuditiveClasseIIMax()
	for _, r := range formulasUnder(p, aidePoste) {
		if r.Kind != check.FormulaRule {
			continue
		}
		if !beyondTM(p, r) {
			bands := bandsOf(p, r)
			over := slices.IndexFunc(bands, func(band aideBand) bool {
				return aideTotal(p, r, band.base, roOn(p, r, band.base)).GreaterThan(ceiling)
			})
			if over >= 0 {
				band := bands[over]
				ro := roOn(p, r, band.base)
				total := aideTotal(p, r, band.base, ro)
				advice := ""
				if within := slices.ContainsFunc(bands, func(b aideBand) bool {
					return !aideTotal(p, r, b.base, roOn(p, r, b.base)).GreaterThan(ceiling)
				}); within {
					advice = splitAdvice(band)
				}
				report(r.Node.Range, "a contrat responsable covers a classe II hearing aid up to %s per ear, RO included (CSS R871-2), but %s years of age, on its %s base, the RO (%s) and this rule (%s) reach %s; the RC may pay %s at most there%s",
					euroText(ceiling), band.who, euroText(band.base), euroText(ro), euroText(total.Sub(ro)), euroText(total), euroText(ceiling.Sub(ro)), advice)
			}
			continue
		}
		for _, t := range r.Terms {
			if t.Kind != check.PerUnit && t.Kind != check.Forfait {
				continue
			}
			if amount := euros(p, t.Amount); amount.GreaterThan(ceiling) {
				report(t.Range, "a contrat responsable covers a classe II hearing aid up to %s per ear, RO included (CSS R871-2), but this rule pays up to %s; lower it below %s minus the RO part",
					euroText(ceiling), euroText(amount), euroText(ceiling))
			}
		}
	}
})

// splitAdvice suggests, for a rule that exceeds the cap in one age band
// and not in another, a more specific rule for the band it exceeds it in.
func splitAdvice(over aideBand) string {
	if over.ages.Contains(0) {
		return "; add a rule " + aidePoste + " si age < 20 within that amount"
	}
	return "; add a rule " + aidePoste + " si age >= 20 within that amount"
}
