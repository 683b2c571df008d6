package main

import (
	"encoding/json"
	"strings"
	"testing"
)

const cleanContract = `contrat "Test"
optique.monture: forfait 250€ / 24 mois glissants; consult.specialiste: 200% BRSS
`

func TestCheckStatuses(t *testing.T) {
	clean := writeFile(t, "clean.garantie", cleanContract)
	broken := writeFile(t, "broken.garantie", "contrat \"X\"\nconsult.generaliste 150% BRSS\noptique.montre: 100% BRSS\n")

	if status, out, _ := runCLI(t, "", "check", clean); status != exitOK || out != "" {
		t.Errorf("clean file: status %d, output %q", status, out)
	}

	status, out, _ := runCLI(t, "", "check", broken, clean)
	if status != exitFail {
		t.Errorf("broken file: status %d, want 1", status)
	}
	for _, want := range []string{
		"broken.garantie:2:21: error: ",
		"[P005]",
		"    consult.generaliste 150% BRSS\n                        ^",
		"broken.garantie:3:1: error: ",
		"optique.monture",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	// A missing file is an I/O error (2), and the other files are still
	// checked.
	status, out, errOut := runCLI(t, "", "check", "/nonexistent.garantie", broken)
	if status != exitUsage || !strings.Contains(errOut, "nonexistent") || !strings.Contains(out, "[P005]") {
		t.Errorf("missing file: status %d, stdout %q, stderr %q", status, out, errOut)
	}
	if status, _, _ := runCLI(t, "", "check"); status != exitUsage {
		t.Errorf("no file: status %d, want 2", status)
	}
	if status, _, _ := runCLI(t, "", "check", "--format", "xml", clean); status != exitUsage {
		t.Errorf("bad format: status %d, want 2", status)
	}
}

func TestCheckJSON(t *testing.T) {
	broken := writeFile(t, "broken.garantie", "contrat \"X\"\nconsult.specialiste: 200%\n")
	status, out, _ := runCLI(t, "", "check", "--format", "json", broken)
	if status != exitFail {
		t.Fatalf("status %d, want 1", status)
	}
	var doc struct {
		Diagnostics []struct {
			File     string `json:"file"`
			Line     int    `json:"line"`
			Column   int    `json:"column"`
			Severity string `json:"severity"`
			Code     string `json:"code"`
			Message  string `json:"message"`
		} `json:"diagnostics"`
		Errors int `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if doc.Errors != 1 || len(doc.Diagnostics) != 1 {
		t.Fatalf("want exactly one error, got %+v", doc)
	}
	d := doc.Diagnostics[0]
	if d.Line != 2 || d.Column != 22 || d.Severity != "error" || d.Code == "" || !strings.Contains(d.Message, "base") {
		t.Errorf("diagnostic %+v: want an error at 2:22 about the missing base", d)
	}
}

func TestCheckColumnsCountCharacters(t *testing.T) {
	// "€" is one column though three bytes: the error after it must sit
	// at column 30, under the "$".
	f := writeFile(t, "euro.garantie", "contrat \"X\"\noptique.monture: forfait 10€ $ / an\n")
	_, out, _ := runCLI(t, "", "check", f)
	if !strings.Contains(out, "euro.garantie:2:30:") {
		t.Errorf("want a diagnostic at 2:30:\n%s", out)
	}
}

// A broken contrat line is reported where it breaks; the "must start with
// contrat" error (E101), at 1:1 on the same line, must not replace it
// (spec §2: each misuse is an error at its exact position).
func TestCheckBrokenContratLine(t *testing.T) {
	path := writeFile(t, "c.garantie", "contrat \"A\" organisme \"X\"\nconsult.generaliste: 100% BRSS\n")
	status, out, _ := runCLI(t, "", "check", path)
	if status != exitFail {
		t.Errorf("status %d, want 1", status)
	}
	if !strings.Contains(out, "c.garantie:1:13: error: unexpected 'organisme'") || strings.Contains(out, "[E101]") {
		t.Errorf("output:\n%s", out)
	}
}
