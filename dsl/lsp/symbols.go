package lsp

import (
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"garantie/dsl/ast"
	"garantie/dsl/diag"
	"garantie/regles"
)

func (s *server) documentSymbol(_ *glsp.Context, p *protocol.DocumentSymbolParams) (any, error) {
	return withDocument(s, p.TextDocument.URI, func(a *analysis) []protocol.DocumentSymbol {
		return a.symbols()
	})
}

// symbols is the outline of the document: the contract, the enveloppes
// (named "enveloppe NAME", with their forfait as detail), then one symbol
// per family with its postes inside, each poste holding its rules (named
// by their conditions, with the garantie as detail), in the order the
// families first appear.
func (a *analysis) symbols() []protocol.DocumentSymbol {
	var out []protocol.DocumentSymbol
	for _, d := range a.file.Decls {
		if c, ok := d.(*ast.Contrat); ok && c.Name != nil {
			out = append(out, a.symbol("contrat "+c.Name.Raw, "", protocol.SymbolKindFile, c.Range, c.Range))
		}
	}
	for _, e := range a.enveloppes() {
		detail := ""
		if e.Forfait != nil {
			detail = a.source(e.Forfait.Range)
		}
		out = append(out, a.symbol("enveloppe "+e.Name.Raw, detail, protocol.SymbolKindVariable, e.Range, e.Name.Range))
	}
	type node struct {
		sym      protocol.DocumentSymbol
		children []string // poste codes, in order of appearance
	}
	nodes := map[string]*node{}
	var families []string
	get := func(code string, r diag.Range) *node {
		n := nodes[code]
		if n == nil {
			label, _ := a.posteLabel(code)
			kind := protocol.SymbolKindField
			if !strings.Contains(code, ".") {
				kind = protocol.SymbolKindNamespace
			}
			n = &node{sym: a.symbol(code, label, kind, r, r)}
			nodes[code] = n
		}
		return n
	}
	var place func(code string, r diag.Range) *node
	place = func(code string, r diag.Range) *node {
		_, exists := nodes[code]
		n := get(code, r)
		n.sym.Range = a.join(n.sym.Range, r)
		if parent := regles.Parent(code); parent != "" {
			p := place(parent, r)
			if !exists {
				p.children = append(p.children, code)
			}
		} else if !exists {
			families = append(families, code)
		}
		return n
	}
	for _, decl := range a.file.Decls {
		switch d := decl.(type) {
		case *ast.PosteDecl:
			if d.Code != nil {
				place(d.Code.Code(), d.Range)
			}
		case *ast.Rule:
			if d.Poste != nil {
				n := place(d.Poste.Code(), d.Range)
				n.sym.Children = append(n.sym.Children, a.ruleSymbol(d))
			}
		}
	}
	var build func(code string) protocol.DocumentSymbol
	build = func(code string) protocol.DocumentSymbol {
		n := nodes[code]
		sym := n.sym
		for _, c := range n.children {
			sym.Children = append(sym.Children, build(c))
		}
		return sym
	}
	for _, f := range families {
		out = append(out, build(f))
	}
	return out
}

// ruleSymbol names a rule by its conditions, with its garantie as detail.
func (a *analysis) ruleSymbol(r *ast.Rule) protocol.DocumentSymbol {
	name := "(every claim)"
	if len(r.Conditions) > 0 {
		name = "si " + a.source(diag.Range{Start: r.Conditions[0].Range.Start, End: r.Conditions[len(r.Conditions)-1].Range.End})
	}
	detail := ""
	if r.Garantie != nil {
		detail = a.source(r.Garantie.Range)
	}
	return a.symbol(name, detail, protocol.SymbolKindProperty, r.Range, r.Range)
}

func (a *analysis) symbol(name, detail string, kind protocol.SymbolKind, r, sel diag.Range) protocol.DocumentSymbol {
	s := protocol.DocumentSymbol{Name: name, Kind: kind, Range: a.text.rangeOf(r), SelectionRange: a.text.rangeOf(sel)}
	if strings.TrimSpace(name) == "" {
		s.Name = "?"
	}
	if detail != "" {
		s.Detail = &detail
	}
	return s
}

// join returns the smallest LSP range covering r and the diag range s.
func (a *analysis) join(r protocol.Range, s diag.Range) protocol.Range {
	t := a.text.rangeOf(s)
	if before(t.Start, r.Start) {
		r.Start = t.Start
	}
	if before(r.End, t.End) {
		r.End = t.End
	}
	return r
}

func before(p, q protocol.Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}
