package lsp

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"garantie/dsl/diag"
)

func TestPositions(t *testing.T) {
	// Line 1 is "a€𝔼b\r": "€" is 3 bytes and 1 UTF-16 unit, "𝔼" 4 bytes
	// and 2 units; the "\r" of a CRLF ending is not part of the line.
	src := "x\na€𝔼b\r\nfin"
	txt := newText(src)
	for _, tc := range []struct {
		offset int
		pos    protocol.Position
	}{
		{0, protocol.Position{Line: 0, Character: 0}},
		{2, protocol.Position{Line: 1, Character: 0}},  // a
		{3, protocol.Position{Line: 1, Character: 1}},  // €
		{6, protocol.Position{Line: 1, Character: 2}},  // 𝔼
		{10, protocol.Position{Line: 1, Character: 4}}, // b
		{11, protocol.Position{Line: 1, Character: 5}}, // \r
		{13, protocol.Position{Line: 2, Character: 0}}, // fin
		{16, protocol.Position{Line: 2, Character: 3}}, // end
	} {
		if got := txt.position(tc.offset); got != tc.pos {
			t.Errorf("position(%d) = %+v, want %+v", tc.offset, got, tc.pos)
		}
		if got := txt.offset(tc.pos); got != tc.offset {
			t.Errorf("offset(%+v) = %d, want %d", tc.pos, got, tc.offset)
		}
	}
	// Past the end of a line is its end; past the last line, the end of
	// the text; inside a surrogate pair, before the character.
	for _, tc := range []struct {
		pos    protocol.Position
		offset int
	}{
		{protocol.Position{Line: 0, Character: 99}, 1},
		{protocol.Position{Line: 1, Character: 99}, 11},
		{protocol.Position{Line: 9, Character: 0}, 16},
		{protocol.Position{Line: 1, Character: 3}, 6},
	} {
		if got := txt.offset(tc.pos); got != tc.offset {
			t.Errorf("offset(%+v) = %d, want %d", tc.pos, got, tc.offset)
		}
	}
	// Inside a multi-byte character: its start.
	if got := txt.position(4); got != (protocol.Position{Line: 1, Character: 1}) {
		t.Errorf("position(4) = %+v", got)
	}
	// Diagnostic columns count characters: column 4 of line 2 is "b".
	r := txt.rangeOf(diag.Range{Start: diag.Pos{Line: 2, Col: 4}, End: diag.Pos{Line: 2, Col: 5}})
	if want := (protocol.Range{Start: protocol.Position{Line: 1, Character: 4}, End: protocol.Position{Line: 1, Character: 5}}); r != want {
		t.Errorf("rangeOf = %+v, want %+v", r, want)
	}
	if got := txt.line(1); got != "a€𝔼b" {
		t.Errorf("line(1) = %q", got)
	}
}

// TestPanicIsAnError checks that a panic while answering a request comes
// back as a JSON-RPC error and leaves the server answering.
func TestPanicIsAnError(t *testing.T) {
	s := newServer(Options{Today: today})
	s.handler.TextDocumentHover = func(*glsp.Context, *protocol.HoverParams) (*protocol.Hover, error) {
		panic("boom")
	}
	params := json.RawMessage(`{"capabilities":{}}`)
	if _, err := s.handle(context.Background(), nil, &jsonrpc2.Request{Method: "initialize", Params: &params}); err != nil {
		t.Fatal(err)
	}
	params = json.RawMessage(`{"textDocument":{"uri":"file:///a.garantie"},"position":{"line":0,"character":0}}`)
	_, err := s.handle(context.Background(), nil, &jsonrpc2.Request{Method: "textDocument/hover", Params: &params})
	var rpcErr *jsonrpc2.Error
	if e, ok := err.(*jsonrpc2.Error); ok {
		rpcErr = e
	}
	if rpcErr == nil || rpcErr.Code != jsonrpc2.CodeInternalError || rpcErr.Message != "garantie lsp: internal error on textDocument/hover: boom" {
		t.Fatalf("a panicking hover answered %v", err)
	}
	params = json.RawMessage(`{"textDocument":{"uri":"file:///a.garantie","languageId":"garantie","version":1,"text":"contrat \"x\"\n"}}`)
	if _, err := s.handle(context.Background(), nil, &jsonrpc2.Request{Method: "textDocument/didOpen", Params: &params, Notif: true}); err != nil {
		t.Errorf("after the panic: %v", err)
	}
	got, err := withDocument(s, "file:///a.garantie", func(a *analysis) string { return a.text.src })
	if diff := cmp.Diff("contrat \"x\"\n", got); diff != "" || err != nil {
		t.Errorf("after the panic the document is %q, %v", got, err)
	}
}
