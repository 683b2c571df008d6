package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"garantie/dsl/check"
	"garantie/eval/engine"
	"garantie/eval/money"
	"garantie/eval/whatif"
)

func runDiff(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("diff", "A B --claims FILE [--base CONTRACT…] [--format table|json]", stderr)
	rf := addRunFlags(fs)
	bases := fs.StringArray("base", nil, "contract evaluated before A and before B (repeat for several layers)")
	format := fs.String("format", "table", "output format: table or json")
	top := fs.Int("top", 10, "how many of the biggest individual changes to list")
	if status, ok := parseFlags(fs, args); !ok {
		return status
	}
	stopProfile, ok := startCPUProfile(*rf.cpuprofile, stderr)
	if !ok {
		return exitUsage
	}
	defer stopProfile()
	if !oneOf(stderr, "format", *format, "table", "json") {
		return exitUsage
	}
	if fs.NArg() != 2 || *rf.claims == "" {
		fmt.Fprintln(stderr, "garantie diff: need two contracts A and B and --claims FILE")
		fs.Usage()
		return exitUsage
	}
	base, ok := loadContracts(*bases, stderr)
	sides, ok2 := loadContracts(fs.Args(), stderr)
	if !ok || !ok2 {
		return exitUsage
	}
	var engines []*engine.Engine
	for _, side := range sides {
		layers := append(append([]*check.Program(nil), base...), side)
		e, err := engine.New(layers, engine.Options{Workers: *rf.workers})
		if err != nil {
			fmt.Fprintf(stderr, "garantie diff: %v\n", err)
			return exitUsage
		}
		engines = append(engines, e)
	}

	reader, survey, closeClaims, err := readClaims(*rf.claims, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "garantie diff: %v\n", err)
		return exitUsage
	}
	defer closeClaims()

	cmp := whatif.NewComparison()
	err = engine.StreamMany(engines, reader, survey, func(rs [][]engine.Result) error {
		cmp.Add(rs[0], rs[1])
		return nil
	})
	if err != nil {
		fmt.Fprintf(stderr, "garantie diff: %v\n", err)
		return exitUsage
	}
	rep := cmp.Report(*top, *format == "json")
	bw := bufio.NewWriter(stdout)
	if *format == "json" {
		err = writeDiffJSON(bw, rep, fs.Arg(0), fs.Arg(1), *bases)
	} else {
		writeDiffTable(bw, rep, fs.Arg(0), fs.Arg(1))
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "garantie diff: %v\n", err)
		return exitUsage
	}
	if rep.RejectedA+rep.RejectedB > 0 {
		fmt.Fprintf(stderr, "garantie diff: %d lines rejected under A, %d under B; they are left out of both sides (see garantie eval)\n", rep.RejectedA, rep.RejectedB)
	}
	return exitOK
}

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

func writeDiffTable(w io.Writer, r whatif.Report, a, b string) {
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

// diffJSON is the JSON document of garantie diff. Amounts are strings with
// two decimals, as in garantie eval.
type diffJSON struct {
	A             string         `json:"a"`
	B             string         `json:"b"`
	Base          []string       `json:"base"`
	Lignes        int            `json:"lignes"`
	RejeteesA     int            `json:"rejetees_a"`
	RejeteesB     int            `json:"rejetees_b"`
	Postes        []posteJSON    `json:"postes"`
	Total         posteJSON      `json:"total"`
	Beneficiaires benefSummary   `json:"beneficiaires"`
	Variations    []benefJSON    `json:"plus_fortes_variations"`
	Quantiles     []quantileJSON `json:"quantiles_variation_reste"`
	Detail        []benefJSON    `json:"par_beneficiaire"`
}

type posteJSON struct {
	Poste    string  `json:"poste"`
	Lignes   int     `json:"lignes"`
	Frais    string  `json:"frais"`
	RCA      string  `json:"rc_a"`
	RCB      string  `json:"rc_b"`
	Ecart    string  `json:"ecart"`
	EcartPct *string `json:"ecart_pct"`
	ResteA   string  `json:"reste_a"`
	ResteB   string  `json:"reste_b"`
}

type benefSummary struct {
	Total    int `json:"total"`
	Hausse   int `json:"hausse"`
	Baisse   int `json:"baisse"`
	Inchange int `json:"inchange"`
}

type benefJSON struct {
	Assure    string `json:"assure"`
	ResteA    string `json:"reste_a"`
	ResteB    string `json:"reste_b"`
	Variation string `json:"variation"`
}

type quantileJSON struct {
	P      int    `json:"p"`
	Valeur string `json:"valeur"`
}

func toPosteJSON(p whatif.PosteDiff) posteJSON {
	j := posteJSON{Poste: p.Poste, Lignes: p.Lines, Frais: p.Frais.String(), RCA: p.RCA.String(), RCB: p.RCB.String(),
		Ecart: p.Ecart().String(), ResteA: p.ResteA.String(), ResteB: p.ResteB.String()}
	if v, ok := p.EcartPourmille(); ok {
		s := strings.TrimSuffix(strings.TrimPrefix(pourmille(v, ok), "+"), "%")
		j.EcartPct = &s
	}
	return j
}

func writeDiffJSON(w io.Writer, r whatif.Report, a, b string, base []string) error {
	doc := diffJSON{A: a, B: b, Base: append([]string{}, base...), Lignes: r.Lines, RejeteesA: r.RejectedA, RejeteesB: r.RejectedB,
		Postes: []posteJSON{}, Total: toPosteJSON(r.Total),
		Beneficiaires: benefSummary{r.Beneficiaries, r.Rises, r.Falls, r.Same},
		Variations:    []benefJSON{}, Quantiles: []quantileJSON{}}
	for _, p := range r.Postes {
		doc.Postes = append(doc.Postes, toPosteJSON(p))
	}
	for _, bc := range r.Biggest {
		doc.Variations = append(doc.Variations, benefJSON{bc.Assure, bc.ResteA.String(), bc.ResteB.String(), bc.Change().String()})
	}
	doc.Detail = []benefJSON{}
	for _, bc := range r.All {
		doc.Detail = append(doc.Detail, benefJSON{bc.Assure, bc.ResteA.String(), bc.ResteB.String(), bc.Change().String()})
	}
	doc.Detail = []benefJSON{}
	for _, bc := range r.All {
		doc.Detail = append(doc.Detail, benefJSON{bc.Assure, bc.ResteA.String(), bc.ResteB.String(), bc.Change().String()})
	}
	for _, q := range r.Quantiles {
		doc.Quantiles = append(doc.Quantiles, quantileJSON{q.P, q.Value.String()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
