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
		fmt.Fprintln(stderr, strings.TrimSpace("usage: garantie "+name+" "+synopsis))
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
		// With ContinueOnError, pflag returns the error without saying it.
		fmt.Fprintf(fs.Output(), "garantie %s: %v\n", fs.Name(), err)
		fs.Usage()
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

// writeError reports an error writing a command's output and returns
// its exit status: a result that could not be written is not a result.
func writeError(stderr io.Writer, name string, err error) int {
	fmt.Fprintf(stderr, "garantie %s: writing the output: %v\n", name, err)
	return exitUsage
}

// runFlags are the flags that eval and diff share: the claims file, the
// number of workers and the CPU profile.
type runFlags struct {
	claims, cpuprofile *string
	workers            *int
}

func addRunFlags(fs *pflag.FlagSet) runFlags {
	return runFlags{
		claims:     fs.String("claims", "", "claims file (CSV, see docs/cli.md); - for standard input"),
		workers:    fs.Int("workers", 0, "goroutines evaluating families (0: one per core); results do not depend on it"),
		cpuprofile: fs.String("cpuprofile", "", "write a CPU profile of the run to this file (for performance work)"),
	}
}
