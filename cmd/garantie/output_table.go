package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"garantie/eval"
)

// tableWriter prints results as an aligned table for a terminal, with a
// totals row, and with --explain the explanation under each line. It
// holds the rows until the end to size the columns.
type tableWriter struct {
	w       io.Writer
	t       *totals
	layers  int
	explain bool
	rows    [][]string
	traces  [][]string
}

func (tw *tableWriter) totals() *totals { return tw.t }

func (tw *tableWriter) header() []string {
	h := []string{"ID", "ASSURE", "DATE", "POSTE", "FRAIS", "RO", "RC"}
	if tw.layers > 1 {
		for k := 1; k <= tw.layers; k++ {
			h = append(h, fmt.Sprintf("RC%d", k))
		}
	}
	return append(h, "RESTE", "REGLE")
}

func (tw *tableWriter) write(rs []eval.Result) error {
	for i := range rs {
		r := &rs[i]
		tw.t.add(r)
		if r.Err != "" {
			row := []string{r.ID, r.Assure, "", r.Poste, "", "", ""}
			if r.Date != 0 {
				row[2] = r.Date.String()
			}
			if tw.layers > 1 {
				row = append(row, make([]string, tw.layers)...)
			}
			row = append(row, "", fmt.Sprintf("line %d rejected: %s", r.Line, r.Err))
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
			tw.traces = append(tw.traces, r.Trace)
		} else {
			tw.traces = append(tw.traces, nil)
		}
	}
	return nil
}

// ruleText names the rule of each layer, or why it paid nothing.
func ruleText(cs []eval.Couche) string {
	parts := make([]string, len(cs))
	for k, c := range cs {
		switch {
		case c.Regle != "" && c.Motif != "":
			parts[k] = c.Regle + " (" + c.Motif + ")"
		case c.Regle != "":
			parts[k] = c.Regle
		case c.Motif != "":
			parts[k] = c.Motif
		default:
			parts[k] = "-"
		}
	}
	return strings.Join(parts, " + ")
}

func (tw *tableWriter) finish() error {
	head := tw.header()
	t := tw.t
	total := []string{"TOTAL", fmt.Sprintf("%d lines", t.lines), "", "", t.frais.String(), t.ro.String(), t.rc.String()}
	if tw.layers > 1 {
		for _, c := range t.couches {
			total = append(total, c.String())
		}
	}
	rejected := ""
	if t.rejected > 0 {
		rejected = fmt.Sprintf("%d rejected", t.rejected)
	}
	total = append(total, t.reste.String(), rejected)

	widths := make([]int, len(head))
	for _, row := range append(append([][]string{head}, tw.rows...), total) {
		for i, cell := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	numeric := func(i int) bool { return i >= 4 && i < len(head)-1 }
	var b strings.Builder
	line := func(row []string) {
		for i, cell := range row {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
			switch {
			case i == len(row)-1:
				b.WriteString(cell)
			case numeric(i):
				b.WriteString(pad + cell + "  ")
			default:
				b.WriteString(cell + pad + "  ")
			}
		}
		trimmed := strings.TrimRight(b.String(), " ")
		b.Reset()
		b.WriteString(trimmed)
		b.WriteString("\n")
	}
	rule := func() {
		n := 0
		for _, w := range widths[:len(widths)-1] {
			n += w + 2
		}
		b.WriteString(strings.Repeat("-", n+widths[len(widths)-1]) + "\n")
	}
	line(head)
	rule()
	for i, row := range tw.rows {
		line(row)
		for _, tr := range tw.traces[i] {
			b.WriteString("      " + tr + "\n")
		}
	}
	rule()
	line(total)
	_, err := io.WriteString(tw.w, b.String())
	return err
}
