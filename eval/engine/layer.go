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

// envView is an envelope as the line sees it before being charged.
type envView struct {
	plan       *envelopePlan
	list       *[]envelope
	start, end date.Day
	adh        date.Day    // the adhesion date of the line
	avail      money.Cents // what is left of the period's amount before this line
}

// counterView is a counter as the line sees it before being charged.
type counterView struct {
	plan       *counterPlan
	start, end date.Day
	adh        date.Day // the adhesion date of the line
	used       int64
}

// evalLayer evaluates c in layer l with the rules of ch (§3 steps 3 to 7),
// given what the RO and earlier layers paid. It fills out and returns the
// layer's RC, or the reason to reject the line. Charges go to w.pending.
func (w *worker) evalLayer(l *layerPlan, ch choice, c *claims.Claim, ro *roAmounts, paid money.Cents, fam *familyState, ben *beneficiaryState, out *Couche) (money.Cents, *Rejection) {
	if ch.formula < 0 {
		out.Motif = MotifNonCouvert
		if w.explain {
			w.note("%s: no rule for %s: non couvert, pays 0.00", l.name, c.Poste)
		}
		return 0, nil
	}
	r := &l.rules[ch.formula]
	out.Regle = r.where
	if w.explain {
		w.note("%s: rule %s (%s)", l.name, r.where, r.poste)
	}
	if r.kind == check.NonCouvertRule {
		out.Motif = MotifNonCouvert
		if w.explain {
			w.note("non couvert: pays 0.00")
		}
		return 0, nil
	}
	w.applying = append(w.applying[:0], r)
	for _, ri := range w.limitBuf[ch.lo:ch.hi] {
		w.applying = append(w.applying, &l.rules[ri])
	}

	// Step 3: carence.
	for _, a := range w.applying {
		for _, cp := range a.carences {
			if end := after(ch.adh, cp.dur); c.Date < end {
				out.Motif = MotifCarence
				if w.explain {
					w.note("%s (%s): care before %s, pays 0.00", cp.text, a.where, end)
				}
				return 0, nil
			}
		}
	}

	// Step 4: covered quantity.
	covered := c.Quantite
	w.counters = w.counters[:0]
	for _, a := range w.applying {
		for i := range a.maxes {
			m := &a.maxes[i]
			start, end, used := period(m.period, c.Date, ch.adh, find(ben.own, m.id))
			w.counters = append(w.counters, counterView{plan: m, start: start, end: end, adh: ch.adh, used: used})
			covered = min(covered, max(0, m.count-used))
		}
	}
	if covered == 0 {
		out.Motif = MotifMaxAtteint
		if w.explain {
			w.traceCounters(0, false)
		}
		return 0, nil
	}
	frais, base, brut, prev := c.Frais, c.Base, ro.brut, ro.brut+paid
	if q := c.Quantite; covered < q {
		frais = money.Cents(money.MulDivRound(int64(frais), covered, q))
		base = money.Cents(money.MulDivRound(int64(base), covered, q))
		brut = money.Cents(money.MulDivRound(int64(brut), covered, q))
		prev = money.Cents(money.MulDivRound(int64(prev), covered, q))
		if w.explain {
			w.note("%d of %d units covered: frais %s, base %s, %s", covered, q, frais, base, w.prevText(brut, prev, ", "))
		}
	}
	left := max(0, frais-prev)

	// Step 5: the percentage part, then the money terms in textual order.
	pct := w.percentagePart(l.mode, r, frais, base, brut, prev, left)
	rem := left - pct
	w.amounts = w.amounts[:0]
	w.forfaits = w.forfaits[:0]
	for i := range r.money {
		t := &r.money[i]
		var a money.Cents
		switch t.kind {
		case check.FraisReels:
			a = rem
		case check.PerUnit:
			a = min(rem, money.Cents(money.MulDivRound(int64(t.perUnit), covered, 1)))
		case check.Forfait:
			v, err := w.view(&t.env, c.Date, ch.adh, fam, ben)
			if err != nil {
				return 0, err
			}
			w.forfaits = append(w.forfaits, v)
			a = min(rem, v.avail)
		}
		w.amounts = append(w.amounts, a)
		rem -= a
	}
	total := pct
	for _, a := range w.amounts {
		total += a
	}
	uncapped := total
	if w.explain {
		w.uncut = append(w.uncut[:0], w.amounts...)
		w.cuts = w.cuts[:0]
	}
	pct0 := pct // before the plafonds, for explanations

	// Step 6: plafonds, the formula rule's own first.
	w.plafonds = w.plafonds[:0]
	for _, a := range w.applying {
		for i := range a.plafonds {
			v, err := w.view(&a.plafonds[i], c.Date, ch.adh, fam, ben)
			if err != nil {
				return 0, err
			}
			w.plafonds = append(w.plafonds, v)
			if total > v.avail {
				if w.explain {
					w.before = append(w.before[:0], w.amounts...)
					p := pct
					cut(total-v.avail, &pct, w.amounts)
					w.cuts = append(w.cuts, w.cutText(r, v, total-v.avail, p-pct))
				} else {
					cut(total-v.avail, &pct, w.amounts)
				}
				total = v.avail
			} else if w.explain {
				w.cuts = append(w.cuts, "")
			}
		}
	}
	switch {
	case uncapped > 0 && total == 0:
		out.Motif = MotifPlafondAtteint
	case uncapped == 0 && left > 0 && len(w.forfaits) > 0:
		// Every term paid 0 with something left to pay: each forfait,
		// which had all of left to draw on, found its envelope empty.
		out.Motif = MotifForfaitEpuise
	}
	if w.explain {
		w.traceMoney(r, left, pct0)
		w.traceEnvelopes(total)
		w.traceCounters(covered, total > 0)
		w.note("RC %s", total)
	}

	// Step 7: consumption, only when the layer pays.
	if total > 0 {
		f := 0
		for i := range r.money {
			if r.money[i].kind != check.Forfait {
				continue
			}
			if v := w.forfaits[f]; w.amounts[i] > 0 {
				w.pending = append(w.pending, pendingCharge{v.list, v.plan.id, v.start, v.end, v.adh, int64(w.amounts[i])})
			}
			f++
		}
		for _, v := range w.plafonds {
			w.pending = append(w.pending, pendingCharge{v.list, v.plan.id, v.start, v.end, v.adh, int64(total)})
		}
		for _, v := range w.counters {
			w.pending = append(w.pending, pendingCharge{&ben.own, v.plan.id, v.start, v.end, v.adh, covered})
		}
	}
	return total, nil
}

// percentagePart returns the percentage part P of r's formula, capped at
// left (§3 step 5).
func (w *worker) percentagePart(mode check.Mode, r *rulePlan, frais, base, brut, prev, left money.Cents) money.Cents {
	if len(r.pct) == 0 {
		return 0
	}
	var bf, tm money.Cents
	hasBF, hasTM := false, false
	for i := range r.pct {
		t := &r.pct[i]
		var of, a money.Cents
		switch t.kind {
		case check.PercentBRSS:
			of = base
		case check.PercentFR:
			of = frais
		case check.PercentTM:
			of = max(0, base-brut)
		}
		a = t.rate.Of(of)
		if t.kind == check.PercentTM {
			tm, hasTM = money.AddSat(tm, a), true
		} else {
			bf, hasBF = money.AddSat(bf, a), true
		}
		if w.explain {
			w.note("%s of %s: %s", t.text, of, a)
		}
	}
	p := bf
	if mode == check.Deduction {
		p = max(0, bf-prev)
		if w.explain && hasBF {
			w.note("y compris RO: %s minus %s = %s", bf, w.prevText(brut, prev, " and "), p)
		}
	}
	p = money.AddSat(p, tm)
	if w.explain && len(r.pct) > 1 && (mode != check.Deduction || hasTM) {
		// Several terms and no line above gives their total.
		w.note("percentage part: %s", p)
	}
	if p > left {
		if w.explain {
			w.note("percentage part %s capped at the %s %s", p, left, w.leftText(false))
		}
		p = left
	}
	return p
}

// cut takes amount off the money terms, last one first, then off the
// percentage part (§3 step 6).
func cut(amount money.Cents, pct *money.Cents, money []money.Cents) {
	for i := len(money) - 1; i >= 0 && amount > 0; i-- {
		d := min(amount, money[i])
		money[i] -= d
		amount -= d
	}
	*pct -= min(amount, *pct)
}

// view returns how envelope p stands for a line dated date: per beneficiary
// or per family, in the period containing date.
func (w *worker) view(p *envelopePlan, date, adh date.Day, fam *familyState, ben *beneficiaryState) (envView, *Rejection) {
	list := &ben.own
	if p.parFamille {
		list = &fam.shared
	}
	start, end, used := period(p.period, date, adh, find(*list, p.id))
	amount, err := w.e.amountAt(p.amount, start)
	if err != nil {
		return envView{}, err
	}
	return envView{plan: p, list: list, start: start, end: end, adh: adh, avail: max(0, amount-money.Cents(used))}, nil
}
