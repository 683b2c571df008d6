package lsp

import (
	"fmt"
	"net/url"
	"path"
	"time"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// document is an open text document. Its fields are guarded by the
// server's mutex.
type document struct {
	uri     string
	name    string // the file name diagnostics are reported under
	src     string
	version protocol.Integer
	cached  *analysis // the analysis of src, nil until asked for
	timer   *time.Timer
}

// analysis returns the analysis of the document's current text,
// computing it at most once per version.
func (d *document) analysis() *analysis {
	if d.cached == nil {
		d.cached = analyse(d.name, d.src)
	}
	return d.cached
}

// cancel stops the pending diagnostics, if any.
func (d *document) cancel() {
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
}

// fileName is the base name of a document URI ("file:///a/b/x.garantie"
// gives "x.garantie"), the name the parser puts in diagnostics.
func fileName(uri string) string {
	if u, err := url.Parse(uri); err == nil && u.Path != "" {
		return path.Base(u.Path)
	}
	return uri
}

func (s *server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	s.mu.Lock()
	if old := s.docs[p.TextDocument.URI]; old != nil {
		old.cancel()
	}
	d := &document{uri: p.TextDocument.URI, name: fileName(p.TextDocument.URI), src: p.TextDocument.Text, version: p.TextDocument.Version}
	s.docs[d.uri] = d
	s.mu.Unlock()
	s.publish(d.uri)
	return nil
}

func (s *server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return fmt.Errorf("didChange: %s is not open", p.TextDocument.URI)
	}
	for _, change := range p.ContentChanges {
		switch c := change.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			d.src = c.Text
		case protocol.TextDocumentContentChangeEvent:
			t := newText(d.src)
			from, to := t.offset(c.Range.Start), t.offset(c.Range.End)
			if to < from {
				from, to = to, from
			}
			d.src = d.src[:from] + c.Text + d.src[to:]
		}
	}
	d.version = p.TextDocument.Version
	d.cached = nil
	d.cancel()
	uri := d.uri
	if s.opts.Debounce <= 0 {
		go s.publish(uri)
	} else {
		d.timer = time.AfterFunc(s.opts.Debounce, func() { s.publish(uri) })
	}
	return nil
}

func (s *server) didClose(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	s.mu.Lock()
	if d := s.docs[p.TextDocument.URI]; d != nil {
		d.cancel()
		delete(s.docs, p.TextDocument.URI)
	}
	s.mu.Unlock()
	// Closing a file clears its problems from the editor's list.
	s.send(protocol.ServerTextDocumentPublishDiagnostics, protocol.PublishDiagnosticsParams{
		URI: p.TextDocument.URI, Diagnostics: []protocol.Diagnostic{},
	})
	return nil
}

// publish sends the diagnostics of the current version of a document. A
// panic while analysing is reported as a diagnostic-free publication
// rather than taking the server down: the request that follows will
// answer with an error instead.
func (s *server) publish(uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return
	}
	var params protocol.PublishDiagnosticsParams
	func() {
		defer func() {
			if recover() != nil {
				params = protocol.PublishDiagnosticsParams{URI: uri, Diagnostics: []protocol.Diagnostic{}}
			}
		}()
		version := protocol.UInteger(d.version)
		params = protocol.PublishDiagnosticsParams{URI: uri, Version: &version, Diagnostics: d.analysis().lspDiagnostics(uri)}
	}()
	s.mu.Unlock()
	s.send(protocol.ServerTextDocumentPublishDiagnostics, params)
}

// withDocument runs f on the analysis of an open document under the
// server's lock. A document that is not open answers nothing.
func withDocument[T any](s *server, uri string, f func(*analysis) T) (T, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		var zero T
		return zero, fmt.Errorf("%s is not open", uri)
	}
	return f(d.analysis()), nil
}
