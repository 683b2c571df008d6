package engine

import (
	"garantie/eval/claims"
	"garantie/eval/date"
	"garantie/eval/money"
)

// layerRun is what evaluating one layer on one line computed, step by step
// (LANGUAGE.md §3 steps 3 to 6): the arithmetic fills it, and the
// explanation is rendered from it afterwards (explainLayer). A worker
// keeps one and reuses its slices from line to line.
type layerRun struct {
	stop stopKind  // the step that ended the layer with 0, if any
	rule *rulePlan // the formula rule, nil when none holds
	// Step 3: the carence the care fell within, of which rule, and its end.
	carence     *carencePlan
	carenceRule *rulePlan
	carenceEnd  date.Day
	// Step 4: the covered quantity out of the line's, the counters, and
	// the amounts of the covered units (prev is brut plus what the earlier
	// layers paid); left is what is left to pay after them.
	covered, quantite       int64
	counters                []counterView
	frais, base, brut, prev money.Cents
	left                    money.Cents
	// Step 5: each percentage term, the sums of those of the base and frais
	// (bf) and of the ticket modérateur (tm), bf less prev under "y compris
	// RO", the part before and after its cap at left; then the money terms
	// and their forfaits' envelopes.
	pctTerms         []termRun
	bf, tm, deducted money.Cents
	hasBF, hasTM     bool
	pctUncapped, pct money.Cents
	uncut            []money.Cents // each money term after step 5
	forfaits         []envView
	// Step 6: the plafonds' envelopes with the cut each made (cutTerms
	// holds, per cut, what came off each money term), and the money terms
	// and total after them.
	plafonds []envView
	cuts     []plafondCut
	cutTerms []money.Cents
	amounts  []money.Cents
	total    money.Cents
	// unitCaps are the plafonds per unit and the limites that applied
	// after the plafonds (tables.go).
	unitCaps []unitCapRun
	// The price limit × covered units, for N% PLV terms, or why it is
	// unknown (then plv is 0).
	plv     money.Cents
	noLimit string
	// The law of a responsable layer: what it did, and what a ceiling
	// took off the percentage part.
	law    lawRun
	lawCut money.Cents
}

// stopKind is the step that ended a layer with 0 before any arithmetic.
type stopKind uint8

const (
	stopNone       stopKind = iota
	stopNoRule              // no formula rule holds
	stopNonCouvert          // the formula rule is "non couvert"
	stopCarence             // step 3
	stopMaxAtteint          // step 4: no unit left
)

// termRun is what a percentage term computed: the amount it is a
// percentage of, and the result.
type termRun struct {
	of, paid money.Cents
}

// plafondCut is what one plafond took off the layer: amount in all, fromPct
// of it off the percentage part, the rest off the money terms as listed
// in cutTerms from index from (when amount > 0).
type plafondCut struct {
	amount, fromPct money.Cents
	from            int
}

// reset empties t for a new layer, keeping its slices' memory. It clears
// what the steps accumulate or may not reach; every other field is set by
// the step that computes it before anything reads it. (Assigning a whole
// layerRun would copy its pointers with write barriers on every layer of
// every line.)
func (t *layerRun) reset() {
	t.stop = stopNone
	t.bf, t.tm, t.deducted, t.pctUncapped, t.pct, t.total = 0, 0, 0, 0, 0, 0
	t.hasBF, t.hasTM = false, false
	t.plv, t.noLimit, t.law, t.lawCut = 0, "", lawRun{}, 0
	t.counters, t.pctTerms, t.uncut, t.forfaits = t.counters[:0], t.pctTerms[:0], t.uncut[:0], t.forfaits[:0]
	t.plafonds, t.cuts, t.cutTerms, t.amounts = t.plafonds[:0], t.cuts[:0], t.cutTerms[:0], t.amounts[:0]
	t.unitCaps = t.unitCaps[:0]
}

// scale sets the amounts of step 4: those of c, with prev what the RO
// (brut) and earlier layers paid, in proportion to the covered units when
// a counter covers fewer than the line's quantity.
func (t *layerRun) scale(c *claims.Claim, brut, prev money.Cents, covered int64) {
	t.frais, t.base, t.brut, t.prev = c.Frais, c.Base, brut, prev
	if q := c.Quantite; covered < q {
		t.frais = money.Cents(money.MulDivRound(int64(t.frais), covered, q))
		t.base = money.Cents(money.MulDivRound(int64(t.base), covered, q))
		t.brut = money.Cents(money.MulDivRound(int64(t.brut), covered, q))
		t.prev = money.Cents(money.MulDivRound(int64(t.prev), covered, q))
	}
}
