package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/dsl/diag/suppress"
	"garantie/dsl/lint"
	"garantie/dsl/parser"
)

// maxErrors is how many errors one file reports before the rest are
// dropped with a note, so a file of garbage does not flood a terminal.
const maxErrors = 50

// contract is a contract file read, parsed, checked and linted.
type contract struct {
	path    string
	src     []byte
	program *check.Program
	diags   diag.Diagnostics
}

// loadContract reads and analyses a contract file. The error is an I/O
// error; problems in the contract are diagnostics. Lint rules run only on
// a file without errors, so one mistake does not cascade into lint
// findings about the rule it broke. The file's "# garantie:ignore"
// comments apply (see package suppress), for every command alike.
func loadContract(path string) (*contract, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return analyse(path, src), nil
}

// forEachParallel calls f(i) for each i in [0, n) on up to GOMAXPROCS
// goroutines. f must only write state owned by its index, so that the
// result does not depend on the schedule.
func forEachParallel(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

func analyse(path string, src []byte) *contract {
	f, diags := parser.Parse(path, src)
	prog, cdiags := check.Check(f, check.Regles())
	diags = append(diags, cdiags...)
	linted := !diags.HasErrors()
	if linted {
		diags = append(diags, lint.Run(prog)...)
	}
	for i := range diags {
		diags[i].File = path
	}
	diags = suppress.Apply(path, src, diags, linted).Dedup()
	return &contract{path: path, src: src, program: prog, diags: diags}
}

// loadContracts loads contracts for eval and diff, printing their
// diagnostics to stderr. It fails (ok false) on an I/O error or when any
// contract has errors: a contract with errors is never evaluated.
func loadContracts(paths []string, stderr io.Writer) ([]*check.Program, bool) {
	cs, ok := loadChecked(paths, stderr)
	progs := make([]*check.Program, len(cs))
	for i, c := range cs {
		progs[i] = c.program
	}
	return progs, ok
}

// loadChecked loads contracts with their source text, printing their
// diagnostics to stderr. It fails (ok false) on an I/O error or when any
// contract has errors; the contracts without errors are returned.
func loadChecked(paths []string, stderr io.Writer) ([]*contract, bool) {
	var out []*contract
	ok := true
	for _, p := range paths {
		c, err := loadContract(p)
		if err != nil {
			fmt.Fprintf(stderr, "garantie: %v\n", err)
			ok = false
			continue
		}
		if c.diags.HasErrors() {
			diag.WriteText(stderr, c.diags, diag.Source{c.path: c.src})
			fmt.Fprintf(stderr, "garantie: %s has errors; run 'garantie check %s'\n", p, p)
			ok = false
			continue
		}
		out = append(out, c)
	}
	return out, ok
}
