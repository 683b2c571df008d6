package testsuite

import (
	"bytes"
	"fmt"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"garantie/dsl/check"
	"garantie/eval/claims"
	"garantie/eval/engine"
	"garantie/eval/money"
)

// Outcome is the run of one test file.
type Outcome struct {
	File string
	// Err is why the file could not run (a bad header, a claims file
	// error); the file then counts as one failed test.
	Err   error
	Cases []Case // one per line with an expected value, in file order
	// Updated is the file with every expected cell that is not empty set
	// to what the engine computed; nil when nothing would change.
	Updated []byte

	layers    []*check.Program
	fired     []map[string]bool // per layer, the rules chosen for a line
	exhausted [][]string        // per layer, "file:line: motif (file line L, id ID)"
}

// Case is one test: a line with expected values.
type Case struct {
	Line       int // in the test file
	ID         string
	Mismatches []Mismatch
	// Explain is the engine's explanation of the line, for a failure.
	Explain []string
}

// Passed reports whether every expected value matched.
func (c Case) Passed() bool { return len(c.Mismatches) == 0 }

// Mismatch is an expected value that did not match.
type Mismatch struct {
	Column, Want, Got string
}

// Counts returns how many tests of the outcome passed and failed; a file
// that could not run is one failure.
func (o *Outcome) Counts() (passed, failed int) {
	if o.Err != nil {
		return 0, 1
	}
	for _, c := range o.Cases {
		if c.Passed() {
			passed++
		} else {
			failed++
		}
	}
	return passed, failed
}

// Run runs a test file (its name and content) under its layers, the
// checked contracts named by Contracts(file), in order.
func Run(file string, content []byte, layers []*check.Program) *Outcome {
	o := &Outcome{File: file, layers: layers}
	f, err := parseFile(content, len(layers))
	if err != nil {
		o.Err = err
		return o
	}
	results, err := evaluate(layers, f.claimsFile())
	if err != nil {
		o.Err = err
		return o
	}
	if len(results) != len(f.records) {
		o.Err = fmt.Errorf("%d results for %d lines", len(results), len(f.records))
		return o
	}
	o.fired = make([]map[string]bool, len(layers))
	o.exhausted = make([][]string, len(layers))
	for k := range o.fired {
		o.fired[k] = map[string]bool{}
	}
	changes := map[int][]string{}
	for i, rec := range f.records {
		r := &results[i]
		o.cover(r, rec.line)
		c, fields := compare(f, rec, r)
		if c == nil {
			continue
		}
		o.Cases = append(o.Cases, *c)
		if fields != nil {
			changes[i] = fields
		}
	}
	if len(changes) > 0 {
		o.Updated = f.rewrite(changes)
	}
	return o
}

// evaluate is the package's one use of the claims reader and the engine.
func evaluate(layers []*check.Program, claimsFile []byte) ([]engine.Result, error) {
	lines, err := claims.ReadAll(bytes.NewReader(claimsFile))
	if err != nil {
		return nil, err
	}
	eng, err := engine.New(layers, engine.Options{Workers: 1, Explain: true})
	if err != nil {
		return nil, err
	}
	return eng.Evaluate(lines), nil
}

// cover records the rules a line chose and the limits that stopped it.
func (o *Outcome) cover(r *engine.Result, line int) {
	for k, c := range r.Couches {
		if c.Regle == "" {
			continue
		}
		o.fired[k][c.Regle] = true
		switch c.Motif {
		case engine.MotifMaxAtteint, engine.MotifPlafondAtteint, engine.MotifForfaitEpuise:
			o.exhausted[k] = append(o.exhausted[k], fmt.Sprintf("%s: %s (%s line %d, id %s)", c.Regle, c.Motif, filepath.Base(o.File), line, r.ID))
		}
	}
}

// compare checks a line against its expected cells. It returns nil for a
// line without expected values, and the line's fields with what the
// engine computed in the expected cells, or nil fields when they hold it
// already.
func compare(f *testFile, rec record, r *engine.Result) (*Case, []string) {
	c := &Case{Line: rec.line, ID: r.ID}
	fields := append([]string(nil), rec.fields...)
	changed, any := false, false
	for _, e := range f.expected {
		want := strings.TrimSpace(rec.fields[e.index])
		if want == "" {
			continue
		}
		any = true
		got, ok := gotValue(e, want, r)
		if !ok {
			c.Mismatches = append(c.Mismatches, Mismatch{Column: e.name, Want: want, Got: got})
		}
		if updated := updatedCell(e, want, got, ok); updated != want {
			fields[e.index] = updated
			changed = true
		}
	}
	if !any {
		return nil, nil
	}
	if r.Err != nil && !expectsError(f, rec) {
		c.Mismatches = append(c.Mismatches, Mismatch{Column: "erreur", Want: "(evaluated)", Got: r.Err.Message})
	}
	if !c.Passed() {
		c.Explain = r.Trace
	}
	if !changed {
		return c, nil
	}
	return c, fields
}

func expectsError(f *testFile, rec record) bool {
	for _, e := range f.expected {
		if e.kind == colErreur && strings.TrimSpace(rec.fields[e.index]) != "" {
			return true
		}
	}
	return false
}

// gotValue is the engine's value for an expected column, and whether it
// matches want.
func gotValue(e expected, want string, r *engine.Result) (string, bool) {
	if e.kind == colErreur {
		if r.Err == nil {
			return "(evaluated)", false
		}
		return r.Err.Message, strings.Contains(r.Err.Message, want) || r.Err.Code.String() == want
	}
	if r.Err != nil {
		return "(rejected: " + r.Err.Message + ")", false
	}
	var got string
	var amount money.Cents
	isAmount := true
	switch e.kind {
	case colRC:
		amount = r.RC
	case colReste:
		amount = r.Reste
	case colCouche:
		amount = r.Couches[e.layer-1].RC
	case colMotif:
		isAmount = false
		got = r.Couches[e.layer-1].Motif.String()
		if got == "" {
			got = "-"
		}
	case colRegle:
		isAmount = false
		got = r.Couches[e.layer-1].Regle
	}
	if !isAmount {
		return got, got == want
	}
	got = amount.String()
	w, err := parseAmount(want)
	return got, err == nil && w == amount
}

// parseAmount reads an expected amount: "9", "9.00" or "9,00".
func parseAmount(s string) (money.Cents, error) {
	d, err := decimal.NewFromString(strings.Replace(s, ",", ".", 1))
	if err != nil {
		return 0, err
	}
	c := d.Shift(2)
	if !c.IsInteger() {
		return 0, fmt.Errorf("%q has more than two decimals", s)
	}
	return money.Cents(c.IntPart()), nil
}

// updatedCell is the value --update writes: what the engine computed, in
// the decimal mark the cell used.
func updatedCell(e expected, want, got string, ok bool) string {
	if ok || e.kind == colErreur || strings.HasPrefix(got, "(") {
		return want
	}
	if (e.kind == colRC || e.kind == colReste || e.kind == colCouche) && strings.Contains(want, ",") {
		return strings.Replace(got, ".", ",", 1)
	}
	return got
}

// ruleWhere names a rule as the engine's results do: "file:line".
func ruleWhere(p *check.Program, r *check.Rule) string {
	return path.Base(filepath.ToSlash(p.File.Name)) + ":" + strconv.Itoa(r.Line)
}
