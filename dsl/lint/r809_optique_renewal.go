package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// optiqueRenewal checks that frames and lenses are renewed every two years
// from 16 years of age, every year below.
var optiqueRenewal = newRule(diag.Info{
	Code:     "R809",
	Title:    "optique renewal too frequent",
	Severity: diag.Error,
	Doc: "CSS R871-2: a contrat responsable covers one optique equipment per period of two years from 16 years of age, one a year below 16. " +
		"On `optique.monture` and `optique.verres`, every forfait, `max` and `plafond` must run over at least `regles.OptiqueRenouvellementMois` months (`24 mois glissants`); " +
		"a rule whose conditions restrict it to `age < 16` may use `regles.OptiqueRenouvellementMoisMoins16` months (`12 mois glissants` or `annee civile`). " +
		"A rule that pays beyond the ticket modérateur (forfaits, per-unit amounts, above 100% BRSS, a percentage of FR, `frais reels`) with no such envelope " +
		"renews the equipment on every claim and is flagged too. A `max 1 equipement` over at least that period (`max N equipement` counts equipments, LANGUAGE.md §3 step 4), " +
		"of the rule or of a limit-only rule on its poste or a poste above that holds wherever the rule does (a shared limit), is the renewal limit: the rule's forfaits may then run over shorter periods. A rule that pays the ticket modérateur only (`100% BRSS`) follows the RO's own renewal rules and is not flagged. " +
		"Lentilles and the 100% Santé equipment are not governed by this check. The rules judged are all those that apply to claims on the poste: its own, a family's where none of its own holds, and those of postes declared below it.",
	Example: "responsable\noptique.monture: forfait 100€ / annee civile",
}, true, func(p *check.Program, report reporter) {
	for _, r := range formulasUnder(p, monturePoste, verresPoste) {
		if r.Kind != check.FormulaRule || tmOnly(p, r) {
			continue
		}
		need, who := regles.OptiqueRenouvellementMois, "from 16 years of age"
		if r.Cond.Age.SubsetOf(check.Range(0, regles.OptiqueAgeRenouvellement)) {
			need, who = regles.OptiqueRenouvellementMoisMoins16, "below 16 years of age"
		}
		checkRenewal(p, r, need, map[check.Unit]int64{check.UnitEquipement: 1}, func(rng diag.Range, period check.Period) {
			report(rng, "a contrat responsable covers one optique equipment per %d months %s (CSS R871-2), but this period is %s; write / %d mois glissants",
				need, who, periodText(period), need)
		}, func() {
			report(r.Node.Range, "a contrat responsable covers one optique equipment per %d months %s (CSS R871-2), but this rule has no period; add a forfait or max 1 equipement / %d mois glissants",
				need, who, need)
		})
	}
})
