package scenario

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"garantie/dsl/diag"
	"garantie/regles"
)

// Diagnostic codes of scenario files. They are stable and never reused.
const (
	CodeSyntax    diag.Code = "S001" // a line that is not a scenario line
	CodePoste     diag.Code = "S002" // unknown poste
	CodeShare     diag.Code = "S003" // a share outside 0–100%
	CodeReduction diag.Code = "S004" // a reduction outside 0–100%
	CodeDuplicate diag.Code = "S005" // two lines for one poste
	CodeSeed      diag.Code = "S006" // a bad graine
	CodeText      diag.Code = "S007" // invalid UTF-8 or control characters
)

// Parse reads a scenario file. name is used in diagnostics and as the
// scenario's name when the file has no `scenario` line. declared lists
// postes declared by the contracts (`poste` lines) besides the
// nomenclature. The scenario is returned only when there is no error.
func Parse(name string, src []byte, declared func(string) bool) (*Scenario, diag.Diagnostics) {
	p := parser{file: name, declared: declared, s: &Scenario{Name: name, byPoste: map[string]int{}}}
	for n, line := range strings.Split(string(src), "\n") {
		p.line(n+1, strings.TrimSuffix(line, "\r"))
		if len(p.ds) >= 20 {
			break
		}
	}
	if p.ds.HasErrors() {
		return nil, p.ds
	}
	return p.s, p.ds
}

type parser struct {
	file     string
	declared func(string) bool
	s        *Scenario
	ds       diag.Diagnostics
}

// errorf records an error at columns [from, to) of line n, counted in
// bytes of text and reported in characters.
func (p *parser) errorf(n int, text string, from, to int, code diag.Code, hint, format string, args ...any) {
	from, to = min(from, len(text)), min(max(to, from+1), len(text)+1)
	col := func(b int) int { return utf8.RuneCountInString(text[:min(b, len(text))]) + 1 + max(0, b-len(text)) }
	p.ds = append(p.ds, diag.Diagnostic{
		File:     p.file,
		Range:    diag.Range{Start: diag.Pos{Line: n, Col: col(from)}, End: diag.Pos{Line: n, Col: col(to)}},
		Severity: diag.Error,
		Code:     code,
		Message:  fmt.Sprintf(format, args...),
		Hint:     hint,
	})
}

func (p *parser) line(n int, text string) {
	if !utf8.ValidString(text) || strings.ContainsFunc(text, func(r rune) bool { return r < ' ' && r != '\t' || r == 0x7f }) {
		p.errorf(n, text, 0, len(text), CodeText, "", "invalid UTF-8 or control character")
		return
	}
	body := text
	if i := strings.IndexByte(body, '#'); i >= 0 {
		body = body[:i]
	}
	trimmed := strings.TrimSpace(body)
	if trimmed == "" {
		return
	}
	at := strings.Index(body, trimmed)
	word, rest, _ := strings.Cut(trimmed, " ")
	switch strings.ToLower(word) {
	case "scenario", "scénario":
		name, err := strconv.Unquote(strings.TrimSpace(rest))
		if err != nil || name == "" {
			p.errorf(n, text, at, at+len(trimmed), CodeSyntax, `write scenario "Name"`, "the scenario name is a quoted, non-empty string")
			return
		}
		p.s.Name = name
		return
	case "graine":
		v, err := strconv.ParseUint(strings.TrimSpace(rest), 10, 64)
		if err != nil {
			p.errorf(n, text, at, at+len(trimmed), CodeSeed, "write graine 42", "graine is a whole number from 0 to 18446744073709551615")
			return
		}
		p.s.Seed = v
		return
	}
	p.rule(n, text, at, trimmed)
}

// rule parses `POSTE: N% des lignes, prix -M%`.
func (p *parser) rule(n int, text string, at int, s string) {
	const form = "write POSTE: N% des lignes, prix -M%"
	poste, spec, ok := strings.Cut(s, ":")
	if !ok {
		p.errorf(n, text, at, at+len(s), CodeSyntax, form, "expected a scenario line")
		return
	}
	poste = strings.TrimSpace(poste)
	if _, known := regles.LookupPoste(poste); !known && (p.declared == nil || !p.declared(poste)) {
		hint := ""
		if sug := regles.Suggest(poste); len(sug) > 0 {
			hint = "did you mean " + sug[0] + "?"
		}
		p.errorf(n, text, at, at+len(poste), CodePoste, hint, "unknown poste %q", poste)
		return
	}
	if first, dup := p.s.byPoste[poste]; dup {
		p.errorf(n, text, at, at+len(poste), CodeDuplicate, fmt.Sprintf("keep one line; the other is line %d", p.s.Rules[first].Line), "a second line for %s", poste)
		return
	}
	specAt := at + len(poste) + 1
	parts := splitSeparators(spec)
	if len(parts) != 2 {
		p.errorf(n, text, specAt, len(text), CodeSyntax, form, "expected a share of the lines and a price change, separated by a comma")
		return
	}
	shareText, share, ok := percentBefore(parts[0], "des lignes")
	if !ok {
		p.errorf(n, text, specAt, specAt+len(parts[0]), CodeSyntax, form, "expected N%% des lignes")
		return
	}
	if share < 0 || share > shareScale {
		p.errorf(n, text, specAt, specAt+len(parts[0]), CodeShare, "", "share %s%% is not between 0%% and 100%%", shareText)
		return
	}
	priceAt := specAt + len(parts[0]) + 1
	red, ok := reduction(parts[1])
	if !ok {
		p.errorf(n, text, priceAt, len(text), CodeSyntax, form, "expected prix -M%%")
		return
	}
	if red < 0 || red > shareScale {
		p.errorf(n, text, priceAt, len(text), CodeReduction, "a reduction is between prix -0% and prix -100%", "price reduction is not between 0%% and 100%%")
		return
	}
	p.s.byPoste[poste] = len(p.s.Rules)
	p.s.Rules = append(p.s.Rules, Rule{Poste: poste, Share: share, Reduction: red, Line: n})
}

// splitSeparators splits s at its commas, except a comma between two
// digits, which is a decimal comma (as in the language: `12,5`).
func splitSeparators(s string) []string {
	var parts []string
	from := 0
	for i := 0; i < len(s); i++ {
		if s[i] != ',' || i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
			continue
		}
		parts = append(parts, s[from:i])
		from = i + 1
	}
	return append(parts, s[from:])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// percentBefore parses "N% WORDS" and returns N in hundredths of a percent.
func percentBefore(s, words string) (string, int64, bool) {
	s = strings.TrimSpace(s)
	num, rest, ok := strings.Cut(s, "%")
	if !ok || !strings.EqualFold(strings.Join(strings.Fields(rest), " "), words) {
		return "", 0, false
	}
	num = strings.TrimSpace(num)
	v, ok := hundredths(num)
	return num, v, ok
}

// reduction parses "prix -M%" and returns M in hundredths of a percent.
func reduction(s string) (int64, bool) {
	f := strings.Fields(s)
	if len(f) < 2 || !strings.EqualFold(f[0], "prix") {
		return 0, false
	}
	v := strings.Join(f[1:], "")
	if !strings.HasPrefix(v, "-") || !strings.HasSuffix(v, "%") {
		return 0, false
	}
	return hundredths(strings.TrimSuffix(v[1:], "%"))
}

// hundredths parses a number with at most two decimals (point or comma)
// into hundredths: "40" is 4000, "12,5" is 1250.
func hundredths(s string) (int64, bool) {
	whole, frac, _ := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	if whole == "" || len(whole) > 6 || len(frac) > 2 {
		return 0, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	v, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil || strings.ContainsAny(whole+frac, "+-") {
		return 0, false
	}
	return v, true
}
