package lint

import (
	"slices"
	"strings"

	"garantie/dsl/check"
	"garantie/regles"
)

// Which rules apply to a claim, as LANGUAGE.md §3 step 2 says, computed
// statically over representative claims: the checks that must know what a
// claim on a poste really meets (the formula of an ancestor, the limits of
// a limit-only rule above it) share this.

// pathRules returns the rules that are candidates for a claim on code:
// those on code or on one of its ancestors, in source order.
func pathRules(p *check.Program, code string) []*check.Rule {
	var out []*check.Rule
	for _, r := range p.Rules {
		if under(code, r.Poste) {
			out = append(out, r)
		}
	}
	return out
}

// applying returns the rules among cands (the candidates of one claim
// poste) that apply to a claim at pt: the formula rule, nil when none holds
// or when the holding rules are ambiguous (the checker reports E135), and
// every limit-only rule that holds.
func applying(cands []*check.Rule, pt check.Point) (formula *check.Rule, limits []*check.Rule) {
	var holding []*check.Rule
	depth := 0
	for _, r := range cands {
		if !r.Cond.Match(pt) {
			continue
		}
		if r.Kind == check.LimitRule {
			limits = append(limits, r)
			continue
		}
		switch {
		case r.Depth > depth:
			depth, holding = r.Depth, []*check.Rule{r}
		case r.Depth == depth:
			holding = append(holding, r)
		}
	}
	for _, r := range holding {
		if !slices.ContainsFunc(holding, func(o *check.Rule) bool { return !r.Cond.SubsetOf(o.Cond) }) {
			return r, limits
		}
	}
	return nil, limits
}

// points returns representative claims for the rules: every combination
// of the boolean conditions and sectors, and of ages and seniorities taken
// at each bound the rules use and one year below it, so that two
// neighbouring points straddle every threshold a beneficiary can cross.
// Extra ages are thresholds of the law to take as bounds too.
func points(rules []*check.Rule, extraAges ...int) []check.Point {
	ages, seniorities := []int{0}, []int{0}
	for _, b := range extraAges {
		ages = append(ages, b, max(b-1, 0))
	}
	for _, r := range rules {
		for _, b := range r.Cond.Age.Bounds() {
			ages = append(ages, b, max(b-1, 0))
		}
		for _, b := range r.Cond.Anciennete.Bounds() {
			seniorities = append(seniorities, b, max(b-1, 0))
		}
	}
	slices.Sort(ages)
	slices.Sort(seniorities)
	var out []check.Point
	for _, age := range slices.Compact(ages) {
		for _, anc := range slices.Compact(seniorities) {
			for _, reseau := range []bool{false, true} {
				for _, optam := range []bool{false, true} {
					for _, parcours := range []bool{true, false} {
						for secteur := range 4 {
							out = append(out, check.Point{Age: age, HasAge: true, Anciennete: anc, HasAnc: true,
								Reseau: reseau, Optam: optam, Parcours: parcours, Secteur: secteur})
						}
					}
				}
			}
		}
	}
	return out
}

// claimPostes returns the postes a claim may name below the families of
// the nomenclature, and the postes the contract declares, sorted.
func claimPostes(p *check.Program) []string {
	var out []string
	for _, e := range regles.Postes() {
		if strings.Contains(e.Code, ".") {
			out = append(out, e.Code)
		}
	}
	for _, d := range p.Declared {
		out = append(out, d.Code)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// formulasFor returns the formula rules that are the formula rule of some
// claim on code, in source order: its own, and those of ancestors for the
// claims no deeper rule holds for.
func formulasFor(p *check.Program, code string) []*check.Rule {
	cands := pathRules(p, code)
	seen := map[*check.Rule]bool{}
	for _, pt := range points(cands) {
		if f, _ := applying(cands, pt); f != nil {
			seen[f] = true
		}
	}
	var out []*check.Rule
	for _, r := range cands {
		if seen[r] {
			out = append(out, r)
		}
	}
	return out
}
