package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"garantie/dsl/check"
)

// Options configure a language server. The zero value is not usable:
// Today must be set, because the server never reads the clock itself.
type Options struct {
	// Today is the date the hover on "% PMSS" gives the value at when the
	// contract has no effet.
	Today time.Time
	// Debounce is how long the server waits after the last change of a
	// document before it publishes its diagnostics; 0 publishes at once.
	Debounce time.Duration
	// Version is the server version reported to the client.
	Version string
	// Example, when set, tells what a contract without errors pays
	// for poste on a standard example claim dated date: markdown for
	// the hover on a poste, ok false when there is none to show. It is
	// injected because evaluating is the engine's work, and nothing in
	// dsl/ depends on eval/ (cmd/garantie passes one that does).
	Example func(prog *check.Program, poste string, date time.Time) (md string, ok bool)
}

// DefaultDebounce is the wait between the last keystroke and the
// diagnostics: short enough to feel immediate, long enough not to
// analyse a file at every character of a fast typist.
const DefaultDebounce = 150 * time.Millisecond

// Serve runs a language server on stream, speaking JSON-RPC 2.0 with the
// Content-Length framing of the Language Server Protocol, until the
// client sends "exit" or closes the stream. Requests are answered in the
// order they arrive.
func Serve(ctx context.Context, stream io.ReadWriteCloser, opts Options) error {
	if opts.Today.IsZero() {
		return fmt.Errorf("lsp: Options.Today is not set")
	}
	s := newServer(opts)
	conn := jsonrpc2.NewConn(ctx,
		jsonrpc2.NewBufferedStream(stream, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(s.handle).SuppressErrClosed())
	s.setNotify(func(method string, params any) {
		// A notification that cannot be sent means the client is gone;
		// the connection then ends on its own.
		_ = conn.Notify(ctx, method, params)
	})
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	s.stop()
	return nil
}

// server holds the open documents and answers requests about them.
type server struct {
	opts    Options
	handler protocol.Handler

	mu     sync.Mutex
	docs   map[string]*document
	notify func(method string, params any)
}

func newServer(opts Options) *server {
	s := &server{opts: opts, docs: map[string]*document{}}
	s.handler = protocol.Handler{
		Initialize:                 s.initialize,
		Initialized:                func(*glsp.Context, *protocol.InitializedParams) error { return nil },
		Shutdown:                   func(*glsp.Context) error { return nil },
		SetTrace:                   func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		TextDocumentDidOpen:        s.didOpen,
		TextDocumentDidChange:      s.didChange,
		TextDocumentDidClose:       s.didClose,
		TextDocumentDidSave:        func(*glsp.Context, *protocol.DidSaveTextDocumentParams) error { return nil },
		TextDocumentHover:          s.hover,
		TextDocumentCompletion:     s.completion,
		TextDocumentFormatting:     s.formatting,
		TextDocumentCodeAction:     s.codeAction,
		TextDocumentDefinition:     s.definition,
		TextDocumentDocumentSymbol: s.documentSymbol,
	}
	return s
}

func (s *server) setNotify(f func(method string, params any)) {
	s.mu.Lock()
	s.notify = f
	s.mu.Unlock()
}

// handle is the JSON-RPC entry point: it hands the message to the
// protocol dispatcher of glsp and turns a panic into an error answer, so
// that no input, however half-typed, brings the server down.
func (s *server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			result = nil
			err = &jsonrpc2.Error{
				Code:    jsonrpc2.CodeInternalError,
				Message: fmt.Sprintf("garantie lsp: internal error on %s: %v", req.Method, r),
			}
		}
	}()
	gc := &glsp.Context{Method: req.Method, Notify: s.send}
	if req.Params != nil {
		gc.Params = *req.Params
	}
	if req.Method == protocol.MethodExit {
		return nil, conn.Close()
	}
	r, validMethod, validParams, err := s.handler.Handle(gc)
	switch {
	case !validMethod:
		if req.Notif {
			return nil, nil // unknown notifications are ignored, as the protocol asks
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
	case !validParams:
		msg := "invalid params"
		if err != nil {
			msg = err.Error()
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: msg}
	case err != nil:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: err.Error()}
	}
	return r, nil
}

// send sends a notification to the client, if one is connected.
func (s *server) send(method string, params any) {
	s.mu.Lock()
	notify := s.notify
	s.mu.Unlock()
	if notify != nil {
		notify(method, params)
	}
}

// stop cancels the pending diagnostics of every document.
func (s *server) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		d.cancel()
	}
	s.notify = nil
}

func (s *server) initialize(_ *glsp.Context, _ *protocol.InitializeParams) (any, error) {
	yes := true
	sync := protocol.TextDocumentSyncKindIncremental
	quickfix := []protocol.CodeActionKind{protocol.CodeActionKindQuickFix}
	info := &protocol.InitializeResultServerInfo{Name: "garantie"}
	if s.opts.Version != "" {
		info.Version = &s.opts.Version
	}
	return initializeResult{
		InitializeResult: protocol.InitializeResult{
			Capabilities: protocol.ServerCapabilities{
				TextDocumentSync: protocol.TextDocumentSyncOptions{
					OpenClose: &yes,
					Change:    &sync,
				},
				HoverProvider: true,
				CompletionProvider: &protocol.CompletionOptions{
					TriggerCharacters: []string{".", ":", "/", "%", ","},
				},
				DocumentFormattingProvider: true,
				CodeActionProvider:         protocol.CodeActionOptions{CodeActionKinds: quickfix},
				DefinitionProvider:         true,
				DocumentSymbolProvider:     true,
			},
			ServerInfo: info,
		},
	}, nil
}

// initializeResult adds to glsp's 3.16 result the one field of LSP 3.17
// the server needs: the position encoding, which is UTF-16, the
// protocol's default and the one every client supports.
type initializeResult struct {
	protocol.InitializeResult
}

func (r initializeResult) MarshalJSON() ([]byte, error) {
	caps, err := json.Marshal(r.Capabilities)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(caps, &m); err != nil {
		return nil, err
	}
	m["positionEncoding"] = json.RawMessage(`"utf-16"`)
	return json.Marshal(struct {
		Capabilities map[string]json.RawMessage           `json:"capabilities"`
		ServerInfo   *protocol.InitializeResultServerInfo `json:"serverInfo,omitempty"`
	}{m, r.ServerInfo})
}
