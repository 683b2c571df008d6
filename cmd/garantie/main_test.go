package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected results stored beside the examples")

// runCLI runs the program in-process and returns its exit status and
// outputs.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status := run(args, strings.NewReader(stdin), &out, &errOut)
	return status, out.String(), errOut.String()
}

// writeFile writes a file in a fresh temporary directory and returns its
// path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestUsage(t *testing.T) {
	if status, _, errOut := runCLI(t, ""); status != exitUsage || !strings.Contains(errOut, "usage: garantie") {
		t.Errorf("no arguments: status %d, stderr %q", status, errOut)
	}
	if status, _, errOut := runCLI(t, "", "frobnicate"); status != exitUsage || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: status %d, stderr %q", status, errOut)
	}
	if status, _, _ := runCLI(t, "", "eval", "--help"); status != exitOK {
		t.Errorf("eval --help: status %d, want 0", status)
	}
}

// TestExemples checks every bundled contract clean, and evaluates every
// bundled claims file against the amounts, motifs and errors of the results
// stored beside it. A claims
// file NAME.csv is evaluated under NAME.garantie; A+B.csv under A then B
// as a surcomplémentaire.
func TestExemples(t *testing.T) {
	contracts, _ := filepath.Glob("../../exemples/*.garantie")
	if len(contracts) < 4 {
		t.Fatalf("found %d example contracts, want at least 4", len(contracts))
	}
	for _, c := range contracts {
		status, out, errOut := runCLI(t, "", "check", c)
		if status != exitOK || out != "" || errOut != "" {
			t.Errorf("check %s: status %d, diagnostics:\n%s%s", c, status, out, errOut)
		}
	}

	claims, _ := filepath.Glob("../../exemples/*.csv")
	var evaluated int
	for _, file := range claims {
		name := strings.TrimSuffix(filepath.Base(file), ".csv")
		if strings.HasSuffix(name, ".resultats") || strings.HasSuffix(name, ".test") {
			continue // expected results, and the tests that garantie test runs
		}
		evaluated++
		t.Run(name, func(t *testing.T) {
			args := []string{"eval"}
			for _, layer := range strings.Split(name, "+") {
				args = append(args, "../../exemples/"+layer+".garantie")
			}
			args = append(args, "--claims", file, "--format", "csv")
			status, out, errOut := runCLI(t, "", args...)
			if status != exitOK {
				t.Fatalf("eval: status %d, stderr:\n%s", status, errOut)
			}
			golden := strings.TrimSuffix(file, ".csv") + ".resultats.csv"
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/garantie -run TestExemples -update)", err)
			}
			// Amounts, motifs and errors only: the rules' positions
			// have their own test, TestExemplesRules, so that moving a
			// rule by a line does not touch every result.
			if got, want := withoutRulePositions(t, out), withoutRulePositions(t, string(want)); got != want {
				t.Errorf("results differ from %s (rule positions left out):\n%s", golden, unifiedDiff(golden, []byte(want), []byte(got)))
			}
			checkConservation(t, out)
		})
	}
	if evaluated < 2 {
		t.Errorf("evaluated %d example claims files, want at least 2", evaluated)
	}

	// The same expected figures as tests of expected reimbursements
	// (X.test.csv, see docs/cli.md): garantie test must pass them all.
	status, out, errOut := runCLI(t, "", "test", "../../exemples")
	if status != exitOK || out != "93 passed, 0 failed\n" {
		t.Errorf("garantie test exemples: status %d, output:\n%s%s", status, out, errOut)
	}
}
