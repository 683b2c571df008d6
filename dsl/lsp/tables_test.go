package lsp

import (
	"slices"
	"strings"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// tablesSrc uses the constructs of real tables (docs/language.md §10).
var tablesSrc = strings.Join([]string{
	`contrat "x"`,
	`enveloppe bien_etre forfait 150€ porte a 200€ si anciennete >= 2 ans / annee civile par famille`,
	`poste hospitalisation.television "Télévision" sans RO`,
	`medecine_douce: forfait bien_etre`,
	`soins.psychologue: 100% BRSS + forfait bien_etre`,
	`hospitalisation.honoraires si sejour chirurgie et etranger: 200% BRSS`,
	`hospitalisation.frais_sejour: 100% BRSS, max 30 jours / sejour`,
	`dentaire.prothese: 300% BRSS, plafond 1400€ / annee civile au-delà 100% BRSS, limite 100% BRSS pendant 3 mois`,
	`audiologie.aide: 100% BRSS, plafond 1700€ / oreille RO inclus`,
	`optique.monture: forfait 60€ porté à 90€ si age > 60 / annee civile`,
	`soins.cure: forfait sport`,
	``,
}, "\n")

// TestHoverTables checks the hover on each keyword of §10: the words of
// a phrase ("porté à", "sans RO"), "sejour" read as a period after "/"
// and as a condition after "si", the stay types, and the name of
// "forfait NAME" (declared, and not).
func TestHoverTables(t *testing.T) {
	for _, c := range []struct {
		line       int
		word, want string
	}{
		{1, "enveloppe", "declares a named lump sum"},
		{1, "porte", "a loyalty bonus"},
		{2, "sans", "a declared poste the RO never pays"},
		{2, "RO", "a declared poste the RO never pays"},
		{3, "forfait", "`forfait NAME` draws on the `enveloppe NAME`"},
		{5, "sejour", "the claim column `type_sejour` has that word"},
		{5, "chirurgie", "a stay in chirurgie"},
		{5, "etranger", "care abroad"},
		{6, " sejour", "a period renewed per hospital stay"},
		{7, "au-del", "once the plafond cuts the rule's amount"},
		{7, "limite", "for care dated before adhesion + N"},
		{7, "pendant", "how long after adhesion"},
		{8, "plafond", "caps each line at X × the covered quantity"},
		{9, "porté", "a loyalty bonus"},
		{9, " à", "a loyalty bonus"},
		{3, "bien_etre", "```garantie\nenveloppe bien_etre forfait 150€ porte a 200€ si anciennete >= 2 ans / annee civile par famille\n```"},
		{4, "bien_etre", "Draws on the lump sum shared by every `forfait bien_etre`"},
		{10, "sport", "No `enveloppe sport` is declared in this file (E145)."},
	} {
		if got := hoverText(t, tablesSrc, c.line, c.word); !strings.Contains(got, c.want) {
			t.Errorf("hover on %q of line %d: %q not in\n%s", c.word, c.line, c.want, got)
		}
	}
}

// TestCompletionTables checks the completion of §10's constructs in
// context: the text before the cursor is the last line of a file that
// declares the enveloppes bien_etre and sport.
func TestCompletionTables(t *testing.T) {
	head := "contrat \"x\"\nenveloppe bien_etre forfait 150€ / annee civile\nenveloppe sport forfait 50€ / an\n"
	for _, c := range []struct {
		name, text string
		want, not  []string
	}{
		{"line start", ``, []string{"enveloppe", "poste", "contrat"}, nil},
		{"after enveloppe NAME", `enveloppe x `, []string{"forfait"}, []string{"bien_etre"}},
		{"enveloppe amount", `enveloppe x forfait 10€ `, []string{"porte a"}, nil},
		{"enveloppe period", `enveloppe x forfait 10€ / `, []string{"annee civile", "sejour"}, []string{"oreille"}},
		{"enveloppe options", `enveloppe x forfait 10€ / annee civile `, []string{"par famille", "RO inclus"}, []string{"au-dela"}},
		{"poste label", `poste soins.x "X" `, []string{"sans RO"}, nil},
		{"poste sans", `poste soins.x "X" sans `, []string{"RO"}, nil},
		{"forfait name", `medecine_douce: forfait `, []string{"bien_etre", "sport"}, []string{"annee civile"}},
		{"forfait name after +", `soins: 100% BRSS + forfait `, []string{"bien_etre", "sport"}, nil},
		{"forfait name in enveloppe", `enveloppe x forfait `, nil, []string{"bien_etre"}},
		{"conditions", `hospitalisation si `, []string{"sejour", "etranger", "age"}, nil},
		{"stay types", `hospitalisation si sejour `, []string{"medecine", "chirurgie", "psychiatrie", "smr", "maternite", "had"}, []string{"age"}},
		{"limits", `soins: 100% BRSS, `, []string{"limite", "plafond", "max"}, nil},
		{"forfait amount", `soins: forfait 60€ `, []string{"porte a"}, nil},
		{"porte", `soins: forfait 60€ porte `, []string{"a"}, nil},
		{"raise conditions", `soins: forfait 60€ porte a 90€ si `, []string{"age", "anciennete", "senior"}, []string{"sejour", "ald"}},
		{"plafond per", `soins: 100% BRSS, plafond 100€ / `, []string{"sejour", "annee civile", "oreille"}, nil},
		{"max per", `soins: 100% BRSS, max 30 jours / `, []string{"sejour"}, nil},
		{"plafond unit", `soins: 100% BRSS, plafond 100€ / oreille `, []string{"RO inclus"}, nil},
		{"after plafond", `soins: 100% BRSS, plafond 100€ / annee civile `, []string{"au-dela", "par famille"}, nil},
		{"after plafond RO", `soins: 100% BRSS, plafond 100€ / annee civile RO inclus `, []string{"au-dela"}, nil},
		{"au-dela base", `soins: 300% BRSS, plafond 100€ / an au-dela 100% `, []string{"BRSS", "TM"}, nil},
		{"limite", `soins: 300% BRSS, limite 100% BRSS `, []string{"pendant"}, nil},
		{"pendant", `soins: 300% BRSS, limite 100% BRSS pendant 3 `, []string{"mois", "jours"}, nil},
	} {
		src := head + c.text
		a := analyse("x.garantie", src)
		var got []string
		for _, it := range a.complete(len(src)) {
			got = append(got, it.Label)
		}
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("completion %s: no %q in %v", c.name, w, got)
			}
		}
		for _, w := range c.not {
			if slices.Contains(got, w) {
				t.Errorf("completion %s: unexpected %q in %v", c.name, w, got)
			}
		}
	}
}

// TestEnveloppeSymbolsAndDefinition checks that the outline lists the
// enveloppe after the contract, and that "forfait bien_etre" leads to the
// declaration on line 1, from the name and from the keyword.
func TestEnveloppeSymbolsAndDefinition(t *testing.T) {
	a := analyse("x.garantie", tablesSrc)
	syms := a.symbols()
	if len(syms) < 2 || syms[1].Name != "enveloppe bien_etre" || syms[1].Detail == nil ||
		*syms[1].Detail != "forfait 150€ porte a 200€ si anciennete >= 2 ans / annee civile par famille" ||
		syms[1].Range.Start.Line != 1 || syms[1].SelectionRange.Start.Character != 10 {
		t.Fatalf("symbols: %+v", syms)
	}
	lines := strings.Split(tablesSrc, "\n")
	offsetOf := func(line int, word string) int {
		o := 0
		for _, l := range lines[:line] {
			o += len(l) + 1
		}
		return o + strings.Index(lines[line], word) + 1
	}
	for _, c := range []struct {
		line int
		word string
	}{{3, "bien_etre"}, {3, "forfait"}, {4, "bien_etre"}} {
		locs := a.definition("file:///x.garantie", offsetOf(c.line, c.word))
		if len(locs) != 1 || locs[0].Range.Start.Line != 1 || locs[0].Range.Start.Character != 0 {
			t.Errorf("definition from %q on line %d: %+v", c.word, c.line, locs)
		}
	}
	// A forfait with an amount leads where a rule does, not to an enveloppe.
	if locs := a.definition("file:///x.garantie", offsetOf(9, "forfait")); slices.ContainsFunc(locs, func(l protocol.Location) bool { return l.Range.Start.Line == 1 }) {
		t.Errorf("definition from an amount forfait: %+v", locs)
	}
}

// TestTablesHalfTyped asks every request at every offset of each prefix
// of tablesSrc cut at a line end or inside a word: no panic and no error,
// whatever of §10's constructs is half written.
func TestTablesHalfTyped(t *testing.T) {
	s := newServer(Options{Today: today, Debounce: time.Hour})
	const uri = "file:///tables.garantie"
	for i := 0; i <= len(tablesSrc); i += 7 {
		src := tablesSrc[:i]
		if err := s.didOpen(nil, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: uri, Text: src, Version: 1}}); err != nil {
			t.Fatal(err)
		}
		exercise(t, s, uri, src, 3)
		if t.Failed() {
			t.Fatalf("prefix %q", src)
		}
	}
}
