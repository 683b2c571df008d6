// Package compare evaluates one claims file under several formulas at
// once and sums the outcome the way people who choose a formula read it:
// per poste and per profile of member (student, young worker, family with
// children, retiree), with the share of lines that leave nothing to pay.
// It also makes the what-if comparison of two contracts richer than
// package whatif's sums: the change of reste à charge by age band and by
// family size, and the biggest changes explained poste by poste. A
// réseau de soins scenario (package scenario) can rewrite the claims of
// one side.
//
// The claims are held in memory: a profile depends on the whole family,
// and a scenario gives each variant claims of its own. Each variant is
// evaluated with engine.Engine.Evaluate, one session over the whole file,
// as engine.StreamMany does for a file it cannot stream.
package compare

import (
	"slices"
	"strings"

	"garantie/eval/claims"
	"garantie/eval/engine"
	"garantie/eval/money"
	"garantie/eval/scenario"
)

// Formula is one formula of a comparison: its name, and the engine that
// evaluates it (a contract and the layers under or over it).
type Formula struct {
	Name   string
	Engine *engine.Engine
}

// Stats sums evaluated lines.
type Stats struct {
	Lines int
	// SansReste counts the lines whose reste à charge is zero.
	SansReste int
	Frais, RC money.Cents
	Reste     money.Cents
	// RO is what the régime obligatoire paid, net.
	RO money.Cents
}

// Add sums the evaluated result r (a rejected one is the caller's to
// leave out).
func (s *Stats) Add(r *engine.Result) {
	s.Lines++
	s.RO += r.RONet
	if r.Reste == 0 {
		s.SansReste++
	}
	s.Frais += r.Frais
	s.RC += r.RC
	s.Reste += r.Reste
}

// SansRestePourmille is the share of lines with no reste à charge in
// tenths of a percent, rounded half up; 0 without lines.
func (s Stats) SansRestePourmille() int64 {
	if s.Lines == 0 {
		return 0
	}
	return (int64(s.SansReste)*2000 + int64(s.Lines)) / (2 * int64(s.Lines))
}

// PosteStats is the Stats of one poste.
type PosteStats struct {
	Poste string
	Stats
}

// ProfileStats is the Stats of one profile, with its beneficiaries.
type ProfileStats struct {
	Profile       Profile
	Beneficiaries int
	Stats
}

// Column is one formula, with or without the scenario.
type Column struct {
	Name     string
	Scenario bool // evaluated on the claims rewritten by the scenario
	// Rejected counts the lines this column rejected.
	Rejected int
	Total    Stats
	Postes   []PosteStats   // sorted by poste code
	Profiles []ProfileStats // in the order of Profiles()
}

// Result is a comparison of formulas over one claims file.
type Result struct {
	Lines int // lines of the file, rejected ones included
	// Excluded counts the lines left out of every column because some
	// column rejected them, so that the columns cover the same care.
	Excluded   int
	Moved      int // lines the scenario moved into the network
	Columns    []Column
	Population *Population
}

// Compare evaluates cs under each formula and, with a scenario, each
// formula again on the claims the scenario rewrote (columns: every
// formula as is, then every formula with the scenario). A line rejected
// by any column is left out of all of them.
func Compare(formulas []Formula, cs []claims.Claim, sc *scenario.Scenario) Result {
	res := Result{Lines: len(cs), Population: NewPopulation(cs)}
	type variant struct {
		col Column
		rs  []engine.Result
	}
	var vs []variant
	for _, f := range formulas {
		vs = append(vs, variant{col: Column{Name: f.Name}, rs: f.Engine.Evaluate(cs)})
	}
	if sc != nil {
		moved, n := Rewrite(cs, sc)
		res.Moved = n
		for _, f := range formulas {
			vs = append(vs, variant{col: Column{Name: f.Name, Scenario: true}, rs: f.Engine.Evaluate(moved)})
		}
	}
	excluded := make([]bool, len(cs))
	for i := range vs {
		for j := range vs[i].rs {
			if vs[i].rs[j].Err != nil {
				vs[i].col.Rejected++
				excluded[j] = true
			}
		}
	}
	for _, x := range excluded {
		if x {
			res.Excluded++
		}
	}
	for _, v := range vs {
		res.Columns = append(res.Columns, summarise(v.col, v.rs, excluded, res.Population))
	}
	return res
}

// summarise sums the lines of rs not excluded into col.
func summarise(col Column, rs []engine.Result, excluded []bool, pop *Population) Column {
	postes := map[string]*Stats{}
	var profiles [numProfiles]Stats
	benefs := [numProfiles]map[string]bool{}
	for i := range rs {
		r := &rs[i]
		if excluded[i] {
			continue
		}
		col.Total.Add(r)
		s := postes[r.Poste]
		if s == nil {
			s = new(Stats)
			postes[r.Poste] = s
		}
		s.Add(r)
		q, _ := pop.Person(r.Assure)
		profiles[q.Profile].Add(r)
		if benefs[q.Profile] == nil {
			benefs[q.Profile] = map[string]bool{}
		}
		benefs[q.Profile][r.Assure] = true
	}
	for p, s := range postes {
		col.Postes = append(col.Postes, PosteStats{Poste: p, Stats: *s})
	}
	slices.SortFunc(col.Postes, func(a, b PosteStats) int { return strings.Compare(a.Poste, b.Poste) })
	for _, p := range Profiles() {
		col.Profiles = append(col.Profiles, ProfileStats{Profile: p, Beneficiaries: len(benefs[p]), Stats: profiles[p]})
	}
	return col
}

// Rewrite returns a copy of cs rewritten by the scenario, and how many
// lines moved into the network. cs is not changed.
func Rewrite(cs []claims.Claim, sc *scenario.Scenario) ([]claims.Claim, int) {
	moved := slices.Clone(cs)
	return moved, sc.ApplyAll(moved)
}

// Postes returns the union of the postes of the columns, sorted.
func (r Result) Postes() []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range r.Columns {
		for _, p := range c.Postes {
			if !seen[p.Poste] {
				seen[p.Poste] = true
				out = append(out, p.Poste)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Poste returns the column's Stats of poste, zero when it has none.
func (c Column) Poste(poste string) Stats {
	i, ok := slices.BinarySearchFunc(c.Postes, poste, func(p PosteStats, t string) int { return strings.Compare(p.Poste, t) })
	if !ok {
		return Stats{}
	}
	return c.Postes[i].Stats
}
