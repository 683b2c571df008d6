// Command garantie checks, formats and evaluates .garantie contracts.
//
// Usage:
//
//	garantie check [--format text|json] FILE…
//	garantie fmt [-l|-w|-d] FILE…
//	garantie eval CONTRACT [SURCO…] --claims FILE [--format table|csv|json|jsonl] [--explain]
//	garantie diff A B --claims FILE [--base CONTRACT…] [--format table|json]
//	garantie gen --claims N --beneficiaries M [--seed S] [--from DATE --to DATE]
//
// See docs/cli.md for the whole guide.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit statuses shared by every command.
const (
	exitOK    = 0
	exitFail  = 1 // errors in contracts, rejected lines, files to format
	exitUsage = 2 // usage, I/O, contract or header errors
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// command is one subcommand of garantie.
type command struct {
	name    string
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"check", "parse, type-check and lint contracts", runCheck},
		{"fmt", "rewrite contracts in canonical form", runFmt},
		{"eval", "reimburse a claims file under one or more contracts", runEval},
		{"diff", "compare a claims file under two contracts (what-if)", runDiff},
		{"gen", "generate a synthetic claims file", runGen},
		{"tableau", "publish the tableau de garanties of contracts (HTML or Markdown)", runTableau},
		{"exemples", "evaluate the standard reimbursement examples on contracts", runExemples},
		{"test", "run the tests of expected reimbursements (X.test.csv files)", runTest},
	}
}

// run is the whole program: it parses args, runs a command and returns the
// exit status. It never calls os.Exit, so tests run it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "garantie: unknown command %q\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: garantie COMMAND [ARGS]")
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-6s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'garantie COMMAND --help' for a command's flags; see docs/cli.md.")
}
