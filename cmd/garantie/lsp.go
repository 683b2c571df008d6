package main

import (
	"context"
	"fmt"
	"io"
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
	opts := lsp.Options{Today: time.Now(), Debounce: *debounce}
	if err := lsp.Serve(context.Background(), stdio{stdin, stdout}, opts); err != nil {
		fmt.Fprintf(stderr, "garantie lsp: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// stdio joins standard input and output into the stream the server
// speaks on. Closing it closes neither: the process ends right after.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }
