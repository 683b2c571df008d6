package report

import (
	"io"
	"strconv"

	"garantie/eval/compare"
	"garantie/eval/money"
)

// comparePage is what the compare template shows.
type comparePage struct {
	Title     string
	Contracts []Contract
	Source    Source
	Period    string
	Lines     int
	Excluded  int
	Moved     fig
	Heads     []string
	Total     []metricRow
	Chart     chart
	Profiles  []statsBlock
	Postes    []statsBlock
}

// statsBlock is one group of lines (a profile, a poste) across columns.
type statsBlock struct {
	Title, Code, Note string
	Rows              []metricRow
}

type metricRow struct {
	Name  string
	Cells []fig
}

// WriteCompare writes the HTML report of a comparison of formulas: the
// formulas (contracts, in the order of the columns without scenario), the
// claims, the totals with a chart of reste à charge and RC per formula,
// then each profile and each poste.
func WriteCompare(w io.Writer, r compare.Result, contracts []Contract, src Source, labels compare.Labels) error {
	p := comparePage{Title: "Comparaison de formules", Contracts: contracts, Source: src, Period: period(r.Population),
		Lines: r.Lines, Excluded: r.Excluded, Moved: fig{"scenario.lignes_deplacees", strconv.Itoa(r.Moved)}}
	var names []string
	var rc, reste []money.Cents
	for _, c := range r.Columns {
		h := c.Name
		if c.Scenario {
			h += " + réseau"
		}
		p.Heads = append(p.Heads, h)
		names = append(names, h)
		rc, reste = append(rc, c.Total.RC), append(reste, c.Total.Reste)
	}
	p.Total = metrics(r, "total", func(c compare.Column) compare.Stats { return c.Total })
	p.Chart = pairBars("Remboursement complémentaire (A) et reste à charge (B) par formule", names, rc, reste, "RC", "Reste à charge")
	for k, ps := range r.Columns[0].Profiles {
		if ps.Beneficiaries == 0 {
			continue
		}
		code := ps.Profile.Code()
		p.Profiles = append(p.Profiles, statsBlock{Title: ps.Profile.Label(), Note: strconv.Itoa(ps.Beneficiaries) + " bénéficiaires",
			Rows: metrics(r, "profils."+code, func(c compare.Column) compare.Stats { return c.Profiles[k].Stats })})
	}
	for _, poste := range r.Postes() {
		p.Postes = append(p.Postes, statsBlock{Title: labels.Of(poste), Code: poste,
			Rows: metrics(r, "postes."+poste, func(c compare.Column) compare.Stats { return c.Poste(poste) })})
	}
	return execute(w, "compare.html.tmpl", p)
}

// metrics returns the rows of a block: RC, reste à charge, the share of
// lines without reste, across the columns.
func metrics(r compare.Result, key string, get func(compare.Column) compare.Stats) []metricRow {
	rows := []metricRow{{Name: "Lignes"}, {Name: "Remboursement complémentaire"}, {Name: "Reste à charge"}, {Name: "Lignes sans reste à charge"}}
	for i, c := range r.Columns {
		s := get(c)
		k := "colonnes." + strconv.Itoa(i) + "." + key + "."
		rows[0].Cells = append(rows[0].Cells, fig{k + "lignes", strconv.Itoa(s.Lines)})
		rows[1].Cells = append(rows[1].Cells, fig{k + "rc", euros(s.RC)})
		rows[2].Cells = append(rows[2].Cells, fig{k + "reste", euros(s.Reste)})
		rows[3].Cells = append(rows[3].Cells, fig{k + "part_sans_reste", share(s.SansRestePourmille())})
	}
	return rows
}
