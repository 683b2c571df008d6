package check

import (
	"strings"
	"time"
	"unicode/utf8"

	"garantie/dsl/ast"
	"garantie/dsl/diag"
	"garantie/dsl/internal/spell"
)

// header checks the header declarations (contrat, organisme, effet,
// responsable, mode, poste) wherever they appear, and fills the header
// fields of the program. Declared postes are collected before any rule is
// checked, so a rule may use a poste declared further down.
func (c *checker) header() {
	seen := map[string]diag.Range{} // header keyword -> first declaration
	first := func(keyword string, r diag.Range) bool {
		if prev, dup := seen[keyword]; dup {
			c.report(codeDuplicateHeader, r, "%s is declared twice; keep only one", keyword).Related =
				&diag.Related{Range: prev, Message: "first " + keyword + " declaration"}
			return false
		}
		seen[keyword] = r
		return true
	}
	var posteDecls []*ast.PosteDecl
	var enveloppes []*ast.Enveloppe
	sawContrat, sawOther := false, false
	for _, d := range c.file.Decls {
		switch d := d.(type) {
		case *ast.Contrat:
			if !first("contrat", d.Range) {
				break
			}
			sawContrat = true
			if sawOther {
				c.report(codeContratNotFirst, d.Range, "contrat must be the first declaration of the file; move it to the top")
			}
			if d.Name != nil {
				c.prog.Name = d.Name.Value
			}
		case *ast.Organisme:
			if first("organisme", d.Range) && d.Name != nil {
				c.prog.Organisme = d.Name.Value
			}
		case *ast.Effet:
			if first("effet", d.Range) {
				c.effet(d)
			}
		case *ast.Responsable:
			if first("responsable", d.Range) {
				c.prog.Responsable = true
			}
		case *ast.Mode:
			if first("mode", d.Range) {
				c.mode(d)
			}
		case *ast.PosteDecl:
			posteDecls = append(posteDecls, d)
		case *ast.Enveloppe:
			enveloppes = append(enveloppes, d)
		case *ast.BadDecl:
			continue
		}
		sawOther = true
	}
	// A file whose first declaration could not be parsed is most likely a
	// broken contrat line: the parser has said what is wrong with it, at
	// its exact position, and "must start with contrat" would hide that.
	if !sawContrat && !firstIsBad(c.file) {
		start := diag.Pos{Offset: 0, Line: 1, Col: 1}
		c.report(codeMissingContrat, diag.Range{Start: start, End: start},
			"a contract file must start with contrat \"NAME\"").Fix = &diag.Edit{
			Range: diag.Range{Start: start, End: start}, NewText: "contrat \"NAME\"\n"}
	}
	c.declarePostes(posteDecls)
	c.enveloppes(enveloppes)
}

// firstIsBad reports whether the first declaration of f is one the parser
// could not read.
func firstIsBad(f *ast.File) bool {
	if len(f.Decls) == 0 {
		return false
	}
	_, bad := f.Decls[0].(*ast.BadDecl)
	return bad
}

func (c *checker) effet(d *ast.Effet) {
	if d.Date == nil {
		return
	}
	if !d.Date.Valid {
		c.report(codeBadDate, d.Date.Range, "%s is not a day of the calendar; write a valid date such as 2026-01-01", d.Date.Raw)
		return
	}
	t := time.Date(d.Date.Year, time.Month(d.Date.Month), d.Date.Day, 0, 0, 0, 0, time.UTC)
	c.prog.Effet = &t
}

func (c *checker) mode(d *ast.Mode) {
	if d.Value == nil {
		return
	}
	switch d.Value.Name {
	case "deduction":
		c.prog.Mode = Deduction
	case "complement":
		c.prog.Mode = Complement
	default:
		s := closest(d.Value.Name, []string{"deduction", "complement"})
		rep := c.report(codeUnknownMode, d.Value.Range, "unknown mode %q: write mode deduction or mode complement%s", d.Value.Raw, didYouMean(s))
		if s != "" {
			rep.Fix = replace(d.Value.Range, s)
		}
	}
}

// declarePostes checks the "poste CODE \"Label\"" declarations: a code must
// be new, declared once, and its parent must be a standard or declared
// code.
func (c *checker) declarePostes(decls []*ast.PosteDecl) {
	where := map[string]diag.Range{}
	for _, d := range decls {
		if d.Code == nil {
			continue
		}
		code := d.Code.Code()
		if c.ref.PosteKnown(code) {
			c.report(codeRedefinedPoste, d.Code.Range, "poste %s is already in the standard nomenclature; remove this declaration", code).Fix = replace(d.Range, "")
			continue
		}
		if prev, dup := where[code]; dup {
			c.report(codeDuplicatePoste, d.Code.Range, "poste %s is declared twice; keep only one declaration", code).Related =
				&diag.Related{Range: prev, Message: "first declaration of " + code}
			continue
		}
		where[code] = d.Code.Range
		c.declared[code] = true
		label := ""
		if d.Label != nil {
			label = d.Label.Value
		}
		c.prog.Declared = append(c.prog.Declared, DeclaredPoste{Code: code, Label: label, Range: d.Range, SansRO: d.SansRO != nil})
	}
	for _, d := range c.prog.Declared {
		parent := parentCode(d.Code)
		if parent == "" || c.posteKnown(parent) {
			continue
		}
		rep := c.report(codeUnknownParent, d.Range, "the family %s of declared poste %s is unknown; declare it too with poste %s \"Label\" or use a standard family", parent, d.Code, parent)
		// The suggestion must name another code: the declared postes
		// under the unknown family are close to it but cannot be it.
		if s := c.suggestPoste(parent); s != "" && !strings.HasPrefix(s, parent+".") {
			rep.Hint = "did you mean " + s + "?"
		}
	}
}

// posteKnown reports whether code is standard or declared.
func (c *checker) posteKnown(code string) bool {
	return c.declared[code] || c.ref.PosteKnown(code)
}

// maxPosteLookups bounds the distinct unknown codes for which a file gets
// a suggestion: each lookup compares the code with the whole
// nomenclature and every declared poste, and a file with more misspelt
// codes than this needs rewriting, not more hints.
const maxPosteLookups = 100

// suggestPoste returns the most likely code meant by code: the first
// suggestion of the nomenclature, or a close declared code. Each code is
// looked up once per file, and at most maxPosteLookups codes are.
func (c *checker) suggestPoste(code string) string {
	if s, done := c.suggested[code]; done {
		return s
	}
	if len(c.suggested) >= maxPosteLookups {
		return ""
	}
	s := c.lookupPoste(code)
	c.suggested[code] = s
	return s
}

// lookupPoste finds the suggestion for code; see suggestPoste.
func (c *checker) lookupPoste(code string) string {
	if utf8.RuneCountInString(code) > spell.MaxLen {
		return "" // no code is that long: not a typo of one
	}
	if s := c.ref.SuggestPoste(code); len(s) > 0 {
		return s[0]
	}
	declared := make([]string, 0, len(c.prog.Declared))
	for _, d := range c.prog.Declared {
		declared = append(declared, d.Code)
	}
	return closest(code, declared)
}

// parentCode returns code without its last segment, "" for a family.
func parentCode(code string) string {
	i := strings.LastIndexByte(code, '.')
	if i < 0 {
		return ""
	}
	return code[:i]
}
