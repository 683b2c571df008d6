package main

import (
	"encoding/json"
	"fmt"
	"runtime/debug"
	"strings"
	"testing"
)

// TestLsp runs a whole editor session through `garantie lsp` in-process:
// the client's messages on stdin, the server's on stdout.
func TestLsp(t *testing.T) {
	frame := func(msg string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(msg), msg) }
	text, _ := json.Marshal("contrat \"X\"\noptique.montre: 100% BRSS\n")
	session := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`) +
		frame(`{"jsonrpc":"2.0","method":"initialized","params":{}}`) +
		frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/x.garantie","languageId":"garantie","version":1,"text":`+string(text)+`}}}`) +
		frame(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`) +
		frame(`{"jsonrpc":"2.0","method":"exit"}`)
	status, out, errOut := runCLI(t, session, "lsp", "--stdio")
	if status != exitOK || errOut != "" {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	for _, want := range []string{
		`"serverInfo":{"name":"garantie","version":"` + serverVersion(testBuildInfo()) + `"}`,
		`"method":"textDocument/publishDiagnostics"`,
		`"code":"E109"`,
		`"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":14}}`,
		`{"id":2,"result":null,"jsonrpc":"2.0"}`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("%s not in the output:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "Content-Length: "); n != 3 {
		t.Errorf("want 3 framed messages (initialize, publishDiagnostics, shutdown), got %d", n)
	}
}

// testBuildInfo is the build information of the test binary, which the
// server reads as well.
func testBuildInfo() *debug.BuildInfo {
	info, _ := debug.ReadBuildInfo()
	return info
}

func TestServerVersion(t *testing.T) {
	for _, c := range []struct {
		info *debug.BuildInfo
		want string
	}{
		{nil, "devel"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "63a12f6e0123456789abcdef"}, {Key: "vcs.modified", Value: "true"}}}, "v1.2.0 (63a12f6e0123)"},
	} {
		if got := serverVersion(c.info); got != c.want {
			t.Errorf("serverVersion(%+v) = %q, want %q", c.info, got, c.want)
		}
	}
}

func TestLspUsage(t *testing.T) {
	if status, out, errOut := runCLI(t, "", "lsp", "--help"); status != exitOK || errOut != "" || !strings.Contains(out, "usage: garantie lsp") {
		t.Errorf("lsp --help: status %d, stdout %q, stderr %q", status, out, errOut)
	}
	if status, _, errOut := runCLI(t, "", "lsp", "x.garantie"); status != exitUsage || !strings.Contains(errOut, `unexpected argument "x.garantie"`) {
		t.Errorf("lsp with a file: status %d, stderr %q", status, errOut)
	}
}
