package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"garantie/dsl/ast"
	"garantie/dsl/diag"
	"garantie/dsl/internal/spell"
)

// Check gives f its meaning. It returns the checked program, partial when
// there are errors (rules with an error are left out), and all the
// diagnostics found, in source order. The syntax tree is not modified.
// A nil ref stands for Regles().
func Check(f *ast.File, ref Reference) (*Program, diag.Diagnostics) {
	if ref == nil {
		ref = Regles()
	}
	c := &checker{
		file:      f,
		ref:       ref,
		prog:      &Program{File: f},
		declared:  map[string]bool{},
		suggested: map[string]string{},
		enveloppe: map[string]*Enveloppe{},
	}
	c.header()
	for _, d := range f.Decls {
		if n, ok := d.(*ast.Rule); ok {
			if r := c.rule(n); r != nil {
				r.Index = len(c.prog.Rules)
				c.prog.Rules = append(c.prog.Rules, r)
			}
		}
	}
	c.unusedEnveloppes()
	c.duplicates()
	c.ambiguities()
	c.diags.Sort()
	c.prog.complete = !c.diags.HasErrors()
	return c.prog, c.diags
}

// checker holds the state of one Check call.
type checker struct {
	file      *ast.File
	ref       Reference
	prog      *Program
	declared  map[string]bool       // codes declared with "poste"
	suggested map[string]string     // the suggestion for each unknown code looked up
	enveloppe map[string]*Enveloppe // the valid enveloppes by name
	diags     diag.Diagnostics
}

// report records a diagnostic with the severity registered for its code
// and returns it so the caller can attach a hint, a fix or a related
// location before reporting anything else.
func (c *checker) report(code diag.Code, r diag.Range, format string, args ...any) *diag.Diagnostic {
	c.diags = append(c.diags, diag.Diagnostic{
		File:     c.file.Name,
		Range:    r,
		Severity: infos[code].Severity,
		Code:     code,
		Message:  fmt.Sprintf(format, args...),
	})
	return &c.diags[len(c.diags)-1]
}

// replace returns an edit replacing the text of r by text.
func replace(r diag.Range, text string) *diag.Edit {
	return &diag.Edit{Range: r, NewText: text}
}

// insertAfter returns an edit inserting text right after r.
func insertAfter(r diag.Range, text string) *diag.Edit {
	return &diag.Edit{Range: diag.Range{Start: r.End, End: r.End}, NewText: text}
}

// insertBefore returns an edit inserting text right before r.
func insertBefore(r diag.Range, text string) *diag.Edit {
	return &diag.Edit{Range: diag.Range{Start: r.Start, End: r.Start}, NewText: text}
}

// quantityText renders a quantity as written, for messages.
func quantityText(q *ast.Quantity) string {
	s := q.Number.Raw
	if q.Symbol != nil {
		s += q.Symbol.Raw
	}
	if q.Word != nil {
		s += " " + q.Word.Raw
	}
	return s
}

// singular strips the optional plural "s" of a normalised keyword
// ("mois" is its own plural).
func singular(word string) string {
	if word == "mois" || len(word) < 2 {
		return word
	}
	return strings.TrimSuffix(word, "s")
}

// closest returns the candidate nearest to word in edit distance, or ""
// when none is close enough to be a likely typo: within a third of the
// word's length, at least 2. A word longer than spell.MaxLen gets no
// suggestion.
func closest(word string, candidates []string) string {
	n := utf8.RuneCountInString(word)
	if n > spell.MaxLen {
		return ""
	}
	best, limit := "", max(2, n/3)
	for _, cand := range candidates {
		if d := spell.Distance(word, cand, limit); d <= limit {
			best, limit = cand, d-1
		}
	}
	return best
}

// didYouMean renders a suggestion for a message, or "" without one.
func didYouMean(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", s)
}
