package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var rangeContracts = []string{"../../exemples/essentiel.garantie", "../../exemples/equilibre.garantie", "../../exemples/serenite.garantie"}

// tableauHTML writes the tableau of the range, with its examples, through
// -o and returns the page.
func tableauHTML(t *testing.T) (string, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "tableau.html")
	args := append(append([]string{"tableau"}, rangeContracts...), "--exemples", "-o", out)
	if status, stdout, stderr := runCLI(t, "", args...); status != exitOK || stdout != "" {
		t.Fatalf("status %d, stdout %q, stderr %s", status, stdout, stderr)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// -o writes through a temporary file of the same folder and a rename.
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("-o left %d files in its folder, want only the page", len(entries))
	}
	return string(page), out
}

// TestTableauHTML reads the generated page back by its content: the
// harmonised structure, each rule's published wording in each contract's
// column, the notes, a self-contained page that prints on A4.
func TestTableauHTML(t *testing.T) {
	page, _ := tableauHTML(t)
	doc := parseHTML(t, page)

	if got := doc.row(t, "Garanties"); !slices.Equal(got, []string{"Garanties",
		"Essentiel 2026 Contrat responsable Remboursements RO + RC",
		"Équilibre 2026 Contrat responsable Remboursements RO + RC",
		"Sérénité 2026 Contrat responsable Remboursements RO + RC"}) {
		t.Errorf("head %q", got)
	}
	var postes []string
	for _, r := range doc.rows() {
		if len(r) == 1 && !strings.Contains(r[0], "100% Santé") && !strings.Contains(r[0], "hors") && !strings.Contains(r[0], "tarifs libres") {
			postes = append(postes, r[0])
		}
	}
	want := []string{"Hospitalisation", "Soins courants", "Optique", "Dentaire", "Aides auditives", "Médecines douces", "Prévention", "Prestations complémentaires"}
	if diff := cmp.Diff(want, postes); diff != "" {
		t.Errorf("postes (-want +got):\n%s", diff)
	}
	for _, r := range [][]string{
		{"Consultations et visites de médecins généralistes Médecins non adhérents OPTAM / OPTAM-CO", "100 % BR", "130 % BR", "200 % BR"},
		{"Consultations et visites de médecins généralistes Médecins adhérents OPTAM / OPTAM-CO", "100 % BR", "150 % BR", "250 % BR"},
		{"Chambre particulière", "Non couvert", "50 € par jour dans la limite de 30 jours par année civile", "90 € par jour dans la limite de 60 jours par année civile"},
		{"Monture 16 ans et plus", "100 % BR + Forfait 20 € tous les 2 ans", "100 % BR + Forfait 100 € tous les 2 ans dans la limite de 1 équipement par période de 12 mois pour l'ensemble des actes du poste", "100 % BR + Forfait 100 € tous les 2 ans dans la limite de 1 équipement par période de 12 mois pour l'ensemble des actes du poste"},
		{"Frais d'accompagnant 18 ans et plus", "Non couvert", "Non couvert", "40 € par jour dans la limite de 30 jours par année civile"},
		{"Prothèses dentaires hors 100% Santé Hors réseau de soins", "100 % BR", "250 % BR", "400 % BR"},
		{"Verres", "100 % BR + Forfait 30 € tous les 2 ans", "100 % BR + Forfait 200 € tous les 2 ans dans la limite de 1 équipement par période de 12 mois pour l'ensemble des actes du poste", "100 % BR + Forfait 400 € tous les 2 ans dans la limite de 1 équipement par période de 12 mois pour l'ensemble des actes du poste"},
		{"Verres Moins de 16 ans, dans le réseau de soins", "100 % BR + Forfait 30 € tous les 2 ans", "100 % BR + Forfait 200 € tous les 2 ans dans la limite de 1 équipement par période de 12 mois pour l'ensemble des actes du poste", "100 % BR + Forfait 350 € par période de 12 mois dans la limite de 1 équipement par période de 12 mois pour l'ensemble des actes du poste"},
		{"Orthodontie", "100 % BR", "200 % BR plafonné à 600 € par année civile", "350 % BR plafonné à 1 200 € par année civile"},
		{"Implantologie Après 2 ans d'adhésion", "Non couvert", "300 € par acte dans la limite de 2 actes par année civile", "700 € par acte dans la limite de 3 actes par année civile pour l'ensemble des actes du poste"},
		{"Aide auditive 100% Santé (classe I)", "Prise en charge intégrale dans la limite des PLV", "Prise en charge intégrale dans la limite des PLV", "Prise en charge intégrale dans la limite des PLV"},
		{"Ostéopathie", "Non couvert", "40 € par séance dans la limite de 4 séances par année civile", "60 € par séance dans la limite de 5 séances par année civile"},
		{"Allocation naissance", "Non couvert", "Forfait 5 % PMSS par année civile", "Forfait 10 % PMSS par année civile"},
	} {
		if got := doc.row(t, r[0]); !slices.Equal(got, r) {
			t.Errorf("row %q:\n got %q\nwant %q", r[0], got, r)
		}
	}
	for _, g := range []string{"Équipements 100% Santé (classe A)", "Soins prothétiques 100% Santé", "Équipements 100% Santé (classe I)", "Équipements à tarifs libres (classe II)"} {
		doc.row(t, g)
	}
	notes := strings.Join(doc.texts("li"), "\n")
	for _, n := range []string{
		"Contrat responsable (articles L871-1, R871-1 et R871-2 du Code de la sécurité sociale) : Essentiel 2026, Équilibre 2026, Sérénité 2026.",
		"Équilibre 2026 — délais de carence, comptés de la date d'adhésion : Implantologie : délai de carence de 6 mois.",
		"Essentiel 2026 — non couvert : Chambre particulière, Implantologie, Médecines douces, Cure thermale.",
		"incluent le remboursement de la Sécurité sociale (RO + RC)",
	} {
		if !strings.Contains(notes, n) {
			t.Errorf("notes miss %q:\n%s", n, notes)
		}
	}
	if u := regexp.MustCompile(`(?i)https?://`).FindString(page); u != "" {
		t.Errorf("the page names a network URL (%q): it must be self-contained", u)
	}
	for _, css := range []string{"@page { size: A4", "@media print"} {
		if !strings.Contains(page, css) {
			t.Errorf("no %q in the page's stylesheet", css)
		}
	}
}

// TestTableauMarkdown checks the Markdown form by its lines, with the
// examples (see TestExemplesByHand for their figures).
func TestTableauMarkdown(t *testing.T) {
	status, out, errOut := runCLI(t, "", append([]string{"tableau", "--format", "md", "--exemples"}, rangeContracts...)...)
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	for _, line := range []string{
		"| Garanties | Essentiel 2026 (responsable), RO + RC | Équilibre 2026 (responsable), RO + RC | Sérénité 2026 (responsable), RO + RC |",
		"| **Optique** | | | |",
		"| *Équipements 100% Santé (classe A)* | | | |",
		"| Consultations et visites de médecins spécialistes — Médecins adhérents OPTAM / OPTAM-CO | 100 % BR | 200 % BR | 300 % BR |",
		"| Consultations et visites de médecins spécialistes — Médecins non adhérents OPTAM / OPTAM-CO | 100 % BR | 180 % BR | 200 % BR |",
		"| Chambre particulière | Non couvert | 50 € par jour, dans la limite de 30 jours par année civile | 90 € par jour, dans la limite de 60 jours par année civile |",
		"| Exemple | Dépense | Sécurité sociale | Essentiel 2026 | Reste à charge | Équilibre 2026 | Reste à charge | Sérénité 2026 | Reste à charge |",
		"| Consultation d'un médecin généraliste secteur 1 | 30,00 € | 19,00 € | 9,00 € | 2,00 € | 9,00 € | 2,00 € | 9,00 € | 2,00 € |",
		"| Aide auditive à tarifs libres (classe II), une oreille, adulte | 1 500,00 € | 240,00 € | 160,00 € | 1 100,00 € | 560,00 € | 700,00 € | 1 160,00 € | 100,00 € |",
	} {
		if !strings.Contains(out, line+"\n") {
			t.Errorf("no line %q in:\n%s", line, out)
		}
	}
}

// TestTableauComplement words a complément contract and a surco column.
func TestTableauComplement(t *testing.T) {
	contract := writeFile(t, "c.garantie", `contrat "Complément"
mode complement
consult.specialiste: 100% BRSS
`)
	status, out, errOut := runCLI(t, "", "tableau", "--format", "md", contract, "../../exemples/surco.garantie")
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	for _, line := range []string{
		"| Garanties | Complément, en complément du RO | Surco Dépassements 2026, RO + RC |",
		"| Consultations et visites de médecins spécialistes | 100 % BR en complément du RO | 350 % BR |",
	} {
		if !strings.Contains(out, line+"\n") {
			t.Errorf("no line %q in:\n%s", line, out)
		}
	}
	if strings.Contains(out, "Contrat responsable (") {
		t.Errorf("no contract is responsable, but the notes say one is:\n%s", out)
	}
}

func TestTableauUsage(t *testing.T) {
	for _, args := range [][]string{
		{"tableau"},
		{"tableau", "--format", "pdf", "../../exemples/essentiel.garantie"},
		{"tableau", "--exemples", "--date", "2019-01-01", "../../exemples/essentiel.garantie"},
		{"tableau", "no-such.garantie"},
	} {
		if status, _, _ := runCLI(t, "", args...); status != exitUsage {
			t.Errorf("%q: status %d, want %d", args, status, exitUsage)
		}
	}
}
