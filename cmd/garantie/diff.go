package main

import (
	"bufio"
	"fmt"
	"io"

	"garantie/dsl/check"
	"garantie/eval/encode"
	"garantie/eval/engine"
	"garantie/eval/whatif"
)

func runDiff(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("diff", "A B --claims FILE [--base CONTRACT…] [--format table|json]", stderr)
	rf := addRunFlags(fs)
	bases := fs.StringArray("base", nil, "contract evaluated before A and before B (repeat for several layers)")
	format := fs.String("format", "table", "output format: table or json")
	top := fs.Int("top", 10, "how many of the biggest individual changes to list")
	if status, ok := parseFlags(fs, args); !ok {
		return status
	}
	shard, ok := rf.check("diff", stderr)
	if !ok {
		return exitUsage
	}
	if *top < 0 {
		fmt.Fprintf(stderr, "garantie diff: --top must be 0 or more, not %d\n", *top)
		return exitUsage
	}
	stopProfile, ok := startCPUProfile(*rf.cpuprofile, stderr)
	if !ok {
		return exitUsage
	}
	defer stopProfile()
	if !oneOf(stderr, "format", *format, "table", "json") {
		return exitUsage
	}
	if fs.NArg() != 2 || *rf.claims == "" {
		fmt.Fprintln(stderr, "garantie diff: need two contracts A and B and --claims FILE")
		fs.Usage()
		return exitUsage
	}
	base, ok := loadContracts(*bases, stderr)
	sides, ok2 := loadContracts(fs.Args(), stderr)
	if !ok || !ok2 {
		return exitUsage
	}
	var engines []*engine.Engine
	for _, side := range sides {
		layers := append(append([]*check.Program(nil), base...), side)
		e, err := engine.New(layers, engine.Options{Workers: *rf.workers})
		if err != nil {
			fmt.Fprintf(stderr, "garantie diff: %v\n", err)
			return exitUsage
		}
		engines = append(engines, e)
	}

	reader, survey, closeClaims, err := readClaims("diff", rf, stdin, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "garantie diff: %v\n", err)
		return exitUsage
	}
	defer closeClaims()
	survey.Shard = shard

	cmp := whatif.NewComparison()
	err = engine.StreamMany(engines, reader, survey, func(rs [][]engine.Result) error {
		cmp.Add(rs[0], rs[1])
		return nil
	})
	if err != nil {
		fmt.Fprintf(stderr, "garantie diff: %v\n", err)
		return exitUsage
	}
	rep := cmp.Report(*top, *format == "json")
	bw := bufio.NewWriter(stdout)
	if *format == "json" {
		err = encode.DiffJSON(bw, rep, fs.Arg(0), fs.Arg(1), *bases)
	} else {
		encode.DiffTable(bw, rep, fs.Arg(0), fs.Arg(1))
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "garantie diff: %v\n", err)
		return exitUsage
	}
	if rep.RejectedA+rep.RejectedB > 0 {
		fmt.Fprintf(stderr, "garantie diff: %d lines rejected under A, %d under B; they are left out of both sides (see garantie eval)\n", rep.RejectedA, rep.RejectedB)
	}
	return exitOK
}
