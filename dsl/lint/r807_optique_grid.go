package lint

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// optiqueGrid checks the fixed amounts of a frame and lenses against the
// row of the optique classe B grid of their type of lenses.
var optiqueGrid = newRule(diag.Info{
	Code:     "R807",
	Title:    "optique equipment outside the legal grid",
	Severity: diag.Error,
	Doc: "CSS R871-2: a contrat responsable covers an optique classe B equipment (a frame and two lenses), ticket modérateur included, between a minimum and a maximum " +
		"that depend on the lenses (`regles.GrilleOptiqueClasseB`): simple lenses 50–420 €, complex 200–700 €, very complex 200–800 €, and for a pair of two kinds " +
		"simple+complex 125–560 €, simple+very complex 125–610 €, complex+very complex 200–750 €. " +
		"A claim gives one type of lenses per equipment (the `verres` column, on its frame and lens lines alike, LANGUAGE.md §4), so the check reads it as two lenses of that type: " +
		"for each type, whether the rules name it or not (and for an equipment whose type is not given), the rule that applies to the frame and the rule that applies to the lenses, " +
		"each on `optique.monture` or `optique.verres` or a poste declared below them (a family's rule is not judged), " +
		"must together pay, in per-unit amounts and forfaits (RO inclus or not; an amount per `oeil` counts twice, one lens per eye, another per-unit amount once), an amount within the row of that type; " +
		"with the type not given, within the lowest minimum and the highest maximum of the grid (50–800 €). " +
		"Write the amounts per type with conditions: `optique.verres si verres simples: 100% BRSS + forfait 100€ / 24 mois glissants`, `optique.verres si verres tres complexes: 100% BRSS + forfait 300€ / 24 mois glissants`. " +
		"The rows of mixed pairs cannot be named by a claim and are not checked; their bounds lie between those of the pure rows. " +
		"Each pair of rules is reported once, at the lens rule, for the first row it misses. Only rules paying the ticket modérateur at most plus fixed amounts are judged; the ticket modérateur is left out of the sum " +
		"(the LPP base of classe B frames and lenses is symbolic, a few cents for adults, and so is the RO a forfait RO inclus includes). " +
		"Rules paying a share of prices beyond the TM (above 100% BRSS, a percentage of FR, `frais reels`) get R808 instead.",
	Example: "responsable\noptique.monture: forfait 100€ / 24 mois glissants\noptique.verres: forfait 750€ / 24 mois glissants",
}, true, func(p *check.Program, report reporter) {
	grid := gridAt(p)
	type key struct {
		frame, lenses *check.Rule
	}
	seen := map[key]bool{}
	judged := map[*check.Rule]bool{} // gridJudged, computed once per rule
	isJudged := func(r *check.Rule, poste string) bool {
		if r == nil {
			return false
		}
		j, ok := judged[r]
		if !ok {
			j = gridJudged(p, r, poste)
			judged[r] = j
		}
		return j
	}
	postes := claimPostes(p)
	for _, mc := range postes {
		if !under(mc, monturePoste) {
			continue
		}
		frames := pathRules(p, mc)
		for _, vc := range postes {
			if !under(vc, verresPoste) {
				continue
			}
			lenses := pathRules(p, vc)
			both := &candidates{rules: slices.Concat(frames.rules, lenses.rules)}
			for _, pt := range points(both) {
				for _, lens := range allVerres {
					pt.Verres = lens
					m, _ := applying(frames, pt)
					v, _ := applying(lenses, pt)
					if !isJudged(m, monturePoste) || !isJudged(v, verresPoste) {
						continue
					}
					row := gridRow(grid, pt.Verres)
					if seen[key{m, v}] {
						continue
					}
					total := fixedAmount(p, v).Add(fixedAmount(p, m))
					if total.GreaterThan(row.Max) || total.LessThan(row.Min) {
						seen[key{m, v}] = true
						report(v.Node.Range, "a contrat responsable covers an optique equipment %s between %s and %s (CSS R871-2), but the frame (line %d) and these lenses together pay %s beyond the ticket modérateur; adjust the amounts%s",
							gridRowText(row), euroText(row.Min), euroText(row.Max), m.Line, euroText(total), splitByLenses(pt.Verres, v))
					}
				}
			}
		}
	}
})

// gridJudged reports whether r is a rule of poste (or of a poste declared
// below it) that pays the ticket modérateur at most plus fixed amounts.
func gridJudged(p *check.Program, r *check.Rule, poste string) bool {
	return r != nil && r.Kind == check.FormulaRule && under(r.Poste, poste) && !beyondTM(p, r)
}

// gridAt returns the optique classe B grid in force at the contract's
// reference date, the latest one when there is none then.
func gridAt(p *check.Program) []regles.OptiqueGrille {
	grid, err := regles.Default().GrilleOptiqueClasseB(referenceDate(p))
	if err != nil {
		return regles.GrilleOptiqueClasseB()
	}
	return grid
}

// gridRows maps a claim's type of lenses to its grid row: two lenses of
// that type.
var gridRows = map[check.Verres]string{
	check.VerresSimples:       "simple",
	check.VerresComplexes:     "complexe",
	check.VerresTresComplexes: "tres_complexe",
}

// gridRow returns the row of the grid for an equipment of lenses v; for no
// type given, a row from the lowest minimum to the highest maximum, with
// no name.
func gridRow(grid []regles.OptiqueGrille, v check.Verres) regles.OptiqueGrille {
	if name, ok := gridRows[v]; ok {
		if i := slices.IndexFunc(grid, func(g regles.OptiqueGrille) bool { return g.Verres == name }); i >= 0 {
			return grid[i]
		}
	}
	out := regles.OptiqueGrille{Min: grid[0].Min, Max: grid[0].Max}
	for _, g := range grid[1:] {
		out.Min, out.Max = decimal.Min(out.Min, g.Min), decimal.Max(out.Max, g.Max)
	}
	return out
}

// gridRowText describes the equipment of a grid row for messages.
func gridRowText(row regles.OptiqueGrille) string {
	switch row.Verres {
	case "simple":
		return "with simple lenses"
	case "complexe":
		return "with complex lenses"
	case "tres_complexe":
		return "with very complex lenses"
	}
	return "whose type of lenses is not given"
}

// splitByLenses advises, for a lens rule that applies to every type of
// lenses, a rule per type.
func splitByLenses(v check.Verres, r *check.Rule) string {
	if v == check.NoVerres || r.Cond.Verres != check.AnyVerres {
		return ""
	}
	return fmt.Sprintf(" (the grid depends on the lenses: give %s a rule per type, such as %s si verres simples)", r.Poste, r.Poste)
}
