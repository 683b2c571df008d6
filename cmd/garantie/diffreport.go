package main

import (
	"fmt"
	"io"

	"garantie/dsl/check"
	"garantie/eval/compare"
	"garantie/eval/encode"
	"garantie/eval/engine"
	"garantie/eval/report"
	"garantie/eval/scenario"
	"garantie/eval/whatif"
	"garantie/eval/xlsx"
)

// diffInput is what runDiff has read for a comparison made on claims held
// in memory (a scenario, or a report that breaks beneficiaries down).
type diffInput struct {
	a, b        *engine.Engine
	paths       []string // A, B
	bases       []string
	progs       []*check.Program // base layers, then A, then B
	claimsPath  string
	scenario    *scenario.Scenario
	top         int
	format      string
	out         outputFlags
	stdin       io.Reader
	stdout, err io.Writer
}

// needsWholeDiff reports whether diff must hold the claims in memory.
func needsWholeDiff(format, scenarioPath string) bool {
	return scenarioPath != "" || format == "html" || format == "xlsx"
}

// runWholeDiff evaluates A on the claims and B on the claims (rewritten by
// the scenario, if any) and writes the comparison in any format.
func runWholeDiff(in diffInput) int {
	cs, err := readAllClaims("diff", in.claimsPath, in.stdin, in.err)
	if err != nil {
		fmt.Fprintf(in.err, "garantie diff: %v\n", err)
		return exitUsage
	}
	d := compare.CompareTwo(in.a, in.b, cs, in.scenario, in.top)
	labels := compare.NewLabels(in.progs...)
	err = in.out.write(in.stdout, func(w io.Writer) error {
		switch in.format {
		case "json":
			if in.scenario != nil {
				sc := encode.DiffScenario{Name: in.scenario.Name, Seed: in.scenario.Seed, Moved: d.Moved}
				return encode.DiffJSONScenario(w, d.Report, in.paths[0], in.paths[1], in.bases, sc)
			}
			return encode.DiffJSON(w, d.Report, in.paths[0], in.paths[1], in.bases)
		case "csv":
			return encode.DiffCSV(w, d.Report, labels.Of)
		case "html":
			return report.WriteDiff(w, d, diffContracts(in), diffSource(in), labels)
		case "xlsx":
			return xlsx.WriteDiff(w, d, labels)
		}
		encode.DiffTable(w, d.Report, in.paths[0], in.paths[1])
		return encode.WriteLegend(w, postesOf(d.Report), labels.Of)
	})
	if err != nil {
		return writeError(in.err, "diff", err)
	}
	if in.scenario != nil {
		fmt.Fprintf(in.err, "garantie diff: scenario %q moved %d of %d lines into the network (B's side)\n", in.scenario.Name, d.Moved, len(cs))
	}
	if d.RejectedA+d.RejectedB > 0 {
		fmt.Fprintf(in.err, "garantie diff: %d lines rejected under A, %d under B; they are left out of both sides (see garantie eval)\n", d.RejectedA, d.RejectedB)
	}
	return exitOK
}

// postesOf returns the postes of a what-if report.
func postesOf(r whatif.Report) []string {
	var ps []string
	for _, p := range r.Postes {
		ps = append(ps, p.Poste)
	}
	return ps
}

func diffContracts(in diffInput) []report.Contract {
	var cs []report.Contract
	for i, p := range in.bases {
		cs = append(cs, report.ContractOf("base", p, in.progs[i]))
	}
	n := len(in.bases)
	cs = append(cs, report.ContractOf("A", in.paths[0], in.progs[n]), report.ContractOf("B", in.paths[1], in.progs[n+1]))
	return cs
}

func diffSource(in diffInput) report.Source {
	s := report.Source{Claims: in.claimsPath}
	if in.scenario != nil {
		s.Scenario, s.Seed = in.scenario.Name, in.scenario.Seed
	}
	return s
}
