package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// aideAuditivePrices warns that a hearing-aid rule paying percentages
// cannot be checked against the legal cap.
var aideAuditivePrices = newRule(diag.Info{
	Code:     "R812",
	Title:    "hearing aid cap depends on prices",
	Severity: diag.Warning,
	Doc: "CSS R871-2: a classe II hearing aid is covered up to 1,700 € per ear, RO included. A rule on `audiologie.aide` that pays a share of prices beyond the ticket modérateur " +
		"(a percentage above 100% BRSS in déduction mode, percentages on top of the RO that exceed the TM in complément mode, a percentage of FR or `frais reels`) " +
		"without a `plafond` of at most that amount minus the RO (1,460 € from 20 years of age, on the 400 € base; 860 € under 20, on the 1,400 € base), in each age band it applies to, " +
		"or a `plafond … RO inclus` of at most 1,700 € (`frais reels, plafond 1700€ / 48 mois glissants RO inclus`), and whose `au-dela` formula, if any, stays within the cap with the RO, " +
		"pays what the prices of each claim make it, so compliance cannot be decided from the contract. " +
		"A rule paying at most the ticket modérateur (`100% BRSS`, with or without forfaits) is not flagged: the base is fixed per ear, so R810 decides it. " +
		"Add such a plafond, or use 100% BRSS and a forfait. The rules judged are all those that apply to claims on the poste: its own, a family's where none of its own holds, and those of postes declared below it.",
	Example: "responsable\naudiologie.aide: 400% BRSS, max 1 oreille / 48 mois glissants",
}, true, func(p *check.Program, report reporter) {
	ceiling := regles.AideAuditiveClasseIIMax()
	for _, r := range formulasUnder(p, aidePoste) {
		if r.Kind != check.FormulaRule || !beyondTM(p, r) {
			continue
		}
		l, capped := hasLimit(r, check.Plafond)
		for _, band := range bandsOf(p, r) {
			ro := roOn(p, r, band.base)
			most := ceiling.Sub(ro)
			// Past a plafond with au-dela the rule pays up to its au-dela
			// formula: that must stay within the cap too.
			beyond := len(l.AuDela) == 0 || !auDelaTotal(p, r, l.AuDela, band.base).GreaterThan(ceiling)
			if capped && beyond && (euros(p, l.Amount).LessThanOrEqual(most) || l.ROInclus && euros(p, l.Amount).LessThanOrEqual(ceiling)) {
				continue
			}
			if capped && !beyond {
				report(r.Node.Range, "a contrat responsable covers a classe II hearing aid up to %s per ear, RO included (CSS R871-2); past its plafond this rule pays its au-dela formula, which %s years of age, on the %s base, goes beyond the cap: pay past the plafond at most %s with the RO",
					euroText(ceiling), band.who, euroText(band.base), euroText(ceiling))
				break
			}
			report(r.Node.Range, "a contrat responsable covers a classe II hearing aid up to %s per ear, RO included (CSS R871-2); this rule pays a share of prices beyond the ticket modérateur, so that cannot be decided statically: %s years of age, add a plafond of at most %s (the cap minus the RO on the %s base), or a plafond of %s RO inclus, or use 100%% BRSS and a forfait",
				euroText(ceiling), band.who, euroText(most), euroText(band.base), euroText(ceiling))
			break
		}
	}
})
