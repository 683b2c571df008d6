package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// hook is a pre-commit hook: its id and entry.
type hook struct{ id, entry string }

// readHooks reads the id and entry of each hook of a pre-commit YAML text
// (the two keys this test needs; the files are simple enough for it).
func readHooks(text string) []hook {
	var hooks []hook
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
		if v, ok := strings.CutPrefix(line, "id: "); ok {
			hooks = append(hooks, hook{id: v})
		} else if v, ok := strings.CutPrefix(line, "entry: "); ok && len(hooks) > 0 {
			hooks[len(hooks)-1].entry = v
		}
	}
	return hooks
}

// TestPreCommitHooks runs the entry of each hook of .pre-commit-hooks.yaml
// on files, as pre-commit does (the entry, then the file names), and
// checks that the configuration shown in docs/cli.md uses the same
// entries.
func TestPreCommitHooks(t *testing.T) {
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	hooks := readHooks(string(data))
	entries := map[string]string{}
	for _, h := range hooks {
		entries[h.id] = h.entry
	}
	want := map[string]struct {
		status int    // on a file that checks but is not canonical
		after  string // the file afterwards
	}{
		"garantie-check":   {exitOK, notCanonical},
		"garantie-fmt":     {exitFail, notCanonical},
		"garantie-fmt-fix": {exitOK, canonicalForm},
	}
	if len(hooks) != len(want) {
		t.Errorf("hooks %v, want %d", hooks, len(want))
	}
	for _, h := range hooks {
		w, ok := want[h.id]
		words := strings.Fields(h.entry)
		if !ok || len(words) < 2 || words[0] != "garantie" {
			t.Errorf("unexpected hook %+v", h)
			continue
		}
		clean := writeFile(t, "clean.garantie", canonicalForm)
		if status, out, errOut := runCLI(t, "", append(words[1:], clean)...); status != exitOK {
			t.Errorf("%s on a clean file: status %d\n%s%s", h.id, status, out, errOut)
		}
		path := writeFile(t, "messy.garantie", notCanonical)
		status, out, errOut := runCLI(t, "", append(words[1:], path)...)
		if got, _ := os.ReadFile(path); status != w.status || string(got) != w.after {
			t.Errorf("%s on a non-canonical file: status %d, want %d; file:\n%s\n%s%s", h.id, status, w.status, got, out, errOut)
		}
	}

	docConfig := localConfig(t, "../../docs/cli.md")
	if readme := localConfig(t, "../../README.md"); readme != docConfig {
		t.Errorf("the pre-commit configuration of the README differs from docs/cli.md's, which a test runs:\n%s", readme)
	}
	documented := readHooks(docConfig)
	if len(documented) == 0 {
		t.Fatal("docs/cli.md shows no pre-commit configuration with repo: local")
	}
	for _, h := range documented {
		if entries[h.id] != h.entry {
			t.Errorf("docs/cli.md: hook %s runs %q, .pre-commit-hooks.yaml %q", h.id, h.entry, entries[h.id])
		}
	}
}

// localConfig returns the pre-commit configuration with local hooks that
// a Markdown file shows (its yaml block with "repo: local").
func localConfig(t *testing.T, path string) string {
	t.Helper()
	for _, b := range fencedBlocks(t, path) {
		if b.info == "yaml" && strings.Contains(b.text, "repo: local") {
			return b.text
		}
	}
	t.Fatalf("%s shows no pre-commit configuration with repo: local", path)
	return ""
}

// notCanonical checks clean but is not in canonical form, canonicalForm
// is.
const (
	notCanonical  = "contrat \"X\"\nconsult.generaliste :150 % BRSS\n"
	canonicalForm = "contrat \"X\"\nconsult.generaliste: 150% BRSS\n"
)

// TestPreCommitConfig runs pre-commit itself, when installed, with the
// configuration docs/cli.md shows, in a fresh git repository, with a
// garantie built from this tree on the PATH.
func TestPreCommitConfig(t *testing.T) {
	if testing.Short() {
		t.Skip("builds garantie and runs pre-commit")
	}
	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		msg := "pre-commit is not installed (apt-get install pre-commit); the documented configuration is not run"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	config := localConfig(t, "../../docs/cli.md")
	bin := t.TempDir()
	if out, err := exec.Command("go", "build", "-o", filepath.Join(bin, "garantie"), ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	repo := t.TempDir()
	env := append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "PRE_COMMIT_HOME="+t.TempDir(),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
	sh := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = repo, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	files := map[string]string{
		".pre-commit-config.yaml": config,
		"contrats/messy.garantie": notCanonical,
		"contrats/clean.garantie": cleanContract,
	}
	for name, content := range files {
		os.MkdirAll(filepath.Join(repo, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(repo, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := sh("git", "init", "-q"); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	sh("git", "add", "-A")
	// The messy file is rewritten, which stops the commit.
	if out, err := sh(preCommit, "run", "--all-files"); err == nil || !strings.Contains(out, "files were modified by this hook") {
		t.Errorf("first run: %v, want a failure for the file rewritten:\n%s", err, out)
	}
	if got, _ := os.ReadFile(filepath.Join(repo, "contrats/messy.garantie")); string(got) != canonicalForm {
		t.Errorf("the file was not formatted:\n%s", got)
	}
	// Staged, the result passes.
	sh("git", "add", "-A")
	if out, err := sh(preCommit, "run", "--all-files"); err != nil {
		t.Errorf("second run: %v\n%s", err, out)
	}
	// A contract with an error stops the commit.
	os.WriteFile(filepath.Join(repo, "contrats/broken.garantie"), []byte("contrat \"X\"\noptique.montre: 100% BRSS\n"), 0o644)
	sh("git", "add", "-A")
	if out, err := sh(preCommit, "run", "--all-files"); err == nil || !strings.Contains(out, "[E109]") {
		t.Errorf("run with an error: %v, want a failure naming E109:\n%s", err, out)
	}
}
