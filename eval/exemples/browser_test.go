package exemples_test

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"garantie/dsl/check"
	"garantie/dsl/parser"
	"garantie/eval/exemples"
	"garantie/eval/internal/browser"
	"garantie/regles"
)

// TestExemplesInChromium renders the examples page of a contract and its
// surcomplémentaire in a real headless Chromium: no console error, no
// network request, and the figures in the text. It skips without
// /usr/bin/chromium, except under CI=true where it fails.
func TestExemplesInChromium(t *testing.T) {
	exec := browser.Require(t)
	var progs []*check.Program
	for _, name := range []string{"essentiel.garantie", "surco.garantie"} {
		src, err := os.ReadFile(filepath.Join("../../exemples", name))
		if err != nil {
			t.Fatal(err)
		}
		f, _ := parser.Parse(name, src)
		prog, diags := check.Check(f, check.Regles())
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		progs = append(progs, prog)
	}
	date := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	report, err := exemples.Evaluate(progs, regles.ExemplesStandard(date), exemples.Options{Date: date})
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := exemples.WriteHTML(&page, report); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "exemples.html")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := browser.Load(context.Background(), exec, (&url.URL{Scheme: "file", Path: file}).String(), browser.Options{PDF: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Errors) > 0 || len(p.Requests) > 0 {
		t.Errorf("errors %q, network requests %q", p.Errors, p.Requests)
	}
	if _, err := browser.A4(p.PDF); err != nil {
		t.Errorf("printed: %v", err)
	}
	text := strings.Join(strings.Fields(p.Text), " ")
	for _, w := range []string{
		"Essentiel 2026 + Surco Dépassements 2026",
		// Non-OPTAM GP at 50 €: RO 19.00; Essentiel 9.00 (30 − 21), then
		// the surco's 200% BRSS: 60 − (21 + 9) = 30, capped at 50 − 30 =
		// 20.00; reste 2.00.
		"Consultation d'un médecin généraliste secteur 2 non adhérent OPTAM 50,00 € 19,00 € 9,00 € 20,00 € 2,00 €",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("the rendered text has no %q", w)
		}
	}
	if t.Failed() {
		t.Logf("the rendered text:\n%s", text)
	}
}
