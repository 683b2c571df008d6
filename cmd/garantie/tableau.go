package main

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
	"strings"

	"garantie/dsl/check"
	"garantie/eval/exemples"
	"garantie/eval/tableau"
)

func runTableau(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("tableau", "CONTRACT… [--format html|md] [-o FILE] [--exemples [--date DATE]]", stderr)
	format := fs.String("format", "html", "output format: html (a self-contained page that prints on A4) or md (Markdown)")
	output := fs.StringP("output", "o", "", "write to this file (atomically) instead of standard output")
	withExemples := fs.Bool("exemples", false, "add the standard reimbursement examples, each contract alone")
	date := fs.String("date", "", "date of care of the examples, YYYY-MM-DD (default: the first contract's effet)")
	if status, ok := parseFlags(fs, args); !ok {
		return status
	}
	if !oneOf(stderr, "format", *format, "html", "md") {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "garantie tableau: need a contract")
		fs.Usage()
		return exitUsage
	}
	sources, ok := loadSources(fs.Args(), stderr)
	if !ok {
		return exitUsage
	}
	t := tableau.Build(sources)
	var section template.HTML
	var markdown strings.Builder
	if *withExemples {
		progs := make([]*check.Program, len(sources))
		for i, s := range sources {
			progs[i] = s.Program
		}
		compare := true
		report, err := exemplesFlags{date: date, compare: &compare}.evaluate(progs)
		if err == nil && *format == "md" {
			err = exemples.WriteMarkdown(&markdown, report)
		} else if err == nil {
			section, err = exemples.Fragment(report)
		}
		if err != nil {
			fmt.Fprintf(stderr, "garantie tableau: %v\n", err)
			return exitUsage
		}
	}
	err := writeOutput(*output, stdout, func(w io.Writer) error {
		if *format == "md" {
			return tableau.WriteMarkdown(w, t, markdown.String())
		}
		return tableau.WriteHTML(w, t, section)
	})
	if err != nil {
		fmt.Fprintf(stderr, "garantie tableau: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// loadSources loads contracts with their source text, printing their
// diagnostics; like loadContracts, a contract with errors fails.
func loadSources(paths []string, stderr io.Writer) ([]tableau.Source, bool) {
	cs, ok := loadChecked(paths, stderr)
	out := make([]tableau.Source, len(cs))
	for i, c := range cs {
		out[i] = tableau.Source{Program: c.program, Src: c.src}
	}
	return out, ok
}

// writeOutput calls write with standard output, or, when path is not
// empty, writes the file at path safely (see writeAtomic): a reader never
// sees half a document, and a failure leaves the old file in place.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	out := func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	if path == "" {
		return out(stdout)
	}
	return writeAtomic(path, out)
}
