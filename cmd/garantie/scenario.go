package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/eval/claims"
	"garantie/eval/engine"
	"garantie/eval/parquet"
	"garantie/eval/scenario"
)

// loadScenario reads and parses a scenario file; postes the programs
// declare are known besides the nomenclature. Its diagnostics go to
// stderr; ok is false on an I/O error or any error in the file.
func loadScenario(path string, progs []*check.Program, stderr io.Writer) (*scenario.Scenario, bool) {
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "garantie: %v\n", err)
		return nil, false
	}
	declared := func(code string) bool {
		for _, p := range progs {
			if slices.ContainsFunc(p.Declared, func(d check.DeclaredPoste) bool { return d.Code == code }) {
				return true
			}
		}
		return false
	}
	s, ds := scenario.Parse(path, src, declared)
	if len(ds) > 0 {
		diag.WriteText(stderr, ds, diag.Source{path: src})
	}
	if ds.HasErrors() {
		fmt.Fprintf(stderr, "garantie: %s has errors\n", path)
		return nil, false
	}
	return s, true
}

// readAllClaims reads a whole claims file into memory.
func readAllClaims(cmd, path string, stdin io.Reader, stderr io.Writer) ([]claims.Claim, error) {
	reader, survey, closeClaims, err := openClaimsReader(cmd, runFlags{claims: &path, tmpdir: new(string)}, stdin, stderr)
	if err != nil {
		return nil, err
	}
	defer closeClaims()
	cs := make([]claims.Claim, 0, survey.Lines)
	for {
		cs, err = reader.Read(cs)
		if errors.Is(err, io.EOF) {
			return cs, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// openClaimsReader opens a claims file: a CSV file, standard input, or a
// Parquet file (by its .parquet extension), whose rows the same reader
// decodes.
func openClaimsReader(cmd string, rf runFlags, stdin io.Reader, stderr io.Writer) (*claims.Reader, engine.StreamOptions, func(), error) {
	if isParquet(*rf.claims) {
		r, o, closeFn, err := parquet.OpenClaims(*rf.claims)
		o.TempDir = *rf.tmpdir
		return r, o, closeFn, err
	}
	return readClaims(cmd, rf, stdin, stderr)
}
