package tableau_test

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"garantie/dsl/check"
	"garantie/dsl/parser"
	"garantie/eval/exemples"
	"garantie/eval/internal/browser"
	"garantie/eval/tableau"
	"garantie/regles"
)

// load parses and checks a bundled contract.
func load(t *testing.T, name string) tableau.Source {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("../../exemples", name))
	if err != nil {
		t.Fatal(err)
	}
	f, diags := parser.Parse(name, src)
	prog, cdiags := check.Check(f, check.Regles())
	if diags.HasErrors() || cdiags.HasErrors() {
		t.Fatalf("%s: %v %v", name, diags, cdiags)
	}
	return tableau.Source{Program: prog, Src: src}
}

// TestTableauInChromium renders the tableau of the bundled range with its
// examples in a real headless Chromium: the page loads with no console
// error and no request to the network, and the text a reader sees holds
// the expected wording and figures. It skips without /usr/bin/chromium,
// except under CI=true where it fails.
// rulePosition matches the line number of a rule's position.
var rulePosition = regexp.MustCompile(`(\.garantie):\d+`)

func TestTableauInChromium(t *testing.T) {
	exec := browser.Require(t)
	sources := []tableau.Source{load(t, "essentiel.garantie"), load(t, "equilibre.garantie"), load(t, "serenite.garantie")}
	var progs []*check.Program
	for _, s := range sources {
		progs = append(progs, s.Program)
	}
	date := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	report, err := exemples.Evaluate(progs, regles.ExemplesStandard(date), exemples.Options{Date: date, Compare: true})
	if err != nil {
		t.Fatal(err)
	}
	section, err := exemples.Fragment(report)
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := tableau.WriteHTML(&page, tableau.Build(sources), section); err != nil {
		t.Fatal(err)
	}
	// Rule positions are left out of the comparison: moving a rule by a
	// line must not break this test (cmd/garantie's TestExemplesRules
	// checks which rule pays).
	text := rulePosition.ReplaceAllString(render(t, exec, page.Bytes()), "$1")
	for _, w := range []string{
		"Tableau de garanties",
		"Consultations et visites de médecins généralistes Médecins non adhérents OPTAM / OPTAM-CO 100 % BR 130 % BR 200 % BR",
		"Honoraires médicaux et chirurgicaux Médecins adhérents OPTAM / OPTAM-CO 100 % BR 200 % BR 300 % BR",
		"Équipements 100% Santé (classe A)",
		"Monture 16 ans et plus 100 % BR + Forfait 20 € tous les 2 ans 100 % BR + Forfait 100 € tous les 2 ans",
		"délai de carence de 6 mois",
		// The examples, each contract alone; the figures are checked by
		// hand in cmd/garantie's TestExemplesByHand.
		"Consultation d'un médecin généraliste secteur 1 30,00 € 19,00 € 9,00 € essentiel.garantie 2,00 € 9,00 € equilibre.garantie 2,00 €",
		"Lunettes 100% Santé (classe A), verres simples 115,00 € 20,70 € 94,30 € essentiel.garantie 0,00 €",
		"Aide auditive à tarifs libres (classe II), une oreille, adulte 1 500,00 € 240,00 € 160,00 € essentiel.garantie 1 100,00 € 560,00 € equilibre.garantie 700,00 € 1 160,00 € serenite.garantie 100,00 €",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("the rendered text has no %q", w)
		}
	}
	if t.Failed() {
		t.Logf("the rendered text:\n%s", text)
	}
}

// render loads a page from a file in headless Chromium, fails on any
// console error or network request, and returns the rendered text with
// its white space collapsed.
func render(t *testing.T, exec string, page []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := browser.Load(context.Background(), exec, (&url.URL{Scheme: "file", Path: file}).String(), browser.Options{PDF: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Errors) > 0 {
		t.Errorf("errors in the browser:\n%s", strings.Join(p.Errors, "\n"))
	}
	if len(p.Requests) > 0 {
		t.Errorf("the page asked the network for %q", p.Requests)
	}
	// Printed, the page is A4 (its @page rule).
	if pages, err := browser.A4(p.PDF); err != nil {
		t.Error(err)
	} else {
		t.Logf("printed on %d A4 page(s)", pages)
	}
	return strings.Join(strings.Fields(p.Text), " ")
}
