package report

import (
	"io"
	"strconv"

	"garantie/eval/compare"
	"garantie/eval/money"
)

// diffPage is what the diff template shows.
type diffPage struct {
	Title      string
	Contracts  []Contract
	Source     Source
	Period     string
	Moved      fig
	Lines      fig
	RejectedA  fig
	RejectedB  fig
	Totals     []totalCard
	Postes     []diffRow
	Total      diffRow
	PosteChart chart
	Benef      []fig // total, hausse, baisse, inchange
	Quantiles  []quantileRow
	Histogram  chart
	ByAge      []groupRow
	AgeChart   chart
	BySize     []groupRow
	SizeChart  chart
	Biggest    []biggestRow
}

type totalCard struct {
	Label string
	Fig   fig
}

type diffRow struct {
	Poste, Label                        string
	Lines, RCA, RCB, Ecart, Pct, RA, RB fig
}

type quantileRow struct {
	Name string
	Fig  fig
}

type groupRow struct {
	Label                                 string
	Beneficiaries, ResteA, ResteB, Change fig
}

type biggestRow struct {
	Assure, Profile, Age, Size string
	ResteA, ResteB, Change     fig
	Postes                     []explainRow
}

type explainRow struct {
	Poste, Label           string
	Lines, Moved           int
	ResteA, ResteB, Change string
	RulesA, RulesB         string
}

// WriteDiff writes the HTML report of a what-if comparison: the
// contracts (A, B and the base layers under both, in contracts), the
// claims and the scenario, the totals, the change per poste, the
// distribution of the change of reste à charge among beneficiaries, the
// change by age band and family size, and the biggest changes explained.
func WriteDiff(w io.Writer, d compare.Diff, contracts []Contract, src Source, labels compare.Labels) error {
	p := diffPage{Contracts: contracts, Source: src, Period: period(d.Population), Moved: fig{"scenario.lignes_deplacees", strconv.Itoa(d.Moved)},
		Lines:     fig{"lignes", strconv.Itoa(d.Lines)},
		RejectedA: fig{"rejetees_a", strconv.Itoa(d.RejectedA)},
		RejectedB: fig{"rejetees_b", strconv.Itoa(d.RejectedB)},
	}
	p.Title = "Rapport : " + name(contracts, "A") + " → " + name(contracts, "B")
	t := d.Total
	p.Totals = []totalCard{
		{"Remboursement complémentaire A", fig{"total.rc_a", euros(t.RCA)}},
		{"Remboursement complémentaire B", fig{"total.rc_b", euros(t.RCB)}},
		{"Écart de RC (B − A)", fig{"total.ecart", signedEuros(t.Ecart())}},
		{"Écart de RC en %", fig{"total.ecart_pct", pourmille(t.EcartPourmille())}},
		{"Reste à charge A", fig{"total.reste_a", euros(t.ResteA)}},
		{"Reste à charge B", fig{"total.reste_b", euros(t.ResteB)}},
	}
	var rows []string
	var ra, rb []money.Cents
	for _, pd := range d.Postes {
		p.Postes = append(p.Postes, newDiffRow("postes."+pd.Poste+".", pd.Poste, labels.Of(pd.Poste), pd.Lines, pd.RCA, pd.RCB, pd.ResteA, pd.ResteB, pd.Ecart(), pourmille(pd.EcartPourmille())))
		rows = append(rows, posteName(pd.Poste, labels))
		ra, rb = append(ra, pd.RCA), append(rb, pd.RCB)
	}
	p.Total = newDiffRow("total.", "Total", "", t.Lines, t.RCA, t.RCB, t.ResteA, t.ResteB, t.Ecart(), pourmille(t.EcartPourmille()))
	p.PosteChart = pairBars("Remboursement complémentaire par poste, A et B", rows, ra, rb, "A", "B")
	p.Benef = []fig{
		{"beneficiaires.total", strconv.Itoa(d.Beneficiaries)},
		{"beneficiaires.hausse", strconv.Itoa(d.Rises)},
		{"beneficiaires.baisse", strconv.Itoa(d.Falls)},
		{"beneficiaires.inchange", strconv.Itoa(d.Same)},
	}
	var marks []quantileMark
	for _, q := range d.Quantiles {
		n := quantileName(q.P)
		p.Quantiles = append(p.Quantiles, quantileRow{n, fig{"quantiles." + strconv.Itoa(q.P), signedEuros(q.Value)}})
		if q.P == 10 || q.P == 50 || q.P == 90 {
			marks = append(marks, quantileMark{n, q.Value})
		}
	}
	p.Histogram = histogram("Répartition de la variation du reste à charge par bénéficiaire", d.Histogram(16), marks)
	p.ByAge, p.AgeChart = groups("Variation du reste à charge par tranche d'âge", "par_age.", d.ByAge, "ans")
	p.BySize, p.SizeChart = groups("Variation du reste à charge par taille de famille", "par_taille_famille.", d.BySize, "pers.")
	for i, bc := range d.Biggest {
		key := "variations." + bc.Assure + "."
		row := biggestRow{Assure: bc.Assure,
			ResteA: fig{key + "reste_a", euros(bc.ResteA)}, ResteB: fig{key + "reste_b", euros(bc.ResteB)},
			Change: fig{key + "variation", signedEuros(bc.Change())}}
		e := d.Explained[i]
		row.Profile, row.Age, row.Size = e.Person.Profile.Label(), compare.BandOf(e.Person), strconv.Itoa(e.Person.Size)
		for _, pc := range e.Postes {
			row.Postes = append(row.Postes, explainRow{Poste: pc.Poste, Label: labels.Of(pc.Poste), Lines: pc.Lines, Moved: pc.Moved,
				ResteA: euros(pc.ResteA), ResteB: euros(pc.ResteB), Change: signedEuros(pc.Change()),
				RulesA: join(pc.RulesA), RulesB: join(pc.RulesB)})
		}
		p.Biggest = append(p.Biggest, row)
	}
	return execute(w, "diff.html.tmpl", p)
}

func newDiffRow(key, poste, label string, lines int, rca, rcb, ra, rb, ecart money.Cents, pct string) diffRow {
	return diffRow{Poste: poste, Label: label,
		Lines: fig{key + "lignes", strconv.Itoa(lines)},
		RCA:   fig{key + "rc_a", euros(rca)}, RCB: fig{key + "rc_b", euros(rcb)},
		Ecart: fig{key + "ecart", signedEuros(ecart)}, Pct: fig{key + "ecart_pct", pct},
		RA: fig{key + "reste_a", euros(ra)}, RB: fig{key + "reste_b", euros(rb)}}
}

// groups returns the rows and the chart of a breakdown; the figures are
// keyed KEY.LABEL.beneficiaires, .reste_a, .reste_b and .variation (the
// sums of the par_beneficiaire figures of the JSON output over the group).
func groups(title, key string, gs []compare.Group, unit string) ([]groupRow, chart) {
	var rows []groupRow
	var names []string
	var v []money.Cents
	for _, g := range gs {
		k := key + g.Label + "."
		rows = append(rows, groupRow{g.Label, fig{k + "beneficiaires", strconv.Itoa(g.Beneficiaries)},
			fig{k + "reste_a", euros(g.ResteA)}, fig{k + "reste_b", euros(g.ResteB)}, fig{k + "variation", signedEuros(g.Change())}})
		names = append(names, g.Label+" "+unit)
		v = append(v, g.Change())
	}
	return rows, divergingBars(title, names, v)
}

func quantileName(p int) string {
	switch p {
	case 0:
		return "min"
	case 100:
		return "max"
	}
	return "p" + strconv.Itoa(p)
}

// posteName is a poste's label, or its code when it has none.
func posteName(code string, labels compare.Labels) string {
	if l := labels.Of(code); l != "" {
		return l
	}
	return code
}

func name(cs []Contract, role string) string {
	for _, c := range cs {
		if c.Role == role {
			if c.Name != "" {
				return c.Name
			}
			return c.Path
		}
	}
	return role
}

func join(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}
