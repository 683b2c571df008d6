package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// aidePoste is the poste of classe II hearing aids (outside 100% Santé),
// which the R871-2 cap and renewal rules govern.
const aidePoste = "audiologie.aide"

// aideAuditiveMax checks that a classe II hearing aid is covered up to
// 1,700 € per ear at most.
var aideAuditiveMax = newRule(diag.Info{
	Code:     "R810",
	Title:    "hearing aid above the legal cap",
	Severity: diag.Error,
	Doc: "CSS R871-2: a contrat responsable covers a classe II hearing aid up to 1,700 € per ear, RO included (`regles.AideAuditiveClasseIIMax`). " +
		"Each per-unit amount and forfait of a rule on `audiologie.aide` must be at most that amount. The RO part depends on the base of each device, " +
		"so an amount at the cap is accepted here although RO and RC together would then exceed it: keep the amount below the cap by the RO part.",
	Example: "responsable\naudiologie.aide: forfait 1800€ / 48 mois glissants",
}, true, func(p *check.Program, report reporter) {
	ceiling := regles.AideAuditiveClasseIIMax()
	for _, r := range p.Rules {
		if r.Poste != aidePoste {
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
