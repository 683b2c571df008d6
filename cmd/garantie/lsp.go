package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"time"

	"garantie/dsl/lsp"
)

// runLsp serves the Language Server Protocol on standard input and
// output until the editor sends "exit" or closes the stream.
func runLsp(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("lsp", "[--stdio] [--debounce DURATION]", stderr)
	fs.Bool("stdio", true, "talk over standard input and output (the only transport; accepted because editors pass it)")
	debounce := fs.Duration("debounce", lsp.DefaultDebounce, "wait after the last change before publishing diagnostics")
	if status, ok := parseFlags(fs, args); !ok {
		return status
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "garantie lsp: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	info, _ := debug.ReadBuildInfo()
	opts := lsp.Options{Today: time.Now(), Debounce: *debounce, Version: serverVersion(info), Example: lspExample}
	if err := lsp.Serve(context.Background(), stdio{stdin, stdout}, opts); err != nil {
		fmt.Fprintf(stderr, "garantie lsp: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// serverVersion is the version the server reports to the editor: the
// module version of the binary ("devel" when it has none) and, when the
// build recorded one, the VCS revision it was built from, as `garantie
// version` prints them.
func serverVersion(info *debug.BuildInfo) string {
	version := "devel"
	if info == nil {
		return version
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		version = v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && s.Value != "" {
			rev := s.Value
			if len(rev) > 12 {
				rev = rev[:12]
			}
			version += " (" + rev + ")"
		}
	}
	return version
}

// stdio joins standard input and output into the stream the server
// speaks on. Closing it closes neither: the process ends right after.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }
