package lsp

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"garantie/dsl/diag/suppress"
)

// today is the date the tests run the server at.
var today = time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)

const uri = "file:///home/actuaire/contrats/sante.garantie"

// contract is the document of the end-to-end test. Its first line holds
// a misspelt poste after a name with "€" (1 character, 3 bytes, 1 UTF-16
// unit) and "𝔼" (1 character, 4 bytes, 2 UTF-16 units), so that the
// columns of its diagnostic tell the three ways of counting apart.
var contract = strings.Join([]string{
	`contrat "Santé 𝔼 €"; optique.lentile: 100% BRSS`, // 0
	`effet 2026-01-01`,                     // 1
	`poste optique.loupe "Loupes"`,         // 2
	``,                                     // 3
	`optique: plafond 800€ / annee civile`, // 4
	`optique.monture:    100% BRSS + forfait 100€ / 24 mois glissants`,         // 5
	`optique.monture si age < 16: 100% BRSS + forfait 80€ / 12 mois glissants`, // 6
	`optique.loupe: 30€ / equipement`,                                          // 7
	`prestations.naissance: forfait 5% PMSS / annee civile`,                    // 8
	``,
}, "\n")

// utf16Col is the UTF-16 column of the first occurrence of sub in line,
// computed with the standard library's encoder.
func utf16Col(t *testing.T, line, sub string) int {
	t.Helper()
	i := strings.Index(line, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, line)
	}
	return u16(line[:i])
}

// u16 is the length of s in UTF-16 code units.
func u16(s string) int { return len(utf16.Encode([]rune(s))) }

func TestEndToEnd(t *testing.T) {
	c := startServer(t, Options{Today: today, Debounce: 20 * time.Millisecond})
	lines := strings.Split(contract, "\n")

	// initialize: the capabilities of every feature.
	var init struct {
		Capabilities map[string]any `json:"capabilities"`
		ServerInfo   struct {
			Name string `json:"name"`
		} `json:"serverInfo"`
	}
	c.call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}}, &init)
	for _, capability := range []string{"hoverProvider", "completionProvider", "documentFormattingProvider", "codeActionProvider", "definitionProvider", "documentSymbolProvider", "textDocumentSync"} {
		if init.Capabilities[capability] == nil {
			t.Errorf("initialize: no %s in %v", capability, init.Capabilities)
		}
	}
	if init.Capabilities["positionEncoding"] != "utf-16" || init.ServerInfo.Name != "garantie" {
		t.Errorf("initialize: positionEncoding %v, server %q", init.Capabilities["positionEncoding"], init.ServerInfo.Name)
	}
	c.notify("initialized", map[string]any{})

	// didOpen publishes the diagnostics of `garantie check`, in UTF-16 columns.
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "garantie", "version": 1, "text": contract,
	}})
	pub := c.diagnostics(uri, 1)
	if len(pub.Diagnostics) != 1 {
		t.Fatalf("didOpen: want 1 diagnostic, got %+v", pub.Diagnostics)
	}
	d := pub.Diagnostics[0]
	col := utf16Col(t, lines[0], "optique.lentile")
	wantRange := lspRange{position{0, col}, position{0, col + len("optique.lentile")}}
	if d.Code != "E109" || d.Severity != 1 || d.Source != "garantie" || d.Range != wantRange {
		t.Errorf("diagnostic: got %s severity %d range %+v, want E109 error at %+v", d.Code, d.Severity, d.Range, wantRange)
	}
	if col != 22 {
		t.Errorf("the test expects UTF-16 column 22 (21 characters, 27 bytes), got %d", col)
	}
	if !strings.Contains(d.Message, `did you mean "optique.lentilles"?`) {
		t.Errorf("diagnostic message %q has no suggestion", d.Message)
	}

	// codeAction: the suggested edit of the diagnostic, as a quick fix.
	var actions []struct {
		Title string `json:"title"`
		Kind  string `json:"kind"`
		Edit  struct {
			Changes map[string][]textEdit `json:"changes"`
		} `json:"edit"`
	}
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": docID(uri), "range": wantRange,
		"context": map[string]any{"diagnostics": []any{}},
	}, &actions)
	wantEdit := []textEdit{{Range: wantRange, NewText: "optique.lentilles"}}
	if len(actions) != 1 || actions[0].Kind != "quickfix" || !strings.Contains(actions[0].Title, "optique.lentilles") {
		t.Fatalf("codeAction: got %+v", actions)
	}
	if diff := cmp.Diff(wantEdit, actions[0].Edit.Changes[uri]); diff != "" {
		t.Errorf("codeAction edit (-want +got):\n%s", diff)
	}

	// didChange applies the quick fix as an incremental change; the new
	// diagnostics come after the debounce, for version 2: none.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"range": wantRange, "text": "optique.lentilles"}},
	})
	if pub := c.diagnostics(uri, 2); len(pub.Diagnostics) != 0 {
		t.Errorf("after the fix: want no diagnostic, got %+v", pub.Diagnostics)
	}

	// hover on a poste: label, its rules, the ancestor limits.
	var h hoverResult
	c.call("textDocument/hover", at(uri, 6, 10), &h)
	for _, want := range []string{
		"**optique.monture** — Monture",
		"family `optique` (Optique)",
		"- line 6: `optique.monture:    100% BRSS + forfait 100€ / 24 mois glissants`",
		"- line 7: `optique.monture si age < 16: 100% BRSS + forfait 80€ / 12 mois glissants`",
		"Limits of ancestors that also apply:\n\n- line 5: `optique: plafond 800€ / annee civile`",
	} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover on a poste: %q not in\n%s", want, h.Contents.Value)
		}
	}
	if h.Contents.Kind != "markdown" || h.Range != (lspRange{position{6, 0}, position{6, 15}}) {
		t.Errorf("hover on a poste: kind %q range %+v", h.Contents.Kind, h.Range)
	}
	// On the family segment of the path, the family.
	c.call("textDocument/hover", at(uri, 6, 3), &h)
	if !strings.HasPrefix(h.Contents.Value, "**optique** — Optique") ||
		!strings.Contains(h.Contents.Value, "Postes below with their own rules: `optique.lentilles`, `optique.monture`, `optique.loupe`.") {
		t.Errorf("hover on a family segment: %s", h.Contents.Value)
	}
	// A declared poste has its declared label.
	c.call("textDocument/hover", at(uri, 7, 9), &h)
	if !strings.HasPrefix(h.Contents.Value, "**optique.loupe** — Loupes\n\nDeclared in this file, line 3.") {
		t.Errorf("hover on a declared poste: %s", h.Contents.Value)
	}

	// hover on keywords: a phrase from any of its words, a unit in the plural.
	for _, tc := range []struct {
		line int
		word string
		want string
	}{
		{5, "glissants", "`N mois glissants`: a window"},
		{4, "civile", "`annee civile` (alias `an`)"},
		{4, "plafond", "`plafond X€ / PERIOD [par famille]`"},
		{6, "age", "`age < N`"},
		{7, "equipement", "`equipement`: a unit"},
		{1, "effet", "`effet YYYY-MM-DD`"},
	} {
		c.call("textDocument/hover", at(uri, tc.line, utf16Col(t, lines[tc.line], tc.word)+1), &h)
		if !strings.HasPrefix(h.Contents.Value, tc.want) {
			t.Errorf("hover on %q: got %q, want it to start with %q", tc.word, h.Contents.Value, tc.want)
		}
	}

	// hover on PMSS: the value at the effet (2026: 4 005 €), today, and
	// the amount of "5% PMSS": 5% of 4 005 € is 200.25 €.
	c.call("textDocument/hover", at(uri, 8, utf16Col(t, lines[8], "PMSS")+2), &h)
	for _, want := range []string{
		"- 4\u202f005,00 € on 2026-01-01 (the contract's effet)",
		"- 4\u202f005,00 € on 2026-12-02 (today)",
		"`5% PMSS` is 200,25 € with the PMSS of 2026-01-01.",
	} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover on PMSS: %q not in\n%s", want, h.Contents.Value)
		}
	}

	// completion in context.
	complete := func(line, char int) []completionItem {
		var list struct {
			Items []completionItem `json:"items"`
		}
		c.call("textDocument/completion", at(uri, line, char), &list)
		return list.Items
	}
	labels := func(items []completionItem) []string {
		var out []string
		for _, it := range items {
			out = append(out, it.Label)
		}
		return out
	}
	// At the start of a line: postes with labels (declared ones too) and header keywords.
	items := complete(3, 0)
	if i := slices.IndexFunc(items, func(it completionItem) bool { return it.Label == "optique.monture" }); i < 0 || items[i].Detail != "Monture" {
		t.Errorf("completion at line start: no optique.monture with its label in %v", labels(items))
	}
	for _, want := range []string{"optique.loupe", "contrat", "responsable", "hospitalisation.forfait_journalier"} {
		if !slices.Contains(labels(items), want) {
			t.Errorf("completion at line start: no %q", want)
		}
	}
	// Typing "optique.mon" on line 3: the edit replaces the dotted word.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 3},
		"contentChanges": []any{map[string]any{"range": lspRange{position{3, 0}, position{3, 0}}, "text": "optique.mon"}},
	})
	items = complete(3, 11)
	if i := slices.IndexFunc(items, func(it completionItem) bool { return it.Label == "optique.monture" }); i < 0 ||
		items[i].TextEdit != (textEdit{Range: lspRange{position{3, 0}, position{3, 11}}, NewText: "optique.monture"}) {
		t.Errorf("completion of a dotted prefix: %+v", items)
	}
	for _, tc := range []struct {
		name   string
		text   string // written on line 3 instead of "optique.mon"
		want   []string
		unwant []string
	}{
		{"after si", "optique.verres si ", []string{"age", "enfant", "optam", "hors parcours", "non", "ald", "rembourse", "verres simples", "verres complexes", "verres tres complexes"}, []string{"optique.verres", "forfait"}},
		{"after verres", "optique.verres si verres ", []string{"simples", "complexes", "tres complexes"}, []string{"age", "verres simples", "et"}},
		{"after verres tres", "optique.verres si enfant et verres tres ", []string{"complexes"}, []string{"simples", "tres complexes"}},
		{"after the colon", "optique.verres: ", []string{"forfait", "frais reels", "non couvert", "plafond", "max", "carence"}, []string{"age", "optique.verres"}},
		{"after a percent", "optique.verres: 100% ", []string{"BRSS", "BR", "TM", "FR", "PMSS"}, []string{"forfait", "PLV", "HLF"}},
		{"after a percent on a 100% Santé poste", "optique.equipement_100_sante: 100% ", []string{"BRSS", "PLV", "HLF"}, nil},
		{"after the percent of a forfait", "prestations.naissance: forfait 5% ", []string{"PMSS"}, []string{"BRSS", "PLV"}},
		{"after a slash", "optique.verres: 40€ / ", []string{"seance", "equipement", "oeil", "enfant"}, []string{"BRSS", "annee civile", "yeux"}},
		{"after the slash of a PMSS", "prestations.naissance: 10% PMSS / ", []string{"enfant", "jour"}, []string{"annee civile"}},
		{"after the slash of a forfait", "optique.verres: forfait 40€ / ", []string{"annee civile", "an", "annee contrat"}, []string{"seance"}},
		{"after the slash of a max", "optique.chirurgie_refractive: 500€ / oeil, max 2 yeux / ", []string{"annee civile"}, []string{"oeil"}},
		{"after max N", "optique.chirurgie_refractive: 500€ / oeil, max 2 ", []string{"oeil", "enfant", "seance"}, []string{"annee civile"}},
		{"after the period of a forfait", "optique.monture: forfait 150€ / 24 mois glissants ", []string{"par famille", "RO inclus"}, nil},
		{"after par famille", "optique.verres: 100% BRSS, plafond 600€ / annee civile par famille ", []string{"RO inclus"}, []string{"par famille"}},
		{"after RO", "optique.verres: 100% BRSS, plafond 600€ / annee civile RO ", []string{"inclus"}, []string{"RO inclus"}},
		{"after the period of a max", "soins.psychologue: 20€ / seance, max 6 seances / annee civile ", nil, []string{"par famille", "RO inclus"}},
		{"after a count", "optique.verres: forfait 40€ / 24 ", []string{"mois glissants", "ans glissants"}, []string{"seance"}},
		{"after a comma", "optique.verres: 100% BRSS, ", []string{"max", "plafond", "carence"}, []string{"forfait", "BRSS"}},
		{"after mode", "mode ", []string{"deduction", "complement"}, []string{"optique.verres"}},
		{"in a comment", "# optique ", nil, []string{"optique.verres", "contrat"}},
	} {
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": 4},
			"contentChanges": []any{map[string]any{"range": lspRange{position{3, 0}, position{3, 200}}, "text": tc.text}},
		})
		got := labels(complete(3, len(tc.text)))
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("completion %s: no %q in %v", tc.name, w, got)
			}
		}
		for _, w := range tc.unwant {
			if slices.Contains(got, w) {
				t.Errorf("completion %s: unexpected %q in %v", tc.name, w, got)
			}
		}
	}
	// Back to the fixed contract, with line 3 empty again.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 5},
		"contentChanges": []any{map[string]any{"range": lspRange{position{3, 0}, position{3, 200}}, "text": ""}},
	})

	// definition: from the rule "optique.monture si age < 16" to the
	// family's limit rule; from optique.loupe to its declaration too.
	var locs []location
	c.call("textDocument/definition", at(uri, 6, 20), &locs)
	want := []location{{uri, lspRange{position{4, 0}, position{4, u16("optique: plafond 800€ / annee civile")}}}}
	if diff := cmp.Diff(want, locs); diff != "" {
		t.Errorf("definition from a rule (-want +got):\n%s", diff)
	}
	c.call("textDocument/definition", at(uri, 7, 10), &locs)
	want = []location{
		{uri, lspRange{position{2, 0}, position{2, u16(`poste optique.loupe "Loupes"`)}}},
		{uri, lspRange{position{4, 0}, position{4, u16("optique: plafond 800€ / annee civile")}}},
	}
	if diff := cmp.Diff(want, locs); diff != "" {
		t.Errorf("definition from a declared poste's rule (-want +got):\n%s", diff)
	}

	// documentSymbol: the contract, then families holding their postes.
	var syms []documentSymbol
	c.call("textDocument/documentSymbol", map[string]any{"textDocument": docID(uri)}, &syms)
	var outline []string
	var walk func(prefix string, ss []documentSymbol)
	walk = func(prefix string, ss []documentSymbol) {
		for _, s := range ss {
			outline = append(outline, prefix+s.Name+" | "+s.Detail)
			walk(prefix+"  ", s.Children)
		}
	}
	walk("", syms)
	wantOutline := []string{
		`contrat "Santé 𝔼 €" | `,
		"optique | Optique",
		"  (every claim) | plafond 800€ / annee civile",
		"  optique.lentilles | Lentilles de contact",
		"    (every claim) | 100% BRSS",
		"  optique.loupe | Loupes",
		"    (every claim) | 30€ / equipement",
		"  optique.monture | Monture",
		"    (every claim) | 100% BRSS + forfait 100€ / 24 mois glissants",
		"    si age < 16 | 100% BRSS + forfait 80€ / 12 mois glissants",
		"prestations | Prestations complémentaires",
		"  prestations.naissance | Allocation naissance",
		"    (every claim) | forfait 5% PMSS / annee civile",
	}
	if diff := cmp.Diff(wantOutline, outline); diff != "" {
		t.Errorf("documentSymbol (-want +got):\n%s", diff)
	}

	// formatting: the canonical form, as one edit of the whole text.
	var edits []textEdit
	c.call("textDocument/formatting", map[string]any{"textDocument": docID(uri), "options": map[string]any{"tabSize": 4, "insertSpaces": true}}, &edits)
	if len(edits) != 1 || edits[0].Range.Start != (position{0, 0}) || edits[0].Range.End != (position{len(lines) - 1, 0}) {
		t.Fatalf("formatting: got %+v", edits)
	}
	wantFormatted := strings.Join([]string{
		`contrat "Santé 𝔼 €"`,
		`optique.lentilles: 100% BRSS`,
		`effet 2026-01-01`,
		`poste optique.loupe "Loupes"`,
		``,
		`optique:                     plafond 800€ / annee civile`,
		`optique.monture:             100% BRSS + forfait 100€ / 24 mois glissants`,
		`optique.monture si age < 16: 100% BRSS + forfait 80€ / 12 mois glissants`,
		`optique.loupe:               30€ / equipement`,
		`prestations.naissance:       forfait 5% PMSS / annee civile`,
		``,
	}, "\n")
	if diff := cmp.Diff(wantFormatted, edits[0].NewText); diff != "" {
		t.Errorf("formatting (-want +got):\n%s", diff)
	}

	// shutdown, then exit: Serve returns.
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("Serve did not return after exit")
	}
}

// TestLintDiagnostics checks that the editor gets the lint findings of
// `garantie check`, the contrat responsable rules included, with their
// severities and ranges.
func TestLintDiagnostics(t *testing.T) {
	c := startServer(t, Options{Today: today})
	c.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil)
	src := strings.Join([]string{
		`contrat "x"`,
		`responsable`,
		`consult: 100% BRSS`,
		`consult.specialiste: 150% BRSS`,
		`hospitalisation.forfait_journalier: frais reels, max 30 jours / annee civile`,
		``,
	}, "\n")
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "garantie", "version": 7, "text": src}})
	type short struct {
		Code     string
		Severity int
		Range    lspRange
	}
	var got []short
	for _, d := range c.diagnostics(uri, 7).Diagnostics {
		got = append(got, short{d.Code, d.Severity, d.Range})
	}
	want := []short{
		{"R813", 2, lspRange{position{1, 0}, position{1, 11}}},
		{"R802", 1, lspRange{position{4, 49}, position{4, 76}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// TestDebounce checks that a burst of changes is analysed once: only the
// last version's diagnostics are published.
func TestDebounce(t *testing.T) {
	c := startServer(t, Options{Today: today, Debounce: 200 * time.Millisecond})
	c.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "garantie", "version": 1, "text": "contrat \"x\"\n"}})
	c.diagnostics(uri, 1)
	const rule = "optique.verres: 100% BRSS"
	for v := 2; v <= 6; v++ {
		text := "contrat \"x\"\n" + rule[:5*(v-1)] // the rule typed five characters at a time
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": v},
			"contentChanges": []any{map[string]any{"text": text}},
		})
	}
	var versions []int
	timeout := time.After(5 * time.Second)
	for !slices.Contains(versions, 6) {
		select {
		case m := <-c.notes:
			if m.Method == "textDocument/publishDiagnostics" {
				var p publishedDiagnostics
				if err := json.Unmarshal(m.Params, &p); err != nil {
					t.Fatal(err)
				}
				versions = append(versions, p.Version)
			}
		case <-timeout:
			t.Fatalf("no diagnostics for version 6; got versions %v", versions)
		}
	}
	if !slices.Equal(versions, []int{6}) {
		t.Errorf("published versions %v, want only 6", versions)
	}
}

// TestRelatedInformation checks that the other rule of an ambiguous pair
// comes as the diagnostic's related location.
func TestRelatedInformation(t *testing.T) {
	src := "contrat \"x\"\noptique.verres si enfant: 100% BRSS\noptique.verres si reseau: 200% BRSS\n"
	a := analyse("x.garantie", src)
	ds := a.lspDiagnostics(uri)
	i := slices.IndexFunc(ds, func(d protocol.Diagnostic) bool { return d.Code.Value == "E135" })
	if i < 0 {
		t.Fatalf("no E135 in %+v", ds)
	}
	rel := ds[i].RelatedInformation
	if len(rel) != 1 || rel[0].Location.URI != uri || rel[0].Location.Range.Start.Line == ds[i].Range.Start.Line {
		t.Errorf("E135 at line %d: related %+v, want the other rule", ds[i].Range.Start.Line, rel)
	}
}

// TestSuppressions checks that the "# garantie:ignore" comments of a
// document hide the diagnostics they name, as in `garantie check`, and
// that the server reports a suppression that hides nothing (W901) and a
// malformed one.
func TestSuppressions(t *testing.T) {
	c := startServer(t, Options{Today: today})
	c.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil)
	src := strings.Join([]string{
		`contrat "x"`,
		`responsable # garantie:ignore R813 the ticket modérateur is in the parent contract`,
		`consult: 100% BRSS`,
		`consult.specialiste: 150% BRSS`,
		`hospitalisation.forfait_journalier: frais reels, max 30 jours / annee civile # garantie:ignore R802 W101 tested`,
		`optique.monture: 100% BRSS # garantie:ignore`,
		``,
	}, "\n")
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "garantie", "version": 3, "text": src}})
	var got []string
	for _, d := range c.diagnostics(uri, 3).Diagnostics {
		got = append(got, fmt.Sprintf("%s %d", d.Code, d.Range.Start.Line))
	}
	// R813 (line 1) and R802 (line 4) are those of TestLintDiagnostics,
	// suppressed; W101 is not reported on line 4, so its suppression is
	// unused; line 5's comment names no code.
	want := []string{string(suppress.CodeUnused) + " 4", string(suppress.CodeMalformed) + " 5"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
