package lint

import (
	"slices"
	"strconv"
	"strings"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// uncoveredCare checks that every claim on a poste the RO reimburses meets
// a formula rule, so that its ticket modérateur can be covered at all.
var uncoveredCare = newRule(diag.Info{
	Code:     "R813",
	Title:    "care without a rule",
	Severity: diag.Warning,
	Doc: "CSS L871-1 and R871-2: a contrat responsable covers the ticket modérateur of all care the RO reimburses. " +
		"R801 judges the rules a contract has; this check looks for care it forgot: a poste of the nomenclature with an RO rate " +
		"on which some claims meet no formula rule, neither on the poste nor on a family above it, so they would be non couvert. " +
		"Postes with no rule at all are listed together at the `responsable` line; a poste whose rules hold only for some claims " +
		"(`consult.specialiste si optam` alone leaves the non-OPTAM doctors out) is reported at its first rule with an example claim. " +
		"Claims outside the parcours de soins are left aside (their majoration must stay uncovered), and so are claims for an ALD or that the RO does not reimburse (no ticket modérateur), " +
		"the cure thermale and the 100% Santé baskets, which the law covers up to their price limit when no rule applies (R803, R815). " +
		"The types of lenses (`verres simples`, …, and none given) are told apart when a rule names one. " +
		"It is a warning, not an error: a contract may cover the same care under postes it declares itself, which this check cannot relate " +
		"to the nomenclature. Add a rule for the family (`soins: 100% BRSS`) or for each poste.",
	Example: "responsable\nhospitalisation.forfait_journalier: frais reels\nconsult: 100% BRSS",
}, true, func(p *check.Program, report reporter) {
	var missing []string
	for _, entry := range regles.Postes() {
		code := entry.Code
		if !strings.Contains(code, ".") || entry.RO == regles.RONone || entry.Sante100 || regles.TicketModerateurFacultatif(code) {
			continue
		}
		var rules []*check.Rule
		for c := code; c != ""; c = regles.Parent(c) {
			rules = append(rules, formulaRules(p, c)...)
		}
		if len(rules) == 0 {
			missing = append(missing, code)
			continue
		}
		if example, ok := uncoveredPoint(rules); ok {
			first := slices.MinFunc(rules, func(a, b *check.Rule) int { return a.Index - b.Index })
			report(first.Node.Range, "a contrat responsable covers the ticket modérateur of all care the RO reimburses (CSS R871-2), but no rule for %s holds for %s; add a rule without conditions, or one for the other claims", code, example)
		}
	}
	if len(missing) > 0 {
		report(responsableRange(p), "a contrat responsable covers the ticket modérateur of all care the RO reimburses (CSS R871-2), but no rule applies to %s; add a rule for each, or for their family (such as `%s: 100%% BRSS`)",
			strings.Join(groupByFamily(missing), ", "), regles.Parent(missing[0]))
	}
})

// uncoveredPoint looks for a claim in the parcours de soins, reimbursed
// by the RO and outside an ALD (a claim that leaves a ticket modérateur),
// that none of rules holds for, splitting each condition dimension at the
// bounds the rules use (and every type of lenses when a rule names one);
// it describes the first one found.
func uncoveredPoint(rules []*check.Rule) (string, bool) {
	ages, seniorities := []int{0}, []int{0}
	verres := []check.Verres{check.NoVerres}
	for _, r := range rules {
		ages = append(ages, r.Cond.Age.Bounds()...)
		seniorities = append(seniorities, r.Cond.Anciennete.Bounds()...)
		if r.Cond.Verres != check.AnyVerres {
			verres = allVerres
		}
	}
	slices.Sort(ages)
	slices.Sort(seniorities)
	for _, age := range slices.Compact(ages) {
		for _, anc := range slices.Compact(seniorities) {
			for _, reseau := range []bool{false, true} {
				for _, optam := range []bool{false, true} {
					for secteur := range 4 {
						for _, v := range verres {
							pt := check.Point{Age: age, HasAge: true, Anciennete: anc, HasAnc: true, Reseau: reseau, Optam: optam, Parcours: true, Secteur: secteur,
								Rembourse: true, Verres: v}
							if !slices.ContainsFunc(rules, func(r *check.Rule) bool { return r.Cond.Match(pt) }) {
								if v == check.NoVerres && len(verres) > 1 {
									return pointText(pt) + ", with no type of lenses given", true
								}
								return pointText(pt), true
							}
						}
					}
				}
			}
		}
	}
	return "", false
}

// pointText describes a claim point in words an actuary reads.
func pointText(pt check.Point) string {
	parts := []string{"a claim for a beneficiary aged " + strconv.Itoa(pt.Age)}
	if pt.Anciennete > 0 {
		parts = append(parts, "member for "+strconv.Itoa(pt.Anciennete)+" years")
	}
	if pt.Reseau {
		parts = append(parts, "in réseau")
	}
	if pt.Optam {
		parts = append(parts, "with an OPTAM doctor")
	} else {
		parts = append(parts, "with a non-OPTAM doctor")
	}
	if pt.Secteur > 0 {
		parts = append(parts, "in secteur "+strconv.Itoa(pt.Secteur))
	}
	if pt.Ald {
		parts = append(parts, "for an ALD")
	}
	if !pt.Rembourse {
		parts = append(parts, "that the RO does not reimburse")
	}
	if text, ok := verresText[pt.Verres]; ok {
		parts = append(parts, text)
	}
	return strings.Join(parts, ", ")
}

// groupByFamily shortens a sorted list of poste codes: a family all of
// whose RO postes are listed becomes "family.*".
func groupByFamily(codes []string) []string {
	byFamily := map[string][]string{}
	var families []string
	for _, c := range codes {
		f := regles.Parent(c)
		if _, ok := byFamily[f]; !ok {
			families = append(families, f)
		}
		byFamily[f] = append(byFamily[f], c)
	}
	var out []string
	for _, f := range families {
		all := 0
		for _, e := range regles.Postes() {
			if regles.Parent(e.Code) == f && e.RO != regles.RONone && !e.Sante100 && !regles.TicketModerateurFacultatif(e.Code) {
				all++
			}
		}
		if len(byFamily[f]) == all && all > 1 {
			out = append(out, f+".*")
			continue
		}
		out = append(out, byFamily[f]...)
	}
	return out
}

// verresText describes the lenses of a claim's optical equipment.
var verresText = map[check.Verres]string{
	check.VerresSimples:       "with simple lenses",
	check.VerresComplexes:     "with complex lenses",
	check.VerresTresComplexes: "with very complex lenses",
}
