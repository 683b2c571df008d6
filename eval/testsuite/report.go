package testsuite

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"garantie/dsl/ast"
)

// WriteFailures writes one line per failing test (the file and line, the
// id, each expected value against the engine's) followed by the engine's
// explanation of the line, indented, and one line per file that could not
// run.
func WriteFailures(w io.Writer, outcomes []*Outcome) {
	for _, o := range outcomes {
		if o.Err != nil {
			fmt.Fprintf(w, "%s: %v\n", o.File, o.Err)
		}
		for _, c := range o.Cases {
			if c.Passed() {
				continue
			}
			var parts []string
			for _, m := range c.Mismatches {
				parts = append(parts, fmt.Sprintf("%s: want %s, got %s", m.Column, m.Want, m.Got))
			}
			fmt.Fprintf(w, "%s:%d: %s: %s\n", o.File, c.Line, c.ID, strings.Join(parts, "; "))
			for _, t := range c.Explain {
				fmt.Fprintf(w, "    %s\n", t)
			}
		}
	}
}

// Totals counts the tests that passed and failed in all outcomes.
func Totals(outcomes []*Outcome) (passed, failed int) {
	for _, o := range outcomes {
		p, f := o.Counts()
		passed += p
		failed += f
	}
	return passed, failed
}

// Coverage is what the tests of one contract exercised.
type Coverage struct {
	Contract string // the contract's file
	// Never lists the formula rules no test line chose, "file:line:
	// poste si conditions".
	Never []string
	// Exhausted lists the lines a counter, plafond or forfait stopped:
	// the rule, the motif, the test file and line.
	Exhausted []string
}

// CoverageOf gathers the coverage of the contracts of outcomes, each
// contract once, in the order the outcomes first name them.
func CoverageOf(outcomes []*Outcome) []Coverage {
	var out []Coverage
	index := map[string]int{}
	fired := map[string]map[string]bool{}
	for _, o := range outcomes {
		if o.Err != nil {
			continue
		}
		for k, p := range o.layers {
			name := p.File.Name
			i, ok := index[name]
			if !ok {
				i = len(out)
				index[name] = i
				out = append(out, Coverage{Contract: name})
				fired[name] = map[string]bool{}
			}
			for r := range o.fired[k] {
				fired[name][r] = true
			}
			out[i].Exhausted = append(out[i].Exhausted, o.exhausted[k]...)
		}
	}
	for _, o := range outcomes {
		for _, p := range o.layers {
			i, ok := index[p.File.Name]
			if !ok || out[i].Never != nil {
				continue
			}
			out[i].Never = []string{}
			for _, r := range p.Rules {
				if where := ruleWhere(p, r); r.IsFormula() && !fired[p.File.Name][where] {
					out[i].Never = append(out[i].Never, where+": "+ruleText(r.Node))
				}
			}
		}
	}
	return out
}

// ruleText is a rule's poste and conditions as normalised words.
func ruleText(n *ast.Rule) string {
	if n == nil || n.Poste == nil {
		return "?"
	}
	var segs []string
	for _, s := range n.Poste.Segments {
		segs = append(segs, s.Name)
	}
	s := strings.Join(segs, ".")
	var conds []string
	for _, c := range n.Conditions {
		var words []string
		for _, id := range []*ast.Ident{c.Not, c.Subject, c.Object} {
			if id != nil {
				words = append(words, id.Name)
			}
		}
		if c.Op != nil {
			words = append(words, c.Op.Text)
		}
		if c.Value != nil && c.Value.Number != nil {
			words = append(words, c.Value.Number.Raw)
		}
		conds = append(conds, strings.Join(words, " "))
	}
	if len(conds) > 0 {
		s += " si " + strings.Join(conds, " et ")
	}
	return s
}

// WriteCoverage writes the coverage of each contract.
func WriteCoverage(w io.Writer, cov []Coverage) {
	for _, c := range cov {
		fmt.Fprintf(w, "coverage of %s: %d rule(s) never chosen, %d line(s) stopped by a limit\n", c.Contract, len(c.Never), len(c.Exhausted))
		for _, n := range c.Never {
			fmt.Fprintf(w, "  never chosen: %s\n", n)
		}
		for _, e := range c.Exhausted {
			fmt.Fprintf(w, "  exhausted:    %s\n", e)
		}
	}
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes the outcomes as a JUnit XML report, one testsuite per
// file and one testcase per test line; a file that could not run is one
// testcase with an error.
func WriteJUnit(w io.Writer, outcomes []*Outcome) error {
	var all junitSuites
	for _, o := range outcomes {
		s := junitSuite{Name: o.File}
		if o.Err != nil {
			s.Cases = append(s.Cases, junitCase{Name: "file", Classname: o.File, Error: &junitProblem{Message: o.Err.Error()}})
			s.Errors++
		}
		for _, c := range o.Cases {
			jc := junitCase{Name: fmt.Sprintf("line %d (id %s)", c.Line, c.ID), Classname: o.File}
			if !c.Passed() {
				var parts []string
				for _, m := range c.Mismatches {
					parts = append(parts, fmt.Sprintf("%s: want %s, got %s", m.Column, m.Want, m.Got))
				}
				jc.Failure = &junitProblem{Message: strings.Join(parts, "; "), Text: strings.Join(c.Explain, "\n")}
				s.Failures++
			}
			s.Cases = append(s.Cases, jc)
		}
		s.Tests = len(s.Cases)
		all.Tests += s.Tests
		all.Failures += s.Failures
		all.Errors += s.Errors
		all.Suites = append(all.Suites, s)
	}
	io.WriteString(w, xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
