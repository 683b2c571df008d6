// Package suppress applies the inline suppression comments of a .garantie
// file to its diagnostics. A trailing comment
//
//	consult.specialiste si optam: 200% BRSS  # garantie:ignore R813 non-OPTAM care is in the surco
//
// removes the diagnostics with the codes it names whose range starts on
// the same line. The codes come first (separated by spaces or commas),
// then a reason, which is required. A comment that suppresses nothing, or
// that cannot be read, is itself reported, so suppressions do not outlive
// the problems they hid.
//
// Parser and checker errors (codes P… and E…) cannot be suppressed: they
// mean the contract cannot be read as written, and it is never evaluated.
//
// The package is used by garantie check and can be used by any tool that
// holds a file's source and diagnostics (a language server, for one).
package suppress

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"garantie/dsl/diag"
)

// The diagnostic codes of suppression comments. A code is never reused for
// another meaning.
const (
	CodeUnused    diag.Code = "S901"
	CodeMalformed diag.Code = "S902"
)

// Codes documents the diagnostics of suppression comments, for the registry
// from which docs/diagnostics.md is generated.
func Codes() []diag.Info {
	return []diag.Info{
		{Code: CodeUnused, Title: "suppression suppresses nothing", Severity: diag.Warning,
			Doc:     "A `# garantie:ignore CODE reason` comment names a code that is not reported on its line, so it hides nothing: the problem was fixed, moved to another line, or the code is mistyped. Remove the code from the comment (or the whole comment). Unused suppressions are only reported on a file without errors, since lint rules run only on such a file.",
			Example: "contrat \"X\"\nconsult.generaliste: 100% BRSS  # garantie:ignore L201 the limit is on purpose"},
		{Code: CodeMalformed, Title: "malformed suppression", Severity: diag.Warning,
			Doc:     "A comment starting with `garantie:` is a directive, and `garantie:ignore` is the only one: `# garantie:ignore CODE[,CODE…] reason`. It must name at least one code and give a reason after the codes, and it cannot name a parser or checker error (P…, E…), which must be fixed. A malformed suppression suppresses nothing; complete it.",
			Example: "contrat \"X\"\nconsult.generaliste: 100% BRSS  # garantie:ignore L201"},
	}
}

// directive is one garantie:ignore comment.
type directive struct {
	rng    diag.Range // the comment, from '#' to the end of the line
	codes  []diag.Code
	used   []bool // per code
	reason string
}

// Apply removes from ds the diagnostics of file that the suppression
// comments of src suppress, and returns the rest with a diagnostic for
// each malformed comment and, when reportUnused is true, for each code of
// a comment that suppressed nothing. Callers pass reportUnused false when
// some checks did not run (a file with errors is not linted), so that a
// suppression of a lint finding is not called unused. The diagnostics
// added have File set to file; the order of ds is kept and the new
// diagnostics come last.
func Apply(file string, src []byte, ds diag.Diagnostics, reportUnused bool) diag.Diagnostics {
	dirs, bad := scan(file, src)
	if len(dirs) == 0 && len(bad) == 0 {
		return ds
	}
	byLine := map[int]*directive{}
	for i := range dirs {
		byLine[dirs[i].rng.Start.Line] = &dirs[i]
	}
	out := ds[:0:0]
	for _, d := range ds {
		if dir := byLine[d.Range.Start.Line]; dir != nil && d.File == file && suppressible(d.Code) {
			if i := slices.Index(dir.codes, d.Code); i >= 0 {
				dir.used[i] = true
				continue
			}
		}
		out = append(out, d)
	}
	out = append(out, bad...)
	if reportUnused {
		for _, dir := range dirs {
			for i, code := range dir.codes {
				if !dir.used[i] {
					out = append(out, diag.Diagnostic{File: file, Range: dir.rng, Severity: diag.Warning, Code: CodeUnused,
						Message: fmt.Sprintf("this suppression of %s suppresses nothing: no %s is reported on this line", code, code),
						Hint:    fmt.Sprintf("remove %s from the garantie:ignore comment", code)})
				}
			}
		}
	}
	return out
}

// suppressible reports whether a code may be suppressed: parser and
// checker errors may not.
func suppressible(c diag.Code) bool {
	return !strings.HasPrefix(string(c), "P") && !strings.HasPrefix(string(c), "E")
}

// scan finds the garantie: directives in the comments of src. It returns
// the well-formed ignore directives, and a diagnostic for each malformed
// one.
func scan(file string, src []byte) ([]directive, diag.Diagnostics) {
	var dirs []directive
	var bad diag.Diagnostics
	offset := 0
	for n, line := range strings.SplitAfter(string(src), "\n") {
		start := offset
		offset += len(line)
		line = strings.TrimRight(line, "\r\n")
		hash := commentStart(line)
		if hash < 0 {
			continue
		}
		text := strings.TrimSpace(line[hash+1:])
		if !isDirective(text) {
			continue
		}
		rng := diag.Range{
			Start: diag.Pos{Offset: start + hash, Line: n + 1, Col: utf8.RuneCountInString(line[:hash]) + 1},
			End:   diag.Pos{Offset: start + len(line), Line: n + 1, Col: utf8.RuneCountInString(line) + 1},
		}
		dir, problem := parse(text)
		if problem != "" {
			bad = append(bad, diag.Diagnostic{File: file, Range: rng, Severity: diag.Warning, Code: CodeMalformed, Message: problem,
				Hint: "write # garantie:ignore CODE reason, such as # garantie:ignore R813 covered by the surcomplémentaire"})
			continue
		}
		dir.rng = rng
		dirs = append(dirs, dir)
	}
	return dirs, bad
}

// commentStart returns the byte index of the '#' that starts the comment
// of a line, or -1. A '#' inside a string is not a comment; strings do not
// span lines and have no escapes.
func commentStart(line string) int {
	inString := false
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '"':
			inString = !inString
		case '#':
			if !inString {
				return i
			}
		}
	}
	return -1
}

// isDirective reports whether a comment's text is a garantie: directive:
// "garantie:" directly followed by a letter. "garantie: …" is prose.
func isDirective(text string) bool {
	rest, ok := strings.CutPrefix(text, "garantie:")
	if !ok || rest == "" {
		return false
	}
	c := rest[0]
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// parse reads a directive's text ("garantie:ignore R813 reason"), and
// returns it or what is wrong with it.
func parse(text string) (directive, string) {
	verb, rest, _ := strings.Cut(strings.TrimPrefix(text, "garantie:"), " ")
	if verb != "ignore" {
		return directive{}, fmt.Sprintf("unknown directive garantie:%s; the only directive is garantie:ignore", verb)
	}
	var dir directive
	words := strings.Fields(strings.ReplaceAll(rest, ",", ", "))
	i := 0
	for ; i < len(words); i++ {
		w := strings.TrimSuffix(words[i], ",")
		if w == "" {
			continue
		}
		if !isCode(w) {
			break
		}
		dir.codes = append(dir.codes, diag.Code(w))
	}
	dir.reason = strings.Join(words[i:], " ")
	switch {
	case len(dir.codes) == 0:
		return directive{}, "garantie:ignore names no code: name the codes to suppress, such as R813"
	case dir.reason == "":
		return directive{}, fmt.Sprintf("garantie:ignore %s gives no reason: say why the finding does not apply", codeList(dir.codes))
	}
	for _, c := range dir.codes {
		if !suppressible(c) {
			return directive{}, fmt.Sprintf("%s cannot be suppressed: parser and checker errors must be fixed", c)
		}
	}
	dir.used = make([]bool, len(dir.codes))
	return dir, ""
}

// isCode reports whether w looks like a diagnostic code: an upper-case
// letter and three digits.
func isCode(w string) bool {
	if len(w) != 4 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for _, c := range w[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func codeList(codes []diag.Code) string {
	s := make([]string, len(codes))
	for i, c := range codes {
		s[i] = string(c)
	}
	return strings.Join(s, ",")
}
