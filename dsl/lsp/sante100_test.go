package lsp

import (
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// hoverText hovers on the first letter after the first occurrence of
// word in the given line of src and returns the markdown, "" for none.
func hoverText(t *testing.T, src string, line int, word string) string {
	t.Helper()
	a := analyse("x.garantie", src)
	start := 0
	for range line {
		start += strings.IndexByte(src[start:], '\n') + 1
	}
	i := strings.Index(src[start:], word)
	if i < 0 {
		t.Fatalf("%q not on line %d", word, line)
	}
	h := a.hover(start+i+1, Options{Today: today})
	if h == nil {
		return ""
	}
	return hoverValue(h)
}

// hoverValue is the markdown of a hover answer.
func hoverValue(h *protocol.Hover) string {
	return h.Contents.(protocol.MarkupContent).Value
}

// TestHoverPriceLimit checks the hover on "PLV" and "HLF": the limits of
// the rule's 100% Santé item in regles/sante100.csv (the figures below
// are copied from that file by hand), the amount of the percentage under
// the cursor, the mark of the data not confirmed, and the answer on a
// poste where PLV is an error.
func TestHoverPriceLimit(t *testing.T) {
	src := strings.Join([]string{
		`contrat "x"`,
		`effet 2026-01-01`,
		`optique.equipement_100_sante: 100% PLV`,
		`audiologie.aide_100_sante:    50% PLV`,
		`dentaire.prothese_100_sante:  100% HLF`,
		`optique.verres:               100% PLV`,
		``,
	}, "\n")
	const nb = "\u202f" // the thousands separator of euros
	for _, c := range []struct {
		line      int
		word      string
		want, not []string
	}{
		{2, "PLV", []string{
			"**PLV** — prix limite de vente",
			"Limits of `optique.equipement_100_sante` on 2026-01-01 (the contract's effet):",
			"| item | ages | base (BRSS) | limit | 100% | since | |",
			"| frame alone | all | 9,00 € | 30,00 € | 30,00 € | 2020-01-01 | **not confirmed** |",
			"| frame and two lenses, `verres simples` | all | 34,50 € | 115,00 € | 115,00 € | 2020-01-01 | **not confirmed** |",
			"| frame and two lenses, `verres complexes` | all | 63,00 € | 210,00 € | 210,00 € | 2020-01-01 | **not confirmed** |",
			"`verres tres_complexe` has no known limit",
		}, []string{"(today)"}}, // the same table on both dates is shown once
		{3, "PLV", []string{
			"| item | ages | base (BRSS) | limit | 50% | since | |",
			"| one aid (one ear) | 20 and over | 400,00 € | 950,00 € | 475,00 € | 2021-01-01 | **not confirmed** |",
			"| one aid (one ear) | 0 to 19 | 1" + nb + "400,00 € | 1" + nb + "400,00 € | 700,00 € | 2021-01-01 | **not confirmed** |",
		}, []string{"tres_complexe"}},
		{4, "HLF", []string{
			"**HLF** — honoraires limites de facturation",
			"| crown céramo-métallique, incisors to first premolars (a claim that names no act) | all | 120,00 € | 500,00 € | 500,00 € |",
			"| couronne zircone | all | 120,00 € | 440,00 € | 440,00 € |",
			"| couronne metallique | all | 120,00 € | 290,00 € | 290,00 € |",
		}, nil},
		{5, "PLV", []string{"not on `optique.verres` (E142)"}, []string{"| item |"}},
	} {
		got := hoverText(t, src, c.line, c.word)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("hover on %s of line %d: %q not in\n%s", c.word, c.line, w, got)
			}
		}
		for _, w := range c.not {
			if strings.Contains(got, w) {
				t.Errorf("hover on %s of line %d: %q in\n%s", c.word, c.line, w, got)
			}
		}
	}

	// An effet before the data: nothing at that date, the limits of today.
	old := strings.Replace(src, "2026-01-01", "2019-06-01", 1)
	got := hoverText(t, old, 3, "PLV")
	for _, w := range []string{
		"on 2019-06-01 (the contract's effet):\n\nNo limit is known at that date.",
		"on 2026-12-02 (today):",
		"| one aid (one ear) | 20 and over | 400,00 € | 950,00 € |",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("hover with an effet of 2019: %q not in\n%s", w, got)
		}
	}
}
