package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"sync"
	"testing"
	"time"
)

// client is the editor side of a test: it speaks JSON-RPC with the
// Content-Length framing of the protocol, written here by hand so that
// the server's framing is checked by an independent implementation.
type client struct {
	t      testing.TB
	w      io.WriteCloser
	mu     sync.Mutex
	nextID int
	calls  map[int]chan message
	notes  chan message
	done   chan error // Serve's result
}

// message is any JSON-RPC message as the client reads it.
type message struct {
	ID     *int            `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// pipes joins two pipe ends into the server's stream.
type pipes struct {
	io.Reader
	io.WriteCloser
	in io.Closer
}

func (p pipes) Close() error {
	p.in.Close()
	return p.WriteCloser.Close()
}

// startServer runs Serve on an in-process pipe and returns its client.
func startServer(t testing.TB, opts Options) *client {
	t.Helper()
	toServerR, toServerW := io.Pipe()
	fromServerR, fromServerW := io.Pipe()
	c := &client{t: t, w: toServerW, calls: map[int]chan message{}, notes: make(chan message, 100), done: make(chan error, 1)}
	go func() {
		c.done <- Serve(context.Background(), pipes{toServerR, fromServerW, toServerR}, opts)
	}()
	go c.read(bufio.NewReader(fromServerR))
	t.Cleanup(func() {
		toServerW.Close()
		fromServerR.Close()
	})
	return c
}

// read dispatches the server's messages: answers to their call,
// notifications to the notes channel.
func (c *client) read(r *bufio.Reader) {
	tp := textproto.NewReader(r)
	for {
		h, err := tp.ReadMIMEHeader()
		if err != nil {
			close(c.notes)
			return
		}
		n, err := strconv.Atoi(h.Get("Content-Length"))
		if err != nil {
			panic(fmt.Sprintf("bad Content-Length header %q", h.Get("Content-Length")))
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			close(c.notes)
			return
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			panic(fmt.Sprintf("server sent invalid JSON %q: %v", body, err))
		}
		if m.Method == "" && m.ID != nil {
			c.mu.Lock()
			ch := c.calls[*m.ID]
			delete(c.calls, *m.ID)
			c.mu.Unlock()
			ch <- m
			continue
		}
		c.notes <- m
	}
}

func (c *client) write(v any) {
	c.t.Helper()
	body, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatalf("writing to the server: %v", err)
	}
}

// call sends a request and decodes its result into result (if not nil).
func (c *client) call(method string, params, result any) {
	c.t.Helper()
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	ch := make(chan message, 1)
	c.calls[id] = ch
	c.mu.Unlock()
	c.write(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
	select {
	case m := <-ch:
		if m.Error != nil {
			c.t.Fatalf("%s: error %d: %s", method, m.Error.Code, m.Error.Message)
		}
		if result != nil {
			if err := json.Unmarshal(m.Result, result); err != nil {
				c.t.Fatalf("%s: decoding %s: %v", method, m.Result, err)
			}
		}
	case <-time.After(10 * time.Second):
		c.t.Fatalf("%s: no answer", method)
	}
}

// notify sends a notification.
func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.write(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// diagnostics waits for the publishDiagnostics of uri at version.
func (c *client) diagnostics(uri string, version int) publishedDiagnostics {
	c.t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case m, ok := <-c.notes:
			if !ok {
				c.t.Fatal("the server closed the connection")
			}
			if m.Method != "textDocument/publishDiagnostics" {
				continue
			}
			var p publishedDiagnostics
			if err := json.Unmarshal(m.Params, &p); err != nil {
				c.t.Fatal(err)
			}
			if p.URI == uri && p.Version == version {
				return p
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s version %d", uri, version)
		}
	}
}

// The shapes of the answers, declared here rather than taken from glsp
// so the test reads the JSON as any client would.

type position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspRange struct {
	Start position `json:"start"`
	End   position `json:"end"`
}

type publishedDiagnostics struct {
	URI         string `json:"uri"`
	Version     int    `json:"version"`
	Diagnostics []struct {
		Range    lspRange `json:"range"`
		Severity int      `json:"severity"`
		Code     string   `json:"code"`
		Source   string   `json:"source"`
		Message  string   `json:"message"`
	} `json:"diagnostics"`
}

type textEdit struct {
	Range   lspRange `json:"range"`
	NewText string   `json:"newText"`
}

type location struct {
	URI   string   `json:"uri"`
	Range lspRange `json:"range"`
}

type documentSymbol struct {
	Name     string           `json:"name"`
	Detail   string           `json:"detail"`
	Kind     int              `json:"kind"`
	Range    lspRange         `json:"range"`
	Children []documentSymbol `json:"children"`
}

type completionItem struct {
	Label    string   `json:"label"`
	Detail   string   `json:"detail"`
	TextEdit textEdit `json:"textEdit"`
}

type hoverResult struct {
	Contents struct {
		Kind  string `json:"kind"`
		Value string `json:"value"`
	} `json:"contents"`
	Range lspRange `json:"range"`
}

func docID(uri string) map[string]any { return map[string]any{"uri": uri} }

func at(uri string, line, char int) map[string]any {
	return map[string]any{"textDocument": docID(uri), "position": position{line, char}}
}
