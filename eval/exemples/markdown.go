package exemples

import (
	"fmt"
	"io"
	"strings"

	"garantie/eval/internal/page"
)

// WriteMarkdown writes the examples as a Markdown section: a table with
// the price, the RO, then per column what the complementary layers paid
// and the reste à charge, amounts in French; then which list they are.
func WriteMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Exemples de remboursement\n\nSoins datés du %s, pour un adulte sauf mention contraire. Montants calculés par le moteur qui rembourse les soins.\n\n", r.Date.Format("02/01/2006"))
	head := []string{"Exemple", "Dépense", "Sécurité sociale"}
	for _, c := range r.Columns {
		if r.Layers > 1 {
			head = append(head, c.Contrats...)
			head = append(head, "Reste à charge")
			continue
		}
		head = append(head, c.Title(), "Reste à charge")
	}
	b.WriteString("| " + strings.Join(head, " | ") + " |\n|---|")
	for range head[1:] {
		b.WriteString("---:|")
	}
	b.WriteString("\n")
	for _, e := range r.Exemples {
		row := []string{markdownText(e.Situation), page.Euros(e.Frais), page.Euros(e.RONet)}
		for _, res := range e.Results {
			if res.Err != "" {
				row = append(row, markdownText("ligne rejetée : "+res.Err))
				continue
			}
			if r.Layers > 1 {
				for _, c := range res.Couches {
					row = append(row, page.Euros(c))
				}
			} else {
				row = append(row, page.Euros(res.RC))
			}
			row = append(row, page.Euros(res.Reste))
		}
		b.WriteString("| " + strings.Join(row, " | ") + " |\n")
	}
	fmt.Fprintf(&b, "\n%s\n", r.Liste)
	_, err := io.WriteString(w, b.String())
	return err
}

// markdownText keeps a text inside its table cell.
func markdownText(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
