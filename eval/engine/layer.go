package engine

import (
	"garantie/dsl/check"
	"garantie/eval/claims"
	"garantie/eval/date"
	"garantie/eval/money"
)

// pendingCharge is a charge to an envelope or counter, recorded while a line
// is evaluated and applied once the whole line is accepted (§3 step 7).
type pendingCharge struct {
	list       *[]envelope
	id         int32
	start, end date.Day
	anchor     date.Day // the adhesion date of the line, kept by a new envelope
	amount     int64
}

// pendingSeen records, once the line is accepted, that a counter in
// equipement counted the line's equipment in its period.
type pendingSeen struct {
	seen       *[]equipSeen
	counter    int32
	start, end date.Day
}

// envView is an envelope as the line sees it before being charged.
type envView struct {
	plan       *envelopePlan
	list       *[]envelope
	start, end date.Day
	adh        date.Day    // the adhesion date of the line
	avail      money.Cents // what is left of the period's amount before this line
	open       bool        // the period exists: false for a glissant window not opened yet
	// inside is what counts inside an envelope "RO inclus" besides what
	// the term or rule pays: the line's prev, and for a forfait what the
	// earlier terms paid.
	inside money.Cents
	// beyond is set when "au-dela FORMULE" paid past the plafond: the
	// plafond is charged room at most, what it had left for the line.
	beyond bool
	room   money.Cents
}

// counterView is a counter as the line sees it before being charged.
type counterView struct {
	plan       *counterPlan
	start, end date.Day
	adh        date.Day // the adhesion date of the line
	used       int64
	// draw is what the line draws on the counter when the layer pays:
	// the covered units, or for a counter in equipement one unit for a
	// new equipment and none for one it counted (seen).
	draw int64
	seen bool
}

// evalLayer evaluates c in layer l with the rules of ch (§3 steps 3 to 7),
// given what the RO and earlier layers paid, then applies the law of the
// contrat responsable to a layer that declares it (law.go). It fills out
// and returns the layer's RC, or the reason to reject the line. Charges go
// to w.pending. What each step computed stays in w.run, from which the
// explanation is rendered.
func (w *worker) evalLayer(l *layerPlan, ch choice, c *claims.Claim, ro *roAmounts, paid money.Cents, fam *familyState, ben *beneficiaryState, out *Couche) (money.Cents, *Rejection) {
	t := &w.run
	t.reset()
	w.line.paid = paid
	brut := ro.brut
	if l.responsable {
		t.law.applied, t.law.majoration = true, w.line.majoration
		brut += w.line.majoration
	}
	rc, err := w.payLayer(l, ch, c, brut, paid, fam, ben, out)
	t.law.contract = rc
	if err == nil && l.responsable {
		rc, err = w.lawLayer(c, brut, paid, rc, out)
	}
	if err != nil {
		return 0, err
	}
	if charged := min(rc, t.law.contract); charged > 0 {
		// The envelopes and counters are charged what the rules paid,
		// and only when they paid (the law's additions are not).
		w.consume(t.rule, charged, ben)
	}
	if w.explain {
		w.explainLayer(l, c)
	}
	return rc, nil
}

// lawLayer applies the law to what the rules of a responsable layer paid
// (contract): a floor raises it, a ceiling lowers it, taking the
// difference off the money terms like a plafond (the envelopes are charged
// no more than the rules paid), with the motif of what changed.
func (w *worker) lawLayer(c *claims.Claim, brut, paid, contract money.Cents, out *Couche) (money.Cents, *Rejection) {
	t := &w.run
	info := &w.e.postes[w.line.poste]
	rc, err := w.applyLaw(c, info, brut, paid, w.line.prior, contract)
	if err != nil {
		return 0, err
	}
	switch {
	case rc < contract:
		out.Motif = MotifPlafondLegal
		if t.stop == stopNone {
			t.lawCut = t.cut(contract-rc, &t.pct, len(t.rule.money))
		}
	case rc > contract && t.law.floorKind == floorSante100:
		out.Motif = MotifPanier100Sante
	case rc > contract && t.law.floorKind == floorFPU:
		out.Motif = MotifForfaitUrgences
	case rc > contract:
		out.Motif = MotifTicketModerateur
	}
	// The rules' part after a ceiling's cut; the law's addition is not
	// the rules' (explainLayer).
	t.total = min(rc, contract)
	t.law.final = rc
	return rc, nil
}

// payLayer is the layer's own steps 3 to 6: what its rules pay. It
// records the consumption to do in w.run (t.charge) without doing it.
func (w *worker) payLayer(l *layerPlan, ch choice, c *claims.Claim, brut, paid money.Cents, fam *familyState, ben *beneficiaryState, out *Couche) (money.Cents, *Rejection) {
	t := &w.run
	if ch.formula < 0 {
		t.stop, out.Motif = stopNoRule, MotifNonCouvert
		return 0, nil
	}
	r := &l.rules[ch.formula]
	t.rule, out.Regle = r, r.where
	if r.kind == check.NonCouvertRule {
		t.stop, out.Motif = stopNonCouvert, MotifNonCouvert
		return 0, nil
	}
	w.applying = append(w.applying[:0], r)
	for _, ri := range w.limitBuf[ch.lo:ch.hi] {
		w.applying = append(w.applying, &l.rules[ri])
	}

	// Step 3: carence.
	if w.inCarence(ch.adh, c.Date) {
		t.stop, out.Motif = stopCarence, MotifCarence
		return 0, nil
	}

	// Step 4: covered quantity, and the amounts of the covered units.
	covered := w.coveredQuantity(c, ch.adh, ben)
	if covered == 0 {
		t.stop, out.Motif = stopMaxAtteint, MotifMaxAtteint
		return 0, nil
	}
	// The participation the RO withheld is not in prev: the rules may pay
	// it (docs/language.md §10.6).
	t.scale(c, brut, brut-w.line.part+paid, covered)
	t.left = max(0, t.frais-t.prev)
	if r.hasPLV {
		// An unknown limit makes the PLV terms pay 0, with the motif
		// and the reason in the explanation.
		v := w.priceLimit(c, &w.e.postes[w.line.poste])
		t.plv, t.noLimit = money.Cents(money.MulDivRound(int64(v.cents), covered, 1)), v.why
	}

	// Step 5: the percentage part, then the money terms in textual order.
	pct := t.percentagePart(l.mode, r)
	t.pct = pct
	total, err := w.moneyTerms(r, c.Date, ch.adh, covered, t.left-pct, fam, ben)
	if err != nil {
		return 0, err
	}
	total += pct
	uncapped := total

	// Step 6: plafonds, the formula rule's own first; then the plafonds
	// per unit and the limites of the first months (tables.go).
	total, err = w.applyPlafonds(r, l.mode, c.Date, ch.adh, total, &pct, fam, ben)
	if err != nil {
		return 0, err
	}
	total = w.applyUnitCaps(r, total, &pct)
	if total, err = w.applyLimites(r, l.mode, c.Date, ch.adh, total, &pct); err != nil {
		return 0, err
	}
	t.total = total
	switch {
	case uncapped > 0 && total == 0:
		out.Motif = MotifPlafondAtteint
	case uncapped == 0 && t.left > 0 && len(t.forfaits) > 0:
		// Every term paid 0 with something left to pay: each forfait,
		// which had all of left to draw on, found its envelope empty.
		out.Motif = MotifForfaitEpuise
	case t.noLimit != "":
		out.Motif = MotifLimiteInconnue
	case r.hasPLV && t.frais > t.plv:
		out.Motif = MotifPrixAuDessusLimite
	}
	return total, nil
}

// inCarence reports whether the date of care falls within a carence of an
// applying rule, counted from the adhesion date adh (§3 step 3).
func (w *worker) inCarence(adh, day date.Day) bool {
	for _, a := range w.applying {
		for i := range a.carences {
			cp := &a.carences[i]
			if end := after(adh, cp.dur); day < end {
				w.run.carence, w.run.carenceRule, w.run.carenceEnd = cp, a, end
				return true
			}
		}
	}
	return false
}

// coveredQuantity returns how many of the line's quantity units the "max"
// counters of the applying rules leave (§3 step 4). A counter in
// equipement counts the line's equipment: nothing when it already counted
// it in the period, else one unit, the line being covered whole when
// one is left.
func (w *worker) coveredQuantity(c *claims.Claim, adh date.Day, ben *beneficiaryState) int64 {
	t := &w.run
	covered := c.Quantite
	for _, a := range w.applying {
		for i := range a.maxes {
			m := &a.maxes[i]
			start, end, used := period(m.period, c.Date, adh, w.line.stay, find(ben.own, m.id))
			v := counterView{plan: m, start: start, end: end, adh: adh, used: used}
			switch {
			case !m.equip:
				covered = min(covered, max(0, m.count-used))
			case c.Equipement != "" && counted(ben.seenList(), m.id, start, end, c.Equipement):
				v.draw, v.seen = 0, true
			case used >= m.count:
				covered = 0
			default:
				v.draw = 1
			}
			t.counters = append(t.counters, v)
		}
	}
	for i := range t.counters {
		if !t.counters[i].plan.equip {
			t.counters[i].draw = covered
		}
	}
	t.covered, t.quantite = covered, c.Quantite
	return covered
}

// percentOf is what a percentage term of kind k is a percentage of on the
// line: the base, the frais, the ticket modérateur or the price limit.
func (t *layerRun) percentOf(k check.TermKind) money.Cents {
	switch k {
	case check.PercentBRSS:
		return t.base
	case check.PercentFR:
		return t.frais
	case check.PercentTM:
		return max(0, t.base-t.brut)
	case check.PercentPLV:
		return t.plv
	}
	return 0
}

// percentagePart returns the percentage part P of r's formula, capped at
// left (§3 step 5): with "y compris RO" the percentages of the base and of
// the frais less what the RO and earlier layers paid, plus those of the
// ticket modérateur.
func (t *layerRun) percentagePart(mode check.Mode, r *rulePlan) money.Cents {
	if len(r.pct) == 0 {
		return 0
	}
	for i := range r.pct {
		pt := &r.pct[i]
		of := t.percentOf(pt.kind)
		a := pt.rate.Of(of)
		if pt.kind == check.PercentTM {
			t.tm, t.hasTM = money.AddSat(t.tm, a), true
		} else {
			t.bf, t.hasBF = money.AddSat(t.bf, a), true
		}
		t.pctTerms = append(t.pctTerms, termRun{of: of, paid: a})
	}
	p := t.bf
	if mode == check.Deduction {
		p = max(0, t.bf-t.prev)
		t.deducted = p
	}
	p = money.AddSat(p, t.tm)
	t.pctUncapped = p
	return min(p, t.left)
}

// moneyTerms computes the money terms of r in textual order, each within
// what the terms before it left of rem (§3 step 5), and returns their sum.
func (w *worker) moneyTerms(r *rulePlan, day, adh date.Day, covered int64, rem money.Cents, fam *familyState, ben *beneficiaryState) (money.Cents, *Rejection) {
	t := &w.run
	var total money.Cents
	for i := range r.money {
		mt := &r.money[i]
		var a money.Cents
		switch mt.kind {
		case check.FraisReels:
			a = rem
		case check.PerUnit:
			// A share of the PMSS is that of the date of care.
			per, err := w.e.amountAt(mt.perUnit, day)
			if err != nil {
				return 0, err
			}
			a = min(rem, money.Cents(money.MulDivRound(int64(per), covered, 1)))
		case check.Forfait:
			v, err := w.view(&mt.env, day, adh, fam, ben)
			if err != nil {
				return 0, err
			}
			if mt.env.roInclus {
				// RO inclus: the line's prev and the earlier terms
				// count inside the envelope.
				v.inside = t.prev + t.pct + total
			}
			t.forfaits = append(t.forfaits, v)
			a = min(rem, max(0, v.avail-v.inside))
		}
		t.amounts = append(t.amounts, a)
		rem -= a
		total += a
	}
	t.uncut = append(t.uncut, t.amounts...)
	return total, nil
}

// applyPlafonds caps total by each plafond of the applying rules in turn
// (§3 step 6), taking each excess off the money terms, last one first,
// then off the percentage part pct. It returns the capped total.
//
// A plafond with "au-dela FORMULE" that cuts the amount lets the rule pay
// the greater of what it left and what FORMULE pays on the line (never
// more than before the cut); the plafond is charged what it had left.
func (w *worker) applyPlafonds(r *rulePlan, mode check.Mode, day, adh date.Day, total money.Cents, pct *money.Cents, fam *familyState, ben *beneficiaryState) (money.Cents, *Rejection) {
	t := &w.run
	for _, a := range w.applying {
		for i := range a.plafonds {
			v, err := w.view(&a.plafonds[i], day, adh, fam, ben)
			if err != nil {
				return 0, err
			}
			if v.plan.roInclus {
				// RO inclus: the line's prev counts inside the envelope.
				v.inside = t.prev
			}
			t.plafonds = append(t.plafonds, v)
			c := plafondCut{from: len(t.cutTerms)}
			if room := max(0, v.avail-v.inside); total > room {
				keep := room
				if f := a.plafonds[i].auDela; f != nil {
					beyond, err := w.lineFormula(mode, f, day)
					if err != nil {
						return 0, err
					}
					if beyond > room {
						keep = min(beyond, total)
						t.plafonds[len(t.plafonds)-1].beyond, t.plafonds[len(t.plafonds)-1].room = true, room
					}
				}
				if keep < total {
					c.amount = total - keep
					c.fromPct = t.cut(c.amount, pct, len(r.money))
					total = keep
				}
			}
			t.cuts = append(t.cuts, c)
		}
	}
	return total, nil
}

// cut takes amount off the money terms, last one first, then off the
// percentage part, recording what came off each term; it returns what
// came off the percentage part.
func (t *layerRun) cut(amount money.Cents, pct *money.Cents, terms int) money.Cents {
	from := len(t.cutTerms)
	t.cutTerms = append(t.cutTerms, make([]money.Cents, terms)...)
	for i := terms - 1; i >= 0 && amount > 0; i-- {
		d := min(amount, t.amounts[i])
		t.amounts[i] -= d
		t.cutTerms[from+i] = d
		amount -= d
	}
	d := min(amount, *pct)
	*pct -= d
	return d
}

// consume records the charges of a layer whose rules pay rc > 0 (§3 step
// 7): each forfait what its term paid, each plafond rc, each counter what
// the line draws on it; an envelope "RO inclus" is charged what counted
// inside it too.
func (w *worker) consume(r *rulePlan, rc money.Cents, ben *beneficiaryState) {
	t := &w.run
	f := 0
	for i := range r.money {
		if r.money[i].kind != check.Forfait {
			continue
		}
		if v := t.forfaits[f]; t.amounts[i] > 0 {
			w.pending = append(w.pending, pendingCharge{v.list, v.plan.id, v.start, v.end, v.adh, int64(v.inside + t.amounts[i])})
		}
		f++
	}
	for _, v := range t.plafonds {
		charged := rc
		if v.beyond {
			charged = min(rc, v.room)
		}
		w.pending = append(w.pending, pendingCharge{v.list, v.plan.id, v.start, v.end, v.adh, int64(v.inside + charged)})
	}
	for _, v := range t.counters {
		if v.draw > 0 {
			w.pending = append(w.pending, pendingCharge{&ben.own, v.plan.id, v.start, v.end, v.adh, v.draw})
		}
		if v.plan.equip && !v.seen && w.line.claim.Equipement != "" {
			w.pendingSeen = append(w.pendingSeen, pendingSeen{&ben.equipment().seen, v.plan.id, v.start, v.end})
		}
	}
}

// view returns how envelope p stands for a line dated date: per beneficiary
// or per family, in the period containing date.
func (w *worker) view(p *envelopePlan, date, adh date.Day, fam *familyState, ben *beneficiaryState) (envView, *Rejection) {
	list := &ben.own
	if p.parFamille {
		list = &fam.shared
	}
	start, end, used := period(p.period, date, adh, w.line.stay, find(*list, p.id))
	at := start // a share of the PMSS is that of the first day of the period
	if p.period.Kind == check.Sejour {
		at = date // a stay's key is no date: the PMSS of the date of care
	}
	amount, err := w.e.amountAt(w.raisedAmount(p, date, adh), at)
	if err != nil {
		return envView{}, err
	}
	// A period is charged with positive amounts only: a glissant window
	// with nothing used is one the line would open.
	open := p.period.Kind != check.Glissant || used > 0
	return envView{plan: p, list: list, start: start, end: end, adh: adh, avail: max(0, amount-money.Cents(used)), open: open}, nil
}
