package encode

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"garantie/eval/engine"
)

// WriteLegend writes, after a table, the label of each poste of postes
// that has one, sorted by code: a terminal table keeps its codes narrow
// and puts the French labels beside them here.
func WriteLegend(w io.Writer, postes []string, label func(string) string) error {
	postes = slices.Clone(postes)
	slices.Sort(postes)
	postes = slices.Compact(postes)
	var rows [][]string
	for _, p := range postes {
		if l := label(p); l != "" {
			rows = append(rows, []string{p, l})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("\nPostes:\n")
	width := 0
	for _, r := range rows {
		width = max(width, len(r[0]))
	}
	for _, r := range rows {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, r[0], r[1])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// legendWriter is a Writer followed by the legend of the postes it wrote.
type legendWriter struct {
	Writer
	w      io.Writer
	label  func(string) string
	postes map[string]bool
}

// WithLegend returns inner, whose Finish also writes to w the legend of
// the postes of the results (see WriteLegend).
func WithLegend(inner Writer, w io.Writer, label func(string) string) Writer {
	return &legendWriter{Writer: inner, w: w, label: label, postes: map[string]bool{}}
}

// Write writes a batch of results and notes their postes.
func (l *legendWriter) Write(rs []engine.Result) error {
	for i := range rs {
		if p := rs[i].Poste; p != "" && !l.postes[p] {
			l.postes[strings.Clone(p)] = true
		}
	}
	return l.Writer.Write(rs)
}

// Finish finishes the inner writer, then writes the legend.
func (l *legendWriter) Finish() error {
	if err := l.Writer.Finish(); err != nil {
		return err
	}
	var ps []string
	for p := range l.postes {
		ps = append(ps, p)
	}
	return WriteLegend(l.w, ps, l.label)
}
