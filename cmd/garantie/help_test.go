package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

// TestHelp checks that help goes to stdout with exit 0, for the program
// and for every command, in every spelling.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		status, out, errOut := runCLI(t, "", args...)
		if status != exitOK || errOut != "" || !strings.Contains(out, "usage: garantie COMMAND") {
			t.Errorf("%v: status %d, stdout %q, stderr %q", args, status, out, errOut)
		}
		for _, c := range commands() {
			if !strings.Contains(out, "  "+c.name+" ") {
				t.Errorf("%v does not list %s:\n%s", args, c.name, out)
			}
		}
	}
	for _, c := range commands() {
		help := [][]string{{"help", c.name}, {c.name, "--help"}, {c.name, "-h"}}
		var first string
		for _, args := range help {
			status, out, errOut := runCLI(t, "", args...)
			if status != exitOK || errOut != "" {
				t.Errorf("%v: status %d, stderr %q", args, status, errOut)
			}
			for _, want := range []string{"garantie " + c.name + ": ", "usage: garantie " + c.name, "Examples:\n  garantie " + c.name, "Exit status:\n  0  "} {
				if !strings.Contains(out, want) {
					t.Errorf("%v: the help lacks %q:\n%s", args, want, out)
				}
			}
			if first == "" {
				first = out
			} else if out != first {
				t.Errorf("%v differs from %v", args, help[0])
			}
		}
	}
	// The flags listed are the command's own.
	if _, out, _ := runCLI(t, "", "help", "eval"); !strings.Contains(out, "--claims string") || !strings.Contains(out, "--explain") {
		t.Errorf("help eval lacks the flags:\n%s", out)
	}
	// help after "--" is an argument, not a request for help.
	if status, _, _ := runCLI(t, "", "fmt", "--", "--help"); status != exitUsage {
		t.Errorf("fmt -- --help: status %d, want 2 (no file --help)", status)
	}
}

func TestUnknownCommand(t *testing.T) {
	for _, c := range []struct{ arg, want string }{
		{"chek", `unknown command "chek"; did you mean "check"?`},
		{"fomt", `did you mean "fmt"?`},
		{"evaluate", `unknown command "evaluate"`},
		{"versoin", `did you mean "version"?`},
		{"xyzzy", `unknown command "xyzzy"`},
	} {
		status, out, errOut := runCLI(t, "", c.arg)
		if status != exitUsage || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: status %d, stdout %q, stderr %q; want 2 and %q", c.arg, status, out, errOut, c.want)
		}
	}
	if _, _, errOut := runCLI(t, "", "xyzzy"); strings.Contains(errOut, "did you mean") {
		t.Errorf("a suggestion for a word close to nothing: %q", errOut)
	}
	if status, _, errOut := runCLI(t, "", "help", "chek"); status != exitUsage || !strings.Contains(errOut, `did you mean "check"?`) {
		t.Errorf("help chek: status %d, stderr %q", status, errOut)
	}
}

func TestVersion(t *testing.T) {
	status, out, _ := runCLI(t, "", "version")
	if _, alias, _ := runCLI(t, "", "--version"); alias != out {
		t.Errorf("--version gives %q, version %q", alias, out)
	}
	if status != exitOK || !strings.HasPrefix(out, "garantie ") || !strings.Contains(out, "go1.") {
		t.Errorf("version: status %d, output %q", status, out)
	}
	if status, _, _ := runCLI(t, "", "version", "extra"); status != exitUsage {
		t.Errorf("version extra: status %d, want 2", status)
	}

	stamped := &debug.BuildInfo{Main: debug.Module{Path: "garantie", Version: "v1.2.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "63a12f6e0000000000000000000000000000abcd"},
		{Key: "vcs.time", Value: "2026-12-02T10:30:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	if got := versionText(stamped); !strings.HasPrefix(got, "garantie v1.2.0\nrevision 63a12f6e0000000000000000000000000000abcd (2026-12-02T10:30:00Z, modified)\ngo1.") {
		t.Errorf("stamped build:\n%s", got)
	}
	goRun := &debug.BuildInfo{Main: debug.Module{Path: "garantie", Version: "(devel)"}}
	if got := versionText(goRun); !strings.HasPrefix(got, "garantie (devel)\nrevision unknown (built without VCS information") {
		t.Errorf("go run build:\n%s", got)
	}
	if got := versionText(nil); !strings.HasPrefix(got, "garantie (unknown)\n") {
		t.Errorf("no build information:\n%s", got)
	}
}
