package lint

import (
	"github.com/shopspring/decimal"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// honorairesPostes are the postes whose dépassements d'honoraires the
// OPTAM rules of R871-2 govern.
var honorairesPostes = []string{"consult", "hospitalisation.honoraires"}

// isHonoraires reports whether code is a poste of doctors' fees.
func isHonoraires(code string) bool {
	for _, h := range honorairesPostes {
		if under(code, h) {
			return true
		}
	}
	return false
}

// nonOptamMax checks that dépassements of non-OPTAM doctors are covered up
// to 200% of the base at most.
var nonOptamMax = newRule(diag.Info{
	Code:     "R804",
	Title:    "non-OPTAM dépassements above the legal cap",
	Severity: diag.Error,
	Doc: "CSS R871-2: a contrat responsable covers the dépassements d'honoraires of doctors outside OPTAM/OPTAM-CO up to 100% of the base, so RO and RC together reach at most 200% BRSS. " +
		"Every formula rule on `consult` or `hospitalisation.honoraires` that can apply to a non-OPTAM doctor (any rule not restricted to `optam`) must stay within that: " +
		"no `frais reels` or percentage of FR, and percentages of the base reaching at most 200%. Fixed amounts are not flagged.",
	Example: "responsable\nconsult.specialiste: 250% BRSS",
}, true, func(p *check.Program, report reporter) {
	ceiling := hundred.Add(decimal.NewFromInt(regles.DepassementNonOptamMaxPct))
	for _, r := range p.Rules {
		if r.Kind != check.FormulaRule || !isHonoraires(r.Poste) || !r.Cond.Optam.Has(false) {
			continue
		}
		cv := coverageOf(p, r)
		switch {
		case cv.frais:
			report(r.Node.Range, "a contrat responsable covers non-OPTAM dépassements up to %s%% BRSS at most (CSS R871-2), but this rule for %s pays a share of the frais without bound; restrict it with si optam or use a percentage of BRSS",
				ceiling, r.Poste)
		case cv.reach.GreaterThan(ceiling):
			report(r.Node.Range, "a contrat responsable covers non-OPTAM dépassements up to %s%% BRSS at most (CSS R871-2), but this rule for %s reaches %s%% for non-OPTAM doctors; restrict it with si optam and add a rule si non optam of at most %s%% BRSS",
				ceiling, r.Poste, cv.reach.Round(2), ceiling)
		}
	}
})
