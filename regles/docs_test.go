package regles

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDocsListEveryPoste keeps the nomenclature table of docs/regles.md in
// step with the code.
func TestDocsListEveryPoste(t *testing.T) {
	doc, err := os.ReadFile("../docs/regles.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Postes() {
		row := "| `" + p.Code + "` | " + p.Label + " | " + p.RO.String() + " | " + p.Deduction.String() + " |"
		if !strings.Contains(string(doc), row) {
			t.Errorf("docs/regles.md has no row %q", row)
		}
	}
	for _, n := range Names() {
		for _, e := range History(n) {
			row := "| `" + string(n) + "` | " + e.Since.Format(dateLayout) + " | " + e.Amount.String() + " | " + e.Source + " | " + confirmedMark(e.Confirme) + " |"
			if !strings.Contains(string(doc), row) {
				t.Errorf("docs/regles.md has no row starting %q", row)
			}
		}
	}
	for _, l := range Default().PriceLimits() {
		variante := "(empty)"
		if l.Variante != "" {
			variante = "`" + l.Variante + "`"
		}
		ages := "all"
		switch {
		case l.AgeMax >= 0:
			ages = fmt.Sprintf("%d to %d", l.AgeMin, l.AgeMax)
		case l.AgeMin > 0:
			ages = fmt.Sprintf("%d and over", l.AgeMin)
		}
		row := fmt.Sprintf("| `%s` | %s | %s | %s | %s | %s |", l.Poste, variante, ages, l.Since.Format(dateLayout), l.BRSS, l.Limite)
		if !strings.Contains(string(doc), row) {
			t.Errorf("docs/regles.md has no row starting %q", row)
		}
	}
	for f, entries := range Default().taux {
		for _, e := range entries {
			row := "| `" + f.String() + "` | " + e.since.Format(dateLayout) + " | " + e.taux.String() + " | " + e.source + " | " + confirmedMark(e.confirme) + " |"
			if !strings.Contains(string(doc), row) {
				t.Errorf("docs/regles.md has no row starting %q", row)
			}
		}
	}
}

// confirmedMark is the text of the confirmed column of docs/regles.md.
func confirmedMark(ok bool) string {
	if ok {
		return "yes"
	}
	return "**NOT CONFIRMED**"
}
