package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
)

// optiqueGrid checks the fixed amounts of a frame and lenses against the
// optique classe B grid.
var optiqueGrid = newRule(diag.Info{
	Code:     "R807",
	Title:    "optique equipment outside the legal grid",
	Severity: diag.Error,
	Doc: "CSS R871-2: a contrat responsable covers an optique classe B equipment (a frame and two lenses), ticket modérateur included, between a minimum and a maximum " +
		"that depend on the lenses: from 50 € for simple lenses to 800 € for very complex ones (`regles.GrilleOptiqueClasseB`). " +
		"For each pair of rules on `optique.monture` and `optique.verres` that can apply to the same beneficiary and pay the ticket modérateur at most " +
		"plus fixed amounts (`100% BRSS + forfait 200€ / 24 mois glissants`, or forfaits alone), the sum of their per-unit amounts and forfaits " +
		"must lie within the minimum of the simplest row and the maximum of the most complex row of the grid. " +
		"The ticket modérateur is left out of the sum: the LPP base of classe B frames and lenses is symbolic (a few cents for adults), so the TM is negligible against the grid. " +
		"The language cannot tell lens kinds apart, so the finer rows are not checked; rules paying a share of prices beyond the TM " +
		"(above 100% BRSS, a percentage of FR, `frais reels`) get R808 instead. The check needs both postes to have a rule.",
	Example: "responsable\noptique.monture: forfait 100€ / 24 mois glissants\noptique.verres: forfait 750€ / 24 mois glissants",
}, true, func(p *check.Program, report reporter) {
	lo, hi := gridBounds()
	verres, montures := formulaRules(p, verresPoste), formulaRules(p, monturePoste)
	for _, v := range verres {
		for _, m := range montures {
			if v.Kind != check.FormulaRule || m.Kind != check.FormulaRule || beyondTM(p, v) || beyondTM(p, m) ||
				!coApply(v, m, verres, montures) {
				continue
			}
			total := fixedAmount(p, v).Add(fixedAmount(p, m))
			if total.GreaterThan(hi) || total.LessThan(lo) {
				report(v.Node.Range, "a contrat responsable covers an optique equipment between %s and %s (CSS R871-2), but the frame (line %d) and these lenses together pay %s beyond the ticket modérateur; adjust the amounts",
					euroText(lo), euroText(hi), m.Line, euroText(total))
			}
		}
	}
})

// coApply reports whether rule a (among as, the formula rules of its poste)
// and rule b (among bs of its poste) can both be the rule applied to
// claims of one beneficiary: their conditions overlap, and the overlap is
// not entirely taken by a more specific rule of either poste.
func coApply(a, b *check.Rule, as, bs []*check.Rule) bool {
	overlap := a.Cond.Intersect(b.Cond)
	if overlap.IsEmpty() {
		return false
	}
	shadowed := func(r *check.Rule, others []*check.Rule) bool {
		for _, o := range others {
			if o != r && o.Cond.SubsetOf(r.Cond) && !r.Cond.SubsetOf(o.Cond) && overlap.SubsetOf(o.Cond) {
				return true
			}
		}
		return false
	}
	return !shadowed(a, as) && !shadowed(b, bs)
}
