package eval

import (
	"fmt"
	"strconv"

	"garantie/dsl/check"
)

// note appends a sentence to the explanation of the current line. Callers
// guard it with w.explain so that nothing is formatted otherwise.
func (w *worker) note(format string, args ...any) {
	*w.trace = append(*w.trace, fmt.Sprintf(format, args...))
}

// traceEnvelopes explains the forfaits and plafonds of a layer once the
// line's final amounts are known.
func (w *worker) traceEnvelopes(r *rulePlan, total Cents) {
	f := 0
	for i := range r.money {
		if r.money[i].kind != check.Forfait {
			continue
		}
		w.noteEnvelope(w.forfaits[f], w.amounts[i])
		f++
	}
	for _, v := range w.plafonds {
		w.noteEnvelope(v, total)
	}
}

// noteEnvelope explains one envelope: "forfait 100€ / 24 mois glissants
// (from 2026-03-02 to 2028-03-01): 100.00 available, 60.00 used, 40.00 left".
func (w *worker) noteEnvelope(v envView, used Cents) {
	w.note("%s (%s, %s): %s available, %s used, %s left", v.plan.text, v.plan.owner, periodSpan(v.start, v.end, v.plan.period), v.avail, used, v.avail-used)
}

// traceCounters explains the "max" counters of a layer: "max 4 seances /
// annee civile: 3rd of 4".
func (w *worker) traceCounters(covered int64, charged bool) {
	for _, v := range w.counters {
		m := v.plan
		head := m.text + " (" + m.owner + ", " + periodSpan(v.start, v.end, m.period) + ")"
		switch {
		case covered == 0:
			w.note("%s: %d of %d %s already used, nothing covered", head, v.used, m.count, m.unit)
		case !charged:
			w.note("%s: %d of %d used, not counted as nothing is paid", head, v.used, m.count)
		case covered == 1:
			w.note("%s: %s of %d", head, ordinal(v.used+1), m.count)
		default:
			w.note("%s: %s to %s of %d", head, ordinal(v.used+1), ordinal(v.used+covered), m.count)
		}
	}
}

// periodSpan renders the period [start, end) with its last day.
func periodSpan(start, end Day, p check.Period) string {
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
	case check.FraisReels:
		return "frais reels"
	case check.PerUnit:
		return amountText(t.Amount) + " / " + string(t.Unit)
	}
	return "forfait " + amountText(t.Amount) + " / " + periodText(t.Period) + parFamilleText(t.ParFamille)
}

// limitText renders a limit as a contract would write it.
func limitText(l check.Limit) string {
	switch l.Kind {
	case check.Max:
		return "max " + strconv.FormatInt(l.Count, 10) + " " + plural(string(l.Unit), l.Count) + " / " + periodText(l.Period)
	case check.Plafond:
		return "plafond " + amountText(l.Amount) + " / " + periodText(l.Period) + parFamilleText(l.ParFamille)
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
		return strconv.Itoa(p.Months) + " mois glissants"
	case check.AnneeContrat:
		return "annee contrat"
	}
	return "annee civile"
}

func parFamilleText(b bool) string {
	if b {
		return " par famille"
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
