package main

import (
	"os"
	"strings"
	"testing"
)

const messy = "contrat \"X\"\nconsult.generaliste :150 % BRSS ;optique.monture:   forfait 100 € / 24 mois glissants  # frame\n"

const canonical = `contrat "X"
consult.generaliste: 150% BRSS
optique.monture:     forfait 100€ / 24 mois glissants  # frame
`

func TestFmt(t *testing.T) {
	path := writeFile(t, "messy.garantie", messy)

	status, out, _ := runCLI(t, "", "fmt", path)
	if status != exitOK || out != canonical {
		t.Errorf("fmt: status %d, output:\n%s\nwant:\n%s", status, out, canonical)
	}
	status, out, _ = runCLI(t, "", "fmt", "-l", path)
	if status != exitFail || strings.TrimSpace(out) != path {
		t.Errorf("fmt -l: status %d, output %q", status, out)
	}
	status, out, _ = runCLI(t, "", "fmt", "-d", path)
	if status != exitFail || !strings.Contains(out, "-consult.generaliste :150 % BRSS") || !strings.Contains(out, "+consult.generaliste: 150% BRSS") {
		t.Errorf("fmt -d: status %d, output:\n%s", status, out)
	}
	if status, _, _ = runCLI(t, "", "fmt", "-w", path); status != exitOK {
		t.Errorf("fmt -w: status %d", status)
	}
	if got, _ := os.ReadFile(path); string(got) != canonical {
		t.Errorf("after -w the file is:\n%s", got)
	}
	// Canonical files are left alone.
	if status, out, _ = runCLI(t, "", "fmt", "-l", path); status != exitOK || out != "" {
		t.Errorf("fmt -l on a canonical file: status %d, output %q", status, out)
	}
	// Standard input.
	if status, out, _ = runCLI(t, messy, "fmt"); status != exitOK || out != canonical {
		t.Errorf("fmt from stdin: status %d, output %q", status, out)
	}
	// A file with syntax errors is never formatted.
	broken := writeFile(t, "broken.garantie", "contrat \"X\"\nconsult.generaliste 150% BRSS\n")
	status, out, errOut := runCLI(t, "", "fmt", "-w", broken)
	if status != exitFail || out != "" || !strings.Contains(errOut, "P005") {
		t.Errorf("fmt on a broken file: status %d, stdout %q, stderr %q", status, out, errOut)
	}
}

func TestFmtExemplesAreCanonical(t *testing.T) {
	files := []string{"../../exemples/essentiel.garantie", "../../exemples/equilibre.garantie", "../../exemples/serenite.garantie", "../../exemples/surco.garantie", "../../exemples/april-mix-3.garantie"}
	status, out, errOut := runCLI(t, "", append([]string{"fmt", "-l"}, files...)...)
	if status != exitOK {
		t.Errorf("example contracts are not in canonical form (run garantie fmt -w exemples/*.garantie):\n%s%s", out, errOut)
	}
}
