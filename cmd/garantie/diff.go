package main

import (
	"fmt"
	"io"
	"slices"

	"garantie/dsl/check"
	"garantie/eval/compare"
	"garantie/eval/encode"
	"garantie/eval/engine"
	"garantie/eval/whatif"
)

func runDiff(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("diff", "A B --claims FILE [--base CONTRACT…] [--scenario FILE] [--format table|json|csv|html|xlsx] [-o FILE]", stderr)
	rf := addRunFlags(fs)
	bases := fs.StringArray("base", nil, "contract evaluated before A and before B (repeat for several layers)")
	format := fs.String("format", "table", "output format: table, json, csv, html or xlsx")
	top := fs.Int("top", 10, "how many of the biggest individual changes to list")
	// Reports, files and scenarios (see diffreport.go).
	scenarioPath := fs.String("scenario", "", "réseau de soins scenario: B is evaluated on the claims it rewrites (docs/scenarios.md)")
	out := addOutputFlags(fs)
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
	stopProfile, ok := rf.start("diff", stderr)
	if !ok {
		return exitUsage
	}
	defer stopProfile()
	if !oneOf(stderr, "format", *format, "table", "json", "csv", "html", "xlsx") || !out.check(stderr, "diff", *format) {
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
	all := slices.Concat(base, sides)
	if needsWholeDiff(*format, *scenarioPath) {
		in := diffInput{a: engines[0], b: engines[1], paths: fs.Args(), bases: *bases, progs: all,
			claimsPath: *rf.claims, top: *top, format: *format, out: out, stdin: stdin, stdout: stdout, err: stderr}
		if *scenarioPath != "" {
			if in.scenario, ok = loadScenario(*scenarioPath, in.progs, stderr); !ok {
				return exitUsage
			}
		}
		return runWholeDiff(in)
	}

	reader, survey, closeClaims, err := openClaimsReader("diff", rf, stdin, stderr)
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
	err = out.write(stdout, func(w io.Writer) error {
		switch *format {
		case "json":
			return encode.DiffJSON(w, rep, fs.Arg(0), fs.Arg(1), *bases)
		case "csv":
			return encode.DiffCSV(w, rep, compare.NewLabels(all...).Of)
		}
		encode.DiffTable(w, rep, fs.Arg(0), fs.Arg(1))
		return encode.WriteLegend(w, postesOf(rep), compare.NewLabels(all...).Of)
	})
	if err != nil {
		fmt.Fprintf(stderr, "garantie diff: %v\n", err)
		return exitUsage
	}
	if rep.RejectedA+rep.RejectedB > 0 {
		fmt.Fprintf(stderr, "garantie diff: %d lines rejected under A, %d under B; they are left out of both sides (see garantie eval)\n", rep.RejectedA, rep.RejectedB)
	}
	return exitOK
}
