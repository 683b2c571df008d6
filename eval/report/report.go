// Package report writes the HTML reports of garantie diff and garantie
// compare: one self-contained page (CSS and SVG charts inline, nothing
// fetched) that reads well on a screen and printed on A4. It formats what
// packages whatif and compare computed and computes nothing of its own
// but the geometry of its charts.
//
// Every figure of a page is in an element with a data-fig attribute that
// names the figure of the JSON output it equals ("total.rc_a",
// "postes.optique.verres.reste_b"), so that tests check them one by one.
package report

import (
	"embed"
	"html/template"
	"io"
	"strconv"

	"garantie/dsl/check"
	"garantie/eval/compare"
	"garantie/eval/date"
)

//go:embed templates/*.tmpl templates/style.css
var files embed.FS

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"dict": func(heads []string, rows []metricRow) blockArgs { return blockArgs{heads, rows} },
	"css": func() template.CSS {
		b, err := files.ReadFile("templates/style.css")
		if err != nil {
			panic(err)
		}
		return template.CSS(b)
	},
}).ParseFS(files, "templates/*.tmpl"))

// Contract describes one contract of a report: its file and what its
// header says.
type Contract struct {
	Role      string // "A", "B", "base" or the formula's name
	Path      string
	Name      string // contrat "…"
	Organisme string
	Effet     string // YYYY-MM-DD, "" when absent
}

// ContractOf describes the program read from path.
func ContractOf(role, path string, p *check.Program) Contract {
	c := Contract{Role: role, Path: path, Name: p.Name, Organisme: p.Organisme}
	if p.Effet != nil {
		c.Effet = date.DayFromTime(*p.Effet).String()
	}
	return c
}

// Source describes the claims and the scenario of a report.
type Source struct {
	Claims   string // the claims file's path
	Scenario string // the scenario's name, "" without one
	Seed     uint64
}

// period renders the claims' span of dates of care.
func period(pop *compare.Population) string {
	if !pop.Has {
		return "aucune ligne évaluée"
	}
	return "du " + frenchDate(pop.From) + " au " + frenchDate(pop.To)
}

func frenchDate(d date.Day) string {
	y, m, dd := d.Civil()
	return pad2(dd) + "/" + pad2(m) + "/" + strconv.Itoa(y)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// blockArgs are the arguments of the template "block".
type blockArgs struct {
	Heads []string
	Rows  []metricRow
}

// fig is one figure of a page: its text and the JSON figure it equals.
type fig struct {
	Key, Text string
}

func execute(w io.Writer, name string, data any) error {
	return pages.ExecuteTemplate(w, name, data)
}
