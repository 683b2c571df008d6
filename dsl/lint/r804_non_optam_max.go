package lint

import (
	"github.com/shopspring/decimal"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// nonOptamMax checks that dépassements of non-OPTAM doctors are covered up
// to 200% of the base at most.
var nonOptamMax = newRule(diag.Info{
	Code:     "R804",
	Title:    "non-OPTAM dépassements above the legal cap",
	Severity: diag.Error,
	Doc: "CSS R871-2: a contrat responsable covers the dépassements d'honoraires of doctors outside OPTAM/OPTAM-CO up to 100% of the base, so RO and RC together reach at most 200% BRSS. " +
		"This holds on every doctors' fee: consultations and visits (`consult`), actes techniques, imaging (`soins.imagerie`, the radiologist's fees) and surgeons' fees (`hospitalisation.honoraires`). " +
		"Every formula rule that applies to a non-OPTAM doctor's fee, its own poste's or a family's where the poste has no rule of its own that holds (`soins: 300% BRSS` applies to imaging), must stay within that: " +
		"no `frais reels` or percentage of FR, and percentages of the base reaching at most 200%. Fixed amounts are not flagged.",
	Example: "responsable\nconsult.specialiste: 250% BRSS",
}, true, func(p *check.Program, report reporter) {
	cvs := coverages{}
	ceiling := hundred.Add(decimal.NewFromInt(regles.DepassementNonOptamMaxPct))
	seen := map[*check.Rule]bool{}
	for _, c := range honorairesClaims(p) {
		r := c.formula
		if c.pt.Optam || seen[r] {
			continue
		}
		cv := cvs.of(p, r, c.poste)
		fix := "restrict it with si optam and add a rule si non optam of at most " + ceiling.String() + "% BRSS"
		if r.Poste != c.poste {
			fix = "write a rule for " + c.poste + " of at most " + ceiling.String() + "% BRSS for non-OPTAM doctors"
		}
		switch {
		case cv.frais:
			report(r.Node.Range, "a contrat responsable covers non-OPTAM dépassements up to %s%% BRSS at most (CSS R871-2), but this rule for %s pays a share of the frais without bound%s; %s",
				ceiling, r.Poste, alsoOn(r, c.poste), fix)
		case cv.reach.GreaterThan(ceiling):
			report(r.Node.Range, "a contrat responsable covers non-OPTAM dépassements up to %s%% BRSS at most (CSS R871-2), but this rule for %s reaches %s%% for non-OPTAM doctors%s; %s",
				ceiling, r.Poste, cv.reach.Round(2), alsoOn(r, c.poste), fix)
		default:
			continue
		}
		seen[r] = true
	}
})
