package engine

import (
	"garantie/dsl/check"
	"garantie/eval/date"
)

// period returns the period of p that contains day, and what e (the
// envelope's state, nil if never charged) has used in it. A glissant window
// that is not open at day would open at day on a positive charge.
// Annee contrat periods run between anniversaries of adh, or of the
// envelope's anchor once it has been charged. A sejour period is the
// line's stay, whose key (stayKey) stands for its start, its end one past.
func period(p check.Period, day, adh, stay date.Day, e *envelope) (start, end date.Day, used int64) {
	switch p.Kind {
	case check.Sejour:
		start, end = stay, stay+1
	case check.Glissant:
		if e != nil && day >= e.start && day < e.end {
			return e.start, e.end, e.used
		}
		return day, day.AddMonths(p.Months), 0
	case check.AnneeContrat:
		if e != nil {
			adh = e.anchor
		}
		n := date.YearsBetween(adh, day)
		start, end = anniversary(adh, n), anniversary(adh, n+1)
	default:
		y, _, _ := day.Civil()
		start, end = date.DayOf(y, 1, 1), date.DayOf(y+1, 1, 1)
	}
	if e != nil && e.start == start && e.end == end {
		used = e.used
	}
	return start, end, used
}

// anniversary returns the n-th anniversary of d (n may be negative); a
// 29 February falls on 28 February in other years, as in YearsBetween.
func anniversary(d date.Day, n int) date.Day {
	y, m, dd := d.Civil()
	y += n
	return date.DayOf(y, m, min(dd, date.DaysIn(y, m)))
}

// after returns d plus a carence duration.
func after(d date.Day, dur check.Duration) date.Day {
	return d.AddMonths(dur.Months) + date.Day(dur.Days)
}
