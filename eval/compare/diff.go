package compare

import (
	"slices"
	"strings"

	"garantie/eval/claims"
	"garantie/eval/engine"
	"garantie/eval/money"
	"garantie/eval/scenario"
	"garantie/eval/whatif"
)

// Diff is a what-if comparison of a contract A and a contract B over one
// claims file: package whatif's report, with every beneficiary, and the
// breakdowns a report shows.
type Diff struct {
	whatif.Report
	Population *Population
	// Moved is the number of lines the scenario moved into the network
	// (B's side only); 0 without a scenario.
	Moved int
	// ByAge and BySize sum the reste à charge of the beneficiaries by
	// age band (AgeBands, then "inconnu") and by family size ("1" to
	// "5+"); groups without beneficiaries are left out.
	ByAge, BySize []Group
	// Explained explains each of Report.Biggest, in the same order.
	Explained []Explanation
}

// Group sums the reste à charge of a group of beneficiaries under A and B.
type Group struct {
	Label          string
	Beneficiaries  int
	ResteA, ResteB money.Cents
}

// Change is the group's reste à charge under B minus under A.
func (g Group) Change() money.Cents { return g.ResteB - g.ResteA }

// Explanation tells where a beneficiary's change of reste à charge comes
// from: per poste, the lines, the reste under A and B and the rules
// (file:line of the last layer) that paid, or the motif it paid nothing.
type Explanation struct {
	Assure string
	Person Person
	Postes []PosteChange
}

// PosteChange is one poste of an Explanation.
type PosteChange struct {
	Poste          string
	Lines          int
	Moved          int // lines the scenario moved into the network
	ResteA, ResteB money.Cents
	RulesA, RulesB []string // distinct, sorted; a motif when no rule paid
}

// Change is the reste à charge under B minus under A.
func (p PosteChange) Change() money.Cents { return p.ResteB - p.ResteA }

// CompareTwo evaluates cs under A, and under B on the claims as they are
// or, with a scenario, as the scenario rewrote them: so that A and B the
// same contract measure the network's pure effect. top is how many of the
// biggest changes to list and explain.
func CompareTwo(a, b *engine.Engine, cs []claims.Claim, sc *scenario.Scenario, top int) Diff {
	d := Diff{Population: NewPopulation(cs)}
	bcs := cs
	if sc != nil {
		bcs, d.Moved = Rewrite(cs, sc)
	}
	ra, rb := a.Evaluate(cs), b.Evaluate(bcs)
	cmp := whatif.NewComparison()
	cmp.Add(ra, rb)
	d.Report = cmp.Report(top, true)
	d.ByAge = d.group(BandOf, append(bandLabels(), "inconnu"))
	d.BySize = d.group(SizeOf, []string{"1", "2", "3", "4", "5+"})
	for _, bc := range d.Biggest {
		d.Explained = append(d.Explained, explain(bc.Assure, d.Population, cs, bcs, ra, rb))
	}
	return d
}

func bandLabels() []string {
	var out []string
	for _, b := range AgeBands() {
		out = append(out, b.Label)
	}
	return out
}

// group sums every beneficiary's reste into the groups of labels.
func (d *Diff) group(of func(Person) string, labels []string) []Group {
	gs := make([]Group, len(labels))
	for i, l := range labels {
		gs[i].Label = l
	}
	for _, bc := range d.All {
		q, _ := d.Population.Person(bc.Assure)
		i := slices.Index(labels, of(q))
		gs[i].Beneficiaries++
		gs[i].ResteA += bc.ResteA
		gs[i].ResteB += bc.ResteB
	}
	return slices.DeleteFunc(gs, func(g Group) bool { return g.Beneficiaries == 0 })
}

// explain gathers the lines of one beneficiary evaluated under both sides.
func explain(assure string, pop *Population, ca, cb []claims.Claim, ra, rb []engine.Result) Explanation {
	q, _ := pop.Person(assure)
	e := Explanation{Assure: assure, Person: q}
	byPoste := map[string]*PosteChange{}
	rules := map[string][2]map[string]bool{}
	for i := range ra {
		a, b := &ra[i], &rb[i]
		if a.Assure != assure || a.Err != nil || b.Err != nil {
			continue
		}
		p := byPoste[a.Poste]
		if p == nil {
			p = &PosteChange{Poste: a.Poste}
			byPoste[a.Poste] = p
			rules[a.Poste] = [2]map[string]bool{{}, {}}
		}
		p.Lines++
		if cb[i].Reseau && !ca[i].Reseau {
			p.Moved++
		}
		p.ResteA += a.Reste
		p.ResteB += b.Reste
		rules[a.Poste][0][ruleOf(a)] = true
		rules[a.Poste][1][ruleOf(b)] = true
	}
	for poste, p := range byPoste {
		p.RulesA, p.RulesB = sortedKeys(rules[poste][0]), sortedKeys(rules[poste][1])
		e.Postes = append(e.Postes, *p)
	}
	slices.SortFunc(e.Postes, func(x, y PosteChange) int {
		dx, dy := abs(x.Change()), abs(y.Change())
		if dx != dy {
			if dx > dy {
				return -1
			}
			return 1
		}
		return strings.Compare(x.Poste, y.Poste)
	})
	return e
}

// ruleOf is the rule of the last layer (the contract compared) that paid
// r, or its motif, or "-".
func ruleOf(r *engine.Result) string {
	if len(r.Couches) == 0 {
		return "-"
	}
	k := r.Couches[len(r.Couches)-1]
	switch {
	case k.Regle != "":
		return k.Regle
	case k.Motif != engine.MotifNone:
		return k.Motif.String()
	}
	return "-"
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func abs(c money.Cents) money.Cents {
	if c < 0 {
		return -c
	}
	return c
}

// Bin is one bar of a histogram: the beneficiaries whose change of reste
// à charge is in [From, To) (the last bin includes To).
type Bin struct {
	From, To money.Cents
	Count    int
}

// Histogram spreads the beneficiaries whose reste à charge changed over n
// bins of equal width (in whole cents) from the smallest change to the
// largest. It is empty when no reste changed.
func (d Diff) Histogram(n int) []Bin {
	var lo, hi money.Cents
	seen := false
	for _, bc := range d.All {
		if c := bc.Change(); c != 0 {
			if !seen || c < lo {
				lo = c
			}
			if !seen || c > hi {
				hi = c
			}
			seen = true
		}
	}
	if !seen {
		return nil
	}
	width := (hi - lo + money.Cents(n)) / money.Cents(n) // ceiling, at least 1
	bins := make([]Bin, n)
	for i := range bins {
		bins[i].From = lo + money.Cents(i)*width
		bins[i].To = bins[i].From + width
	}
	for _, bc := range d.All {
		if c := bc.Change(); c != 0 {
			bins[min(int((c-lo)/width), n-1)].Count++
		}
	}
	return bins
}
