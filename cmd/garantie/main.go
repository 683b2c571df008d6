// Command garantie checks, formats and evaluates .garantie contracts.
//
// Usage:
//
//	garantie check [--format text|json|sarif|github|junit] [--fail-level error|warning] [FILE|DIR|-]…
//	garantie fmt [-l|-w|-d] [FILE|DIR|-]…
//	garantie eval CONTRACT [SURCO…] --claims FILE [--format table|csv|json|jsonl|xlsx|parquet] [--explain] [-o FILE]
//	garantie diff A B --claims FILE [--base CONTRACT…] [--scenario FILE] [--format table|json|csv|html|xlsx] [-o FILE]
//	garantie compare A B[+SURCO] [C…] --claims FILE [--base CONTRACT…] [--scenario FILE] [--format table|json|html] [-o FILE]
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

// command is one subcommand of garantie, and its help: adding a command
// is adding an entry to commands.
type command struct {
	name    string
	summary string // one line, for the list of commands
	run     runFunc
	// description is the help's first paragraphs; examples are command
	// lines, each with an optional "  # comment"; exits are the exit
	// statuses, "N  meaning" each.
	description string
	examples    []string
	exits       []string
}

func commands() []command {
	return []command{
		{
			name: "check", summary: "parse, type-check and lint contracts", run: runCheck,
			description: `Parses, type-checks and lints each contract: unknown postes, misused
quantities, duplicate and ambiguous rules, and for a contract that declares
responsable the obligations of the contrat responsable. A DIR is searched
recursively for .garantie files (hidden folders skipped); - reads standard
input. A trailing comment '# garantie:ignore CODE reason' suppresses CODE on
its line.`,
			examples: []string{
				"garantie check contrats/                       # every contract under contrats/",
				"garantie check --format github contrats/       # annotations in a GitHub Actions job",
				"garantie check --format sarif . > garantie.sarif",
				"garantie check --fail-level warning a.garantie # fail on warnings too",
			},
			exits: []string{
				"0  no diagnostic at the fail level (warnings allowed by default)",
				"1  a diagnostic at the fail level: an error, or with --fail-level warning a warning",
				"2  usage error, or a file could not be read (the others are still checked)",
			},
		},
		{
			name: "fmt", summary: "rewrite contracts in canonical form", run: runFmt,
			description: `Prints each contract in canonical form, lists the files that are not
(-l), shows the changes as a diff (-d) or rewrites the files (-w). A DIR is
searched recursively for .garantie files; with no FILE, or with -, standard
input is formatted to standard output. A file with syntax errors is never
formatted. -w replaces a file only once its new content is safely on disk.`,
			examples: []string{
				"garantie fmt -l contrats/           # which files are not canonical?",
				"garantie fmt -w contrats/           # rewrite them in place",
				"garantie fmt < a.garantie > b.garantie",
			},
			exits: []string{
				"0  success",
				"1  a file has syntax errors, or with -l or -d a file is not canonical",
				"2  usage error, a file could not be read or written",
			},
		},
		{
			name: "eval", summary: "reimburse a claims file under one or more contracts", run: withoutContext(runEval),
			description: `Reimburses every line of a claims file under CONTRACT, then under each
surcomplémentaire SURCO in order. Results are written in input order. A
contract with errors is never evaluated.`,
			examples: []string{
				"garantie eval exemples/equilibre.garantie --claims exemples/equilibre.csv",
				"garantie eval base.garantie surco.garantie --claims soins.csv --format csv > resultats.csv",
				"garantie eval a.garantie --claims soins.csv --format jsonl --explain",
			},
			exits: []string{
				"0  every line was evaluated",
				"1  some lines were rejected (they have error records)",
				"2  usage error, a contract with errors, or an unusable claims header",
			},
		},
		{
			name: "diff", summary: "compare a claims file under two contracts (what-if)", run: withoutContext(runDiff),
			description: `Evaluates a claims file under contract A and under contract B in one pass,
and reports the change per poste, per beneficiary and the biggest
individual changes. --base layers are evaluated before both sides.`,
			examples: []string{
				"garantie diff exemples/essentiel.garantie exemples/equilibre.garantie --claims soins.csv",
				"garantie diff surco-v1.garantie surco-v2.garantie --base essentiel.garantie --claims soins.csv --format json",
			},
			exits: []string{
				"0  the comparison was made",
				"1  some lines were rejected",
				"2  usage error, a contract with errors, or an unusable claims header",
			},
		},
		{
			name: "compare", summary: "compare a range of formulas over one claims file", run: withoutContext(runCompare),
			description: `Evaluates a claims file under each formula A, B, C… (each on top of the
--base layers; BASE+SURCO is a base with a surcomplémentaire) and sums, per formula, the RC, the reste à charge and the
share of lines with no reste à charge: in total, per profile of member
(famille avec enfants, retraité, étudiant, jeune actif, autre; see
docs/reports.md) and per poste. With --scenario, each formula is also
evaluated on the claims the réseau de soins scenario rewrites. A line that
some formula rejects is left out of every column.`,
			examples: []string{
				"garantie compare exemples/essentiel.garantie exemples/equilibre.garantie exemples/serenite.garantie --claims exemples/equilibre.csv",
				"garantie compare essentiel.garantie essentiel.garantie+surco.garantie --claims soins.csv --format json",
				"garantie compare a.garantie b.garantie --claims soins.csv --scenario reseau.scenario --format html -o formules.html",
			},
			exits: []string{
				"0  the comparison was made",
				"2  usage error, a contract or scenario with errors, or an unusable claims header",
			},
		},
		{
			name: "gen", summary: "generate a synthetic claims file", run: withoutContext(runGen),
			description: `Writes a synthetic claims file on standard output, sorted by date, for
demos, tests and benchmarks. The same flags always give the same bytes.`,
			examples: []string{
				"garantie gen --claims 100000 --beneficiaries 5000 > soins.csv",
				"garantie gen --seed 7 --from 2025-01-01 --to 2025-12-31",
			},
			exits: []string{
				"0  the file was written",
				"2  usage error, or the output could not be written",
			},
		},
		{
			name: "tableau", summary: "publish the tableau de garanties of contracts (HTML or Markdown)", run: withoutContext(runTableau),
			description: `Writes the tableau de garanties of one or more contracts side by side, in
the harmonised structure of the UNOCAM commitment (hospitalisation, soins
courants, optique, dentaire, aides auditives, each with its 100% Santé
sub-section), each rule in the wording of published tables. HTML is
self-contained and prints on A4; --exemples adds the standard
reimbursement examples computed by the engine.`,
			examples: []string{
				"garantie tableau exemples/essentiel.garantie exemples/equilibre.garantie exemples/serenite.garantie -o gamme.html",
				"garantie tableau --format md exemples/equilibre.garantie",
				"garantie tableau --exemples exemples/equilibre.garantie -o equilibre.html",
			},
			exits: []string{
				"0  the tableau was written",
				"2  usage error, a contract with errors, or the output could not be written",
			},
		},
		{
			name: "exemples", summary: "evaluate the standard reimbursement examples on contracts", run: withoutContext(runExemples),
			description: `Evaluates the standard reimbursement examples (regles/exemples_standard.csv)
on CONTRACT and its surcomplémentaires SURCO, or with --compare on each
contract alone, and prints price, RO, RC per layer, reste à charge and the
rule that paid. The figures come from the engine.`,
			examples: []string{
				"garantie exemples exemples/equilibre.garantie",
				"garantie exemples --compare exemples/essentiel.garantie exemples/serenite.garantie --format html -o exemples.html",
			},
			exits: []string{
				"0  the examples were evaluated",
				"2  usage error, a contract with errors, or the output could not be written",
			},
		},
		{
			name: "test", summary: "run the tests of expected reimbursements (X.test.csv files)", run: withoutContext(runTest),
			description: `Runs the tests of expected reimbursements: each LAYERS[.NAME].test.csv
beside its contracts is evaluated and its expected columns (rc, reste,
rc_N, motif, regle, erreur) compared with the engine's results. A folder is
searched recursively. --update rewrites the expected columns after showing
the differences; --coverage lists rules that never fired and limits that
were exhausted.`,
			examples: []string{
				"garantie test exemples/",
				"garantie test --format junit contrats/ > garantie-tests.xml",
				"garantie test --coverage exemples/equilibre.test.csv",
			},
			exits: []string{
				"0  every test passed",
				"1  a test failed",
				"2  usage error, a contract with errors, or an unreadable test file",
			},
		},
		{
			name: "version", summary: "print the version and the revision it was built from", run: runVersion,
			description: `Prints the module version, the VCS revision, its time and whether the
work tree had changes, from the build information; and the Go version.
A binary built with 'go run' or outside a repository has no revision.`,
			examples: []string{"garantie version"},
			exits:    []string{"0  always"},
		},
		{
			name: "help", summary: "show the commands, or a command's help", run: runHelp,
			description: `Without argument, lists the commands. With a COMMAND, prints its
description, flags, examples and exit statuses, like 'garantie COMMAND --help'.`,
			examples: []string{"garantie help", "garantie help check"},
			exits: []string{
				"0  the help was printed",
				"2  unknown command",
			},
		},
		{
			name: "lsp", summary: "serve the Language Server Protocol to an editor (stdio)", run: withoutContext(runLsp),
			description: `Speaks the Language Server Protocol over standard input and output, as
editors start it: diagnostics as you type (the codes of check), hover,
completion, formatting, quick fixes, go to definition and the outline. See
docs/editor.md for VS Code, Neovim and Helix.`,
			examples: []string{"garantie lsp", "garantie lsp --debounce 300ms"},
			exits: []string{
				"0  the editor ended the session (shutdown, then exit)",
				"1  the connection failed or exit came without shutdown",
				"2  usage error",
			},
		},
	}
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
	switch name {
	case "-h", "--help":
		name = "help"
	case "--version":
		name = "version"
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
