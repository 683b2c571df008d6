package check

import (
	"strings"

	"garantie/dsl/ast"
)

// rule checks one rule and returns its checked form, or nil when it has an
// error (the error is reported; the rule takes no part in the duplicate and
// ambiguity checks).
func (c *checker) rule(n *ast.Rule) *Rule {
	if n.Poste == nil || n.Garantie == nil {
		return nil
	}
	ok := true
	code := n.Poste.Code()
	if !c.posteKnown(code) {
		ok = false
		s := c.suggestPoste(code)
		rep := c.report(codeUnknownPoste, n.Poste.Range, "unknown poste %s%s", code, didYouMean(s))
		rep.Hint = "use a code of the nomenclature, or declare a new one with poste " + code + " \"Label\""
		if s != "" {
			rep.Fix = replace(n.Poste.Range, s)
		}
	}
	cond, condOK := c.conditions(n.Conditions)
	r := &Rule{
		Node:  n,
		Poste: code,
		Depth: strings.Count(code, ".") + 1,
		Line:  n.Range.Start.Line,
		Cond:  cond,
	}
	garOK := c.garantie(n.Garantie, r)
	if !ok || !condOK || !garOK {
		return nil
	}
	return r
}

// garantie checks what a rule grants and fills the kind, terms and limits
// of r. It reports whether everything was valid.
func (c *checker) garantie(g *ast.Garantie, r *Rule) bool {
	ok := true
	switch {
	case g.NonCouvert != nil:
		r.Kind = NonCouvertRule
	case len(g.Terms) > 0:
		r.Kind = FormulaRule
	default:
		r.Kind = LimitRule
	}
	for _, t := range g.Terms {
		term, tok := c.term(t, r.Poste)
		ok = ok && tok
		r.Terms = append(r.Terms, term)
	}
	var carence *ast.Carence
	for _, l := range g.Limits {
		if k, isCarence := l.(*ast.Carence); isCarence {
			if carence != nil {
				ok = false
				c.report(codeTwoCarences, k.Range, "a rule has at most one carence; keep the longer one")
				continue
			}
			carence = k
		}
		limit, lok := c.limit(l, r)
		ok = ok && lok
		r.Limits = append(r.Limits, limit)
	}
	return ok
}
