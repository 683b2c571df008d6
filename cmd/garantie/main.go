// Command garantie checks, formats and evaluates .garantie contracts.
//
// Usage:
//
//	garantie check [--format text|json|sarif|github|junit] [--fail-level error|warning] [FILE|DIR|-]…
//	garantie fmt [-l|-w|-d] [FILE|DIR|-]…
//	garantie eval CONTRACT [SURCO…] --claims FILE [--format table|csv|json|jsonl] [--explain]
//	garantie diff A B --claims FILE [--base CONTRACT…] [--format table|json]
//	garantie gen --claims N --beneficiaries M [--seed S] [--from DATE --to DATE]
//	garantie version
//	garantie help [COMMAND]
//
// See docs/cli.md for the whole guide.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
)

// Exit statuses shared by every command.
const (
	exitOK          = 0
	exitFail        = 1   // errors in contracts, rejected lines, files to format
	exitUsage       = 2   // usage, I/O, contract or header errors
	exitInterrupted = 130 // SIGINT or SIGTERM: the output is incomplete
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go exitOnInterrupt(ctx, os.Stderr)
	status := runContext(ctx, os.Args[1:], os.Stdin, guardedWriter{os.Stdout}, os.Stderr)
	output.Lock() // the handler can no longer exit with another status
	os.Exit(status)
}

// runFunc runs a command with its arguments. The context is cancelled when
// the program is interrupted; a command that notices it stops and returns
// exitInterrupted.
type runFunc func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int

// withoutContext adapts a command that does not watch for interruption;
// main's handler stops it between two writes.
func withoutContext(f func(args []string, stdin io.Reader, stdout, stderr io.Writer) int) runFunc {
	return func(_ context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
		return f(args, stdin, stdout, stderr)
	}
}

// run is the whole program: it parses args, runs a command and returns the
// exit status. It never calls os.Exit, so tests run it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdin, stdout, stderr)
}

// runContext is run with a context that is cancelled on interruption.
func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	if name == "-h" || name == "--help" {
		name = "help"
	}
	c, ok := lookup(name)
	if !ok {
		fmt.Fprintf(stderr, "garantie: unknown command %q%s\n", name, suggestCommand(name))
		fmt.Fprintln(stderr, "Run 'garantie help' for the list of commands.")
		return exitUsage
	}
	if wantsHelp(args[1:]) {
		return writeHelp(stdout, stderr, c)
	}
	status := c.run(ctx, args[1:], stdin, stdout, stderr)
	if ctx.Err() != nil && status != exitInterrupted {
		return interrupted(stderr) // a command that did not watch ctx
	}
	return status
}

// wantsHelp reports whether the arguments of a command ask for its help:
// -h or --help before any "--".
func wantsHelp(args []string) bool {
	end := slices.Index(args, "--")
	if end < 0 {
		end = len(args)
	}
	return slices.Contains(args[:end], "-h") || slices.Contains(args[:end], "--help")
}

// usage writes the list of commands.
func usage(w io.Writer) error {
	var b strings.Builder
	b.WriteString("usage: garantie COMMAND [ARGS]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-8s %s\n", c.name, c.summary)
	}
	b.WriteString("\nRun 'garantie help COMMAND' (or 'garantie COMMAND --help') for a command's\n")
	b.WriteString("flags, examples and exit statuses; see docs/cli.md for the whole guide.\n")
	_, err := io.WriteString(w, b.String())
	return err
}
