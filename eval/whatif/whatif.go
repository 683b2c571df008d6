// Package whatif compares two contracts on the same claims: a Comparison
// accumulates the results of each line under a contract A and a contract B
// (each possibly on top of shared base layers), batch by batch, and its
// Report sums them by poste and by beneficiary.
package whatif

import (
	"cmp"
	"slices"
	"strings"

	"garantie/eval/engine"
	"garantie/eval/money"
)

// Comparison accumulates a what-if analysis: the same claim lines
// evaluated under a contract A and a contract B (each possibly on top of
// shared base layers). Memory grows with the number of postes and
// beneficiaries, not of lines.
type Comparison struct {
	postes map[string]*PosteDiff
	total  PosteDiff
	benef  map[string]*[2]money.Cents // reste à charge under A and B
	lines  int
	// rejected counts lines rejected under A, under B.
	rejected [2]int
}

// PosteDiff sums one poste (or the total) under A and B. RC is the total
// of all complementary layers; lines rejected under either side are left
// out of both so the two columns cover the same care.
type PosteDiff struct {
	Poste          string
	Lines          int
	Frais          money.Cents
	RCA, RCB       money.Cents
	ResteA, ResteB money.Cents
}

// Ecart is RC under B minus RC under A.
func (p PosteDiff) Ecart() money.Cents { return p.RCB - p.RCA }

// EcartPourmille is the change of RC relative to A in tenths of a percent,
// rounded half away from zero; ok is false when A pays nothing.
func (p PosteDiff) EcartPourmille() (v int64, ok bool) {
	if p.RCA == 0 {
		return 0, false
	}
	return divRoundHalfAway(int64(p.Ecart())*1000, int64(p.RCA)), true
}

func divRoundHalfAway(n, d int64) int64 {
	if d < 0 {
		n, d = -n, -d
	}
	q, r := n/d, n%d
	if 2*abs64(r) >= d {
		if n < 0 {
			q--
		} else {
			q++
		}
	}
	return q
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// NewComparison returns an empty comparison.
func NewComparison() *Comparison {
	return &Comparison{postes: map[string]*PosteDiff{}, benef: map[string]*[2]money.Cents{}, total: PosteDiff{Poste: "TOTAL"}}
}

// Add accumulates a batch: a[i] and b[i] are the results of the same line
// under A and under B.
func (c *Comparison) Add(a, b []engine.Result) {
	for i := range a {
		ra, rb := &a[i], &b[i]
		c.lines++
		if ra.Err != nil {
			c.rejected[0]++
		}
		if rb.Err != nil {
			c.rejected[1]++
		}
		if ra.Err != nil || rb.Err != nil {
			continue
		}
		p := c.postes[ra.Poste]
		if p == nil {
			p = &PosteDiff{Poste: strings.Clone(ra.Poste)}
			c.postes[p.Poste] = p
		}
		for _, d := range [...]*PosteDiff{p, &c.total} {
			d.Lines++
			d.Frais += ra.Frais
			d.RCA += ra.RC
			d.RCB += rb.RC
			d.ResteA += ra.Reste
			d.ResteB += rb.Reste
		}
		r := c.benef[ra.Assure]
		if r == nil {
			r = new([2]money.Cents)
			c.benef[strings.Clone(ra.Assure)] = r
		}
		r[0] += ra.Reste
		r[1] += rb.Reste
	}
}

// Report is the outcome of a what-if analysis.
type Report struct {
	Lines              int
	RejectedA          int
	RejectedB          int
	Postes             []PosteDiff // sorted by poste code
	Total              PosteDiff
	Beneficiaries      int // beneficiaries with at least one line evaluated under both
	Rises, Falls, Same int // whose reste à charge rises, falls, stays
	// Quantiles of the change of reste à charge (B − A) among the
	// beneficiaries whose reste changed, nearest-rank.
	Quantiles []Quantile
	// Biggest are the largest changes of reste à charge, by absolute
	// value, ties by beneficiary id.
	Biggest []BeneficiaryChange
	// All holds every beneficiary, sorted by id, when the report was asked
	// for them.
	All []BeneficiaryChange
}

// Quantile is the value below which a share P (in percent) of the changes
// fall.
type Quantile struct {
	P     int
	Value money.Cents
}

// BeneficiaryChange is one beneficiary's reste à charge under A and B.
type BeneficiaryChange struct {
	Assure         string
	ResteA, ResteB money.Cents
}

// Change is the reste à charge under B minus under A.
func (b BeneficiaryChange) Change() money.Cents { return b.ResteB - b.ResteA }

// quantilePoints are the quantiles a Report gives.
var quantilePoints = []int{0, 10, 25, 50, 75, 90, 100}

// Report summarises the comparison with the top biggest changes, and
// lists every beneficiary when all is true.
func (c *Comparison) Report(top int, all bool) Report {
	r := Report{Lines: c.lines, RejectedA: c.rejected[0], RejectedB: c.rejected[1], Total: c.total, Beneficiaries: len(c.benef)}
	for _, p := range c.postes {
		r.Postes = append(r.Postes, *p)
	}
	slices.SortFunc(r.Postes, func(a, b PosteDiff) int { return strings.Compare(a.Poste, b.Poste) })

	var changed []BeneficiaryChange
	for id, v := range c.benef {
		bc := BeneficiaryChange{Assure: id, ResteA: v[0], ResteB: v[1]}
		if all {
			r.All = append(r.All, bc)
		}
		switch d := bc.Change(); {
		case d > 0:
			r.Rises++
		case d < 0:
			r.Falls++
		default:
			r.Same++
			continue
		}
		changed = append(changed, bc)
	}
	if len(changed) > 0 {
		deltas := make([]money.Cents, len(changed))
		for i, bc := range changed {
			deltas[i] = bc.Change()
		}
		slices.Sort(deltas)
		for _, p := range quantilePoints {
			// Nearest rank: the smallest value with at least p% of the
			// values at or below it.
			k := max((p*len(deltas)+99)/100, 1)
			r.Quantiles = append(r.Quantiles, Quantile{P: p, Value: deltas[k-1]})
		}
	}
	slices.SortFunc(changed, func(a, b BeneficiaryChange) int {
		return cmp.Or(cmp.Compare(abs64(int64(b.Change())), abs64(int64(a.Change()))), strings.Compare(a.Assure, b.Assure))
	})
	r.Biggest = changed[:min(max(top, 0), len(changed))]
	slices.SortFunc(r.All, func(a, b BeneficiaryChange) int { return strings.Compare(a.Assure, b.Assure) })
	return r
}
