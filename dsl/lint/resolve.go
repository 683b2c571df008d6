package lint

import (
	"slices"
	"strings"
	"sync"

	"garantie/dsl/check"
	"garantie/regles"
)

// Which rules apply to a claim, as LANGUAGE.md §3 step 2 says, computed
// statically over representative claims: the checks that must know what a
// claim on a poste really meets (the formula of an ancestor, the limits of
// a limit-only rule above it) share this.

// candidates are the rules that are candidates for a claim on one poste:
// those on the poste or on one of its ancestors, in source order, with
// which formula rule's conditions are contained in which other's.
type candidates struct {
	rules []*check.Rule
	// within[i][j] is true when the conditions of rules[i] are contained
	// in those of rules[j].
	within [][]bool
	pts    []check.Point // points(c), computed once
	atPts  []resolved    // at(), computed once
}

// resolved is a representative claim and the rules that apply to it.
type resolved struct {
	pt      check.Point
	formula *check.Rule
	limits  []*check.Rule // never to be appended to in place
}

// at returns the representative claims of points(c) with the rules that
// apply to each.
func (c *candidates) at() []resolved {
	if c.atPts == nil {
		pts := points(c)
		c.atPts = make([]resolved, len(pts))
		for i, pt := range pts {
			f, limits := applying(c, pt)
			c.atPts[i] = resolved{pt: pt, formula: f, limits: slices.Clip(limits)}
		}
	}
	return c.atPts
}

// resolutions holds, while Run runs on a program, the candidates of each
// claim poste, which several rules ask for.
var resolutions sync.Map // *check.Program -> *resolution

type resolution struct {
	mu     sync.Mutex
	byCode map[string]*candidates
}

// pathRules returns the candidates of a claim on code, from the cache of
// Run when it is running on p.
func pathRules(p *check.Program, code string) *candidates {
	v, ok := resolutions.Load(p)
	if !ok {
		return newCandidates(p, code)
	}
	res := v.(*resolution)
	res.mu.Lock()
	defer res.mu.Unlock()
	c, ok := res.byCode[code]
	if !ok {
		c = newCandidates(p, code)
		res.byCode[code] = c
	}
	return c
}

// newCandidates computes the candidates of a claim on code.
func newCandidates(p *check.Program, code string) *candidates {
	c := &candidates{}
	for _, r := range p.Rules {
		if under(code, r.Poste) {
			c.rules = append(c.rules, r)
		}
	}
	c.within = make([][]bool, len(c.rules))
	for i, a := range c.rules {
		c.within[i] = make([]bool, len(c.rules))
		for j, b := range c.rules {
			c.within[i][j] = a.IsFormula() && b.IsFormula() && within(a.Cond, b.Cond)
		}
	}
	return c
}

// applying returns the rules among the candidates that apply to a claim
// at pt: the formula rule, nil when none holds or when the holding rules
// are ambiguous (the checker reports E135), and every limit-only rule that
// holds.
func applying(c *candidates, pt check.Point) (formula *check.Rule, limits []*check.Rule) {
	var holding []int
	depth := 0
	for i, r := range c.rules {
		if !r.Cond.Match(pt) {
			continue
		}
		if r.Kind == check.LimitRule {
			limits = append(limits, r)
			continue
		}
		switch {
		case r.Depth > depth:
			depth, holding = r.Depth, append(holding[:0], i)
		case r.Depth == depth:
			holding = append(holding, i)
		}
	}
	for _, i := range holding {
		if !slices.ContainsFunc(holding, func(j int) bool { return !c.within[i][j] }) {
			return c.rules[i], limits
		}
	}
	return nil, limits
}

// points returns representative claims for the candidates: ages and
// seniorities taken at each bound the rules use and one year below it, so
// that two neighbouring points straddle every threshold a beneficiary can
// cross, and, on the other conditions, both values (every sector, every
// type of lenses and none) where a candidate restricts them, the default
// value (not in réseau, not OPTAM, in the parcours, no sector, not ALD,
// reimbursed by the RO, no type of lenses) where none does. Extra ages are
// thresholds of the law to take as bounds too.
func points(c *candidates, extraAges ...int) []check.Point {
	if len(extraAges) == 0 && c.pts != nil {
		return c.pts
	}
	ages, seniorities := []int{0}, []int{0}
	for _, b := range extraAges {
		ages = append(ages, b, max(b-1, 0))
	}
	reseaux, optams, parcours, secteurs := []bool{false}, []bool{false}, []bool{true}, []int{0}
	alds, rembourses, verres := []bool{false}, []bool{true}, []check.Verres{check.NoVerres}
	for _, r := range c.rules {
		for _, b := range r.Cond.Age.Bounds() {
			ages = append(ages, b, max(b-1, 0))
		}
		for _, b := range r.Cond.Anciennete.Bounds() {
			seniorities = append(seniorities, b, max(b-1, 0))
		}
		if r.Cond.Reseau != check.AnyBool {
			reseaux = []bool{false, true}
		}
		if r.Cond.Optam != check.AnyBool {
			optams = []bool{false, true}
		}
		if r.Cond.Parcours != check.AnyBool {
			parcours = []bool{true, false}
		}
		if r.Cond.Secteur != check.AnySecteur {
			secteurs = []int{0, 1, 2, 3}
		}
		if r.Cond.Ald != check.AnyBool {
			alds = []bool{false, true}
		}
		if r.Cond.Rembourse != check.AnyBool {
			rembourses = []bool{true, false}
		}
		if r.Cond.Verres != check.AnyVerres {
			verres = allVerres
		}
	}
	slices.Sort(ages)
	slices.Sort(seniorities)
	ages, seniorities = slices.Compact(ages), slices.Compact(seniorities)
	others := make([]check.Point, 0, len(reseaux)*len(optams)*len(parcours)*len(secteurs)*len(alds)*len(rembourses)*len(verres))
	for _, reseau := range reseaux {
		for _, optam := range optams {
			for _, inParcours := range parcours {
				for _, secteur := range secteurs {
					for _, ald := range alds {
						for _, rembourse := range rembourses {
							for _, v := range verres {
								others = append(others, check.Point{Reseau: reseau, Optam: optam, Parcours: inParcours, Secteur: secteur,
									Ald: ald, Rembourse: rembourse, Verres: v})
							}
						}
					}
				}
			}
		}
	}
	out := make([]check.Point, 0, len(ages)*len(seniorities)*len(others))
	for _, age := range ages {
		for _, anc := range seniorities {
			for _, o := range others {
				o.Age, o.HasAge, o.Anciennete, o.HasAnc = age, true, anc, true
				out = append(out, o)
			}
		}
	}
	if len(extraAges) == 0 {
		c.pts = out
	}
	return out
}

// within reports whether every claim of region a is in region b, like
// check.Region.SubsetOf without allocating.
func within(a, b check.Region) bool {
	if a.IsEmpty() {
		return true
	}
	return yearsWithin(a.Age, b.Age) && yearsWithin(a.Anciennete, b.Anciennete) &&
		a.Reseau&^b.Reseau == 0 && a.Optam&^b.Optam == 0 &&
		a.Parcours&^b.Parcours == 0 && a.Secteur&^b.Secteur == 0 &&
		a.Ald&^b.Ald == 0 && a.Rembourse&^b.Rembourse == 0 && a.Verres&^b.Verres == 0
}

// allVerres are the values of a claim's verres column, none first.
var allVerres = []check.Verres{check.NoVerres, check.VerresSimples, check.VerresComplexes, check.VerresTresComplexes}

// yearsWithin reports whether every interval of a lies inside one of b's
// (both are normalised: sorted, disjoint, non-adjacent).
func yearsWithin(a, b check.IntSet) bool {
	for _, iv := range a {
		if !slices.ContainsFunc(b, func(jv check.Interval) bool { return jv.Lo <= iv.Lo && iv.Hi <= jv.Hi }) {
			return false
		}
	}
	return true
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
	for _, a := range cands.at() {
		if f := a.formula; f != nil {
			seen[f] = true
		}
	}
	var out []*check.Rule
	for _, r := range cands.rules {
		if seen[r] {
			out = append(out, r)
		}
	}
	return out
}

// formulasUnder returns the formula rules that are the formula rule of
// some claim on one of the postes or a poste below them (declared ones
// included), in source order: their own rules, and a family's for the
// claims none of theirs holds for.
func formulasUnder(p *check.Program, postes ...string) []*check.Rule {
	seen := map[*check.Rule]bool{}
	for _, code := range claimPostes(p) {
		if slices.ContainsFunc(postes, func(poste string) bool { return under(code, poste) }) {
			for _, r := range formulasFor(p, code) {
				seen[r] = true
			}
		}
	}
	var out []*check.Rule
	for _, r := range p.Rules {
		if seen[r] {
			out = append(out, r)
		}
	}
	return out
}
