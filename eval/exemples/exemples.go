// Package exemples evaluates the standard reimbursement examples of
// package regles (exemples_standard.csv) on contracts, and renders them as
// a text table, CSV, JSON or an HTML page.
//
// Every figure comes from the engine (package eval/engine): each example
// is written as a claims file, read by package eval/claims and evaluated
// like any claim, each example for a beneficiary of its own, so that the
// envelopes of one example never reach another. The package adds the
// lines of an example up and computes nothing else.
package exemples

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"garantie/dsl/check"
	"garantie/eval/claims"
	"garantie/eval/engine"
	"garantie/eval/money"
	"garantie/regles"
)

// Report is the standard examples evaluated on contracts.
type Report struct {
	Date time.Time // the date of care of every example
	// Columns are the evaluations shown side by side: one stack of layers
	// (a contract and its surcomplémentaires), or with Compare each
	// contract alone.
	Columns []Column
	// Layers is the number of layers of each column.
	Layers   int
	Exemples []Exemple
	// Liste says which list the examples are (regles.ExemplesListe).
	Liste string
}

// Column is one evaluation of the examples: the names of its layers.
type Column struct {
	Contrats []string // contrat "NAME" of each layer, in order
}

// Title is the column's name: its layers joined by " + ".
func (c Column) Title() string { return strings.Join(c.Contrats, " + ") }

// Exemple is one example and its evaluation in each column.
type Exemple struct {
	ID        string
	Situation string
	Frais     money.Cents // the sum of its lines
	RONet     money.Cents // what the RO paid, net of deductions
	Results   []Result    // by column
	Source    string
	Confirme  bool
	Note      string // the notes of its lines, joined
}

// Result is what one column paid on an example.
type Result struct {
	RC      money.Cents   // all layers
	Couches []money.Cents // by layer
	Reste   money.Cents
	// Regles are the rules that paid or were chosen, "file:line", one per
	// layer and line, without repeats; Motifs why a layer paid nothing.
	Regles []string
	Motifs []string
	// Err is why the engine rejected a line of the example, "" otherwise.
	Err string
}

// Options say how to evaluate the examples.
type Options struct {
	// Date is the date of care of the examples; it also picks the prices
	// of the dated list. It must be set.
	Date time.Time
	// Compare evaluates each contract alone, side by side, instead of as
	// layers of one stack.
	Compare bool
}

// Evaluate evaluates the examples on the contracts. Without
// Options.Compare the contracts are layers: the first is the
// complémentaire, each next one a surcomplémentaire.
func Evaluate(progs []*check.Program, list []regles.Exemple, o Options) (*Report, error) {
	if len(progs) == 0 {
		return nil, errors.New("exemples: no contract")
	}
	if o.Date.IsZero() {
		return nil, errors.New("exemples: no date of care")
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("exemples: no example in force on %s", o.Date.Format("2006-01-02"))
	}
	lines, err := claims.ReadAll(strings.NewReader(claimsFile(list, o.Date)))
	if err != nil {
		return nil, fmt.Errorf("exemples: %w", err)
	}
	stacks := [][]*check.Program{progs}
	if o.Compare {
		stacks = nil
		for _, p := range progs {
			stacks = append(stacks, []*check.Program{p})
		}
	}
	r := &Report{Date: o.Date, Layers: len(stacks[0]), Liste: regles.ExemplesListe}
	for _, e := range list {
		ex := Exemple{ID: e.ID, Situation: e.Situation, Source: e.Source, Confirme: e.Confirme}
		var notes []string
		for _, l := range e.Lignes {
			if l.Note != "" && !slices.Contains(notes, l.Note) {
				notes = append(notes, l.Note)
			}
		}
		ex.Note = strings.Join(notes, "; ")
		r.Exemples = append(r.Exemples, ex)
	}
	for k, stack := range stacks {
		col := Column{}
		for _, p := range stack {
			col.Contrats = append(col.Contrats, p.Name)
		}
		r.Columns = append(r.Columns, col)
		results, err := evaluate(stack, lines)
		if err != nil {
			return nil, err
		}
		addUp(r, k, lines, results)
	}
	return r, nil
}

// evaluate is the package's one use of the engine.
func evaluate(stack []*check.Program, lines []claims.Claim) ([]engine.Result, error) {
	eng, err := engine.New(stack, engine.Options{Workers: 1})
	if err != nil {
		return nil, fmt.Errorf("exemples: %w", err)
	}
	return eng.Evaluate(lines), nil
}

// addUp adds the results of column k to the examples, line by line: the
// beneficiary of a line is its example's index.
func addUp(r *Report, k int, lines []claims.Claim, results []engine.Result) {
	for i := range r.Exemples {
		r.Exemples[i].Results = append(r.Exemples[i].Results, Result{Couches: make([]money.Cents, r.Layers)})
	}
	for i, res := range results {
		e := &r.Exemples[exampleIndex(lines[i].Assure)]
		out := &e.Results[k]
		if res.Err != nil {
			out.Err = fmt.Sprintf("%s: %s", res.Poste, res.Err.Message)
			continue
		}
		if k == 0 {
			e.Frais += res.Frais
			e.RONet += res.RONet
		}
		out.RC += res.RC
		out.Reste += res.Reste
		for j, c := range res.Couches {
			out.Couches[j] += c.RC
			if c.Regle != "" && !slices.Contains(out.Regles, c.Regle) {
				out.Regles = append(out.Regles, c.Regle)
			}
			if m := c.Motif.String(); m != "" && !slices.Contains(out.Motifs, m) {
				out.Motifs = append(out.Motifs, m)
			}
		}
	}
}

// claimsFile writes the examples as a claims file (LANGUAGE.md §4): one
// beneficiary per example, "e<index>", whose birth date makes them the
// example's age on the date of care.
func claimsFile(list []regles.Exemple, date time.Time) string {
	var b strings.Builder
	b.WriteString("id,assure,date,poste,frais,base,taux,quantite,naissance,optam,secteur,verres,equipement\n")
	day := date.Format("2006-01-02")
	for i, e := range list {
		for j, l := range e.Lignes {
			naissance := date.AddDate(-l.Age, 0, 0).Format("2006-01-02")
			// The lines of an example (a frame and its lenses) are one
			// equipment.
			fmt.Fprintf(&b, "e%d.%d,e%d,%s,%s,%s,%s,%s,%d,%s,%s,%s,%s,e%d\n", i, j+1, i, day, l.Poste,
				l.Frais.StringFixed(2), l.Base.StringFixed(2), l.Taux, l.Quantite, naissance, l.Optam, l.Secteur, l.Verres, i)
		}
	}
	return b.String()
}

// exampleIndex is the inverse of the beneficiary naming of claimsFile.
func exampleIndex(assure string) int {
	var i int
	fmt.Sscanf(assure, "e%d", &i)
	return i
}
