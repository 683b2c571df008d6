package lsp

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"garantie/dsl/check"
)

// TestHoverExample checks that the hover on a poste ends with what
// Options.Example says, asked for the poste under the cursor at the
// contract's effet (today without one), and only on a file without
// errors, whose contract can be evaluated.
func TestHoverExample(t *testing.T) {
	type call struct {
		contrat, poste, date string
	}
	var calls []call
	opts := Options{Today: today, Example: func(prog *check.Program, poste string, date time.Time) (string, bool) {
		calls = append(calls, call{prog.Name, poste, date.Format(time.DateOnly)})
		if poste == "optique.monture" {
			return "", false
		}
		return fmt.Sprintf("- fake claim on %s: RC 9.00", poste), true
	}}
	hover := func(src, word string) string {
		t.Helper()
		a := analyse("x.garantie", src)
		h := a.hover(strings.Index(src, word)+len(word)-1, opts) // on the last segment
		if h == nil {
			t.Fatalf("no hover on %s", word)
		}
		return hoverValue(h)
	}

	src := "contrat \"A\"\neffet 2026-01-01\nconsult.generaliste: 100% BRSS\noptique.monture: 100% BRSS\n"
	got := hover(src, "consult.generaliste")
	if want := "\n**Example** (2026-01-01), what this contract pays:\n\n- fake claim on consult.generaliste: RC 9.00\n"; !strings.HasSuffix(got, want) {
		t.Errorf("hover on a poste: want the suffix %q in\n%s", want, got)
	}
	if got := hover(src, "optique.monture"); strings.Contains(got, "**Example**") {
		t.Errorf("hover without an example: %s", got)
	}
	// Without effet, today; a file with an error is not evaluated.
	hover("contrat \"B\"\nconsult.generaliste: 100% BRSS\n", "consult.generaliste")
	if got := hover("contrat \"C\"\nconsult.generaliste: 100% BRSS\noptique.lentile: 100% BRSS\n", "consult.generaliste"); strings.Contains(got, "**Example**") {
		t.Errorf("hover on a file with errors: %s", got)
	}
	want := []call{{"A", "consult.generaliste", "2026-01-01"}, {"A", "optique.monture", "2026-01-01"}, {"B", "consult.generaliste", "2026-12-02"}}
	if fmt.Sprint(calls) != fmt.Sprint(want) {
		t.Errorf("Example called with %v, want %v", calls, want)
	}
}
