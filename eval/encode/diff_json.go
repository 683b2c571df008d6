package encode

import (
	"encoding/json"
	"io"
	"strings"

	"garantie/eval/whatif"
)

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

// DiffJSON writes the report of a what-if comparison of contracts a and b,
// each on top of the base contracts, as one indented JSON document.
func DiffJSON(w io.Writer, r whatif.Report, a, b string, base []string) error {
	return writeIndented(w, newDiffJSON(r, a, b, base))
}

// DiffScenario is the scenario of a what-if comparison: B was evaluated on
// the claims it rewrote.
type DiffScenario struct {
	Name  string
	Seed  uint64
	Moved int // lines moved into the network
}

// DiffJSONScenario is DiffJSON with a last member "scenario": its name
// ("nom"), seed ("graine") and the lines it moved ("lignes_deplacees").
func DiffJSONScenario(w io.Writer, r whatif.Report, a, b string, base []string, sc DiffScenario) error {
	return writeIndented(w, struct {
		diffJSON
		Scenario scenarioJSON `json:"scenario"`
	}{newDiffJSON(r, a, b, base), scenarioJSON{sc.Name, sc.Seed, sc.Moved}})
}

func newDiffJSON(r whatif.Report, a, b string, base []string) diffJSON {
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
	for _, q := range r.Quantiles {
		doc.Quantiles = append(doc.Quantiles, quantileJSON{q.P, q.Value.String()})
	}
	return doc
}

func writeIndented(w io.Writer, doc any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
