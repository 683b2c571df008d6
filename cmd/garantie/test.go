package main

import (
	"fmt"
	"io"
	"os"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/eval/testsuite"
)

func runTest(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("test", "[PATH…] [--update] [--format text|junit] [--coverage]", stderr)
	update := fs.Bool("update", false, "rewrite the expected cells that differ with what the engine computes, after showing the diff")
	format := fs.String("format", "text", "output format: text or junit (JUnit XML for CI)")
	coverage := fs.Bool("coverage", false, "per contract, the rules no test chose and the lines a limit stopped")
	if status, ok := parseFlags(fs, args); !ok {
		return status
	}
	if !oneOf(stderr, "format", *format, "text", "junit") {
		return exitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	files, err := testsuite.Find(paths)
	if err != nil {
		fmt.Fprintf(stderr, "garantie test: %v\n", err)
		return exitUsage
	}
	if len(files) == 0 {
		fmt.Fprintf(stderr, "garantie test: no *%s file in %v\n", testsuite.Suffix, paths)
		return exitUsage
	}
	outcomes := runTestFiles(files, stderr)

	if *format == "junit" {
		if err := testsuite.WriteJUnit(stdout, outcomes); err != nil {
			fmt.Fprintf(stderr, "garantie test: %v\n", err)
			return exitUsage
		}
	} else {
		testsuite.WriteFailures(stdout, outcomes)
	}
	if *coverage {
		testsuite.WriteCoverage(stdout, testsuite.CoverageOf(outcomes))
	}
	passed, failed := testsuite.Totals(outcomes)
	if *format == "text" {
		fmt.Fprintf(stdout, "%d passed, %d failed\n", passed, failed)
	}
	if *update {
		return updateTests(outcomes, stdout, stderr)
	}
	if failed > 0 {
		return exitFail
	}
	return exitOK
}

// runTestFiles runs each test file under its contracts, loading each
// contract once. A missing contract or one with errors fails its files.
func runTestFiles(files []string, stderr io.Writer) []*testsuite.Outcome {
	type load struct {
		c   *contract
		err error
	}
	loaded := map[string]load{}
	var outcomes []*testsuite.Outcome
	for _, file := range files {
		content, err := os.ReadFile(file)
		if err != nil {
			outcomes = append(outcomes, &testsuite.Outcome{File: file, Err: err})
			continue
		}
		var layers []*check.Program
		for _, path := range testsuite.Contracts(file) {
			l, seen := loaded[path]
			if !seen {
				l.c, l.err = loadContract(path)
				if l.err == nil && l.c.diags.HasErrors() {
					diag.WriteText(stderr, l.c.diags, diag.Source{l.c.path: l.c.src})
				}
				loaded[path] = l
			}
			c := l.c
			err = l.err
			switch {
			case err != nil:
				err = fmt.Errorf("contract %s: %v (a test file LAYERS[.NAME].test.csv needs each LAYERS.garantie beside it)", path, err)
			case c.diags.HasErrors():
				err = fmt.Errorf("contract %s has errors; run 'garantie check %s'", path, path)
			default:
				layers = append(layers, c.program)
				continue
			}
			break
		}
		if err != nil {
			outcomes = append(outcomes, &testsuite.Outcome{File: file, Err: err})
			continue
		}
		outcomes = append(outcomes, testsuite.Run(file, content, layers))
	}
	return outcomes
}

// updateTests shows the diff of each test file whose expected cells
// change, then rewrites it atomically. It fails only when a file could
// not run or be written: the figures it rewrites are the engine's.
func updateTests(outcomes []*testsuite.Outcome, stdout, stderr io.Writer) int {
	status := exitOK
	for _, o := range outcomes {
		if o.Err != nil {
			status = exitFail
			continue
		}
		if o.Updated == nil {
			continue
		}
		old, err := os.ReadFile(o.File)
		if err == nil {
			fmt.Fprint(stdout, unifiedDiff(o.File, old, o.Updated))
			err = writeFileAtomic(o.File, o.Updated)
		}
		if err != nil {
			fmt.Fprintf(stderr, "garantie test: %v\n", err)
			status = exitFail
			continue
		}
		fmt.Fprintf(stdout, "updated %s\n", o.File)
	}
	return status
}
