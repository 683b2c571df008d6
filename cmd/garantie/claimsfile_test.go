package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jsonlRecords decodes the records of eval --format jsonl: id, line and
// reason of rejection.
type jsonlRecord struct {
	ID     string `json:"id"`
	Ligne  int    `json:"ligne"`
	Erreur string `json:"erreur"`
}

func jsonlRecords(t *testing.T, out string) []jsonlRecord {
	t.Helper()
	var recs []jsonlRecord
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r jsonlRecord
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%v: %q", err, l)
		}
		recs = append(recs, r)
	}
	return recs
}

// evalBoth runs eval on the claims from a file and from standard input,
// and checks that both give the same status and output.
func evalBoth(t *testing.T, claims string, extra ...string) (int, string, string) {
	t.Helper()
	contract := writeFile(t, "spec.garantie", specialistContract)
	path := writeFile(t, "claims.csv", claims)
	args := append([]string{"eval", contract, "--format", "jsonl"}, extra...)
	status, out, errOut := runCLI(t, "", append(args, "--claims", path)...)
	status2, out2, errOut2 := runCLI(t, claims, append(args, "--claims", "-")...)
	if status != status2 || out != out2 || strings.ReplaceAll(errOut, path, "-") != errOut2 {
		t.Errorf("file and standard input differ:\nfile: %d %q %q\nstdin: %d %q %q", status, out, errOut, status2, out2, errOut2)
	}
	return status, out, errOut
}

func TestEvalStrayQuote(t *testing.T) {
	var b strings.Builder
	b.WriteString("id;assure;date;poste;frais;base\n")
	b.WriteString("c1;a1;2026-03-02;consult.specialiste;60;\"30\n") // line 2: stray quote
	for range 10 {
		b.WriteString("cx;a1;2026-03-02;consult.specialiste;60;30\n")
	}
	b.WriteString("c12;a1;2026-03-02;consult.specialiste;60;\"30\"\n") // line 13: its first quote closes line 2's
	b.WriteString("c14;a1;2026-03-02;consult.specialiste;60;30\n")
	status, out, errOut := evalBoth(t, b.String())
	if status != exitFail {
		t.Fatalf("status %d, want 1; stderr %s", status, errOut)
	}
	recs := jsonlRecords(t, out)
	want := []jsonlRecord{
		{ID: "c1", Ligne: 2, Erreur: "lines 2-13: base: the quote opened at line 2 column 41 closes on line 13, so these lines were read as one (a stray quote?)"},
		{ID: "c14", Ligne: 14},
	}
	if len(recs) != len(want) || recs[0] != want[0] || recs[1].ID != want[1].ID || recs[1].Ligne != 14 || recs[1].Erreur != "" {
		t.Errorf("records %+v, want %+v", recs, want)
	}
}

func TestEvalArtefact(t *testing.T) {
	claims := "id;assure;date;poste;frais;base\n" +
		"c1;a1;2026-03-02 00:00:00;consult.specialiste;60;30\n" +
		"c2;a1;2026-03-03 00:00:00;consult.specialiste;60;30\n"
	status, out, errOut := evalBoth(t, claims)
	if status != exitUsage || out != "" {
		t.Fatalf("status %d, want 2 and no output; stdout %q", status, out)
	}
	if !strings.Contains(errOut, `column date holds dates with a time of day (line 2: "2026-03-02 00:00:00"`) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("stderr %q, want one line naming the artefact", errOut)
	}
}

func TestEvalExcelExport(t *testing.T) {
	// The sep= hint, DD/MM/YYYY dates and trailing empty columns are read.
	claims := "sep=;\r\nid;assure;date;poste;frais;base;;;\r\nc1;a1;02/03/2026;consult.specialiste;60,00;30,00;;;\r\n"
	status, out, errOut := evalBoth(t, claims)
	if status != exitOK {
		t.Fatalf("status %d, stderr %s", status, errOut)
	}
	if recs := jsonlRecords(t, out); len(recs) != 1 || recs[0].Ligne != 3 || recs[0].Erreur != "" {
		t.Errorf("records %+v", recs)
	}
	// A fraction as taux is a bad line with the hint.
	status, out, _ = evalBoth(t, "id;assure;date;poste;frais;base;taux\nc1;a1;2026-03-02;consult.specialiste;60;30;0,7\n")
	if recs := jsonlRecords(t, out); status != exitFail || len(recs) != 1 || !strings.HasSuffix(recs[0].Erreur, "taux is in percent: 70, not 0,7") {
		t.Errorf("status %d, records %+v", status, recs)
	}
}

// TestEvalLongLine checks that a line longer than any buffer of the
// reader and its survey is one bad line, from a file as from standard
// input, and that the lines after it are evaluated.
func TestEvalLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 65 MiB line")
	}
	var b strings.Builder
	b.WriteString("id;assure;date;poste;frais;base\n")
	b.WriteString("c1;a1;2026-03-02;consult.specialiste;60;30\n")
	b.WriteString("c2;a1;2026-03-02;consult.specialiste;60;")
	b.WriteString(strings.Repeat("3", 65<<20))
	b.WriteString("\nc3;a1;2026-03-03;consult.specialiste;60;30\n")
	contract := writeFile(t, "spec.garantie", specialistContract)
	path := filepath.Join(t.TempDir(), "claims.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{"file", "stdin"} {
		var status int
		var out, errOut string
		if src == "file" {
			status, out, errOut = runCLI(t, "", "eval", contract, "--format", "jsonl", "--claims", path)
		} else {
			status, out, errOut = runCLI(t, b.String(), "eval", contract, "--format", "jsonl", "--claims", "-")
		}
		if status != exitFail {
			t.Fatalf("%s: status %d, want 1; stderr %.300s", src, status, errOut)
		}
		recs := jsonlRecords(t, out)
		if len(recs) != 3 || recs[0].Erreur != "" || recs[2].Erreur != "" || recs[1].Ligne != 3 ||
			recs[1].Erreur != "the line is 68157480 bytes long, more than the 64 KiB a claims line may have" {
			t.Errorf("%s: records %+v", src, recs)
		}
	}
}
