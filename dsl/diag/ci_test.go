package diag

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The schemas under testdata/ are vendored unchanged:
//
//   - sarif-schema-2.1.0.json: the OASIS SARIF 2.1.0 schema (errata 01),
//     sarif-2.1/schema/sarif-schema-2.1.0.json of the repository
//     oasis-tcs/sarif-spec at e0583813964ec43cea53b6b531b402866095ed1f;
//   - junit-10.xsd: the JUnit schema of Jenkins' xunit plugin (MIT),
//     src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/
//     junit-10.xsd of jenkinsci/xunit-plugin at
//     8c515de2804b3fd591a3b0f1ff8908a1b1a41887.

// ciSource is a file whose name needs escaping in every format, with a
// "€" before the diagnostics so that characters and bytes differ.
const ciFile = "dir 1/a,b:c.garantie"

var ciSource = Source{ciFile: []byte("contrat \"X\"\noptique.monture: forfait 10€ / an; optique.montre: 1\nconsult.generaliste 150% BRSS\n")}

// ciDiagnostics has a replacing fix, an inserting fix, a related location,
// a hint, a warning and characters to escape in messages.
func ciDiagnostics() Diagnostics {
	return Diagnostics{
		{File: ciFile, Range: at(2, 36, 50), Severity: Error, Code: "E109", Message: "unknown poste optique.montre; did you mean \"optique.monture\"?",
			Hint: "use a code of the nomenclature", Fix: &Edit{Range: at(2, 36, 50), NewText: "optique.monture"},
			Related: &Related{Range: at(2, 1, 16), Message: "the poste declared here"}},
		{File: ciFile, Range: at(3, 20, 21), Severity: Error, Code: "P005", Message: "missing ':' after the poste", Fix: &Edit{Range: at(3, 20, 20), NewText: ":"}},
		{File: ciFile, Range: at(3, 21, 30), Severity: Warning, Code: "L201", Message: "100% of a line,\r\nthen 50%: useless <limit> & more"},
	}
}

var ciRules = []Info{
	{Code: "P005", Title: "missing ':' after the poste", Severity: Error, Doc: "A rule is POSTE: GARANTIE.", Example: "consult.generaliste 150% BRSS"},
	{Code: "E109", Title: "unknown poste", Severity: Error, Doc: "The poste is not in the nomenclature."},
	{Code: "L201", Title: "useless limit", Severity: Warning, Doc: "The limit never binds."},
}

func TestWriteSARIFValidatesAgainstSchema(t *testing.T) {
	var b bytes.Buffer
	tool := SARIFTool{Name: "garantie", Version: "v1.2.3", Rules: ciRules,
		HelpURI: func(c Code) string { return "https://example.org/docs/diagnostics.md#" + strings.ToLower(string(c)) }}
	if err := WriteSARIF(&b, ciDiagnostics(), tool); err != nil {
		t.Fatal(err)
	}
	schema := compileSARIFSchema(t)
	if err := validateJSON(schema, b.Bytes()); err != nil {
		t.Fatalf("the SARIF log does not validate: %v\n%s", err, b.String())
	}
	// The validator is not vacuous: a log without its version, or with a
	// level SARIF does not know, is refused.
	for _, broken := range []string{
		strings.Replace(b.String(), `"version": "2.1.0",`, ``, 1),
		strings.Replace(b.String(), `"level": "warning"`, `"level": "info"`, 1),
	} {
		if err := validateJSON(schema, []byte(broken)); err == nil {
			t.Errorf("a broken log validates:\n%s", broken)
		}
	}

	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Rules []struct {
						ID, Name, HelpURI string
						Help              struct{ Markdown string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
				RelatedLocations []struct{ Message struct{ Text string } }
				Fixes            []struct {
					Description     struct{ Text string }
					ArtifactChanges []struct {
						Replacements []struct {
							DeletedRegion   struct{ StartLine, StartColumn, EndLine, EndColumn int }
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	rule := run.Tool.Driver.Rules[0]
	if rule.ID != "P005" || rule.Name != "MissingAfterThePoste" || rule.HelpURI != "https://example.org/docs/diagnostics.md#p005" ||
		!strings.Contains(rule.Help.Markdown, "```\nconsult.generaliste 150% BRSS\n```") {
		t.Errorf("rule %+v", rule)
	}
	e109 := run.Results[0]
	loc := e109.Locations[0].PhysicalLocation
	if e109.RuleID != "E109" || e109.RuleIndex != 1 || e109.Level != "error" || e109.Message.Text != "unknown poste optique.montre; did you mean \"optique.monture\"?\nhint: use a code of the nomenclature" {
		t.Errorf("result %+v", e109)
	}
	if loc.ArtifactLocation.URI != "dir%201/a,b:c.garantie" || loc.Region.StartLine != 2 || loc.Region.StartColumn != 36 || loc.Region.EndLine != 2 || loc.Region.EndColumn != 50 {
		t.Errorf("location %+v", loc)
	}
	if len(e109.RelatedLocations) != 1 || e109.RelatedLocations[0].Message.Text != "the poste declared here" {
		t.Errorf("related locations %+v", e109.RelatedLocations)
	}
	rep := e109.Fixes[0].ArtifactChanges[0].Replacements[0]
	if rep.DeletedRegion.StartColumn != 36 || rep.DeletedRegion.EndColumn != 50 || rep.InsertedContent.Text != "optique.monture" {
		t.Errorf("fix %+v", e109.Fixes)
	}
	insert := run.Results[1].Fixes[0]
	if insert.Description.Text != "insert `:`" || insert.ArtifactChanges[0].Replacements[0].DeletedRegion.EndColumn != 20 {
		t.Errorf("inserting fix %+v", insert)
	}
	if run.Results[2].Level != "warning" || run.Results[2].RuleIndex != 2 {
		t.Errorf("warning %+v", run.Results[2])
	}
}

func TestWriteSARIFEmptyRunValidates(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSARIF(&b, nil, SARIFTool{Name: "garantie"}); err != nil {
		t.Fatal(err)
	}
	if err := validateJSON(compileSARIFSchema(t), b.Bytes()); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if !strings.Contains(b.String(), `"results": []`) {
		t.Errorf("a run without results must say so with an empty array:\n%s", b.String())
	}
}

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return schema
}

func validateJSON(schema *jsonschema.Schema, data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return schema.Validate(inst)
}

func TestWriteGitHub(t *testing.T) {
	var b bytes.Buffer
	if err := WriteGitHub(&b, ciDiagnostics()); err != nil {
		t.Fatal(err)
	}
	want := "::error file=dir 1/a%2Cb%3Ac.garantie,line=2,col=36,endLine=2,endColumn=50,title=E109::unknown poste optique.montre; did you mean \"optique.monture\"?%0Ahint: use a code of the nomenclature\n" +
		"::error file=dir 1/a%2Cb%3Ac.garantie,line=3,col=20,endLine=3,endColumn=21,title=P005::missing ':' after the poste\n" +
		"::warning file=dir 1/a%2Cb%3Ac.garantie,line=3,col=21,endLine=3,endColumn=30,title=L201::100%25 of a line,%0D%0Athen 50%25: useless <limit> & more\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("annotations (-want +got):\n%s", diff)
	}

	// A range over several lines gives no columns, which GitHub would
	// ignore; a diagnostic without position names the file alone.
	b.Reset()
	multi := Range{Start: Pos{Line: 2, Col: 5}, End: Pos{Line: 4, Col: 2}}
	if err := WriteGitHub(&b, Diagnostics{{File: "f", Range: multi, Code: "E1", Message: "m"}, {File: "f", Severity: Warning, Code: "W1", Message: "n"}}); err != nil {
		t.Fatal(err)
	}
	if want := "::error file=f,line=2,endLine=4,title=E1::m\n::warning file=f,title=W1::n\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestWriteJUnit(t *testing.T) {
	clean := "clean.garantie"
	files := []string{ciFile, clean}
	for _, c := range []struct {
		failAt   Severity
		failures int
	}{{Error, 2}, {Warning, 3}} {
		var b bytes.Buffer
		if err := WriteJUnit(&b, files, ciDiagnostics(), ciSource, c.failAt); err != nil {
			t.Fatal(err)
		}
		validateJUnit(t, b.Bytes())

		var doc struct {
			Tests    int `xml:"tests,attr"`
			Failures int `xml:"failures,attr"`
			Suites   []struct {
				Name  string `xml:"name,attr"`
				Tests int    `xml:"tests,attr"`
				Cases []struct {
					Name    string `xml:"name,attr"`
					Failure *struct {
						Type    string `xml:"type,attr"`
						Message string `xml:"message,attr"`
						Text    string `xml:",chardata"`
					} `xml:"failure"`
					SystemOut string `xml:"system-out"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
		}
		if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Tests != 4 || doc.Failures != c.failures || len(doc.Suites) != 2 {
			t.Fatalf("fail at %s: tests %d, failures %d, suites %d; want 4, %d, 2\n%s", c.failAt, doc.Tests, doc.Failures, len(doc.Suites), c.failures, b.String())
		}
		first := doc.Suites[0].Cases[0]
		if first.Name != ciFile+":2:36 E109" || first.Failure == nil || first.Failure.Type != "E109" ||
			!strings.Contains(first.Failure.Text, "optique.monture: forfait 10€ / an; optique.montre: 1\n"+strings.Repeat(" ", 4+35)+"^^^^^^^^^^^^^^") {
			t.Errorf("first testcase %+v", first)
		}
		warning := doc.Suites[0].Cases[2]
		// CDATA keeps the text as is, but XML reads CR LF as LF.
		if (warning.Failure != nil) != (c.failAt == Warning) || c.failAt == Error && !strings.Contains(warning.SystemOut, "warning: 100% of a line,\nthen 50%: useless <limit> & more [L201]") {
			t.Errorf("fail at %s: warning testcase %+v", c.failAt, warning)
		}
		if s := doc.Suites[1]; s.Name != clean || s.Tests != 1 || s.Cases[0].Name != "check" || s.Cases[0].Failure != nil {
			t.Errorf("clean file's suite %+v", s)
		}
	}
}

// TestWriteJUnitControlCharacters checks that bytes XML cannot hold, in a
// quoted source line, do not make the document invalid.
func TestWriteJUnitControlCharacters(t *testing.T) {
	src := Source{"f": []byte("contrat \"X\"\nsoins:\x00 100%\x1b \xff BRSS\n")}
	ds := Diagnostics{{File: "f", Range: at(2, 7, 8), Code: "P001", Message: "unexpected character '\x00'"}}
	var b bytes.Buffer
	if err := WriteJUnit(&b, []string{"f"}, ds, src, Error); err != nil {
		t.Fatal(err)
	}
	validateJUnit(t, b.Bytes())
	if !strings.Contains(b.String(), "soins:\uFFFD 100%\uFFFD \uFFFD BRSS") {
		t.Errorf("control characters not replaced:\n%s", b.String())
	}
}

// validateJUnit validates a JUnit document against the vendored
// junit-10.xsd with xmllint (Debian's libxml2-utils, which .ci/run
// installs).
func validateJUnit(t *testing.T, doc []byte) {
	t.Helper()
	xmllint := lookXmllint(t)
	path := filepath.Join(t.TempDir(), "junit.xml")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", "junit-10.xsd"), path).CombinedOutput()
	if err != nil {
		t.Fatalf("the JUnit document does not validate against junit-10.xsd: %v\n%s\n%s", err, out, doc)
	}
}

// TestValidateJUnitIsNotVacuous checks that xmllint refuses a document
// the schema forbids (a testsuite without its required counts).
func TestValidateJUnitIsNotVacuous(t *testing.T) {
	xmllint := lookXmllint(t)
	path := filepath.Join(t.TempDir(), "bad.xml")
	if err := os.WriteFile(path, []byte(`<testsuites><testsuite name="x"><testcase name="y" file="z"/></testsuite></testsuites>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", "junit-10.xsd"), path).Run(); err == nil {
		t.Error("xmllint accepts a testsuite without tests, failures and errors")
	}
}

// lookXmllint finds xmllint. Without it the test is skipped on a
// developer's machine, and fails in CI (CI=true), where .ci/run installs
// it.
func lookXmllint(t *testing.T) string {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		msg := "xmllint is not installed (apt-get install libxml2-utils); the JUnit output is not validated against junit-10.xsd"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return xmllint
}
