package main

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testDir writes a contract and its test file in a fresh folder.
func testDir(t *testing.T, contract, tests string) (dir, testFile string) {
	t.Helper()
	dir = t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "spec.garantie"), []byte(contract), 0o644); err != nil {
		t.Fatal(err)
	}
	testFile = filepath.Join(dir, "spec.test.csv")
	if err := os.WriteFile(testFile, []byte(tests), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, testFile
}

const specContract = `contrat "Spécialistes"
consult.specialiste: 150% BRSS
medecine_douce.osteopathie: 40€ / seance, max 2 seances / annee civile
prestations.cure_thermale: 100% BRSS
`

// The DOMAIN.md specialist: frais 60, base 30, RO brut 21, PF 2; 150% BRSS
// pays 45 − 21 = 24.00, reste 17.00. Line t2 expects 30.00 (wrong). The
// third séance of ostéopathie finds the counter of 2 empty.
const specTests = `# A comment line, kept by --update.
id;assure;date;poste;frais;base;secteur;rc;reste;motif;regle;erreur
t1;a1;2026-03-02;consult.specialiste;60,00;30,00;2;24,00;17,00;-;spec.garantie:2;
t2;a1;2026-03-03;consult.specialiste;60,00;30,00;2;30,00;;;;
o1;a1;2026-04-01;medecine_douce.osteopathie;50,00;;;;;;;
o2;a1;2026-04-08;medecine_douce.osteopathie;50,00;;;;;;;
o3;a1;2026-04-15;medecine_douce.osteopathie;50,00;;;0;50;max atteint;;
x1;a1;2026-02-30;consult.specialiste;60,00;30,00;2;;;;;not a valid date
`

func TestTestCommand(t *testing.T) {
	dir, file := testDir(t, specContract, specTests)
	status, out, errOut := runCLI(t, "", "test", dir)
	if status != exitFail {
		t.Fatalf("status %d, want 1; stderr %s", status, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if want := file + ":4: t2: rc: want 30,00, got 24.00"; lines[0] != want {
		t.Errorf("first line %q, want %q", lines[0], want)
	}
	if !strings.Contains(out, "    150% BRSS of 30.00: 45.00\n") {
		t.Errorf("no explanation of the failing line:\n%s", out)
	}
	if last := lines[len(lines)-1]; last != "3 passed, 1 failed" {
		t.Errorf("summary %q, want %q", last, "3 passed, 1 failed")
	}

	// JUnit for CI: one testsuite, four testcases, one failure.
	_, out, _ = runCLI(t, "", "test", "--format", "junit", file)
	var report struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if report.Tests != 4 || report.Failures != 1 || report.Suites[0].Cases[1].Failure == nil ||
		report.Suites[0].Cases[1].Name != "line 4 (id t2)" || report.Suites[0].Cases[1].Failure.Message != "rc: want 30,00, got 24.00" {
		t.Errorf("junit: %+v\n%s", report, out)
	}

	// Coverage: the cure thermale rule was never chosen; the counter of
	// ostéopathie stopped o3.
	_, out, _ = runCLI(t, "", "test", "--coverage", file)
	for _, want := range []string{
		"coverage of " + filepath.Join(dir, "spec.garantie") + ": 1 rule(s) never chosen, 1 line(s) stopped by a limit",
		"  never chosen: spec.garantie:4: prestations.cure_thermale",
		"  exhausted:    spec.garantie:3: max atteint (spec.test.csv line 7, id o3)",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("coverage: no line %q in:\n%s", want, out)
		}
	}

	// --update shows the diff, rewrites the wrong cell only, in the
	// file's decimal comma, and keeps the rest of the file as it was.
	status, out, _ = runCLI(t, "", "test", "--update", dir)
	if status != exitOK || !strings.Contains(out, "-t2;a1;2026-03-03;consult.specialiste;60,00;30,00;2;30,00;;;;\n+t2;a1;2026-03-03;consult.specialiste;60,00;30,00;2;24,00;;;;\n") {
		t.Errorf("--update: status %d, output:\n%s", status, out)
	}
	got, _ := os.ReadFile(file)
	if want := strings.Replace(specTests, "2;30,00;", "2;24,00;", 1); string(got) != want {
		t.Errorf("updated file:\n%s\nwant:\n%s", got, want)
	}
	if status, out, _ := runCLI(t, "", "test", dir); status != exitOK || out != "4 passed, 0 failed\n" {
		t.Errorf("after --update: status %d, output %q", status, out)
	}
}

func TestTestCommandErrors(t *testing.T) {
	// A missing contract and a file without expected columns fail their
	// file; an unknown claim column fails in the claims reader.
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("spec.garantie", specContract)
	write("absent.test.csv", "id,assure,date,poste,frais,rc\nc1,a,2026-01-01,consult,10,0\n")
	write("spec.sans.test.csv", "id,assure,date,poste,frais\nc1,a,2026-01-01,consult,10\n")
	write("spec.typo.test.csv", "id,assure,date,poste,frias,rc\nc1,a,2026-01-01,consult,10,0\n")
	write("spec.couche.test.csv", "id,assure,date,poste,frais,rc_2\nc1,a,2026-01-01,consult,10,0\n")
	status, out, _ := runCLI(t, "", "test", dir)
	if status != exitFail {
		t.Errorf("status %d, want 1", status)
	}
	for _, want := range []string{
		"absent.test.csv: contract " + filepath.Join(dir, "absent.garantie") + ":",
		"spec.sans.test.csv: no expected column",
		`spec.typo.test.csv: line 1: unknown column "frias"`,
		`spec.couche.test.csv: line 1: column "rc_2": the test has 1 layer(s)`,
		"0 passed, 4 failed\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if status, _, errOut := runCLI(t, "", "test", t.TempDir()); status != exitUsage || !strings.Contains(errOut, "no *.test.csv file") {
		t.Errorf("empty folder: status %d, stderr %q", status, errOut)
	}
}
