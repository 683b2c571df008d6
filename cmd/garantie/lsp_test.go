package main

import (
	"encoding/json"
	"fmt"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"garantie/dsl/check"
	"garantie/dsl/parser"
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

// TestLspHoverExample asks `garantie lsp` for the hover on two postes and
// checks what the contract pays on the standard examples of the first
// (exemples_standard.csv) and on the typical claim of the second, which
// has none. Expected, by hand, with the 2026 values: a généraliste
// consultation of base 30 € is repaid 70% = 21 € less the 2 € of
// participation forfaitaire by the RO, and 100% BRSS is 30 € RO
// included, so the RC pays 9 €; the ostéopathe claim (frais 100 €, no
// base) gets its forfait of 60 €.
func TestLspHoverExample(t *testing.T) {
	frame := func(msg string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(msg), msg) }
	src := "contrat \"X\"\neffet 2026-01-01\nconsult.generaliste: 100% BRSS\nmedecine_douce.osteopathie: forfait 60€ / annee civile\n"
	text, _ := json.Marshal(src)
	hover := func(id, line, char int) string {
		return frame(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///tmp/x.garantie"},"position":{"line":%d,"character":%d}}}`, id, line, char))
	}
	session := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`) +
		frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/x.garantie","languageId":"garantie","version":1,"text":`+string(text)+`}}}`) +
		hover(2, 2, 12) + hover(3, 3, 20) +
		frame(`{"jsonrpc":"2.0","id":4,"method":"shutdown"}`) +
		frame(`{"jsonrpc":"2.0","method":"exit"}`)
	status, out, errOut := runCLI(t, session, "lsp")
	if status != exitOK || errOut != "" {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	for _, want := range []string{
		"**Example** (2026-01-01), what this contract pays:\n\n" +
			"- Consultation d'un médecin généraliste secteur 1: frais 30.00 €, base 30.00 €: RO 19.00 €, RC 9.00 €, reste 2.00 € (prices not confirmed)\n" +
			"- Consultation d'un médecin généraliste secteur 2 adhérent OPTAM: frais 40.00 €, base 30.00 €: RO 19.00 €, RC 9.00 €, reste 12.00 € (prices not confirmed)\n" +
			"- Consultation d'un médecin généraliste secteur 2 non adhérent OPTAM: frais 50.00 €, base 30.00 €: RO 19.00 €, RC 9.00 €, reste 22.00 € (prices not confirmed)\n",
		"- A typical claim of its RO family (aucun): frais 100.00 €, base 0.00 €: RO 0.00 €, RC 60.00 €, reste 40.00 €\n",
	} {
		j, _ := json.Marshal(want)
		if !strings.Contains(out, strings.Trim(string(j), `"`)) {
			t.Errorf("%q not in the output:\n%s", want, out)
		}
	}
}

// TestLspExample checks the choice of the claims lspExample evaluates:
// of a standard example of two lines, the line of the poste only; a
// typical claim for a declared poste, with the RO family of its
// standard ancestor; nothing for a family or an unknown poste. Expected
// by hand: optique has an RO of 60%, so a base of 0.05 € gives 0.03 €
// and 100% BRSS (RO included) 0.02 € more; 0.10 € gives 0.06 €.
func TestLspExample(t *testing.T) {
	src := "contrat \"X\"\nposte optique.loupe \"Loupes\"\noptique: plafond 500€ / annee civile\n" +
		"optique.loupe: 30€ / equipement\noptique.monture: 100% BRSS\n"
	f, ds := parser.Parse("x.garantie", []byte(src))
	prog, cds := check.Check(f, check.Regles())
	if ds = append(ds, cds...); ds.HasErrors() {
		t.Fatal(ds)
	}
	date := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		poste, want string
		ok          bool
	}{
		{"optique.monture", "- Lunettes à tarifs libres (classe B), verres simples (monture): frais 150.00 €, base 0.05 €: RO 0.03 €, RC 0.02 €, reste 149.95 € (prices not confirmed)", true},
		{"optique.loupe", "- A typical claim of its RO family (optique): frais 200.00 €, base 0.10 €: RO 0.06 €, RC 30.00 €, reste 169.94 €", true},
		{"optique", "", false},
		{"optique.inconnu", "", false},
	} {
		got, ok := lspExample(prog, c.poste, date)
		if got != c.want || ok != c.ok {
			t.Errorf("lspExample(%s) = %q, %v; want %q, %v", c.poste, got, ok, c.want, c.ok)
		}
	}
}
