package engine

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"garantie/eval/claims"
	"garantie/eval/date"
	"garantie/eval/money"
	"garantie/regles"
)

// worker evaluates the claims of the families it owns, sequentially. Its
// scratch buffers are reused from line to line, so that a line allocates
// nothing once they have grown.
type worker struct {
	e       *Engine
	explain bool

	named map[string]int32 // family id to index in families
	solo  map[string]int32 // beneficiary of a family of one to index
	// families are the states of the families, in blocks of
	// memberBlock, in the order they were first seen; nFamilies counts
	// them. In blocks, so that none is ever copied and no doubling leaves
	// room unused.
	families  [][]familyState
	nFamilies uint32
	// members are the states of the beneficiaries, in blocks of
	// memberBlock, in the order they were first seen; nMembers counts
	// them. Apart from their families, so that finding a line's family
	// and its member are two independent reads, which the processor
	// overlaps; in blocks, so that none is ever copied.
	members  [][]beneficiaryState
	nMembers uint32
	located  []location // by beneficiary number
	refs     refCache

	age      int // of the beneficiary of the line, when hasAge
	hasAge   bool
	choices  []choice // per layer
	limitBuf []int32
	applying []*rulePlan
	run      layerRun // what the current layer computed
	line     lineRun  // what the layers of the current line share
	// pendingSeen are the equipments counted, recorded with w.pending.
	pendingSeen []pendingSeen
	// The last 100% Santé price limit looked up (priceLimit).
	limitKey limitKey
	limitVal limitValue
	limitSet bool
	// For explanations only: whether the layer is the first one.
	first   bool
	pending []pendingCharge
	trace   *[]string // the Trace of the line being explained
}

// lineRun is what the layers of one line share beyond the claim.
type lineRun struct {
	claim *claims.Claim
	poste int32
	// majoration is the hors-parcours majoration a responsable layer adds
	// to RO brut (law.go).
	majoration money.Cents
	// prior is what was paid on the line's classe B equipment in its
	// earlier lines.
	prior equipPaid
	// For explanations: RO brut and the deduction withheld on the line,
	// and what the layers before the current one paid.
	brut, pf, paid money.Cents
	// part is the participation the RO withheld (roAmounts.part): not
	// part of prev, so that contracts may pay it.
	part money.Cents
	// stay is the key of the line's hospital stay in its family, for the
	// periods per sejour (stayKey).
	stay date.Day
}

func newWorker(e *Engine) worker {
	return worker{
		e: e, explain: e.explain,
		named: map[string]int32{}, solo: map[string]int32{},
		refs:    refCache{ref: e.ref, rates: map[rateKey]rateValue{}, deductions: map[deductionKey]deductionValue{}},
		choices: make([]choice, len(e.layers)),
	}
}

// locate returns where the state of c's beneficiary (numbered ben) is,
// creating it on first sight. A beneficiary without famille is a family of
// one.
func (w *worker) locate(c *claims.Claim, ben int32) location {
	if int(ben) >= len(w.located) {
		w.located = append(w.located, make([]location, int(ben)+1-len(w.located)+len(w.located)/2)...)
	}
	if loc := w.located[ben]; loc.family > 0 {
		return loc
	}
	m, key := w.named, c.Famille
	if key == "" {
		m, key = w.solo, c.Assure
	}
	f, ok := m[key]
	if !ok {
		if w.nFamilies%memberBlock == 0 {
			w.families = append(w.families, make([]familyState, memberBlock))
		}
		f = int32(w.nFamilies)
		w.nFamilies++
		m[strings.Clone(key)] = f
	}
	if w.nMembers%memberBlock == 0 {
		w.members = append(w.members, make([]beneficiaryState, memberBlock))
	}
	w.nMembers++
	loc := location{family: f + 1, member: int32(w.nMembers)}
	w.located[ben] = loc
	return loc
}

// memberBlock is the number of beneficiaries' states in a block of
// worker.members, and of families' states in a block of worker.families.
const memberBlock = 1024

// family returns the state of the family at loc.
func (w *worker) family(loc location) *familyState {
	i := uint32(loc.family - 1)
	return &w.families[i/memberBlock][i%memberBlock]
}

// member returns the state of the beneficiary at loc.
func (w *worker) member(loc location) *beneficiaryState {
	i := uint32(loc.member - 1)
	return &w.members[i/memberBlock][i%memberBlock]
}

// evaluateClaim evaluates c (LANGUAGE.md §3 steps 1 to 10) with the state
// of its family and writes r, whose Couches are couches, without reading
// it. A rejected line changes no state.
func (w *worker) evaluateClaim(c *claims.Claim, poste int32, couches []Couche, fam *familyState, ben *beneficiaryState, r *Result) {
	setResult(r, c, couches)
	if w.explain {
		w.trace = &r.Trace
	}
	w.age, w.hasAge = 0, c.HasNaiss
	if c.HasNaiss {
		if c.Naissance > c.Date {
			rejectLine(r, rejection(RejectNaissanceAfterCare, fmt.Sprintf("naissance %s is after the date of care %s", c.Naissance, c.Date)))
			return
		}
		w.age = date.YearsBetween(c.Naissance, c.Date)
	}
	ro, err := w.computeRO(c, poste, ben)
	if err == nil && ro.net > c.Frais {
		err = rejection(RejectRONetAboveFrais, fmt.Sprintf("RO net %s exceeds frais %s", ro.net, c.Frais))
	}
	w.limitBuf = w.limitBuf[:0]
	for k, l := range w.e.layers {
		if err != nil {
			break
		}
		w.choices[k], err = w.choose(l, c, poste)
	}
	if err != nil {
		rejectLine(r, err)
		return
	}
	info := &w.e.postes[poste]
	w.line = lineRun{claim: c, poste: poste, brut: ro.brut, pf: ro.pf, part: ro.part, stay: fam.stayKey(c.Assure, c.Sejour)}
	for _, l := range w.e.layers {
		if l.responsable {
			w.line.majoration = w.majoration(c, info, ro.brut)
			break
		}
	}
	if info.law.optique != optiqueNone && c.Equipement != "" && ben.equip != nil {
		w.line.prior = paidOn(&ben.equip.paid, c.Equipement, c.Date)
	}
	if w.explain {
		w.noteRO(c, &ro)
	}
	w.pending, w.pendingSeen = w.pending[:0], w.pendingSeen[:0]
	couches = couches[:len(w.e.layers)]
	var paid money.Cents
	for k, l := range w.e.layers {
		couches[k] = Couche{}
		if w.explain {
			w.first = k == 0
		}
		rc, err := w.evalLayer(l, w.choices[k], c, &ro, paid, fam, ben, &couches[k])
		if err != nil {
			rejectLine(r, err)
			return
		}
		couches[k].RC = rc
		paid += rc
	}
	ben.ded.add(ro.kind, c.Date, c.Professionnel, ro.pf)
	for _, p := range w.pending {
		charge(p.list, p.id, p.start, p.end, p.anchor, p.amount)
	}
	for _, p := range w.pendingSeen {
		count(p.seen, p.counter, p.start, p.end, c.Equipement)
	}
	if info.law.optique != optiqueNone && c.Equipement != "" && paid > 0 {
		addPaid(&ben.equipment().paid, c.Equipement, c.Date, paid, info.law.optique == optiqueMonture)
	}
	r.Couches = couches
	r.ROBrut, r.PF, r.Participation, r.RONet = ro.brut, ro.pf, ro.part, ro.net
	r.RC, r.Reste = paid, c.Frais-ro.net-paid
}

// rejectLine turns r into the error record of its line.
func rejectLine(r *Result, reason *Rejection) {
	r.Err = reason
	r.Couches = r.Couches[:0]
	r.Trace = nil
}

// noteRO explains step 1.
func (w *worker) noteRO(c *claims.Claim, ro *roAmounts) {
	var deduction string
	if ro.pf > 0 || ro.kind != regles.NoDeduction {
		deduction = fmt.Sprintf(", %s %s", ro.kind, ro.pf)
	}
	if ro.part > 0 {
		deduction += fmt.Sprintf(", participation %s (contracts may pay it)", ro.part)
	}
	switch {
	case !ro.computed:
		w.note("RO net %s from the claim%s: RO brut %s", ro.net, deduction, ro.brut)
	case c.Base == 0:
		w.note("RO: no base, RO net 0.00")
	default:
		num, den := ro.taux.Fraction()
		pct := decimal.NewFromInt(num * 100).Div(decimal.NewFromInt(den))
		w.note("RO: %s%% of base %s = RO brut %s%s, RO net %s", pct, c.Base, ro.brut, deduction, ro.net)
	}
}
