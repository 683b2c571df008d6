package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// aideAuditiveRenewal checks that a hearing aid is renewed every four
// years at most.
var aideAuditiveRenewal = newRule(diag.Info{
	Code:     "R811",
	Title:    "hearing aid renewal too frequent",
	Severity: diag.Error,
	Doc: "CSS R871-2: a contrat responsable covers one hearing aid per ear every four years. On `audiologie.aide`, every forfait, `max` and `plafond` " +
		"must run over at least `regles.AideAuditiveRenouvellementMois` months (`48 mois glissants`), and a rule that pays beyond the ticket modérateur " +
		"(forfaits, per-unit amounts, above 100% BRSS, a percentage of FR, `frais reels`) with no such envelope is flagged. " +
		"A `max 2 oreilles` or `max 1 equipement` (one purchase) over at least 48 months, of the rule or of a limit-only rule on its poste or a poste above that holds wherever the rule does, " +
		"renews one aid per ear and is the renewal limit: the rule's forfaits may then run over shorter periods. " +
		"A rule that pays the ticket modérateur only (`100% BRSS`) follows the RO's own renewal rules and is not flagged. The rules judged are all those that apply to claims on the poste: its own, a family's where none of its own holds, and those of postes declared below it.",
	Example: "responsable\naudiologie.aide: forfait 1000€ / 24 mois glissants",
}, true, func(p *check.Program, report reporter) {
	need := regles.AideAuditiveRenouvellementMois
	for _, r := range formulasUnder(p, aidePoste) {
		if r.Kind != check.FormulaRule || tmOnly(p, r) {
			continue
		}
		checkRenewal(p, r, need, map[check.Unit]int64{check.UnitOreille: 2, check.UnitEquipement: 1}, func(rng diag.Range, period check.Period) {
			report(rng, "a contrat responsable covers one hearing aid per ear every %d months (CSS R871-2), but this period is %s; write / %d mois glissants",
				need, periodText(period), need)
		}, func() {
			report(r.Node.Range, "a contrat responsable covers one hearing aid per ear every %d months (CSS R871-2), but this rule has no period; add a forfait or max 2 oreilles / %d mois glissants",
				need, need)
		})
	}
})
