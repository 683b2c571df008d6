package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"garantie/dsl/diag"
	"garantie/dsl/format"
)

func runFmt(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("fmt", "[-l|-w|-d] FILE…", stderr)
	list := fs.BoolP("list", "l", false, "list files whose formatting differs from canonical form")
	write := fs.BoolP("write", "w", false, "write the canonical form back to the files")
	diffs := fs.BoolP("diff", "d", false, "print a unified diff of the changes")
	if status, ok := parseFlags(fs, args); !ok {
		return status
	}
	if n := btoi(*list) + btoi(*write) + btoi(*diffs); n > 1 {
		fmt.Fprintln(stderr, "garantie fmt: -l, -w and -d exclude each other")
		return exitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		if *write {
			fmt.Fprintln(stderr, "garantie fmt: -w needs files")
			return exitUsage
		}
		paths = []string{"-"}
	}

	status := exitOK
	for _, path := range paths {
		src, err := readFile(path, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "garantie fmt: %v\n", err)
			status = exitUsage
			continue
		}
		out, diags := format.Source(path, src)
		if diags.HasErrors() {
			for i := range diags {
				diags[i].File = path
			}
			diag.WriteText(stderr, diags, diag.Source{path: src})
			status = max(status, exitFail)
			continue
		}
		changed := !bytes.Equal(src, out)
		switch {
		case *list:
			if changed {
				fmt.Fprintln(stdout, path)
				status = max(status, exitFail)
			}
		case *diffs:
			if changed {
				io.WriteString(stdout, unifiedDiff(path, src, out))
				status = max(status, exitFail)
			}
		case *write:
			if changed {
				if err := writeFileKeepMode(path, out); err != nil {
					fmt.Fprintf(stderr, "garantie fmt: %v\n", err)
					status = exitUsage
				}
			}
		default:
			stdout.Write(out)
		}
	}
	return status
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// writeFileKeepMode replaces the content of an existing file, keeping its
// permissions.
func writeFileKeepMode(path string, data []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, info.Mode().Perm())
}
