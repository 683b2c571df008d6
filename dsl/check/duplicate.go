package check

import (
	"garantie/dsl/diag"
)

// postes groups rules by poste, in order of first appearance, keeping the
// rules that keep() accepts.
func postes(rules []*Rule, keep func(*Rule) bool) [][]*Rule {
	index := map[string]int{}
	var groups [][]*Rule
	for _, r := range rules {
		if !keep(r) {
			continue
		}
		i, ok := index[r.Poste]
		if !ok {
			i = len(groups)
			index[r.Poste] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], r)
	}
	return groups
}

// duplicates reports two rules of one poste with the same conditions that
// are both formula rules or both limit-only rules: the second one could
// never be told apart from the first. Rules are grouped by poste, kind
// and conditions in a map, so the check is linear in the number of rules.
func (c *checker) duplicates() {
	type group struct {
		poste   string
		formula bool
		cond    string
	}
	first := make(map[group]*Rule, len(c.prog.Rules))
	for _, b := range c.prog.Rules {
		g := group{b.Poste, b.IsFormula(), b.condKey()}
		a, dup := first[g]
		if !dup {
			first[g] = b
			continue
		}
		rep := c.report(codeDuplicateRule, b.Node.Range, "duplicate rule: line %d already has a %s for %s under the same conditions; merge the two rules",
			a.Line, kindNoun(a), b.Poste)
		rep.Related = &diag.Related{Range: a.Node.Range, Message: "the earlier rule"}
	}
}

// kindNoun names what a rule grants, for messages.
func kindNoun(r *Rule) string {
	if r.IsFormula() {
		return "formula rule"
	}
	return "limit-only rule"
}
