package lsp

import (
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"garantie/dsl/diag"
)

// text is a document's content with the byte offset of each line start,
// so positions convert between the three ways of counting:
//
//   - byte offsets (diag.Pos.Offset, slicing the source);
//   - characters, that is Unicode code points (diag.Pos.Col);
//   - UTF-16 code units (the LSP default for Position.character).
//
// "€" is 3 bytes, 1 character and 1 UTF-16 unit; "𝔼" is 4 bytes,
// 1 character and 2 UTF-16 units.
type text struct {
	src   string
	lines []int // byte offset of the start of each line
}

func newText(src string) *text {
	lines := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			lines = append(lines, i+1)
		}
	}
	return &text{src: src, lines: lines}
}

// line returns line n (from 0) without its terminator ("\n" or "\r\n").
func (t *text) line(n int) string {
	if n < 0 || n >= len(t.lines) {
		return ""
	}
	start, end := t.lines[n], len(t.src)
	if n+1 < len(t.lines) {
		end = t.lines[n+1] - 1
	}
	s := t.src[start:end]
	if len(s) > 0 && s[len(s)-1] == '\r' {
		s = s[:len(s)-1]
	}
	return s
}

// offset converts an LSP position (UTF-16 units) to a byte offset. A
// position past the end of its line is the end of the line, and a line
// past the end of the text is the end of the text, as the protocol asks.
func (t *text) offset(p protocol.Position) int {
	n := int(p.Line)
	if n >= len(t.lines) {
		return len(t.src)
	}
	line := t.line(n)
	units := int(p.Character)
	i := 0
	for i < len(line) && units > 0 {
		r, size := utf8.DecodeRuneInString(line[i:])
		w := utf16Len(r)
		if w > units {
			break // inside a surrogate pair: stay before the character
		}
		units -= w
		i += size
	}
	return t.lines[n] + i
}

// position converts a byte offset to an LSP position (UTF-16 units). An
// offset inside a character is moved to that character's start.
func (t *text) position(offset int) protocol.Position {
	offset = max(0, min(offset, len(t.src)))
	n := lineOf(t.lines, offset)
	units := 0
	for i := t.lines[n]; i < offset; {
		r, size := utf8.DecodeRuneInString(t.src[i:])
		if i+size > offset {
			break
		}
		units += utf16Len(r)
		i += size
	}
	return protocol.Position{Line: protocol.UInteger(n), Character: protocol.UInteger(units)}
}

// fromDiag converts a diagnostic position to an LSP position. It counts
// the columns of p in characters on its line, so it does not rely on the
// byte offset; an invalid position is the start of the file.
func (t *text) fromDiag(p diag.Pos) protocol.Position {
	if !p.IsValid() {
		return protocol.Position{}
	}
	n := p.Line - 1
	if n >= len(t.lines) {
		return t.position(len(t.src))
	}
	line := t.line(n)
	units, col := 0, 1
	for _, r := range line {
		if col >= p.Col {
			break
		}
		units += utf16Len(r)
		col++
	}
	return protocol.Position{Line: protocol.UInteger(n), Character: protocol.UInteger(units)}
}

// rangeOf converts a diagnostic range to an LSP range.
func (t *text) rangeOf(r diag.Range) protocol.Range {
	start := t.fromDiag(r.Start)
	end := start
	if r.End.IsValid() {
		end = t.fromDiag(r.End)
	}
	return protocol.Range{Start: start, End: end}
}

// end is the position just after the last character.
func (t *text) end() protocol.Position { return t.position(len(t.src)) }

// lineOf returns the index of the line holding offset.
func lineOf(lines []int, offset int) int {
	lo, hi := 0, len(lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if lines[mid] <= offset {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// utf16Len is the number of UTF-16 code units of r.
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}
