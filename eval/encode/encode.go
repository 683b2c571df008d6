// Package encode writes evaluation results in the output formats of
// garantie eval (LANGUAGE.md §5): an aligned table for a terminal, CSV,
// JSON, and JSON lines, the normative form of one object per claim line;
// and the reports of a what-if comparison (garantie diff) as a table or
// JSON. Amounts are written with exactly two decimals, as money.Cents
// renders them.
package encode

import (
	"fmt"
	"io"
	"slices"

	"garantie/eval/engine"
	"garantie/eval/money"
)

// Writer writes evaluation results in one output format.
type Writer interface {
	// Write writes a batch of results, in input order.
	Write(rs []engine.Result) error
	// Finish writes what comes after the last result (totals, closing
	// brackets).
	Finish() error
	// Totals returns the sums of the results written so far.
	Totals() Totals
}

// Totals sums the results written so far. A rejected line counts in
// Lines and Rejected only.
type Totals struct {
	Lines, Rejected int
	Frais, ROBrut   money.Cents
	PF, RO, RC      money.Cents
	Reste           money.Cents
	// Couches holds the RC of each layer, in the engine's order.
	Couches []money.Cents
}

func (t *Totals) add(r *engine.Result) {
	t.Lines++
	if r.Err != nil {
		t.Rejected++
		return
	}
	t.Frais += r.Frais
	t.ROBrut += r.ROBrut
	t.PF += r.PF
	t.RO += r.RONet
	t.RC += r.RC
	t.Reste += r.Reste
	for k, c := range r.Couches {
		t.Couches[k] += c.RC
	}
}

// clone returns a copy of t that shares nothing with it.
func (t *Totals) clone() Totals {
	c := *t
	c.Couches = slices.Clone(t.Couches)
	return c
}

// New returns a Writer of results in format: "table" (aligned columns
// with a totals row, for a terminal), "csv", "json" (one document,
// {"resultats":[…],"totaux":{…}}) or "jsonl" (one JSON object per line).
// layers is the number of layers of the engine that evaluated the
// results; explain adds each result's explanation (Result.Trace).
func New(format string, w io.Writer, layers int, explain bool) (Writer, error) {
	t := &Totals{Couches: make([]money.Cents, layers)}
	switch format {
	case "table":
		return &tableWriter{w: w, t: t, layers: layers, explain: explain}, nil
	case "csv":
		return &csvWriter{w: w, t: t, layers: layers, explain: explain}, nil
	case "jsonl":
		return &jsonWriter{w: w, t: t, explain: explain}, nil
	case "json":
		return &jsonWriter{w: w, t: t, explain: explain, wrapped: true}, nil
	}
	return nil, fmt.Errorf("encode: unknown format %q (table, csv, json or jsonl)", format)
}
