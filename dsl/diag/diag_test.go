package diag

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// at returns a range on one line; offsets pretend lines of 100 bytes.
func at(line, col, endCol int) Range {
	return Range{Start: Pos{Offset: 100*line + col, Line: line, Col: col}, End: Pos{Offset: 100*line + endCol, Line: line, Col: endCol}}
}

func TestWriteTextCaretCountsCharacters(t *testing.T) {
	src := Source{"a.garantie": []byte("contrat \"X\"\noptique.monture: forfait 10€ $ / an\n\tsoins: 1\n")}
	ds := Diagnostics{
		{File: "a.garantie", Range: at(2, 30, 31), Severity: Error, Code: "P001", Message: "unexpected character '$'", Hint: "write € or EUR"},
		{File: "a.garantie", Range: at(3, 9, 10), Severity: Warning, Code: "E117", Message: "a number alone"},
	}
	var b bytes.Buffer
	if err := WriteText(&b, ds, src); err != nil {
		t.Fatal(err)
	}
	want := "a.garantie:2:30: error: unexpected character '$' [P001]\n" +
		"    optique.monture: forfait 10€ $ / an\n" +
		"                                 ^\n" +
		"    hint: write € or EUR\n" +
		"a.garantie:3:9: warning: a number alone [E117]\n" +
		"    \tsoins: 1\n" +
		"    \t       ^\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("text rendering (-want +got):\n%s", diff)
	}
}

func TestDedupKeepsOneErrorPerLine(t *testing.T) {
	ds := Diagnostics{
		{File: "f", Range: at(3, 5, 6), Severity: Error, Code: "E2", Message: "second"},
		{File: "f", Range: at(3, 1, 2), Severity: Error, Code: "E1", Message: "first"},
		{File: "f", Range: at(3, 1, 2), Severity: Warning, Code: "W1", Message: "a warning"},
		{File: "f", Range: at(3, 1, 2), Severity: Warning, Code: "W1", Message: "a warning"},
		{File: "f", Range: at(1, 1, 2), Severity: Error, Code: "E3", Message: "other line"},
	}
	got := ds.Dedup()
	var codes []Code
	for _, d := range got {
		codes = append(codes, d.Code)
	}
	if diff := cmp.Diff([]Code{"E3", "E1", "W1"}, codes); diff != "" {
		t.Errorf("Dedup (-want +got):\n%s", diff)
	}
}

func TestLimitKeepsWarnings(t *testing.T) {
	var ds Diagnostics
	for i := range 5 {
		ds = append(ds, Diagnostic{Range: at(i+1, 1, 2), Severity: Error, Code: "E1"})
		ds = append(ds, Diagnostic{Range: at(i+1, 1, 2), Severity: Warning, Code: "W1"})
	}
	got, dropped := ds.Limit(2)
	if !dropped || got.Errors() != 2 || len(got)-got.Errors() != 5 {
		t.Errorf("Limit(2): %d errors, %d warnings, dropped %v", got.Errors(), len(got)-got.Errors(), dropped)
	}
	if _, dropped := ds[:4].Limit(2); dropped {
		t.Error("nothing should be dropped when the errors fit")
	}
}

func TestWriteJSON(t *testing.T) {
	ds := Diagnostics{{File: "f", Range: at(2, 3, 7), Severity: Error, Code: "E109", Message: "unknown poste",
		Fix:     &Edit{Range: at(2, 3, 7), NewText: "optique.monture"},
		Related: &Related{Range: at(1, 1, 5), Message: "the other rule"}}}
	var b bytes.Buffer
	if err := WriteJSON(&b, ds); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Diagnostics []JSONDiagnostic `json:"diagnostics"`
		Errors      int              `json:"errors"`
		Warnings    int              `json:"warnings"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	want := JSONDiagnostic{File: "f", Line: 2, Column: 3, EndLine: 2, EndColumn: 7, Severity: "error", Code: "E109",
		Message: "unknown poste", Fix: &JSONEdit{Line: 2, Column: 3, EndLine: 2, EndColumn: 7, NewText: "optique.monture"},
		Related: &JSONRelated{Line: 1, Column: 1, Message: "the other rule"}}
	if doc.Errors != 1 || doc.Warnings != 0 || len(doc.Diagnostics) != 1 {
		t.Fatalf("document %+v", doc)
	}
	if diff := cmp.Diff(want, doc.Diagnostics[0]); diff != "" {
		t.Errorf("JSON diagnostic (-want +got):\n%s", diff)
	}
}
