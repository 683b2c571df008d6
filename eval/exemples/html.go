package exemples

import (
	_ "embed"
	"html/template"
	"io"
	"strings"

	"garantie/eval/internal/page"
)

//go:embed exemples.html.tmpl
var htmlTemplate string

var tmpl = template.Must(template.New("exemples").Parse(htmlTemplate))

// htmlView is the report as the template shows it: amounts in French.
type htmlView struct {
	Style    template.CSS
	Date     string
	Columns  []htmlColumn
	Layered  bool // one column of several layers: one RC per layer
	Exemples []htmlExemple
	Sources  []string
	Liste    string
}

type htmlColumn struct {
	Title  string
	Layers []string
	Span   int
}

type htmlExemple struct {
	ID, Situation, Frais, RO string
	Results                  []htmlResult
}

type htmlResult struct {
	Span    int // the columns of a result, for a rejected line
	RC      string
	Couches []string
	Reste   string
	Regles  string
	Err     string
}

func view(r *Report) htmlView {
	v := htmlView{Style: page.Style(), Date: r.Date.Format("02/01/2006"), Layered: r.Layers > 1, Liste: r.Liste}
	for _, c := range r.Columns {
		span := 2
		if v.Layered {
			span = r.Layers + 1
		}
		v.Columns = append(v.Columns, htmlColumn{Title: c.Title(), Layers: c.Contrats, Span: span})
	}
	seen := map[string]bool{}
	for _, e := range r.Exemples {
		he := htmlExemple{ID: e.ID, Situation: e.Situation, Frais: page.Euros(e.Frais), RO: page.Euros(e.RONet)}
		for _, res := range e.Results {
			hr := htmlResult{Span: v.Columns[0].Span, RC: page.Euros(res.RC), Reste: page.Euros(res.Reste), Regles: ruleText(res), Err: res.Err}
			for _, c := range res.Couches {
				hr.Couches = append(hr.Couches, page.Euros(c))
			}
			he.Results = append(he.Results, hr)
		}
		v.Exemples = append(v.Exemples, he)
		note := e.Situation + " : " + e.Source
		if !e.Confirme {
			note += " (non confirmé : " + e.Note + ")"
		}
		if !seen[note] {
			seen[note] = true
			v.Sources = append(v.Sources, note)
		}
	}
	return v
}

// WriteHTML writes the report as a self-contained HTML page.
func WriteHTML(w io.Writer, r *Report) error {
	return tmpl.ExecuteTemplate(w, "page", view(r))
}

// Fragment returns the report as an HTML section, to place in another
// page that carries the stylesheet of package page (the tableau).
func Fragment(r *Report) (template.HTML, error) {
	var b strings.Builder
	if err := tmpl.ExecuteTemplate(&b, "section", view(r)); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}
