package main

import (
	"encoding/csv"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

const specialistContract = `contrat "Spécialistes"
consult.specialiste: 150% BRSS
`

// The DOMAIN.md example: specialist secteur 2, frais 60, base 30, 70%,
// participation forfaitaire 2 €: RO net 19, 150% BRSS pays 24, reste 17.
const specialistClaims = `id,assure,date,poste,frais,base,secteur
c1,a1,2026-03-02,consult.specialiste,60.00,30.00,2
`

func TestEvalJSONL(t *testing.T) {
	contract := writeFile(t, "spec.garantie", specialistContract)
	claims := writeFile(t, "claims.csv", specialistClaims)
	status, out, errOut := runCLI(t, "", "eval", contract, "--claims", claims, "--format", "jsonl")
	if status != exitOK {
		t.Fatalf("status %d, stderr %s", status, errOut)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	want := map[string]any{
		"id": "c1", "assure": "a1", "date": "2026-03-02", "poste": "consult.specialiste",
		"frais": "60.00", "ro": "19.00", "rc": "24.00", "reste": "17.00",
		"couches": []any{"24.00"}, "regle": "spec.garantie:2",
	}
	for k, v := range want {
		if got := rec[k]; !jsonEqual(got, v) {
			t.Errorf("%s = %#v, want %#v", k, got, v)
		}
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func TestEvalRejectedLines(t *testing.T) {
	contract := writeFile(t, "spec.garantie", specialistContract)
	claims := writeFile(t, "claims.csv", `id,assure,date,poste,frais,base
c1,a1,2026-03-02,consult.specialiste,60.00,30.00
c2,a1,2026-02-30,consult.specialiste,60.00,30.00

c3,a1,2026-03-03,consult.specialiste,-5,30.00
c1,a2,2026-03-04,consult.specialiste,60.00,30.00
c4,a1,2026-03-05,consult.inconnu,60.00,30.00
c5,a1,2026-03-06,consult.specialiste,60.00,30.00
`)
	status, out, errOut := runCLI(t, "", "eval", contract, "--claims", claims, "--format", "jsonl")
	if status != exitFail {
		t.Fatalf("status %d, want 1 (some lines rejected); stderr %s", status, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 {
		t.Fatalf("got %d records for 6 non-blank lines:\n%s", len(lines), out)
	}
	type rec struct {
		ID     string `json:"id"`
		Ligne  int    `json:"ligne"`
		Erreur string `json:"erreur"`
		Code   string `json:"code"`
		RC     string `json:"rc"`
	}
	var got []rec
	for _, l := range lines {
		var r rec
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	wants := []struct {
		id     string
		ligne  int
		reason string // "" for an evaluated line
		code   string
	}{
		{"c1", 2, "", ""},
		{"c2", 3, "2026-02-30", "invalid_line"},
		{"c3", 5, "negative", "invalid_line"},
		{"c1", 6, "duplicate id", "duplicate_id"},
		{"c4", 7, "consult.inconnu", "unknown_poste"},
		{"c5", 8, "", ""},
	}
	for i, w := range wants {
		g := got[i]
		if g.ID != w.id || g.Ligne != w.ligne {
			t.Errorf("record %d: id %q line %d, want %q line %d", i, g.ID, g.Ligne, w.id, w.ligne)
		}
		if w.reason == "" && (g.Erreur != "" || g.RC != "24.00") {
			t.Errorf("record %d: want evaluated with RC 24.00, got %+v", i, g)
		}
		if g.Code != w.code {
			t.Errorf("record %d: code %q, want %q", i, g.Code, w.code)
		}
		if w.reason != "" && !strings.Contains(g.Erreur, w.reason) {
			t.Errorf("record %d: error %q does not mention %q", i, g.Erreur, w.reason)
		}
	}
	if !strings.Contains(errOut, "4 of 6 lines rejected") {
		t.Errorf("stderr %q", errOut)
	}
}

func TestEvalFileErrors(t *testing.T) {
	contract := writeFile(t, "spec.garantie", specialistContract)
	badHeader := writeFile(t, "bad.csv", "id,assure,date,poste,frias\n")
	status, out, errOut := runCLI(t, "", "eval", contract, "--claims", badHeader)
	if status != exitUsage || out != "" || !strings.Contains(errOut, "frias") {
		t.Errorf("bad header: status %d, stdout %q, stderr %q", status, out, errOut)
	}
	broken := writeFile(t, "broken.garantie", "contrat \"X\"\nconsult.specialiste: 200%\n")
	claims := writeFile(t, "claims.csv", specialistClaims)
	if status, _, errOut = runCLI(t, "", "eval", broken, "--claims", claims); status != exitUsage || !strings.Contains(errOut, "has errors") {
		t.Errorf("contract with errors: status %d, stderr %q", status, errOut)
	}
	if status, _, _ = runCLI(t, "", "eval", contract); status != exitUsage {
		t.Errorf("no --claims: status %d, want 2", status)
	}
}

func TestEvalJSONTotals(t *testing.T) {
	contract := writeFile(t, "spec.garantie", specialistContract)
	claims := writeFile(t, "claims.csv", specialistClaims+"c2,a1,2026-03-09,consult.specialiste,60.00,30.00,2\n")
	status, out, errOut := runCLI(t, "", "eval", contract, "--claims", claims, "--format", "json")
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	var doc struct {
		Resultats []map[string]any `json:"resultats"`
		Totaux    map[string]any   `json:"totaux"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(doc.Resultats) != 2 || doc.Totaux["rc"] != "48.00" || doc.Totaux["reste"] != "34.00" || doc.Totaux["frais"] != "120.00" {
		t.Errorf("got %d results, totaux %v", len(doc.Resultats), doc.Totaux)
	}
}

// checkConservation asserts frais = ro + rc + reste and rc = Σ couches on
// every evaluated line of a CSV output.
func checkConservation(t *testing.T, out string) {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v", err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for _, row := range rows[1:] {
		if row[col["erreur"]] != "" {
			continue
		}
		d := func(name string) decimal.Decimal { return decimal.RequireFromString(row[col[name]]) }
		if sum := d("ro").Add(d("rc")).Add(d("reste")); !sum.Equal(d("frais")) {
			t.Errorf("line %s: ro %s + rc %s + reste %s != frais %s", row[col["ligne"]], d("ro"), d("rc"), d("reste"), d("frais"))
		}
		couches := decimal.Zero
		for k := 1; ; k++ {
			i, ok := col["rc_"+string(rune('0'+k))]
			if !ok {
				break
			}
			couches = couches.Add(decimal.RequireFromString(row[i]))
		}
		if !couches.Equal(d("rc")) {
			t.Errorf("line %s: couches sum to %s, rc is %s", row[col["ligne"]], couches, d("rc"))
		}
	}
}

// TestEvalDeterministic evaluates a generated portfolio with one and two
// workers, sorted and shuffled (so through the streaming and the
// whole-file paths): every line must get the same result.
func TestEvalDeterministic(t *testing.T) {
	dir := t.TempDir()
	claims := filepath.Join(dir, "claims.csv")
	status, data, errOut := runCLI(t, "", "gen", "--claims", "3000", "--beneficiaries", "200", "--seed", "3")
	if status != exitOK {
		t.Fatalf("gen: %d %s", status, errOut)
	}
	os.WriteFile(claims, []byte(data), 0o644)

	lines := strings.Split(strings.TrimSuffix(data, "\n"), "\n")
	body := lines[1:]
	rng := rand.New(rand.NewPCG(1, 2))
	rng.Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
	shuffled := filepath.Join(dir, "shuffled.csv")
	os.WriteFile(shuffled, []byte(lines[0]+"\n"+strings.Join(body, "\n")+"\n"), 0o644)

	contract := "../../exemples/equilibre.garantie"
	byID := func(file, workers string) map[string]string {
		status, out, errOut := runCLI(t, "", "eval", contract, "--claims", file, "--format", "jsonl", "--workers", workers)
		if status != exitOK {
			t.Fatalf("eval %s: status %d: %s", file, status, errOut)
		}
		m := map[string]string{}
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var r struct {
				ID    string `json:"id"`
				Ligne int    `json:"ligne"`
			}
			json.Unmarshal([]byte(l), &r)
			// The line number differs once shuffled; the rest must not.
			m[r.ID] = strings.Replace(l, `"ligne":`+strconv.Itoa(r.Ligne), "", 1)
		}
		return m
	}
	ref := byID(claims, "1")
	if len(ref) != 3000 {
		t.Fatalf("got %d results", len(ref))
	}
	for _, c := range []struct{ file, workers string }{{claims, "2"}, {claims, "4"}, {shuffled, "1"}, {shuffled, "2"}} {
		got := byID(c.file, c.workers)
		for id, want := range ref {
			if got[id] != want {
				t.Fatalf("%s with %s workers: %s is\n%s\nwant\n%s", filepath.Base(c.file), c.workers, id, got[id], want)
			}
		}
	}

	// Byte-identical output across worker counts.
	_, a, _ := runCLI(t, "", "eval", contract, "--claims", claims, "--format", "csv", "--workers", "1")
	_, b, _ := runCLI(t, "", "eval", contract, "--claims", claims, "--format", "csv", "--workers", "2")
	if a != b {
		t.Error("CSV output differs between 1 and 2 workers")
	}
	checkConservation(t, a)
}
