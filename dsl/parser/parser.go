// Package parser reads a .garantie contract file into its syntax tree.
//
// A hand-written scanner (Scan) turns the source into tokens, counting
// columns in characters. The file is then cut into declarations at each
// newline and ';', and each declaration is parsed on its own by a
// participle grammar, so a broken line yields one diagnostic and a
// *ast.BadDecl while the rest of the file is still read. Participle runs
// once per shape of declaration, not once per line (see shapeMemo), and
// the declarations of a long file are parsed on several goroutines; the
// result is the same as parsing each line in turn. Participle's
// errors never reach the user: they are converted at this boundary into
// diagnostics with stable codes (see Codes), plain-words messages and
// hints.
//
// The grammar is permissive on purpose: "max 4€ / an", "200%" alone or a
// misspelt poste parse fine, and the checker explains what is wrong with
// them. Likewise a date such as 2026-02-30 is read with Valid set to false
// and reported by the checker, not by the parser.
package parser

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/shopspring/decimal"

	"garantie/dsl/ast"
	"garantie/dsl/diag"
)

// Parse reads the contract file src; name is only used in positions and
// diagnostics. It always returns a file holding every declaration it
// could read, together with every diagnostic, in source order.
func Parse(name string, src []byte) (*ast.File, diag.Diagnostics) {
	return parseWith(name, src, sharedShapes)
}

// parseWith is Parse with the memo of shapes to use.
func parseWith(name string, src []byte, shapes *shapeMemo) (*ast.File, diag.Diagnostics) {
	toks, lexDiags := Scan(name, src)
	file := &ast.File{Name: name, Range: diag.Range{Start: startPos(src), End: endPos(src)}}
	segs := split(toks, lexDiags, file)
	decls := make([]ast.Decl, len(segs))
	diags := make([]diag.Diagnostics, len(segs))
	parseSegments(len(segs), func(i int) {
		decls[i], diags[i] = parseSegment(name, src, segs[i], shapes)
	})
	if len(segs) > 0 {
		file.Decls = decls
	}
	var ds diag.Diagnostics
	for _, d := range diags {
		ds = append(ds, d...)
	}
	return file, ds
}

// segment is one declaration to parse: the tokens between two separators
// without the comments, and the lexical errors found among them.
type segment struct {
	code     []Token
	lexDiags diag.Diagnostics
}

// split cuts toks into segments at each Newline and Semicolon, hands each
// lexical error to the segment it occurs in, and moves comments to file.
// Segments holding neither code nor errors are left out.
func split(toks []Token, lexDiags diag.Diagnostics, file *ast.File) []segment {
	segs := make([]segment, 0, len(toks)/8+1)
	for {
		n := slices.IndexFunc(toks, func(t Token) bool { return t.Kind == Newline || t.Kind == Semicolon })
		last := n < 0
		if last {
			n = len(toks)
		}
		seg := segment{code: toks[:n]}
		for len(lexDiags) > 0 && (last || lexDiags[0].Range.Start.Offset < toks[n].Range.Start.Offset) {
			seg.lexDiags = append(seg.lexDiags, lexDiags[0])
			lexDiags = lexDiags[1:]
		}
		if slices.ContainsFunc(seg.code, func(t Token) bool { return t.Kind == Comment }) {
			var code []Token
			for _, t := range seg.code {
				if t.Kind == Comment {
					file.Comments = append(file.Comments, &ast.Comment{Range: t.Range, Text: t.Raw})
				} else {
					code = append(code, t)
				}
			}
			seg.code = code
		}
		if len(seg.code) > 0 || len(seg.lexDiags) > 0 {
			segs = append(segs, seg)
		}
		if last {
			return segs
		}
		toks = toks[n+1:]
	}
}

// parseSegment parses the code of one declaration. A segment with a
// lexical error becomes a BadDecl reporting only its first error, so one
// bad character gives one diagnostic.
func parseSegment(name string, src []byte, seg segment, shapes *shapeMemo) (ast.Decl, diag.Diagnostics) {
	code := seg.code
	if len(seg.lexDiags) > 0 {
		r := seg.lexDiags[0].Range
		if len(code) > 0 {
			r = r.Join(diag.Range{Start: code[0].Range.Start, End: code[len(code)-1].Range.End})
		}
		return &ast.BadDecl{Range: r}, seg.lexDiags[:1]
	}
	out := shapes.parse(name, code)
	if out.g == nil {
		d := explain(name, src, code, out.errAt)
		return &ast.BadDecl{Range: diag.Range{Start: code[0].Range.Start, End: code[len(code)-1].Range.End}}, diag.Diagnostics{d}
	}
	return builder{toks: code, parsed: out.code}.decl(out.g), nil
}

// toPosition converts a position to participle's form.
func toPosition(p diag.Pos) lexer.Position {
	return lexer.Position{Offset: p.Offset, Line: p.Line, Column: p.Col}
}

// startPos is the position of the first character of src, after a byte
// order mark.
func startPos(src []byte) diag.Pos {
	p := diag.Pos{Line: 1, Col: 1}
	if bytes.HasPrefix(src, []byte(bom)) {
		p.Offset = len(bom)
	}
	return p
}

// endPos is the position just past the end of src.
func endPos(src []byte) diag.Pos {
	p := startPos(src)
	rest := src[p.Offset:]
	if i := bytes.LastIndexByte(rest, '\n'); i >= 0 {
		p.Line += bytes.Count(rest, []byte("\n"))
		p.Col = 1
		rest = rest[i+1:]
	}
	p.Col += utf8.RuneCount(rest)
	p.Offset = len(src)
	return p
}

// builder turns the grammar's captures into syntax tree nodes, mapping
// each captured token back to the scanned token with its exact range.
// The captures may come from another declaration of the same shape
// (see shapeMemo): a captured token is found by its offset among the
// tokens that were parsed, and the token at the same index is used.
type builder struct {
	toks   []Token // the tokens of the declaration, in source order
	parsed []Token // the tokens participle parsed, of the same shape as toks
}

// tok returns the scanned token a captured token stands for.
func (b builder) tok(t lexer.Token) Token {
	lo, hi := 0, len(b.parsed)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if b.parsed[m].Range.Start.Offset < t.Pos.Offset {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return b.toks[lo]
}

func span(from, to diag.Range) diag.Range { return diag.Range{Start: from.Start, End: to.End} }

func (b builder) decl(g *declG) ast.Decl {
	switch {
	case g.Contrat != nil:
		kw, name := b.tok(g.Contrat.Keyword), b.str(g.Contrat.Name)
		if kw.Norm == "contrat" {
			return &ast.Contrat{Range: span(kw.Range, name.Range), Name: name}
		}
		return &ast.Organisme{Range: span(kw.Range, name.Range), Name: name}
	case g.Effet != nil:
		kw, date := b.tok(g.Effet.Keyword), b.date(g.Effet.Date)
		return &ast.Effet{Range: span(kw.Range, date.Range), Date: date}
	case g.Responsable != nil:
		return &ast.Responsable{Range: b.tok(*g.Responsable).Range}
	case g.Mode != nil:
		kw, v := b.tok(g.Mode.Keyword), b.ident(g.Mode.Value)
		return &ast.Mode{Range: span(kw.Range, v.Range), Value: v}
	case g.Poste != nil:
		kw, label := b.tok(g.Poste.Keyword), b.str(g.Poste.Label)
		p := &ast.PosteDecl{Range: span(kw.Range, label.Range), Code: b.path(g.Poste.Code), Label: label}
		if len(g.Poste.SansRO) == 2 {
			p.SansRO = &ast.SansRO{Range: span(b.tok(g.Poste.SansRO[0]).Range, b.tok(g.Poste.SansRO[1]).Range)}
			p.Range = span(p.Range, p.SansRO.Range)
		}
		return p
	case g.Enveloppe != nil:
		e := &ast.Enveloppe{Keyword: b.ident(g.Enveloppe.Keyword), Name: b.ident(g.Enveloppe.Name), Forfait: b.forfait(&g.Enveloppe.Forfait)}
		e.Range = span(e.Keyword.Range, e.Forfait.Range)
		return e
	}
	return b.rule(g.Rule)
}

func (b builder) rule(g *ruleG) *ast.Rule {
	r := &ast.Rule{Poste: b.path(g.Poste), Colon: b.tok(g.Colon).Range, Garantie: b.garantie(&g.Garantie)}
	r.Range = span(r.Poste.Range, r.Garantie.Range)
	for _, c := range g.Conditions {
		r.Conditions = append(r.Conditions, b.condition(c))
	}
	return r
}

func (b builder) condition(g *condG) *ast.Condition {
	c := &ast.Condition{}
	switch {
	case g.Compare != nil:
		op := b.tok(g.Compare.Op)
		c.Subject, c.Op, c.Value = b.ident(g.Compare.Subject), &ast.Op{Range: op.Range, Text: op.Raw}, b.quantity(g.Compare.Value)
		c.Range = span(c.Subject.Range, c.Value.Range)
	case g.Secteur != nil:
		c.Subject, c.Value = b.ident(g.Secteur.Subject), b.quantity(g.Secteur.Value)
		c.Range = span(c.Subject.Range, c.Value.Range)
	case g.Sejour != nil:
		c.Subject, c.Object = b.ident(g.Sejour.Subject), b.ident(g.Sejour.Object)
		c.Range = span(c.Subject.Range, c.Object.Range)
	case g.Hors != nil:
		c.Subject, c.Object = b.ident(g.Hors.Subject), b.ident(g.Hors.Object)
		c.Range = span(c.Subject.Range, c.Object.Range)
	case g.Verres != nil:
		c.Subject, c.Object = b.ident(g.Verres.Subject), b.ident(g.Verres.Object)
		c.Range = span(c.Subject.Range, c.Object.Range)
		if g.Verres.Object2 != nil {
			c.Object2 = b.ident(*g.Verres.Object2)
			c.Range = span(c.Range, c.Object2.Range)
		}
	default:
		c.Subject = b.ident(*g.Word)
		c.Range = c.Subject.Range
	}
	if g.Not != nil {
		c.Not = b.ident(*g.Not)
		c.Range = span(c.Not.Range, c.Range)
	}
	return c
}

func (b builder) garantie(g *garantieG) *ast.Garantie {
	if len(g.NonCouvert) > 0 {
		non := b.ident(g.NonCouvert[0])
		couvert := b.tok(g.NonCouvert[len(g.NonCouvert)-1])
		return &ast.Garantie{Range: span(non.Range, couvert.Range), NonCouvert: non}
	}
	out := &ast.Garantie{}
	for _, t := range g.Terms {
		out.Terms = append(out.Terms, b.term(t))
	}
	for _, l := range append(g.TermLimits, g.Limits...) {
		out.Limits = append(out.Limits, b.limit(l))
	}
	var first, last ast.Node
	if len(out.Terms) > 0 {
		first = out.Terms[0]
		last = out.Terms[len(out.Terms)-1]
	} else {
		first = out.Limits[0]
	}
	if len(out.Limits) > 0 {
		last = out.Limits[len(out.Limits)-1]
	}
	out.Range = span(first.Span(), last.Span())
	return out
}

func (b builder) term(g *termG) ast.Term {
	switch {
	case g.FraisReels != nil:
		f := &ast.FraisReels{ROInclus: b.roInclus(g.FraisReels.ROInclus)}
		f.Range = span(b.tok(g.FraisReels.Frais).Range, b.tok(g.FraisReels.Reels).Range)
		if f.ROInclus != nil {
			f.Range = span(f.Range, f.ROInclus.Range)
		}
		return f
	case g.Forfait != nil:
		return b.forfait(g.Forfait)
	}
	v := &ast.ValueTerm{Value: b.quantity(g.Value.Value), Per: b.per(g.Value.Per), ROInclus: b.roInclus(g.Value.ROInclus)}
	v.Range = span(v.Value.Range, lastRange(v.Value.Range, v.Per, v.ROInclus))
	return v
}

// forfait builds "forfait X€ …" or "forfait NAME …".
func (b builder) forfait(g *forfaitG) *ast.Forfait {
	f := &ast.Forfait{Keyword: b.ident(g.Keyword), Raises: b.raises(g.Raises), Per: b.per(g.Per),
		ParFamille: b.parFamille(g.ParFamille), ROInclus: b.roInclus(g.ROInclus)}
	var head diag.Range
	if g.Value != nil {
		f.Value = b.quantity(*g.Value)
		head = f.Value.Range
	} else {
		f.Name = b.ident(*g.Name)
		head = f.Name.Range
	}
	f.Range = span(f.Keyword.Range, lastRange(head, raisesEnd(f.Raises), f.Per, f.ParFamille, f.ROInclus))
	return f
}

// raises builds the "porte a X€ si CONDITION" clauses of an envelope.
func (b builder) raises(gs []*raiseG) []*ast.Raise {
	var out []*ast.Raise
	for _, g := range gs {
		r := &ast.Raise{Keyword: b.ident(g.Keyword), Value: b.quantity(g.Value)}
		for _, c := range g.Conditions {
			r.Conditions = append(r.Conditions, b.condition(c))
		}
		r.Range = span(r.Keyword.Range, r.Conditions[len(r.Conditions)-1].Range)
		out = append(out, r)
	}
	return out
}

// raisesEnd returns the last raise as a node, or nil.
func raisesEnd(rs []*ast.Raise) ast.Node {
	if len(rs) == 0 {
		return nil
	}
	return rs[len(rs)-1]
}

// terms builds the terms of a formula nested in a limit.
func (b builder) terms(gs []*termG) []ast.Term {
	out := make([]ast.Term, len(gs))
	for i, g := range gs {
		out[i] = b.term(g)
	}
	return out
}

func (b builder) limit(g *limitG) ast.Limit {
	switch {
	case g.Limite != nil:
		l := &ast.Limite{Keyword: b.ident(g.Limite.Keyword), Terms: b.terms(g.Limite.Terms), Pendant: b.ident(g.Limite.Pendant),
			Duration: b.quantity(g.Limite.Duration)}
		l.Range = span(l.Keyword.Range, l.Duration.Range)
		return l
	case g.Max != nil:
		m := &ast.Max{Keyword: b.ident(g.Max.Keyword), Value: b.quantity(g.Max.Value), Per: b.per(g.Max.Per), ROInclus: b.roInclus(g.Max.ROInclus)}
		m.Range = span(m.Keyword.Range, lastRange(m.Value.Range, m.Per, m.ROInclus))
		return m
	case g.Plafond != nil:
		p := &ast.Plafond{Keyword: b.ident(g.Plafond.Keyword), Value: b.quantity(g.Plafond.Value), Raises: b.raises(g.Plafond.Raises),
			Per: b.per(g.Plafond.Per), ParFamille: b.parFamille(g.Plafond.ParFamille), ROInclus: b.roInclus(g.Plafond.ROInclus)}
		if a := g.Plafond.AuDela; a != nil {
			p.AuDela = &ast.AuDela{Keyword: b.ident(a.Keyword), Terms: b.terms(a.Terms)}
			p.AuDela.Range = span(p.AuDela.Keyword.Range, p.AuDela.Terms[len(p.AuDela.Terms)-1].Span())
		}
		p.Range = span(p.Keyword.Range, lastRange(p.Value.Range, raisesEnd(p.Raises), p.Per, p.ParFamille, p.ROInclus, p.AuDela))
		return p
	}
	c := &ast.Carence{Keyword: b.ident(g.Carence.Keyword), Value: b.quantity(g.Carence.Value), ROInclus: b.roInclus(g.Carence.ROInclus)}
	c.Range = span(c.Keyword.Range, lastRange(c.Value.Range, c.ROInclus))
	return c
}

// lastRange returns the range of the last node that is present: the
// first range is always there, the raises, the per clause, "par famille",
// "RO inclus" and "au-dela" may not be.
func lastRange(first diag.Range, rest ...ast.Node) diag.Range {
	r := first
	for _, n := range rest {
		switch n := n.(type) {
		case *ast.Raise:
			if n != nil {
				r = n.Range
			}
		case *ast.AuDela:
			if n != nil {
				r = n.Range
			}
		case *ast.Per:
			if n != nil {
				r = n.Range
			}
		case *ast.ParFamille:
			if n != nil {
				r = n.Range
			}
		case *ast.ROInclus:
			if n != nil {
				r = n.Range
			}
		}
	}
	return r
}

func (b builder) quantity(g quantityG) *ast.Quantity {
	q := &ast.Quantity{Number: b.number(g.Number)}
	q.Range = q.Number.Range
	if g.Symbol != nil {
		t := b.tok(*g.Symbol)
		q.Symbol = &ast.Symbol{Range: t.Range, Raw: t.Raw}
		q.Range = span(q.Range, t.Range)
	}
	if g.Word != nil {
		q.Word = b.ident(*g.Word)
		q.Range = span(q.Range, q.Word.Range)
	}
	return q
}

func (b builder) per(g *perG) *ast.Per {
	if g == nil {
		return nil
	}
	p := &ast.Per{Slash: b.tok(g.Slash).Range}
	if g.Count != nil {
		p.Count = b.number(*g.Count)
	}
	for _, w := range g.Words {
		p.Words = append(p.Words, b.ident(w))
	}
	p.Range = span(p.Slash, p.Words[len(p.Words)-1].Range)
	return p
}

func (b builder) parFamille(g *parG) *ast.ParFamille {
	if g == nil {
		return nil
	}
	return &ast.ParFamille{Range: span(b.tok(g.Par).Range, b.tok(g.Famille).Range)}
}

// roInclus builds "RO inclus" from its two captured tokens, or nil.
func (b builder) roInclus(g []lexer.Token) *ast.ROInclus {
	if len(g) != 2 {
		return nil
	}
	return &ast.ROInclus{Range: span(b.tok(g[0]).Range, b.tok(g[1]).Range)}
}

func (b builder) path(g pathG) *ast.Path {
	p := &ast.Path{}
	for _, t := range g.Parts {
		if t.Value != "." {
			p.Segments = append(p.Segments, b.ident(t))
		}
	}
	p.Range = span(p.Segments[0].Range, p.Segments[len(p.Segments)-1].Range)
	return p
}

func (b builder) ident(t lexer.Token) *ast.Ident {
	tok := b.tok(t)
	return &ast.Ident{Range: tok.Range, Raw: tok.Raw, Name: tok.Norm}
}

func (b builder) str(t lexer.Token) *ast.String {
	tok := b.tok(t)
	return &ast.String{Range: tok.Range, Raw: tok.Raw, Value: tok.Raw[1 : len(tok.Raw)-1]}
}

// number converts a Number token exactly; a decimal comma is read as a
// point. The scanner only produces digits with at most one decimal mark,
// so the conversion cannot fail.
func (b builder) number(t lexer.Token) *ast.Number {
	tok := b.tok(t)
	v, _ := decimal.NewFromString(strings.Replace(tok.Raw, ",", ".", 1))
	return &ast.Number{Range: tok.Range, Raw: tok.Raw, Value: v}
}

// date reads a YYYY-MM-DD token; Valid is false when the text names no
// day of the calendar.
func (b builder) date(t lexer.Token) *ast.Date {
	tok := b.tok(t)
	y, _ := strconv.Atoi(tok.Raw[0:4])
	m, _ := strconv.Atoi(tok.Raw[5:7])
	d, _ := strconv.Atoi(tok.Raw[8:10])
	day := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	valid := m >= 1 && m <= 12 && day.Day() == d && int(day.Month()) == m
	return &ast.Date{Range: tok.Range, Raw: tok.Raw, Year: y, Month: m, Day: d, Valid: valid}
}
