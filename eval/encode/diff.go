package encode

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"garantie/eval/money"
	"garantie/eval/whatif"
)

// pourmille renders tenths of a percent: 123 is "+12.3%".
func pourmille(v int64, ok bool) string {
	if !ok {
		return "n/a"
	}
	sign := "+"
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%d%%", sign, v/10, v%10)
}

func signed(c money.Cents) string {
	if c > 0 {
		return "+" + c.String()
	}
	return c.String()
}

// DiffTable writes the report of a what-if comparison of contracts a and
// b as aligned tables for a terminal: the RC and reste à charge of each
// poste and in total, the changes of reste à charge among beneficiaries,
// and the biggest ones. Write errors are left to w (a bufio.Writer
// reports them on Flush).
func DiffTable(w io.Writer, r whatif.Report, a, b string) {
	fmt.Fprintf(w, "A: %s\nB: %s\n\n", a, b)
	rows := [][]string{{"POSTE", "LINES", "RC A", "RC B", "CHANGE", "CHANGE %", "RESTE A", "RESTE B"}}
	add := func(p whatif.PosteDiff) {
		rows = append(rows, []string{p.Poste, strconv.Itoa(p.Lines), p.RCA.String(), p.RCB.String(),
			signed(p.Ecart()), pourmille(p.EcartPourmille()), p.ResteA.String(), p.ResteB.String()})
	}
	for _, p := range r.Postes {
		add(p)
	}
	rows = append(rows, nil)
	add(r.Total)
	writeAligned(w, rows)

	fmt.Fprintf(w, "\n%d lines, %d beneficiaries. Reste à charge rises for %d, falls for %d, unchanged for %d.\n",
		r.Lines, r.Beneficiaries, r.Rises, r.Falls, r.Same)
	if len(r.Quantiles) > 0 {
		fmt.Fprint(w, "Change of reste à charge (B − A) among those whose reste changed:")
		for _, q := range r.Quantiles {
			name := "p" + strconv.Itoa(q.P)
			switch q.P {
			case 0:
				name = "min"
			case 100:
				name = "max"
			}
			fmt.Fprintf(w, " %s %s", name, signed(q.Value))
		}
		fmt.Fprintln(w)
	}
	if len(r.Biggest) > 0 {
		fmt.Fprintln(w, "\nBiggest changes of reste à charge:")
		rows := [][]string{{"ASSURE", "RESTE A", "RESTE B", "CHANGE"}}
		for _, bc := range r.Biggest {
			rows = append(rows, []string{bc.Assure, bc.ResteA.String(), bc.ResteB.String(), signed(bc.Change())})
		}
		writeAligned(w, rows)
	}
}

// writeAligned prints rows with columns padded to their widest cell:
// the first column left-aligned, the others right-aligned. A nil row is a
// rule.
func writeAligned(w io.Writer, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	total := 0
	for _, wd := range widths {
		total += wd + 2
	}
	for _, row := range rows {
		if row == nil {
			fmt.Fprintln(w, strings.Repeat("-", total-2))
			continue
		}
		var b strings.Builder
		for i, cell := range row {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
			if i == 0 {
				b.WriteString(cell + pad)
			} else {
				b.WriteString("  " + pad + cell)
			}
		}
		fmt.Fprintln(w, b.String())
	}
}
