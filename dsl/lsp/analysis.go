package lsp

import (
	"garantie/dsl/ast"
	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/dsl/diag/suppress"
	"garantie/dsl/lint"
	"garantie/dsl/parser"
)

// maxErrors is how many errors a document reports, as `garantie check`
// does, so a file of garbage does not flood the editor.
const maxErrors = 50

// analysis is one version of a document read, parsed, checked and
// linted: what every request answers from.
type analysis struct {
	text    *text
	file    *ast.File
	program *check.Program
	tokens  []parser.Token
	diags   diag.Diagnostics
}

// analyse runs the static pipeline of `garantie check` on src: parse,
// check against the nomenclature of package regles, lint (the contrat
// responsable rules included) when there is no error, so one mistake
// does not cascade into lint findings about the rule it broke, and apply
// the file's "# garantie:ignore CODE reason" comments (package
// suppress), an unused one reported only on a linted file, as `garantie
// check` does.
func analyse(name, src string) *analysis {
	b := []byte(src)
	f, diags := parser.Parse(name, b)
	prog, cdiags := check.Check(f, check.Regles())
	diags = append(diags, cdiags...)
	linted := !diags.HasErrors()
	if linted {
		diags = append(diags, lint.Run(prog)...)
	}
	for i := range diags {
		diags[i].File = name
	}
	diags = suppress.Apply(name, b, diags, linted).Dedup()
	diags, _ = diags.Limit(maxErrors)
	toks, _ := parser.Scan(name, b)
	return &analysis{text: newText(src), file: f, program: prog, tokens: toks, diags: diags}
}

// tokenAt returns the index of the token that holds offset, or touches
// it from the left (the cursor just after a word is on that word); -1
// when there is none. Newline tokens are never returned.
func (a *analysis) tokenAt(offset int) int {
	best := -1
	for i, t := range a.tokens {
		if t.Kind == parser.Newline {
			continue
		}
		if t.Range.Start.Offset > offset {
			break
		}
		if offset < t.Range.End.Offset {
			return i
		}
		if offset == t.Range.End.Offset {
			best = i
		}
	}
	return best
}

// rules returns the rules of the syntax tree, checked or not, in source
// order. Requests use the syntax tree rather than the checked program so
// that they still answer on a file with errors.
func (a *analysis) rules() []*ast.Rule {
	var out []*ast.Rule
	for _, d := range a.file.Decls {
		if r, ok := d.(*ast.Rule); ok && r.Poste != nil {
			out = append(out, r)
		}
	}
	return out
}

// declared returns the "poste CODE \"Label\"" declarations of the file.
func (a *analysis) declared() []*ast.PosteDecl {
	var out []*ast.PosteDecl
	for _, d := range a.file.Decls {
		if p, ok := d.(*ast.PosteDecl); ok && p.Code != nil {
			out = append(out, p)
		}
	}
	return out
}

// enveloppes returns the named enveloppes declared in the file.
func (a *analysis) enveloppes() []*ast.Enveloppe {
	var out []*ast.Enveloppe
	for _, d := range a.file.Decls {
		if e, ok := d.(*ast.Enveloppe); ok && e.Name != nil {
			out = append(out, e)
		}
	}
	return out
}

// source returns the text of r as written, on one line.
func (a *analysis) source(r diag.Range) string {
	s, e := r.Start.Offset, r.End.Offset
	if s < 0 || e > len(a.text.src) || s > e {
		return ""
	}
	return a.text.src[s:e]
}
