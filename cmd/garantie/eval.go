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
	shard, ok := rf.check("eval", stderr)
	if !ok {
		return exitUsage
	}
	stopProfile, ok := rf.start("eval", stderr)
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

	reader, survey, closeClaims, err := openClaimsReader("eval", rf, stdin, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "garantie eval: %v\n", err)
		return exitUsage
	}
	defer closeClaims()
	survey.Shard = shard

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

// readClaims opens the claims file of --claims and reads its header, and
// returns the options to stream it with. The returned function closes the
// reader and the file. A header error names the file. On a terminal, a
// progress line shows how far the reading has gone until the returned
// function is called.
func readClaims(cmd string, rf runFlags, stdin io.Reader, stderr io.Writer) (*claims.Reader, engine.StreamOptions, func(), error) {
	path := *rf.claims
	in, o, size, closeIn, err := openClaims(path, stdin)
	if err != nil {
		return nil, o, nil, err
	}
	o.TempDir = *rf.tmpdir
	p := startProgress(cmd, stderr, size)
	reader, err := claims.NewReader(p.reader(in))
	if err != nil {
		p.Stop()
		closeIn()
		return nil, o, nil, fmt.Errorf("%s: %w", path, err)
	}
	return reader, o, func() { p.Stop(); reader.Close(); closeIn() }, nil
}

// openClaims opens the claims file and surveys it: how far its dates go
// back in time, which lets the engine stream it, and how many lines it
// has. Standard input is not surveyed (that would mean reading it twice):
// its order is unknown, so the engine sorts it. size is the file's size,
// 0 when unknown.
func openClaims(path string, stdin io.Reader) (r io.Reader, o engine.StreamOptions, size int64, closeFn func(), err error) {
	if path == "-" {
		return stdin, o, 0, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, o, 0, nil, err
	}
	closeFn = func() { f.Close() }
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return f, o, 0, closeFn, nil
	}
	sv, err := claims.SurveyFile(f, info.Size())
	var herr *claims.HeaderError
	if err != nil && !errors.As(err, &herr) {
		f.Close()
		return nil, o, 0, nil, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, o, 0, nil, err
	}
	return f, engine.StreamOptionsOf(sv), info.Size(), closeFn, nil
}
