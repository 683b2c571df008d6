package main

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/pflag"

	"garantie/dsl/check"
	"garantie/eval/exemples"
	"garantie/regles"
)

func runExemples(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("exemples", "CONTRACT [SURCO…] [--compare] [--date DATE] [--format table|csv|json|html|md] [-o FILE]", stderr)
	format := fs.String("format", "table", "output format: table, csv, json, html or md")
	ef := addExemplesFlags(fs)
	output := fs.StringP("output", "o", "", "write to this file (atomically) instead of standard output")
	if status, ok := parseFlags(fs, args); !ok {
		return status
	}
	if !oneOf(stderr, "format", *format, "table", "csv", "json", "html", "md") {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "garantie exemples: need a contract")
		fs.Usage()
		return exitUsage
	}
	progs, ok := loadContracts(fs.Args(), stderr)
	if !ok {
		return exitUsage
	}
	report, err := ef.evaluate(progs)
	if err != nil {
		fmt.Fprintf(stderr, "garantie exemples: %v\n", err)
		return exitUsage
	}
	err = writeOutput(*output, stdout, func(w io.Writer) error { return exemples.Write(w, report, *format) })
	if err != nil {
		fmt.Fprintf(stderr, "garantie exemples: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// exemplesFlags are the flags that choose how the standard examples are
// evaluated, shared by exemples and tableau --exemples.
type exemplesFlags struct {
	date    *string
	compare *bool
}

func addExemplesFlags(fs *pflag.FlagSet) exemplesFlags {
	return exemplesFlags{
		date:    fs.String("date", "", "date of care of the examples, YYYY-MM-DD (default: the first contract's effet)"),
		compare: fs.Bool("compare", false, "evaluate each contract alone, side by side, instead of as layers"),
	}
}

// evaluate evaluates the standard examples of regles on the contracts.
func (f exemplesFlags) evaluate(progs []*check.Program) (*exemples.Report, error) {
	date, err := exemplesDate(*f.date, progs[0])
	if err != nil {
		return nil, err
	}
	return exemples.Evaluate(progs, regles.ExemplesStandard(date), exemples.Options{Date: date, Compare: *f.compare})
}

// exemplesDate is the date given, or else the contract's effet: the
// examples never depend on the clock.
func exemplesDate(flag string, prog *check.Program) (time.Time, error) {
	if flag != "" {
		d, err := time.Parse("2006-01-02", flag)
		if err != nil {
			return time.Time{}, fmt.Errorf("--date %q is not a YYYY-MM-DD date", flag)
		}
		return d, nil
	}
	if prog.Effet == nil {
		return time.Time{}, fmt.Errorf("%s has no effet: give the date of the examples with --date", prog.Name)
	}
	return *prog.Effet, nil
}
