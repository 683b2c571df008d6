package diag

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Source gives the text of the files diagnostics refer to, by name.
type Source map[string][]byte

// Line returns line n (from 1) of src without its line terminator.
func Line(src []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return string(bytes.TrimSuffix(src, []byte("\r")))
}

// lineIndex holds where each line of a source starts, so that rendering
// many diagnostics of a large file reads it once rather than once per
// diagnostic.
type lineIndex struct {
	src    []byte
	starts []int // byte offset of each line
}

func newLineIndex(src []byte) *lineIndex {
	x := &lineIndex{src: src, starts: []int{0}}
	for i, c := range src {
		if c == '\n' {
			x.starts = append(x.starts, i+1)
		}
	}
	return x
}

// line returns line n (from 1) without its line terminator, as Line does.
func (x *lineIndex) line(n int) string {
	if n < 1 || n > len(x.starts) {
		return ""
	}
	return Line(x.src[x.starts[n-1]:], 1)
}

// WriteText renders diagnostics in the text form
//
//	path:line:col: error: message [CODE]
//	    source line
//	    ^^^
//	    hint: ...
//
// The caret sits under the range's start, counted in characters; tabs in
// the source line are kept in the padding so the caret lines up.
func WriteText(w io.Writer, ds Diagnostics, src Source) error {
	var b strings.Builder
	lines := map[string]*lineIndex{}
	for _, d := range ds {
		fmt.Fprintf(&b, "%s:%d:%d: %s: %s [%s]\n", d.File, d.Range.Start.Line, d.Range.Start.Col, d.Severity, d.Message, d.Code)
		if text, ok := src[d.File]; ok && d.Range.Start.Line > 0 {
			if lines[d.File] == nil {
				lines[d.File] = newLineIndex(text)
			}
			line := lines[d.File].line(d.Range.Start.Line)
			b.WriteString("    ")
			b.WriteString(line)
			b.WriteString("\n    ")
			b.WriteString(caret(line, d.Range))
			b.WriteString("\n")
		}
		if d.Hint != "" {
			fmt.Fprintf(&b, "    hint: %s\n", d.Hint)
		}
		if d.Related != nil {
			fmt.Fprintf(&b, "    %s:%d:%d: %s\n", d.File, d.Related.Range.Start.Line, d.Related.Range.Start.Col, d.Related.Message)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// caret returns the padding and carets that underline r on line.
func caret(line string, r Range) string {
	var b strings.Builder
	col := 1
	for _, c := range line {
		if col >= r.Start.Col {
			break
		}
		if c == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		col++
	}
	width := 1
	if r.End.Line == r.Start.Line && r.End.Col > r.Start.Col {
		width = r.End.Col - r.Start.Col
	}
	if rest := utf8.RuneCountInString(line) - r.Start.Col + 1; width > rest && rest > 0 {
		width = rest
	}
	b.WriteString(strings.Repeat("^", width))
	return b.String()
}

// JSONDiagnostic is the machine-readable form of a diagnostic.
type JSONDiagnostic struct {
	File      string       `json:"file"`
	Line      int          `json:"line"`
	Column    int          `json:"column"`
	EndLine   int          `json:"end_line"`
	EndColumn int          `json:"end_column"`
	Severity  string       `json:"severity"`
	Code      string       `json:"code"`
	Message   string       `json:"message"`
	Hint      string       `json:"hint,omitempty"`
	Fix       *JSONEdit    `json:"fix,omitempty"`
	Related   *JSONRelated `json:"related,omitempty"`
}

// JSONRelated is the machine-readable form of a secondary location, such
// as the other rule of an ambiguous pair.
type JSONRelated struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// JSONEdit is the machine-readable form of a suggested edit.
type JSONEdit struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	NewText   string `json:"new_text"`
}

// ToJSON converts diagnostics to their machine-readable form.
func ToJSON(ds Diagnostics) []JSONDiagnostic {
	out := make([]JSONDiagnostic, 0, len(ds))
	for _, d := range ds {
		j := JSONDiagnostic{
			File: d.File, Line: d.Range.Start.Line, Column: d.Range.Start.Col,
			EndLine: d.Range.End.Line, EndColumn: d.Range.End.Col,
			Severity: d.Severity.String(), Code: string(d.Code), Message: d.Message, Hint: d.Hint,
		}
		if d.Related != nil {
			j.Related = &JSONRelated{Line: d.Related.Range.Start.Line, Column: d.Related.Range.Start.Col, Message: d.Related.Message}
		}
		if d.Fix != nil {
			j.Fix = &JSONEdit{
				Line: d.Fix.Range.Start.Line, Column: d.Fix.Range.Start.Col,
				EndLine: d.Fix.Range.End.Line, EndColumn: d.Fix.Range.End.Col,
				NewText: d.Fix.NewText,
			}
		}
		out = append(out, j)
	}
	return out
}

// WriteJSON writes diagnostics as one indented JSON document
// {"diagnostics":[…],"errors":N,"warnings":N}.
func WriteJSON(w io.Writer, ds Diagnostics) error {
	doc := struct {
		Diagnostics []JSONDiagnostic `json:"diagnostics"`
		Errors      int              `json:"errors"`
		Warnings    int              `json:"warnings"`
	}{ToJSON(ds), ds.Errors(), len(ds) - ds.Errors()}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
