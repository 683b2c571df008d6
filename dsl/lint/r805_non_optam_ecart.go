package lint

import (
	"fmt"

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
		"For each doctors' fee (the postes of R804: consultations, actes techniques, imaging, surgeons' fees) where a rule restricted to `optam` reaching more than 100% BRSS applies, " +
		"the rule that applies to a non-OPTAM doctor in the same situation (the same other conditions), on the poste or a family above it, must reach at most that percentage minus 20. " +
		"Rules with fixed amounts or frais are left to R804.",
	Example: "responsable\nconsult.specialiste si optam: 200% BRSS\nconsult.specialiste: 190% BRSS",
}, true, func(p *check.Program, report reporter) {
	cvs := coverages{}
	gap := decimal.NewFromInt(regles.DepassementEcartMinPct)
	type pair struct{ o, n *check.Rule }
	seen := map[pair]bool{}
	claims := honorairesClaims(p)
	nonOptam := map[string]*check.Rule{}
	for _, c := range claims {
		if !c.pt.Optam {
			nonOptam[c.poste+pointKey(c.pt)] = c.formula
		}
	}
	for _, c := range claims {
		o := c.formula
		if !c.pt.Optam || o.Cond.Optam != check.OnlyTrue {
			continue
		}
		ocv := cvs.of(p, o, c.poste)
		if ocv.frais || ocv.money || !ocv.reach.GreaterThan(hundred) {
			continue
		}
		twin := c.pt
		twin.Optam = false
		n := nonOptam[c.poste+pointKey(twin)]
		if n == nil || seen[pair{o, n}] {
			continue
		}
		ncv := cvs.of(p, n, c.poste)
		if ncv.frais || ncv.money {
			continue
		}
		if limit := ocv.reach.Sub(gap); ncv.reach.GreaterThan(limit) {
			seen[pair{o, n}] = true
			report(n.Node.Range, "a contrat responsable covers non-OPTAM doctors at least %s%% of the base below OPTAM doctors (CSS R871-2): the OPTAM rule at line %d reaches %s%%, so this rule may reach %s%% at most, not %s%%%s",
				gap, o.Line, ocv.reach.Round(2), limit.Round(2), ncv.reach.Round(2), alsoOn(n, c.poste))
		}
	}
})

// pointKey identifies a representative claim.
func pointKey(pt check.Point) string {
	return fmt.Sprintf("|%d|%d|%t|%t|%t|%d|%t|%t|%d", pt.Age, pt.Anciennete, pt.Reseau, pt.Optam, pt.Parcours, pt.Secteur, pt.Ald, pt.Rembourse, pt.Verres)
}
