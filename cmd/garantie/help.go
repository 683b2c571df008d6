package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"garantie/regles"
)

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
