package main

import (
	"fmt"
	"io"
	"os"

	"garantie/dsl/diag"
)

func runCheck(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[--format text|json] FILE…", stderr)
	format := fs.String("format", "text", "output format: text or json")
	if status, ok := parseFlags(fs, args); !ok {
		return status
	}
	if !oneOf(stderr, "format", *format, "text", "json") {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "garantie check: no files given")
		fs.Usage()
		return exitUsage
	}

	// Every file is checked, even after one fails. Files are checked in
	// parallel, keeping only what the report needs, and reported in the
	// order given.
	type checked struct {
		src   []byte
		diags diag.Diagnostics
		err   error
	}
	paths := fs.Args()
	results := make([]checked, len(paths))
	forEachParallel(len(paths), func(i int) {
		if c, err := loadContract(paths[i]); err != nil {
			results[i].err = err
		} else {
			results[i] = checked{src: c.src, diags: c.diags}
		}
	})

	status := exitOK
	var all diag.Diagnostics
	src := diag.Source{}
	for i, path := range paths {
		c := results[i]
		if c.err != nil {
			fmt.Fprintf(stderr, "garantie check: %v\n", c.err)
			status = exitUsage
			continue
		}
		ds, dropped := c.diags.Limit(maxErrors)
		if dropped && *format == "text" {
			defer fmt.Fprintf(stderr, "%s: too many errors; only the first %d are shown\n", path, maxErrors)
		}
		if ds.HasErrors() && status == exitOK {
			status = exitFail
		}
		all = append(all, ds...)
		src[path] = c.src
	}

	var err error
	if *format == "json" {
		err = diag.WriteJSON(stdout, all)
	} else {
		err = diag.WriteText(stdout, all, src)
	}
	if err != nil {
		fmt.Fprintf(stderr, "garantie check: %v\n", err)
		return exitUsage
	}
	return status
}

// readFile is os.ReadFile, or standard input for "-".
func readFile(path string, stdin io.Reader) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(path)
}
