package lsp

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"garantie/dsl/ast"
	"garantie/dsl/diag"
	"garantie/dsl/parser"
	"garantie/regles"
)

func (s *server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	return withDocument(s, p.TextDocument.URI, func(a *analysis) *protocol.Hover {
		return a.hover(a.text.offset(p.Position), s.opts)
	})
}

// hover answers a hover at a byte offset: on a poste code, on "PMSS", on
// "PLV" or "HLF", on the name of "forfait NAME", or on a keyword; nil
// elsewhere.
func (a *analysis) hover(offset int, opts Options) *protocol.Hover {
	today := opts.Today
	if code, r, ok := a.posteAt(offset); ok {
		return a.markdown(r, a.posteDoc(code)+a.exampleDoc(code, opts))
	}
	i := a.tokenAt(offset)
	if i < 0 {
		return nil
	}
	tok := a.tokens[i]
	if tok.Kind != parser.Ident && tok.Kind != parser.Keyword {
		return nil
	}
	if name, ok := a.enveloppeNameAt(offset); ok && tok.Norm == name {
		return a.markdown(tok.Range, a.enveloppeDoc(name))
	}
	switch tok.Norm {
	case "pmss":
		return a.markdown(tok.Range, a.pmssDoc(offset, today))
	case "plv", "hlf":
		return a.markdown(tok.Range, a.limitDoc(tok.Norm, offset, today))
	}
	if k, r, ok := a.keywordAt(i); ok {
		return a.markdown(r, k.doc)
	}
	return nil
}

func (a *analysis) markdown(r diag.Range, md string) *protocol.Hover {
	rng := a.text.rangeOf(r)
	return &protocol.Hover{
		Contents: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: md},
		Range:    &rng,
	}
}

// posteAt finds the poste code under offset, in a rule or a poste
// declaration. On "optique" of "optique.monture" it is the family
// "optique": the code up to the segment under the cursor.
func (a *analysis) posteAt(offset int) (string, diag.Range, bool) {
	var paths []*ast.Path
	for _, r := range a.rules() {
		paths = append(paths, r.Poste)
	}
	for _, d := range a.declared() {
		paths = append(paths, d.Code)
	}
	for _, p := range paths {
		if offset < p.Range.Start.Offset || offset > p.Range.End.Offset {
			continue
		}
		var names []string
		for _, seg := range p.Segments {
			names = append(names, seg.Name)
			if offset <= seg.Range.End.Offset {
				return strings.Join(names, "."), diag.Range{Start: p.Range.Start, End: seg.Range.End}, true
			}
		}
	}
	return "", diag.Range{}, false
}

// posteDoc describes a poste: its label, the rules of the file that apply
// to it, and the rules of its ancestors that also apply (their limits) or
// take over when none of its own rules holds (their formulas).
func (a *analysis) posteDoc(code string) string {
	var b strings.Builder
	label, where := a.posteLabel(code)
	fmt.Fprintf(&b, "**%s** — %s\n\n%s\n", code, label, where)

	var own, ancestorLimits, ancestorFormulas []*ast.Rule
	var below []string // postes under code with rules, in order of appearance
	for _, r := range a.rules() {
		rc := r.Poste.Code()
		switch {
		case rc == code:
			own = append(own, r)
		case isAncestor(rc, code) && isLimitOnly(r):
			ancestorLimits = append(ancestorLimits, r)
		case isAncestor(rc, code):
			ancestorFormulas = append(ancestorFormulas, r)
		case isAncestor(code, rc) && !slices.Contains(below, rc):
			below = append(below, rc)
		}
	}
	a.ruleList(&b, "Rules of this poste in this file:", own)
	if len(own) == 0 {
		b.WriteString("\nNo rule of this poste in this file.\n")
	}
	a.ruleList(&b, "Limits of ancestors that also apply:", ancestorLimits)
	a.ruleList(&b, "Rules of ancestors, used when no rule of this poste holds:", ancestorFormulas)
	if len(below) > 0 {
		fmt.Fprintf(&b, "\nPostes below with their own rules: `%s`.\n", strings.Join(below, "`, `"))
	}
	return b.String()
}

// posteLabel returns the French label of a poste and where it comes from.
func (a *analysis) posteLabel(code string) (label, where string) {
	if p, ok := regles.LookupPoste(code); ok {
		where = "Standard nomenclature"
		if p.Family != code {
			if f, ok := regles.LookupPoste(p.Family); ok {
				where += fmt.Sprintf(", family `%s` (%s)", f.Code, f.Label)
			}
		} else {
			where += ", a family"
		}
		if p.Sante100 {
			where += "; a 100% Santé basket"
		}
		return p.Label, where + "."
	}
	for _, d := range a.declared() {
		if d.Code.Code() == code {
			l := ""
			if d.Label != nil {
				l = d.Label.Value
			}
			return l, fmt.Sprintf("Declared in this file, line %d.", d.Range.Start.Line)
		}
	}
	return "unknown poste", "Not in the nomenclature and not declared in this file."
}

func (a *analysis) ruleList(b *strings.Builder, title string, rules []*ast.Rule) {
	if len(rules) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s\n\n", title)
	for _, r := range rules {
		fmt.Fprintf(b, "- line %d: `%s`\n", r.Range.Start.Line, a.source(r.Range))
	}
}

// exampleDoc asks Options.Example what the contract pays for code on a
// standard example claim, at the contract's effet (today without one),
// and renders the answer as the end of a poste's hover; "" when there is
// no Example, the file has errors (its contract cannot be evaluated), or
// no example is given.
func (a *analysis) exampleDoc(code string, opts Options) string {
	if opts.Example == nil || a.program == nil || a.diags.HasErrors() {
		return ""
	}
	date := opts.Today
	if a.program.Effet != nil {
		date = *a.program.Effet
	}
	md, ok := opts.Example(a.program, code, date)
	if !ok {
		return ""
	}
	return fmt.Sprintf("\n**Example** (%s), what this contract pays:\n\n%s\n", date.Format(time.DateOnly), md)
}

// isAncestor reports whether a is a strict ancestor of code.
func isAncestor(a, code string) bool {
	return strings.HasPrefix(code, a+".")
}

// isLimitOnly reports whether a rule has limits and no formula.
func isLimitOnly(r *ast.Rule) bool {
	g := r.Garantie
	return g != nil && g.NonCouvert == nil && len(g.Terms) == 0 && len(g.Limits) > 0
}

// pmssDoc gives the PMSS in force today and at the contract's effet, and
// the amount of the "N% PMSS" under the cursor.
func (a *analysis) pmssDoc(offset int, today time.Time) string {
	var b strings.Builder
	b.WriteString("**PMSS** — plafond mensuel de la sécurité sociale\n\n")
	at := today
	if v, err := regles.Value(regles.PMSS, today); err == nil {
		fmt.Fprintf(&b, "- %s on %s (today)\n", euros(v), today.Format(time.DateOnly))
	}
	if a.program != nil && a.program.Effet != nil {
		at = *a.program.Effet
		if v, err := regles.Value(regles.PMSS, at); err == nil {
			fmt.Fprintf(&b, "- %s on %s (the contract's effet)\n", euros(v), at.Format(time.DateOnly))
		} else {
			fmt.Fprintf(&b, "- no PMSS is known on %s (the contract's effet)\n", at.Format(time.DateOnly))
		}
	}
	if q := a.quantityAt(offset, "pmss"); q != nil && q.Number != nil {
		if v, err := regles.Value(regles.PMSS, at); err == nil {
			amount := q.Number.Value.Mul(v).Div(decimal.NewFromInt(100)).Round(2)
			fmt.Fprintf(&b, "\n`%s` is %s with the PMSS of %s.\n", a.source(q.Range), euros(amount), at.Format(time.DateOnly))
		}
	}
	b.WriteString("\nIn a `forfait` or `plafond`, an amount in `% PMSS` uses the PMSS in force on the first day of its period; per unit (`N% PMSS / UNIT`), the PMSS in force on the date of care.")
	return b.String()
}

// keywordAt finds the keyword written at token i, trying the phrases of
// three and two words it is part of ("verres tres complexes", "frais
// reels") before the word alone; a word after "/" or "max N" is read as
// a unit or a period first ("/ enfant", "/ sejour").
func (a *analysis) keywordAt(i int) (keyword, diag.Range, bool) {
	word := func(j int) (string, bool) {
		if j < 0 || j >= len(a.tokens) {
			return "", false
		}
		t := a.tokens[j]
		return t.Norm, t.Kind == parser.Ident || t.Kind == parser.Keyword
	}
	for n := 3; n >= 2; n-- {
		for first := i - n + 1; first <= i; first++ {
			var words []string
			for j := first; j < first+n; j++ {
				w, ok := word(j)
				if !ok {
					break
				}
				words = append(words, w)
			}
			if len(words) < n {
				continue
			}
			if k, found := keywordByWords(strings.Join(words, " ")); found {
				return k, diag.Range{Start: a.tokens[first].Range.Start, End: a.tokens[first+n-1].Range.End}, true
			}
		}
	}
	cur, _ := word(i)
	if a.unitPosition(i) {
		if k, found := keywordOfKind(cur, unitKeyword); found {
			return k, a.tokens[i].Range, true
		}
		if k, found := keywordOfKind(cur, periodKeyword); found {
			return k, a.tokens[i].Range, true
		}
	}
	if k, found := keywordByWords(cur); found {
		return k, a.tokens[i].Range, true
	}
	return keyword{}, diag.Range{}, false
}

// unitPosition reports whether token i is where a unit is written: after
// "/" or after the count of "max N".
func (a *analysis) unitPosition(i int) bool {
	if i < 1 {
		return false
	}
	prev := a.tokens[i-1]
	return prev.Kind == parser.Slash ||
		prev.Kind == parser.Number && i >= 2 && a.tokens[i-2].Norm == "max"
}

// euros renders an amount the French way a hover is read: "4 005,00 €".
func euros(d decimal.Decimal) string {
	s := d.StringFixed(2)
	whole, cents, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteRune(c)
	}
	out := b.String() + "," + cents + " €"
	if neg {
		out = "-" + out
	}
	return out
}

// enveloppeDoc shows the declaration of the enveloppe name drawn on by a
// term "forfait NAME", or says that none is declared.
func (a *analysis) enveloppeDoc(name string) string {
	for _, e := range a.enveloppes() {
		if e.Name.Name == name {
			return "Draws on the lump sum shared by every `forfait " + name + "` of the contract:\n\n```garantie\n" + a.source(e.Range) + "\n```"
		}
	}
	return "No `enveloppe " + name + "` is declared in this file (E145)."
}
