package encode

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"garantie/eval/engine"
)

// tableWriter prints results as an aligned table for a terminal, with a
// totals row, and with explain the explanation under each line. It
// holds the first sizingRows rows to size the columns, then prints as it
// goes, so a large file does not fill memory; a later cell wider than its
// column just pushes the rest of its line.
type tableWriter struct {
	w       io.Writer
	t       *Totals
	layers  int
	explain bool
	rows    [][]string
	traces  [][]string
	widths  []int // set once the columns are sized
}

// sizingRows is how many rows size the columns of the table.
const sizingRows = 10000

// Totals returns the sums of the results written so far.
func (tw *tableWriter) Totals() Totals { return tw.t.clone() }

func (tw *tableWriter) header() []string {
	h := []string{"ID", "ASSURE", "DATE", "POSTE", "FRAIS", "RO", "RC"}
	if tw.layers > 1 {
		for k := 1; k <= tw.layers; k++ {
			h = append(h, fmt.Sprintf("RC%d", k))
		}
	}
	return append(h, "RESTE", "REGLE")
}

// Write writes a batch of results, in input order.
func (tw *tableWriter) Write(rs []engine.Result) error {
	for i := range rs {
		r := &rs[i]
		tw.t.add(r)
		if r.Err != nil {
			row := []string{r.ID, r.Assure, "", r.Poste, "", "", ""}
			if r.Date != 0 {
				row[2] = r.Date.String()
			}
			if tw.layers > 1 {
				row = append(row, make([]string, tw.layers)...)
			}
			row = append(row, "", fmt.Sprintf("line %d rejected: %s", r.Line, r.Err.Message))
			tw.rows = append(tw.rows, row)
			tw.traces = append(tw.traces, nil)
			continue
		}
		row := []string{r.ID, r.Assure, r.Date.String(), r.Poste, r.Frais.String(), r.RONet.String(), r.RC.String()}
		if tw.layers > 1 {
			for _, c := range r.Couches {
				row = append(row, c.RC.String())
			}
		}
		row = append(row, r.Reste.String(), ruleText(r.Couches))
		tw.rows = append(tw.rows, row)
		if tw.explain {
			tw.traces = append(tw.traces, slices.Clone(r.Trace))
		} else {
			tw.traces = append(tw.traces, nil)
		}
	}
	if len(tw.rows) >= sizingRows {
		return tw.flush(false)
	}
	return nil
}

// ruleText names the rule of each layer, or why it paid nothing.
func ruleText(cs []engine.Couche) string {
	parts := make([]string, len(cs))
	for k, c := range cs {
		switch {
		case c.Regle != "" && c.Motif != engine.MotifNone:
			parts[k] = c.Regle + " (" + c.Motif.String() + ")"
		case c.Regle != "":
			parts[k] = c.Regle
		case c.Motif != engine.MotifNone:
			parts[k] = c.Motif.String()
		default:
			parts[k] = "-"
		}
	}
	return strings.Join(parts, " + ")
}

// Finish writes what comes after the last result.
func (tw *tableWriter) Finish() error { return tw.flush(true) }

// flush prints the rows held; the first call sizes the columns and prints
// the header, the last prints the totals.
func (tw *tableWriter) flush(last bool) error {
	head := tw.header()
	var total []string
	if last {
		t := tw.t
		total = []string{"TOTAL", fmt.Sprintf("%d lines", t.Lines), "", "", t.Frais.String(), t.RO.String(), t.RC.String()}
		if tw.layers > 1 {
			for _, c := range t.Couches {
				total = append(total, c.String())
			}
		}
		rejected := ""
		if t.Rejected > 0 {
			rejected = fmt.Sprintf("%d rejected", t.Rejected)
		}
		total = append(total, t.Reste.String(), rejected)
	}

	var b strings.Builder
	sized := tw.widths != nil
	numeric := func(i int) bool { return i >= 4 && i < len(head)-1 }
	if !sized {
		tw.widths = make([]int, len(head))
		for _, row := range append(append([][]string{head}, tw.rows...), total) {
			for i, cell := range row {
				tw.widths[i] = max(tw.widths[i], utf8.RuneCountInString(cell))
			}
		}
		if !last {
			// More rows are coming, and totals wider than any row: leave
			// room for amounts up to 999,999,999.99.
			for i := range tw.widths {
				if numeric(i) {
					tw.widths[i] = max(tw.widths[i], len("999999999.99"))
				}
			}
		}
	}
	widths := tw.widths
	var cells []byte
	line := func(row []string) {
		cells = cells[:0]
		for i, cell := range row {
			pad := strings.Repeat(" ", max(0, widths[i]-utf8.RuneCountInString(cell)))
			switch {
			case i == len(row)-1:
				cells = append(cells, cell...)
			case numeric(i):
				cells = append(append(append(cells, pad...), cell...), "  "...)
			default:
				cells = append(append(append(cells, cell...), pad...), "  "...)
			}
		}
		b.Write(bytes.TrimRight(cells, " "))
		b.WriteString("\n")
	}
	rule := func() {
		n := 0
		for _, w := range widths[:len(widths)-1] {
			n += w + 2
		}
		b.WriteString(strings.Repeat("-", n+widths[len(widths)-1]) + "\n")
	}
	if !sized {
		line(head)
		rule()
	}
	for i, row := range tw.rows {
		line(row)
		for _, tr := range tw.traces[i] {
			b.WriteString("      " + tr + "\n")
		}
	}
	tw.rows, tw.traces = tw.rows[:0], tw.traces[:0]
	if last {
		rule()
		line(total)
	}
	_, err := io.WriteString(tw.w, b.String())
	return err
}
