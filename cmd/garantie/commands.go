package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"garantie/regles"
)

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
	}
}

// lookup finds a command by name.
func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// suggestCommand renders "; did you mean …?" for a mistyped command, or "".
func suggestCommand(name string) string {
	if len(name) > 30 {
		return ""
	}
	best, bestDist := "", 3
	for _, c := range commands() {
		if d := regles.Distance(strings.ToLower(name), c.name); d < bestDist && d < len(c.name) {
			best, bestDist = c.name, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

func runHelp(_ context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		if err := usage(stdout); err != nil {
			return writeError(stderr, "help", err)
		}
		return exitOK
	case len(args) > 1:
		fmt.Fprintln(stderr, "usage: garantie help [COMMAND]")
		return exitUsage
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(stderr, "garantie help: unknown command %q%s\n", args[0], suggestCommand(args[0]))
		return exitUsage
	}
	return writeHelp(stdout, stderr, c)
}

// writeHelp prints a command's help on stdout. The usage line and flags
// are the command's own: it is run with --help, which every command
// answers by printing them, so they are written in one place.
func writeHelp(stdout, stderr io.Writer, c command) int {
	var flags bytes.Buffer
	if c.name != "help" {
		c.run(context.Background(), []string{"--help"}, strings.NewReader(""), io.Discard, &flags)
	} else {
		flags.WriteString("usage: garantie help [COMMAND]\n")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "garantie %s: %s\n\n", c.name, c.summary)
	b.WriteString(flags.String())
	fmt.Fprintf(&b, "\n%s\n\nExamples:\n", c.description)
	for _, e := range c.examples {
		fmt.Fprintf(&b, "  %s\n", e)
	}
	b.WriteString("\nExit status:\n")
	for _, e := range c.exits {
		fmt.Fprintf(&b, "  %s\n", e)
	}
	fmt.Fprintf(&b, "\nSee docs/cli.md#garantie-%s.\n", c.name)
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		return writeError(stderr, "help", err)
	}
	return exitOK
}
