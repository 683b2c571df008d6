package lsp

import (
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"garantie/dsl/ast"
)

func (s *server) definition(_ *glsp.Context, p *protocol.DefinitionParams) (any, error) {
	return withDocument(s, p.TextDocument.URI, func(a *analysis) []protocol.Location {
		return a.definition(p.TextDocument.URI, a.text.offset(p.Position))
	})
}

// definition answers "go to definition" at offset. From a rule (its poste
// code or anywhere on its line) it leads to what shapes the claims of
// that poste besides the rule itself: the rules of its ancestors (their
// limits apply too; their formulas take over when no rule of the poste
// holds) and the "poste" declarations of the poste and its ancestors. On
// a segment before the last ("optique" of "optique.monture") it leads to
// the rules and declarations of that family and of its ancestors.
//
// On the name of a term "forfait NAME" it leads to the declaration of the
// enveloppe NAME.
func (a *analysis) definition(uri string, offset int) []protocol.Location {
	if name, ok := a.enveloppeNameAt(offset); ok {
		var out []protocol.Location
		for _, e := range a.enveloppes() {
			if e.Name.Name == name {
				out = append(out, protocol.Location{URI: uri, Range: a.text.rangeOf(e.Range)})
			}
		}
		return out
	}
	rule := a.ruleAt(offset)
	code, ok := "", false
	if code, _, ok = a.posteAt(offset); !ok && rule != nil {
		code = rule.Poste.Code()
	}
	if code == "" {
		return nil
	}
	// On a family segment, the family's own rules are targets too.
	family := rule != nil && rule.Poste.Code() != code
	var out []protocol.Location
	for _, d := range a.declared() {
		if c := d.Code.Code(); c == code || isAncestor(c, code) {
			out = append(out, protocol.Location{URI: uri, Range: a.text.rangeOf(d.Range)})
		}
	}
	for _, r := range a.rules() {
		if c := r.Poste.Code(); isAncestor(c, code) || family && c == code {
			out = append(out, protocol.Location{URI: uri, Range: a.text.rangeOf(r.Range)})
		}
	}
	return out
}

// ruleAt returns the rule under offset: the last rule of its line that
// starts at or before offset, else the first one after it on that line
// (the cursor is in the indentation).
func (a *analysis) ruleAt(offset int) *ast.Rule {
	line := lineOf(a.text.lines, offset) + 1
	var before, after *ast.Rule
	for _, r := range a.rules() {
		if r.Range.Start.Line != line {
			continue
		}
		if r.Range.Start.Offset <= offset {
			before = r
		} else if after == nil {
			after = r
		}
	}
	if before != nil {
		return before
	}
	return after
}

// enveloppeNameAt returns the name of the term "forfait NAME" under
// offset, the keyword "forfait" included.
func (a *analysis) enveloppeNameAt(offset int) (string, bool) {
	name, found := "", false
	for _, r := range a.rules() {
		ast.Inspect(r, func(n ast.Node) bool {
			f, ok := n.(*ast.Forfait)
			if ok && f.Name != nil && f.Range.Start.Offset <= offset && offset <= f.Name.Range.End.Offset {
				name, found = f.Name.Name, true
			}
			return !found
		})
		if found {
			break
		}
	}
	return name, found
}
