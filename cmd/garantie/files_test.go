package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFmtDirectoriesAndStdin checks fmt on a folder and on -.
func TestFmtDirectoriesAndStdin(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.garantie", "sub/b.garantie", ".hidden/c.garantie"} {
		path := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(messy), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	status, out, _ := runCLI(t, "", "fmt", "-l", dir)
	if want := filepath.Join(dir, "a.garantie") + "\n" + filepath.Join(dir, "sub/b.garantie") + "\n"; status != exitFail || out != want {
		t.Errorf("fmt -l DIR: status %d, output %q, want %q", status, out, want)
	}
	if status, _, _ := runCLI(t, "", "fmt", "-w", dir); status != exitOK {
		t.Errorf("fmt -w DIR: status %d", status)
	}
	for name, want := range map[string]string{"a.garantie": canonical, "sub/b.garantie": canonical, ".hidden/c.garantie": messy} {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != want {
			t.Errorf("after fmt -w DIR, %s is:\n%s", name, got)
		}
	}

	if status, out, _ := runCLI(t, messy, "fmt", "-"); status != exitOK || out != canonical {
		t.Errorf("fmt -: status %d, output %q", status, out)
	}
	if status, out, _ := runCLI(t, messy, "fmt", "-l", "-"); status != exitFail || out != "<stdin>\n" {
		t.Errorf("fmt -l -: status %d, output %q", status, out)
	}
	if status, out, errOut := runCLI(t, messy, "fmt", "-w", "-"); status != exitUsage || out != "" || !strings.Contains(errOut, "-w cannot rewrite standard input") {
		t.Errorf("fmt -w -: status %d, stdout %q, stderr %q", status, out, errOut)
	}
}

// TestWriteAtomicFailure checks that a write failing half-way leaves the
// original file intact and no temporary file behind.
func TestWriteAtomicFailure(t *testing.T) {
	path := writeFile(t, "c.garantie", messy)
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	diskFull := errors.New("no space left on device")
	err := writeAtomic(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, canonical[:len(canonical)/2]); err != nil {
			return err
		}
		return diskFull
	})
	if !errors.Is(err, diskFull) {
		t.Errorf("error %v, want the writer's", err)
	}
	if got, _ := os.ReadFile(path); string(got) != messy {
		t.Errorf("the original was changed:\n%s", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}

	// A write that succeeds replaces the file and keeps its mode.
	if err := writeFileAtomic(path, []byte(canonical)); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if got, _ := os.ReadFile(path); string(got) != canonical || info.Mode().Perm() != 0o600 {
		t.Errorf("after the write: mode %v, content:\n%s", info.Mode(), got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
}

// TestFmtWriteFollowsSymlinks checks that fmt -w on a symbolic link
// rewrites its target and keeps the link.
func TestFmtWriteFollowsSymlinks(t *testing.T) {
	target := writeFile(t, "c.garantie", messy)
	link := filepath.Join(t.TempDir(), "link.garantie")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	if status, _, errOut := runCLI(t, "", "fmt", "-w", link); status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if got, _ := os.ReadFile(target); string(got) != canonical {
		t.Errorf("the target was not formatted:\n%s", got)
	}
}

// failingWriter accepts n bytes, then fails.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) <= w.n {
		w.n -= len(p)
		return len(p), nil
	}
	n := w.n
	w.n = 0
	return n, errors.New("no space left on device")
}

// TestWriteErrors checks that an output that cannot be written gives a
// message on stderr and exit 2, never a silent success.
func TestWriteErrors(t *testing.T) {
	contract := writeFile(t, "c.garantie", messy)
	broken := writeFile(t, "b.garantie", "contrat \"X\"\nconsult.generaliste 150% BRSS\n")
	for _, args := range [][]string{
		{"fmt", contract},
		{"fmt", "-d", contract},
		{"fmt", "-l", contract},
		{"check", broken},
		{"check", "--format", "json", broken},
		{"check", "--format", "sarif", broken},
		{"check", "--format", "github", broken},
		{"check", "--format", "junit", broken},
		{"help"},
		{"help", "check"},
		{"version"},
	} {
		var errOut strings.Builder
		status := run(args, strings.NewReader(""), &failingWriter{n: 10}, &errOut)
		if status != exitUsage || !strings.Contains(errOut.String(), "writing the output: no space left on device") {
			t.Errorf("%v: status %d, stderr %q; want 2 and the write error", args, status, errOut.String())
		}
	}
}

// TestWriteToDevFull runs fmt with stdout on /dev/full, as in
// garantie fmt x.garantie > /dev/full.
func TestWriteToDevFull(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full on this system")
	}
	defer full.Close()
	contract := writeFile(t, "c.garantie", messy)
	var errOut strings.Builder
	if status := run([]string{"fmt", contract}, strings.NewReader(""), full, &errOut); status != exitUsage || !strings.Contains(errOut.String(), "no space left on device") {
		t.Errorf("status %d, stderr %q; want 2 and ENOSPC", status, errOut.String())
	}
}

// TestFmtWriteUnwritableFolder checks that -w in a folder where no
// temporary file can be created fails with the file untouched.
func TestFmtWriteUnwritableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write in a read-only folder")
	}
	path := writeFile(t, "c.garantie", messy)
	dir := filepath.Dir(path)
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	status, _, errOut := runCLI(t, "", "fmt", "-w", path)
	if got, _ := os.ReadFile(path); status != exitUsage || string(got) != messy || !strings.Contains(errOut, "left unchanged") {
		t.Errorf("status %d, stderr %q, file:\n%s", status, errOut, got)
	}
	if entries, _ := os.ReadDir(dir); !slices.EqualFunc(entries, []string{"c.garantie"}, func(e os.DirEntry, n string) bool { return e.Name() == n }) {
		t.Errorf("files: %v", entries)
	}
}
