package main

import (
	"fmt"
	"io"
	"time"

	"garantie/eval/gen"
)

func runGen(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("gen", "--claims N --beneficiaries M [--seed S] [--from DATE --to DATE] [--ids sequential|shuffled] [--order date|shuffled] [--columns classic|full] [-o FILE] [--csv-fr]", stderr)
	claims := fs.Int("claims", 1000, "number of claim lines")
	beneficiaries := fs.Int("beneficiaries", 100, "number of beneficiaries")
	seed := fs.Uint64("seed", 1, "random seed: the same flags always give the same file")
	from := fs.String("from", "2026-01-01", "first date of care, YYYY-MM-DD")
	to := fs.String("to", "2026-12-31", "last date of care, YYYY-MM-DD")
	ids := fs.String("ids", "sequential", "line ids: sequential (increasing down the file) or shuffled (a permutation fixed by the seed)")
	order := fs.String("order", "date", "line order: date (sorted by date) or shuffled (dates in a random order fixed by the seed)")
	columns := fs.String("columns", "classic", "columns: classic, or full to add professionnel, equipement and verres")
	out := addOutputFlags(fs) // -o and --csv-fr, see output.go
	if status, ok := parseFlags(fs, args); !ok {
		return status
	}
	if !oneOf(stderr, "ids", *ids, "sequential", "shuffled") || !oneOf(stderr, "order", *order, "date", "shuffled") ||
		!oneOf(stderr, "columns", *columns, "classic", "full") {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "garantie gen: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if *claims < 0 || *beneficiaries < 1 {
		fmt.Fprintln(stderr, "garantie gen: --claims must be >= 0 and --beneficiaries >= 1")
		return exitUsage
	}
	f, err1 := time.Parse(time.DateOnly, *from)
	t, err2 := time.Parse(time.DateOnly, *to)
	if err1 != nil || err2 != nil {
		fmt.Fprintln(stderr, "garantie gen: --from and --to must be dates written YYYY-MM-DD")
		return exitUsage
	}
	if !out.check(stderr, "gen", "csv") {
		return exitUsage
	}
	o := gen.Options{Claims: *claims, Beneficiaries: *beneficiaries, Seed: *seed, From: f, To: t}
	if *ids == "shuffled" {
		o.IDs = gen.Shuffled
	}
	if *order == "shuffled" {
		o.Order = gen.Shuffled
	}
	if *columns == "full" {
		o.Columns = gen.Full
	}
	write := func(w io.Writer) error { return gen.Write(w, o) }
	var err error
	if isParquet(*out.path) && !*out.csvFr {
		err = writeClaimsParquet(*out.path, write) // -o FILE.parquet
	} else {
		err = out.write(stdout, write)
	}
	if err != nil {
		fmt.Fprintf(stderr, "garantie %v\n", err)
		return exitUsage
	}
	return exitOK
}
