package lsp

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// bigContract builds a contract of about 300 lines from
// exemples/equilibre.garantie: its header, then each of its rules
// followed by variants for older adhesions ("si anciennete >= 1 ans",
// "si anciennete >= 2 ans"…, joined with "et" to the rule's own
// conditions). The variants of one poste are nested and every
// intersection is written, so the contract checks without errors and the
// lint rules run, as on a real contract.
func bigContract(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("../../exemples/equilibre.garantie")
	if err != nil {
		tb.Fatal(err)
	}
	var out strings.Builder
	for line := range strings.Lines(string(b)) {
		head, garantie, isRule := strings.Cut(line, ":")
		if !isRule || strings.HasPrefix(line, "#") {
			out.WriteString(line)
			continue
		}
		out.WriteString(line)
		for years := 1; years <= 7; years++ {
			join := " si "
			if strings.Contains(head, " si ") {
				join = " et "
			}
			fmt.Fprintf(&out, "%s%sanciennete >= %d ans:%s", strings.TrimRight(head, " "), join, years, garantie)
		}
	}
	return out.String()
}

func TestBigContractIsClean(t *testing.T) {
	src := bigContract(t)
	if n := strings.Count(src, "\n"); n < 300 {
		t.Errorf("the benchmark contract has %d lines, want at least 300", n)
	}
	a := analyse("big.garantie", src)
	if a.diags.HasErrors() {
		t.Errorf("the benchmark contract has errors: %v", a.diags)
	}
}

// reportCPU starts measuring the CPU time of a benchmark's loop; the
// function it returns reports it as cpu-ms/op. On a loaded machine the
// wall time per op counts the waits for a core, the CPU time only the
// work (of the server and of the test's client, all threads, the
// garbage collector included).
func reportCPU(b *testing.B) func() {
	start, ok := cpuTime()
	return func() {
		if end, ok2 := cpuTime(); ok && ok2 && b.N > 0 {
			b.ReportMetric(float64(end-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		}
	}
}

// BenchmarkDidChangeDiagnostics measures, end to end over JSON-RPC, the
// time from a didChange of a 300-line contract to its publishDiagnostics
// (without the debounce, which is a deliberate wait).
//
//	go test -run XXX -bench . ./dsl/lsp/
func BenchmarkDidChangeDiagnostics(b *testing.B) {
	src := bigContract(b)
	c := startServer(b, Options{Today: today})
	c.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "garantie", "version": 1, "text": src}})
	c.diagnostics(uri, 1)
	b.ResetTimer()
	defer reportCPU(b)()
	for i := range b.N {
		// Type one character at the end of the first rule's line, then
		// wait for the diagnostics of that version.
		version := i + 2
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": []any{map[string]any{"text": src + strings.Repeat(" ", i%2)}},
		})
		c.diagnostics(uri, version)
	}
}

// BenchmarkHover measures a hover on a poste of a 300-line contract just
// changed, so each hover analyses the new text.
func BenchmarkHover(b *testing.B) {
	src := bigContract(b)
	c := startServer(b, Options{Today: today, Debounce: 1 << 62})
	c.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "garantie", "version": 1, "text": src}})
	line := strings.Count(src[:strings.Index(src, "optique.monture:")], "\n")
	b.ResetTimer()
	defer reportCPU(b)()
	for i := range b.N {
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": i + 2},
			"contentChanges": []any{map[string]any{"text": src + strings.Repeat(" ", i%2)}},
		})
		var h hoverResult
		c.call("textDocument/hover", at(uri, line, 10), &h)
		if !strings.Contains(h.Contents.Value, "Monture") {
			b.Fatalf("hover: %s", h.Contents.Value)
		}
	}
}
