package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"garantie/dsl/check"
	"garantie/eval/compare"
	"garantie/eval/encode"
	"garantie/eval/engine"
	"garantie/eval/report"
	"garantie/eval/scenario"
)

func runCompare(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("compare", "A B[+SURCO] [C…] --claims FILE [--base CONTRACT…] [--scenario FILE] [--format table|json|html] [-o FILE]", stderr)
	rf := addCompareFlags(fs)
	bases := fs.StringArray("base", nil, "contract evaluated under every formula (repeat for several layers)")
	format := fs.String("format", "table", "output format: table, json or html")
	scenarioPath := fs.String("scenario", "", "réseau de soins scenario: every formula also on the claims it rewrites (docs/scenarios.md)")
	out := addOutputFlags(fs)
	if status, ok := parseFlags(fs, args); !ok {
		return status
	}
	if _, ok := rf.check("compare", stderr); !ok {
		return exitUsage
	}
	stopProfile, ok := rf.start("compare", stderr)
	if !ok {
		return exitUsage
	}
	defer stopProfile()
	if !oneOf(stderr, "format", *format, "table", "json", "html") || !out.check(stderr, "compare", *format) {
		return exitUsage
	}
	if fs.NArg() < 1 || *rf.claims == "" {
		fmt.Fprintln(stderr, "garantie compare: need at least one contract and --claims FILE")
		fs.Usage()
		return exitUsage
	}
	base, ok := loadContracts(*bases, stderr)
	if !ok {
		return exitUsage
	}
	var formulas []compare.Formula
	var names []encode.CompareFormula
	var contracts []report.Contract
	for i, p := range base {
		contracts = append(contracts, report.ContractOf("base", (*bases)[i], p))
	}
	var progs []*check.Program
	for _, arg := range fs.Args() {
		paths := formulaFiles(arg)
		stack, ok := loadContracts(paths, stderr)
		if !ok {
			return exitUsage
		}
		progs = append(progs, stack...)
		layers := append(append([]*check.Program(nil), base...), stack...)
		e, err := engine.New(layers, engine.Options{Workers: *rf.workers})
		if err != nil {
			fmt.Fprintf(stderr, "garantie compare: %v\n", err)
			return exitUsage
		}
		var parts []string
		for k, prog := range stack {
			n := prog.Name
			if n == "" {
				n = paths[k]
			}
			parts = append(parts, n)
		}
		name := strings.Join(parts, " + ")
		formulas = append(formulas, compare.Formula{Name: name, Engine: e})
		names = append(names, encode.CompareFormula{File: arg, Name: name})
		for k, prog := range stack {
			contracts = append(contracts, report.ContractOf(name, paths[k], prog))
		}
	}
	all := slices.Concat(base, progs)
	var sc *scenario.Scenario
	if *scenarioPath != "" {
		if sc, ok = loadScenario(*scenarioPath, all, stderr); !ok {
			return exitUsage
		}
	}

	cs, err := readAllClaims("compare", *rf.claims, stdin, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "garantie compare: %v\n", err)
		return exitUsage
	}
	res := compare.Compare(formulas, cs, sc)
	labels := compare.NewLabels(all...)
	src := report.Source{Claims: *rf.claims}
	var jsc *encode.CompareScenario
	if sc != nil {
		src.Scenario, src.Seed = sc.Name, sc.Seed
		jsc = &encode.CompareScenario{Name: sc.Name, Seed: sc.Seed}
	}
	err = out.write(stdout, func(w io.Writer) error {
		switch *format {
		case "json":
			return encode.CompareJSON(w, res, names, jsc)
		case "html":
			return report.WriteCompare(w, res, contracts, src, labels)
		}
		encode.CompareTable(w, res, labels.Of)
		return nil
	})
	if err != nil {
		return writeError(stderr, "compare", err)
	}
	if res.Excluded > 0 {
		fmt.Fprintf(stderr, "garantie compare: %d lines rejected by some formula are left out of every column (see garantie eval)\n", res.Excluded)
	}
	return exitOK
}

// formulaFiles returns the contracts of a formula argument: the file, or
// for "BASE+SURCO" (when no file has that name) the base and the
// surcomplémentaires layered on it, in order.
func formulaFiles(arg string) []string {
	if _, err := os.Stat(arg); err == nil || !strings.Contains(arg, "+") {
		return []string{arg}
	}
	return strings.Split(arg, "+")
}
