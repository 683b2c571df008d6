package check

import (
	"strings"

	"garantie/dsl/ast"
	"garantie/dsl/diag"
)

// conditionWords are the condition forms, for suggestions.
var conditionWords = []string{"age", "anciennete", "enfant", "senior", "adulte", "reseau", "optam", "secteur", "hors parcours",
	"ald", "rembourse", "etranger", "sejour", "verres simples", "verres complexes", "verres tres complexes"}

// conditionList names the conditions in messages.
const conditionList = "conditions: age, anciennete, enfant, adulte, senior, reseau, optam, secteur N, hors parcours, ald, rembourse, etranger, sejour TYPE, verres simples, verres complexes, verres tres complexes"

// lensTypes maps the words after "verres" to the type of lenses they
// name; plural "s" is optional.
var lensTypes = map[string]Verres{"simple": VerresSimples, "complexe": VerresComplexes, "tres complexe": VerresTresComplexes}

// Ages of the named age groups (LANGUAGE.md §1).
const (
	ageAdulte = 18 // enfant is age < 18
	ageSenior = 60 // senior is age >= 60
)

// conditions checks the conditions of a rule and returns their
// conjunction. It reports conditions that contradict each other (an empty
// region) as an error, and a condition implied by the others as a
// warning.
func (c *checker) conditions(conds []*ast.Condition) (Region, bool) {
	region := Everything()
	regions := make([]Region, 0, len(conds))
	ok := true
	for _, cd := range conds {
		r, cok := c.condition(cd)
		ok = ok && cok
		regions = append(regions, r)
		region = region.Intersect(r)
	}
	if !ok {
		return region, false
	}
	if region.IsEmpty() {
		c.contradiction(conds, regions)
		return region, false
	}
	if len(conds) > 1 {
		c.redundancies(conds, regions, region)
	}
	return region, true
}

// contradiction reports conditions that can never hold together. It
// finds the first condition j at which the conjunction of conditions
// 0..j becomes empty and names the first earlier condition that
// conflicts with it alone, or all of 0..j when none does; the cost is
// linear in the number of conditions.
func (c *checker) contradiction(conds []*ast.Condition, regions []Region) {
	prefix := Everything()
	j := len(conds) - 1
	for k, r := range regions {
		if prefix = prefix.Intersect(r); prefix.IsEmpty() {
			j = k
			break
		}
	}
	for i := range j {
		if regions[i].Intersect(regions[j]).IsEmpty() {
			c.report(codeNeverHolds, conds[i].Range.Join(conds[j].Range),
				"the conditions can never hold: no claim has both %s and %s; fix the bounds or split the rule", condText(conds[i]), condText(conds[j]))
			return
		}
	}
	texts := make([]string, j+1)
	for i, cd := range conds[:j+1] {
		texts[i] = condText(cd)
	}
	c.report(codeNeverHolds, conds[0].Range.Join(conds[j].Range),
		"the conditions can never hold together: %s; fix the bounds or split the rule", strings.Join(texts, " et "))
}

// redundancies warns about the first condition that the others already
// imply. The conjunction of the others is the intersection of the
// conditions before and after it, so the cost is linear.
func (c *checker) redundancies(conds []*ast.Condition, regions []Region, all Region) {
	after := make([]Region, len(regions)+1) // after[i]: conditions i.. together
	after[len(regions)] = Everything()
	for i := len(regions) - 1; i >= 0; i-- {
		after[i] = after[i+1].Intersect(regions[i])
	}
	before := Everything()
	for i, cd := range conds {
		if before.Intersect(after[i+1]).Equal(all) {
			c.report(codeRedundantCondition, cd.Range, "the condition %s is implied by the other conditions of the rule; remove it", condText(cd))
			return
		}
		before = before.Intersect(regions[i])
	}
}

// condition checks one condition and returns the region it holds in.
func (c *checker) condition(cd *ast.Condition) (Region, bool) {
	r := Everything()
	if cd.Subject == nil {
		return r, false
	}
	subject := cd.Subject.Name
	if cd.Object != nil {
		subject += " " + cd.Object.Name
	}
	if cd.Object2 != nil {
		subject += " " + cd.Object2.Name
	}
	if s := singular(cd.Subject.Name); s == "verre" && cd.Object != nil {
		return c.lenses(cd)
	}
	if cd.Subject.Name == "sejour" {
		return c.sejour(cd)
	}
	takesValue := subject == "age" || subject == "anciennete" || subject == "secteur"
	if !takesValue && (cd.Op != nil || cd.Value != nil) && isConditionWord(subject) {
		c.report(codeConditionShape, cd.Range, "%s takes no operator or number; write si %s", cd.Subject.Raw, subject)
		return r, false
	}
	switch subject {
	case "age", "anciennete":
		years, ok := c.years(cd)
		if !ok {
			return r, false
		}
		if subject == "age" {
			r.Age, r.NeedsAge = years, true
		} else {
			r.Anciennete, r.NeedsAnciennete = years, true
		}
	case "enfant":
		r.Age, r.NeedsAge = Range(0, ageAdulte), true
	case "adulte":
		r.Age, r.NeedsAge = Range(ageAdulte, ageSenior), true
	case "senior":
		r.Age, r.NeedsAge = Range(ageSenior, Inf), true
	case "reseau":
		r.Reseau = OnlyTrue
	case "optam":
		// OPTAM is open to secteur 2 (and secteur 1 with a title): an
		// OPTAM claim is never secteur 3 (negate keeps only Optam).
		r.Optam, r.Secteur = OnlyTrue, AnySecteur&^(1<<3)
	case "etranger":
		r.Etranger = OnlyTrue
	case "hors parcours":
		r.Parcours = OnlyFalse
	case "ald":
		r.Ald = OnlyTrue
	case "rembourse", "remboursee", "rembourses", "remboursees":
		r.Rembourse = OnlyTrue
	case "secteur":
		n, ok := c.secteur(cd)
		if !ok {
			return r, false
		}
		r.Secteur = 1 << n
	default:
		s := closest(subject, conditionWords)
		rep := c.report(codeUnknownCondition, cd.Subject.Range.Join(spanOf(cd.Object)), "unknown condition %q%s ("+conditionList+")", rawSubject(cd), didYouMean(s))
		if s != "" && cd.Object == nil && !strings.Contains(s, " ") {
			rep.Fix = replace(cd.Subject.Range, s)
		}
		return r, false
	}
	if cd.Not != nil {
		r = negate(r)
	}
	return r, true
}

// negate returns the complement of a one-condition region within the
// dimension it constrains; the other dimensions stay unconstrained.
func negate(r Region) Region {
	all := Everything()
	n := all
	n.NeedsAge, n.NeedsAnciennete = r.NeedsAge, r.NeedsAnciennete
	switch {
	case !r.Age.Equal(all.Age):
		n.Age = r.Age.Complement()
	case !r.Anciennete.Equal(all.Anciennete):
		n.Anciennete = r.Anciennete.Complement()
	case r.Reseau != AnyBool:
		n.Reseau = AnyBool &^ r.Reseau
	case r.Optam != AnyBool:
		n.Optam = AnyBool &^ r.Optam
	case r.Parcours != AnyBool:
		n.Parcours = AnyBool &^ r.Parcours
	case r.Secteur != AnySecteur:
		n.Secteur = AnySecteur &^ r.Secteur
	case r.Ald != AnyBool:
		n.Ald = AnyBool &^ r.Ald
	case r.Rembourse != AnyBool:
		n.Rembourse = AnyBool &^ r.Rembourse
	case r.Verres != AnyVerres:
		n.Verres = AnyVerres &^ r.Verres
	case r.Sejour != AnySejour:
		n.Sejour = AnySejour &^ r.Sejour
	case r.Etranger != AnyBool:
		n.Etranger = AnyBool &^ r.Etranger
	}
	return n
}

// lenses checks "verres simples", "verres complexes" or "verres tres
// complexes" (accents, case and the plural "s" ignored). The values are
// exclusive, and a claim without a type of lenses matches none of them.
func (c *checker) lenses(cd *ast.Condition) (Region, bool) {
	r := Everything()
	words := singular(cd.Object.Name)
	if cd.Object2 != nil {
		words = cd.Object.Name + " " + singular(cd.Object2.Name) // "tres" is not a plural
	}
	v, ok := lensTypes[words]
	if !ok {
		s := closest("verres "+words, conditionWords[len(conditionWords)-3:])
		rep := c.report(codeUnknownCondition, cd.Object.Range.Join(spanOf(cd.Object2)), "unknown type of lenses %q%s (verres simples, verres complexes or verres tres complexes)",
			rawSubject(cd), didYouMean(s))
		if s != "" {
			rep.Fix = replace(cd.Subject.Range.Join(cd.Object.Range).Join(spanOf(cd.Object2)), s)
		}
		return r, false
	}
	r.Verres = 1 << v
	if cd.Not != nil {
		r = negate(r)
	}
	return r, true
}

// sejour checks "sejour TYPE": the type of the hospital stay, one of
// TypesSejour. The types are exclusive, and a claim without a type of
// stay matches none of them.
func (c *checker) sejour(cd *ast.Condition) (Region, bool) {
	r := Everything()
	if cd.Object == nil {
		c.report(codeUnknownSejour, cd.Range, "sejour needs a type of stay: write si sejour chirurgie (%s)", sejourList)
		return r, false
	}
	for t, w := range TypesSejour {
		if t > 0 && w == cd.Object.Name {
			r.Sejour = 1 << t
			if cd.Not != nil {
				r = negate(r)
			}
			return r, true
		}
	}
	s := closest(cd.Object.Name, TypesSejour[1:])
	rep := c.report(codeUnknownSejour, cd.Object.Range, "unknown type of stay %q%s (%s)", cd.Object.Raw, didYouMean(s), sejourList)
	if s != "" {
		rep.Fix = replace(cd.Object.Range, s)
	}
	return r, false
}

// sejourList names the types of stay in messages.
const sejourList = "types of stay: medecine, chirurgie, psychiatrie, smr, maternite, had"

// years checks "age OP N" or "anciennete OP N ans" and returns the set of
// whole years it holds for.
func (c *checker) years(cd *ast.Condition) (IntSet, bool) {
	subject := cd.Subject.Name
	if cd.Op == nil || cd.Value == nil {
		c.report(codeConditionShape, cd.Range, "%s needs a comparison: write si %s >= 2%s", cd.Subject.Raw, subject, yearsSuffix(subject))
		return nil, false
	}
	q := cd.Value
	n := q.Number.Value
	word := singular(wordOf(q))
	if symbolOf(q) != noSymbol || !isWhole(n) || word != "" && word != "an" && word != "annee" {
		c.report(codeConditionShape, q.Range, "%s is compared with a whole number of years: write si %s %s %s%s", cd.Subject.Raw, subject, cd.Op.Text, n.Truncate(0), yearsSuffix(subject))
		return nil, false
	}
	if !atMost(q.Number, MaxYears) {
		c.report(codeYearsRange, q.Number.Range, "%s %s is out of range: %s is compared with a number of years from 0 to 150", cd.Subject.Raw, q.Number.Raw, subject)
		return nil, false
	}
	v := int(n.IntPart())
	switch cd.Op.Text {
	case "<":
		return Range(0, v), true
	case "<=":
		return Range(0, v+1), true
	case ">":
		return Range(v+1, Inf), true
	case ">=":
		return Range(v, Inf), true
	}
	c.report(codeConditionShape, cd.Op.Range, "unknown comparison %q: use <, <=, > or >=", cd.Op.Text)
	return nil, false
}

// yearsSuffix is the unit word written after a number of years.
func yearsSuffix(subject string) string {
	if subject == "anciennete" {
		return " ans"
	}
	return ""
}

// secteur checks "secteur N" with N in 1..3.
func (c *checker) secteur(cd *ast.Condition) (int, bool) {
	q := cd.Value
	if cd.Op != nil || q == nil || symbolOf(q) != noSymbol || q.Word != nil || !wholeIn(q.Number.Value, 1, 3) {
		c.report(codeBadSecteur, cd.Range, "secteur takes 1, 2 or 3: write si secteur 2")
		return 0, false
	}
	return int(q.Number.Value.IntPart()), true
}

// isConditionWord reports whether subject is a known condition.
func isConditionWord(subject string) bool {
	for _, w := range conditionWords {
		if w == subject {
			return true
		}
	}
	return false
}

// rawSubject renders the subject words of a condition as written.
func rawSubject(cd *ast.Condition) string {
	s := cd.Subject.Raw
	if cd.Object != nil {
		s += " " + cd.Object.Raw
	}
	if cd.Object2 != nil {
		s += " " + cd.Object2.Raw
	}
	return s
}

// condText renders a condition as written, for messages.
func condText(cd *ast.Condition) string {
	var parts []string
	if cd.Not != nil {
		parts = append(parts, cd.Not.Raw)
	}
	parts = append(parts, rawSubject(cd))
	if cd.Op != nil {
		parts = append(parts, cd.Op.Text)
	}
	if cd.Value != nil {
		parts = append(parts, quantityText(cd.Value))
	}
	return strings.Join(parts, " ")
}

// spanOf returns the range of an optional identifier.
func spanOf(id *ast.Ident) diag.Range {
	if id == nil {
		return diag.Range{}
	}
	return id.Range
}
