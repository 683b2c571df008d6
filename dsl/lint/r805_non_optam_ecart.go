package lint

import (
	"github.com/shopspring/decimal"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// nonOptamEcart checks that non-OPTAM doctors are covered at least 20
// points of the base below OPTAM doctors.
var nonOptamEcart = newRule(diag.Info{
	Code:     "R805",
	Title:    "non-OPTAM coverage too close to OPTAM",
	Severity: diag.Error,
	Doc: "CSS R871-2: when a contrat responsable covers dépassements, what it covers for doctors outside OPTAM/OPTAM-CO is at least 20% of the base below what it covers for OPTAM doctors. " +
		"For each poste of `consult` or `hospitalisation.honoraires` with a rule restricted to `optam` reaching more than 100% BRSS, every rule that applies to non-OPTAM doctors " +
		"in the same situation (overlapping other conditions) must reach at most that percentage minus 20. Rules with fixed amounts or frais are left to R804.",
	Example: "responsable\nconsult.specialiste si optam: 200% BRSS\nconsult.specialiste: 190% BRSS",
}, true, func(p *check.Program, report reporter) {
	gap := decimal.NewFromInt(regles.DepassementEcartMinPct)
	for _, o := range p.Rules {
		if o.Kind != check.FormulaRule || !isHonoraires(o.Poste) || o.Cond.Optam != check.OnlyTrue {
			continue
		}
		ocv := coverageOf(p, o)
		if ocv.frais || ocv.money || !ocv.reach.GreaterThan(hundred) {
			continue
		}
		for _, n := range p.Rules {
			if n.Poste != o.Poste || n.Kind != check.FormulaRule || !n.Cond.Optam.Has(false) || !overlapsIgnoringOptam(o.Cond, n.Cond) {
				continue
			}
			ncv := coverageOf(p, n)
			if ncv.frais || ncv.money {
				continue
			}
			if limit := ocv.reach.Sub(gap); ncv.reach.GreaterThan(limit) {
				report(n.Node.Range, "a contrat responsable covers non-OPTAM doctors at least %s%% of the base below OPTAM doctors (CSS R871-2): the OPTAM rule at line %d reaches %s%%, so this rule may reach %s%% at most, not %s%%",
					gap, o.Line, ocv.reach.Round(2), limit.Round(2), ncv.reach.Round(2))
			}
		}
	}
})

// overlapsIgnoringOptam reports whether two regions share claims once the
// OPTAM condition is ignored.
func overlapsIgnoringOptam(a, b check.Region) bool {
	a.Optam, b.Optam = check.AnyBool, check.AnyBool
	return !a.Intersect(b).IsEmpty()
}
