package engine

import (
	"fmt"
	"strconv"
	"strings"

	"garantie/dsl/check"
	"garantie/eval/claims"
	"garantie/eval/date"
	"garantie/eval/money"
)

// note appends a sentence to the explanation of the current line. Callers
// guard it with w.explain so that nothing is formatted otherwise.
func (w *worker) note(format string, args ...any) {
	*w.trace = append(*w.trace, fmt.Sprintf(format, args...))
}

// explainLayer renders the explanation of the layer l just evaluated on
// c, from what the arithmetic recorded in w.run, in the order of §3, then
// what the law of the contrat responsable changed (traceLaw).
func (w *worker) explainLayer(l *layerPlan, c *claims.Claim) {
	t := &w.run
	if t.law.applied && t.law.majoration > 0 {
		w.note("%s: contrat responsable: the hors-parcours majoration %s is not paid: RO brut counted as %s, as within the parcours de soins",
			l.name, t.law.majoration, w.line.brut+t.law.majoration)
	}
	w.explainRules(l, c)
	if t.law.applied {
		w.traceLaw()
	}
}

// explainRules explains what the rules of the layer paid.
func (w *worker) explainRules(l *layerPlan, c *claims.Claim) {
	t := &w.run
	if t.stop == stopNoRule {
		w.note("%s: no rule for %s: non couvert, pays 0.00", l.name, c.Poste)
		return
	}
	r := t.rule
	w.note("%s: rule %s (%s)", l.name, r.where, r.poste)
	switch t.stop {
	case stopNonCouvert:
		w.note("non couvert: pays 0.00")
		return
	case stopCarence:
		w.note("%s (%s): care before %s, pays 0.00", t.carence.text, t.carenceRule.where, t.carenceEnd)
		return
	case stopMaxAtteint:
		w.traceCounters(0, false)
		return
	}
	if t.covered < t.quantite {
		w.note("%d of %d units covered: frais %s, base %s, %s", t.covered, t.quantite, t.frais, t.base, w.prevText(t.brut, t.prev, ", "))
	}
	if t.noLimit != "" {
		w.note("limite légale inconnue: %s: the PLV terms pay 0.00", t.noLimit)
	} else if r.hasPLV {
		w.note("100%% Santé price limit: %s for %d %s", t.plv, t.covered, plural("unit", t.covered))
		if t.frais > t.plv {
			w.note("prix au-dessus de la limite légale: frais %s above the price limit %s: the PLV terms pay within the limit", t.frais, t.plv)
		}
	}
	w.tracePercentage(l.mode, r)
	w.traceMoney(r)
	w.traceEnvelopes(r)
	w.traceUnitCaps()
	w.traceCounters(t.covered, t.total > 0)
	w.note("RC %s", t.total)
}

// tracePercentage explains the percentage part of step 5.
func (w *worker) tracePercentage(mode check.Mode, r *rulePlan) {
	t := &w.run
	if len(r.pct) == 0 {
		return
	}
	for i, pt := range t.pctTerms {
		w.note("%s of %s: %s", r.pct[i].text, pt.of, pt.paid)
	}
	if mode == check.Deduction && t.hasBF {
		w.note("y compris RO: %s minus %s = %s", t.bf, w.prevText(t.brut, t.prev, " and "), t.deducted)
	}
	if len(r.pct) > 1 && (mode != check.Deduction || t.hasTM) {
		// Several terms and no line above gives their total.
		w.note("percentage part: %s", t.pctUncapped)
	}
	if t.pctUncapped > t.left {
		w.note("percentage part %s capped at the %s %s", t.pctUncapped, t.left, w.leftText(false))
	}
}

// traceMoney explains the money terms of r in textual order, with what
// each finally paid and, when a plafond cut it, what it would have paid.
func (w *worker) traceMoney(r *rulePlan) {
	t := &w.run
	n := 0
	for _, c := range t.cuts {
		if c.amount > 0 {
			n++
		}
	}
	without := "without the plafond"
	if n > 1 {
		without = "without the plafonds"
	}
	if t.law.applied && t.law.final < t.law.contract && t.stop == stopNone {
		// A legal ceiling cut the money terms too (lawLayer).
		without = "without the legal ceiling"
		if n > 0 {
			without = "without the plafonds and the legal ceiling"
		}
	}
	rest, consumed := t.left-t.pct, t.pct > 0
	f := 0
	for i := range r.money {
		mt := &r.money[i]
		paid, would := t.amounts[i], t.uncut[i]
		var clauses []string
		if would != paid {
			clauses = append(clauses, "would have paid "+would.String()+" "+without)
		}
		if mt.kind == check.Forfait {
			v := t.forfaits[f]
			f++
			if would < max(0, v.avail-v.inside) {
				clauses = append(clauses, "capped at the "+rest.String()+" "+w.leftText(consumed))
			}
			extra := ""
			if len(clauses) > 0 {
				extra = " (" + strings.Join(clauses, ", ") + ")"
			}
			w.note("%s: %s available%s, %s used%s, %s left", envHead(v, paid > 0), v.avail, insideText(v, paid), paid, extra, v.avail-charged(v, paid))
		} else {
			clauses = append(clauses, rest.String()+" "+w.leftText(consumed))
			w.note("%s: %s (%s)", mt.text, paid, strings.Join(clauses, "; "))
		}
		rest -= would
		consumed = consumed || would > 0
	}
}

// traceEnvelopes explains the plafonds of a layer once its final amount
// is known: what each cut, and how its envelope stands.
func (w *worker) traceEnvelopes(r *rulePlan) {
	t := &w.run
	for k, v := range t.plafonds {
		if c := t.cuts[k]; c.amount > 0 {
			w.note("%s", cutText(r, v, c, t.cutTerms[c.from:c.from+len(r.money)], t.total > 0))
		}
		paid := t.total
		if v.beyond {
			// au-dela paid past the plafond: it is charged what it had.
			paid = min(t.total, v.room)
			w.note("%s: %s on this line, more than the %s the plafond left; the %s beyond it are charged to no envelope",
				v.plan.auDela.text, t.total, v.room, t.total-paid)
		}
		w.note("%s: %s available%s, %s used, %s left", envHead(v, t.total > 0), v.avail, insideText(v, paid), paid, v.avail-charged(v, paid))
	}
}

// insideText says what counts inside an envelope "RO inclus": ", RO and
// earlier payments 0.09 inside".
func insideText(v envView, paid money.Cents) string {
	if !v.plan.roInclus {
		return ""
	}
	return ", RO inclus: " + v.inside.String() + " already paid on the line counts inside"
}

// charged is what an envelope is charged when its term or rule pays paid.
func charged(v envView, paid money.Cents) money.Cents {
	if paid == 0 {
		return 0
	}
	return v.inside + paid
}

// envHead names an envelope with its rule and period: "forfait 100€ / 24
// mois glissants (t.garantie:4, from 2026-03-02 to 2028-03-01)". A
// glissant window the line neither found open nor opened (it draws
// nothing) has no dates: "(t.garantie:4, no window open)".
func envHead(v envView, drawn bool) string {
	return v.plan.text + " (" + v.plan.owner + ", " + spanText(v.start, v.end, v.plan.period, v.open || drawn) + ")"
}

// cutText explains the cut c of plafond v, given what came off each money
// term: "plafond 70€ / annee civile (t.garantie:3, 2026): 70.00
// available: cut 170.00 (110.00 from frais reels, 20.00 from the
// percentage part)".
func cutText(r *rulePlan, v envView, c plafondCut, fromTerms []money.Cents, drawn bool) string {
	var parts []string
	for i := len(r.money) - 1; i >= 0; i-- {
		if d := fromTerms[i]; d > 0 {
			parts = append(parts, d.String()+" from "+r.money[i].text)
		}
	}
	if c.fromPct > 0 {
		parts = append(parts, c.fromPct.String()+" from the percentage part")
	}
	return fmt.Sprintf("%s: %s available: cut %s (%s)", envHead(v, drawn), v.avail, c.amount, strings.Join(parts, ", "))
}

// prevText says what prev is made of: "RO brut 21.00", and in a later
// layer "RO brut 21.00<sep>earlier layers 24.00".
func (w *worker) prevText(brut, prev money.Cents, sep string) string {
	ro := "RO brut " + brut.String()
	if part := w.line.part; part > 0 {
		// The participation withheld is not in prev (§10.6).
		ro = "RO brut " + brut.String() + " less the participation " + part.String()
		brut -= part
	}
	if w.first {
		return ro
	}
	return ro + sep + "earlier layers " + (prev - brut).String()
}

// leftText names what an amount is left of: "left after the RO", with
// earlier layers in a later layer and the terms before when they paid.
func (w *worker) leftText(consumed bool) string {
	switch {
	case w.first && !consumed:
		return "left after the RO"
	case w.first:
		return "left after the RO and the terms before"
	case !consumed:
		return "left after the RO and earlier layers"
	}
	return "left after the RO, earlier layers and the terms before"
}

// traceCounters explains the "max" counters of a layer: "max 4 seances /
// annee civile: 3rd of 4".
func (w *worker) traceCounters(covered int64, charged bool) {
	for _, v := range w.run.counters {
		m := v.plan
		open := m.period.Kind != check.Glissant || v.used > 0 || charged
		head := m.text + " (" + m.owner + ", " + spanText(v.start, v.end, m.period, open) + ")"
		switch {
		case covered == 0:
			w.note("%s: %d of %d %s already used, nothing covered", head, v.used, m.count, m.unit)
		case v.seen:
			w.note("%s: equipment %s already counted, covered with it", head, w.line.claim.Equipement)
		case !charged:
			w.note("%s: %d of %d used, not counted as nothing is paid", head, v.used, m.count)
		case m.equip || covered == 1:
			w.note("%s: %s of %d", head, ordinal(v.used+1), m.count)
		default:
			w.note("%s: %s to %s of %d", head, ordinal(v.used+1), ordinal(v.used+covered), m.count)
		}
	}
}

// spanText renders the period [start, end) with its last day, or "no
// window open" for a glissant window that is not open.
func spanText(start, end date.Day, p check.Period, open bool) string {
	if p.Kind == check.Sejour {
		return "this stay"
	}
	if !open {
		return "no window open"
	}
	if p.Kind == check.AnneeCivile {
		y, _, _ := start.Civil()
		return strconv.Itoa(y)
	}
	return "from " + start.String() + " to " + (end - 1).String()
}

// ordinal renders n as "1st", "2nd", "3rd", "4th", "11th"...
func ordinal(n int64) string {
	suffix := "th"
	switch n % 10 {
	case 1:
		suffix = "st"
	case 2:
		suffix = "nd"
	case 3:
		suffix = "rd"
	}
	if n%100 >= 11 && n%100 <= 13 {
		suffix = "th"
	}
	return strconv.FormatInt(n, 10) + suffix
}

// termText renders a formula term as a contract would write it.
func termText(t check.Term) string {
	switch t.Kind {
	case check.PercentBRSS:
		return t.Percent.String() + "% BRSS"
	case check.PercentTM:
		return t.Percent.String() + "% TM"
	case check.PercentFR:
		return t.Percent.String() + "% FR"
	case check.PercentPLV:
		return t.Percent.String() + "% PLV"
	case check.FraisReels:
		return "frais reels"
	case check.PerUnit:
		return amountText(t.Amount) + " / " + string(t.Unit)
	}
	if t.Enveloppe != nil {
		return "forfait " + t.Enveloppe.Name + " (" + amountText(t.Amount) + raisesText(t.Raises) + " / " + periodText(t.Period) + parFamilleText(t.ParFamille) + roInclusText(t.ROInclus) + ")"
	}
	return "forfait " + amountText(t.Amount) + raisesText(t.Raises) + " / " + periodText(t.Period) + parFamilleText(t.ParFamille) + roInclusText(t.ROInclus)
}

// raisesText renders the "porte a" amounts of an envelope (the
// conditions are the rule's text's).
func raisesText(rs []check.Raise) string {
	s := ""
	for _, r := range rs {
		s += " porte a " + amountText(r.Amount) + " si …"
	}
	return s
}

// termsText renders a formula paid per line.
func termsText(ts []check.Term) string {
	s := ""
	for i, t := range ts {
		if i > 0 {
			s += " + "
		}
		s += termText(t)
	}
	return s
}

// limitText renders a limit as a contract would write it.
func limitText(l check.Limit) string {
	switch l.Kind {
	case check.Max:
		return "max " + strconv.FormatInt(l.Count, 10) + " " + plural(string(l.Unit), l.Count) + " / " + periodText(l.Period)
	case check.Plafond:
		if l.PerUnit != "" {
			return "plafond " + amountText(l.Amount) + " / " + string(l.PerUnit) + roInclusText(l.ROInclus)
		}
		s := "plafond " + amountText(l.Amount) + raisesText(l.Raises) + " / " + periodText(l.Period) + parFamilleText(l.ParFamille) + roInclusText(l.ROInclus)
		if l.AuDela != nil {
			s += " au-dela " + termsText(l.AuDela)
		}
		return s
	case check.Limite:
		s := "limite " + termsText(l.Terms) + " pendant "
		if l.Duration.Months > 0 {
			return s + strconv.Itoa(l.Duration.Months) + " mois"
		}
		return s + strconv.Itoa(l.Duration.Days) + " " + plural("jour", int64(l.Duration.Days))
	}
	s := "carence"
	if d := l.Duration; d.Months > 0 || d.Days == 0 {
		s += " " + strconv.Itoa(d.Months) + " mois"
	}
	if d := l.Duration; d.Days > 0 {
		s += " " + strconv.Itoa(d.Days) + " " + plural("jour", int64(d.Days))
	}
	return s
}

func amountText(a check.Amount) string {
	if a.IsPMSS {
		return a.PMSSPercent.String() + "% PMSS"
	}
	return a.Euros.String() + "€"
}

func periodText(p check.Period) string {
	switch p.Kind {
	case check.Glissant:
		if p.Months == 1 {
			return "1 mois glissant"
		}
		return strconv.Itoa(p.Months) + " mois glissants"
	case check.AnneeContrat:
		return "annee contrat"
	case check.Sejour:
		return "sejour"
	}
	return "annee civile"
}

func parFamilleText(b bool) string {
	if b {
		return " par famille"
	}
	return ""
}

func roInclusText(b bool) string {
	if b {
		return " RO inclus"
	}
	return ""
}

// plural adds the plural s to a unit for counts above one.
func plural(unit string, n int64) string {
	if n > 1 {
		return unit + "s"
	}
	return unit
}
