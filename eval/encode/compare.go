package encode

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"garantie/eval/compare"
)

// CompareFormula names one formula of garantie compare: its file and the
// name its contract line gives.
type CompareFormula struct {
	File string `json:"fichier"`
	Name string `json:"nom"`
}

type compareJSON struct {
	Formules []CompareFormula `json:"formules"`
	Scenario *scenarioJSON    `json:"scenario"`
	Lignes   int              `json:"lignes"`
	Exclues  int              `json:"exclues"`
	Colonnes []columnJSON     `json:"colonnes"`
}

type scenarioJSON struct {
	Nom      string `json:"nom"`
	Graine   uint64 `json:"graine"`
	Deplaces int    `json:"lignes_deplacees"`
}

type columnJSON struct {
	Formule  string        `json:"formule"`
	Fichier  string        `json:"fichier"`
	Scenario bool          `json:"scenario"`
	Rejetees int           `json:"rejetees"`
	Total    statsJSON     `json:"total"`
	Profils  []profileJSON `json:"profils"`
	Postes   []posteStats  `json:"postes"`
}

type statsJSON struct {
	Lignes        int    `json:"lignes"`
	SansReste     int    `json:"sans_reste"`
	PartSansReste string `json:"part_sans_reste"`
	Frais         string `json:"frais"`
	RO            string `json:"ro"`
	RC            string `json:"rc"`
	Reste         string `json:"reste"`
}

type profileJSON struct {
	Profil        string `json:"profil"`
	Beneficiaires int    `json:"beneficiaires"`
	statsJSON
}

type posteStats struct {
	Poste string `json:"poste"`
	statsJSON
}

func toStatsJSON(s compare.Stats) statsJSON {
	return statsJSON{s.Lines, s.SansReste, Pourmille(s.SansRestePourmille()), s.Frais.String(), s.RO.String(), s.RC.String(), s.Reste.String()}
}

// Pourmille renders tenths of a percent as a decimal number of percent
// without sign: 875 is "87.5".
func Pourmille(v int64) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	return sign + strconv.FormatInt(v/10, 10) + "." + strconv.FormatInt(v%10, 10)
}

// CompareScenario describes the scenario of a comparison for CompareJSON.
type CompareScenario struct {
	Name string
	Seed uint64
}

// CompareJSON writes a comparison of formulas as one indented JSON
// document; formulas are in the order of the columns without the
// scenario; sc is nil without a scenario.
func CompareJSON(w io.Writer, r compare.Result, formulas []CompareFormula, sc *CompareScenario) error {
	doc := compareJSON{Formules: formulas, Lignes: r.Lines, Exclues: r.Excluded, Colonnes: []columnJSON{}}
	if sc != nil {
		doc.Scenario = &scenarioJSON{sc.Name, sc.Seed, r.Moved}
	}
	for i, c := range r.Columns {
		j := columnJSON{Formule: c.Name, Fichier: formulas[i%len(formulas)].File, Scenario: c.Scenario, Rejetees: c.Rejected,
			Total: toStatsJSON(c.Total), Profils: []profileJSON{}, Postes: []posteStats{}}
		for _, p := range c.Profiles {
			j.Profils = append(j.Profils, profileJSON{p.Profile.Code(), p.Beneficiaries, toStatsJSON(p.Stats)})
		}
		for _, p := range c.Postes {
			j.Postes = append(j.Postes, posteStats{p.Poste, toStatsJSON(p.Stats)})
		}
		doc.Colonnes = append(doc.Colonnes, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// CompareTable writes a comparison of formulas as aligned tables, one
// column per formula (and per formula with the scenario): the total, then
// each profile, then each poste with its label. Write errors are left to
// w (a bufio.Writer reports them on Flush).
func CompareTable(w io.Writer, r compare.Result, label func(string) string) {
	head := []string{""}
	for _, c := range r.Columns {
		name := c.Name
		if c.Scenario {
			name += " + réseau"
		}
		head = append(head, name)
	}
	rows := [][]string{head}
	block := func(title string, get func(compare.Column) compare.Stats) {
		rows = append(rows, nil, []string{title})
		for _, m := range []struct {
			name string
			f    func(compare.Stats) string
		}{
			{"  RC", func(s compare.Stats) string { return s.RC.String() }},
			{"  reste à charge", func(s compare.Stats) string { return s.Reste.String() }},
			{"  lignes sans reste", func(s compare.Stats) string { return Pourmille(s.SansRestePourmille()) + "%" }},
		} {
			row := []string{m.name}
			for _, c := range r.Columns {
				row = append(row, m.f(get(c)))
			}
			rows = append(rows, row)
		}
	}
	block(fmt.Sprintf("TOTAL (%d lines)", r.Columns[0].Total.Lines), func(c compare.Column) compare.Stats { return c.Total })
	for k, p := range r.Columns[0].Profiles {
		if p.Beneficiaries == 0 {
			continue
		}
		block(fmt.Sprintf("%s (%d beneficiaries)", p.Profile.Label(), p.Beneficiaries), func(c compare.Column) compare.Stats { return c.Profiles[k].Stats })
	}
	for _, poste := range r.Postes() {
		title := poste
		if l := []rune(label(poste)); len(l) > 0 {
			if len(l) > 30 {
				l = append(l[:29], '…')
			}
			title += " — " + string(l)
		}
		block(title, func(c compare.Column) compare.Stats { return c.Poste(poste) })
	}
	writeAligned(w, rows)
	if r.Excluded > 0 {
		fmt.Fprintf(w, "\n%d lines rejected by some formula are left out of all.\n", r.Excluded)
	}
	if r.Moved > 0 {
		fmt.Fprintf(w, "The scenario moved %d of %d lines into the network.\n", r.Moved, r.Lines)
	}
}
