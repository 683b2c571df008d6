package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"garantie/eval/claims"
	"garantie/eval/encode"
	"garantie/eval/engine"
)

func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("eval", "CONTRACT [SURCO…] --claims FILE [--format table|csv|json|jsonl|xlsx|parquet] [--explain] [-o FILE]", stderr)
	rf := addRunFlags(fs)
	format := fs.String("format", "table", "output format: table, csv, json, jsonl, xlsx or parquet")
	out := addOutputFlags(fs) // -o and --csv-fr, see output.go
	explain := fs.Bool("explain", false, "explain each line: the rule, each term, each limit and envelope")
	if status, ok := parseFlags(fs, args); !ok {
		return status
	}
	stopProfile, ok := startCPUProfile(*rf.cpuprofile, stderr)
	if !ok {
		return exitUsage
	}
	defer stopProfile()
	if !oneOf(stderr, "format", *format, "table", "csv", "json", "jsonl", "xlsx", "parquet") || !out.check(stderr, "eval", *format) {
		return exitUsage
	}
	if fs.NArg() == 0 || *rf.claims == "" {
		fmt.Fprintln(stderr, "garantie eval: need a contract and --claims FILE")
		fs.Usage()
		return exitUsage
	}
	progs, ok := loadContracts(fs.Args(), stderr)
	if !ok {
		return exitUsage
	}
	eng, err := engine.New(progs, engine.Options{Workers: *rf.workers, Explain: *explain})
	if err != nil {
		fmt.Fprintf(stderr, "garantie eval: %v\n", err)
		return exitUsage
	}

	reader, survey, closeClaims, err := openClaimsReader(*rf.claims, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "garantie eval: %v\n", err)
		return exitUsage
	}
	defer closeClaims()

	var t encode.Totals
	err = out.write(stdout, func(w io.Writer) error {
		rw, err := resultWriter(*format, w, progs, *explain)
		if err != nil {
			return err
		}
		err = eng.Stream(reader, survey, rw.Write)
		if err == nil {
			err = rw.Finish()
		}
		t = rw.Totals()
		return err
	})
	if err != nil {
		fmt.Fprintf(stderr, "garantie eval: %v\n", err)
		return exitUsage
	}
	if t.Rejected > 0 {
		fmt.Fprintf(stderr, "garantie eval: %d of %d lines rejected\n", t.Rejected, t.Lines)
		return exitFail
	}
	return exitOK
}

// readClaims opens a claims file and reads its header. The returned
// function closes the reader and the file. A header error names the file.
func readClaims(path string, stdin io.Reader) (*claims.Reader, engine.StreamOptions, func(), error) {
	in, survey, closeIn, err := openClaims(path, stdin)
	if err != nil {
		return nil, survey, nil, err
	}
	reader, err := claims.NewReader(in)
	if err != nil {
		closeIn()
		return nil, survey, nil, fmt.Errorf("%s: %w", path, err)
	}
	return reader, survey, func() { reader.Close(); closeIn() }, nil
}

// openClaims opens the claims file and surveys it: how far its dates go
// back in time, which lets the engine stream it, and how many lines it
// has. Standard input is read whole: surveying it would mean reading it
// twice.
func openClaims(path string, stdin io.Reader) (r io.Reader, o engine.StreamOptions, closeFn func(), err error) {
	o = engine.Unordered
	if path == "-" {
		return stdin, o, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, o, nil, err
	}
	closeFn = func() { f.Close() }
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return f, o, closeFn, nil
	}
	sv, err := claims.SurveyFile(f, info.Size())
	var herr *claims.HeaderError
	if err != nil && !errors.As(err, &herr) {
		f.Close()
		return nil, o, nil, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, o, nil, err
	}
	return f, engine.StreamOptionsOf(sv), closeFn, nil
}
