package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// warnContract checks with one warning, L201 on line 2.
const warnContract = "contrat \"X\"\nmedecine_douce.osteopathie: 40€ / seance, plafond 0€ / annee civile\n"

// TestCheckFailLevel checks the exit status against --fail-level.
func TestCheckFailLevel(t *testing.T) {
	warn := writeFile(t, "warn.garantie", warnContract)
	for _, c := range []struct {
		args   []string
		status int
	}{
		{[]string{"check", warn}, exitOK},
		{[]string{"check", "--fail-level", "error", warn}, exitOK},
		{[]string{"check", "--fail-level", "warning", warn}, exitFail},
		{[]string{"check", "--fail-level", "warning", "--format", "junit", warn}, exitFail},
		{[]string{"check", "--fail-level", "info", warn}, exitUsage},
		{[]string{"check", "--docs-url", "docs/diagnostics.md", warn}, exitUsage},
	} {
		if status, out, errOut := runCLI(t, "", c.args...); status != c.status {
			t.Errorf("%v: status %d, want %d\n%s%s", c.args, status, c.status, out, errOut)
		}
	}
}

// TestCheckSARIF checks the SARIF log of a real run against the SARIF
// 2.1.0 schema, with every code of the registry as a rule.
func TestCheckSARIF(t *testing.T) {
	broken := writeFile(t, "brouillon.garantie", "contrat \"X\"\noptique.montre: forfait 100€ / 24 mois glissants\nconsult.generaliste 150% BRSS\n")
	warn := writeFile(t, "warn.garantie", warnContract)
	status, out, errOut := runCLI(t, "", "check", "--format", "sarif", "--docs-url", "https://example.org/garantie/docs/diagnostics.md", broken, warn)
	if status != exitFail {
		t.Fatalf("status %d, want 1: %s", status, errOut)
	}
	schema := sarifSchema(t)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("the SARIF log does not validate: %v", err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID, HelpURI string }
				}
			}
			Results []struct {
				RuleID, Level string
				Locations     []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				Fixes []json.RawMessage
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if n := len(run.Tool.Driver.Rules); n != len(allCodes()) {
		t.Errorf("%d rules, want the %d codes of the registry", n, len(allCodes()))
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.HelpURI != "https://example.org/garantie/docs/diagnostics.md#"+strings.ToLower(r.ID) {
			t.Errorf("rule %s: helpUri %q", r.ID, r.HelpURI)
		}
	}
	var got []string
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		got = append(got, r.RuleID+" "+r.Level+" "+filepath.Base(loc.ArtifactLocation.URI))
		if r.RuleID == "E109" && (loc.Region.StartLine != 2 || loc.Region.StartColumn != 1 || len(r.Fixes) != 1) {
			t.Errorf("E109 at %+v with %d fixes, want 2:1 and a fix", loc.Region, len(r.Fixes))
		}
	}
	if want := "E109 error brouillon.garantie,P005 error brouillon.garantie,L201 warning warn.garantie"; strings.Join(got, ",") != want {
		t.Errorf("results %v, want %s", got, want)
	}
}

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile("../../dsl/diag/testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	return schema
}

func TestCheckGitHub(t *testing.T) {
	broken := writeFile(t, "b.garantie", "contrat \"X\"\nconsult.generaliste 150% BRSS\n")
	status, out, _ := runCLI(t, "", "check", "--format", "github", broken)
	want := "::error file=" + broken + ",line=2,col=21,endLine=2,endColumn=24,title=P005::expected ':' after the poste consult.generaliste%0Ahint: write `consult.generaliste: 150%25 BRSS`"
	if status != exitFail || !strings.HasPrefix(out, want) || strings.Count(out, "\n") != 1 {
		t.Errorf("status %d, output %q; want 1 and one line starting %q", status, out, want)
	}
}

func TestCheckJUnit(t *testing.T) {
	broken := writeFile(t, "b.garantie", "contrat \"X\"\nconsult.generaliste 150% BRSS\n")
	clean := writeFile(t, "clean.garantie", cleanContract)
	status, out, _ := runCLI(t, "", "check", "--format", "junit", broken, clean)
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name string `xml:"name,attr"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	if status != exitFail || doc.Tests != 2 || doc.Failures != 1 || len(doc.Suites) != 2 || doc.Suites[1].Name != clean {
		t.Errorf("status %d, document %+v:\n%s", status, doc, out)
	}
}

// TestCheckSuppression runs the suppression comments end to end.
func TestCheckSuppression(t *testing.T) {
	line := "medecine_douce.osteopathie: 40€ / seance, plafond 0€ / annee civile"
	for _, c := range []struct {
		name, comment string
		status        int
		codes         []string
	}{
		{"suppressed", "  # garantie:ignore L201 nothing is paid on purpose", exitOK, nil},
		{"other code", "  # garantie:ignore L202 wrong code", exitOK, []string{"L201", "S901"}},
		{"no reason", "  # garantie:ignore L201", exitOK, []string{"L201", "S902"}},
		{"error not suppressible", "  # garantie:ignore E109 no", exitOK, []string{"L201", "S902"}},
	} {
		path := writeFile(t, "s.garantie", "contrat \"X\"\n"+line+c.comment+"\n")
		status, out, _ := runCLI(t, "", "check", "--format", "json", path)
		var doc struct{ Diagnostics []struct{ Code string } }
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, d := range doc.Diagnostics {
			codes = append(codes, d.Code)
		}
		if status != c.status || strings.Join(codes, " ") != strings.Join(c.codes, " ") {
			t.Errorf("%s: status %d, codes %v; want %d, %v", c.name, status, codes, c.status, c.codes)
		}
	}
	// An unused suppression fails with --fail-level warning.
	path := writeFile(t, "s.garantie", cleanContract+"soins: 100% BRSS  # garantie:ignore L201 stale\n")
	if status, out, _ := runCLI(t, "", "check", "--fail-level", "warning", path); status != exitFail || !strings.Contains(out, "[S901]") {
		t.Errorf("unused suppression: status %d, output:\n%s", status, out)
	}
}

// TestCheckDirectoriesAndStdin checks that a folder gives its .garantie
// files, recursively, sorted, hidden ones skipped, and that - reads
// standard input.
func TestCheckDirectoriesAndStdin(t *testing.T) {
	dir := t.TempDir()
	broken := "contrat \"X\"\nconsult.generaliste 150% BRSS\n"
	for name, content := range map[string]string{
		"b.garantie":            broken,
		"a/z.garantie":          broken,
		"a/notes.txt":           broken,
		".git/x.garantie":       broken,
		"a/.hidden.garantie":    broken,
		"c/deep/er/y.garantie":  broken,
		"c/deep/er/ok.garantie": cleanContract,
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	status, out, errOut := runCLI(t, broken, "check", "--format", "github", dir, "-")
	var files []string
	for line := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
		file, _, _ := strings.Cut(strings.TrimPrefix(line, "::error file="), ",")
		files = append(files, strings.TrimPrefix(file, dir+"/"))
	}
	if want := "a/z.garantie b.garantie c/deep/er/y.garantie <stdin>"; status != exitFail || strings.Join(files, " ") != want {
		t.Errorf("status %d, files %v, want %s\n%s%s", status, files, want, out, errOut)
	}

	empty := t.TempDir()
	if status, _, errOut := runCLI(t, "", "check", empty); status != exitUsage || !strings.Contains(errOut, "no .garantie file") {
		t.Errorf("empty folder: status %d, stderr %q", status, errOut)
	}
	if status, _, errOut := runCLI(t, "", "check", "-", "-"); status != exitUsage || !strings.Contains(errOut, "twice") {
		t.Errorf("- twice: status %d, stderr %q", status, errOut)
	}
}
