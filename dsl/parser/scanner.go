package parser

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"garantie/dsl/diag"
)

// bom is the UTF-8 byte order mark some editors put at the start of a file.
const bom = "\uFEFF"

// Scan splits src into tokens. It never fails: a character that starts no
// token is reported and skipped, and an unterminated string runs to the end
// of its line. Comment, Newline and Semicolon tokens are included. A byte
// order mark at the start of src is skipped and takes no column.
func Scan(name string, src []byte) ([]Token, diag.Diagnostics) {
	s := &scanner{name: name, src: src, text: string(src), line: 1, col: 1}
	// A token takes about five bytes of a contract, its spaces included.
	s.toks = make([]Token, 0, len(src)/5+1)
	if len(src) >= len(bom) && string(src[:len(bom)]) == bom {
		s.off = len(bom)
	}
	for s.off < len(src) {
		s.next()
	}
	return s.toks, s.diags
}

// scanner holds the state of Scan.
type scanner struct {
	name  string
	src   []byte
	text  string // src as a string, which token texts share
	off   int    // byte offset of the next character
	line  int
	col   int
	toks  []Token
	diags diag.Diagnostics
}

func (s *scanner) pos() diag.Pos { return diag.Pos{Offset: s.off, Line: s.line, Col: s.col} }

// peek returns the character at byte offset off and its size; it returns
// utf8.RuneError with size 0 at the end of src.
func (s *scanner) peek(off int) (rune, int) {
	if off >= len(s.src) {
		return utf8.RuneError, 0
	}
	if c := s.src[off]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(s.src[off:])
}

// advance moves past the next character.
func (s *scanner) advance() {
	s.move(s.peek(s.off))
}

// move moves past the next character, r of size bytes.
func (s *scanner) move(r rune, size int) {
	s.off += size
	if r == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
}

// advanceWhile moves past the characters for which ok holds.
func (s *scanner) advanceWhile(ok func(rune) bool) {
	for s.off < len(s.src) {
		r, size := s.peek(s.off)
		if !ok(r) {
			return
		}
		s.move(r, size)
	}
}

// advanceText moves past the characters of a comment or a string for
// which ok holds, reporting each forbidden one.
func (s *scanner) advanceText(ok func(rune) bool) {
	for s.off < len(s.src) {
		r, size := s.peek(s.off)
		if !ok(r) {
			return
		}
		if !s.forbidden(r, size) {
			s.move(r, size)
			continue
		}
		s.advance()
	}
}

// emit records a token running from start to the current position.
func (s *scanner) emit(kind Kind, start diag.Pos) {
	raw := s.text[start.Offset:s.off]
	norm := raw
	if kind == Ident {
		norm = Normalize(raw)
		if reserved[norm] {
			kind = Keyword
		}
	}
	s.toks = append(s.toks, Token{Kind: kind, Range: diag.Range{Start: start, End: s.pos()}, Raw: raw, Norm: norm})
}

// single returns the kind of a one-character punctuation token, or 0.
func single(r rune) Kind {
	switch r {
	case ':':
		return Colon
	case ',':
		return Comma
	case '+':
		return Plus
	case '/':
		return Slash
	case '.':
		return Dot
	case '%':
		return Percent
	case '€':
		return Euro
	case ';':
		return Semicolon
	case '\n':
		return Newline
	}
	return 0
}

// next scans one token, skips white space, or reports one bad character.
func (s *scanner) next() {
	start := s.pos()
	r, size := s.peek(s.off)
	switch {
	case s.forbidden(r, size):
		s.advance()
	case single(r) != 0:
		s.advance()
		s.emit(single(r), start)
	case unicode.IsSpace(r):
		s.advance()
	case r == '#':
		s.advanceText(func(r rune) bool { return r != '\n' })
		s.trimCR()
		s.emit(Comment, start)
	case r == '"':
		s.scanString(start)
	case r == '<' || r == '>':
		s.advance()
		if c, _ := s.peek(s.off); c == '=' {
			s.advance()
		}
		s.emit(Op, start)
	case isDigit(r):
		s.scanNumber(start)
	case unicode.IsLetter(r) || r == '_':
		s.advanceWhile(isIdentChar)
		// A hyphen between letters joins a word: "au-delà".
		for {
			if c, _ := s.peek(s.off); c != '-' {
				break
			}
			if c, _ := s.peek(s.off + 1); !unicode.IsLetter(c) {
				break
			}
			s.advance()
			s.advanceWhile(isIdentChar)
		}
		s.emit(Ident, start)
	default:
		s.advance()
		s.report(start, fmt.Sprintf("unexpected character %q", r), strayHint(r))
	}
}

// trimCR moves back before a carriage return that ends a comment or an
// unterminated string, so CRLF files give the same text as LF files.
func (s *scanner) trimCR() {
	if s.off > 0 && s.src[s.off-1] == '\r' {
		s.off--
		s.col--
	}
}

// scanString scans a double-quoted string. Strings have no escapes and
// end on their line.
func (s *scanner) scanString(start diag.Pos) {
	s.advance()
	s.advanceText(func(r rune) bool { return r != '"' && r != '\n' })
	if c, _ := s.peek(s.off); c == '"' {
		s.advance()
		s.emit(String, start)
		return
	}
	s.trimCR()
	s.emit(String, start)
	end := s.pos()
	s.diags = append(s.diags, diag.Diagnostic{
		File: s.name, Range: diag.Range{Start: start, End: end}, Severity: diag.Error,
		Code: CodeUnterminatedString, Message: "string not terminated",
		Hint: `close the string with '"' on the same line`,
		Fix:  &diag.Edit{Range: diag.Range{Start: end, End: end}, NewText: `"`},
	})
}

// scanNumber scans a date (YYYY-MM-DD) or a number. A '.' or ',' between
// two digits is a decimal mark; otherwise it is a token of its own.
func (s *scanner) scanNumber(start diag.Pos) {
	if s.isDate() {
		for range len("2006-01-02") {
			s.advance()
		}
		s.emit(Date, start)
		return
	}
	s.advanceWhile(isDigit)
	if c, _ := s.peek(s.off); c == '.' || c == ',' {
		if d, _ := s.peek(s.off + 1); isDigit(d) {
			s.advance()
			s.advanceWhile(isDigit)
		}
	}
	s.emit(Number, start)
}

// isDate reports whether the text at the current offset has the shape
// dddd-dd-dd.
func (s *scanner) isDate() bool {
	const shape = "dddd-dd-dd"
	if len(s.src)-s.off < len(shape) {
		return false
	}
	for i := range len(shape) {
		c := rune(s.src[s.off+i])
		if shape[i] == 'd' && !isDigit(c) || shape[i] == '-' && c != '-' {
			return false
		}
	}
	return true
}

// forbidden reports, without moving, a character that no part of a
// contract may hold, comments and strings included: a byte that is not
// valid UTF-8, a control character, or a character that changes the
// direction or the lines of the displayed text, so the text a reviewer
// reads could differ from the text the tools read. It returns whether the
// character at the current offset, r of size bytes, is one.
func (s *scanner) forbidden(r rune, size int) bool {
	start := s.pos()
	switch {
	case r == utf8.RuneError && size == 1:
		s.diags = append(s.diags, s.badChar(start, CodeBadCharacter,
			fmt.Sprintf("invalid UTF-8 byte 0x%02X", s.src[start.Offset]), "save the file as UTF-8"))
	case r == '\r':
		if next, _ := s.peek(s.off + 1); next == '\n' || s.off+1 == len(s.src) {
			return false
		}
		s.diags = append(s.diags, s.badChar(start, CodeForbiddenCharacter,
			"carriage return inside a line", "end lines with a newline (LF or CRLF)"))
	case r < 0x20 && r != '\t' && r != '\n' || r >= 0x7F && r <= 0x9F:
		s.diags = append(s.diags, s.badChar(start, CodeForbiddenCharacter,
			fmt.Sprintf("control character U+%04X", r), "remove it; a contract holds no control character but tabs and newlines"))
	case bidi[r] != "":
		s.diags = append(s.diags, s.badChar(start, CodeForbiddenCharacter,
			fmt.Sprintf("invisible formatting character U+%04X (%s)", r, bidi[r]),
			"remove it: it makes the text display differently from what the tools read"))
	default:
		return false
	}
	return true
}

// bidi names the characters that reorder or break the displayed text
// without being visible themselves.
var bidi = map[rune]string{
	'\u061C': "ARABIC LETTER MARK",
	'\u200E': "LEFT-TO-RIGHT MARK",
	'\u200F': "RIGHT-TO-LEFT MARK",
	'\u202A': "LEFT-TO-RIGHT EMBEDDING",
	'\u202B': "RIGHT-TO-LEFT EMBEDDING",
	'\u202C': "POP DIRECTIONAL FORMATTING",
	'\u202D': "LEFT-TO-RIGHT OVERRIDE",
	'\u202E': "RIGHT-TO-LEFT OVERRIDE",
	'\u2066': "LEFT-TO-RIGHT ISOLATE",
	'\u2067': "RIGHT-TO-LEFT ISOLATE",
	'\u2068': "FIRST STRONG ISOLATE",
	'\u2069': "POP DIRECTIONAL ISOLATE",
	'\u2028': "LINE SEPARATOR",
	'\u2029': "PARAGRAPH SEPARATOR",
}

// badChar builds the diagnostic of the one character at start.
func (s *scanner) badChar(start diag.Pos, code diag.Code, msg, hint string) diag.Diagnostic {
	end := start
	end.Offset++
	if r, size := s.peek(start.Offset); r != utf8.RuneError || size > 1 {
		end.Offset = start.Offset + size
	}
	end.Col++
	return diag.Diagnostic{
		File: s.name, Range: diag.Range{Start: start, End: end}, Severity: diag.Error,
		Code: code, Message: msg, Hint: hint,
	}
}

// report records a bad character.
func (s *scanner) report(start diag.Pos, msg, hint string) {
	s.diags = append(s.diags, diag.Diagnostic{
		File: s.name, Range: diag.Range{Start: start, End: s.pos()}, Severity: diag.Error,
		Code: CodeBadCharacter, Message: msg, Hint: hint,
	})
}

// strayHint suggests what to write instead of a character that starts no
// token.
func strayHint(r rune) string {
	switch r {
	case '$':
		return "amounts are in euros: write '€' or 'EUR', as in 150€"
	case '=', '≤', '≥', '!':
		return "compare with <, <=, > or >=, as in age >= 18"
	case '-':
		return "amounts and durations are positive numbers; a date is written 2026-01-01"
	case '\'', '«', '»', '“', '”':
		return `quote names with straight double quotes, as in contrat "Equilibre"`
	}
	return "remove it, or start a comment with '#'"
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isIdentChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
