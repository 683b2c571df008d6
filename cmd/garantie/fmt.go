package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"

	"garantie/dsl/diag"
	"garantie/dsl/format"
)

func runFmt(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("fmt", "[-l|-w|-d] [FILE|DIR|-]…", stderr)
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
	paths, err := contractFiles(paths)
	if err != nil {
		fmt.Fprintf(stderr, "garantie fmt: %v\n", err)
		return exitUsage
	}
	if *write && slices.Contains(paths, "-") {
		fmt.Fprintln(stderr, "garantie fmt: -w cannot rewrite standard input; without -w the canonical form goes to standard output")
		return exitUsage
	}

	status := exitOK
	for _, path := range paths {
		if ctx.Err() != nil {
			return interrupted(stderr)
		}
		name := path
		if path == "-" {
			name = stdinName
		}
		src, err := readFile(path, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "garantie fmt: %v\n", err)
			status = exitUsage
			continue
		}
		out, diags := format.Source(name, src)
		if diags.HasErrors() {
			for i := range diags {
				diags[i].File = name
			}
			diag.WriteText(stderr, diags, diag.Source{name: src})
			status = max(status, exitFail)
			continue
		}
		changed := !bytes.Equal(src, out)
		switch {
		case *write:
			if changed {
				if err := writeFileAtomic(path, out); err != nil {
					fmt.Fprintf(stderr, "garantie fmt: %s left unchanged: %v\n", path, err)
					status = exitUsage
				}
			}
			continue
		case !changed && (*list || *diffs):
			continue
		case *list:
			_, err = fmt.Fprintln(stdout, name)
		case *diffs:
			_, err = io.WriteString(stdout, unifiedDiff(name, src, out))
		default:
			_, err = stdout.Write(out)
		}
		if err != nil {
			return writeError(stderr, "fmt", err)
		}
		if changed && (*list || *diffs) {
			status = max(status, exitFail)
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
