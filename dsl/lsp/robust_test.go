package lsp

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// TestHalfTypedInput drives the server's handlers with every file of the
// parser's and the checker's fuzz corpora and with truncated prefixes of
// the example contracts, as an editor would while someone types: open,
// change, then hover, completion, definition, symbols, code actions and
// formatting at many positions. The handlers are called directly, below
// the recovery of the JSON-RPC layer, so a panic fails the test.
func TestHalfTypedInput(t *testing.T) {
	var docs []string
	for _, dir := range []string{"../parser/testdata/fuzz/FuzzParse", "../check/testdata/fuzz/FuzzCheck"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) == 0 {
			t.Fatalf("%s: empty corpus", dir)
		}
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, corpusInput(t, e.Name(), string(b)))
		}
	}
	examples, err := filepath.Glob("../../exemples/*.garantie")
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	var prefixes []string
	for _, path := range examples {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		// Every line end, and every 11th byte (cuts inside "€" included).
		for i := range len(src) + 1 {
			if i%11 == 0 || i == len(src) || src[i] == '\n' {
				prefixes = append(prefixes, src[:i])
			}
		}
	}

	s := newServer(Options{Today: today, Debounce: time.Hour})
	const uri = "file:///robust.garantie"
	for i, src := range docs {
		if err := s.didOpen(nil, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: uri, Text: src, Version: 1}}); err != nil {
			t.Fatal(err)
		}
		exercise(t, s, uri, src, 1)
		if t.Failed() {
			t.Fatalf("corpus input %d: %q", i, src)
		}
	}
	if err := s.didOpen(nil, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: uri, Version: 1}}); err != nil {
		t.Fatal(err)
	}
	for i, src := range prefixes {
		// Whole-text changes, as some clients send.
		change := &protocol.DidChangeTextDocumentParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: protocol.Integer(i + 2)},
			ContentChanges: []any{protocol.TextDocumentContentChangeEventWhole{Text: src}},
		}
		if err := s.didChange(nil, change); err != nil {
			t.Fatal(err)
		}
		// At the cursor (the end) and at about 20 places before it.
		exercise(t, s, uri, src, max(7, len(src)/20))
	}
	s.stop()
}

// exercise sends every read-only request about the document at uri, at
// each stride-th byte offset of src and at its end.
func exercise(t *testing.T, s *server, uri, src string, stride int) {
	t.Helper()
	txt := newText(src)
	doc := protocol.TextDocumentIdentifier{URI: uri}
	positions := []protocol.Position{txt.end(), {Line: 1000, Character: 1000}, {Line: 0, Character: 1000}}
	for off := 0; off < len(src); off += stride {
		positions = append(positions, txt.position(off))
	}
	for _, pos := range positions {
		tdp := protocol.TextDocumentPositionParams{TextDocument: doc, Position: pos}
		if _, err := s.hover(nil, &protocol.HoverParams{TextDocumentPositionParams: tdp}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.completion(nil, &protocol.CompletionParams{TextDocumentPositionParams: tdp}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.definition(nil, &protocol.DefinitionParams{TextDocumentPositionParams: tdp}); err != nil {
			t.Fatal(err)
		}
	}
	whole := protocol.Range{End: txt.end()}
	if _, err := s.codeAction(nil, &protocol.CodeActionParams{TextDocument: doc, Range: whole}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.documentSymbol(nil, &protocol.DocumentSymbolParams{TextDocument: doc}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.formatting(nil, &protocol.DocumentFormattingParams{TextDocument: doc}); err != nil {
		t.Fatal(err)
	}
}

// corpusInput decodes a file of Go's fuzzing corpus format, whose one
// value is a quoted []byte or string.
func corpusInput(t *testing.T, name, file string) string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(file), "\n")
	if len(lines) != 2 || lines[0] != "go test fuzz v1" {
		t.Fatalf("%s: not a one-value corpus file", name)
	}
	v := lines[1]
	for _, prefix := range []string{"[]byte(", "string("} {
		if strings.HasPrefix(v, prefix) && strings.HasSuffix(v, ")") {
			s, err := strconv.Unquote(v[len(prefix) : len(v)-1])
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return s
		}
	}
	t.Fatalf("%s: unknown value %q", name, v)
	return ""
}
