package tableau

import (
	_ "embed"
	htmltemplate "html/template"
	"io"
	"strings"
	texttemplate "text/template"

	"garantie/eval/internal/page"
)

//go:embed tableau.html.tmpl
var htmlSource string

//go:embed tableau.md.tmpl
var markdownSource string

var (
	htmlTmpl     = htmltemplate.Must(htmltemplate.New("tableau").Parse(htmlSource))
	markdownTmpl = texttemplate.Must(texttemplate.New("tableau").Funcs(texttemplate.FuncMap{"cell": markdownCell, "md": markdownEscape}).Parse(markdownSource))
)

// htmlView is what the HTML template shows.
type htmlView struct {
	*Tableau
	Style    htmltemplate.CSS
	Title    string
	Span     int // columns of the table
	Exemples htmltemplate.HTML
}

// title names the document after its contracts.
func (t *Tableau) title() string {
	var names []string
	for _, c := range t.Contrats {
		names = append(names, c.Nom)
	}
	return "Tableau de garanties — " + strings.Join(names, ", ")
}

// WriteHTML writes the table as a self-contained HTML page that prints on
// A4. exemples, when not empty, is an HTML section placed after the notes
// (package eval/exemples renders it).
func WriteHTML(w io.Writer, t *Tableau, exemples htmltemplate.HTML) error {
	return htmlTmpl.Execute(w, htmlView{Tableau: t, Style: page.Style(), Title: t.title(), Span: len(t.Contrats) + 1, Exemples: exemples})
}

// WriteMarkdown writes the table as a Markdown document; exemples, when
// not empty, is a Markdown section placed after the notes (package
// eval/exemples renders it).
func WriteMarkdown(w io.Writer, t *Tableau, exemples string) error {
	return markdownTmpl.Execute(w, struct {
		*Tableau
		Title    string
		Exemples string
	}{t, t.title(), exemples})
}

// markdownCell is a cell of the Markdown table: its formula and limits on
// one line.
func markdownCell(c Cellule) string {
	var parts []string
	if c.Formule != "" {
		parts = append(parts, c.Formule)
	} else if len(c.Limites) == 0 {
		parts = append(parts, "Non couvert")
	}
	parts = append(parts, c.Limites...)
	return markdownEscape(strings.Join(parts, ", "))
}

// markdownEscape keeps a text inside its table cell.
func markdownEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "*", `\*`, "_", `\_`).Replace(s)
}
