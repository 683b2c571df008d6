package lsp

import (
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"garantie/dsl/format"
)

func (s *server) formatting(_ *glsp.Context, p *protocol.DocumentFormattingParams) ([]protocol.TextEdit, error) {
	return withDocument(s, p.TextDocument.URI, func(a *analysis) []protocol.TextEdit {
		return a.format()
	})
}

// format returns the edit that rewrites the document in the canonical
// form of `garantie fmt`: one edit replacing the whole text, or none when
// the text is already canonical or does not parse (broken code is never
// formatted; its diagnostics say why).
func (a *analysis) format() []protocol.TextEdit {
	out, ds := format.Source(a.file.Name, []byte(a.text.src))
	if ds.HasErrors() || string(out) == a.text.src {
		return []protocol.TextEdit{}
	}
	whole := protocol.Range{Start: protocol.Position{}, End: a.text.end()}
	return []protocol.TextEdit{{Range: whole, NewText: string(out)}}
}

func (s *server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	return withDocument(s, p.TextDocument.URI, func(a *analysis) []protocol.CodeAction {
		return a.codeActions(p.TextDocument.URI, p.Range)
	})
}
