package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUsageErrors runs commands with bad arguments: each must exit 2 with
// a message naming the problem, and write nothing on stdout.
func TestUsageErrors(t *testing.T) {
	contract := writeFile(t, "spec.garantie", specialistContract)
	claims := writeFile(t, "claims.csv", specialistClaims)
	broken := writeFile(t, "broken.garantie", "contrat \"X\"\nconsult.specialiste: 200%\n")
	for _, c := range []struct {
		name string
		args []string
		msg  string
	}{
		{"gen bad date", []string{"gen", "--from", "2026-13-01"}, "YYYY-MM-DD"},
		{"gen to before from", []string{"gen", "--from", "2026-06-01", "--to", "2026-01-01"}, "before"},
		{"gen no beneficiary", []string{"gen", "--beneficiaries", "0"}, "--beneficiaries"},
		{"gen stray argument", []string{"gen", "extra"}, `unexpected argument "extra"`},
		{"diff one contract", []string{"diff", contract, "--claims", claims}, "two contracts"},
		{"diff broken contract", []string{"diff", contract, broken, "--claims", claims}, "has errors"},
		{"diff bad format", []string{"diff", contract, contract, "--claims", claims, "--format", "xml"}, "--format"},
		{"eval unwritable profile", []string{"eval", contract, "--claims", claims, "--cpuprofile", "/nonexistent/dir/cpu.prof"}, "nonexistent"},
		{"fmt exclusive flags", []string{"fmt", "-l", "-w", contract}, "exclude each other"},
		{"fmt -w without files", []string{"fmt", "-w"}, "needs files"},
		{"unknown flag", []string{"eval", contract, "--claims", claims, "--frmat", "csv"}, "frmat"},
		{"check bad format", []string{"check", "--format", "xml", contract}, "--format must be one of text, json, sarif, github, junit"},
		{"check bad fail level", []string{"check", "--fail-level", "info", contract}, "--fail-level must be one of error, warning"},
		{"check relative docs url", []string{"check", "--format", "sarif", "--docs-url", "docs/diagnostics.md", contract}, "absolute URL"},
		{"check stdin twice", []string{"check", "-", "-"}, "given twice"},
		{"fmt -w stdin", []string{"fmt", "-w", "-"}, "cannot rewrite standard input"},
		{"help two commands", []string{"help", "check", "fmt"}, "usage: garantie help"},
		{"help unknown command", []string{"help", "lint"}, `unknown command "lint"`},
		{"version argument", []string{"version", "now"}, `unexpected argument "now"`},
		{"mistyped command", []string{"chekc"}, `did you mean "check"?`},
		{"eval too many workers", []string{"eval", contract, "--claims", claims, "--workers", "100000"}, "--workers"},
		{"eval negative workers", []string{"eval", contract, "--claims", claims, "--workers", "-1"}, "--workers"},
		{"diff too many workers", []string{"diff", contract, contract, "--claims", claims, "--workers", "1000000"}, "--workers"},
		{"diff negative top", []string{"diff", contract, contract, "--claims", claims, "--top", "-1"}, "--top"},
		{"eval shard out of range", []string{"eval", contract, "--claims", claims, "--shard", "3/2"}, "--shard"},
		{"eval shard not K/N", []string{"eval", contract, "--claims", claims, "--shard", "half"}, "--shard"},
		{"eval bad memory", []string{"eval", contract, "--claims", claims, "--memory", "lots"}, "--memory"},
		{"eval tiny memory", []string{"eval", contract, "--claims", claims, "--memory", "1MiB"}, "16MiB"},
		{"diff negative memory", []string{"diff", contract, contract, "--claims", claims, "--memory", "-5MiB"}, "--memory"},
		{"compare too many workers", []string{"compare", contract, "--claims", claims, "--workers", "100000"}, "--workers"},
		{"compare shard", []string{"compare", contract, "--claims", claims, "--shard", "1/2"}, "unknown flag: --shard"},
		{"eval missing tmpdir", []string{"eval", contract, "--claims", claims, "--tmpdir", "/nonexistent/dir"}, "--tmpdir"},
	} {
		status, out, errOut := runCLI(t, "", c.args...)
		if status != exitUsage || out != "" || !strings.Contains(errOut, c.msg) {
			t.Errorf("%s: status %d, stdout %q, stderr %q; want 2 and a message with %q", c.name, status, out, errOut, c.msg)
		}
	}
}

// TestCPUProfile checks that --cpuprofile writes a profile.
func TestCPUProfile(t *testing.T) {
	contract := writeFile(t, "spec.garantie", specialistContract)
	claims := writeFile(t, "claims.csv", specialistClaims)
	prof := filepath.Join(t.TempDir(), "cpu.prof")
	if status, _, errOut := runCLI(t, "", "eval", contract, "--claims", claims, "--format", "csv", "--cpuprofile", prof); status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	if info, err := os.Stat(prof); err != nil || info.Size() == 0 {
		t.Errorf("no profile written: %v", err)
	}
}
