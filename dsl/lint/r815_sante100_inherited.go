package lint

import (
	"fmt"

	"garantie/dsl/check"
	"garantie/dsl/diag"
)

// basketFormula is the formula that covers a 100% Santé basket up to its
// legal price limit, as the rules this package suggests write it.
const basketFormula = "100% PLV"

// sante100Inherited warns when a 100% Santé basket is paid by a family's
// formula that does not reach the legal price limit.
var sante100Inherited = newRule(diag.Info{
	Code:     "R815",
	Title:    "100% Santé basket left to a family's formula",
	Severity: diag.Warning,
	Doc: "CSS L871-1 and R871-2: a contrat responsable covers the three 100% Santé baskets in full up to the legal price limit (PLV, HLF). " +
		"R803 judges the rules written on a basket's poste; this check looks at baskets that have no rule of their own holding for a claim, so that a family's formula pays them: " +
		"`dentaire: 100% BRSS` pays 100% of the base on a 100% Santé crown, far below its price limit. " +
		"The engine pays the basket up to the limit by law anyway (as it does when no rule applies at all, which is not flagged), so this is a warning, not an error: " +
		"the table says something other than what is paid. Unless the family's formula reaches the limit (it pays everything left: `frais reels`, at least 100% FR; `N% PLV` is allowed on the baskets' postes only) with no `carence` " +
		"(a family's `max` or `plafond` that would cut the basket is R814's error), " +
		"the warning is given at the family's rule, with a suggested edit that inserts a rule for the basket before it (`dentaire.prothese_100_sante: " + basketFormula + "`).",
	Example: "responsable\ndentaire: 100% BRSS",
}, true, func(p *check.Program, report reporter) {
	type key struct {
		rule *check.Rule
		code string
	}
	seen := map[key]bool{}
	for _, code := range claimPostes(p) {
		if entry, ok := nomenclature(code); !ok || !entry.Sante100 {
			continue
		}
		cands := pathRules(p, code)
		for _, a := range cands.at() {
			f := a.formula
			if f == nil || isBasket(f.Poste) || reachesPriceLimit(f) || seen[key{f, code}] {
				continue
			}
			seen[key{f, code}] = true
			text := fmt.Sprintf("%s: %s", code, basketFormula)
			how := "less than its legal price limit"
			if coversBasket(f) {
				how = "only after its carence"
			}
			d := report(f.Node.Range, "this rule for %s pays the 100%% Santé basket %s, which has no rule of its own, %s; the law makes a contrat responsable pay it in full (CSS R871-2), so the table should say so: add %s",
				f.Poste, code, how, text)
			start := f.Node.Range.Start
			sep := "\n"
			if start.Col != 1 {
				sep = "; "
			}
			d.Fix = &diag.Edit{Range: diag.Range{Start: start, End: start}, NewText: text + sep}
		}
	}
})

// isBasket reports whether code is a 100% Santé poste or a poste declared
// below one, whose rules R803 judges.
func isBasket(code string) bool {
	entry, ok := nomenclature(code)
	return ok && entry.Sante100
}

// reachesPriceLimit reports whether a family's formula rule pays a 100%
// Santé basket up to its price limit: at least 100% PLV or everything left
// after the RO, and no carence. Its max and plafond are R814's.
func reachesPriceLimit(r *check.Rule) bool {
	_, carence := hasLimit(r, check.Carence)
	return coversBasket(r) && !carence
}
