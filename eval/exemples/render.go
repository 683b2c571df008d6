package exemples

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Write renders the report in a format: "table" (aligned text for a
// terminal), "csv" (one row per example and column), "json", "html" (a
// self-contained page) or "md" (a Markdown section). Amounts in table,
// CSV and JSON are the engine's: two decimals and a point; HTML and
// Markdown write them the French way.
func Write(w io.Writer, r *Report, format string) error {
	switch format {
	case "table":
		return writeTable(w, r)
	case "csv":
		return writeCSV(w, r)
	case "json":
		return writeJSON(w, r)
	case "html":
		return WriteHTML(w, r)
	case "md":
		return WriteMarkdown(w, r)
	}
	return fmt.Errorf("exemples: unknown format %q", format)
}

func writeTable(w io.Writer, r *Report) error {
	fmt.Fprintf(w, "Exemples de remboursement au %s\n", r.Date.Format("02/01/2006"))
	for _, c := range r.Columns {
		fmt.Fprintf(w, "  %s\n", c.Title())
	}
	fmt.Fprintln(w)
	head := []string{"EXEMPLE", "FRAIS", "RO"}
	for k := range r.Columns {
		suffix := ""
		if len(r.Columns) > 1 {
			suffix = " " + strconv.Itoa(k+1)
		}
		head = append(head, "RC"+suffix)
		if r.Layers > 1 {
			for j := range r.Layers {
				head = append(head, fmt.Sprintf("RC%d", j+1))
			}
		}
		head = append(head, "RESTE"+suffix, "REGLE"+suffix)
	}
	rows := [][]string{head}
	for _, e := range r.Exemples {
		row := []string{e.ID, e.Frais.String(), e.RONet.String()}
		for _, res := range e.Results {
			if res.Err != "" {
				row = append(row, "rejected: "+res.Err)
				continue
			}
			row = append(row, res.RC.String())
			if r.Layers > 1 {
				for _, c := range res.Couches {
					row = append(row, c.String())
				}
			}
			row = append(row, res.Reste.String(), ruleText(res))
		}
		rows = append(rows, row)
	}
	if err := alignRows(w, rows); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", r.Liste)
	return err
}

// alignRows prints rows as columns two spaces apart: the first column and
// the rule columns (every column whose head starts with REGLE) on the
// left, the amounts on the right. The last column is not padded.
func alignRows(w io.Writer, rows [][]string) error {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row {
			if i < len(widths) {
				widths[i] = max(widths[i], utf8.RuneCountInString(cell))
			}
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, cell := range row {
			pad := 0
			if i < len(widths) {
				pad = widths[i] - utf8.RuneCountInString(cell)
			}
			if i > 0 {
				b.WriteString("  ")
			}
			left := i == 0 || strings.HasPrefix(rows[0][min(i, len(rows[0])-1)], "REGLE")
			if !left {
				b.WriteString(strings.Repeat(" ", pad))
			}
			b.WriteString(cell)
			if left && i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", pad))
			}
		}
		if _, err := fmt.Fprintln(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// ruleText is the rules of a result, then why a layer paid nothing.
func ruleText(res Result) string {
	s := strings.Join(res.Regles, " ")
	if len(res.Motifs) > 0 {
		s += " (" + strings.Join(res.Motifs, ", ") + ")"
	}
	if s == "" {
		return "-"
	}
	return s
}

func writeCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	head := []string{"id", "situation", "colonne", "frais", "ro", "rc"}
	for j := range r.Layers {
		head = append(head, fmt.Sprintf("rc_%d", j+1))
	}
	head = append(head, "reste", "regles", "motifs", "erreur")
	cw.Write(head)
	for _, e := range r.Exemples {
		for k, res := range e.Results {
			row := []string{e.ID, e.Situation, r.Columns[k].Title(), e.Frais.String(), e.RONet.String(), res.RC.String()}
			for _, c := range res.Couches {
				row = append(row, c.String())
			}
			row = append(row, res.Reste.String(), strings.Join(res.Regles, " "), strings.Join(res.Motifs, ", "), res.Err)
			cw.Write(row)
		}
	}
	cw.Flush()
	return cw.Error()
}

// jsonReport is the JSON form: amounts as strings with two decimals, as
// in eval's JSON.
type jsonReport struct {
	Date     string        `json:"date"`
	Liste    string        `json:"liste"`
	Colonnes []jsonColumn  `json:"colonnes"`
	Exemples []jsonExemple `json:"exemples"`
}

type jsonColumn struct {
	Contrats []string `json:"contrats"`
}

type jsonExemple struct {
	ID        string       `json:"id"`
	Situation string       `json:"situation"`
	Frais     string       `json:"frais"`
	RO        string       `json:"ro"`
	Resultats []jsonResult `json:"resultats"`
	Source    string       `json:"source"`
	Confirme  bool         `json:"confirme"`
	Note      string       `json:"note,omitempty"`
}

type jsonResult struct {
	RC      string   `json:"rc"`
	Couches []string `json:"couches"`
	Reste   string   `json:"reste"`
	Regles  []string `json:"regles"`
	Motifs  []string `json:"motifs,omitempty"`
	Erreur  string   `json:"erreur,omitempty"`
}

func writeJSON(w io.Writer, r *Report) error {
	out := jsonReport{Date: r.Date.Format("2006-01-02"), Liste: r.Liste, Colonnes: []jsonColumn{}, Exemples: []jsonExemple{}}
	for _, c := range r.Columns {
		out.Colonnes = append(out.Colonnes, jsonColumn(c))
	}
	for _, e := range r.Exemples {
		je := jsonExemple{ID: e.ID, Situation: e.Situation, Frais: e.Frais.String(), RO: e.RONet.String(), Source: e.Source, Confirme: e.Confirme, Note: e.Note}
		for _, res := range e.Results {
			jr := jsonResult{RC: res.RC.String(), Reste: res.Reste.String(), Regles: append([]string{}, res.Regles...), Motifs: res.Motifs, Erreur: res.Err}
			for _, c := range res.Couches {
				jr.Couches = append(jr.Couches, c.String())
			}
			je.Resultats = append(je.Resultats, jr)
		}
		out.Exemples = append(out.Exemples, je)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
