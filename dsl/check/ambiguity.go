package check

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"strings"

	"garantie/dsl/diag"
)

// The ambiguity check (LANGUAGE.md §2): for every claim, the formula rules
// of a poste whose conditions hold must include one whose region is
// contained in all the others', since that is the rule the evaluator
// applies.
//
// Regions are products of one set per dimension, so the claim space of a
// poste splits into cells: per dimension, the boundaries of every rule's set
// cut it into intervals (ages, seniorities) or values (booleans, sectors)
// on which every rule either holds or not. Only the dimensions that some rule
// of the poste constrains are split, and a dimension is split under a cell
// only if a rule matching there is constrained on it. One representative
// point per cell decides the cell, and cells with the same set of matching
// rules are decided once. The cells are walked depth first with the
// running set of matching rules as a bitset, pruning as soon as fewer than
// two rules match, so a poste whose rules barely overlap costs little.

// dimension is an axis of the claim space.
type dimension int

const (
	dimAge dimension = iota
	dimAnciennete
	dimReseau
	dimOptam
	dimParcours
	dimSecteur
	dimAld
	dimRembourse
	dimVerres
	dimSejour
	dimEtranger
	numDimensions
)

// axis is a constrained dimension split into cells.
type axis struct {
	dim    dimension
	values []int      // a representative value of each cell
	match  [][]uint64 // match[k]: bitset of the rules that hold at values[k]
	// split holds the rules that hold at some values and not at others:
	// the axis tells apart only sets of rules that meet it.
	split []uint64
}

// point is a representative claim: one value per dimension, -1 for a
// dimension no rule constrains.
type point [numDimensions]int

// ambiguity is a pair of formula rules that both hold at a point where no
// rule is the most specific.
type ambiguity struct {
	a, b *Rule // a comes first in the source
	at   point
}

// MaxFormulaRules is the largest number of formula rules with distinct
// conditions on one poste. Real tables have a handful; the bound keeps
// the ambiguity check, whose cost grows with the number of cells the
// rules cut the claim space into, within a fraction of a second.
const MaxFormulaRules = 128

// maxAmbiguities bounds the ambiguous pairs reported for one poste: past
// it, the poste needs rewriting rather than more messages.
const maxAmbiguities = 16

// ambiguities reports the ambiguous pairs of formula rules of each poste.
// Rules with the same conditions as an earlier one are duplicates (see
// duplicates) and take no further part: the first stands for them.
func (c *checker) ambiguities() {
	for _, group := range postes(c.prog.Rules, (*Rule).IsFormula) {
		rules := distinctRegions(group)
		if len(rules) > MaxFormulaRules {
			r := rules[MaxFormulaRules]
			c.report(codeTooManyRules, r.Node.Range, "%s has more than %d formula rules with distinct conditions; merge rules, or move conditions to limit-only rules", r.Poste, MaxFormulaRules)
			continue
		}
		for _, amb := range findAmbiguities(rules) {
			c.reportAmbiguity(amb)
		}
	}
}

// distinctRegions returns the rules whose conditions differ from those of
// every earlier rule, in source order.
func distinctRegions(rules []*Rule) []*Rule {
	seen := make(map[string]bool, len(rules))
	out := rules[:0:0]
	for _, r := range rules {
		if k := r.condKey(); !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}

// findAmbiguities returns, for the formula rules of one poste in source
// order, each pair of rules that are both minimal at some cell where no
// rule is contained in all the matching ones, with the first such cell;
// at most maxAmbiguities pairs.
func findAmbiguities(rules []*Rule) []ambiguity {
	n := len(rules)
	if n < 2 {
		return nil
	}
	words := (n + 63) / 64
	// sup[i] holds j when rule i's region is contained in rule j's.
	sup := make([][]uint64, n)
	for i, ri := range rules {
		sup[i] = make([]uint64, words)
		for j, rj := range rules {
			if ri.Cond.SubsetOf(rj.Cond) {
				setBit(sup[i], j)
			}
		}
	}
	axes := splitAxes(rules, words)
	sets := make([][]uint64, len(axes)+1)
	for d := range sets {
		sets[d] = make([]uint64, words)
	}
	for i := range n {
		setBit(sets[0], i)
	}
	var at point
	for d := range at {
		at[d] = -1
	}
	var found []ambiguity
	reported := map[[2]int]bool{}
	// decided holds the sets of matching rules already decided: cells
	// with the same set have the same answer.
	decided := map[string]bool{}
	members := make([]int, 0, n)
	var walk func(d int)
	walk = func(d int) {
		if len(found) == maxAmbiguities {
			return
		}
		if d < len(axes) {
			ax := axes[d]
			if !meets(sets[d], ax.split) {
				// Every rule of the set holds at every value: one cell.
				copy(sets[d+1], sets[d])
				at[ax.dim] = ax.values[0]
				walk(d + 1)
				return
			}
			for k, v := range ax.values {
				if and(sets[d+1], sets[d], ax.match[k]) < 2 {
					continue
				}
				at[ax.dim] = v
				walk(d + 1)
			}
			return
		}
		s := sets[d]
		key := bitsKey(s)
		if decided[key] {
			return
		}
		decided[key] = true
		members = members[:0]
		for i := range n {
			if hasBit(s, i) {
				members = append(members, i)
			}
		}
		for _, m := range members {
			if subsetBits(s, sup[m]) {
				return // m is contained in every matching rule
			}
		}
		minimal := members[:0:0]
		for _, m := range members {
			if !slices.ContainsFunc(members, func(k int) bool { return hasBit(sup[k], m) && !hasBit(sup[m], k) }) {
				minimal = append(minimal, m)
			}
		}
		for x, i := range minimal {
			for _, j := range minimal[x+1:] {
				if hasBit(sup[i], j) || hasBit(sup[j], i) || reported[[2]int{i, j}] {
					continue
				}
				reported[[2]int{i, j}] = true
				found = append(found, ambiguity{a: rules[i], b: rules[j], at: at})
				if len(found) == maxAmbiguities {
					return
				}
			}
		}
	}
	walk(0)
	return found
}

// splitAxes returns the dimensions some rule constrains, each cut into the
// cells on which every rule's set is constant.
func splitAxes(rules []*Rule, words int) []axis {
	all := Everything()
	var axes []axis
	add := func(dim dimension, values []int, holds func(Region, int) bool) {
		ax := axis{dim: dim, values: values, match: make([][]uint64, len(values)), split: make([]uint64, words)}
		for k, v := range values {
			ax.match[k] = make([]uint64, words)
			for i, r := range rules {
				if holds(r.Cond, v) {
					setBit(ax.match[k], i)
				}
			}
		}
		for i := range rules {
			held := 0
			for k := range values {
				if hasBit(ax.match[k], i) {
					held++
				}
			}
			if held < len(values) {
				setBit(ax.split, i)
			}
		}
		axes = append(axes, ax)
	}
	years := func(dim dimension, get func(Region) IntSet) {
		bounds := []int{0}
		constrained := false
		for _, r := range rules {
			if s := get(r.Cond); !s.Equal(AllYears) {
				constrained = true
				bounds = append(bounds, s.Bounds()...)
			}
		}
		if !constrained {
			return
		}
		slices.Sort(bounds)
		bounds = slices.Compact(bounds)
		values := make([]int, len(bounds))
		for k, lo := range bounds {
			values[k] = lo
			if k+1 < len(bounds) {
				values[k] = (lo + bounds[k+1] - 1) / 2 // a typical age of the cell
			}
		}
		add(dim, values, func(r Region, v int) bool { return get(r).Contains(v) })
	}
	years(dimAge, func(r Region) IntSet { return r.Age })
	years(dimAnciennete, func(r Region) IntSet { return r.Anciennete })
	boolean := func(dim dimension, get func(Region) Bools) {
		for _, r := range rules {
			if get(r.Cond) != AnyBool {
				add(dim, []int{1, 0}, func(r Region, v int) bool { return get(r).Has(v == 1) })
				return
			}
		}
	}
	boolean(dimReseau, func(r Region) Bools { return r.Reseau })
	boolean(dimOptam, func(r Region) Bools { return r.Optam })
	boolean(dimParcours, func(r Region) Bools { return r.Parcours })
	boolean(dimAld, func(r Region) Bools { return r.Ald })
	boolean(dimRembourse, func(r Region) Bools { return r.Rembourse })
	boolean(dimEtranger, func(r Region) Bools { return r.Etranger })
	for _, r := range rules {
		if r.Cond.Secteur != all.Secteur {
			add(dimSecteur, []int{1, 2, 3, 0}, func(r Region, v int) bool { return r.Secteur.Has(v) })
			break
		}
	}
	for _, r := range rules {
		if r.Cond.Sejour != all.Sejour {
			add(dimSejour, []int{1, 2, 3, 4, 5, 6, 0}, func(r Region, v int) bool { return r.Sejour.Has(TypeSejour(v)) })
			break
		}
	}
	for _, r := range rules {
		if r.Cond.Verres != all.Verres {
			add(dimVerres, []int{1, 2, 3, 0}, func(r Region, v int) bool { return r.Verres.Has(Verres(v)) })
			break
		}
	}
	return axes
}

// reportAmbiguity reports an ambiguous pair at the later rule.
func (c *checker) reportAmbiguity(amb ambiguity) {
	a, b := amb.a, amb.b
	rep := c.report(codeAmbiguous, b.Node.Range,
		"ambiguous rules for %s: %s (line %d) and %s (line %d): e.g. %s matches both, and neither's conditions are contained in the other's",
		b.Poste, ruleText(a), a.Line, ruleText(b), b.Line, describe(amb.at, a, b))
	rep.Hint = fmt.Sprintf("add a rule `%s si %s: …` or make the conditions exclusive", b.Poste, joinConditions(a, b))
	rep.Related = &diag.Related{Range: a.Node.Range, Message: "the other rule of the ambiguous pair"}
}

// ruleText renders the head of a rule as written: "poste si cond et cond".
func ruleText(r *Rule) string {
	if len(r.Node.Conditions) == 0 {
		return "`" + r.Poste + "`"
	}
	return "`" + r.Poste + " si " + joinConditions(r) + "`"
}

// joinConditions renders the conditions of the rules joined by "et",
// each distinct condition once.
func joinConditions(rules ...*Rule) string {
	var texts []string
	for _, r := range rules {
		for _, cd := range r.Node.Conditions {
			if t := condText(cd); !slices.Contains(texts, t) {
				texts = append(texts, t)
			}
		}
	}
	return strings.Join(texts, " et ")
}

// describe renders the example claim at p, on the dimensions that a or b
// constrains.
func describe(p point, a, b *Rule) string {
	all := Everything()
	uses := func(get func(Region) bool) bool { return get(a.Cond) || get(b.Cond) }
	s := "a claim"
	var parts []string
	if p[dimAge] >= 0 && uses(func(r Region) bool { return !r.Age.Equal(all.Age) }) {
		s += fmt.Sprintf(" for a beneficiary aged %d", p[dimAge])
	}
	if p[dimAnciennete] >= 0 && uses(func(r Region) bool { return !r.Anciennete.Equal(all.Anciennete) }) {
		parts = append(parts, fmt.Sprintf("after %d years of membership", p[dimAnciennete]))
	}
	if p[dimReseau] >= 0 && uses(func(r Region) bool { return r.Reseau != AnyBool }) {
		parts = append(parts, pick(p[dimReseau] == 1, "in réseau", "outside the réseau"))
	}
	if p[dimOptam] >= 0 && uses(func(r Region) bool { return r.Optam != AnyBool }) {
		parts = append(parts, pick(p[dimOptam] == 1, "from an OPTAM doctor", "from a non-OPTAM doctor"))
	}
	if p[dimParcours] >= 0 && uses(func(r Region) bool { return r.Parcours != AnyBool }) {
		parts = append(parts, pick(p[dimParcours] == 1, "within the parcours de soins", "hors parcours"))
	}
	if p[dimSecteur] >= 0 && uses(func(r Region) bool { return r.Secteur != AnySecteur }) {
		parts = append(parts, pick(p[dimSecteur] == 0, "with no secteur", fmt.Sprintf("from a secteur %d doctor", p[dimSecteur])))
	}
	if p[dimAld] >= 0 && uses(func(r Region) bool { return r.Ald != AnyBool }) {
		parts = append(parts, pick(p[dimAld] == 1, "for an ALD", "outside an ALD"))
	}
	if p[dimRembourse] >= 0 && uses(func(r Region) bool { return r.Rembourse != AnyBool }) {
		parts = append(parts, pick(p[dimRembourse] == 1, "that the RO reimburses", "that the RO does not reimburse"))
	}
	if p[dimVerres] >= 0 && uses(func(r Region) bool { return r.Verres != AnyVerres }) {
		parts = append(parts, lensText[p[dimVerres]])
	}
	if p[dimSejour] >= 0 && uses(func(r Region) bool { return r.Sejour != AnySejour }) {
		parts = append(parts, pick(p[dimSejour] == 0, "with no type of stay", "during a stay in "+TypesSejour[p[dimSejour]]))
	}
	if p[dimEtranger] >= 0 && uses(func(r Region) bool { return r.Etranger != AnyBool }) {
		parts = append(parts, pick(p[dimEtranger] == 1, "for care abroad", "for care in France"))
	}
	if len(parts) > 0 {
		s += " " + strings.Join(parts, ", ")
	}
	return s
}

// lensText describes each type of lenses of an example claim.
var lensText = [...]string{
	NoVerres:            "with no type of lenses",
	VerresSimples:       "with simple lenses",
	VerresComplexes:     "with complex lenses",
	VerresTresComplexes: "with very complex lenses",
}

func pick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}

func setBit(s []uint64, i int)      { s[i/64] |= 1 << (i % 64) }
func hasBit(s []uint64, i int) bool { return s[i/64]&(1<<(i%64)) != 0 }

// and stores a ∩ b in dst and returns its number of elements.
func and(dst, a, b []uint64) int {
	n := 0
	for i := range dst {
		dst[i] = a[i] & b[i]
		n += bits.OnesCount64(dst[i])
	}
	return n
}

// bitsKey returns a map key for the set s.
func bitsKey(s []uint64) string {
	b := make([]byte, 0, 8*len(s))
	for _, w := range s {
		b = binary.LittleEndian.AppendUint64(b, w)
	}
	return string(b)
}

// meets reports whether a ∩ b is not empty.
func meets(a, b []uint64) bool {
	for i := range a {
		if a[i]&b[i] != 0 {
			return true
		}
	}
	return false
}

// subsetBits reports whether a ⊆ b.
func subsetBits(a, b []uint64) bool {
	for i := range a {
		if a[i]&^b[i] != 0 {
			return false
		}
	}
	return true
}
