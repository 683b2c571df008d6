package regles

import (
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
			row := "| `" + string(n) + "` | " + e.Since.Format(dateLayout) + " | " + e.Amount.String() + " |"
			if !strings.Contains(string(doc), row) {
				t.Errorf("docs/regles.md has no row starting %q", row)
			}
		}
	}
}
