// Package parsertest renders syntax trees as compact text, so tests can
// compare trees with a readable diff.
package parsertest

import (
	"fmt"
	"strings"

	"garantie/dsl/ast"
	"garantie/dsl/diag"
)

// Dump renders a syntax tree as one S-expression per declaration, as in
//
//	(rule optique.monture (si (age < 16)) (forfait (q 80 €) (/ 12 mois glissants)))
//
// A word is shown by its normalised name, followed by <raw> when it was
// written differently; a number by its value, followed by <raw> likewise.
// With ranges, each node is followed by @line:col-line:col.
func Dump(n ast.Node, ranges bool) string {
	d := dumper{ranges: ranges}
	d.node(n)
	return strings.TrimRight(d.b.String(), " \n")
}

type dumper struct {
	b      strings.Builder
	ranges bool
}

// open starts a list node, and close ends it with the node's range.
func (d *dumper) open(head string) { d.b.WriteString("(" + head + " ") }

func (d *dumper) close(r diag.Range) {
	s := strings.TrimSuffix(d.b.String(), " ")
	d.b.Reset()
	d.b.WriteString(s + ")")
	d.at(r)
}

func (d *dumper) at(r diag.Range) {
	if d.ranges {
		fmt.Fprintf(&d.b, "@%s-%s", r.Start, r.End)
	}
	d.b.WriteString(" ")
}

// newline ends a line of the file dump.
func (d *dumper) newline() {
	s := strings.TrimSuffix(d.b.String(), " ")
	d.b.Reset()
	d.b.WriteString(s + "\n")
}

// leaf writes an atom with its range.
func (d *dumper) leaf(s string, r diag.Range) {
	d.b.WriteString(s)
	d.at(r)
}

func (d *dumper) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.File:
		for _, decl := range n.Decls {
			d.node(decl)
			d.newline()
		}
		for _, c := range n.Comments {
			d.leaf(c.Text, c.Range)
			d.newline()
		}
		return
	case *ast.Contrat:
		d.open("contrat")
		d.node(n.Name)
	case *ast.Organisme:
		d.open("organisme")
		d.node(n.Name)
	case *ast.Effet:
		d.open("effet")
		d.node(n.Date)
	case *ast.Responsable:
		d.open("responsable")
	case *ast.Mode:
		d.open("mode")
		d.node(n.Value)
	case *ast.PosteDecl:
		d.open("poste")
		d.node(n.Code)
		d.node(n.Label)
		d.optional(n.SansRO)
	case *ast.Rule:
		d.open("rule")
		d.node(n.Poste)
		if len(n.Conditions) > 0 {
			d.open("si")
			for _, c := range n.Conditions {
				d.node(c)
			}
			d.close(diag.Range{Start: n.Conditions[0].Range.Start, End: n.Conditions[len(n.Conditions)-1].Range.End})
		}
		d.leaf(":", n.Colon)
		d.node(n.Garantie)
	case *ast.Condition:
		d.open("cond")
		for _, c := range []ast.Node{n.Not, n.Subject, n.Object, n.Object2, n.Op, n.Value} {
			d.optional(c)
		}
	case *ast.Garantie:
		d.open("garantie")
		if n.NonCouvert != nil {
			d.b.WriteString("non-couvert ")
		}
		for _, t := range n.Terms {
			d.node(t)
		}
		for _, l := range n.Limits {
			d.node(l)
		}
	case *ast.ValueTerm:
		d.open("value")
		d.node(n.Value)
		d.optional(n.Per)
		d.optional(n.ROInclus)
	case *ast.FraisReels:
		d.open("frais-reels")
		d.optional(n.ROInclus)
	case *ast.Forfait:
		d.open("forfait")
		d.optional(n.Value)
		d.optional(n.Name)
		for _, r := range n.Raises {
			d.node(r)
		}
		d.optional(n.Per)
		d.optional(n.ParFamille)
		d.optional(n.ROInclus)
	case *ast.Max:
		d.open("max")
		d.node(n.Value)
		d.optional(n.Per)
		d.optional(n.ROInclus)
	case *ast.Plafond:
		d.open("plafond")
		d.node(n.Value)
		for _, r := range n.Raises {
			d.node(r)
		}
		d.optional(n.Per)
		d.optional(n.ParFamille)
		d.optional(n.ROInclus)
		d.optional(n.AuDela)
	case *ast.Raise:
		d.open("porte")
		d.node(n.Value)
		for _, c := range n.Conditions {
			d.node(c)
		}
	case *ast.AuDela:
		d.open("au-dela")
		for _, t := range n.Terms {
			d.node(t)
		}
	case *ast.Limite:
		d.open("limite")
		for _, t := range n.Terms {
			d.node(t)
		}
		d.node(n.Duration)
	case *ast.Enveloppe:
		d.open("enveloppe")
		d.node(n.Name)
		d.node(n.Forfait)
	case *ast.Carence:
		d.open("carence")
		d.node(n.Value)
		d.optional(n.ROInclus)
	case *ast.Quantity:
		d.open("q")
		d.node(n.Number)
		d.optional(n.Symbol)
		d.optional(n.Word)
	case *ast.Per:
		d.open("/")
		d.optional(n.Count)
		for _, w := range n.Words {
			d.node(w)
		}
	case *ast.ParFamille:
		d.leaf("par-famille", n.Range)
		return
	case *ast.ROInclus:
		d.leaf("ro-inclus", n.Range)
		return
	case *ast.SansRO:
		d.leaf("sans-ro", n.Range)
		return
	case *ast.BadDecl:
		d.open("bad")
	default:
		d.atom(n)
		return
	}
	d.close(n.Span())
}

// optional dumps n unless it is a nil pointer; ast.Inspect visits
// exactly the nodes that are present.
func (d *dumper) optional(n ast.Node) {
	present := false
	ast.Inspect(n, func(ast.Node) bool { present = true; return false })
	if present {
		d.node(n)
	}
}

// atom dumps a leaf node.
func (d *dumper) atom(n ast.Node) {
	switch n := n.(type) {
	case *ast.Path:
		names := make([]string, len(n.Segments))
		for i, s := range n.Segments {
			names[i] = withRaw(s.Name, s.Raw)
		}
		d.leaf(strings.Join(names, "."), n.Range)
	case *ast.Ident:
		d.leaf(withRaw(n.Name, n.Raw), n.Range)
	case *ast.String:
		d.leaf(fmt.Sprintf("%q", n.Value), n.Range)
	case *ast.Number:
		d.leaf(withRaw(n.Value.String(), n.Raw), n.Range)
	case *ast.Date:
		s := fmt.Sprintf("%04d-%02d-%02d", n.Year, n.Month, n.Day)
		if !n.Valid {
			s += "!invalid"
		}
		d.leaf(s, n.Range)
	case *ast.Op:
		d.leaf(n.Text, n.Range)
	case *ast.Symbol:
		d.leaf(n.Raw, n.Range)
	default:
		d.leaf(fmt.Sprintf("%T", n), n.Span())
	}
}

func withRaw(s, raw string) string {
	if s == raw {
		return s
	}
	return s + "<" + raw + ">"
}
