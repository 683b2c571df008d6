package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// withoutRulePositions returns the CSV results out with every regle_k
// column emptied.
func withoutRulePositions(t *testing.T, out string) string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("results are not CSV: %v", err)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, row := range rows {
		row = append([]string(nil), row...)
		for k, name := range rows[0] {
			if strings.HasPrefix(name, "regle_") && k < len(row) {
				row[k] = ""
			}
		}
		if err := w.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	return b.String()
}

// rulesGolden holds, for every line of every example claims file and every
// layer, the rule that paid it, by its text (poste and conditions) rather
// than its line number.
const rulesGolden = "testdata/exemples-regles.golden"

// TestExemplesRules checks which rule pays each line of the examples: the
// regle_k of the results, "file:line", is resolved to the text of the rule
// at that line ("dentaire.implant si anciennete >= 2 ans"), and compared
// with rulesGolden. A rule that moves keeps its text; a line paid by
// another rule is a deliberate change (go test -run TestExemplesRules
// -update).
func TestExemplesRules(t *testing.T) {
	claims, _ := filepath.Glob("../../exemples/*.csv")
	var b strings.Builder
	for _, file := range claims {
		name := strings.TrimSuffix(filepath.Base(file), ".csv")
		if strings.HasSuffix(name, ".resultats") || strings.HasSuffix(name, ".test") {
			continue
		}
		args := []string{"eval"}
		for _, layer := range strings.Split(name, "+") {
			args = append(args, "../../exemples/"+layer+".garantie")
		}
		status, out, errOut := runCLI(t, "", append(args, "--claims", file, "--format", "csv")...)
		if status != exitOK {
			t.Fatalf("eval %s: status %d, stderr:\n%s", name, status, errOut)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows[1:] {
			for k, col := range rows[0] {
				if !strings.HasPrefix(col, "regle_") {
					continue
				}
				fmt.Fprintf(&b, "%s %s %s: %s\n", name, row[0], col, ruleText(t, row[k]))
			}
		}
	}
	if *update {
		if err := os.WriteFile(rulesGolden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(rulesGolden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/garantie -run TestExemplesRules -update)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("the rules that pay the examples changed:\n%s", unifiedDiff(rulesGolden, want, []byte(got)))
	}
}

// ruleText returns the poste and conditions of the rule at pos, "FILE:LINE"
// in ../../exemples, or "-" when pos is empty (no rule applied).
func ruleText(t *testing.T, pos string) string {
	t.Helper()
	if pos == "" {
		return "-"
	}
	file, line, ok := strings.Cut(pos, ":")
	n, err := strconv.Atoi(line)
	if !ok || err != nil {
		t.Fatalf("rule position %q is not FILE:LINE", pos)
	}
	src, err := os.ReadFile(filepath.Join("../../exemples", file))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	if n < 1 || n > len(lines) {
		t.Fatalf("rule position %q is outside %s", pos, file)
	}
	head, _, ok := strings.Cut(lines[n-1], ":")
	if !ok {
		t.Fatalf("line %s is not a rule: %q", pos, lines[n-1])
	}
	return strings.Join(strings.Fields(head), " ")
}
