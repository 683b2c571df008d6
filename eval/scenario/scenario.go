// Package scenario owns réseau de soins scenarios: a small text file that
// says, per poste, which share of the claim lines moves into a care network
// and how much cheaper the care is there, and the deterministic rewriting
// of claim lines it describes.
//
// A scenario file reads like a guarantee table:
//
//	# Optique and dentaire steered into the network
//	scenario "Réseau Kalixia"
//	graine 2026
//	optique.verres:             40% des lignes, prix -30%
//	optique.monture:            40% des lignes, prix -30%
//	dentaire.prothese:          25% des lignes, prix -20%
//	medecine_douce.osteopathie: 30% des lignes, prix -25%
//
// A line moves when a hash of the seed and of its equipment id (or, for a
// line without one, of its line id) falls within the share: which lines
// move depends neither on the order of the lines nor on the number of
// workers, and the lines of one optical equipment move together. A moved
// line is marked `reseau` and its frais are reduced by the price reduction,
// rounded half away from zero to the cent, but never below its base nor
// below the RO it states: networks negotiate what is charged above the
// tariff, not the tariff itself.
package scenario

import (
	"hash/fnv"
	"strconv"

	"garantie/eval/claims"
	"garantie/eval/money"
	"garantie/regles"
)

// Scenario is a parsed scenario file.
type Scenario struct {
	// Name is the scenario's name from its `scenario "…"` line, or the
	// file name when it has none.
	Name string
	// Seed chooses which lines move; the same seed moves the same lines.
	Seed uint64
	// Rules are the scenario's lines, in file order.
	Rules []Rule
	// byPoste indexes Rules by poste code.
	byPoste map[string]int
}

// Rule is one line of a scenario: the lines of Poste (and of the postes
// under it that have no rule of their own) of which Share moves into the
// network, where prices are Reduction lower.
type Rule struct {
	Poste string
	// Share is the part of the lines that moves, in hundredths of a
	// percent (40% is 4000).
	Share int64
	// Reduction is the price reduction in the network, in hundredths of
	// a percent (30% is 3000).
	Reduction int64
	Line      int // line of the scenario file
}

// shareScale is 100% in hundredths of a percent.
const shareScale = 10000

// Rule returns the rule that governs poste: its own, else the nearest
// ancestor's. ok is false when no rule covers the poste.
func (s *Scenario) Rule(poste string) (Rule, bool) {
	for p := poste; p != ""; p = regles.Parent(p) {
		if i, ok := s.byPoste[p]; ok {
			return s.Rules[i], true
		}
	}
	return Rule{}, false
}

// Moves reports whether the scenario moves claim c into the network. A
// line already in the network, or that no rule covers, does not move.
func (s *Scenario) Moves(c *claims.Claim) (Rule, bool) {
	if c.Err != nil || c.Reseau {
		return Rule{}, false
	}
	r, ok := s.Rule(c.Poste)
	if !ok || r.Share == 0 {
		return r, false
	}
	return r, s.draw(c.Assure, drawKey(c)) < uint64(r.Share)
}

// Apply rewrites c as the scenario describes and reports whether it moved.
func (s *Scenario) Apply(c *claims.Claim) bool {
	r, ok := s.Moves(c)
	if !ok {
		return false
	}
	c.Reseau = true
	c.Frais = reducedPrice(c, r.Reduction)
	return true
}

// ApplyAll rewrites every claim of cs and returns how many moved.
func (s *Scenario) ApplyAll(cs []claims.Claim) int {
	n := 0
	for i := range cs {
		if s.Apply(&cs[i]) {
			n++
		}
	}
	return n
}

// reducedPrice is c's frais lowered by reduction (hundredths of a percent),
// rounded half away from zero to the cent, never below the base nor below
// the RO net the claim states.
func reducedPrice(c *claims.Claim, reduction int64) money.Cents {
	f := money.Cents(money.MulDivRound(int64(c.Frais), shareScale-reduction, shareScale))
	floor := c.Base
	if c.HasRO {
		floor = max(floor, c.RO)
	}
	return min(c.Frais, max(f, floor))
}

// draw returns a number in [0, 10000) that depends only on the seed, the
// beneficiary and key.
func (s *Scenario) draw(assure, key string) uint64 {
	h := fnv.New64a()
	var b [20]byte
	h.Write(strconv.AppendUint(b[:0], s.Seed, 10))
	h.Write([]byte{0})
	h.Write([]byte(assure))
	h.Write([]byte{0})
	h.Write([]byte(key))
	return h.Sum64() % shareScale
}
