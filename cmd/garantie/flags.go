package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"
)

// newFlags returns a flag set for a command that reports errors instead
// of exiting, writing usage to stderr.
func newFlags(name, synopsis string, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: garantie %s %s\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and returns the exit status to use when parsing
// failed or help was asked (ok false).
func parseFlags(fs *pflag.FlagSet, args []string) (status int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	return exitOK, true
}

// oneOf checks that value is among allowed, for --format flags.
func oneOf(stderr io.Writer, flag, value string, allowed ...string) bool {
	if slices.Contains(allowed, value) {
		return true
	}
	fmt.Fprintf(stderr, "garantie: --%s must be one of %s, not %q\n", flag, strings.Join(allowed, ", "), value)
	return false
}
