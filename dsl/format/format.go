// Package format prints a contract file in its canonical form.
//
// The formatter changes white space only: every token is printed with the
// text it was written with (keywords keep their case and accents) and
// every comment is kept. The canonical form is:
//
//   - one declaration per line, with no indentation; a ';' between
//     declarations becomes a line break, which means the same;
//   - runs of blank lines collapsed to one, and no blank line at the start
//     or the end of the file;
//   - single spaces between tokens, except none around the '.' of a poste
//     code, before ':' and ',', and between a number and '%' or '€'
//     ("200 %" becomes "200%"), so "200% BRSS", "250 EUR", "40€ / seance",
//     "100% BRSS + forfait 100€ / an, max 2 actes / an", "age < 16";
//   - in a block of consecutive rule lines (not broken by a blank line, a
//     comment line or a header declaration), the garanties start in one
//     column, one space after the longest "poste si conditions:" of the
//     block; a head longer than maxAligned characters is followed by one
//     space and does not widen the column, so a very long line never pads
//     every other rule of its block;
//   - a comment after code is separated from it by two spaces; a comment
//     line starts at column 1; trailing white space is removed from
//     comments;
//   - LF line endings, no byte order mark, and exactly one final newline
//     (an empty file stays empty).
//
// Broken code is never formatted: Source returns the parse diagnostics
// instead.
package format

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"garantie/dsl/diag"
	"garantie/dsl/parser"
)

// Source formats the contract file src. If src has parse errors, it
// returns them and no output.
func Source(name string, src []byte) ([]byte, diag.Diagnostics) {
	if _, ds := parser.Parse(name, src); ds.HasErrors() {
		return nil, ds
	}
	toks, _ := parser.Scan(name, src)
	lines := layout(toks)
	alignRules(lines)
	var b strings.Builder
	for _, l := range lines {
		if l.blankBefore {
			b.WriteString("\n")
		}
		b.WriteString(l.text())
		b.WriteString("\n")
	}
	return []byte(b.String()), nil
}

// line is one line of output: a declaration, with or without a trailing
// comment, or a comment alone.
type line struct {
	blankBefore bool
	head        string // a header declaration, or a rule up to its ':'
	body        string // a rule's garantie; "" for a header declaration
	isRule      bool
	pad         int    // spaces between head and body
	comment     string // "" when none
}

func (l line) text() string {
	s := l.head
	if l.isRule {
		s += strings.Repeat(" ", l.pad) + l.body
	}
	switch {
	case l.comment == "":
		return s
	case s == "":
		return l.comment
	}
	return s + "  " + l.comment
}

// layout groups the tokens of each source line into output lines.
func layout(toks []parser.Token) []line {
	var out []line
	lastLine := 0 // source line of the last output line, 0 before any
	for len(toks) > 0 {
		n := 0
		for n < len(toks) && toks[n].Kind != parser.Newline {
			n++
		}
		src := toks[:n]
		if n < len(toks) {
			n++
		}
		toks = toks[n:]
		decls, comment := splitLine(src)
		if len(decls) == 0 && comment == "" {
			continue // a blank line, or one holding only ';'
		}
		lineNo := src[0].Range.Start.Line
		blank := lastLine > 0 && lineNo > lastLine+1
		lastLine = lineNo
		if len(decls) == 0 {
			out = append(out, line{blankBefore: blank, comment: comment})
			continue
		}
		for i, d := range decls {
			l := declLine(d)
			l.blankBefore = blank && i == 0
			if i == len(decls)-1 {
				l.comment = comment
			}
			out = append(out, l)
		}
	}
	return out
}

// splitLine cuts the tokens of one source line into declarations at ';'
// and returns them with the line's comment, trailing space removed.
func splitLine(toks []parser.Token) (decls [][]parser.Token, comment string) {
	start := 0
	for i, t := range toks {
		switch t.Kind {
		case parser.Semicolon, parser.Comment:
			if i > start {
				decls = append(decls, toks[start:i])
			}
			start = i + 1
			if t.Kind == parser.Comment {
				comment = strings.TrimRightFunc(t.Raw, unicode.IsSpace)
			}
		}
	}
	if start < len(toks) {
		decls = append(decls, toks[start:])
	}
	return decls, comment
}

// declLine prints one declaration. A rule is the only declaration with a
// ':' outside a string; its head runs to the ':'.
func declLine(toks []parser.Token) line {
	for i, t := range toks {
		if t.Kind == parser.Colon {
			return line{isRule: true, head: join(toks[:i+1]), body: join(toks[i+1:])}
		}
	}
	return line{head: join(toks)}
}

// join prints tokens with the canonical spacing.
func join(toks []parser.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && spaced(toks[i-1], t) {
			b.WriteByte(' ')
		}
		b.WriteString(t.Raw)
	}
	return b.String()
}

// spaced reports whether a space separates two adjacent tokens.
func spaced(prev, next parser.Token) bool {
	switch {
	case prev.Kind == parser.Dot, next.Kind == parser.Dot:
		return false
	case next.Kind == parser.Colon, next.Kind == parser.Comma:
		return false
	case prev.Kind == parser.Number && (next.Kind == parser.Percent || next.Kind == parser.Euro):
		return false
	}
	return true
}

// maxAligned is the longest rule head, in characters, whose garantie is
// aligned with those of its block.
const maxAligned = 80

// alignRules sets the padding of each rule so that the garanties of a
// block of consecutive rule lines start in one column; the output stays
// linear in the size of the input.
func alignRules(lines []line) {
	for start := 0; start < len(lines); {
		if !lines[start].isRule {
			start++
			continue
		}
		end := start + 1
		for end < len(lines) && lines[end].isRule && !lines[end].blankBefore {
			end++
		}
		width := 0
		for _, l := range lines[start:end] {
			if n := utf8.RuneCountInString(l.head); n <= maxAligned {
				width = max(width, n)
			}
		}
		for i := start; i < end; i++ {
			lines[i].pad = max(width-utf8.RuneCountInString(lines[i].head), 0) + 1
		}
		start = end
	}
}
